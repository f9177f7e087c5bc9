"""Great Expectations checks on every batch before it reaches the lake.

Suites are declared in code and run in an ephemeral context on GX's pandas
data source, in chunks of ``CHUNK_ROWS`` so memory and time stay bounded.
Every expectation is a plain vectorised one: the per-portal language rule is
one in-set check over ``portal|language`` pairs (the frame GX sees carries the
pair in the ``language`` column), and only the columns an expectation reads
are converted to pandas.
Rows that fail a row-level expectation go to quarantine with the reason
``gx:<expectation type>:<column>``; a batch-level failure (a missing column,
broken key uniqueness) stops the run with ``ValidationFailed``. Every result is
rendered to HTML under ``<reports>/data-docs/``.
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import great_expectations as gx
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core import storage
from core.contracts.lake import TABLES
from core.settings import ConfigError
from transforms import quarantine as Q
from transforms.batch import BatchResult, Context

log = logging.getLogger(__name__)

CHUNK_ROWS = 500_000
# Expectations that judge the whole batch, not single rows.
BATCH_LEVEL = {
    "expect_table_columns_to_match_set",
    "expect_column_values_to_be_unique",
    "expect_compound_columns_to_be_unique",
}
PRECISIONS = ["second", "day", "month"]


class ValidationFailed(ConfigError):
    """A batch broke an expectation that no single quarantined row can explain."""


# Between portal and language in the pair values the language rule checks.
PAIR_SEP = "|"


@lru_cache(maxsize=1)
def _context() -> Any:
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints every pandas batch under 1 GB (an md5 over a row hash of the whole
    # frame: ~15% of validation time here) only to label it in the results; our chunks
    # are labelled by run date and table instead.
    pandas_execution_engine.HASH_THRESHOLD = 0
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("ruf_lake")
    for name in ("reviews", "mentions", "aggregates"):
        source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("chunk")
    return context


def suite(table: str, languages: dict[str, tuple[str, ...]], latest: Any) -> Any:
    """The expectation suite of one lake table; ``languages`` is portal -> allowed languages."""
    E = gx.expectations
    schema = TABLES[table]
    key = {"reviews": "review_key", "mentions": "mention_key"}.get(table)
    exps: list[Any] = [
        E.ExpectTableColumnsToMatchSet(column_set=schema.names, exact_match=True),
        *[
            E.ExpectColumnValuesToNotBeNull(column=c)
            for c in (key, "portal", "company_id", "portal_company_id", "fetched_at")
            if c
        ],
        E.ExpectColumnValuesToBeInSet(column="portal", value_set=sorted(languages)),
    ]
    if table in ("reviews", "aggregates"):
        exps += [
            E.ExpectColumnValuesToNotBeNull(column="score_100"),
            E.ExpectColumnValuesToBeBetween(column="score_100", min_value=0, max_value=100),
        ]
    if table == "reviews":
        exps.append(E.ExpectColumnValuesToBeBetween(column="stars", min_value=1, max_value=5))
    if key:
        exps += [
            E.ExpectColumnValuesToBeUnique(column=key),
            E.ExpectColumnValuesToNotBeNull(column="published_at"),
            E.ExpectColumnValuesToBeBetween(column="published_at", max_value=latest),
            E.ExpectColumnValuesToBeInSet(column="published_precision", value_set=PRECISIONS),
            # Each portal carries its own languages (config/portals.yaml): one
            # vectorised in-set check over the portal|language pairs (see _frame).
            E.ExpectColumnValuesToBeInSet(
                column="language",
                value_set=sorted(
                    f"{p}{PAIR_SEP}{lang}" for p, langs in languages.items() for lang in langs
                ),
            ),
        ]
    else:
        exps.append(
            E.ExpectCompoundColumnsToBeUnique(column_list=["portal", "company_id", "fetched_on"])
        )
    return gx.ExpectationSuite(name=f"ruf_{table}", expectations=exps)


# Columns some expectation reads row by row; the others are passed as nulls, so
# GX still sees every column name while not copying (and pickling) long texts.
CHECKED = {
    "review_key",
    "mention_key",
    "portal",
    "company_id",
    "portal_company_id",
    "fetched_at",
    "fetched_on",
    "score_100",
    "stars",
    "published_at",
    "published_precision",
    "language",
}


def _frame(table: pa.Table, schema: pa.Schema) -> Any:
    """The pandas frame GX checks: every column name, data only where an expectation reads."""
    t = table.select(schema.names)
    cols = [
        t.column(f.name) if f.name in CHECKED else pa.nulls(t.num_rows, pa.null()) for f in schema
    ]
    df = pa.Table.from_arrays(cols, names=schema.names).to_pandas(
        types_mapper={pa.string(): pd.StringDtype()}.get
    )
    return df.reset_index(drop=True)


def _language_pairs(table: pa.Table, languages: dict[str, tuple[str, ...]]) -> pa.Table:
    """``language`` as ``portal|language`` (null where the portal declares no languages),
    so one in-set check covers every portal's rule."""
    if "language" not in table.column_names:
        return table
    portal = table.column("portal")
    ruled = pc.is_in(
        portal, value_set=pa.array([p for p, v in languages.items() if v], pa.string())
    )
    pair = pc.binary_join_element_wise(portal, table.column("language"), PAIR_SEP)
    i = table.schema.get_field_index("language")
    return table.set_column(
        i, table.schema.field(i), pc.if_else(ruled, pair, pa.scalar(None, pa.string()))
    )


