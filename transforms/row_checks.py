"""The rules every clean row must keep, checked on every row in Arrow.

One list of rules per lake table (``rules``), named as the Great Expectations
expectations they are: the same list is GX's suite in ``transforms.validate``, which
checks it on what each slice keeps (its summary and a bounded sample). Here each
row-level rule is a mask over the whole slice, so a row that breaks one goes to
quarantine with ``gx:<expectation type>:<column>`` and a detail that names the value
and the rule (``stars 6.2 not between 1 and 5``); the rules that judge a table (its
columns, unique keys) are left to GX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import TABLES
from transforms.quality_page import EXAMPLES, Check
from transforms.reasons import end, quoted

PRECISIONS = ["second", "day", "month"]
KEYS = {"reviews": "review_key", "mentions": "mention_key"}
NOT_NULL = "expect_column_values_to_not_be_null"
BETWEEN = "expect_column_values_to_be_between"
IN_SET = "expect_column_values_to_be_in_set"
UNIQUE = "expect_column_values_to_be_unique"
COMPOUND_UNIQUE = "expect_compound_columns_to_be_unique"
COLUMNS = "expect_table_columns_to_match_set"
# Expectations that judge a whole table, not single rows.
TABLE_LEVEL = {COLUMNS, UNIQUE, COMPOUND_UNIQUE}


@dataclass(frozen=True)
class Rule:
    """One expectation: its GX type, column and arguments."""

    kind: str
    column: str | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def row_level(self) -> bool:
        return self.kind not in TABLE_LEVEL

    @property
    def code(self) -> str:
        """The quarantine reason code of a row that breaks it."""
        return f"gx:{self.kind}:{self.column or ''}"

    @property
    def gx_kwargs(self) -> dict[str, Any]:
        return {**({"column": self.column} if self.column else {}), **self.kwargs}


def latest_allowed(now: datetime) -> datetime:
    """The latest publication time a row may have (clocks differ by up to a day)."""
    return now + timedelta(days=1)


def rules(table: str, portals: list[str], latest: Any) -> list[Rule]:
    """The rules of one lake table, in the order they are checked and reported."""
    key = KEYS.get(table)
    out = [
        Rule(COLUMNS, kwargs={"column_set": TABLES[table].names, "exact_match": True}),
        *[
            Rule(NOT_NULL, c)
            for c in (key, "portal", "company_id", "portal_company_id", "fetched_at")
            if c
        ],
        Rule(IN_SET, "portal", {"value_set": sorted(portals)}),
    ]
    if table in ("reviews", "aggregates"):
        out += [
            Rule(NOT_NULL, "score_100"),
            Rule(BETWEEN, "score_100", {"min_value": 0, "max_value": 100}),
        ]
    if table == "reviews":
        out.append(Rule(BETWEEN, "stars", {"min_value": 1, "max_value": 5}))
    if key:
        out += [
            Rule(UNIQUE, key),
            Rule(NOT_NULL, "published_at"),
            Rule(BETWEEN, "published_at", {"max_value": latest}),
            Rule(IN_SET, "published_precision", {"value_set": PRECISIONS}),
        ]
    else:
        out.append(
            Rule(COMPOUND_UNIQUE, kwargs={"column_list": ["portal", "company_id", "fetched_on"]})
        )
    # GX reports a suite's results grouped by column (in the order columns first appear),
    # so a row that breaks several rules gets its reason codes in this order.
    first = {}
    for i, rule in enumerate(out):
        first.setdefault(rule.column, i)
    return [r for _, r in sorted(enumerate(out), key=lambda ir: (first[ir[1].column], ir[0]))]


def _scalar(value: Any, typ: pa.DataType) -> pa.Scalar:
    return pa.scalar(float(value) if pa.types.is_floating(typ) else value, typ)


def broken(rule: Rule, column: pa.Array) -> pa.Array:
    """True where a row breaks a row-level rule (nulls break only "not null", as in GX)."""
    if rule.kind == NOT_NULL:
        return pc.is_null(column)
    if rule.kind == IN_SET:
        outside = pc.invert(pc.is_in(column, value_set=pa.array(rule.kwargs["value_set"])))
        return pc.fill_null(outside, False)
    lo, hi = rule.kwargs.get("min_value"), rule.kwargs.get("max_value")
    out = pa.array([False] * len(column))
    if lo is not None:
        out = pc.or_(out, pc.fill_null(pc.less(column, _scalar(lo, column.type)), False))
    if hi is not None:
        out = pc.or_(out, pc.fill_null(pc.greater(column, _scalar(hi, column.type)), False))
    return out


def _shown(value: Any) -> str:
    """A value as a detail names it: text quoted, a time as its day, numbers as read."""
    if isinstance(value, datetime):
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


def described(rule: Rule) -> str:
    """A rule in words: ``stars between 1 and 5``."""
    column = rule.column or ", ".join(rule.kwargs.get("column_list") or [])
    lo, hi = rule.kwargs.get("min_value"), rule.kwargs.get("max_value")
    if rule.kind == NOT_NULL:
        return f"{column} not null"
    if rule.kind == BETWEEN:
        if lo is not None and hi is not None:
            return f"{column} between {_bound(lo)} and {_bound(hi)}"
        return (
            f"{column} at most {_bound(hi)}"
            if hi is not None
            else f"{column} at least {_bound(lo)}"
        )
    if rule.kind == IN_SET:
        return f"{column} in [{', '.join(map(str, rule.kwargs.get('value_set') or []))}]"
    if rule.kind in (UNIQUE, COMPOUND_UNIQUE):
        return f"{column} unique"
    if rule.kind == COLUMNS:
        return "the lake's columns, exactly"
    return f"{rule.kind} on {column}"


def failure(rule: Rule, value: Any) -> str:
    """One row's failure in words: ``stars 6.2 not between 1 and 5``."""
    column = rule.column or ""
    lo, hi = rule.kwargs.get("min_value"), rule.kwargs.get("max_value")
    if value is None or rule.kind == NOT_NULL:
        return f"{column} missing"
    shown = _shown(value)
    if rule.kind == BETWEEN:
        if lo is not None and hi is not None:
            return f"{column} {shown} not between {_bound(lo)} and {_bound(hi)}"
        if hi is not None:
            return f"{column} {shown} after {_bound(hi)}"
        return f"{column} {shown} before {_bound(lo)}"
    if rule.kind == IN_SET:
        return (
            f"{column} {shown} not in [{', '.join(map(str, rule.kwargs.get('value_set') or []))}]"
        )
    return f"{column} {shown} not unique"


def check_rows(
    table: str, rows: pa.Table, portals: list[str], now: datetime
) -> tuple[dict[int, list[tuple[str, str]]], list[Check]]:
    """Row index -> (reason code, what failed) for the rows that break a row-level rule,
    and each rule's check for the data-quality page."""
    failures: dict[int, list[tuple[str, str]]] = {}
    checks = []
    for rule in rules(table, portals, latest_allowed(now)):
        if not rule.row_level:
            continue
        column = rows.column(rule.column).combine_chunks()
        failed = pc.indices_nonzero(broken(rule, column)).to_pylist()
        said = [failure(rule, column[i].as_py()) for i in failed]
        for i, what in zip(failed, said, strict=True):
            failures.setdefault(i, []).append((rule.code, what))
        checks.append(
            Check(
                table,
                described(rule),
                rows=rows.num_rows,
                failed=len(failed),
                examples=list(dict.fromkeys(said))[:EXAMPLES],
            )
        )
    return failures, checks
