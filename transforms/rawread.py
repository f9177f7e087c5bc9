"""Read raw JSONL items into one Arrow table of text columns.

Spiders keep values as shown, so one field may be ``4`` in one line and
``"4,5"`` in the next; Arrow's JSON reader rejects that. DuckDB's ``read_json``
reads every field as text (numbers and booleans as their JSON text, objects as
JSON) in one multi-threaded pass over all files of a batch. A file with a line
that is not a JSON object (or not UTF-8) is read the careful way instead: its
lines are split without copying (numpy over the file buffer) and extracted one
by one with DuckDB's JSON functions, so the bad lines keep ``_valid = false``
and go to quarantine. The raw text of a line is only needed for quarantine, so
the fast path leaves ``_line`` null and ``raw_lines`` fetches it on demand from
``_source_file`` and ``_row`` (the line's number among the file's non-blank lines).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core import storage
from core.contracts.raw_items import EXTRA_FIELD, ITEMS_GLOB, JSON_FIELDS, TEXT_FIELDS
from core.settings import Settings

# The extra keys the transforms read (a choice among the contract's EXTRA_KEYS).
EXTRA_FIELDS: tuple[str, ...] = (
    "reviewer_type",
    "traveller_type",
    "filtered",
    "pending",
    "import_key",
    "import_error",
    "locale",
)

# What read_raw returns, in this order.
COLUMNS: tuple[str, ...] = (
    "_ord",
    "_line",
    "_source_file",
    "_dir_portal",
    "_file_replaced",
    "_valid",
    "_row",
    *TEXT_FIELDS,
    *EXTRA_FIELDS,
    *JSON_FIELDS,
)

# A transform reads, normalises and validates at most about this many bytes of raw JSON
# Lines at a time (one slice); a bigger file is read in pieces of this size (also when
# an erasure rewrites it).
SLICE_BYTES = int(os.environ.get("RUF_TRANSFORM_SLICE_BYTES", 128 * 1024 * 1024))

_RUN_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class RawFile:
    """A raw JSON Lines file, or a piece of one: bytes ``start``..``end`` (whole lines),
    whose first non-blank line is the file's ``first_row``-th (as ``_row`` counts)."""

    portal: str
    run_date: str
    path: str
    start: int = 0
    end: int | None = None  # None: to the end of the file
    first_row: int = 0


def split_file(fs: Any, f: RawFile, piece_bytes: int) -> list[RawFile]:
    """``f`` cut at line ends into pieces of about ``piece_bytes`` (one pass, streamed),
    so one big raw file never has to be read, normalised and validated at once."""
    pieces: list[RawFile] = []
    start = offset = rows = first_row = 0
    with fs.open(f.path, "rb") as stream:
        for line in stream:
            offset += len(line)
            if line.strip():
                rows += 1
            if offset - start >= piece_bytes:
                pieces.append(replace(f, start=start, end=offset, first_row=first_row))
                start, first_row = offset, rows
    if offset > start or not pieces:
        pieces.append(replace(f, start=start, end=None, first_row=first_row))
    return pieces


def piece_bytes(fs: Any, f: RawFile) -> bytes:
    if f.start == 0 and f.end is None:
        return storage.read_bytes(fs, f.path)
    with fs.open(f.path, "rb") as stream:
        stream.seek(f.start)
        return stream.read() if f.end is None else stream.read(f.end - f.start)


def find_raw_files(
    settings: Settings, *, run_date: date | None = None, portals: list[str] | None = None
) -> list[RawFile]:
    """Every ``<raw>/<portal>/<run date>/items-*.jsonl``, oldest run first."""
    fs, root = storage.filesystem_for(settings.raw_url, settings)
    if not fs.exists(root):
        return []
    day = run_date.isoformat() if run_date else "*"
    out = []
    for path in storage.glob(fs, storage.join(root, "*", day, ITEMS_GLOB)):
        parts = path.rstrip("/").split("/")
        portal, run = parts[-3], parts[-2]
        if portal.startswith("_") or not _RUN_DIR.match(run):
            continue
        if portals and portal not in portals:
            continue
        out.append(RawFile(portal=portal, run_date=run, path=path))
    return sorted(out, key=lambda f: (f.run_date, f.portal, f.path))


