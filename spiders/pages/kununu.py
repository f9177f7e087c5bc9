"""Kununu employer review pages.

Kept as shown: overall and category scores with decimal commas ("4,2"),
month-year dates ("März 2024"). The reviewer's role is read from kununu's
German label and mapped to ``extra.reviewer_type`` (employee, applicant,
apprentice); the label itself is kept too.
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

FAMILY = "kununu"

# One XPath for every hook, then one pass in document order: cheaper than
# searching each review element again.
# The attribute values come back as strings that know their element (getparent).
_HOOKS = etree.XPath("descendant-or-self::*/@data-testid")
PROS = ("gut am arbeitgeber",)
CONS = ("schlecht am arbeitgeber",)


def reviewer_type(label: str | None) -> str | None:
    """kununu's German role label -> employee / applicant / apprentice."""
    if not label:
        return None
    low = label.lower()
    if "bewerb" in low:
        return "applicant"
    if any(k in low for k in ("azubi", "auszubild", "ausbildung", "lehrling", "trainee")):
        return "apprentice"
    if any(k in low for k in ("angestellt", "arbeiter", "mitarbeiter", "führungskraft")):
        return "employee"
    return None


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
    # One pass over the hooks in document order: each review's fields are read
    # as its hooks come by (a second walk per review cost as much as the parse).
    reviews: list[_Review] = []
    review: _Review | None = None
    for kind in _HOOKS(root):
        el = kind.getparent()
        if kind == "review-factor":
            if review is not None and len(el) >= 2:
                # <h4>Arbeitsatmosphäre</h4><span>4,0</span>: the first and last child.
                review.subs[text_of(el[0]) or ""] = text_of(el[-1])
        elif kind == "review":
            review = _Review(el)
            reviews.append(review)
        elif kind == "company-name":
            name = text_of(el)
        elif kind == "overall-score":
            first = next((c for c in el if isinstance(c.tag, str)), None)
            score = text_of(first) if first is not None else text_of(el)
        elif kind == "review-count":
            declared = to_int(text_of(el))
        elif review is not None:
            review.read(kind, el)
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
                rating_best=5,
                review_count=declared,
            )
        )
    if declared and to_float(score) is None:
        problems.append(f"aggregate declares {declared} reviews but no parsable score ({url})")
    for review in reviews:
        items.append(review.item(ctx, pid, name))
    problems += missing_reviews_problem(items, declared, url)
    if not items and declared is None:
        problems.append(f"no kununu reviews or score found ({url})")
    own = PageResult(items, rel_next(page.text, url), declared, problems)
    return reader.fallback(page, ctx, url, own)


def _company_id(url: str) -> str:
    # /kununu/de/<id>/kommentare (kununu's own: /de/<id>/kommentare)
    parts = [p for p in url.split("?", 1)[0].split("/") if p]
    if "kommentare" in parts and parts.index("kommentare") > 0:
        return parts[parts.index("kommentare") - 1]
    return parts[-1] if parts else ""


class _Review:
    """One review's fields, filled from its hook elements in document order."""

    __slots__ = ("article", "label", "subs", "values")

    def __init__(self, article: Any) -> None:
        self.article = article
        self.values: dict[str, Any] = {}
        self.subs: dict[str, Any] = {}
        self.label: str | None = None

    def read(self, testid: str, el: Any) -> None:
        values = self.values
        if testid == "review-score":
            values["rating_value"] = text_of(el)
        elif testid == "review-date":
            values["published_raw"] = text_of(el)
        elif testid == "reviewer-type":
            self.label = text_of(el)
        elif testid == "review-title":
            values["title"] = text_of(el)
        elif testid == "review-text":
            values["text"] = text_of(el)
        elif testid == "review-section":
            # <h4>Gut am Arbeitgeber finde ich</h4><p>...</p>: direct children,
            # cheaper than a path search per section.
            title = ""
            parts = []
            for child in el:
                tag = child.tag
                if tag in ("h4", "h3", "h5"):
                    title = (text_of(child) or "").lower()
                elif tag == "p":
                    parts.append(text_of(child) or "")
            body = " ".join(p for p in parts if p) or None
            if title.startswith(PROS):
                values["pros"] = body
            elif title.startswith(CONS):
                values["cons"] = body
        elif testid == "employer-response":
            parts = []
            for child in el:
                tag = child.tag
                if tag == "time":
                    values["reply_raw_date"] = text_of(child)
                elif tag == "p":
                    parts.append(text_of(child) or "")
            values["reply_text"] = " ".join(p for p in parts if p) or None

    def item(self, ctx: Context, pid: str, company_name: str | None) -> RawItem:
        article = self.article
        review_id = article.get("data-review-id") or (article.get("id") or "").removeprefix(
            "review-"
        )
        extra: dict[str, Any] = {}
        label = self.label
        if label:
            extra["reviewer_label"] = label
            kind = reviewer_type(label)
            if kind:
                extra["reviewer_type"] = kind
        item = ctx.item(
            "review",
            pid,
            company_name=company_name,
            review_id=review_id or None,
            rating_worst=1,
            rating_best=5,
            sub_ratings=self.subs,
            language=article.get("lang"),
            extra=extra,
            **self.values,
        )
        if item.rating_value is None:
            item.flags.append("rating_missing")
        return item
