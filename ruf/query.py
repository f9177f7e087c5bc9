"""``ruf query``: ad-hoc, read-only SQL against the published warehouse.

Three locks, so a query can neither change the warehouse nor touch other files:
the connection is opened ``read_only``; file access is switched off
(``enable_external_access=false``, then the configuration is locked so a query
cannot switch it back); and every statement is checked before any runs, so a
write in the third statement refuses the whole request instead of running the
first two.

And limits, so a query cannot hold the terminal or the machine: results are
written as they are fetched (a batch at a time, memory stays flat), the table
shows the first ``TABLE_ROW_LIMIT`` rows unless ``--limit`` says otherwise, a
query stops after ``DEFAULT_TIMEOUT`` seconds (``--timeout``), and Ctrl-C stops
DuckDB, not only Python. Output escaping: ``ruf.query_output``.
"""

from __future__ import annotations

import io
import threading
import time
from typing import Any, TextIO

import duckdb

from core.settings import ConfigError, Settings
from core.warehouse_db import connect_read_only
from ruf.query_output import writer_for

FORMATS = ("table", "csv", "json")
TABLE_ROW_LIMIT = 1000  # the table format is for reading; csv/json give every row
DEFAULT_TIMEOUT = 300.0  # seconds; `ruf query --timeout 0` for no limit
BATCH_ROWS = 1000  # rows fetched and written at a time: memory stays flat

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


class QueryTimeout(ConfigError):
    """The query ran longer than its timeout and was stopped."""


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


def run_query(settings: Settings, sql: str, fmt: str = "table", **options: Any) -> str:
    """``stream_query`` into a string (for tests and small answers)."""
    buf = io.StringIO()
    stream_query(settings, sql, buf, fmt=fmt, **options)
    return buf.getvalue().rstrip("\n")


def stream_query(
    settings: Settings,
    sql: str,
    out: TextIO,
    *,
    fmt: str = "table",
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    raw: bool = False,
) -> None:
    """Run read-only ``sql`` (one or more statements), writing each result to ``out`` as
    it is fetched. ``limit``: rows per statement at most (table default
    ``TABLE_ROW_LIMIT``); ``timeout``: seconds before the query is stopped (None or 0:
    never). Ctrl-C stops the query too (KeyboardInterrupt, after DuckDB stopped)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit must be at least 1, not {limit}")
    if limit is None and fmt == "table":
        limit = TABLE_ROW_LIMIT
    con = connect_read_only(settings.warehouse_path)
    try:
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        statements = check_read_only(sql, con)
        failed: list[BaseException] = []
        done = threading.Event()

        def work() -> None:
            try:
                _write_results(con, statements, out, fmt=fmt, limit=limit, raw=raw)
            except BaseException as exc:  # handed to the main thread, which raises it
                failed.append(exc)
            finally:
                done.set()

        # DuckDB holds the thread that runs a query until it ends; Ctrl-C and the
        # timeout are seen by this (main) thread, which interrupts DuckDB.
        threading.Thread(target=work, name="ruf-query", daemon=True).start()
        _wait(done, con, timeout)
        if failed:
            raise _translated(failed[0]) from None
    finally:
        con.close()


def _wait(done: threading.Event, con: duckdb.DuckDBPyConnection, timeout: float | None) -> None:
    """Until the query thread is done; interrupt DuckDB on Ctrl-C or at the timeout.

    An Event, not Thread.join: after a join interrupted by Ctrl-C, Python 3.11
    took the thread for finished while DuckDB still ran in it, and the connection
    was closed under the running query (the process aborted).
    """
    deadline = time.monotonic() + timeout if timeout else None
    try:
        while not done.is_set():
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                _stop(done, con)
                raise QueryTimeout(
                    f"query stopped after {timeout:g} s (--timeout SECONDS to allow more, "
                    "0 for no limit)"
                )
            done.wait(0.2 if left is None else min(0.2, left))
    except KeyboardInterrupt:
        _stop(done, con)
        raise


def _stop(done: threading.Event, con: duckdb.DuckDBPyConnection) -> None:
    """Interrupt DuckDB until the query thread is done: an interrupt that comes
    before the thread's query has started (a loaded machine) is not kept by DuckDB."""
    con.interrupt()
    while not done.wait(0.5):
        con.interrupt()


def _translated(exc: BaseException) -> BaseException:
    if isinstance(exc, duckdb.PermissionException):
        return QueryRefused(f"refused: {_first_line(exc)}")
    if isinstance(exc, duckdb.InterruptException):
        return KeyboardInterrupt()
    if isinstance(exc, duckdb.Error):
        return ConfigError(f"query failed: {_first_line(exc)}")
    return exc


def _write_results(
    con: duckdb.DuckDBPyConnection,
    statements: list[duckdb.Statement],
    out: TextIO,
    *,
    fmt: str,
    limit: int | None,
    raw: bool,
) -> None:
    several = len(statements) > 1
    if several and fmt == "json":
        out.write("[")
    written = 0
    for st in statements:
        cur = con.execute(st.query)
        if cur.description is None:
            continue
        if written:
            out.write(",\n" if fmt == "json" else "\n")
        written += 1
        writer = writer_for(fmt, out, raw=raw)
        writer.start([d[0] for d in cur.description])
        count, more = 0, False
        while True:
            want = BATCH_ROWS if limit is None else min(BATCH_ROWS, limit - count)
            batch = cur.fetchmany(want) if want > 0 else []
            if not batch:
                # At the limit: one more row tells whether the answer was cut.
                more = limit is not None and count >= limit and bool(cur.fetchmany(1))
                break
            writer.rows(batch)
            count += len(batch)
        writer.end(count, more)
        if fmt == "json" and not several:
            out.write("\n")
    if several and fmt == "json":
        out.write("]\n")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _snippet(query: str, width: int = 60) -> str:
    text = " ".join(query.split())
    return text if len(text) <= width else text[: width - 3] + "..."
