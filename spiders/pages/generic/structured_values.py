"""The values of one schema.org node's properties, as pages write them: a text
that may be a node or a list, a number as a string, an id inside a URL, a rating
that exists only as text or attributes of the node's element (microdata, RDFa),
a date shown but not marked up."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from spiders.pages.base import RATING_FROM_TEXT
from spiders.pages.generic import structured_nodes as sn
from spiders.pages.generic.shown import (
    as_number,
    looks_like_date,
    rating_in_classes,
    rating_in_text,
)
from spiders.pages.generic.structured_nodes import EL, Node, first

_HAS_DIGIT = re.compile(r"\d").search
_TEXT_ATTRS = ("content", "title", "aria-label", "alt", "data-rating", "data-score")


def text(value: Any) -> str | None:
    if type(value) is str:
        return value
    if isinstance(value, dict):
        return text(first(value, "name", "text", "value", "@value"))
    if isinstance(value, list):
        return text(value[0]) if value else None
    if value is None or isinstance(value, bool):
        return None
    return str(value)


_ID_PREFIXES = ("review-", "review_", "comment-", "rev-")


def id_of(value: Any) -> str | None:
    """A review's or author's id from its identifier or URL: the fragment or the
    last path segment, whichever looks like an id (has a digit)."""
    if not isinstance(value, str) or not value:
        return None
    path, _, fragment = value.partition("#")
    segment = unquote(path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if fragment and _HAS_DIGIT(fragment):
        key = fragment
    elif segment and _HAS_DIGIT(segment):
        key = segment
    else:
        key = fragment or segment
    for prefix in _ID_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key or None


def _rating_from_element(el: Any) -> tuple[str, str | None, str] | None:
    """(value, best, flag) from a rating shown only as text, attributes or a <meta name>."""
    if el is None:
        return None
    for sub in el.iter():
        if not isinstance(sub.tag, str):
            continue
        meta_rating = sub.tag == "meta" and (sub.get("name") or "").lower() == "ratingvalue"
        if meta_rating and sub.get("content"):
            best = next(
                (
                    m.get("content")
                    for m in el.iter("meta")
                    if (m.get("name") or "").lower() == "bestrating"
                ),
                None,
            )
            return sub.get("content"), best, "rating_from_meta_name"
        for attr in _TEXT_ATTRS:
            value = sub.get(attr)
            if not value:
                continue
            found = rating_in_text(value)
            if found:
                return found[0], found[1], RATING_FROM_TEXT
            if attr.startswith("data-") and as_number(value) is not None:
                return value.strip(), None, RATING_FROM_TEXT
        found = rating_in_classes(sub.get("class"))
        if found:
            return found[0], found[1], RATING_FROM_TEXT
    return None


def date_in_element(el: Any) -> str | None:
    """A review's date shown in its markup but not marked up (``p.date``: "21/10/2016")."""
    if el is None:
        return None
    for sub in el.iter():
        if not isinstance(sub.tag, str) or sub.get("itemprop"):
            continue
        if sub.tag == "time" and sub.get("datetime"):
            return sub.get("datetime")
        if len(sub) == 0 and sub.text and looks_like_date(sub.text.strip()):
            return " ".join(sub.text.split())
    return None


def scalar(value: Any) -> str | int | float | None:
    value = sn.unwrap(value)
    return value if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def rating_of(node: Node, rating: Any) -> tuple[Any, Any, Any, list[str]]:
    """(value, worst, best, flags) from a Rating node or a bare value."""
    flags: list[str] = []
    value = worst = best = None
    if isinstance(rating, dict):
        value = first(rating, "ratingValue")
        worst = first(rating, "worstRating")
        best = first(rating, "bestRating")
    elif rating is not None:  # "reviewRating": "4"
        value = rating
    if isinstance(value, dict):
        value = text(value)
    if as_number(value) is None:
        found = _rating_from_element(rating.get(EL)) if isinstance(rating, dict) else None
        found = found or _rating_from_element(node.get(EL))
        if found:
            value, text_best, how = found
            best = best if best is not None else text_best
            flags.append(how)
    return scalar(value), scalar(worst), scalar(best), flags
