"""Language codes as portals and exports declare them -> ISO 639-1 where one exists.

``de``, ``DE``, ``de-DE``, ``de_AT``, ``zh-Hant-TW`` -> the primary subtag; ISO 639-2/B,
639-2/T and 639-3 codes (``eng``, ``ger``, ``deu``) -> their 639-1 code (CLDR's aliases,
through babel); English, German and native names (``German``, ``Deutsch``,
``français``) -> the code. ``und``, ``zxx``, ``mul`` and blanks say nothing: null. Any
other text is no language code we know: it is kept (trimmed, lower case) and flagged,
never guessed. Each distinct text is looked up once.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

LANGUAGE_UNKNOWN = "language_unknown"
LANGUAGE_NOT_IN_PORTAL = "language_not_in_portal"

# Undetermined, no linguistic content, several: the same as not declaring one.
_NO_LANGUAGE = {"", "und", "zxx", "mul", "mis"}
_TAG = re.compile(r"^(?P<primary>[a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset[str], dict[str, str]]:
    """The language codes CLDR knows, and its aliases (old and 639-2/3 codes -> the code)."""
    from babel import Locale
    from babel.core import get_global

    known = frozenset(k for k in Locale("en").languages if k.isalpha() and len(k) in (2, 3))
    aliases = {
        k.lower(): v.split("_")[0].lower()
        for k, v in get_global("language_aliases").items()
        if k.isalpha() and len(k) in (2, 3)
    }
    return known, aliases


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Language names (English, German, and each language's own) -> code, lower case."""
    from babel import Locale, UnknownLocaleError

    known, _ = _codes()
    names: dict[str, str] = {}
    for shown_in in ("en", "de"):
        for code, name in Locale(shown_in).languages.items():
            if code in known:
                names.setdefault(name.lower(), code)
    for code in sorted(c for c in known if len(c) == 2):
        try:
            own = Locale(code).language_name
        except (UnknownLocaleError, ValueError):
            continue
        if own:
            names.setdefault(own.lower(), code)
    return names


def language_code(text: str | None) -> tuple[str | None, bool]:
    """(the ISO 639-1 code, or the 639-2/3 one where there is none; True) for a known
    language; (None, True) where the text says none; (the text, False) for anything else."""
    s = " ".join((text or "").split()).lower()
    if s in _NO_LANGUAGE:
        return None, True
    known, aliases = _codes()
    m = _TAG.match(s)
    if m:
        primary = m.group("primary")
        code = aliases.get(primary, primary)
        if primary in _NO_LANGUAGE:
            return None, True
        if code in known or primary in aliases:
            return code, True
    name = _names().get(s)
    if name is not None:
        return name, True
    return s, False


def normalise_languages(values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Declared languages -> (code or null, True where the text is no language we know)."""
    if len(values) == 0:
        return pa.array([], pa.string()), pa.array([], pa.bool_())
    encoded = pc.cast(values, pa.string()).dictionary_encode()
    looked_up = [language_code(v) for v in encoded.dictionary.to_pylist()]
    codes = pa.array([c for c, _ in looked_up], pa.string())
    unknown = pa.array([not ok for _, ok in looked_up], pa.bool_())
    idx = encoded.indices
    return pc.take(codes, idx), pc.fill_null(pc.take(unknown, idx), False)


def not_in_portal(
    languages: dict[str, tuple[str, ...]], portal: pa.Array, language: pa.Array
) -> pa.Array:
    """True where a language is set and its portal lists languages that do not include it."""
    pairs = pc.binary_join_element_wise(portal, language, "|")
    allowed = pa.array(
        sorted(f"{p}|{lang}" for p, langs in languages.items() for lang in langs), pa.string()
    )
    ruled = pc.is_in(
        portal, value_set=pa.array([p for p, v in languages.items() if v], pa.string())
    )
    outside = pc.and_(ruled, pc.invert(pc.is_in(pairs, value_set=allowed)))
    return pc.fill_null(pc.and_(outside, pc.is_valid(language)), False)
