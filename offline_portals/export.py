"""Write a world's reviews straight into the raw item contract, without HTTP.

What the spiders would emit after crawling every page, in the date and rating
forms each portal family shows, so benchmarks and tests can feed the
transforms with millions of items in seconds. Crawling stays the only path
for real portals; this is the generator's side of the contract.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from core.contracts import raw_items
from offline_portals.world import MONTHS_DE, Company, Review, World


def _published_raw(review: Review) -> str | int:
    ts = review.published_at
    if review.portal == "kununu":
        return f"{MONTHS_DE[ts.month - 1]} {ts.year}"
    if review.portal == "booking":
        return int(ts.timestamp())
    if review.portal == "forum":
        return f"{ts.day}. {MONTHS_DE[ts.month - 1]} {ts.year}"
    return ts.isoformat().replace("+00:00", "Z")


def _rating_raw(review: Review) -> str | float | None:
    if review.rating is None:
        return None
    if review.portal == "kununu":
        return f"{review.rating:.1f}".replace(".", ",")
    return review.rating


def review_item(world: World, company: Company, review: Review, fetched_at: str) -> dict:
    lo, hi = world.scale(review.portal, company)
    extra = {}
    if review.reviewer_type:
        extra["reviewer_type"] = review.reviewer_type
    if review.traveller_type:
        extra["traveller_type"] = review.traveller_type
    if review.thread_id:
        extra["thread_id"] = review.thread_id
    return {
        "kind": review.kind,
        "portal": review.portal,
        "portal_company_id": review.portal_company_id,
        "company_name": company.portal_names.get(review.portal, company.name),
        "company_url": None,
        "review_id": review.review_id,
        "rating_value": _rating_raw(review),
        "rating_worst": lo,
        "rating_best": hi,
        "review_count": None,
        "sub_ratings": review.sub_ratings,
        "title": review.title,
        "text": review.text,
        "pros": review.pros,
        "cons": review.cons,
        "language": review.language,
        "author_name": review.author_name,
        "author_id": review.author_id,
        "author_review_count": review.author_review_count,
        "published_raw": _published_raw(review),
        "experienced_raw": review.experienced_on.isoformat() if review.experienced_on else None,
        "reply_text": review.reply_text,
        "reply_raw_date": review.replied_at.isoformat().replace("+00:00", "Z")
        if review.replied_at
        else None,
        "verified": review.verified,
        "source_url": None,
        "fetched_at": fetched_at,
        "spider": "export",
        "spider_version": "1.0",
        "response_sha256": None,
        "extra": extra,
        "flags": [],
    }


def aggregate_item(world: World, company: Company, portal: str, fetched_at: str) -> dict:
    value, count = world.aggregate(portal, company)
    lo, hi = world.scale(portal, company)
    item = dict.fromkeys(raw_items.RAW_FIELDS)
    item.update(
        kind="aggregate",
        portal=portal,
        portal_company_id=company.portal_ids[portal],
        company_name=company.portal_names.get(portal, company.name),
        rating_value=value,
        rating_worst=lo,
        rating_best=hi,
        review_count=count,
        fetched_at=fetched_at,
        spider="export",
        spider_version="1.0",
        sub_ratings={},
        extra={},
        flags=[],
    )
    return item


def world_items(world: World, fetched_at: str) -> dict[str, list[dict]]:
    """portal -> the raw items ``write_raw`` writes for it (one aggregate per company,
    then its reviews and mentions), in file order."""
    out: dict[str, list[dict]] = {}
    for portal, item in _items(world, world.companies(), fetched_at):
        out.setdefault(portal, []).append(item)
    return out


def _items(
    world: World, companies: Iterable[Company], fetched_at: str, since: datetime | None = None
) -> Iterator[tuple[str, dict]]:
    for company in companies:
        for portal in company.portal_ids:
            yield portal, aggregate_item(world, company, portal, fetched_at)
            for review in world.reviews(portal, company):
                # An incremental crawl sees only what is newer than its last run.
                if since is None or review.published_at > since:
                    yield portal, review_item(world, company, review, fetched_at)


def write_raw(
    world: World,
    raw_dir: Path | str,
    run_date: date | str,
    *,
    fetched_at: datetime | None = None,
    name: str = "export",
    companies: range | None = None,
    since: datetime | None = None,
) -> Counter:
    """Write the world's raw items, one file per portal at the contract's
    ``items_path(raw_dir, portal, run_date, name)``, as a crawl would have.

    ``companies`` (indexes) limits it to a range, as one shard of a parallel export;
    ``since`` keeps only reviews published after it (an incremental run; the
    aggregates are always written). Returns item counts per (portal, kind).
    """
    stamp = (fetched_at or world.as_of).astimezone(UTC).isoformat().replace("+00:00", "Z")
    chosen = world.companies() if companies is None else map(world.company, companies)
    counts: Counter = Counter()
    with RawFiles(str(raw_dir), run_date, name) as files:
        for portal, item in _items(world, chosen, stamp, since):
            files.write(portal, item)
            counts[(portal, item["kind"])] += 1
    return counts


class RawFiles:
    """The raw item files of one run, one per portal, written aside and moved into place
    together once every item is written, so a reader never sees half a file; on an error
    nothing is moved and the files written aside are removed."""

    def __init__(self, raw_root: str, run_date: date | str, name: str) -> None:
        self.raw_root, self.run_date, self.name = raw_root, run_date, name
        self._open: dict[str, tuple[TextIO, str]] = {}

    def write(self, portal: str, item: dict) -> None:
        if portal not in self._open:
            path = raw_items.items_path(self.raw_root, portal, self.run_date, self.name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self._open[portal] = (open(path + ".tmp", "w", encoding="utf-8"), path)  # noqa: SIM115
        self._open[portal][0].write(json.dumps(item, ensure_ascii=False) + "\n")

    def __enter__(self) -> RawFiles:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        for f, _ in self._open.values():
            f.close()
        for _, path in self._open.values():
            if exc_type is None:
                os.replace(path + ".tmp", path)
            elif os.path.exists(path + ".tmp"):
                os.remove(path + ".tmp")
