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
    (``word_counts``); a text where one language clearly leads is that language. Only
    the rest, long enough to tell, go to lingua (distinct texts, in one parallel batch)."""
    n = len(texts)
    if n == 0:
        return pa.array([], pa.string())
    letters, counts = word_counts(texts, candidates)
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


# Texts whose words are counted at a time (bounds the per-byte arrays to a few MiB).
_CHUNK = 32_768


@lru_cache(maxsize=4)
def _packed_words(candidates: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, int]:
    """The candidates' words as sorted integers (their UTF-8 bytes, little endian), the
    candidates each is a word of (two columns of candidate numbers, -1 for none: a word
    is in one or two lists), and the longest in bytes."""
    lists = {c: set(_WORDS[c].split()) for c in candidates}
    words = sorted(set().union(*lists.values()))
    encoded = [w.encode() for w in words]
    width = max(len(b) for b in encoded)
    if width > 8:
        raise ValueError(f"a frequent word longer than 8 bytes: {max(encoded, key=len)!r}")
    of = [[j for j, c in enumerate(candidates) if w in lists[c]] for w in words]
    if max(len(js) for js in of) > 2:
        raise ValueError("a frequent word in more than two languages' lists")
    langs = np.array([[*js, -1][:2] for js in of], np.int64)
    packed = np.array([int.from_bytes(b, "little") for b in encoded], dtype=np.uint64)
    order = np.argsort(packed)
    return packed[order], langs[order], width


def word_counts(texts: pa.Array, candidates: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(letters, counts) of the first ``READ_CHARS`` characters of each text, lower case:
    how many letters (Unicode ``\\pL``) it has, and how many of its words (runs of letters)
    are each candidate's frequent words (an ``n x len(candidates)`` matrix).

    Read from the UTF-8 bytes with numpy, a chunk of texts at a time: a word is a run of
    letter bytes, packed into one integer and looked up among the packed frequent words;
    which code points outside ASCII are letters is asked of RE2 (as a regex's ``\\pL``
    would), once per distinct code point."""
    n = len(texts)
    letters = np.zeros(n, np.int64)
    counts = np.zeros((n, len(candidates)), np.int64)
    t = pc.utf8_lower(pc.utf8_slice_codeunits(pc.fill_null(texts, ""), 0, READ_CHARS))
    t = pc.cast(t, pa.large_string())
    if isinstance(t, pa.ChunkedArray):
        t = t.combine_chunks()
    for lo in range(0, n, _CHUNK):
        chunk = t.slice(lo, min(_CHUNK, n - lo))
        got = _count_chunk(chunk, candidates)
        if got is not None:
            letters[lo : lo + len(chunk)], counts[lo : lo + len(chunk)] = got
    return letters, counts


# (1 << 8k) - 1 for k = 0..8: the low k bytes of a packed word.
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
# Which bytes are ASCII letters (the first byte of a longer code point is looked up).
_ASCII_LETTER = np.array([chr(b).isascii() and chr(b).isalpha() for b in range(256)], bool)


def _count_chunk(t: pa.Array, candidates: tuple[str, ...]):
    """``word_counts`` of one chunk (a large_string array); None if it has no bytes."""
    words, langs, width = _packed_words(candidates)
    m = len(t)
    offsets = np.frombuffer(t.buffers()[1], np.int64)[t.offset : t.offset + m + 1]
    lo, hi = int(offsets[0]), int(offsets[-1])
    if hi == lo:
        return None
    offsets = offsets - lo
    size = hi - lo
    # The bytes, and 8 zero bytes after them: a uint64 can be read at every byte.
    data = np.zeros(size + 8, np.uint8)
    data[:size] = np.frombuffer(t.buffers()[2], np.uint8)[lo:hi]
    letter = _ASCII_LETTER[data]
    lead = np.flatnonzero(data >= 0xC0)  # code points of 2-4 bytes
    length = np.where(data[lead] >= 0xF0, 4, np.where(data[lead] >= 0xE0, 3, 2))
    is_letter = _letters_at(data, lead)
    for k in range(4):
        longer = length > k
        letter[lead[longer] + k] = is_letter[longer]
    # Words: runs of letter bytes (the padding ends the last), cut at each text's start.
    edge = np.diff(letter.view(np.int8), prepend=np.int8(0))
    first, last = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    inner = offsets[1:-1]
    cut = inner[letter[inner] & letter[inner - 1]]  # a word would run into the next text
    if len(cut):
        first = np.insert(first, np.searchsorted(first, cut), cut)
        last = np.insert(last, np.searchsorted(last, cut), cut)
    nbytes = last - first
    # Letters per text: its words' bytes, less the bytes after the first of each
    # multi-byte letter (sums over the texts' ranges of words and of code points).
    words_before = np.searchsorted(first, offsets)
    letters = np.concatenate([[0], np.cumsum(nbytes)])[words_before]
    multi = lead[is_letter]
    tails = np.concatenate([[0], np.cumsum(length[is_letter] - 1)])
    letters = np.diff(letters) - np.diff(tails[np.searchsorted(multi, offsets)])
    short = nbytes <= width
    first, nbytes = first[short], nbytes[short]
    view = np.ndarray((size,), dtype="<u8", buffer=data, strides=(1,))
    packed = view[first] & _LOW_BYTES[nbytes]
    at = np.minimum(np.searchsorted(words, packed), len(words) - 1)
    hit = words[at] == packed
    row = np.searchsorted(offsets, first[hit], side="right") - 1
    at = at[hit]
    c = len(candidates)
    counts = np.zeros(m * c, np.int64)
    for j in range(langs.shape[1]):
        lang = langs[at, j]
        ok = lang >= 0
        counts += np.bincount(row[ok] * c + lang[ok], minlength=m * c)
    return letters.astype(np.int64), counts.reshape(m, c)


def _letters_at(data: np.ndarray, lead: np.ndarray) -> np.ndarray:
    """Whether each multi-byte code point starting at ``lead`` is a letter (RE2's ``\\pL``)."""
    if len(lead) == 0:
        return np.zeros(0, bool)
    b0 = data[lead].astype(np.int64)
    nxt = [data[lead + k].astype(np.int64) & 0x3F for k in (1, 2, 3)]
    cp = np.where(
        b0 < 0xE0,
        (b0 & 0x1F) << 6 | nxt[0],
        np.where(
            b0 < 0xF0,
            (b0 & 0x0F) << 12 | nxt[0] << 6 | nxt[1],
            (b0 & 0x07) << 18 | nxt[0] << 12 | nxt[1] << 6 | nxt[2],
        ),
    )
    distinct, where = np.unique(cp, return_inverse=True)
    said = pc.match_substring_regex(pa.array([chr(c) for c in distinct.tolist()]), r"^\pL$")
    return np.asarray(said.to_numpy(zero_copy_only=False), bool)[where]
