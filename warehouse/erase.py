"""The warehouse part of erasing one author (the right to be forgotten).

All or nothing: the erased warehouse and the cleaned dbt files are prepared aside, and
only when all of them are ready do they replace the published ones (renames, which do
not fail for want of space). A failure before that leaves everything as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

import duckdb

from core.settings import Settings
from warehouse.dbt_run import PROJECT_DIR, log_dir
from warehouse.errors import disk_full_in_one_line
from warehouse.publish import STORAGE_VERSION, build_lock, swap_in, work_dir

log = logging.getLogger("ruf.warehouse")

MASK = b"*"


def dbt_files_dirs(settings: Settings) -> list[Path]:
    """Where dbt leaves query text and results (logs, run_results.json, compiled SQL, its
    parse caches): those of `ruf build` under the data directory, and those of dbt run
    on its own in warehouse/ (`dbt show` puts result rows there)."""
    warehouse_dir = settings.warehouse_path.parent
    return [
        log_dir(settings),
        warehouse_dir / ".dbt-target",
        PROJECT_DIR / "target",
        PROJECT_DIR / "logs",
    ]


# The table the next build reads the erased reviews from (int_review_changes).
ERASED_REVIEWS = "erased_reviews"


def erase_author(settings: Settings, pseudonym: str) -> dict[str, int]:
    """Delete one author's rows from the published warehouse and their pseudonym from
    dbt's files; republish atomically. Returns rows removed per table.

    The warehouse is written anew (deleted rows leave their bytes in a file's free
    blocks). The lake is erased by the transforms; a later build does not bring the
    rows back, as they are gone from the lake. The erased reviews' keys, companies, days
    and word-set signatures (nothing of the author) are kept in
    ``intermediate.erased_reviews`` until that build, which takes them as deleted
    reviews (``int_review_changes``): the scores and alerts they were part of are
    recomputed as for any review the lake dropped.
    """
    target = settings.warehouse_path
    removed: dict[str, int] = {}
    with build_lock(settings), work_dir(settings) as work, disk_full_in_one_line(target, work):
        cleaned = _cleaned_dbt_files(settings, pseudonym.encode())
        try:
            if target.exists():
                removed = _erased_copy(target, work, pseudonym)
                swap_in(work / target.name, target)
            for staged, final in cleaned:
                os.replace(staged, final)
        finally:
            for staged, _ in cleaned:
                if staged.exists():
                    staged.unlink()
    log.info(
        "erased an author from the warehouse: %s rows, %s dbt files cleaned",
        sum(removed.values()),
        len(cleaned),
    )
    return removed


def _keep_erased_reviews(con: duckdb.DuckDBPyConnection, pseudonym: str) -> None:
    """Note the author's reviews for the next incremental build (see erase_author)."""
    found = con.execute(
        "select count(*) from duckdb_tables() "
        "where schema_name = 'intermediate' and table_name = 'int_reviews'"
    ).fetchone()[0]
    if not found:
        return
    con.execute(
        f"create table if not exists intermediate.{ERASED_REVIEWS} ("
        "review_key varchar, company_id varchar, published_on date, text_signature ubigint)"
    )
    con.execute(
        f"insert into intermediate.{ERASED_REVIEWS} "
        "select review_key, company_id, published_on, text_signature "
        "from intermediate.int_reviews where author_pseudonym = ?",
        [pseudonym],
    )


def _erased_copy(target: Path, work: Path, pseudonym: str) -> dict[str, int]:
    """The published warehouse without the author's rows, written to work/<name>."""
    # Same file name, so the copy's catalog is named as the published one's, which the
    # views' SQL refers to.
    (work / "erasing").mkdir()
    copy = work / "erasing" / target.name
    shutil.copyfile(target, copy)
    con = duckdb.connect(str(copy), config={"storage_compatibility_version": STORAGE_VERSION})
    removed: dict[str, int] = {}
    try:
        tables = con.execute(
            """
            select c.table_schema, c.table_name
            from information_schema.columns as c
            join information_schema.tables as t
                using (table_catalog, table_schema, table_name)
            where c.column_name = 'author_pseudonym' and t.table_type = 'BASE TABLE'
            """
        ).fetchall()
        con.execute("begin")
        _keep_erased_reviews(con, pseudonym)
        for schema, table in tables:
            n = con.execute(
                f'delete from "{schema}"."{table}" where author_pseudonym = ?', [pseudonym]
            ).fetchone()[0]
            removed[f"{schema}.{table}"] = n
        con.execute("commit")
        # Only the rows that are left go into the file that is published.
        fresh = work / target.name
        con.execute(f"attach '{fresh}' as erased (storage_version '{STORAGE_VERSION}')")
        con.execute(f'copy from database "{copy.stem}" to erased')
        # COPY FROM DATABASE leaves out user-defined types (the BI clients' REGCLASS).
        for name, schema, logical in con.execute(
            "select type_name, schema_name, logical_type from duckdb_types() "
            "where database_name = current_database() and not internal"
        ).fetchall():
            con.execute(f'create type if not exists erased."{schema}"."{name}" as {logical}')
        con.execute("detach erased")
    finally:
        con.close()
    copy.unlink()
    return removed


def _cleaned_dbt_files(settings: Settings, pseudonym: bytes) -> list[tuple[Path, Path]]:
    """Copies, written aside, of every dbt file that names the author, the pseudonym
    masked (same length, so binary caches stay readable): (staged, final) pairs."""
    staged: list[tuple[Path, Path]] = []
    try:
        for folder in dbt_files_dirs(settings):
            if not folder.is_dir():
                continue
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                data = path.read_bytes()
                if pseudonym not in data:
                    continue
                aside = path.with_name(f".erase-{uuid.uuid4().hex}")
                aside.write_bytes(data.replace(pseudonym, MASK * len(pseudonym)))
                staged.append((aside, path))
    except BaseException:
        for aside, _ in staged:
            aside.unlink(missing_ok=True)
        raise
    return staged
