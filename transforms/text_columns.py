"""The text columns of one kind of row: cleaned, flagged, and their language.

``clean_texts`` cleans every text column of the rows a mask picks (``transforms.text``)
and gathers the flags into one ``text_flags`` list per row; ``languages`` is the
declared language, else the portal's only one, else the detected one.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms import dates as D
from transforms import text as T
from transforms.batch import Context


def clean_texts(
    col: dict[str, pa.Array],
    mask: pa.Array,
    names: tuple[str, ...],
    extra: dict[str, pa.Array] | None = None,
):
    """The cleaned ``names`` columns of the rows ``mask`` picks, and their ``text_flags``
    (the cleaning's flags, the spider's ``undecodable_bytes``, then ``extra``'s)."""
    cleaned = {}
    flags: dict[str, pa.Array] = {}
    for name in names:
        values, f = T.clean_text(pc.filter(col[name], mask))
        cleaned[name] = values
        for k, m in f.items():
            flags[k] = pc.or_(flags[k], m) if k in flags else m
    item_flags = pc.filter(col["flags"], mask)
    spider_undecodable = pc.fill_null(pc.match_substring(item_flags, "undecodable_bytes"), False)
    flags[T.UNDECODABLE] = pc.or_(flags[T.UNDECODABLE], spider_undecodable)
    flags.update(extra or {})
    order = (T.HTML_STRIPPED, T.MASKED_EMAIL, T.MASKED_PHONE, T.UNDECODABLE, *(extra or {}))
    text_flags = flag_lists([flags[k] for k in order], order)
    return cleaned, text_flags


def shown_but_unread(raw: pa.Array, parsed: D.ParsedDates) -> pa.Array:
    """True where a date is shown but could not be read."""
    shown = pc.fill_null(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(raw)), 0), False)
    return pc.and_(shown, pc.is_valid(parsed.reason))


def flag_lists(masks: list[pa.Array], names: tuple[str, ...]) -> pa.Array:
    """Per row, the list of flag names whose mask is set (vectorised via list offsets)."""
    n = len(masks[0]) if masks else 0
    if n == 0:
        return pa.array([], pa.list_(pa.string()))
    m = np.stack([np.asarray(x.to_numpy(zero_copy_only=False), dtype=bool) for x in masks], axis=1)
    counts = m.sum(axis=1)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    values = np.array(names, dtype=object)[np.nonzero(m)[1]]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values.tolist(), pa.string()))


def languages(ctx: Context, portal: pa.Array, declared: pa.Array, texts: pa.Array):
    """The language per row, and where it was not declared (then it was detected)."""
    lang = T.normalise_language(declared)
    missing = pc.is_null(lang)
    if pc.any(missing).as_py():
        idx = pc.indices_nonzero(missing).to_pylist()
        ps = pc.take(portal, pa.array(idx, pa.int64())).to_pylist()
        ts = pc.take(texts, pa.array(idx, pa.int64())).to_pylist()
        found = []
        for p, t in zip(ps, ts, strict=True):
            allowed = ctx.languages.get(p, ())
            # A one-language portal has said what its language is.
            found.append(allowed[0] if len(allowed) == 1 else T.detect_language(t, allowed))
        lang = pc.replace_with_mask(lang, missing, pa.array(found, pa.string()))
    return lang, missing
