"""Forum topics and blog comment threads about a company.

Layouts: phpBB-style topics (``div.post``; stars as "★★★★☆"), WordPress-style
comment threads (``li.comment``; stars as an image with alt "4 von 5 Sternen"), and
the boards' own posts: XenForo (``article.message--post[data-author]``, ``.bbWrapper``),
Discourse (``div.topic-post``, the crawler view's ``div.crawler-post``, ``.cooked``),
vBulletin (``li.postcontainer``, ``a.username``, ``span.date``) and Invision
(``article.ipsComment``, ``.cAuthorPane_author``, ``data-role="commentContent"``). A post
with stars is a review; one without is a mention of the company the thread is tagged
with (else named by its title). Dates stay as shown ("vor 3 Tagen",
"gestern", "23. März 2024"); the transforms resolve them against fetched_at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

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

FAMILY = "forum"

_RATING_OF = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:von|out\s+of|of|/)\s*(\d+)", re.I)
_FILLED, _EMPTY = "★", "☆"
_USER_ID = re.compile(r"[?&](?:amp;)?u=([^&#]+)").search


def stars_of(text: str | None) -> tuple[Any, Any] | None:
    """(value, best) from "★★★★☆" or "4 von 5 Sternen"; None if no stars."""
    if not text:
        return None
    filled = text.count(_FILLED)
    if filled or _EMPTY in text:
        return filled, filled + text.count(_EMPTY)
    m = _RATING_OF.search(text)
    if m:
        return m.group(1), to_int(m.group(2))
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
    thread_id = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if root is None:
        return PageResult([], None, None, [f"page is not readable HTML ({url})"])
    thread = _read(root)
    company, thread_title = thread.company, thread.title
    score, declared = thread.score, thread.rated
    items: list[RawItem] = []
    problems: list[str] = []
    extra = {"thread_id": thread_id, "thread_title": thread_title}
    language = root.get("lang")
    if page_number(url) == 1 and (score is not None or declared is not None):
        items.append(
            ctx.item(
                "aggregate",
                thread_id,
                company_name=company,
                rating_value=score,
                rating_worst=1,
                rating_best=5,
                review_count=declared,
                extra=dict(extra),
            )
        )
    if declared and to_float(score) is None:
        problems.append(f"thread declares {declared} ratings but no parsable score ({url})")
    for values, stars in thread.posts:
        item = _item(ctx, thread_id, company or thread_title, extra, stars, **values)
        item.language = language
        items.append(item)
    problems += missing_reviews_problem(items, thread.posts_declared, url, what="posts")
    if not thread.posts and thread.posts_declared is None and declared is None:
        problems.append(f"no forum posts or comments found ({url})")
    own = PageResult(items, rel_next(page.text, url), declared, problems)
    return reader.fallback(page, ctx, url, own)


@dataclass
class _Thread:
    company: str | None = None
    title: str | None = None
    score: str | None = None
    rated: int | None = None
    posts_declared: int | None = None
    posts: list[tuple[dict[str, Any], Any]] = field(default_factory=list)


# The boards' own markup: a post's container, the thread's title, a post's author and body.
_BOARD_POSTS = frozenset(
    {"message--post", "topic-post", "crawler-post", "postcontainer", "postbit", "ipsComment"}
)
_BOARD_TITLES = frozenset({"p-title-value", "fancy-title", "threadtitle", "ipsType_pageTitle"})
_BOARD_AUTHORS = frozenset({"creator", "cAuthorPane_author", "ipsComment_author"})
_BOARD_BODIES = frozenset({"bbWrapper", "cooked", "postcontent", "ipsType_richText"})
_QUOTED = re.compile(r"quote|bbCodeBlock", re.I).search

_CLASSES = frozenset(
    {
        "post",
        "comment",
        "official-reply",
        "topic-title",
        "entry-title",
        "topic-rating",
        "rating-summary",
        "pagination",
        "comments-title",
        "username",
        "profile-posts",
        "post-date",
        "fn",
        "post-rating",
        "content",
        "comment-content",
        *_BOARD_POSTS,
        *_BOARD_TITLES,
        *_BOARD_AUTHORS,
        *_BOARD_BODIES,
        "date",
    }
)
_TAGS = frozenset({"a", "h3", "time", "img"})
_NONE: frozenset[str] = frozenset()


def _read(root: Any) -> _Thread:
    """One pass over the elements in document order (cheaper than an XPath per
    field): thread facts, then each post (phpBB div.post or WordPress li.comment)."""
    thread = _Thread()
    values: dict[str, Any] = {}
    stars: Any = None
    skip: set[Any] = set()  # the company's answer inside a comment, read as a whole
    board: Any = None  # the board post being read (XenForo, Discourse, vBulletin, Invision)
    for el in root.iter():
        tag = el.tag
        cls = el.get("class")
        # Most elements are layout: reject them with one set operation.
        words = _CLASSES.intersection(cls.split()) if cls else _NONE
        if not words and tag not in _TAGS:
            continue
        if skip and el in skip:
            continue
        if board is not None and not _inside(el, board):
            board = None
        if words & _BOARD_POSTS and board is None:
            board = el
            values = {"review_id": _post_id(el), "author_name": el.get("data-author") or None}
            stars = None
            thread.posts.append((values, None))
        elif board is not None and (words & _BOARD_BODIES or "post" in words):
            # Discourse's crawler view holds the body in a div.post of the post's own
            values["text"] = values.get("text") or _own_text(el)
        elif (tag == "div" and "post" in words) or (
            tag == "li" and "comment" in words and "official-reply" not in words
        ):
            values = {"review_id": _post_id(el)}
            stars = None
            thread.posts.append((values, None))
        elif tag == "li" and "official-reply" in words:
            values["reply_raw_date"] = text_of(_first(el, "time"))
            values["reply_text"] = text_of(_first(el, "div", "comment-content"))
            skip.update(el.iter())
        elif tag == "blockquote" and "official-reply" in words:
            values["reply_text"] = text_of(_first(el, "p"))
            values["reply_raw_date"] = text_of(_first(el, "*", "reply-date"))
            skip.update(el.iter())
        elif tag == "a" and el.get("rel") == "tag" and thread.company is None:
            thread.company = text_of(el)
        elif "topic-title" in words or "entry-title" in words or words & _BOARD_TITLES:
            thread.title = thread.title or text_of(el)
        elif "topic-rating" in words or "rating-summary" in words:
            thread.score = text_of(_first(el, "strong"))
            thread.rated = to_int(text_of(_first(el, "*", "rating-count")))
        elif ("pagination" in words or "comments-title" in words) and not thread.posts:
            thread.posts_declared = thread.posts_declared or to_int(text_of(el))
        elif not thread.posts:
            continue
        elif board is not None and ("username" in words or words & _BOARD_AUTHORS):
            # the post's own name first: XenForo's "#1" is a span.username too
            values["author_name"] = values.get("author_name") or text_of(el)
        elif board is not None and "date" in words and "published_raw" not in values:
            values["published_raw"] = text_of(el)
        elif "username" in words:
            values["author_name"] = text_of(el)
            m = _USER_ID(el.get("href") or "")
            values["author_id"] = unquote(m.group(1)) if m else None
        elif "profile-posts" in words:
            values["author_review_count"] = to_int(text_of(el))
        elif tag == "h3":
            values["title"] = text_of(el)
        elif "post-date" in words or (tag == "time" and "published_raw" not in values):
            values["published_raw"] = text_of(el)
        elif "fn" in words:
            values["author_name"] = text_of(el)
        elif "post-rating" in words:
            img = _first(el, "img")
            stars = stars_of(text_of(el)) or stars_of(el.get("title"))
            stars = stars or (stars_of(img.get("alt")) if img is not None else None)
            thread.posts[-1] = (values, stars)
        elif tag == "img" and "comment-rating" in (el.getparent().get("class") or ""):
            stars = stars_of(el.get("alt"))
            thread.posts[-1] = (values, stars)
        elif "content" in words:
            values["text"] = text_of(el)
        elif "comment-content" in words:
            paragraphs = [text_of(p) for p in el.iter("p") if p.get("class") != "comment-rating"]
            values["text"] = " ".join(p for p in paragraphs if p) or None
    return thread


def _first(el: Any, tag: str, cls: str | None = None) -> Any:
    """The first descendant with this tag (and class attribute), like
    ``el.find(".//tag[@class='cls']")`` without ElementPath's overhead."""
    for sub in el.iterdescendants(tag):
        if cls is None or sub.get("class") == cls:
            return sub
    return None


