"""Counts of reviews and ratings as a page shows them: "21,200 ratings", "5.182
valoraciones", "(90)", "1 Bewertung", "234 Produktbewertungen", a rating packed with its
count ("4.5(12345)", "4.7 • 12.3K Ratings"), rounded ("12.3K Ratings", "1,23 Mio.
Rezensionen"). Pure functions over short texts, read lowercased (see ``shown``)."""

from __future__ import annotations

import re
from typing import Any

_HAS_DIGIT = re.compile(r"\d").search
_NON_DIGITS = re.compile(r"\D").sub

COUNT_WORDS = (
    r"reviews?|ratings?|[\w-]*bewertung(?:en)?|rezension(?:en)?|erfahrung(?:en|sberichte)?|"
    r"testberichte?|[\w-]*meinungen|beurteilungen|"
    r"avis|évaluations?|notes|valoraciones|calificaciones|opiniones|reseñas|recensioni|valutazioni|"
    r"beoordelingen|recensies|omdömen|anmeldelser|arvostelua|opinie|ocen\w*|"
    r"votes?|stimmen|comments?|kommentare|commentaires|commenti|comentarios|avaliações|avaliação|recenzj\w*|değerlendirme\w*|"
    r"opinii|opiniões|hodnocení|hodnotenia|recenz[ií]\w*|vélemény\w*|értékelés\w*|"
    r"arvostelu\w*|recensioner|vurderinger|отзыв\w*|відгук\w*|κριτικ\w*|"
    r"個の評価|件の評価|件のレビュー|件のカスタマーレビュー"
)
# A count's number stands alone: "K1 review" and "X5 ratings" name a model, not a count.
_COUNT = re.compile(
    r"(?<![a-z\u00c0-\u024f\u0370-\u04ff])(\d{1,3}(?:[.,\u202f\u00a0' ]\d{3})+|\d+)\s*"
    r"(?:(?:global|customer|guest|verified|critic|user|player|member|product|seller|shop|"
    r"store|hotel|google|app|total|globale|weltweite|verifizierte|echte|geprüfte|wereldwijde|"
    r"globala|globalne|globální)\s+)?"
    rf"(?:{COUNT_WORDS})\b",
)
# A count after its word, a plural one, the whole text: a tab's "Reviews (12)", PrestaShop's
# "Commentaires (2)", "Bewertungen: 12" (not "Rating: 3", "Bewertung: 4", a rating; nor a
# sentence: "Read all reviews (12)" is a link's).
_PLURAL_WORDS = (
    r"reviews|ratings|[\w-]*bewertungen|rezensionen|kommentare|comments|avis|évaluations|"
    r"commentaires|valoraciones|opiniones|reseñas|comentarios|recensioni|valutazioni|commenti|"
    r"beoordelingen|recensies|opinie|avaliações|отзывы|відгуки"
)
_WORD_THEN_COUNT = re.compile(
    rf"^(?:{_PLURAL_WORDS})\s*(?:\(\s*(\d{{1,3}}(?:[.,\u202f\u00a0]\d{{3}})+|\d+)\s*\)|"
    r":\s*(\d{1,3}(?:[.,\u202f\u00a0]\d{3})+|\d+))$"
)
_PAREN_COUNT = re.compile(r"^\(?\s*(\d{1,3}(?:[.,\u202f\u00a0]\d{3})+|\d+)\s*\)$")
# A rating packed with its count in one text: "4.5(12345)", "4,7 (1.234)".
_PACKED = re.compile(r"^(\d(?:[.,]\d{1,2})?)\s*\(\s*(\d{1,3}(?:[.,\u202f\u00a0]\d{3})+|\d+)\s*\)$")


# A score, a dot and its count in one text: the App Store's "4.7 • 12.3K Ratings", a rental's
# "4.92 · 128 reviews", "4,6 | 1.234 avis" (the score written with its decimals: "4 · 12
# reviews" is a reviewer's line as often as a score).
_SCORE_DOT_COUNT = re.compile(r"^(?:[★⭐]\s*)?(\d(?:[.,]\d{1,2}))\s*[·•|]\s*(\S.{0,40})$")


def rating_before_count(text: str) -> str | None:
    """The score of a text that states it before its count ("4.7 • 12.3K Ratings")."""
    m = _SCORE_DOT_COUNT.match(text.strip())
    return m.group(1) if m and count_in_text(m.group(2)) is not None else None


