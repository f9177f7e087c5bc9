"""Read and commit hive-partitioned Parquet tables of the lake, atomically.

A commit writes every new partition file aside under ``<lake>/_staging/<tx>/``,
then records the planned moves in a journal (``<tx>.json``, itself written
atomically) and only then moves the files into place, holding the lake's read
lock so that no reader sees a mix of two versions (the protocol, shared with the
warehouse, is ``core.contracts.lake_commits``). A process killed before the journal
exists leaves the lake untouched (the staged files are swept up by the next
commit); one killed after it is rolled forward by ``recover`` at the start of the
next transform or erase (or by the next consistent reader), so a batch is never
half applied for longer than it takes to rerun. Readers ignore ``_staging``.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from core import storage
from core.contracts import lake_commits
from core.contracts.lake import PARTITIONS, TABLES
from core.contracts.lake_commits import STAGING, lake_fs
from core.settings import Settings
from transforms.disk import writing

PART_FILE = "part-0.parquet"

# Fault-injection point for tests: called after the journal is written and
# before the first file is moved into place.
before_moves: Callable[[], None] | None = None


def partition_path(root: str, table: str, values: dict[str, str]) -> str:
    parts = [f"{k}={values[k]}" for k in PARTITIONS[table]]
    return storage.join(root, table, *parts)


def list_partitions(fs: Any, root: str, table: str) -> list[dict[str, str]]:
    depth = len(PARTITIONS[table])
    pattern = storage.join(root, table, *(["*"] * depth), "*.parquet")
    out = []
    seen = set()
    for path in storage.glob(fs, pattern):
        parts = path.split("/")[-depth - 1 : -1]
        values = dict(p.split("=", 1) for p in parts if "=" in p)
        if len(values) != depth:
            continue
        key = tuple(values[k] for k in PARTITIONS[table])
        if key not in seen:
            seen.add(key)
            out.append(values)
    return out


# Parquet encoding and decoding release the GIL: partitions are read and written in parallel.
IO_THREADS = max(2, os.cpu_count() or 2)


def parallel_map(fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    """``[fn(x) for x in items]`` on the IO threads (in order)."""
    if len(items) <= 1:
        return [fn(x) for x in items]
    with ThreadPoolExecutor(IO_THREADS) as pool:
        return list(pool.map(fn, items))


def groups(table: pa.Table, column: str) -> Iterator[tuple[Any, pa.Table]]:
    """(value, rows) per run of equal ``column`` values of a table sorted by it (zero-copy)."""
    if table.num_rows == 0:
        return
    values = table.column(column).combine_chunks()
    change = pc.not_equal(values.slice(0, len(values) - 1), values.slice(1))
    starts = [0, *(i + 1 for i in pc.indices_nonzero(pc.fill_null(change, True)).to_pylist())]
    ends = [*starts[1:], table.num_rows]
    for lo, hi in zip(starts, ends, strict=True):
        yield values[lo].as_py(), table.slice(lo, hi - lo)


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Columns of ``schema`` in its order; missing (older files) as nulls."""
    if table.schema == schema:
        return table
    if set(schema.names) <= set(table.column_names):  # only extra columns: select (no copy)
        chosen = table.select(schema.names)
        if chosen.schema.equals(schema, check_metadata=True):
            return chosen
    cols = []
    for f in schema:
        if f.name in table.column_names:
            col = table.column(f.name)
            cols.append(col if col.type == f.type else col.cast(f.type))
        else:
            cols.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(cols, schema=schema)


def read_partition(fs: Any, root: str, table: str, values: dict[str, str]) -> pa.Table:
    schema = TABLES[table]
    directory = partition_path(root, table, values)
    files = storage.glob(fs, storage.join(directory, "*.parquet"))
    parts = []
    for path in files:
        with fs.open(path, "rb") as f:
            t = pq.read_table(f)
        for k, v in values.items():
            if k in t.column_names:
                t = t.drop_columns([k])
            t = t.append_column(k, pa.array([v] * t.num_rows, pa.string()))
        parts.append(conform(t, schema))
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(parts)


def read_partitions(fs: Any, root: str, table: str, partitions: list[dict[str, str]]):
    """Several partitions, read in parallel, in the given order."""
    return parallel_map(lambda values: read_partition(fs, root, table, values), partitions)


def read_table(
    settings: Settings, table: str, where: Callable[[dict[str, str]], bool] | None = None
) -> pa.Table:
    """A whole lake table (or the partitions ``where`` accepts) with its partition columns."""
    fs, root = lake_fs(settings)
    wanted = [v for v in list_partitions(fs, root, table) if where is None or where(v)]
    parts = read_partitions(fs, root, table, wanted)
    return pa.concat_tables(parts) if parts else TABLES[table].empty_table()


def read_column(settings: Settings, table: str, column: str, values: dict[str, str]) -> pa.Array:
    """One column of one partition, cheaply (for finding which partitions hold a key)."""
    fs, root = lake_fs(settings)
    return read_partition_column(fs, root, table, column, values)


def read_partition_column(
    fs: Any, root: str, table: str, column: str, values: dict[str, str]
) -> pa.Array:
    directory = partition_path(root, table, values)
    arrays = []
    for path in storage.glob(fs, storage.join(directory, "*.parquet")):
        with fs.open(path, "rb") as f:
            arrays.append(pq.read_table(f, columns=[column]).column(column).combine_chunks())
    return pa.concat_arrays(arrays) if arrays else pa.array([], TABLES[table].field(column).type)


