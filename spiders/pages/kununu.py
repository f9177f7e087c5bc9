"""Kununu employer review pages.

Kept as shown: overall and category scores with decimal commas ("4,2"),
month-year dates ("März 2024"). The reviewer's role is read from kununu's
German label and mapped to ``extra.reviewer_type`` (employee, applicant,
apprentice); the label itself is kept too.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from spiders.items import RawItem
from spiders.pages.base import (
    Context,
    PageResult,
    decode,
    missing_reviews_problem,
    page_number,
    parse_html,
    rel_next,
    text_of,
    to_float,
    to_int,
)

FAMILY = "kununu"

# One XPath for every hook, then one pass in document order: cheaper than
# searching each review element again.
_HOOKS = etree.XPath("//*[@data-testid]")
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
    text, undecodable = decode(body, encoding)
    ctx = Context(FAMILY, portal, url, fetched_at, response_sha256, undecodable)
    root = parse_html(text)
    pid = _company_id(url)
    if root is None:
        return PageResult([], None, None, [f"page is not readable HTML ({url})"])
    name = score = None
    declared = None
    reviews: list[tuple[Any, list[Any]]] = []  # (article, its hook elements)
    for el in _HOOKS(root):
        kind = el.get("data-testid")
        if kind == "review":
            reviews.append((el, []))
        elif kind == "company-name":
            name = text_of(el)
        elif kind == "overall-score":
            first = next((c for c in el if isinstance(c.tag, str)), None)
            score = text_of(first) if first is not None else text_of(el)
        elif kind == "review-count":
            declared = to_int(text_of(el))
        elif reviews:
            reviews[-1][1].append(el)
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
    for article, hooks in reviews:
        items.append(_review(article, hooks, ctx, pid, name))
    problems += missing_reviews_problem(items, declared, url)
    if not items and declared is None:
        problems.append(f"no kununu reviews or score found ({url})")
    return PageResult(items, rel_next(text, url), declared, problems)


def _company_id(url: str) -> str:
    # /kununu/de/<id>/kommentare (kununu's own: /de/<id>/kommentare)
    parts = [p for p in url.split("?", 1)[0].split("/") if p]
    if "kommentare" in parts and parts.index("kommentare") > 0:
        return parts[parts.index("kommentare") - 1]
    return parts[-1] if parts else ""


def _review(
    article: Any, hooks: list[Any], ctx: Context, pid: str, company_name: str | None
) -> RawItem:
    values: dict[str, Any] = {}
    subs: dict[str, Any] = {}
    label = None
    for el in hooks:
        testid = el.get("data-testid")
        if testid == "review-score":
            values["rating_value"] = text_of(el)
        elif testid == "review-date":
            values["published_raw"] = text_of(el)
        elif testid == "reviewer-type":
            label = text_of(el)
        elif testid == "review-title":
            values["title"] = text_of(el)
        elif testid == "review-text":
            values["text"] = text_of(el)
        elif testid == "review-factor" and len(el) >= 2:
            # <h4>Arbeitsatmosphäre</h4><span>4,0</span>: the first and last child.
            subs[text_of(el[0]) or ""] = text_of(el[-1])
        elif testid == "review-section":
            # <h4>Gut am Arbeitgeber finde ich</h4><p>...</p>: direct children,
            # cheaper than a path search per section.
            title = ""
            parts = []
            for child in el:
                if child.tag in ("h4", "h3", "h5"):
                    title = (text_of(child) or "").lower()
                elif child.tag == "p":
                    parts.append(text_of(child) or "")
            body = " ".join(p for p in parts if p) or None
            if title.startswith(PROS):
                values["pros"] = body
            elif title.startswith(CONS):
                values["cons"] = body
        elif testid == "employer-response":
            parts = []
            for child in el:
                if child.tag == "time":
                    values["reply_raw_date"] = text_of(child)
                elif child.tag == "p":
                    parts.append(text_of(child) or "")
            values["reply_text"] = " ".join(p for p in parts if p) or None
    review_id = article.get("data-review-id") or (article.get("id") or "").removeprefix("review-")
    extra: dict[str, Any] = {}
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
        sub_ratings=subs,
        language=article.get("lang"),
        extra=extra,
        **values,
    )
    if item.rating_value is None:
        item.flags.append("rating_missing")
    return item
