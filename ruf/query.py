"""``ruf query``: ad-hoc, read-only SQL against the published warehouse.

Three locks, so a query can neither change the warehouse nor touch other files:
the connection is opened ``read_only``; file access is switched off
(``enable_external_access=false``, then the configuration is locked so a query
cannot switch it back); and every statement is checked before any runs, so a
write in the third statement refuses the whole request instead of running the
first two.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import duckdb

from core.settings import ConfigError, Settings
from core.warehouse_db import connect_read_only

FORMATS = ("table", "csv", "json")
TABLE_ROW_LIMIT = 1000  # the table format is for reading; csv/json give every row

_READ = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# Read-only PRAGMAs and CALLs (table functions); anything else (checkpoint,
# enable_profiling = 'file', ...) is refused.
_READ_FUNCTIONS = {
    "database_size",
    "database_list",
    "show_tables",
    "show_tables_expanded",
    "show_databases",
    "table_info",
    "storage_info",
    "show",
    "version",
    "pragma_version",
    "platform",
    "functions",
    "collations",
    "duckdb_tables",
    "duckdb_views",
    "duckdb_columns",
    "duckdb_schemas",
    "duckdb_functions",
    "duckdb_settings",
    "duckdb_types",
    "duckdb_constraints",
    "duckdb_indexes",
    "duckdb_databases",
    "pragma_table_info",
    "pragma_show",
    "pragma_storage_info",
    "pragma_database_size",
}


class QueryRefused(ConfigError):
    """The SQL would write, or reach outside the warehouse: nothing was run."""


def _function_name(statement: duckdb.Statement) -> str:
    text = statement.query.strip().rstrip(";").strip()
    words = text.split(None, 1)
    rest = words[1] if len(words) > 1 else ""
    return rest.split("(", 1)[0].split("=", 1)[0].strip().lower()


def check_read_only(sql: str, con: duckdb.DuckDBPyConnection) -> list[duckdb.Statement]:
    """The statements of ``sql``, or QueryRefused naming the first that is not a read."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ConfigError(f"cannot parse the SQL: {_first_line(exc)}") from None
    if not statements:
        raise QueryRefused("no SQL statement given")
    for i, st in enumerate(statements, 1):
        kind = st.type
        ok = kind in _READ or (
            kind in (duckdb.StatementType.PRAGMA, duckdb.StatementType.CALL)
            and _function_name(st) in _READ_FUNCTIONS
        )
        if not ok:
            name = str(kind).rsplit(".", 1)[-1]
            raise QueryRefused(
                f"refused: statement {i} is {name} ({_snippet(st.query)}); `ruf query` only "
                "reads (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN): nothing was run"
            )
    return statements


def run_query(settings: Settings, sql: str, fmt: str = "table") -> str:
    """Run read-only ``sql`` (one or more statements) and format every result."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    con = connect_read_only(settings.warehouse_path)
    try:
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        statements = check_read_only(sql, con)
        results = []
        for st in statements:
            try:
                cur = con.execute(st.query)
            except duckdb.PermissionException as exc:
                raise QueryRefused(f"refused: {_first_line(exc)}") from None
            except duckdb.Error as exc:
                raise ConfigError(f"query failed: {_first_line(exc)}") from None
            if cur.description is None:
                continue
            columns = [d[0] for d in cur.description]
            results.append((columns, cur.fetchall()))
    finally:
        con.close()
    if fmt == "json":
        blocks = [
            [dict(zip(cols, map(_plain, row), strict=True)) for row in rows]
            for cols, rows in results
        ]
        payload = blocks[0] if len(blocks) == 1 else blocks
        return json.dumps(payload, ensure_ascii=False, indent=2)
    render = _csv if fmt == "csv" else _table
    return "\n\n".join(render(cols, rows) for cols, rows in results)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _snippet(query: str, width: int = 60) -> str:
    text = " ".join(query.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _plain(value: Any) -> Any:
    """A JSON-friendly version of a DuckDB value."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return (
            f"{value:.4g}"
            if abs(value) < 1e-3 and value
            else f"{value:.2f}".rstrip("0").rstrip(".")
        )
    if isinstance(value, list | tuple | dict):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(_plain(value))


def _csv(columns: list[str], rows: list[tuple]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                ""
                if v is None
                else json.dumps(_plain(v))
                if isinstance(v, list | dict)
                else _plain(v)
                for v in row
            ]
        )
    return buf.getvalue().rstrip("\n")


def _table(columns: list[str], rows: list[tuple]) -> str:
    shown = rows[:TABLE_ROW_LIMIT]
    cells = [[" ".join(_text(v).split()) for v in row] for row in shown]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [min(60, max(w, len(v))) for w, v in zip(widths, row, strict=True)]
    numeric = [
        all(isinstance(r[i], int | float | Decimal) or r[i] is None for r in shown) and bool(shown)
        for i in range(len(columns))
    ]

    def line(values: list[str]) -> str:
        out = []
        for v, w, right in zip(values, widths, numeric, strict=True):
            v = v if len(v) <= w else v[: w - 1] + "…"
            out.append(v.rjust(w) if right else v.ljust(w))
        return " | ".join(out).rstrip()

    text = [line(columns), "-+-".join("-" * w for w in widths)]
    text.extend(line(row) for row in cells)
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
    if len(rows) > len(shown):
        count += f", first {len(shown)} shown; use --format csv for all"
    text.append(count + ")")
    return "\n".join(text)
