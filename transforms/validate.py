"""Great Expectations on what each batch keeps, and the row checks that quarantine.

Each slice checks every row against its table's rules in Arrow (``row_checks``):
rows that break one go to quarantine with ``gx:<expectation type>:<column>`` and a
detail naming the value and the rule. What the slice keeps is then summarised for
Great Expectations (``summarise``: per rule the nulls, the lowest and highest value,
the values outside the set, the repeated keys; and a bounded sample of the rows),
and once per table and batch GX checks every slice's summary and the sample, side by
side in one frame, against the same suite (``check_batch``). A table whose batch is
one small slice (a daily run) hands GX all its rows instead, checked against the rules
themselves: one validation either way. GX's result decides: any
expectation it finds broken stops the run with ``ValidationFailed`` before anything is
committed. A review's language outside its portal's list is no reason to quarantine it:
that rule is only noted.
Every check's result goes on the run date's data-quality page (``quality_page``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
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
from transforms import row_checks as R
from transforms.batch import BatchResult, Context
from transforms.languages import not_in_portal
from transforms.quality_page import EXAMPLES, Check
from transforms.reasons import language_note

log = logging.getLogger(__name__)

KINDS = {"reviews": "review", "mentions": "mention", "aggregates": "aggregate"}
# Rows of each table a slice hands to GX, and of each table a batch's sample holds.
SAMPLE_PER_SLICE = 256
SAMPLE_ROWS = 20_000


class ValidationFailed(ConfigError):
    """A batch broke an expectation that no single quarantined row can explain."""


@dataclass
class Summary:
    """What GX sees of one slice's table: one row of figures per rule, and a sample."""

    table: str
    figures: dict[str, Any]
    sample: pa.Table


def _figures(rule: R.Rule, rows: pa.Table) -> dict[str, Any]:
    """The figures of one rule over a slice's rows (names: column + what)."""
    if rule.kind == R.NOT_NULL:
        return {f"{rule.column}__nulls": rows.column(rule.column).null_count}
    if rule.kind == R.IN_SET:
        outside = R.broken(rule, rows.column(rule.column).combine_chunks())
        return {f"{rule.column}__outside": pc.sum(outside).as_py() or 0}
    if rule.kind == R.BETWEEN:
        low_high = pc.min_max(rows.column(rule.column))
        return {
            f"{rule.column}__lowest": low_high["min"].as_py(),
            f"{rule.column}__highest": low_high["max"].as_py(),
        }
    if rule.kind in (R.UNIQUE, R.COMPOUND_UNIQUE):
        names = [rule.column] if rule.column else rule.kwargs["column_list"]
        distinct = rows.group_by(names).aggregate([]).num_rows if rows.num_rows else 0
        return {f"{'__'.join(names)}__repeated": rows.num_rows - distinct}
    return {}


def summarise(table: str, rows: pa.Table, portals: list[str], now: Any) -> Summary:
    """A slice's clean rows of ``table`` as GX sees them."""
    figures: dict[str, Any] = {"rows": rows.num_rows}
    for rule in R.rules(table, portals, R.latest_allowed(now)):
        figures.update(_figures(rule, rows))
    keep = rows.num_rows if rows.num_rows <= SAMPLE_ROWS else SAMPLE_PER_SLICE
    return Summary(table, figures, _spread(rows, keep).select(TABLES[table].names))


