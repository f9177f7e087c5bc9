"""Realistic raw items without spiders: World reviews written as raw-contract JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ruf.portals.world import Company, Review, World

ANCHOR = date(2026, 11, 23)
FETCHED_AT = "2026-11-23T09:00:00Z"
GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def small_world(companies: int = 8, reviews_per_company: int = 40) -> World:
    """The first companies of the default world (they are in config/companies.yaml)."""
    return World(
        seed=7, companies=companies, reviews_per_company=reviews_per_company, anchor=ANCHOR
    )


def _shown_date(portal: str, at: datetime, fetched: datetime) -> Any:
    """Each portal shows dates its own way, as the real ones do."""
    if portal == "trustpilot":
        return at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if portal == "booking":
        return int(at.timestamp())
    if portal == "kununu":
        return f"{GERMAN_MONTHS[at.month - 1]} {at.year}"
    if portal == "forum":
        days = (fetched.date() - at.date()).days
        if days == 0:
            return "heute"
        if days == 1:
            return "gestern"
        if days < 7:
            return f"vor {days} Tagen"
        return at.strftime("%d.%m.%Y")
    return f"{at.day}. {GERMAN_MONTHS[at.month - 1]} {at.year}"


def _shown_rating(portal: str, value: float | None) -> Any:
    if value is None:
        return None
    if portal == "kununu":
        return f"{value:.1f}".replace(".", ",")
    if portal == "opinio":
        return str(value)
    return value


def review_item(world: World, company: Company, r: Review, fetched_at: str = FETCHED_AT) -> dict:
    fetched = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    lo, hi = world.scale(r.portal, company)
    item: dict[str, Any] = {
        "kind": r.kind,
        "portal": r.portal,
        "portal_company_id": r.portal_company_id,
        "company_name": company.portal_names[r.portal],
        "company_url": f"https://{company.domain}",
        "review_id": r.review_id,
        "rating_value": _shown_rating(r.portal, r.rating),
        "rating_worst": lo if r.kind == "review" else None,
        "rating_best": hi if r.kind == "review" else None,
        "sub_ratings": {k: _shown_rating(r.portal, v) for k, v in r.sub_ratings.items()},
        "title": r.title,
        "text": r.text,
        "pros": r.pros,
        "cons": r.cons,
        "language": None if r.portal == "forum" else r.language,
        "author_name": r.author_name,
        "author_id": r.author_id,
        "author_review_count": r.author_review_count,
        "published_raw": _shown_date(r.portal, r.published_at, fetched),
        "experienced_raw": r.experienced_on.isoformat() if r.experienced_on else None,
        "reply_text": r.reply_text,
        "reply_raw_date": r.replied_at.isoformat() if r.replied_at else None,
        "verified": r.verified,
        "source_url": f"http://127.0.0.1:8765/{r.portal}/{r.portal_company_id}",
        "fetched_at": fetched_at,
        "spider": r.portal,
        "spider_version": "1",
        "response_sha256": "0" * 64,
        "extra": {
            k: v
            for k, v in {
                "reviewer_type": r.reviewer_type,
                "traveller_type": r.traveller_type,
                "thread_id": r.thread_id,
            }.items()
            if v is not None
        },
        "flags": [],
    }
    return item


def aggregate_item(
    world: World, company: Company, portal: str, fetched_at: str = FETCHED_AT
) -> dict:
    score, count = world.aggregate(portal, company)
    lo, hi = world.scale(portal, company)
    return {
        "kind": "aggregate",
        "portal": portal,
        "portal_company_id": company.portal_ids[portal],
        "company_name": company.portal_names[portal],
        "rating_value": str(score).replace(".", ",") if portal == "kununu" else score,
        "rating_worst": lo,
        "rating_best": hi,
        "review_count": count,
        "source_url": f"http://127.0.0.1:8765/{portal}/{company.portal_ids[portal]}",
        "fetched_at": fetched_at,
        "spider": portal,
        "spider_version": "1",
        "extra": {},
        "flags": [],
    }


def world_items(world: World, fetched_at: str = FETCHED_AT) -> dict[str, list[dict]]:
    """portal -> raw items (reviews, mentions and one aggregate per company)."""
    out: dict[str, list[dict]] = {}
    for company in world.companies():
        for portal in company.portal_ids:
            items = out.setdefault(portal, [])
            items.extend(
                review_item(world, company, r, fetched_at) for r in world.reviews(portal, company)
            )
            items.append(aggregate_item(world, company, portal, fetched_at))
    return out


def write_raw(
    raw_root: Path, portal: str, run_date: date | str, items: Iterable[Any], shard: str = "all"
) -> Path:
    """Write items (dicts, or str lines written verbatim) as one raw JSONL file."""
    d = Path(raw_root) / portal / str(run_date)
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"items-{shard}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False))
            f.write("\n")
    return path


def write_world(
    raw_root: Path, world: World, run_date: date | str = ANCHOR, fetched_at: str = FETCHED_AT
) -> dict[str, list[dict]]:
    items = world_items(world, fetched_at)
    for portal, rows in items.items():
        write_raw(raw_root, portal, run_date, rows)
    return items


def now_utc() -> datetime:
    return datetime.now(UTC)