def split_lines(data: bytes) -> tuple[pa.Array, bool]:
    """The lines of a JSONL file (each with its line break) and whether bytes were replaced.

    Offsets point into the one file buffer, so no Python string is made per line;
    line breaks and blank lines are dealt with in the DuckDB pass.
    """
    replaced = False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # Keep the row, replace the bytes (U+FFFD) and flag it downstream.
        data = data.decode("utf-8", errors="replace").encode("utf-8")
        replaced = True
    buf = np.frombuffer(data, np.uint8)
    ends = np.flatnonzero(buf == 10) + 1
    bounds = np.concatenate([[0], ends]) if len(data) and data[-1:] == b"\n" else None
    if bounds is None:
        bounds = np.concatenate([[0], ends, [len(data)]]) if len(data) else np.zeros(1)
    offsets = bounds.astype(np.int64)
    arr = pa.LargeStringArray.from_buffers(
        len(offsets) - 1, pa.py_buffer(offsets.tobytes()), pa.py_buffer(data)
    )
    return arr, replaced


def read_raw(settings: Settings, files: list[RawFile]) -> pa.Table:
    """All items of ``files`` as text columns plus ``_line`` (null where read fast),
    ``_source_file``, ``_row``, ``_ord`` (order of appearance), ``_valid`` and
    ``_file_replaced``."""
    fs, _ = storage.filesystem_for(settings.raw_url, settings)
    if not files:
        return extract(pa.table({"line": pa.array([], pa.large_string())}))
    with tempfile.TemporaryDirectory(prefix="ruf-raw-") as tmp:
        local = {f: _local_copy(fs, f, tmp, i) for i, f in enumerate(files)}
        try:
            chunks = [_read_json(files, local)]
        except duckdb.Error:
            chunks = []
            for f in files:
                try:
                    chunks.append(_read_json([f], local))
                except duckdb.Error:
                    chunks.append(_read_careful(f, piece_bytes(fs, f)))
    raw = pa.concat_tables(chunks).combine_chunks()
    i = raw.schema.get_field_index("_ord")
    return raw.set_column(i, raw.schema.field(i), pa.array(np.arange(raw.num_rows, dtype=np.int64)))


def _local_copy(fs: Any, f: RawFile, tmp: str, i: int) -> str:
    """A local path DuckDB can read holding exactly ``f``'s lines."""
    whole = f.start == 0 and f.end is None
    if whole and storage.is_local(fs):
        return f.path
    dest = os.path.join(tmp, f"{i:06d}.jsonl")
    if whole:
        fs.get(f.path, dest)
    else:
        with open(dest, "wb") as out:
            out.write(piece_bytes(fs, f))
    return dest


_READ_COLUMNS = (
    "{"
    + ", ".join(f"'{f}': 'VARCHAR'" for f in TEXT_FIELDS)
    + f", '{EXTRA_FIELD}': 'STRUCT("
    + ", ".join(f"{f} VARCHAR" for f in EXTRA_FIELDS)
    + ")', "
    + ", ".join(f"'{f}': 'JSON'" for f in JSON_FIELDS)
    + "}"
)


def _read_json(files: list[RawFile], local: dict[RawFile, str]) -> pa.Table:
    """The fast path: every line of ``files`` is a JSON object (else duckdb.Error)."""
    paths = [local[f] for f in files]
    con = duckdb.connect()
    try:
        con.execute("set preserve_insertion_order = true")
        out = con.sql(
            f"select *, filename as _file from read_json({paths!r}, "
            f"format = 'newline_delimited', columns = {_READ_COLUMNS}, "
            "filename = true, ignore_errors = false, maximum_object_size = 134217728)"
        ).to_arrow_table()
    finally:
        con.close()
    n = out.num_rows
    which = pc.index_in(out.column("_file"), value_set=pa.array(paths, pa.string()))
    which_np = which.to_numpy(zero_copy_only=False)
    # Files come out in the given order: a row's number in its file is its
    # position minus where its file starts.
    starts = np.searchsorted(which_np, np.arange(len(paths)), side="left")
    first = np.array([f.first_row for f in files], dtype=np.int64)
    row = np.arange(n, dtype=np.int64) - starts[which_np] + first[which_np]
    extra = out.column(EXTRA_FIELD).combine_chunks()
    cols: dict[str, Any] = {
        "_ord": pa.array(np.zeros(n, dtype=np.int64)),
        "_line": pa.nulls(n, pa.string()),
        "_source_file": pc.take(pa.array([f.path for f in files], pa.string()), which),
        "_dir_portal": pc.take(pa.array([f.portal for f in files], pa.string()), which),
        "_file_replaced": pa.array(np.zeros(n, dtype=bool)),
        "_valid": pa.array(np.ones(n, dtype=bool)),
        "_row": pa.array(row),
    }
    for f in TEXT_FIELDS:
        cols[f] = out.column(f)
    for f in EXTRA_FIELDS:
        cols[f] = pc.struct_field(extra, f)
    for f in JSON_FIELDS:
        cols[f] = out.column(f).cast(pa.string())
    return pa.table(cols).select(COLUMNS)


