"""The warehouse part of erasing one author (the right to be forgotten)."""

from __future__ import annotations

import logging
import shutil

from core.settings import Settings
from warehouse.publish import build_lock, connect, swap_in, work_dir

log = logging.getLogger("ruf.warehouse")


def erase_author(settings: Settings, pseudonym: str) -> dict[str, int]:
    """Delete one author's rows from the published warehouse; republish atomically.

    Returns rows removed per table. The lake is erased by the transforms; a later
    incremental build does not bring the rows back, as they are gone from the lake.
    """
    target = settings.warehouse_path
    if not target.exists():
        return {}
    with build_lock(settings), work_dir(settings) as work:
        db_path = work / target.name
        shutil.copyfile(target, db_path)
        con = connect(db_path)
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
            for schema, table in tables:
                n = con.execute(
                    f'delete from "{schema}"."{table}" where author_pseudonym = ?', [pseudonym]
                ).fetchone()[0]
                removed[f"{schema}.{table}"] = n
            con.execute("commit")
            con.execute("checkpoint")
        finally:
            con.close()
        swap_in(db_path, target)
    log.info("erased author %s from the warehouse: %s", pseudonym, removed)
    return removed
