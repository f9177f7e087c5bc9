"""Author pseudonyms and scrubbed raw rows: no reviewer's name or id reaches the lake."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from core.privacy import PLACEHOLDER_AUTHORS, PLACEHOLDER_TRIM, as_text, item_author, pseudonym
from transforms.text import mask_pii, null_if_blank

AUTHOR_FIELDS = ("author_name", "author_id")
# Broken lines cannot be parsed, but their author fields can still be blanked.
_AUTHOR_IN_TEXT = re.compile(
    r'("author_(?:name|id)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\s]+)', re.DOTALL
)
# A JSON line may escape half of a UTF-16 pair ("\ud800"); Python reads it as a lone
# surrogate, which no UTF-8 column can hold. Kept rows write it escaped again, as it came.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _dumps(obj: Any) -> str:
    """An item as one JSON line: readable text, lone surrogates escaped."""
    line = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _hmac_pads(key: bytes) -> tuple[str, str]:
    """HMAC-SHA256's inner and outer pads of ``key``, as hex (RFC 2104)."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key).hex(), bytes(b ^ 0x5C for b in key).hex()


def _hmac16(key: bytes, messages: pa.Array) -> pa.Array:
    """``core.privacy.pseudonym``'s HMAC-SHA256 (first 16 hex digits) of every message,
    over the whole column in DuckDB: sha256(opad || sha256(ipad || message))."""
    ipad, opad = _hmac_pads(key)
    con = duckdb.connect()
    try:
        con.register("t", pa.table({"m": messages}))
        out = con.sql(
            f"select left(sha256(unhex('{opad}') || unhex(sha256(unhex('{ipad}') || "
            "encode(m)))), 16) as p from t"
        ).to_arrow_table()
    finally:
        con.close()
    return out.column("p").combine_chunks()


_PLACEHOLDERS = pa.array(sorted(PLACEHOLDER_AUTHORS), pa.string())


def _named(names: pa.Array) -> pa.Array:
    """The names with the placeholders that name no one ("Anonymous") nulled
    (``core.privacy.author_name_of`` over the column)."""
    said = pc.utf8_lower(pc.utf8_trim(names, PLACEHOLDER_TRIM))
    return pc.if_else(pc.is_in(said, value_set=_PLACEHOLDERS), pa.scalar(None, names.type), names)


def pseudonymise(
    key: bytes, portal: pa.Array, author_id: pa.Array, author_name: pa.Array
) -> pa.Array:
    """Pseudonym per row (null where the portal shows no author); one HMAC per distinct
    author, computed over the column (not a Python call per author)."""
    author = pc.coalesce(null_if_blank(author_id), _named(null_if_blank(author_name)))
    joined = pc.binary_join_element_wise(portal, author, "|")  # null where author is null
    if isinstance(joined, pa.ChunkedArray):
        joined = joined.combine_chunks()
    encoded = joined.dictionary_encode()
    return pc.take(_hmac16(key, encoded.dictionary), encoded.indices)


def item_pseudonyms(
    key: bytes, portal: pa.Array, dir_portal: pa.Array, author_id: pa.Array, author_name: pa.Array
) -> pa.Array:
    """Pseudonyms of raw items as the transform makes them: the item's portal, else
    the portal its file is filed under."""
    return pseudonymise(key, pc.coalesce(null_if_blank(portal), dir_portal), author_id, author_name)


def scrub_raw_row(
    key: bytes, line: str, portal: str | None = None, author_pseudonym: str | None = None
) -> str:
    """The raw line as it may be kept in quarantine: author replaced by its pseudonym,
    e-mail addresses and phone numbers masked. Lines that are not JSON are masked only.

    The pseudonym is the one the transform gives the item (``author_pseudonym`` when
    it has made it; else from the item's portal, or ``portal`` where the item names
    none, and its author id or name read as the transform reads them), so an erasure
    finds the row by it; it is put in after masking, which must not touch it."""
    line = line.rstrip("\r\n")
    try:
        obj: Any = json.loads(line)
    except (ValueError, RecursionError):
        return mask_pii(_AUTHOR_IN_TEXT.sub(r"\1null", line))
    if not isinstance(obj, dict):
        return mask_pii(_AUTHOR_IN_TEXT.sub(r"\1null", line))
    if author_pseudonym is None:
        author = item_author(obj.get("author_id"), obj.get("author_name"))
        where = as_text(obj.get("portal")) or portal or ""
        author_pseudonym = pseudonym(key, where, author) if author else None
    for f in AUTHOR_FIELDS:
        if f in obj:
            obj[f] = None
    if author_pseudonym is None:
        return mask_pii(_dumps(obj))
    obj["author_pseudonym"] = _SLOT
    masked = mask_pii(_dumps(obj))
    return masked.replace(
        f'"author_pseudonym": "{_SLOT}"', f'"author_pseudonym": "{author_pseudonym}"', 1
    )


_SLOT = "ruf-author-pseudonym"