def _read_careful(f: RawFile, data: bytes) -> pa.Table:
    """One file line by line: lines that are not JSON objects keep ``_valid = false``."""
    lines, replaced = split_lines(data)
    n = len(lines)
    raw = pa.table(
        {
            "line": lines,
            "_source_file": pa.array([f.path] * n, pa.string()),
            "_dir_portal": pa.array([f.portal] * n, pa.string()),
            "_file_replaced": pa.array([replaced] * n, pa.bool_()),
        }
    )
    out = extract(raw)
    # Blank lines are no items; _row counts the others, as the fast path does.
    rows = np.arange(out.num_rows, dtype=np.int64) + f.first_row
    out = out.append_column("_row", pa.array(rows))
    return out.select(COLUMNS)


def nonblank_lines(data: bytes) -> pa.Array:
    """The non-blank lines of a raw file (without line breaks), as ``_row`` numbers them."""
    lines, _ = split_lines(data)
    lines = pc.utf8_rtrim(lines.cast(pa.large_string()), characters="\r\n")
    keep = pc.not_equal(pc.utf8_trim(lines, characters="\r\n\t "), "")
    return pc.filter(lines, keep)


def raw_lines(
    settings: Settings, source_files: list[str], rows: list[int], lines: list[str | None]
) -> list[str]:
    """The raw text of some rows: their ``_line`` where read, else fetched from the file."""
    missing = {p for p, line in zip(source_files, lines, strict=True) if line is None}
    if not missing:
        return list(lines)  # type: ignore[arg-type]
    fs, _ = storage.filesystem_for(settings.raw_url, settings)
    by_file = {p: nonblank_lines(storage.read_bytes(fs, p)) for p in sorted(missing)}
    return [
        line if line is not None else by_file[p][r].as_py()
        for p, r, line in zip(source_files, rows, lines, strict=True)
    ]


def extract(raw: pa.Table) -> pa.Table:
    """One DuckDB pass: every contract field as text, in the input order."""
    for col, typ in (
        ("_source_file", pa.string()),
        ("_dir_portal", pa.string()),
        ("_file_replaced", pa.bool_()),
    ):
        if col not in raw.column_names:
            raw = raw.append_column(col, pa.nulls(raw.num_rows, typ))
    if "_ord" not in raw.column_names:
        raw = raw.append_column("_ord", pa.array(np.arange(raw.num_rows, dtype=np.int64)))
    paths = [f"$.{f}" for f in TEXT_FIELDS] + [f"$.{EXTRA_FIELD}.{f}" for f in EXTRA_FIELDS]
    paths += [f"$.{f}" for f in JSON_FIELDS]
    names = [*TEXT_FIELDS, *EXTRA_FIELDS, *JSON_FIELDS]
    path_list = ", ".join(f"'{p}'" for p in paths)
    cols = ", ".join(f'v[{i + 1}] as "{n}"' for i, n in enumerate(names))
    con = duckdb.connect()
    try:
        con.execute("set preserve_insertion_order = true")
        con.register("raw", raw)
        sql = f"""
            with lines as (
                -- Lines keep their line break (valid JSON whitespace); blank ones are no items.
                select * from raw
                where trim(line, chr(10) || chr(13) || chr(9) || ' ') <> ''
            ), parsed as (
                select *,
                    json_valid(line) and ltrim(line) like '{{%' as _valid
                from lines
            ), fields as (
                select *,
                    case when _valid then json_extract_string(line, [{path_list}]) end as v
                from parsed
            )
            select _ord, cast(line as varchar) as _line, _source_file, _dir_portal,
                _file_replaced, _valid, {cols}
            from fields
        """
        out = con.sql(sql).to_arrow_table()
    finally:
        con.close()
    return out.combine_chunks()


def decode_sub_ratings(values: pa.Array) -> list[Any]:
    """JSON text of sub_ratings -> list of (name, shown value) pairs per row."""
    import json

    out = []
    for v in values.to_pylist():
        if not v or v == "{}":
            out.append(None)
            continue
        try:
            obj = json.loads(v)
        except ValueError:
            out.append(None)
            continue
        if not isinstance(obj, dict):
            out.append(None)
            continue
        out.append([(str(k), None if x is None else str(x)) for k, x in obj.items()])
    return out
