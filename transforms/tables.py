"""The clean tables of one slice: reviews, mentions and aggregates, with their keys.

Each builder takes the rows of its kind (a mask over the normalised slice) and
returns them in the lake's columns plus the internal ones a batch needs later
(``_line``, ``_row``, ``_source_file``, ``_portal_file``, ``_ord``). A review's key is
the portal's id, else a hash of what identifies it (text, day, author); its
``content_hash`` changes whenever what a reader sees changes.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import UTC_TS
from transforms import dates as D
from transforms import lake
from transforms import ratings as R
from transforms import text as T
from transforms.text_columns import shown_but_unread, texts

TEXT_COLUMNS = ("title", "text", "pros", "cons", "reply_text")


def _bool(a: pa.Array) -> pa.Array:
    """A shown yes/no (verification labels, true/false, ja/nein); null where neither."""
    v = pc.utf8_lower(pc.utf8_trim_whitespace(a))
    yes = pc.is_in(v, value_set=pa.array(["true", "1", "yes", "ja", "verified", "verifiziert"]))
    no = pc.is_in(v, value_set=pa.array(["false", "0", "no", "nein", "null", ""]))
    return pc.if_else(yes, True, pc.if_else(no, False, pa.scalar(None, pa.bool_())))


def _hashes(columns: dict[str, pa.Array], key_parts: list[str], content_parts: list[str]):
    """sha256 of the key parts and of the content parts, per row (DuckDB, vectorised)."""
    t = pa.table({k: pc.cast(v, pa.string()) for k, v in columns.items()})
    sep = "chr(31)"

    def expr(parts: list[str]) -> str:
        return (
            "sha256(concat_ws("
            + sep
            + ", "
            + ", ".join(f"coalesce(\"{p}\", '')" for p in parts)
            + "))"
        )

    con = duckdb.connect()
    try:
        con.register("t", t)
        out = con.sql(
            f"select {expr(key_parts)} as k, {expr(content_parts)} as c from t"
        ).to_arrow_table()
    finally:
        con.close()
    return out.column("k").combine_chunks(), out.column("c").combine_chunks()


def _sub_ratings(values: pa.Array) -> pa.Array:
    """JSON text {"name": "4,5"} -> map<string, float64> (unparsable values become null)."""
    con = duckdb.connect()
    try:
        con.register("t", pa.table({"s": values}))
        m = (
            con.sql(
                "select case when s is null or s in ('{}', 'null') then null "
                "else try_cast(try_cast(s as json) as map(varchar, varchar)) end as m from t"
            )
            .to_arrow_table()
            .column("m")
            .combine_chunks()
        )
    finally:
        con.close()
    if len(m) == 0:
        return pa.array([], pa.map_(pa.string(), pa.float64()))
    nums, _, _ = R.parse_number(m.items)
    return pa.MapArray.from_arrays(m.offsets, m.keys, nums, mask=pc.is_null(m))


def _month(ts: pa.Array) -> pa.Array:
    return pc.strftime(ts, format="%Y-%m")


def _seen(fetched_at: pa.Array, published_at: pa.Array) -> dict[str, pa.Array]:
    """A new row's fetch, its first and last sighting (this fetch), its partition month."""
    return {
        "fetched_at": fetched_at,
        "first_seen_at": fetched_at,
        "last_seen_at": fetched_at,
        "review_month": _month(published_at),
    }


# Where a row came from, for quarantine (raw line), reconciliation and the dedupe order.
INTERNAL = ("_line", "_row", "_source_file", "_portal_file", "_ord")


def _internal(f: dict[str, pa.Array]) -> dict[str, pa.Array]:
    return {name: f[name] for name in INTERNAL}


def _key(portal: pa.Array, portal_id: pa.Array, import_key: pa.Array, key_hash: pa.Array):
    """``portal:id``: the portal's id, else the importer's key over every mapped field
    (rows of an export without ids never merge unless identical), else the hash."""
    return pc.binary_join_element_wise(
        portal,
        pc.coalesce(
            portal_id, T.null_if_blank(import_key), pc.utf8_slice_codeunits(key_hash, 0, 32)
        ),
        ":",
    )


