"""Ratings stated in an element's attributes: ``aria-label="4 star rating"``,
``title="4.4 out of 5 stars"``, ``alt``, ``data-score="5"``, and a web component's own
attribute, ``<rating-stars-group score="4.5">``, ``<star-rating value="4">`` (a custom
element, its tag naming a rating: an ``<input value="4">`` or ``<li value="3">`` is none)."""

from __future__ import annotations

import re
from typing import Any

from spiders.pages.generic.drawn import feedback_verdict
from spiders.pages.generic.shown import bare_rating, rating_in_text

_HAS_DIGIT = re.compile(r"\d").search
_UNSEEN = object()
_ATTRS = ("aria-label", "title", "alt")
_DATA_ATTRS = ("data-rating", "data-score", "data-rating-value")
# Plainer data attributes, read only on an element whose class names stars or a rating:
# PrestaShop's ``<div class="grade-stars" data-grade="4.5">``, ``<div class="rating"
# data-value="4">`` (a grades table's ``<td data-grade="2">`` is none).
_STARRED_ATTRS = ("data-grade", "data-value", "data-stars", "data-star")
_STARRED = re.compile(r"star|rating").search
# A custom element's plain attributes, read only when its tag names a rating.
_OWN_ATTRS = ("score", "rating", "value", "stars")
_RATING_TAG = re.compile(r"rating|stars?(?![a-z])").search  # not a game's <score-board>
VALUE_KEYS = frozenset((*_ATTRS, *_DATA_ATTRS, *_STARRED_ATTRS, *_OWN_ATTRS))


def value_signal(
    el: Any, keys: list[str], values: dict[str, tuple[str, str | None] | None]
) -> tuple[str, str | None, str] | None:
    """A rating stated in an attribute's value (``aria-label``, ``data-score``, ...);
    ``values``: what each value said, for the rest of the page."""
    for attr in _ATTRS:
        if attr in keys:
            value = el.get(attr)
            if value and len(value) <= 120:
                found = values.get(value, _UNSEEN)
                if found is _UNSEEN:  # a page repeats its titles and labels ("5 stars")
                    found = values[value] = (
                        rating_in_text(value)
                        if not value.isalpha() and _HAS_DIGIT(value)
                        else feedback_verdict(value)
                    )
                if found:
                    return found[0], found[1], value
    for attr in _DATA_ATTRS:
        if attr in keys:
            value = el.get(attr)
            if value and bare_rating(value):
                return value.strip(), None, value
    for attr in _STARRED_ATTRS:
        if attr in keys and _STARRED((el.get("class") or "").lower()):
            value = el.get(attr)
            if value and bare_rating(value):
                return value.strip(), None, value
    tag = el.tag
    if "-" in tag and _RATING_TAG(tag.lower()):
        for attr in _OWN_ATTRS:
            value = el.get(attr) if attr in keys else None
            if value and bare_rating(value):
                return value.strip(), None, value
    return None
