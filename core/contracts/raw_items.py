"""The raw item contract: what every spider and importer emits.

This module and ``docs/contracts/raw-items.md`` are the one place the contract
lives. Spiders keep values as the page shows them (``rating_value`` may be
``"4,5"``; ``published_raw`` may be ``"vor 3 Tagen"``); parsing and normalising
is the transforms' job.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Literal

Kind = Literal["review", "aggregate", "mention"]

RAW_CONTRACT_VERSION = 1


@dataclass
class RawItem:
    kind: Kind
    portal: str
    portal_company_id: str
    company_name: str | None = None
    company_url: str | None = None
    review_id: str | None = None
    rating_value: str | float | int | None = None
    rating_worst: str | float | int | None = 1
    rating_best: str | float | int | None = 5
    review_count: int | str | None = None  # aggregates only
    sub_ratings: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    text: str | None = None
    pros: str | None = None
    cons: str | None = None
    language: str | None = None
    author_name: str | None = None
    author_id: str | None = None
    author_review_count: int | str | None = None
    published_raw: str | int | float | None = None
    experienced_raw: str | int | float | None = None
    reply_text: str | None = None
    reply_raw_date: str | int | float | None = None
    verified: bool | None = None
    source_url: str | None = None
    fetched_at: str | None = None  # ISO 8601 UTC, e.g. 2026-11-23T09:00:00Z
    spider: str | None = None
    spider_version: str | None = None
    response_sha256: str | None = None
    # Family-specific facts without a column of their own
    # (reviewer_type, traveller_type, filtered, pending, thread_title, ...); from the
    # generic reader: strategy, locale, listed, rating_count (docs/contracts/raw-items.md).
    extra: dict[str, Any] = field(default_factory=dict)
    # Problems found while extracting (e.g. "undecodable_bytes"): the item is
    # kept and flagged so the transforms can quarantine it with a reason.
    flags: list[str] = field(default_factory=list)


RAW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(RawItem))
# How a reader takes the fields: ``extra`` key by key (EXTRA_KEYS), the other objects and
# lists as JSON text, and every scalar as text (values are kept as shown, so one field may
# be ``4`` in one item and ``"4,5"`` in the next: numbers and booleans read as their JSON).
EXTRA_FIELD = "extra"
JSON_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(RawItem) if f.default_factory in (dict, list) and f.name != EXTRA_FIELD
)
TEXT_FIELDS: tuple[str, ...] = tuple(
    name for name in RAW_FIELDS if name not in (*JSON_FIELDS, EXTRA_FIELD)
)
# The ``extra`` keys with a meaning of their own (docs/contracts/raw-items.md).
EXTRA_KEYS: tuple[str, ...] = (
    "reviewer_type",
    "traveller_type",
    "filtered",
    "pending",
    "thread_id",
    "thread_title",
    "import_row",
    # Imports: the key of a review without an id, over all its mapped fields; why a row
    # could not be read (items flagged ``unparsable_row``).
    "import_key",
    "import_error",
    # The generic reader (spiders/pages/generic): which strategy read the item, the page's
    # locale (it decides the order of day and month in numeric dates), list entries,
    # a rating count apart from the review count.
    "strategy",
    "locale",
    "listed",
    "rating_count",
)


# --- raw file naming: where the items of a portal and run date live -------------------
# <raw>/<portal>/<run date>/items-<name>.jsonl, one JSON object per line (RawItem fields);
# archived response bodies under <raw>/_bodies/<sha[:2]>/<sha>.gz, indexed per run in
# <raw>/<portal>/<run date>/responses-<name>.jsonl. <name> is the crawl shard (``all``,
# ``s<k>of<n>``), ``pages-<sha>`` for a crawl of given pages, or, for imports and
# exports, what wrote the file.

BODIES_DIR = "_bodies"
ITEMS_GLOB = "items-*.jsonl"


def shard_name(shard: tuple[int, int] | None) -> str:
    """``all`` for a whole crawl, ``s<k>of<n>`` for shard k of n."""
    if shard is None:
        return "all"
    k, n = shard
    return f"s{k}of{n}"


def pages_name(urls: list[str]) -> str:
    """``pages-<sha>`` for a crawl of just these pages (``ruf crawl --url``): named by the
    pages, so crawling other pages of the portal on the same day adds their items, and
    crawling the same pages again replaces only their own."""
    digest = hashlib.sha256("\n".join(sorted(set(urls))).encode("utf-8")).hexdigest()
    return f"pages-{digest[:12]}"


def _join(*parts: str) -> str:
    return "/".join([parts[0].rstrip("/"), *(p.strip("/") for p in parts[1:] if p)])


def run_dir(raw_root: str, portal: str, run_date: object) -> str:
    """The folder of one portal's raw files for one run date."""
    return _join(raw_root, portal, str(run_date))


def items_file_name(name: str) -> str:
    return f"items-{name}.jsonl"


def responses_file_name(name: str) -> str:
    return f"responses-{name}.jsonl"


def items_path(raw_root: str, portal: str, run_date: object, name: str) -> str:
    return _join(run_dir(raw_root, portal, run_date), items_file_name(name))


def body_path(raw_root: str, sha256: str) -> str:
    """Where an archived response body lives, by the SHA-256 of its bytes."""
    return _join(raw_root, BODIES_DIR, sha256[:2], f"{sha256}.gz")
