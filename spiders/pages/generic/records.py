"""What a strategy found on a page, before it becomes raw items.

Every strategy (structured data, embedded state, rendered text) gives the same
``Found``: reviews and aggregates as ``Record``s naming the strategy, so the
page's items can be put together from the best source and each item says in
``extra.strategy`` where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, unquote_plus, urlsplit

from core.contracts.raw_items import RawItem
from spiders.pages.base import Context
from spiders.pages.generic.counts import Rounded
from spiders.pages.generic.shown import Grade, InStars, as_number, scale_for

SCALE_INFERRED = "scale_inferred"
RATING_MISSING = "rating_missing"
COUNT_ROUNDED = "count_rounded"


@dataclass
class Record:
    kind: str  # "review" or "aggregate"
    strategy: str  # json_ld, microdata, rdfa, embedded_json, rendered
    rating_value: Any = None
    rating_worst: Any = None
    rating_best: Any = None
    review_count: int | None = None
    rating_count: int | None = None  # aggregates that show both counts
    values: dict[str, Any] = field(default_factory=dict)  # other RawItem fields
    company_name: str | None = None
    company_url: str | None = None
    listed: bool = False  # an aggregate of one entry of a list page, not of the page
    flags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rated(self) -> bool:
        return as_number(self.rating_value) is not None

    def richness(self) -> int:
        """How much of a review this record holds (to choose between strategies)."""
        keys = ("published_raw", "text", "title", "author_name", "review_id", "reply_text")
        return int(self.rated) * 3 + sum(1 for k in keys if self.values.get(k))


@dataclass
class Found:
    reviews: list[Record] = field(default_factory=list)
    aggregates: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # ratings shown but not readable
    notes: list[str] = field(default_factory=list)  # why a source was unreadable
    # Something on the page looks like a rating: a page with none is "no ratings found".
    saw_ratings: bool = False

    def main_aggregate(self) -> Record | None:
        return next((a for a in self.aggregates if not a.listed), None)


_SLUG = re.compile(r"[^0-9A-Za-z]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text).strip("-").lower()[:120]


def url_slug(url: str) -> str:
    """The company's slug on a portal: the listing URL's last path segment."""
    return unquote(url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])


def listed_company_id(record: Record) -> str:
    """A listed entity's id: the last segment of its URL's path that names it (map
    URLs end in parameters: ``/place/<name>/data=!4m7...``, ``/@48.1,11.5,17z``),
    else its name as a slug."""
    if record.company_url:
        segments = [unquote_plus(s) for s in urlsplit(record.company_url).path.split("/") if s]
        named = [s for s in segments if "=" not in s and not s.startswith("@")]
        if named:
            return named[-1].removesuffix(".html").removesuffix(".htm")[:200]
    return slug(record.company_name or "") or "unnamed"


def to_item(record: Record, ctx: Context, pid: str, locale: str | None) -> RawItem:
    value = record.rating_value
    worst, best, inferred = scale_for(value, record.rating_best, record.rating_worst)
    flags = list(record.flags)
    if inferred:
        flags.append(SCALE_INFERRED)
    extra: dict[str, Any] = {"strategy": record.strategy, **record.extra}
    if locale:
        extra["locale"] = locale
    if record.rating_count is not None and record.rating_count != record.review_count:
        extra["rating_count"] = record.rating_count
    if record.listed:
        extra["listed"] = True
    values = dict(record.values)
    if record.kind == "aggregate":
        values["review_count"] = record.review_count
        if isinstance(record.review_count, Rounded):  # "1.2K reviews"
            values["review_count"] = int(record.review_count)
            flags.append(COUNT_ROUNDED)
    elif record.rating_value is None and RATING_MISSING not in flags:
        flags.append(RATING_MISSING)
    return ctx.item(
        record.kind,
        listed_company_id(record) if record.listed else pid,
        company_name=" ".join(record.company_name.split()) or None if record.company_name else None,
        company_url=record.company_url,
        rating_value=str(value) if isinstance(value, InStars | Grade) else value,  # plain
        rating_worst=worst,
        rating_best=best,
        flags=flags,
        extra=extra,
        **values,
    )


def dedupe(records: list[Record]) -> list[Record]:
    """Each review once: carousels and "read more" copies repeat the same review, and
    two blocks of structured data (a theme's and a review app's) one with the reviews'
    ids and one without. Reviews with ids are told apart by them; one without an id
    repeats any review with the same rating, author, date, title and text."""
    out: list[Record] = []
    ids: set[str] = set()
    contents: set[tuple] = set()  # of every review kept
    unnamed: set[tuple] = set()  # of the reviews kept without an id
    for r in records:
        v = r.values
        content = (
            str(r.rating_value),
            v.get("author_name"),
            v.get("published_raw"),
            v.get("title"),
            (v.get("text") or "")[:200],
        )
        rid = v.get("review_id")
        if (rid in ids or content in unnamed) if rid else (content in contents):
            continue
        if rid:
            ids.add(rid)
        else:
            unnamed.add(content)
        contents.add(content)
        out.append(r)
    return out


def dedupe_aggregates(records: list[Record]) -> list[Record]:
    out: list[Record] = []
    seen: set[tuple] = set()
    for r in records:
        # A list entry once (shelves repeat it, counts drift); the page's own once.
        key = (
            (True, r.company_url or r.company_name)
            if r.listed
            else (False, str(r.rating_value), r.review_count)
        )
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def shared_scale(records: list[Record]) -> None:
    """Ratings a page shows with no scale share one: when one of them is above 5
    (a review "Scored 9.0"), the page's "Scored 5.0" is on 1-10 too, not 5 of 5;
    "5 stars" stays 5 of 5."""
    unstated = [
        r
        for r in records
        if r.rating_best is None and r.rated and not isinstance(r.rating_value, InStars)
    ]
    values = [as_number(r.rating_value) or 0.0 for r in unstated]
    if not values or not 5 < max(values) <= 10:
        return
    for r in unstated:
        r.rating_best = 10
        r.flags.append(SCALE_INFERRED)
