"""What the Python dbt model int_topics__review_terms runs.

dbt-duckdb runs the model file in the build's process with a DuckDB connection; it
calls review_term_rows with the SQL of the relations it reads. Reviews are read in
batches of BATCH_REVIEWS, so memory stays flat however many reviews a build
tokenises; each distinct raw token is turned into items once per build (Lexicon).
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.topics.terms import TERMS_TYPE, review_terms
from warehouse.topics.words import GROUPS, LEXICON_SCHEMA, name_forms, token_items

BATCH_REVIEWS = 50_000

REVIEW_TERMS_SCHEMA = pa.schema(
    [
        ("review_key", pa.string()),
        ("company_id", pa.string()),
        ("portal", pa.string()),
        ("published_on", pa.date32()),
        ("polarity", pa.string()),
        ("author_pseudonym", pa.string()),
        ("terms", TERMS_TYPE),
    ]
)


class Lexicon:
    """Raw tokens -> their items (kinds, forms, lemmas), computed once per token."""

    def __init__(self, group: str):
        self.group = group
        self._items: dict[str, tuple[list[int], list[str], list[str]]] = {}
        self._lemmatise = None

    def _lemma(self, word: str) -> str:
        if self._lemmatise is None:
            from warehouse.topics.words import lemmatiser

            self._lemmatise = lemmatiser(self.group)
        return self._lemmatise(word)

    def __call__(self, vocabulary: pa.Array) -> pa.Table:
        items = self._items
        rows = []
        for raw in vocabulary.to_pylist():
            row = items.get(raw)
            if row is None:
                row = items[raw] = token_items(raw, self.group, self._lemma)
            rows.append(row)
        return pa.table(
            {
                name: pa.array([r[i] for r in rows], LEXICON_SCHEMA.field(name).type)
                for i, name in enumerate(("kinds", "forms", "lemmas"))
            }
        )


class CompanyNames:
    """company_id -> its name forms, made on first ask: a build tokenises the reviews of
    some companies (an incremental one, of a few), and making every company's forms
    costs seconds at 100,000 companies."""

    def __init__(self, session: duckdb.DuckDBPyConnection, companies_sql: str):
        con = session.cursor()
        try:
            rows = con.sql(
                f"select company_id, company_name, domain, aliases from ({companies_sql})"
            ).fetchall()
        finally:
            con.close()
        self._rows = {cid: (name, domain, aliases) for cid, name, domain, aliases in rows}
        self._forms: dict[str, frozenset[str]] = {}

    def get(self, company_id: str, default=()) -> frozenset[str]:
        forms = self._forms.get(company_id)
        if forms is None:
            row = self._rows.get(company_id)
            if row is None:
                return default
            name, domain, aliases = row
            forms = self._forms[company_id] = name_forms(name, domain, *(aliases or ()))
        return forms


def _batches(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.Table]:
    for batch in con.sql(sql).to_arrow_reader(BATCH_REVIEWS):
        if batch.num_rows:
            yield pa.Table.from_batches([batch])


def review_term_rows(
    session: duckdb.DuckDBPyConnection, pending_sql: str, companies_sql: str
) -> pa.Table:
    """One row per pending review (REVIEW_TERMS_SCHEMA) with its distinct terms."""
    names = CompanyNames(session, companies_sql)
    lexicons = {group: Lexicon(group) for group in GROUPS}
    out = []
    reader = session.cursor()
    try:
        for batch in _batches(reader, pending_sql):
            for group, lexicon in lexicons.items():
                part = batch.filter(pc.equal(batch.column("language_group"), group))
                if not part.num_rows:
                    continue
                terms = review_terms(
                    part.column("body").combine_chunks(),
                    part.column("company_id").combine_chunks(),
                    lexicon,
                    names,
                )
                columns = [part.column(f.name) for f in REVIEW_TERMS_SCHEMA if f.name != "terms"]
                table = pa.table([*columns, terms], names=REVIEW_TERMS_SCHEMA.names)
                out.append(table.cast(REVIEW_TERMS_SCHEMA))
    finally:
        reader.close()
    return pa.concat_tables(out) if out else REVIEW_TERMS_SCHEMA.empty_table()
