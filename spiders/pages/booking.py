"""Booking.com hotel review pages.

Scores on 1-10 as shown ("8,0"); what guests liked and disliked become
``pros`` and ``cons`` and ``text`` is the liked part (else the disliked one);
the stay is ``experienced_raw``, apart from the review date. Dates are Unix
timestamps in data attributes on some pages and German text on others; either
is kept as shown (an int for a timestamp).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from core.contracts.raw_items import RawItem
from spiders.pages.base import (
    Context,
    PageResult,
    missing_reviews_problem,
    page_number,
    read_page,
    rel_next,
    text_of,
    to_float,
    to_int,
)
from spiders.pages.generic import reader

FAMILY = "booking"

# Every element the extractor reads, in document order, with one XPath call
# (a test on one attribute: class-prefix tests cost more than the parse). The
# attribute values come back as strings that know their element (getparent).
_HOOKS = etree.XPath("descendant-or-self::*/@data-testid")
_NAME = etree.XPath("//*[@id='hp_hotel_name']")
# Hooks whose text is a field as it stands, and the liked / disliked parts.
_TEXT_FIELDS = {
    "review-score": "rating_value",
    "review-title": "title",
    "review-response-text": "reply_text",
    "review-author": "author_name",
}
_NOTES = {"review-positive-text": "pros", "review-negative-text": "cons"}
_PREFIXES = ("Bewertet:", "Bewertet am", "Reviewed:", "Aufenthalt:", "Stayed in")


def _strip_label(text: str | None) -> str | None:
    if not text:
        return None
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :].strip() or None
    return text


def _date(el: Any, attr: str) -> str | int | None:
    raw = el.get(attr)
    if raw is not None:
        number = to_int(raw) if raw.strip().isdigit() else None
        return number if number is not None else raw
    return _strip_label(text_of(el))


def parse(
    body: bytes,
    url: str,
    *,
    portal: str,
    fetched_at: str,
    response_sha256: str,
    encoding: str | None = None,
) -> PageResult:
    page = read_page(body, encoding)
    ctx = Context(FAMILY, portal, url, fetched_at, response_sha256, page.undecodable)
    root = page.root()
    pid = _company_id(url)
    if root is None:
        return PageResult([], None, None, [f"page is not readable HTML ({url})"])
    name = score = None
    declared = None
    cards: list[tuple[Any, list[tuple[str, Any]]]] = []
    hooks: list[tuple[str, Any]] | None = None  # the current card's
    for testid in _HOOKS(root):
        if testid == "review-card":
            hooks = []
            cards.append((testid.getparent(), hooks))
        elif testid == "property-name":
            name = text_of(testid.getparent())
        elif testid == "review-score-component":
            el = testid.getparent()
            first = next((c for c in el if isinstance(c.tag, str)), None)
            score = text_of(first)
            declared = to_int((text_of(el) or "").rpartition("·")[2])
        elif hooks is not None:
            hooks.append((testid, testid.getparent()))
    if name is None:
        name = next((text_of(el) for el in _NAME(root)), None)
    items: list[RawItem] = []
    problems: list[str] = []
    if page_number(url) == 1 and (score is not None or declared is not None):
        items.append(
            ctx.item(
                "aggregate",
                pid,
                company_name=name,
                rating_value=score,
                rating_worst=1,
                rating_best=10,
                review_count=declared,
            )
        )
    if declared and to_float(score) is None:
        problems.append(f"aggregate declares {declared} reviews but no parsable score ({url})")
    for card, card_hooks in cards:
        items.append(_review(card, card_hooks, ctx, pid, name))
    problems += missing_reviews_problem(items, declared, url)
    if not items and declared is None:
        problems.append(f"no booking reviews or score found ({url})")
    own = PageResult(items, rel_next(page.text, url), declared, problems)
    return reader.fallback(page, ctx, url, own)


def _company_id(url: str) -> str:
    last = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return last.removesuffix(".html").split(".", 1)[0]


def _review(
    card: Any, hooks: list[tuple[str, Any]], ctx: Context, pid: str, name: str | None
) -> RawItem:
    values: dict[str, Any] = {}
    subs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for testid, el in hooks:
        if testid == "review-subscore":  # the most frequent hook first
            if len(el) >= 2:
                # <span>Personal</span> <span>8,0</span>: the first and last child.
                subs[text_of(el[0]) or ""] = text_of(el[-1])
        elif testid in _TEXT_FIELDS:
            values[_TEXT_FIELDS[testid]] = text_of(el)
        elif testid == "review-traveler-type":
            traveller = text_of(el)
            if traveller:
                extra["traveller_type"] = traveller
        elif testid in _NOTES:
            body = next(el.iterdescendants("p"), None)  # as find(".//p"), cheaper
            values[_NOTES[testid]] = text_of(body if body is not None else el)
            if body is not None and body.get("lang"):
                values["language"] = body.get("lang")
        elif testid == "review-date":
            values["published_raw"] = _date(el, "data-review-date")
        elif testid == "review-stay-date":
            values["experienced_raw"] = _date(el, "data-stay-date")
    values["text"] = values.get("pros") or values.get("cons")
    item = ctx.item(
        "review",
        pid,
        company_name=name,
        review_id=card.get("data-review-url") or card.get("data-review-id"),
        rating_worst=1,
        rating_best=10,
        sub_ratings=subs,
        extra=extra,
        **values,
    )
    if item.rating_value is None:
        item.flags.append("rating_missing")
    return item
