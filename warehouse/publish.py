"""Building aside and publishing: one build at a time, an atomic swap into place.

The warehouse is built in a work directory beside the published file (a copy of it
for incremental models, or a fresh file on a full refresh) and moved into place, so
a reader holding the published file open keeps its consistent snapshot and never
sees a half-built warehouse.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from core import storage
from core.settings import Settings
from core.warehouse_db import write_lock_holder
from warehouse.errors import WarehouseBusy

# The storage version the warehouse is written in: the oldest DuckDB storage format
# that holds everything the warehouse uses, so every DuckDB 1.x reader (1.0.0 and
# later: the duckdb CLI, DBeaver, Metabase, Python duckdb) opens it (docs/bi.md).
# profiles.yml defaults to the same value; dbt_run passes this one.
STORAGE_VERSION = "v1.0.0"

# The marts whose row counts a build reports.
KEY_MARTS = (
    "fct_reviews",
    "fct_mentions",
    "company_reputation",
    "company_reputation_daily",
    "reputation_alerts",
)

# Columns whose presence marks the incremental state this layout extends.
LAYOUT = (
    "intermediate.int_build_state.previous_as_of",
    "main.company_reputation_daily.cum_g",
    "intermediate.int_alerts__near_duplicate.text_signature",
)


@contextlib.contextmanager
def build_lock(settings: Settings) -> Iterator[None]:
    """One writer of the warehouse at a time (build, docs, erase); a second one fails at
    once with WarehouseBusy, as does a warehouse another process holds open read-write."""
    target = settings.warehouse_path
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / ".build.lock"
    with open(lock, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise WarehouseBusy(
                f"the warehouse {target} is being written by another process ({holder}, "
                f"lock {lock}): wait for it to finish and try again"
            ) from None
        try:
            with contextlib.suppress(OSError):  # who holds it, for the message; best effort
                fh.seek(0)
                fh.truncate()
                fh.write(f"pid {os.getpid()}")
                fh.flush()
            refuse_if_held(target)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def refuse_if_held(target: Path) -> None:
    """WarehouseBusy if another process has the published file open read-write (a DuckDB
    session or dbt run on it): a copy taken now could miss what it has not checkpointed."""
    if not target.exists():
        return
    try:
        duckdb.connect(str(target), read_only=True).close()
    except duckdb.IOException as exc:
        found = write_lock_holder(exc)
        if found is None:
            raise
        holder = f"{found[0]}, pid {found[1]}" if found[0] else "another process"
        raise WarehouseBusy(
            f"the warehouse {target} is held open for writing by another process "
            f"({holder}): close that session and try again"
        ) from None


@contextlib.contextmanager
def work_dir(settings: Settings) -> Iterator[Path]:
    # Same filesystem as the published file, so the publish is an atomic rename. A
    # fixed path (builds hold the lock): dbt's profile, which names the file being
    # built and its spill directory, stays the same, so dbt can reuse its
    # partial-parse state.
    work = settings.warehouse_path.parent / ".build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to a warehouse file being built, kept at STORAGE_VERSION."""
    return duckdb.connect(str(db_path), config={"storage_compatibility_version": STORAGE_VERSION})


def has_incremental_state(db_path: Path) -> bool:
    """Whether a warehouse file can be extended by an incremental build.

    It needs this layout's incremental state (``LAYOUT``: a warehouse from before
    intermediate.int_build_state lacks the per-review features and running sums
    incremental models extend, one from before the daily mart kept its running sums
    stores calendar days without them, near-duplicate alerts without their signature
    cannot be recomputed by signature) and STORAGE_VERSION (one written by a DuckDB
    2.0 default is rewritten once, so 1.x readers can open it); otherwise it is
    rebuilt in full.
    """
    try:
        con = duckdb.connect(str(db_path))
    except duckdb.Error:
        return False
    try:
        found = con.execute(
            "select count(*) from duckdb_columns() "
            "where list_contains(?, concat_ws('.', schema_name, table_name, column_name))",
            [list(LAYOUT)],
        ).fetchone()[0]
        version = con.execute(
            "select tags['storage_version'] from duckdb_databases() "
            "where database_name = current_database()"
        ).fetchone()[0]
    finally:
        con.close()
    return found == len(LAYOUT) and version == f"{STORAGE_VERSION}+"


def key_mart_rows(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    return {
        t: con.execute(f"select count(*) from main.{t}").fetchone()[0]
        for t in KEY_MARTS
        if t in present
    }


def publish(db_path: Path, target: Path) -> dict[str, int]:
    """Checkpoint the built file and move it over the published one; its mart rows."""
    con = connect(db_path)
    try:
        rows = key_mart_rows(con)
        con.execute("checkpoint")
    finally:
        con.close()
    swap_in(db_path, target)
    return rows


def swap_in(db_path: Path, target: Path) -> None:
    """Move a complete, closed warehouse file over the published one (atomic rename)."""
    fs, _ = storage.filesystem_for(str(target))
    storage.move(fs, str(db_path), str(target))
