"""The lake schema: the Arrow schemas of every Parquet table under ``lake/``.

This module and ``docs/contracts/lake.md`` are the one place the lake contract
lives. The warehouse reads only these tables and columns. New columns are added
as nullable at the end, so older partitions stay readable.
"""

from __future__ import annotations

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")

# One row per unique review (the latest version seen).
# Partitioned by portal and review_month (hive layout).
REVIEWS = pa.schema(
    [
        pa.field("review_key", pa.string(), nullable=False),
        pa.field("portal", pa.string(), nullable=False),
        pa.field("portal_review_id", pa.string()),
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("portal_company_id", pa.string(), nullable=False),
        pa.field("company_name_raw", pa.string()),
        pa.field("rating_raw", pa.string()),
        pa.field("rating_value", pa.float64(), nullable=False),
        pa.field("rating_worst", pa.float64(), nullable=False),
        pa.field("rating_best", pa.float64(), nullable=False),
        pa.field("score_100", pa.float64(), nullable=False),
        pa.field("stars", pa.float64(), nullable=False),
        pa.field("sub_ratings", pa.map_(pa.string(), pa.float64())),
        pa.field("title", pa.string()),
        pa.field("text", pa.string()),
        pa.field("pros", pa.string()),
        pa.field("cons", pa.string()),
        pa.field("language", pa.string()),
        pa.field("language_detected", pa.bool_()),
        pa.field("author_pseudonym", pa.string()),
        pa.field("author_review_count", pa.int32()),
        pa.field("published_at", UTC_TS, nullable=False),
        pa.field("published_precision", pa.string(), nullable=False),
        pa.field("experienced_at", UTC_TS),
        pa.field("reply_text", pa.string()),
        pa.field("replied_at", UTC_TS),
        pa.field("verified", pa.bool_()),
        pa.field("reviewer_type", pa.string()),
        pa.field("filtered", pa.bool_()),
        pa.field("text_flags", pa.list_(pa.string())),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("source_url", pa.string()),
        pa.field("spider", pa.string()),
        pa.field("spider_version", pa.string()),
        pa.field("response_sha256", pa.string()),
        pa.field("fetched_at", UTC_TS, nullable=False),
        pa.field("first_seen_at", UTC_TS, nullable=False),
        pa.field("last_seen_at", UTC_TS, nullable=False),
        pa.field("review_month", pa.string(), nullable=False),
    ]
)

# Posts that name a tracked company but carry no stars (forums, blog comments).
# Partitioned by portal and review_month.
MENTIONS = pa.schema(
    [
        pa.field("mention_key", pa.string(), nullable=False),
        pa.field("portal", pa.string(), nullable=False),
        pa.field("portal_post_id", pa.string()),
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("portal_company_id", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("text", pa.string()),
        pa.field("language", pa.string()),
        pa.field("author_pseudonym", pa.string()),
        pa.field("published_at", UTC_TS, nullable=False),
        pa.field("published_precision", pa.string(), nullable=False),
        pa.field("text_flags", pa.list_(pa.string())),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("source_url", pa.string()),
        pa.field("fetched_at", UTC_TS, nullable=False),
        pa.field("first_seen_at", UTC_TS, nullable=False),
        pa.field("last_seen_at", UTC_TS, nullable=False),
        pa.field("review_month", pa.string(), nullable=False),
    ]
)

# The portal's own displayed score, one row per portal, company and fetch day.
# Partitioned by portal.
AGGREGATES = pa.schema(
    [
        pa.field("portal", pa.string(), nullable=False),
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("portal_company_id", pa.string(), nullable=False),
        pa.field("rating_value", pa.float64(), nullable=False),
        pa.field("rating_worst", pa.float64(), nullable=False),
        pa.field("rating_best", pa.float64(), nullable=False),
        pa.field("score_100", pa.float64(), nullable=False),
        pa.field("review_count", pa.int64()),
        pa.field("source_url", pa.string()),
        pa.field("fetched_at", UTC_TS, nullable=False),
        pa.field("fetched_on", pa.date32(), nullable=False),
    ]
)

# Every raw row that could not be made clean, with why, and the row as it came.
# Partitioned by run_date.
QUARANTINE = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("portal", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("reason_codes", pa.list_(pa.string()), nullable=False),
        pa.field("reason_detail", pa.string()),
        pa.field("raw_row", pa.string(), nullable=False),  # the raw JSON line
        pa.field("source_file", pa.string()),
        pa.field("quarantined_at", UTC_TS, nullable=False),
        pa.field("run_date", pa.string(), nullable=False),
    ]
)

# One row per transform batch and portal: raw = clean + quarantined + duplicates + erased
# (erased_rows is null in runs written before erasures were counted).
RUNS = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("run_date", pa.string(), nullable=False),
        pa.field("portal", pa.string(), nullable=False),
        pa.field("raw_rows", pa.int64(), nullable=False),
        pa.field("clean_rows", pa.int64(), nullable=False),
        pa.field("quarantined_rows", pa.int64(), nullable=False),
        pa.field("duplicate_rows", pa.int64(), nullable=False),
        pa.field("finished_at", UTC_TS, nullable=False),
        pa.field("erased_rows", pa.int64()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "reviews": REVIEWS,
    "mentions": MENTIONS,
    "aggregates": AGGREGATES,
    "quarantine": QUARANTINE,
    "runs": RUNS,
}

PARTITIONS: dict[str, list[str]] = {
    "reviews": ["portal", "review_month"],
    "mentions": ["portal", "review_month"],
    "aggregates": ["portal"],
    "quarantine": ["run_date"],
    "runs": ["run_date"],
}
