"""Review cards that show several ratings: the overall one and its sub-ratings.

Software-review and hotel portals rate each review on several scales inside one
card ("5.0", then "Ease of Use 4.0", "Customer Service 5.0"). Each of those
signals' own block is the small box around it, which holds no date, so no single
signal reads as a review; the card around them does: the smallest ancestor that
holds only such signals (at most ``MAX_RATINGS``) and shows a date. Its overall
rating is the one labelled so ("Overall"), else the first; the others are
sub-ratings named by their labels.
"""

from __future__ import annotations

import re
from typing import Any

from spiders.pages.generic.blocks import View, read_review
from spiders.pages.generic.records import Record
from spiders.pages.generic.shown import looks_like_date
from spiders.pages.generic.texts import iter_texts, text_content

MAX_RATINGS = 8  # more ratings than this in one box is a list, not a review card
MAX_CARD_TEXT = 6000
_LABEL_SIZE = 40
_OVERALL = re.compile(
    r"^(?:overall|gesamt|insgesamt|gesamtbewertung|global|note globale|général|general)\b", re.I
)
_HAS_DIGIT = re.compile(r"\d").search


def rating_cards(unread: list[Any], counts: dict[Any, int]) -> dict[Any, list[Any]]:
    """Card -> its signals (in page order), for signals none of whose own blocks
    read as a review or an aggregate (``unread``, in page order)."""
    left: dict[Any, int] = {}
    for el in unread:
        for anc in el.iterancestors():
            left[anc] = left.get(anc, 0) + 1
    cards: dict[Any, list[Any]] = {}
    dated: dict[Any, bool] = {}
    for el in unread:
        for anc in el.iterancestors():
            n = counts.get(anc, 0)
            if anc.tag in ("body", "html", "main") or n > MAX_RATINGS:
                break
            if n < 2:
                continue
            if left.get(anc, 0) != n:  # it holds a signal read otherwise
                break
            shows_date = dated.get(anc)
            if shows_date is None:
                shows_date = dated[anc] = _dated(anc)
            if shows_date:
                cards.setdefault(anc, []).append(el)
                break
    return {card: els for card, els in cards.items() if len(els) >= 2}


def _dated(card: Any) -> bool:
    if len(text_content(card)) > MAX_CARD_TEXT:
        return False
    return any(len(t) <= 80 and looks_like_date(t) for _, t in iter_texts(card))


def label_of(signal: Any, card: Any) -> str | None:
    """What a rating in a card is of: the short text beside it ("Ease of Use")."""
    inside = set(signal.iter())
    scope = signal
    for _ in range(2):
        parent = scope.getparent()
        if parent is None or parent is card:
            break
        scope = parent
        for sub, t in iter_texts(scope):
            if sub not in inside and len(t) <= _LABEL_SIZE and not _HAS_DIGIT(t):
                return t.rstrip(":").strip()
    return None


def overall_first(signals: list[Any], card: Any) -> tuple[Any, dict[Any, str | None]]:
    """The card's overall rating, and every other rating's label."""
    labels = {el: label_of(el, card) for el in signals}
    overall = next((el for el in signals if _OVERALL.match(labels[el] or "")), signals[0])
    return overall, {el: labels[el] for el in signals if el is not overall}


def card_review(
    card: Any, members: list[Any], signals: dict, view: View, counts: dict[Any, int]
) -> Record | None:
    """The review of a card rated on several scales: its overall rating, the others
    as sub-ratings."""
    overall, labels = overall_first(members, card)
    value, best, _ = signals[overall]
    review = read_review(card, overall, value, best, view, counts)
    if review is not None:
        subs = {label: signals[el][0] for el, label in labels.items() if label}
        if subs:
            review.values["sub_ratings"] = subs
    return review
