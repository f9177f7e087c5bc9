"""The text columns of one kind of row: cleaned, flagged, and their language.

``texts`` cleans every text column of the rows a mask picks (``transforms.text``),
reads the declared language (``transforms.languages``; detected where none is
declared) and gathers every flag into one ``text_flags`` list per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms import dates as D
from transforms import languages as L
from transforms import text as T
from transforms.batch import Context

# Repairs the spider or importer made to an item, kept as text flags of the clean row.
ITEM_FLAGS = (T.UNDECODABLE, "mixed_encoding", "nul_removed", "oversized_field")
# The order flags take in text_flags (the repairs of each column, then the row's).
CLEANING = (T.HTML_STRIPPED, T.MASKED_EMAIL, T.MASKED_PHONE, T.UNDECODABLE, T.CONTROL_REMOVED)


@dataclass(frozen=True)
class Texts:
    cleaned: dict[str, pa.Array]
    language: pa.Array
    language_detected: pa.Array  # True where no language was declared
    text_flags: pa.Array


def texts(
    ctx: Context,
    col: dict[str, pa.Array],
    mask: pa.Array,
    portal: pa.Array,
    names: tuple[str, ...],
    extra: dict[str, pa.Array] | None = None,
) -> Texts:
    """The cleaned ``names`` columns of the rows ``mask`` picks, their language, and their
    ``text_flags``: the cleaning's, the item's repairs, then ``extra``'s and the language's."""
    cleaned = {}
    flags: dict[str, pa.Array] = {}
    for name in names:
        values, f = T.clean_text(pc.filter(col[name], mask))
        cleaned[name] = values
        for k, m in f.items():
            flags[k] = pc.or_(flags[k], m) if k in flags else m
    item_flags = pc.filter(col["flags"], mask)
    for name in ITEM_FLAGS:
        said = pc.fill_null(pc.match_substring(item_flags, f'"{name}"'), False)
        flags[name] = pc.or_(flags[name], said) if name in flags else said
    flags.update(extra or {})
    language, declared_unknown, detected = _languages(
        ctx, portal, pc.filter(col["language"], mask), _title_and_text(cleaned)
    )
    flags[L.LANGUAGE_UNKNOWN] = declared_unknown
    flags[L.LANGUAGE_NOT_IN_PORTAL] = L.not_in_portal(ctx.languages, portal, language)
    order = (
        *CLEANING,
        *(f for f in ITEM_FLAGS if f not in CLEANING),
        *(extra or {}),
        L.LANGUAGE_UNKNOWN,
        L.LANGUAGE_NOT_IN_PORTAL,
    )
    return Texts(cleaned, language, detected, flag_lists([flags[k] for k in order], order))


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


def _title_and_text(cleaned: dict[str, pa.Array]) -> pa.Array:
    """What language detection reads."""
    return pc.binary_join_element_wise(
        pc.fill_null(cleaned["title"], ""), pc.fill_null(cleaned["text"], ""), " "
    )


def _languages(ctx: Context, portal: pa.Array, declared: pa.Array, texts: pa.Array):
    """(language per row, True where the declared text is no known language,
    True where none was declared: then a one-language portal's language, else detected)."""
    lang, unknown = L.normalise_languages(declared)
    missing = pc.is_null(lang)
    if not pc.any(missing).as_py():
        return lang, unknown, missing
    # A one-language portal has said what its language is.
    single = {p: langs[0] for p, langs in ctx.languages.items() if len(langs) == 1}
    said = pc.take(
        pa.array([*single.values(), None], pa.string()),
        pc.fill_null(
            pc.index_in(portal, value_set=pa.array(list(single), pa.string())), len(single)
        ),
    )
    lang = pc.if_else(missing, said, lang)
    todo = pc.and_(missing, pc.is_null(said))
    if pc.any(todo).as_py():
        found = L.detect(pc.filter(texts, todo))
        lang = pc.replace_with_mask(lang, todo, found)
    return lang, unknown, missing
