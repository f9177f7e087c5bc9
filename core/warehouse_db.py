"""The one read-only connection to the published warehouse.

The report, ``ruf query`` and the alert delivery read ``data/warehouse/ruf.duckdb``
only through here. A read-only connection never blocks another reader and keeps
its snapshot while a build publishes a new file next to it (the build writes a
copy and renames it in), so readers need no lock of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from core.settings import ConfigError, Settings


def require(path: Path) -> Path:
    """``path``, or the one-line error of a warehouse not built yet."""
    if not path.is_file():
        raise ConfigError(f"no warehouse at {path}: run `ruf build` first")
    return path


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file at ``path``; the caller closes it.

    Only a process that opened the file for writing blocks readers (a DuckDB
    client without ``-readonly``, a script): that is a one-line error naming the
    file and, as DuckDB reports it, the process.
    """
    try:
        con = duckdb.connect(str(require(path)), read_only=True)
    except duckdb.IOException as exc:
        holder = write_lock_holder(exc)
        if holder is None:
            raise
        who = f" ({holder[0]}, PID {holder[1]})" if holder[0] else ""
        raise ConfigError(
            f"the warehouse {path} is held by another process{who} that opened it for "
            "writing; close that connection (or open it read-only) and try again"
        ) from None
    # No progress bar: DuckDB draws it on standard output, into `ruf query`'s CSV.
    con.execute("set enable_progress_bar = false")
    return con


def open_published(settings: Settings) -> duckdb.DuckDBPyConnection:
    """The published warehouse of ``settings``, read-only; the caller closes it."""
    return connect_read_only(settings.warehouse_path)


@contextmanager
def published(settings: Settings) -> Iterator[duckdb.DuckDBPyConnection]:
    """``with published(settings) as con:``, closed when the block ends."""
    con = open_published(settings)
    try:
        yield con
    finally:
        con.close()


def write_lock_holder(exc: duckdb.IOException) -> tuple[str, str] | None:
    """(program, pid) of the process whose write lock refused a connection, as DuckDB
    names it (both empty where it does not); None when ``exc`` is not about a lock."""
    if "lock" not in str(exc).lower():
        return None
    found = re.search(r"held in (.+?) \(PID (\d+)\)", str(exc))
    return (found.group(1), found.group(2)) if found else ("", "")