def packed_rating(text: str | None) -> str | None:
    """The rating of a text that packs it with its count ("4.5(12345)")."""
    m = _PACKED.match(text.strip()) if text else None
    return m.group(1) if m else None


def count_in_text(text: str | None, tail: str | None = None) -> int | None:
    """The count of reviews or ratings a text states ("21,200 ratings", "(90)",
    "4.5(12345)"); with the words after its element (``tail``) when the number is
    marked up apart from them: ``(<span class="count">3</span> customer reviews)``."""
    if tail and not tail.isspace():
        return count_in_text(text) or count_in_text(f"{text} {tail[:40]}")
    if not text:
        return None
    if not _HAS_DIGIT(text):
        return None
    m = _COUNT.search(text.lower()) or _PAREN_COUNT.match(text.strip())
    if m is None and (after := _WORD_THEN_COUNT.match(text.strip().lower())):
        return int(_NON_DIGITS("", after.group(1) or after.group(2)))
    if m is None:
        packed = _PACKED.match(text.strip())
        return int(_NON_DIGITS("", packed.group(2))) if packed else rounded_count(text)
    digits = _NON_DIGITS("", m.group(1))
    return int(digits) if digits else None


class Rounded(int):
    """A count the page shows rounded ("1.2K reviews", "1,23 Mio. Rezensionen",
    "(2.3K)"): the shown number times its unit; its items say ``count_rounded``."""


_UNITS = {"k": 1_000, "tsd": 1_000, "mil": 1_000, "m": 1_000_000, "mio": 1_000_000}
# A rounded count needs a word of reviews or ratings ("1.2K comments" and "1.2K likes"
# are no reviews of the page), or parentheses with a unit of thousands ("(2.3K)" beside a
# map's stars; "(350 m)" is a distance).
_ROUNDED_WORDS = COUNT_WORDS.replace("comments?|kommentare|", "")
_ROUNDED = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(k|tsd|mil|mio|m)\.?\s*"
    rf"(?:(?:global\s+|customer\s+|guest\s+|verified\s+)?(?:{_ROUNDED_WORDS})\b|\)\s*$)"
)


def rounded_count(text: str) -> Rounded | None:
    """The count a text shows rounded to a unit ("12.3K Ratings"), else None."""
    low = text.lower()
    if "k" not in low and "m" not in low and "tsd" not in low:
        return None
    m = _ROUNDED.search(low)
    if m is None or (m.group(0).endswith(")") and "(" not in low[: m.start()]):
        return None
    if m.group(0).endswith(")") and m.group(2) == "m":
        return None
    return Rounded(round(float(m.group(1).replace(",", ".")) * _UNITS[m.group(2)]))


_TRAILING_PAREN = re.compile(r"\(\s*(\d{1,3}(?:[.,\u202f\u00a0]\d{3})+|\d+)\s*\)\s*$")


def count_after(text: str) -> tuple[int, str] | None:
    """(the count, the text before it) of a text that ends with its count in parentheses:
    "4.6 out of 5 stars (2,345)"."""
    m = _TRAILING_PAREN.search(text)
    return (int(_NON_DIGITS("", m.group(1))), text[: m.start()].strip()) if m else None


# A reviewer's or a post's other tallies beside a count: "12 friends · 43 reviews", "Local
# Guide · 12 reviews", "43 contributions", "42 likes" beside "3 comments"; in a dated block
# they make its count the reviewer's or the post's, not the page's.
_TALLY = re.compile(
    r"\b(?:friends?|freunde|amis|amigos|amici|vrienden|znajomych|followers?|abonnés|seguidores|"
    r"photos?|fotos?|foto's|contributions?|beiträge|contribuciones|contributi|bijdragen|"
    r"likes?|j'aime|me\s+gusta|mi\s+piace|helpful\s+votes?|local\s+guide|guide\s+local|"
    r"check-ins?|elite)\b",
    re.I,
).search


def tallied(texts: list[tuple[Any, str]]) -> bool:
    """Whether a block's short texts show a reviewer's or a post's tallies (friends,
    followers, photos, contributions, likes) beside its count."""
    return any(len(t) <= 80 and _TALLY(t) for _, t in texts)
