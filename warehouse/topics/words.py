"""What one whitespace-separated token of a review is: its words, their lemmas, stopwords.

The topic models split review texts at whitespace only (fast, vectorised); everything a
token holds besides letters (a trailing comma, brackets, a full stop glued to the next
word) is decided here, once per distinct token and language, and kept in the lexicon
(warehouse.topics.models.Lexicon). A token becomes a list of items:

- WORD: a lemma that can be a topic or part of a phrase ("Rechnungen" -> "rechnung"),
- NEGATION: "nicht", "keine", "never": starts a phrase ("keine antwort"), never a topic alone,
- STOP: a stopword, number or single letter: dropped, phrases close over it,
- BREAK: punctuation that ends a clause: no phrase spans it.

Lemmas come from simplemma, which ships its dictionaries in the wheel (nothing is
downloaded). German nouns are lemmatised with their capital letter ("Anrufe" -> "Anruf",
where "anrufe" would be read as the verb "anrufen"), then lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pyarrow as pa

STOP, WORD, NEGATION, BREAK = 0, 1, 2, 3
DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("de", "en")
# Reviews without a known language (or in another one) try German, then English.
OTHER = "xx"
GROUPS = (*LANGUAGES, OTHER)

# A word (letters and digits, with inner apostrophes or hyphens: "Check-in", "don't"),
# or one character of anything else, which ends a clause.
_PIECE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]|_")

# A raw token's items, as the lexicon lookup of warehouse.topics.terms returns them.
LEXICON_SCHEMA = pa.schema(
    [
        ("kinds", pa.list_(pa.int8())),
        ("forms", pa.list_(pa.string())),
        ("lemmas", pa.list_(pa.string())),
    ]
)


def language_group(language: str | None) -> str:
    """'de', 'en' or OTHER for a review's language code ('de-AT' is German)."""
    code = (language or "").strip().lower()[:2]
    return code if code in LANGUAGES else OTHER


def _read_list(name: str) -> frozenset[str]:
    path = DATA / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuntimeError(f"topic word list missing: {path} ({err.strerror})") from err
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@cache
def word_lists(group: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stopwords, negations) of a language group; OTHER uses both languages' lists."""
    langs = LANGUAGES if group == OTHER else (group,)
    stop = frozenset().union(*(_read_list(f"stopwords_{lang}.txt") for lang in langs))
    negations = frozenset().union(*(_read_list(f"negations_{lang}.txt") for lang in langs))
    return stop - negations, negations


@cache
def lemmatiser(group: str) -> Callable[[str], str]:
    """word -> lower-case lemma in the group's language(s), cached per word.

    simplemma's low-memory dictionaries give the same lemmas (checked on 100,000 of its
    German entries and every word of 30,000 reviews) and load in 0.6 s instead of 1 s,
    a cost every build pays, however few reviews it tokenises."""
    import simplemma  # imported here: loading its German dictionary takes a second

    lang = LANGUAGES if group == OTHER else group

    @cache
    def lemmatise(word: str) -> str:
        return simplemma.lemmatize(word, lang=lang, low_memory=True).lower()

    return lemmatise


def token_items(
    raw: str, group: str, lemmatise: Callable[[str], str]
) -> tuple[list[int], list[str], list[str]]:
    """The items of one raw token: kinds, lower-case surface forms, lemmas."""
    stop, negations = word_lists(group)
    kinds: list[int] = []
    forms: list[str] = []
    lemmas: list[str] = []
    for piece in _PIECE.findall(raw):
        if not piece[0].isalnum():
            kinds.append(BREAK)
            forms.append("")
            lemmas.append("")
            continue
        form = piece.lower()
        if len(form) < 2 or not any(ch.isalpha() for ch in form):
            kind, lemma = STOP, ""
        elif form in negations:
            kind, lemma = NEGATION, form
        else:
            lemma = lemmatise(piece)
            kind = STOP if form in stop or lemma in stop else WORD
        kinds.append(kind)
        forms.append(form)
        lemmas.append(lemma if kind in (WORD, NEGATION) else "")
    return kinds, forms, lemmas


def name_forms(*names: str | None) -> frozenset[str]:
    """Lower-case words a company is called by, so its own name is never its topic.

    Every word of the name, aliases and domain label ("kaffee", "partner"), and the
    words of each run together ("kaffeepartner"), legal forms left out.
    """
    legal = {"gmbh", "ag", "kg", "ug", "mbh", "ohg", "gbr", "ek", "se", "co", "ltd", "inc", "llc"}
    forms: set[str] = set()
    for name in names:
        if not name:
            continue
        label = name.lower()
        if "." in label and " " not in label:  # a domain: its label without the TLD
            label = label.rsplit(".", 1)[0]
        words = [w for w in re.findall(r"[^\W_]+", label) if w not in legal]
        forms.update(w for w in words if len(w) >= 3)
        if len(words) > 1:
            forms.add("".join(words))
    return frozenset(forms)
