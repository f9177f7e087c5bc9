"""A batch's clean rows on local disk, merged into the lake one partition at a time.

A transform batch (one run date) can hold millions of rows. Each slice's clean
reviews and mentions are written here as Parquet, partitioned like the lake
(``portal``/``review_month``), as soon as the slice is validated; the batch
never holds more than one slice in memory. On commit, DuckDB picks the
latest version of every key over all slices from a few narrow columns (the
cross-slice dedupe), and every lake partition is then merged from its own
spilled rows and its old rows alone. Memory is bounded by a slice and by a
partition, not by the batch.

A key whose rows sit in different months (a relative date like "vor 3 Tagen"
read on two days near a month's end) is a *mover*: its versions, old and new,
are merged first, and the winner is written to the winner's month while the
other partitions lose it, exactly as if every touched partition were merged
at once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.parquet as pq

from core.settings import Settings
from transforms import lake
from transforms.disk import writing

PARTITION = ("portal", "review_month")
# Columns a spilled row keeps beyond the lake's: its order in the batch (the tie-break
# between versions fetched at the same time) and the raw directory it came from.
ORD = pa.field("_ord", pa.int64())
PORTAL_FILE = pa.field("_portal_file", pa.string())


class Spill:
    """Spilled clean rows of one batch under ``<data>/tmp/transform-*``; removed on close."""

    def __init__(self, settings: Settings) -> None:
        base = settings.data_dir / "tmp"
        base.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix="transform-", dir=base))
        self.rows: Counter = Counter()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def add(self, table: str, schema: pa.Schema, key: str, rows: pa.Table, slice_no: int) -> None:
        self.rows[table] += write_slice(self.dir, table, schema, key, rows, slice_no)

    def winners(self, table: str, key: str) -> Winners:
        """The latest version of every key over all slices (DuckDB, narrow columns only)."""
        return Winners(self, table, key)


def write_slice(
    spill_dir: Path, table: str, schema: pa.Schema, key: str, rows: pa.Table, slice_no: int
) -> int:
    """Write one slice's clean rows of ``table`` (lake columns + ``_ord``/``_portal_file``):
    the wide rows as Arrow IPC files per partition, the columns that pick a winner as one
    Parquet file for DuckDB. Returns the rows written (slices may be written by workers)."""
    if rows.num_rows == 0:
        return 0
    rows = lake.conform(rows, pa.schema([*schema, ORD, PORTAL_FILE])).sort_by(
        [(c, "ascending") for c in PARTITION]
    )
    keys = spill_dir / table / "_keys"
    keys.mkdir(parents=True, exist_ok=True)
    narrow = [key, "fetched_at", "_ord", "first_seen_at", "last_seen_at", "_portal_file"]
    with writing(keys / f"s{slice_no:06d}.parquet"):
        pq.write_table(rows.select([*narrow, *PARTITION]), keys / f"s{slice_no:06d}.parquet")
    for portal, of_portal in lake.groups(rows, "portal"):
        for month, part in lake.groups(of_portal, "review_month"):
            d = spill_dir / table / f"portal={portal}" / f"review_month={month}"
            d.mkdir(parents=True, exist_ok=True)
            with writing(d / f"s{slice_no:06d}.arrow"):
                feather.write_feather(
                    part, d / f"s{slice_no:06d}.arrow", compression="uncompressed"
                )
    return rows.num_rows


def _duckdb(spill: Spill) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    con.execute(f"set memory_limit = '{os.environ.get('RUF_DUCKDB_MEMORY_LIMIT', '2GB')}'")
    temp = spill.dir / "duckdb-tmp"
    temp.mkdir(exist_ok=True)
    con.execute(f"set temp_directory = '{temp}'")
    return con


class Winners:
    """Per key of a spilled table: which row wins (latest ``fetched_at``, then ``_ord``)
    and the span ``first_seen_at``/``last_seen_at`` over all its versions."""

    def __init__(self, spill: Spill, table: str, key: str) -> None:
        self.spill, self.table, self.key = spill, table, key
        self.dir = spill.dir / table
        self.con = _duckdb(spill)
        self.kept: Counter = Counter()  # winners per raw portal directory
        self.total: Counter = Counter()  # spilled rows per raw portal directory
        self._cached: tuple[str | None, dict[str, pa.Table]] = (None, {})
        if spill.rows[table] == 0:
            self.con.execute(
                "create table w (k varchar, portal varchar, review_month varchar, "
                "ord bigint, pf varchar, fs timestamptz, ls timestamptz)"
            )
            return
        files = str(self.dir / "_keys" / "*.parquet").replace("'", "''")
        source = f"read_parquet('{files}')"
        with writing(spill.dir / "duckdb-tmp"):  # the dedupe spills there past its memory
            self._pick(key, source)
        for pf, n in self.con.execute(
            f"select _portal_file, count(*) from {source} group by 1"
        ).fetchall():
            self.total[pf] = n
        for pf, n in self.con.execute("select pf, count(*) from w group by 1").fetchall():
            self.kept[pf] = n

    def _pick(self, key: str, source: str) -> None:
        self.con.execute(
            f"""
            create table w as
            with versions as (
                select
                    "{key}" as k,
                    max({{'f': fetched_at, 'o': _ord, 'p': portal, 'm': review_month,
                          'pf': _portal_file}}) as win,
                    min(first_seen_at) as fs,
                    max(last_seen_at) as ls
                from {source}
                group by 1
            )
            select k, win.p as portal, win.m as review_month, win.o as ord, win.pf as pf, fs, ls
            from versions
            order by portal, review_month, ord
            """
        )

    @property
    def duplicates(self) -> Counter:
        return Counter({p: n - self.kept[p] for p, n in self.total.items() if n > self.kept[p]})

    @property
    def count(self) -> int:
        return sum(self.kept.values())

    def portals(self) -> list[str]:
        return [
            r[0] for r in self.con.execute("select distinct portal from w order by 1").fetchall()
        ]

    def months(self, portal: str) -> list[str]:
        rows = self.con.execute(
            "select distinct review_month from w where portal = ? order by 1", [portal]
        ).fetchall()
        return [r[0] for r in rows]

    def movers(self, portal: str, old_index: pa.Table) -> pa.Table:
        """Keys of ``portal`` whose old lake row (``old_index``: k, m) is in another month."""
        self.con.register("old_index", old_index)
        try:
            return self.con.sql(
                "select w.k, w.review_month as new_month, o.m as old_month "
                "from w join old_index as o on w.k = o.k "
                "where w.portal = ? and w.review_month <> o.m",
                params=[portal],
            ).to_arrow_table()
        finally:
            self.con.unregister("old_index")

    def rows(self, portal: str, month: str, schema: pa.Schema) -> pa.Table:
        """The winning rows of one partition, with their spans over every version."""
        win = self._winners_of(portal).get(month)
        if win is None:
            return schema.empty_table()
        directory = self.dir / f"portal={portal}" / f"review_month={month}"
        with_ord = pa.schema([*schema, ORD])
        rows = pa.concat_tables(
            [
                lake.conform(feather.read_table(path, memory_map=True), with_ord)
                for path in sorted(directory.glob("*.arrow"))
            ]
        )
        ords = win.column("ord").combine_chunks()
        rows = rows.filter(pc.is_in(rows.column("_ord"), value_set=ords))
        where = pc.index_in(rows.column("_ord"), value_set=ords)
        for name, column in (("first_seen_at", "fs"), ("last_seen_at", "ls")):
            i = rows.schema.get_field_index(name)
            values = pc.take(win.column(column), where).cast(schema.field(name).type)
            rows = rows.set_column(i, schema.field(name), values)
        return lake.conform(rows, schema)

    def _winners_of(self, portal: str) -> dict[str, pa.Table]:
        """month -> (ord, fs, ls) of the winners of one portal (one query per portal)."""
        if self._cached[0] != portal:
            win = self.con.sql(
                "select review_month, ord, fs, ls from w where portal = ? "
                "order by review_month, ord",
                params=[portal],
            ).to_arrow_table()
            self._cached = (portal, dict(lake.groups(win, "review_month")))
        return self._cached[1]

    def close(self) -> None:
        self.con.close()


def old_key_index(fs: Any, root: str, table: str, key: str, partitions: list[dict]) -> pa.Table:
    """(k, m): every key of the given old lake partitions and the month it is in."""
    columns = lake.parallel_map(
        lambda v: lake.read_partition_column(fs, root, table, key, v), partitions
    )
    keys = [c for c in columns if len(c)]
    if not keys:
        return pa.table({"k": pa.array([], pa.string()), "m": pa.array([], pa.string())})
    months = [
        pa.array([v["review_month"]] * len(c), pa.string())
        for v, c in zip(partitions, columns, strict=True)
        if len(c)
    ]
    return pa.table({"k": pa.concat_arrays(keys), "m": pa.concat_arrays(months)})