def parquet_bytes(table: pa.Table, name: str) -> bytes:
    """The file body of one partition: schema-conformed, partition columns dropped, zstd."""
    sink = io.BytesIO()
    _write_parquet(table, name, sink)
    return sink.getvalue()


def _write_parquet(table: pa.Table, name: str, where: Any) -> None:
    t = conform(table, TABLES[name]).drop_columns(PARTITIONS[name])
    pq.write_table(t, where, compression="zstd", compression_level=1, row_group_size=256 * 1024)


@dataclass
class Commit:
    """Partition rewrites that become visible together (see module docstring).

    ``put`` stages each partition file right away, on the IO threads, so a batch
    never holds more than a few partitions in memory; nothing is visible before
    ``commit``.
    """

    settings: Settings
    tx: str = field(default_factory=lambda: uuid.uuid4().hex)
    _ops: list[tuple[str | None, str]] = field(default_factory=list)
    _writing: list[Future] = field(default_factory=list)
    _pool: ThreadPoolExecutor | None = None

    def __post_init__(self) -> None:
        self.fs, self.root = lake_fs(self.settings)
        self.stage_dir = storage.join(self.root, STAGING, self.tx)

    def put(self, table: str, values: dict[str, str], rows: pa.Table) -> None:
        """Replace the partition ``values`` of ``table`` with ``rows`` (empty -> remove it)."""
        final = storage.join(partition_path(self.root, table, values), PART_FILE)
        if rows.num_rows == 0:
            self._ops.append((None, final))
            return
        staged = storage.join(self.stage_dir, f"{len(self._ops):06d}.parquet")
        if self._pool is None:
            if storage.is_local(self.fs):
                self.fs.makedirs(self.stage_dir, exist_ok=True)
            self._pool = ThreadPoolExecutor(IO_THREADS)
        # At most a few files in flight: each holds its rows until written.
        while len(self._writing) >= 2 * IO_THREADS:
            self._writing.pop(0).result()
        self._writing.append(self._pool.submit(self._write, staged, table, rows))
        self._ops.append((staged, final))

    def _write(self, staged: str, table: str, rows: pa.Table) -> None:
        with writing(staged):
            if storage.is_local(self.fs):
                _write_parquet(rows, table, staged)
            else:
                data = parquet_bytes(rows, table)
                with self.fs.open(staged, "wb") as f:
                    f.write(data)

    def _stage(self, raise_errors: bool = True) -> None:
        """Wait for every staged file (and surface the first write error)."""
        try:
            while self._writing:
                future = self._writing.pop(0)
                if raise_errors:
                    future.result()
                else:
                    future.exception()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def __enter__(self) -> Commit:
        return self

    def __exit__(self, kind: type | None, *exc: object) -> None:
        if kind is not None:  # failed before or during commit: drop what was staged
            self._stage(raise_errors=False)
            if not self.fs.exists(lake_commits.journal_path(self.settings, self.tx)):
                storage.remove(self.fs, self.stage_dir)

    def commit(self) -> None:
        self._stage()
        if not self._ops:
            return
        journal = lake_commits.journal_path(self.settings, self.tx)
        # Readers that want one version wait while the files move (and we wait for them).
        with lake_commits.moving(self.settings):
            with writing(journal):
                storage.write_bytes_atomic(self.fs, journal, json.dumps(self._ops).encode())
            if before_moves is not None:
                before_moves()
            lake_commits.apply(self.fs, self._ops)
            storage.remove(self.fs, journal)
        storage.remove(self.fs, self.stage_dir)


def recover(settings: Settings) -> int:
    """Finish commits a killed writer left (see ``core.contracts.lake_commits``); how many."""
    with lake_commits.moving(settings):
        return lake_commits.finish_pending(settings)


def latest_per_key(table: pa.Table, keys: list[str], order: list[str]) -> tuple[pa.Table, int]:
    """The last row per key by ``order`` (ascending), and how many rows were dropped."""
    if table.num_rows == 0:
        return table, 0
    sort_keys = [(k, "ascending") for k in keys] + [(o, "ascending") for o in order]
    t = table.take(pc.sort_indices(table, sort_keys=sort_keys))
    if len(keys) == 1:
        k = t.column(keys[0]).combine_chunks()
    else:
        k = pc.binary_join_element_wise(
            *[pc.cast(t.column(c), pa.string()).combine_chunks() for c in keys], "\x1f"
        )
    nxt = pc.fill_null(pc.not_equal(k.slice(0, len(k) - 1), k.slice(1)), True)
    last = pa.concat_arrays([nxt, pa.array([True])])
    out = t.filter(last)
    return out, table.num_rows - out.num_rows


def with_span(latest: pa.Table, rows: pa.Table, key: str, lo: str, hi: str) -> pa.Table:
    """``latest`` with first_seen_at/last_seen_at = min(``lo``)/max(``hi``) of ``rows`` per key.

    (Arrow joins cannot carry map and list columns, so the span is looked up by key.)
    """
    span = rows.group_by([key]).aggregate([(lo, "min"), (hi, "max")])
    where = pc.index_in(latest.column(key), value_set=span.column(key))
    first = pc.take(span.column(f"{lo}_min"), where)
    last = pc.take(span.column(f"{hi}_max"), where)
    i = latest.schema.get_field_index("first_seen_at")
    latest = latest.set_column(i, latest.schema.field(i), first)
    j = latest.schema.get_field_index("last_seen_at")
    return latest.set_column(j, latest.schema.field(j), last)