def reviews(ctx, col, base, rating, published, mask) -> pa.Table:
    """The rows ``mask`` picks as reviews (``col``: raw columns, ``base``: the keys
    normalised for every row)."""
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    pick = {k: pc.filter(col[k], mask) for k in col}
    page = pick["response_sha256"]
    experienced = D.parse_dates(pick["experienced_raw"], f["fetched_at"], pick["locale"], page)
    replied = D.parse_dates(pick["reply_raw_date"], f["fetched_at"], pick["locale"], page)
    # A shown reply or experience date that cannot be read is kept as null, and said.
    shown = texts(
        ctx,
        col,
        mask,
        f["portal"],
        TEXT_COLUMNS,
        {
            "reply_date_unparsable": shown_but_unread(pick["reply_raw_date"], replied),
            "experienced_date_unparsable": shown_but_unread(pick["experienced_raw"], experienced),
        },
    )
    cleaned = shown.cleaned
    pseud = f["author_pseudonym"]
    at = pc.filter(published.at, mask)
    value = pc.filter(rating.value, mask)
    review_id = T.null_if_blank(pick["review_id"])
    day = pc.strftime(at, format="%Y-%m-%d")
    key_hash, content_hash = _hashes(
        {
            "text": cleaned["text"],
            "title": cleaned["title"],
            "day": day,
            "author": pseud,
            "value": value,
            "pros": cleaned["pros"],
            "cons": cleaned["cons"],
            "reply": cleaned["reply_text"],
        },
        ["text", "day", "author"],
        ["value", "title", "text", "pros", "cons", "reply"],
    )
    review_key = _key(f["portal"], review_id, pick["import_key"], key_hash)
    ok_date = pc.is_null(experienced.reason)
    return pa.table(
        {
            "review_key": review_key,
            "portal": f["portal"],
            "portal_review_id": review_id,
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "company_name_raw": pick["company_name"],
            "rating_raw": pick["rating_value"],
            "rating_value": value,
            "rating_worst": pc.filter(rating.worst, mask),
            "rating_best": pc.filter(rating.best, mask),
            "score_100": pc.filter(rating.score_100, mask),
            "stars": pc.filter(rating.stars, mask),
            "sub_ratings": _sub_ratings(pick["sub_ratings"]),
            "title": cleaned["title"],
            "text": cleaned["text"],
            "pros": cleaned["pros"],
            "cons": cleaned["cons"],
            "language": shown.language,
            "language_detected": shown.language_detected,
            "author_pseudonym": pseud,
            "author_review_count": R.parse_count(pick["author_review_count"], pa.int32()),
            "published_at": at,
            "published_precision": pc.filter(published.precision, mask),
            "experienced_at": pc.if_else(ok_date, experienced.at, pa.scalar(None, UTC_TS)),
            "reply_text": cleaned["reply_text"],
            "replied_at": pc.if_else(
                pc.is_null(replied.reason), replied.at, pa.scalar(None, UTC_TS)
            ),
            "verified": _bool(pick["verified"]),
            "reviewer_type": pc.coalesce(
                T.null_if_blank(pick["reviewer_type"]), T.null_if_blank(pick["traveller_type"])
            ),
            "filtered": _bool(pick["filtered"]),
            "text_flags": shown.text_flags,
            "content_hash": content_hash,
            "source_url": pick["source_url"],
            "spider": pick["spider"],
            "spider_version": pick["spider_version"],
            "response_sha256": pick["response_sha256"],
            **_seen(f["fetched_at"], at),
            **_internal(f),
        }
    )


def mentions(ctx, col, base, published, mask) -> pa.Table:
    """The rows ``mask`` picks as mentions: one per post and company."""
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    pick = {k: pc.filter(col[k], mask) for k in col}
    shown = texts(ctx, col, mask, f["portal"], ("title", "text"))
    cleaned = shown.cleaned
    pseud = f["author_pseudonym"]
    at = pc.filter(published.at, mask)
    post_id = T.null_if_blank(pick["review_id"])
    key_hash, content_hash = _hashes(
        {
            "text": cleaned["text"],
            "title": cleaned["title"],
            "day": pc.strftime(at, format="%Y-%m-%d"),
            "author": pseud,
            "company": f["company_id"],
        },
        ["text", "day", "author", "company"],
        ["title", "text"],
    )
    # A post can name several companies: one mention per post and company.
    mention_key = pc.binary_join_element_wise(
        _key(f["portal"], post_id, pick["import_key"], key_hash), f["company_id"], ":"
    )
    return pa.table(
        {
            "mention_key": mention_key,
            "portal": f["portal"],
            "portal_post_id": post_id,
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "title": cleaned["title"],
            "text": cleaned["text"],
            "language": shown.language,
            "author_pseudonym": pseud,
            "published_at": at,
            "published_precision": pc.filter(published.precision, mask),
            "text_flags": shown.text_flags,
            "content_hash": content_hash,
            "source_url": pick["source_url"],
            **_seen(f["fetched_at"], at),
            **_internal(f),
        }
    )


def aggregates(col, base, rating, mask) -> pa.Table:
    """The rows ``mask`` picks as the portal's own scores, one per company and fetch."""
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    return pa.table(
        {
            "portal": f["portal"],
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "rating_value": pc.filter(rating.value, mask),
            "rating_worst": pc.filter(rating.worst, mask),
            "rating_best": pc.filter(rating.best, mask),
            "score_100": pc.filter(rating.score_100, mask),
            "review_count": R.parse_count(pc.filter(col["review_count"], mask)),
            "source_url": pc.filter(col["source_url"], mask),
            "fetched_at": f["fetched_at"],
            "fetched_on": pc.cast(f["fetched_at"], pa.date32()),
            **_internal(f),
        }
    )


def dedupe(table: pa.Table, keys: list[str], dups: Counter) -> pa.Table:
    """Keep the latest fetch per key; count the rest as duplicates of their portal.

    ``first_seen_at``/``last_seen_at`` span every fetch of the key in the batch.
    """
    latest, dropped = lake.latest_per_key(table, keys, ["fetched_at", "_ord"])
    if dropped == 0:
        return latest
    total = Counter(table.column("_portal_file").to_pylist())
    kept = Counter(latest.column("_portal_file").to_pylist())
    for p, c in total.items():
        dups[p] += c - kept[p]
    if "first_seen_at" in table.column_names:
        # Slices arrive deduplicated with their own spans: span over those.
        latest = lake.with_span(latest, table, keys[0], "first_seen_at", "last_seen_at")
    return latest
