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
from datetime import UTC, date, datetime
from pathlib import Path

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
    for _, portal, item in _items(world, fetched_at):
        out.setdefault(portal, []).append(item)
    return out


def _items(world: World, fetched_at: str):
    for company in world.companies():
        for portal in company.portal_ids:
            yield company, portal, aggregate_item(world, company, portal, fetched_at)
            for review in world.reviews(portal, company):
                yield company, portal, review_item(world, company, review, fetched_at)


def write_raw(
    world: World, raw_dir: Path, run_date: date, *, fetched_at: datetime | None = None
) -> Counter:
    """Write items-export.jsonl per portal under ``raw_dir/<portal>/<run_date>/``.

    Returns item counts per (portal, kind). Files are written aside and renamed,
    like the spiders' own output.
    """
    stamp = (fetched_at or world.as_of).astimezone(UTC).isoformat().replace("+00:00", "Z")
    counts: Counter = Counter()
    files = {}
    try:
        for _, portal, item in _items(world, stamp):
            if portal not in files:
                folder = raw_dir / portal / run_date.isoformat()
                folder.mkdir(parents=True, exist_ok=True)
                tmp = folder / "items-export.jsonl.tmp"
                files[portal] = open(tmp, "w", encoding="utf-8")  # noqa: SIM115
            files[portal].write(json.dumps(item, ensure_ascii=False) + "\n")
            counts[(portal, item["kind"])] += 1
    finally:
        for f in files.values():
            f.close()
    for portal in files:
        folder = raw_dir / portal / run_date.isoformat()
        os.replace(folder / "items-export.jsonl.tmp", folder / "items-export.jsonl")
    return counts