def _spread(rows: pa.Table, n: int) -> pa.Table:
    """At most ``n`` of ``rows``, spread evenly over them."""
    if rows.num_rows <= n:
        return rows
    step = max(1, rows.num_rows // n)
    return rows.take(pa.array(np.arange(0, rows.num_rows, step)[:n]))


def _summary_expectations(rule: R.Rule) -> list[tuple[str, dict[str, Any]]]:
    """(figure column, its bounds) that GX checks on every slice's summary for a rule."""
    if rule.kind == R.NOT_NULL:
        return [(f"{rule.column}__nulls", {"min_value": 0, "max_value": 0})]
    if rule.kind == R.IN_SET:
        return [(f"{rule.column}__outside", {"min_value": 0, "max_value": 0})]
    if rule.kind == R.BETWEEN:
        lo, hi = rule.kwargs.get("min_value"), rule.kwargs.get("max_value")
        return [
            (f"{rule.column}__{end}", {k: v for k, v in bounds.items() if v is not None})
            for end in ("lowest", "highest")
            for bounds in [{"min_value": lo, "max_value": hi}]
        ]
    if rule.kind in (R.UNIQUE, R.COMPOUND_UNIQUE):
        names = [rule.column] if rule.column else rule.kwargs["column_list"]
        return [(f"{'__'.join(names)}__repeated", {"min_value": 0, "max_value": 0})]
    return []


@lru_cache(maxsize=1)
def _context() -> Any:
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints every pandas batch under 1 GB only to label it in the results;
    # ours are labelled by run date and table instead.
    pandas_execution_engine.HASH_THRESHOLD = 0
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("ruf_lake")
    for name in KINDS:
        source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("batch")
    return context


def _frame(table: pa.Table, schema: pa.Schema) -> Any:
    """The pandas frame of a sample: every column name of the lake, data where a rule reads."""
    checked = {r.column for t in KINDS for r in R.rules(t, [], None) if r.column}
    checked |= {"fetched_on"}
    t = table.select(schema.names)
    cols = [
        t.column(f.name) if f.name in checked else pa.nulls(t.num_rows, pa.null()) for f in schema
    ]
    df = pa.Table.from_arrays(cols, names=schema.names).to_pandas(
        types_mapper={pa.string(): pd.StringDtype()}.get
    )
    return df.reset_index(drop=True)


def _key(kind: str, kwargs: dict[str, Any]) -> tuple:
    return (kind, kwargs.get("column"), tuple(kwargs.get("column_list") or ()))


def _gx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Bounds as GX compares them with pandas columns (times as pandas timestamps)."""
    return {k: pd.Timestamp(v) if isinstance(v, datetime) else v for k, v in kwargs.items()}


def _validate(asset: str, frame: Any, expectations: list[tuple[Any, R.Rule, str, dict]]) -> list:
    """GX over one frame: (what each expectation checks, the rule it stands for, its
    result). Each expectation is (what, rule, GX expectation type, its arguments)."""

    made = {
        name: getattr(gx.expectations, "".join(w.title() for w in name.split("_")))
        for name in {kind for _, _, kind, _ in expectations}
    }
    context = _context()
    batch = (
        context.data_sources.get("ruf_lake")
        .get_asset(asset)
        .get_batch_definition("batch")
        .get_batch(batch_parameters={"dataframe": frame})
    )
    suite = gx.ExpectationSuite(
        name=f"ruf {asset}",
        expectations=[made[kind](**_gx_kwargs(kwargs)) for _, _, kind, kwargs in expectations],
    )
    result = batch.validate(suite, result_format={"result_format": "SUMMARY"})
    # GX reports grouped by column, not in the suite's order: match results by what they check.
    of = {_key(kind, kwargs): (what, rule) for what, rule, kind, kwargs in expectations}
    return [
        (*of[_key(r.expectation_config.type, r.expectation_config.kwargs)], r)
        for r in result.results
    ]


def _verdicts(table: str, checked: list[tuple], rows: dict[str, int]) -> list[Check]:
    """The page's lines for GX's results; ``ValidationFailed`` for the first broken one.
    ``rows`` is how many rows each part of the frame (``what``) has."""
    checks = []
    for what, rule, r in checked:
        raised = bool(r.exception_info and r.exception_info.get("raised_exception"))
        found = r.result or {}
        if not r.success or raised:
            detail = (r.exception_info or {}).get("exception_message") or (
                f"{found.get('unexpected_count')} unexpected values in {what}"
            )
            raise ValidationFailed(
                f"{table} failed {rule.kind} on {rule.column or 'the table'}: {detail}"
            )
        checks.append(
            Check(
                table,
                f"Great Expectations, {what}: {R.described(rule)}",
                rows=rows[what],
                failed=0,
            )
        )
    return checks


def _side_by_side(sample: Any, figures: Any) -> Any:
    """The sample's rows and the slices' summaries as one frame, for one GX run: the
    summaries' columns beside the sample's, null below the last slice (GX's range checks
    pass over nulls). The sample holds at least a row per slice; were it shorter, its
    rows are repeated (it is checked row by row, never for unique keys)."""
    n = max(len(sample), len(figures))
    if len(sample) < n:
        sample = sample.iloc[np.arange(n) % len(sample)].reset_index(drop=True)
    figures = figures.reindex(range(n))
    return pd.concat([sample, figures], axis=1)


def check_batch(ctx: Context, summaries: list[Summary]) -> list[Check]:
    """GX once per table over the batch: every slice's summary and the batch's sample of
    the kept rows, side by side in one frame (one validation per table: building GX's
    metric graph is most of its cost, whatever the rows)."""
    checks: list[Check] = []
    portals = sorted(ctx.languages)
    for table in KINDS:
        mine = [s for s in summaries if s.table == table]
        if not mine:
            continue
        rules = R.rules(table, portals, R.latest_allowed(ctx.now))
        if len(mine) == 1 and mine[0].sample.num_rows == mine[0].figures["rows"]:
            checks += _check_every_row(table, mine[0].sample, rules)
            continue
        figures = pd.DataFrame([s.figures for s in mine])
        sample = pa.concat_tables([_spread(s.sample, SAMPLE_PER_SLICE) for s in mine])
        if sample.num_rows > SAMPLE_ROWS:
            step = sample.num_rows // SAMPLE_ROWS + 1
            sample = sample.take(pa.array(np.arange(0, sample.num_rows, step)))
        of_summaries = f"{len(mine)} slice summar{'y' if len(mine) == 1 else 'ies'}"
        of_sample = f"{sample.num_rows} sampled rows"
        frame = _side_by_side(_frame(sample, TABLES[table]), figures)
        expectations = [
            (of_summaries, rule, R.BETWEEN, {"column": column, **bounds})
            for rule in rules
            for column, bounds in _summary_expectations(rule)
        ]
        # Keys are unique within a slice (each slice's summary says so); versions of one
        # review in two slices are deduplicated at the commit, so the sample may repeat one.
        for rule in rules:
            if rule.kind in (R.UNIQUE, R.COMPOUND_UNIQUE):
                continue
            kwargs = rule.gx_kwargs
            if rule.kind == R.COLUMNS:  # the lake's columns, and the summaries' beside them
                kwargs = {**kwargs, "column_set": [*kwargs["column_set"], *figures.columns]}
            expectations.append((of_sample, rule, rule.kind, kwargs))
        seen = _validate(table, frame, expectations)
        checks += _verdicts(table, seen, {of_summaries: len(mine), of_sample: sample.num_rows})
    return checks


def _check_every_row(table: str, rows: pa.Table, rules: list[R.Rule]) -> list[Check]:
    """GX over every row of a batch that is one small slice, one expectation per rule
    (keys unique too: a slice holds one version of a review)."""
    what = f"all {rows.num_rows} rows"
    expectations = [(what, rule, rule.kind, rule.gx_kwargs) for rule in rules]
    seen = _validate(table, _frame(rows, TABLES[table]), expectations)
    return _verdicts(table, seen, {what: rows.num_rows})


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


def apply(
    ctx: Context, result: BatchResult, run_date: str
) -> tuple[BatchResult, list[Check], list[Summary]]:
    """Check every row of the clean tables; move failing rows to quarantine; the checks
    for the data-quality page, and what GX is to see of the rows kept."""
    tables = {
        "reviews": result.reviews,
        "mentions": result.mentions,
        "aggregates": result.aggregates,
    }
    quarantined = [result.quarantine]
    all_checks: list[Check] = []
    summaries: list[Summary] = []
    portals = sorted(ctx.languages)
    for name, rows in tables.items():
        if rows.num_rows == 0:
            continue
        failures, checks = R.check_rows(name, rows, portals, ctx.now)
        all_checks += checks
        if "language" in rows.column_names:
            all_checks.append(language_check(name, rows, ctx.languages))
        if failures:
            failed = sorted(failures)
            picked = rows.take(failed)
            quarantined.append(
                Q.rows(
                    ctx,
                    run_date,
                    portal=picked.column("portal"),
                    kind=pa.array([KINDS[name]] * len(failed), pa.string()),
                    codes=[[code for code, _ in failures[row]] for row in failed],
                    details=[
                        _detail(ctx, picked, j, failures[row]) for j, row in enumerate(failed)
                    ],
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
            rows = tables[name] = rows.filter(pa.array(keep))
        if rows.num_rows:
            summaries.append(summarise(name, rows, portals, ctx.now))
    done = replace(
        result,
        reviews=tables["reviews"],
        mentions=tables["mentions"],
        aggregates=tables["aggregates"],
        quarantine=pa.concat_tables(quarantined) if len(quarantined) > 1 else result.quarantine,
    )
    return done, all_checks, summaries


def _detail(ctx: Context, picked: pa.Table, j: int, failed: list[tuple[str, str]]) -> str:
    """What failed, and (last) a language outside the portal's list, if it is."""
    said = [what for _, what in failed]
    if "language" in picked.column_names:
        portal = picked.column("portal")[j].as_py()
        note = language_note(picked.column("language")[j].as_py(), ctx.languages.get(portal, ()))
        said += [note] if note else []
    return "; ".join(said)
