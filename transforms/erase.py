"""Erase one person's data (GDPR Art. 17), by author pseudonym, for good.

An erasure is recorded in a ledger in the lake (``<lake>/_erased/authors.jsonl``)
before anything is removed: every later transform drops the rows of a recorded
pseudonym (counted as ``erased_rows`` in the runs table), so neither a re-transform,
a replay of archived responses nor the next crawl of a portal that still shows the
review brings it back. Then their items are cut out of the raw JSON Lines, and their
reviews, mentions and quarantine rows out of the lake.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core import storage
from core.contracts import lake_commits
from core.privacy import ERASURE_LEDGER, erased_pseudonyms
from core.settings import ConfigError, Settings
from transforms import lake, rawread
from transforms.disk import writing
from transforms.privacy import item_pseudonyms
from transforms.rawread import extract, find_raw_files, piece_bytes, split_file, split_lines

ERASABLE = ("reviews", "mentions", "quarantine")
LEDGER = ERASURE_LEDGER
_PSEUDONYM = re.compile(r"^[0-9a-f]{16}$")
# How privacy.scrub_raw_row writes the pseudonym into a quarantined raw row.
_IN_RAW_ROW = r'"author_pseudonym": "(?P<p>[0-9a-f]{16})"'


def ledger_path(settings: Settings) -> tuple[object, str]:
    fs, root = lake.lake_fs(settings)
    return fs, storage.join(root, *LEDGER)


def erased_authors(settings: Settings) -> frozenset[str]:
    """Every pseudonym erased so far (empty when nobody was)."""
    return erased_pseudonyms(settings)


def _record(settings: Settings, pseudonym: str) -> None:
    if pseudonym in erased_authors(settings):
        return
    fs, path = ledger_path(settings)
    old = storage.read_bytes(fs, path) if fs.exists(path) else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    entry = {"author_pseudonym": pseudonym, "erased_at": datetime.now(UTC).isoformat()}
    with writing(path):
        storage.write_bytes_atomic(fs, path, old + (json.dumps(entry) + "\n").encode())


def erased_mask(pseudonyms: pa.Array, erased: frozenset[str]) -> pa.Array:
    """True where the pseudonym is an erased one (never null)."""
    return pc.fill_null(
        pc.is_in(pseudonyms, value_set=pa.array(sorted(erased), pa.string())), False
    )


def erased_in_raw_rows(raw_rows: pa.Array, erased: frozenset[str]) -> pa.Array:
    """True where a quarantined raw row carries an erased author's pseudonym."""
    if len(raw_rows) == 0:
        return pa.array([], pa.bool_())
    found = pc.struct_field(pc.extract_regex(raw_rows, _IN_RAW_ROW), "p")
    return erased_mask(found, erased)


def erase_raw(settings: Settings, pseudonym: str) -> int:
    """Cut the author's items out of every raw JSON Lines file; returns items removed.

    Files are scanned in bounded pieces; one that held their items is rewritten
    whole (atomically, the bytes of the other lines unchanged)."""
    key = settings.require_pseudonym_key()
    fs, _ = storage.filesystem_for(settings.raw_url, settings)
    removed = 0
    for f in find_raw_files(settings):
        limit = rawread.SLICE_BYTES
        pieces = split_file(fs, f, limit) if (fs.size(f.path) or 0) > limit else [f]
        kept: list[bytes] = []
        dropped = 0
        for piece in pieces:
            data = piece_bytes(fs, piece)
            rest, n = _without_author(key, pseudonym, f.portal, data)
            kept.append(rest)
            dropped += n
        if dropped:
            with writing(f.path):
                storage.write_bytes_atomic(fs, f.path, b"".join(kept))
            removed += dropped
    return removed


def _without_author(key: bytes, pseudonym: str, portal: str, data: bytes) -> tuple[bytes, int]:
    """``data`` (whole JSON lines) without the items of ``pseudonym``, and how many went."""
    if not data.strip():
        return data, 0
    lines, _ = split_lines(data)
    items = extract(
        pa.table({"line": lines, "_dir_portal": pa.array([portal] * len(lines), pa.string())})
    )
    items = items.combine_chunks()
    theirs = pc.equal(
        item_pseudonyms(
            key,
            *(
                items.column(c).combine_chunks()
                for c in ("portal", "_dir_portal", "author_id", "author_name")
            ),
        ),
        pseudonym,
    )
    drop = pc.filter(items.column("_ord"), pc.fill_null(theirs, False)).to_numpy()
    if len(drop) == 0:
        return data, 0
    keep = np.ones(len(lines), dtype=bool)
    keep[drop] = False
    # Cut the original bytes (split_lines may have replaced undecodable ones).
    parts = data.split(b"\n")
    out = b"\n".join(p for p, k in zip(parts, keep, strict=False) if k)
    if len(parts) > len(keep):  # the empty tail after a final line break
        out = out + b"\n" if out else b""
    return out, len(drop)


def erase_author(settings: Settings, pseudonym: str) -> dict[str, int]:
    """Record the erasure, then remove ``pseudonym``'s raw items and lake rows.

    All rewritten lake partitions are committed together (see ``transforms.lake``).
    Quarantine rows carry the pseudonym inside their scrubbed raw row. Returns rows
    removed per table (``raw_items``: raw JSON Lines items).
    """
    pseudonym = (pseudonym or "").strip()
    if not _PSEUDONYM.match(pseudonym):
        raise ConfigError(f"not an author pseudonym (16 hex characters): {pseudonym!r}")
    with lake_commits.writer(settings):  # after a running transform, before the next
        return _erase(settings, pseudonym)


def _erase(settings: Settings, pseudonym: str) -> dict[str, int]:
    lake.recover(settings)
    _record(settings, pseudonym)
    removed = {"raw_items": erase_raw(settings, pseudonym), **dict.fromkeys(ERASABLE, 0)}
    fs, root = lake.lake_fs(settings)
    commit = lake.Commit(settings)
    erased = frozenset([pseudonym])
    for table in ERASABLE:
        for values in lake.list_partitions(fs, root, table):
            rows = lake.read_partition(fs, root, table, values)
            if table == "quarantine":
                theirs = erased_in_raw_rows(rows.column("raw_row").combine_chunks(), erased)
            else:
                theirs = erased_mask(rows.column("author_pseudonym").combine_chunks(), erased)
            n = pc.sum(theirs).as_py() or 0
            if n:
                commit.put(table, values, rows.filter(pc.invert(theirs)))
                removed[table] += n
    commit.commit()
    return removed