def validate_table(
    table: str, rows: pa.Table, languages: dict[str, tuple[str, ...]], now: Any
) -> tuple[dict[int, list[str]], list[Any]]:
    """Row index -> gx reason codes, and the GX results; raises on batch-level failures."""
    schema = TABLES[table]
    latest = pd.Timestamp(now + timedelta(days=1))
    context = _context()
    batch_def = context.data_sources.get("ruf_lake").get_asset(table).get_batch_definition("chunk")
    expectations = suite(table, languages, latest)
    failures: dict[int, list[str]] = {}
    results = []
    for start in range(0, max(rows.num_rows, 1), CHUNK_ROWS):
        chunk = rows.slice(start, CHUNK_ROWS)
        df = _frame(_language_pairs(chunk, languages), schema)
        batch = batch_def.get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(expectations, result_format={"result_format": "COMPLETE"})
        results.append(result)
        for r in result.results:
            cfg = r.expectation_config
            column = cfg.kwargs.get("column") or ",".join(
                cfg.kwargs.get("column_list")
                or [c for c in (cfg.kwargs.get("column_A"), cfg.kwargs.get("column_B")) if c]
            )
            raised = bool(r.exception_info and r.exception_info.get("raised_exception"))
            if r.success and not raised:
                continue
            if cfg.type in BATCH_LEVEL or raised:
                detail = (r.exception_info or {}).get("exception_message") or (
                    f"{(r.result or {}).get('unexpected_count')} unexpected values"
                )
                raise ValidationFailed(
                    f"{table} failed {cfg.type} on {column or 'the table'}: {detail}"
                )
            for i in (r.result or {}).get("unexpected_index_list") or []:
                failures.setdefault(start + int(i), []).append(f"gx:{cfg.type}:{column}")
    return failures, results


KINDS = {"reviews": "review", "mentions": "mention", "aggregates": "aggregate"}


def apply(
    ctx: Context, result: BatchResult, run_date: str, results_out: list | None = None
) -> BatchResult:
    """Validate the clean tables; move failing rows to quarantine; write Data Docs
    (or, with ``results_out``, collect the GX results there to write them once per batch)."""
    all_results: list[tuple[str, Any]] = []
    tables = {
        "reviews": result.reviews,
        "mentions": result.mentions,
        "aggregates": result.aggregates,
    }
    quarantined = [result.quarantine]
    for name, rows in tables.items():
        if rows.num_rows == 0:
            continue
        failures, results = validate_table(name, rows, ctx.languages, ctx.now)
        all_results += [(name, r) for r in results]
        if not failures:
            continue
        failed = sorted(failures)
        picked = rows.take(failed)
        codes = [failures[row] for row in failed]
        quarantined.append(
            Q.rows(
                ctx,
                run_date,
                portal=picked.column("portal"),
                kind=pa.array([KINDS[name]] * len(failed), pa.string()),
                codes=codes,
                details=[f"failed {len(c)} expectation(s) on {name}" for c in codes],
                source_file=picked.column("_source_file"),
                row=picked.column("_row"),
                line=picked.column("_line"),
                portal_file=picked.column("_portal_file"),
                pseudonyms=picked.column("author_pseudonym")
                if "author_pseudonym" in picked.column_names
                else None,
            )
        )
        keep = np.ones(rows.num_rows, dtype=bool)
        keep[failed] = False
        tables[name] = rows.filter(pa.array(keep))
    if results_out is not None:
        results_out.extend(all_results)
        docs = None
    else:
        docs = write_data_docs(ctx.settings.reports_dir, run_date, render_results(all_results))
    return replace(
        result,
        reviews=tables["reviews"],
        mentions=tables["mentions"],
        aggregates=tables["aggregates"],
        quarantine=pa.concat_tables(quarantined) if len(quarantined) > 1 else result.quarantine,
        data_docs=docs,
    )


def render_results(results: list[tuple[str, Any]]) -> list[tuple[str, str, bool]]:
    """GX's own HTML rendering of each validation result: (table, page, success)."""
    if not results:
        return []
    from great_expectations.render.renderer import ValidationResultsPageRenderer
    from great_expectations.render.view import DefaultJinjaPageView

    renderer, view = ValidationResultsPageRenderer(), DefaultJinjaPageView()
    return [(table, view.render(renderer.render(r)), bool(r.success)) for table, r in results]


def write_data_docs(reports_dir: Path, run_date: str, pages: list[tuple[str, str, bool]]):
    """The rendered validation pages of a run date, plus an index page."""
    if not pages:
        return None
    site = reports_dir / "data-docs" / run_date
    links = []
    counts: dict[str, int] = {}
    for table, page, success in pages:
        n = counts[table] = counts.get(table, 0) + 1
        name = f"{table}-{n}.html"
        _write(site / name, page)
        status = "passed" if success else "rows quarantined"
        links.append(f'<li><a href="{name}">{html.escape(name)}</a>: {status}</li>')
    index = (
        "<!doctype html><html><head><meta charset='utf-8'><title>ruf data docs "
        f"{run_date}</title></head><body><h1>Validation results, run {run_date}</h1>"
        f"<ul>{''.join(links)}</ul></body></html>"
    )
    _write(site / "index.html", index)
    return site / "index.html"


def _write(path: Path, text: str) -> None:
    fs, where = storage.filesystem_for(str(path))
    storage.write_bytes_atomic(fs, where, text.encode("utf-8"))
