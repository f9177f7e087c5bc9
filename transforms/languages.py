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

import numpy as np
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


# --- detection, where nothing is declared --------------------------------------------
# The languages told apart: the portals' (de, en) and the neighbours a review in the
# wrong portal is most likely written in. Each has its most frequent short words (no
# word two of them share in reviews, such as "super" or "top").
_WORDS = {
    "de": "und der die das nicht ist ich sehr gut mit für auf war wir sie ein eine zu auch "
    "aber wie kann immer wieder schnell leider nur kein keine hat habe bin sind alles",
    "en": "the and is was not very good great with for they this you of to my but are "
    "have would again fast nice never just all were had will it",
    "fr": "le les et est très pas une des pour avec je nous bien mais bon du au ce "
    "qui sont été tout rien",
    "es": "el los las y es muy una para con pero bueno que lo por fue todo nada",
    "it": "il gli e è molto non una per con ma buono che di del sono tutto niente",
    "nl": "het en niet zeer heel goed met voor een maar ook snel wij ik van dat zijn",
}
DETECTABLE = tuple(_WORDS)
# Only the start of a text is read: a language shows in its first sentences.
READ_CHARS = 300
# Fewer letters than this and no clear word: too short to tell (null, not a guess).
MIN_LETTERS = 12


@lru_cache(maxsize=4)
def _lingua(codes: tuple[str, ...]):  # -> lingua.LanguageDetector
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(0.1)  # unsure -> None
        .build()
    )


def detect(texts: pa.Array, candidates: tuple[str, ...] = DETECTABLE) -> pa.Array:
    """The language of each text among ``candidates``; null where it cannot be told.

    Vectorised first: the candidates' frequent words are counted over the whole column
    (Arrow kernels); a text where one language clearly leads is that language. Only the
    rest, long enough to tell, go to lingua (distinct texts, in one parallel batch)."""
    n = len(texts)
    if n == 0:
        return pa.array([], pa.string())
    t = pc.utf8_lower(pc.utf8_slice_codeunits(pc.fill_null(texts, ""), 0, READ_CHARS))
    # Words between two spaces each, so that counting " word " finds every one.
    t = pc.binary_join_element_wise(" ", pc.replace_substring_regex(t, r"[^\pL]+", "  "), " ", "")
    letters = pc.utf8_length(pc.replace_substring(t, " ", "")).to_numpy(zero_copy_only=False)
    counts = np.stack(
        [
            pc.count_substring_regex(t, " (?:" + "|".join(_WORDS[c].split()) + ") ")
            .to_numpy(zero_copy_only=False)
            .astype(np.int64)
            for c in candidates
        ],
        axis=1,
    )
    order = np.argsort(-counts, axis=1, kind="stable")
    best = np.take_along_axis(counts, order[:, :1], axis=1)[:, 0]
    second = np.take_along_axis(counts, order[:, 1:2], axis=1)[:, 0] if len(candidates) > 1 else 0
    clear = (best >= 2) & (best >= 2 * second) | (best == 1) & (second == 0)
    codes = np.array(candidates, dtype=object)[order[:, 0]]
    out = np.where(clear, codes, None)
    unsure = np.flatnonzero(~clear & (letters >= MIN_LETTERS))
    if len(unsure):
        picked = pc.take(texts, pa.array(unsure)).dictionary_encode()
        found = _lingua(tuple(sorted(candidates))).detect_languages_in_parallel_of(
            [s[:READ_CHARS] for s in picked.dictionary.to_pylist()]
        )
        distinct = np.array(
            [f.iso_code_639_1.name.lower() if f is not None else None for f in found], dtype=object
        )
        out[unsure] = distinct[picked.indices.to_numpy(zero_copy_only=False)]
    return pa.array(out.tolist(), pa.string())
