"""Trustpilot review pages: the Next.js state in script#__NEXT_DATA__.

The embedded state is richer than the page's JSON-LD (consumer ids and review
counts, replies, verification, experience dates), so it is read first, cut out
of the page with a substring search before any HTML parse. Pages without it
(an older layout, a blocked render) fall back to the JSON-LD reader.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from core.contracts.raw_items import RawItem
from spiders.pages.base import (
    Context,
    PageResult,
    decode,
    missing_reviews_problem,
    page_number,
    rel_next,
    to_float,
    to_int,
    with_page,
)

FAMILY = "trustpilot"
_SCRIPT_END = re.compile(r"</script\s*>", re.I)


def _next_data(text: str) -> tuple[str | None, int]:
    """The __NEXT_DATA__ script body and where it was found (-1: absent)."""
    at = text.find("__NEXT_DATA__")
    while at != -1:
        start = text.rfind("<", 0, at)
        close = text.find(">", at)
        if start != -1 and close != -1 and text[start : start + 7].lower() == "<script":
            end = _SCRIPT_END.search(text, close + 1)
            body = text[close + 1 : end.start() if end else len(text)]
            return body, at
        at = text.find("__NEXT_DATA__", at + 13)
    return None, -1


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


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
    raw, _ = _next_data(text)
    problems: list[str] = []
    state: Any = None
    if raw is not None:
        try:
            state = json.loads(raw, strict=False)
        except RecursionError:
            problems.append(f"__NEXT_DATA__ nested too deeply to read ({url})")
        except ValueError as err:
            problems.append(f"__NEXT_DATA__ is not valid JSON: {err} ({url})")
    page_props = _get(state, "props", "pageProps")
    if not isinstance(page_props, dict) or "businessUnit" not in page_props:
        return _fallback(body, url, ctx, problems, encoding)
    result = _from_state(page_props, text, url, ctx, problems)
    if any(i.kind == "review" for i in result.items):
        return result
    from spiders.pages.base import read_page
    from spiders.pages.generic import reader

    return reader.fallback(read_page(body, encoding), ctx, url, result)


def _company_id_from_url(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    return unquote(path.rsplit("/", 1)[-1])


def _from_state(props: dict, text: str, url: str, ctx: Context, problems: list[str]) -> PageResult:
    unit = props.get("businessUnit") if isinstance(props.get("businessUnit"), dict) else {}
    pid = _str(unit.get("identifyingName")) or _company_id_from_url(url)
    name = _str(unit.get("displayName"))
    company_url = _str(unit.get("websiteUrl"))
    declared = to_int(unit.get("numberOfReviews"))
    pagination = _get(props, "filters", "pagination") or {}
    current = to_int(pagination.get("currentPage")) or page_number(url)
    total_pages = to_int(pagination.get("totalPages"))
    items: list[RawItem] = []
    if current == 1:
        score = unit.get("trustScore")
        if to_float(score) is None and declared:
            problems.append(
                f"aggregate declares {declared} reviews but no parsable trustScore ({url})"
            )
        items.append(
            ctx.item(
                "aggregate",
                pid,
                company_name=name,
                company_url=company_url,
                rating_value=score if isinstance(score, int | float | str) else None,
                rating_worst=1,
                rating_best=5,
                review_count=declared,
                extra={"stars": unit["stars"]} if "stars" in unit else {},
            )
        )
    reviews = props.get("reviews")
    for review in reviews if isinstance(reviews, list) else []:
        if isinstance(review, dict):
            items.append(_review(review, pid, name, company_url, ctx))
    problems += missing_reviews_problem(items, declared, url)
    if total_pages is not None:
        next_url = with_page(url, current + 1) if current < total_pages else None
    else:
        next_url = rel_next(text, url)
    return PageResult(items, next_url, declared, problems)


def _review(
    review: dict, pid: str, name: str | None, company_url: str | None, ctx: Context
) -> RawItem:
    rating = review.get("rating")
    reply = review.get("reply") if isinstance(review.get("reply"), dict) else {}
    verified = _get(review, "labels", "verification", "isVerified")
    extra = {k: review[k] for k in ("filtered", "pending") if k in review}
    item = ctx.item(
        "review",
        pid,
        company_name=name,
        company_url=company_url,
        review_id=_str(review.get("id")),
        rating_value=rating if isinstance(rating, int | float | str) else None,
        rating_worst=1,
        rating_best=5,
        title=_str(review.get("title")),
        text=_str(review.get("text")),
        language=_str(review.get("language")),
        author_name=_str(_get(review, "consumer", "displayName")),
        author_id=_str(_get(review, "consumer", "id")),
        author_review_count=to_int(_get(review, "consumer", "numberOfReviews")),
        published_raw=_str(_get(review, "dates", "publishedDate")),
        experienced_raw=_str(_get(review, "dates", "experiencedDate")),
        reply_text=_str(reply.get("message")),
        reply_raw_date=_str(reply.get("publishedDate")),
        verified=verified if isinstance(verified, bool) else None,
        extra=extra,
    )
    if item.rating_value is None:
        item.flags.append("rating_missing")
    return item


def _fallback(
    body: bytes, url: str, ctx: Context, problems: list[str], encoding: str | None
) -> PageResult:
    """No usable embedded state: read the page's JSON-LD like any schema.org page."""
    from spiders.pages import schema_org

    result = schema_org.parse(
        body,
        url,
        portal=ctx.portal,
        fetched_at=ctx.fetched_at,
        response_sha256=ctx.response_sha256,
        encoding=encoding,
    )
    for item in result.items:
        item.spider = FAMILY
        item.flags.append("no_next_data")
    if not result.items:
        # The JSON-LD did not rescue the page: why the state was unusable is the problem.
        result.problems = [
            *problems,
            f"no usable __NEXT_DATA__ state and no schema.org items ({url})",
            *result.problems,
        ]
    return result
