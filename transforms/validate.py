"""Great Expectations checks on every slice before it reaches the lake.

Suites are declared in code and run in an ephemeral context on GX's pandas
data source, in chunks of ``CHUNK_ROWS`` so memory and time stay bounded; only
the columns an expectation reads are converted to pandas.
Rows that fail a row-level expectation go to quarantine with the reason
``gx:<expectation type>:<column>`` and a detail that names the value and the rule
(``stars 6.2 not between 1 and 5``); a batch-level failure (a missing column,
broken key uniqueness) stops the run with ``ValidationFailed``. A review's language
outside its portal's list is no reason to quarantine it: that rule is only noted.
Every check's result goes on the run date's data-quality page (``quality_page``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import great_expectations as gx
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import TABLES
from core.settings import ConfigError
from transforms import quarantine as Q
from transforms.batch import BatchResult, Context
from transforms.languages import not_in_portal
from transforms.quality_page import EXAMPLES, Check
from transforms.reasons import end, language_note, quoted

log = logging.getLogger(__name__)

CHUNK_ROWS = 500_000
# Expectations that judge the whole batch, not single rows.
BATCH_LEVEL = {
    "expect_table_columns_to_match_set",
    "expect_column_values_to_be_unique",
    "expect_compound_columns_to_be_unique",
}
PRECISIONS = ["second", "day", "month"]
KINDS = {"reviews": "review", "mentions": "mention", "aggregates": "aggregate"}


class ValidationFailed(ConfigError):
    """A batch broke an expectation that no single quarantined row can explain."""


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


def _shown(value: Any) -> str:
    """A value as a detail names it: text quoted, a time as its day, numbers as read."""
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, float):
        return repr(value)
    return "missing" if value is None else str(value)


def _bound(value: Any) -> str:
    """A rule's bound: ``1``, ``0.5``, a day."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return end(value)
    return _shown(value)


def _rule(kind: str, kwargs: dict[str, Any]) -> str:
    """An expectation in words: ``stars between 1 and 5``."""
    column = kwargs.get("column") or ", ".join(kwargs.get("column_list") or [])
    lo, hi = kwargs.get("min_value"), kwargs.get("max_value")
    if kind == "expect_column_values_to_not_be_null":
        return f"{column} not null"
    if kind == "expect_column_values_to_be_between":
        if lo is not None and hi is not None:
            return f"{column} between {_bound(lo)} and {_bound(hi)}"
        return (
            f"{column} at most {_bound(hi)}"
            if hi is not None
            else f"{column} at least {_bound(lo)}"
        )
    if kind == "expect_column_values_to_be_in_set":
        return f"{column} in [{', '.join(map(str, kwargs.get('value_set') or []))}]"
    if kind in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        return f"{column} unique"
    if kind == "expect_table_columns_to_match_set":
        return "the lake's columns, exactly"
    return f"{kind} on {column}"


def _failure(kind: str, kwargs: dict[str, Any], value: Any) -> str:
    """One row's failure in words: ``stars 6.2 not between 1 and 5``."""
    column = kwargs.get("column", "")
    lo, hi = kwargs.get("min_value"), kwargs.get("max_value")
    if value is None or kind == "expect_column_values_to_not_be_null":
        return f"{column} missing"
    shown = _shown(value)
    if kind == "expect_column_values_to_be_between":
        if lo is not None and hi is not None:
            return f"{column} {shown} not between {_bound(lo)} and {_bound(hi)}"
        if hi is not None:
            return f"{column} {shown} after {_bound(hi)}"
        return f"{column} {shown} before {_bound(lo)}"
    if kind == "expect_column_values_to_be_in_set":
        return f"{column} {shown} not in [{', '.join(map(str, kwargs.get('value_set') or []))}]"
    return f"{column} {shown} not unique"


