"""Author pseudonyms and scrubbed raw rows: no reviewer's name or id reaches the lake."""

from __future__ import annotations

import hmac
import json
import re
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from core.privacy import as_text, pseudonym
from transforms.text import mask_pii, null_if_blank

AUTHOR_FIELDS = ("author_name", "author_id")
# Broken lines cannot be parsed, but their author fields can still be blanked.
_AUTHOR_IN_TEXT = re.compile(
    r'("author_(?:name|id)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\s]+)', re.DOTALL
)


def pseudonymise(
    key: bytes, portal: pa.Array, author_id: pa.Array, author_name: pa.Array
) -> pa.Array:
    """Pseudonym per row (null where the portal shows no author); one HMAC per distinct author."""
    author = pc.coalesce(null_if_blank(author_id), null_if_blank(author_name))
    joined = pc.binary_join_element_wise(portal, author, "|")  # null where author is null
    encoded = joined.dictionary_encode()
    digests = [
        hmac.digest(key, v.encode(), "sha256").hex()[:16] for v in encoded.dictionary.to_pylist()
    ]
    return pc.take(pa.array(digests, pa.string()), encoded.indices)


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
        author = next(
            filter(None, (as_text(obj.get(f)) for f in ("author_id", "author_name"))), None
        )
        where = as_text(obj.get("portal")) or portal or ""
        author_pseudonym = pseudonym(key, where, author) if author else None
    for f in AUTHOR_FIELDS:
        if f in obj:
            obj[f] = None
    if author_pseudonym is None:
        return mask_pii(json.dumps(obj, ensure_ascii=False, sort_keys=True))
    obj["author_pseudonym"] = _SLOT
    masked = mask_pii(json.dumps(obj, ensure_ascii=False, sort_keys=True))
    return masked.replace(
        f'"author_pseudonym": "{_SLOT}"', f'"author_pseudonym": "{author_pseudonym}"', 1
    )


_SLOT = "ruf-author-pseudonym"