def _post_id(el: Any) -> str | None:
    """A post's id without its board's prefix: "comment-12", XenForo's data-content
    "post-12", "post_12" (vBulletin, Discourse), "elComment_12" (Invision)."""
    raw = el.get("data-content") or el.get("id") or ""
    for prefix in ("comment-", "post-", "post_", "elComment_", "js-post-"):
        if raw.startswith(prefix):
            return raw.removeprefix(prefix) or None
    return raw or None


def _inside(el: Any, container: Any) -> bool:
    return any(a is container for a in el.iterancestors())


def _own_text(el: Any) -> str | None:
    """A post's words without the posts it quotes (a quote block of its own)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            quoted = child.tag == "blockquote" or _QUOTED(child.get("class") or "")
            if isinstance(child.tag, str) and not quoted:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join(" ".join(parts).split()) or None


def _item(
    ctx: Context, pid: str, company: str | None, extra: dict, stars: Any, **values: Any
) -> RawItem:
    if stars is None:
        return ctx.item(
            "mention",
            pid,
            company_name=company,
            rating_worst=None,
            rating_best=None,
            extra=dict(extra),
            **values,
        )
    value, best = stars
    return ctx.item(
        "review",
        pid,
        company_name=company,
        rating_value=value,
        rating_worst=1,
        rating_best=best or 5,
        extra=dict(extra),
        **values,
    )
