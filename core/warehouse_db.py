"""The one read-only connection to the published warehouse.

The report, ``ruf query`` and the alert delivery read ``data/warehouse/ruf.duckdb``
only through here. A read-only connection never blocks another reader and keeps
its snapshot while a build publishes a new file next to it (the build writes a
copy and renames it in), so readers need no lock of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from core.settings import ConfigError, Settings


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file at ``path``; the caller closes it."""
    if not path.is_file():
        raise ConfigError(f"no warehouse at {path}: run `ruf build` first")
    return duckdb.connect(str(path), read_only=True)


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