def validate_table(
    table: str, rows: pa.Table, languages: dict[str, tuple[str, ...]], now: Any
) -> tuple[dict[int, list[tuple[str, str]]], list[Check]]:
    """Row index -> (gx reason code, what failed) pairs, and the checks for the page;
    raises on batch-level failures."""
    schema = TABLES[table]
    latest = pd.Timestamp(now + timedelta(days=1))
    context = _context()
    batch_def = context.data_sources.get("ruf_lake").get_asset(table).get_batch_definition("chunk")
    expectations = suite(table, languages, latest)
    failures: dict[int, list[tuple[str, str]]] = {}
    checks = []
    for start in range(0, max(rows.num_rows, 1), CHUNK_ROWS):
        chunk = rows.slice(start, CHUNK_ROWS)
        batch = batch_def.get_batch(batch_parameters={"dataframe": _frame(chunk, schema)})
        result = batch.validate(expectations, result_format={"result_format": "COMPLETE"})
        for r in result.results:
            cfg = r.expectation_config
            column = cfg.kwargs.get("column") or ",".join(cfg.kwargs.get("column_list") or [])
            raised = bool(r.exception_info and r.exception_info.get("raised_exception"))
            found = r.result or {}
            if not r.success and (cfg.type in BATCH_LEVEL or raised):
                detail = (r.exception_info or {}).get("exception_message") or (
                    f"{found.get('unexpected_count')} unexpected values"
                )
                raise ValidationFailed(
                    f"{table} failed {cfg.type} on {column or 'the table'}: {detail}"
                )
            failed = [] if r.success else [int(i) for i in found.get("unexpected_index_list") or []]
            said = []
            for i in failed:
                value = chunk.column(column)[i].as_py() if column in chunk.column_names else None
                said.append(_failure(cfg.type, cfg.kwargs, value))
                failures.setdefault(start + i, []).append((f"gx:{cfg.type}:{column}", said[-1]))
            checks.append(
                Check(
                    table,
                    _rule(cfg.type, cfg.kwargs),
                    rows=chunk.num_rows,
                    failed=len(failed),
                    examples=list(dict.fromkeys(said))[:EXAMPLES],
                )
            )
    return failures, checks


def language_check(table: str, rows: pa.Table, languages: dict[str, tuple[str, ...]]) -> Check:
    """Languages outside their portal's list: noted on the page, the rows kept."""
    outside = not_in_portal(languages, rows.column("portal"), rows.column("language"))
    pairs = pc.binary_join_element_wise(rows.column("portal"), rows.column("language"), ": ")
    seen = pc.unique(pc.filter(pairs, outside)).to_pylist()[:EXAMPLES]
    return Check(
        table,
        "language in the portal's languages (config/portals.yaml)",
        rows=rows.num_rows,
        failed=pc.sum(outside).as_py() or 0,
        quarantines=False,
        examples=seen,
    )


def apply(ctx: Context, result: BatchResult, run_date: str) -> tuple[BatchResult, list[Check]]:
    """Validate the clean tables; move failing rows to quarantine; the checks they passed
    and failed, for the data-quality page."""
    tables = {
        "reviews": result.reviews,
        "mentions": result.mentions,
        "aggregates": result.aggregates,
    }
    quarantined = [result.quarantine]
    all_checks: list[Check] = []
    for name, rows in tables.items():
        if rows.num_rows == 0:
            continue
        failures, checks = validate_table(name, rows, ctx.languages, ctx.now)
        all_checks += checks
        if "language" in rows.column_names:
            all_checks.append(language_check(name, rows, ctx.languages))
        if not failures:
            continue
        failed = sorted(failures)
        picked = rows.take(failed)
        quarantined.append(
            Q.rows(
                ctx,
                run_date,
                portal=picked.column("portal"),
                kind=pa.array([KINDS[name]] * len(failed), pa.string()),
                codes=[[code for code, _ in failures[row]] for row in failed],
                details=[_detail(ctx, picked, j, failures[row]) for j, row in enumerate(failed)],
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
    done = replace(
        result,
        reviews=tables["reviews"],
        mentions=tables["mentions"],
        aggregates=tables["aggregates"],
        quarantine=pa.concat_tables(quarantined) if len(quarantined) > 1 else result.quarantine,
    )
    return done, all_checks


def _detail(ctx: Context, picked: pa.Table, j: int, failed: list[tuple[str, str]]) -> str:
    """What failed, and (last) a language outside the portal's list, if it is."""
    said = [what for _, what in failed]
    if "language" in picked.column_names:
        portal = picked.column("portal")[j].as_py()
        note = language_note(picked.column("language")[j].as_py(), ctx.languages.get(portal, ()))
        said += [note] if note else []
    return "; ".join(said)
