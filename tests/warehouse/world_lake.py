"""Write a World's reviews straight into lake Parquet files (the transforms contract).

The warehouse tests must not depend on the spiders and transforms, so this builder
plays the transform stage: it maps World reviews onto the Arrow schemas of
``core/contracts/lake.py`` and writes the hive layout of ``docs/contracts/lake.md``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import yaml

from core.contracts.lake import AGGREGATES, MENTIONS, PARTITIONS, REVIEWS
from core.settings import DEMO_PSEUDONYM_KEY, Settings, load_settings
from offline_portals.world import Company, Review, World, companies_config


def pseudonym(portal: str, author_id: str, key: str = DEMO_PSEUDONYM_KEY) -> str:
    msg = f"{portal}|{author_id}".encode()
    return hmac.new(key.encode(), msg, hashlib.sha256).hexdigest()[:16]


def _content_hash(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def review_row(world: World, company: Company, r: Review, fetched_at: datetime) -> dict:
    lo, hi = world.scale(r.portal, company)
    score = 100 * (r.rating - lo) / (hi - lo)
    return {
        "review_key": f"{r.portal}:{r.review_id}",
        "portal": r.portal,
        "portal_review_id": r.review_id,
        "company_id": r.company_id,
        "portal_company_id": r.portal_company_id,
        "company_name_raw": company.portal_names.get(r.portal, company.name),
        "rating_raw": str(r.rating),
        "rating_value": float(r.rating),
        "rating_worst": float(lo),
        "rating_best": float(hi),
        "score_100": score,
        "stars": 1 + 4 * score / 100,
        "sub_ratings": list(r.sub_ratings.items()) or None,
        "title": r.title or None,
        "text": r.text,
        "pros": r.pros,
        "cons": r.cons,
        "language": r.language,
        "language_detected": False,
        "author_pseudonym": pseudonym(r.portal, r.author_id),
        "author_review_count": r.author_review_count,
        "published_at": r.published_at,
        "published_precision": "second",
        "experienced_at": (
            datetime.combine(r.experienced_on, time(0), UTC) if r.experienced_on else None
        ),
        "reply_text": r.reply_text,
        "replied_at": r.replied_at,
        "verified": r.verified,
        "reviewer_type": r.reviewer_type,
        "filtered": False,
        "text_flags": [],
        "content_hash": _content_hash(r.rating, r.text, r.reply_text),
        "source_url": f"http://127.0.0.1:8765/{r.portal}/{r.portal_company_id}",
        "spider": r.portal,
        "spider_version": "test",
        "response_sha256": None,
        "fetched_at": fetched_at,
        "first_seen_at": fetched_at,
        "last_seen_at": fetched_at,
        "review_month": r.published_at.strftime("%Y-%m"),
    }


def mention_row(r: Review, fetched_at: datetime) -> dict:
    return {
        "mention_key": f"{r.portal}:{r.review_id}",
        "portal": r.portal,
        "portal_post_id": r.review_id,
        "company_id": r.company_id,
        "portal_company_id": r.portal_company_id,
        "title": r.title or None,
        "text": r.text,
        "language": r.language,
        "author_pseudonym": pseudonym(r.portal, r.author_id),
        "published_at": r.published_at,
        "published_precision": "second",
        "text_flags": [],
        "content_hash": _content_hash(r.text),
        "source_url": f"http://127.0.0.1:8765/{r.portal}/{r.portal_company_id}",
        "fetched_at": fetched_at,
        "first_seen_at": fetched_at,
        "last_seen_at": fetched_at,
        "review_month": r.published_at.strftime("%Y-%m"),
    }


def world_rows(world: World) -> tuple[list[dict], list[dict], list[dict]]:
    """Reviews, mentions and portal aggregates of every company, as lake rows."""
    fetched_at = world.as_of
    reviews, mentions, aggregates = [], [], []
    for company in world.companies():
        for portal in company.portal_ids:
            for r in world.reviews(portal, company):
                if r.kind == "mention":
                    mentions.append(mention_row(r, fetched_at))
                else:
                    reviews.append(review_row(world, company, r, fetched_at))
            value, count = world.aggregate(portal, company)
            lo, hi = world.scale(portal, company)
            aggregates.append(
                {
                    "portal": portal,
                    "company_id": company.company_id,
                    "portal_company_id": company.portal_ids[portal],
                    "rating_value": value,
                    "rating_worst": float(lo),
                    "rating_best": float(hi),
                    "score_100": 100 * (value - lo) / (hi - lo),
                    "review_count": count,
                    "source_url": None,
                    "fetched_at": fetched_at,
                    "fetched_on": fetched_at.date(),
                }
            )
    return reviews, mentions, aggregates


def write_table(lake: Path, table: str, rows: Iterable[dict], schema: pa.Schema) -> int:
    """Write rows into ``lake/<table>/`` with the contract's hive partitions.

    Every partition touched is rewritten whole (as the transforms do), so callers
    pass the complete set of rows for the partitions they write.
    """
    rows = list(rows)
    if not rows:
        return 0
    data = pa.Table.from_pylist(rows, schema=schema)
    part_cols = PARTITIONS[table]
    ds.write_dataset(
        data,
        lake / table,
        format="parquet",
        partitioning=ds.partitioning(
            pa.schema([schema.field(c) for c in part_cols]), flavor="hive"
        ),
        existing_data_behavior="delete_matching",
        basename_template="part-{i}.parquet",
        file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
    )
    return len(rows)


def carry_seen(reviews: list[dict], previous: dict[str, dict] | None) -> list[dict]:
    """Rows seen before keep first_seen_at (and last_seen_at when unchanged), as the
    transforms keep them."""
    for row in reviews:
        old = (previous or {}).get(row["review_key"])
        if old is not None:
            row["first_seen_at"] = old["first_seen_at"]
            if old["content_hash"] == row["content_hash"]:
                row["last_seen_at"] = old["last_seen_at"]
    return reviews


def write_world(lake: Path, world: World) -> dict[str, int]:
    reviews, mentions, aggregates = world_rows(world)
    return {
        "reviews": write_table(lake, "reviews", reviews, REVIEWS),
        "mentions": write_table(lake, "mentions", mentions, MENTIONS),
        "aggregates": write_table(lake, "aggregates", aggregates, AGGREGATES),
    }


def rows_by_partition(rows: list[dict], table: str) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        out[tuple(row[c] for c in PARTITIONS[table])].append(row)
    return out


# Shared by the warehouse tests and the report tests (imported by module name:
# a `from conftest import` would pick whichever test folder's conftest came first).
ANCHOR = date(2025, 6, 1)


def settings_for(root: Path, companies_file: Path) -> Settings:
    return load_settings(
        {"RUF_DATA_DIR": str(root), "RUF_DEMO": "1", "RUF_COMPANIES": str(companies_file)}
    )


def write_companies(path: Path, world: World) -> Path:
    path.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    return path
