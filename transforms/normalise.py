"""Raw rows -> rows of one kind each, or quarantine with the reasons why.

``normalise`` reads the keys every row needs (kind, portal, company id, fetch time),
the rating on its declared scale (else the portal's), the published date and the
company, all vectorised over the slice. A row with a reason goes to quarantine; the
rest become reviews, mentions and aggregates (``transforms.tables``), deduplicated
within the slice. Rows of authors erased earlier go nowhere, counted.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import UTC_TS
from transforms import dates as D
from transforms import quarantine as Q
from transforms import ratings as R
from transforms import tables
from transforms import text as T
from transforms.batch import BatchResult, Context
from transforms.erase import erased_mask
from transforms.privacy import pseudonymise

KINDS = ("review", "aggregate", "mention")
UNMATCHED = "unmatched_company"
MISSING_KEY = "missing_key_field"
INVALID_JSON = "invalid_json"
UNKNOWN_PORTAL = "unknown_portal"


def normalise(ctx: Context, raw: pa.Table, run_date: str) -> BatchResult:
    """Every raw row becomes a clean row of one kind, or a quarantine row with reasons."""
    n = raw.num_rows
    valid = pc.fill_null(raw.column("_valid").combine_chunks(), False)
    col = {name: raw.column(name).combine_chunks() for name in raw.column_names}
    dir_portal = col["_dir_portal"]
    portal = pc.coalesce(T.null_if_blank(col["portal"]), dir_portal)
    kind = pc.utf8_lower(pc.utf8_trim_whitespace(col["kind"]))
    portal_company_id = T.null_if_blank(col["portal_company_id"])

    reasons: dict[str, pa.Array] = {}
    details: dict[str, pa.Array] = {}

    def flag(code: str, mask: pa.Array, detail: pa.Array | None = None) -> None:
        m = pc.and_(valid, pc.fill_null(mask, False))
        reasons[code] = pc.or_(reasons[code], m) if code in reasons else m
        if detail is not None:
            details[code] = detail

    # Keys every row needs.
    fetched = D.parse_dates(col["fetched_at"], pa.array(np.full(n, ctx.now), UTC_TS))
    kind_ok = pc.is_in(kind, value_set=pa.array(KINDS))
    missing_key = pc.or_(
        pc.or_(pc.invert(pc.fill_null(kind_ok, False)), pc.is_null(portal_company_id)),
        pc.is_valid(fetched.reason),
    )
    flag(
        MISSING_KEY,
        missing_key,
        pc.binary_join_element_wise(
            "kind=",
            pc.fill_null(kind, "∅"),
            " portal_company_id=",
            pc.fill_null(portal_company_id, "∅"),
            " fetched_at=",
            pc.fill_null(col["fetched_at"], "∅"),
            "",
        ),
    )
    flag(UNKNOWN_PORTAL, pc.invert(pc.is_in(portal, value_set=pa.array(list(ctx.scales)))))
    fetched_at = pc.fill_null(fetched.at, pa.scalar(ctx.now, UTC_TS))

    is_review = pc.fill_null(pc.equal(kind, "review"), False)
    is_mention = pc.fill_null(pc.equal(kind, "mention"), False)
    is_aggregate = pc.fill_null(pc.equal(kind, "aggregate"), False)
    rated = pc.or_(is_review, is_aggregate)
    dated = pc.or_(is_review, is_mention)

    # Ratings on the declared scale, else the portal's.
    lo = pa.array([ctx.scales.get(p, (1.0, 5.0))[0] for p in _per_distinct(portal)], pa.float64())
    hi = pa.array([ctx.scales.get(p, (1.0, 5.0))[1] for p in _per_distinct(portal)], pa.float64())
    idx = pc.index_in(pc.fill_null(portal, ""), value_set=pc.unique(pc.fill_null(portal, "")))
    rating = R.normalise_ratings(
        col["rating_value"],
        col["rating_worst"],
        col["rating_best"],
        pc.take(lo, idx),
        pc.take(hi, idx),
    )
    rating_detail = pc.binary_join_element_wise(
        "rating_value=",
        pc.fill_null(col["rating_value"], "∅"),
        " worst=",
        pc.fill_null(col["rating_worst"], "∅"),
        " best=",
        pc.fill_null(col["rating_best"], "∅"),
        "",
    )
    for code in (R.RATING_MISSING, R.RATING_NOT_NUMERIC, R.SCALE_INVALID, R.RATING_OUT_OF_SCALE):
        flag(code, pc.and_(rated, pc.equal(rating.reason, code)), rating_detail)

    published = D.parse_dates(col["published_raw"], fetched_at)
    date_detail = pc.binary_join_element_wise(
        "published_raw=", pc.fill_null(col["published_raw"], "∅"), ""
    )
    for code in (D.DATE_MISSING, D.DATE_UNPARSABLE, D.DATE_IN_FUTURE):
        flag(code, pc.and_(dated, pc.equal(published.reason, code)), date_detail)

    name = pc.coalesce(T.null_if_blank(col["company_name"]), T.null_if_blank(col["company_url"]))
    company_id = ctx.resolver.resolve(portal, portal_company_id, name)
    unmatched_mask = pc.and_(pc.is_null(company_id), pc.is_valid(portal_company_id))
    flag(
        UNMATCHED,
        unmatched_mask,
        pc.binary_join_element_wise(
            "portal_company_id=",
            pc.fill_null(portal_company_id, "∅"),
            " company_name=",
            pc.fill_null(name, "∅"),
            "",
        ),
    )
    unmatched_rows = pc.and_(valid, pc.fill_null(unmatched_mask, False))
    unmatched = sorted(
        {
            f"{p}: {i} ({nm})"
            for p, i, nm in zip(
                pc.filter(portal, unmatched_rows).to_pylist(),
                pc.filter(portal_company_id, unmatched_rows).to_pylist(),
                pc.filter(name, unmatched_rows).to_pylist(),
                strict=True,
            )
        }
    )

    # One pseudonym per row (null where no author is shown). Items of authors
    # erased earlier go nowhere, counted (transforms.erase).
    who = pseudonymise(ctx.key, portal, col["author_id"], col["author_name"])
    gone = pc.and_(valid, erased_mask(who, ctx.erased)) if ctx.erased else None
    erased = Counter(pc.filter(dir_portal, gone).to_pylist()) if ctx.erased else Counter()

    # Quarantine: invalid JSON plus every row with at least one reason.
    bad_any = pc.invert(valid)
    for m in reasons.values():
        bad_any = pc.or_(bad_any, m)
    if gone is not None:
        bad_any = pc.and_(bad_any, pc.invert(gone))
    quarantine = _quarantine(ctx, raw, portal, kind, valid, bad_any, reasons, details, run_date)

    good = pc.invert(bad_any) if gone is None else pc.invert(pc.or_(bad_any, gone))
    base = {
        "portal": portal,
        "portal_company_id": portal_company_id,
        "company_id": company_id,
        "fetched_at": fetched_at,
        "_line": col["_line"],
        "_row": col["_row"],
        "_source_file": col["_source_file"],
        "_portal_file": dir_portal,
        "_ord": col["_ord"],
        "author_pseudonym": who,
    }
    reviews = tables.reviews(ctx, col, base, rating, published, pc.and_(good, is_review))
    mentions = tables.mentions(ctx, col, base, published, pc.and_(good, is_mention))
    aggregates = tables.aggregates(col, base, rating, pc.and_(good, is_aggregate))

    dups: Counter = Counter()
    reviews, mentions, aggregates = (
        tables.dedupe(reviews, ["review_key"], dups),
        tables.dedupe(mentions, ["mention_key"], dups),
        tables.dedupe(aggregates, ["portal", "company_id", "fetched_on"], dups),
    )
    raw_per_portal = Counter(dir_portal.to_pylist())
    return BatchResult(
        reviews=reviews,
        mentions=mentions,
        aggregates=aggregates,
        quarantine=quarantine,
        raw_per_portal=dict(raw_per_portal),
        duplicates_per_portal=dups,
        unmatched=unmatched,
        run_id=Q.run_id(run_date),
        erased_per_portal=erased,
    )


def _per_distinct(values: pa.Array) -> list[str]:
    return pc.unique(pc.fill_null(values, "")).to_pylist()


def _quarantine(
    ctx: Context,
    raw: pa.Table,
    portal: pa.Array,
    kind: pa.Array,
    valid: pa.Array,
    bad: pa.Array,
    reasons: dict[str, pa.Array],
    details: dict[str, pa.Array],
    run_date: str,
) -> pa.Table:
    """The quarantine rows of the rows ``bad`` marks, with their reason codes and details."""
    idx = pc.indices_nonzero(bad)
    invalid = pc.take(pc.invert(valid), idx).to_pylist()
    picked = {code: pc.take(m, idx).to_pylist() for code, m in reasons.items()}
    picked_detail = {code: pc.take(d, idx).to_pylist() for code, d in details.items()}
    codes, detail = [], []
    for j in range(len(invalid)):
        if invalid[j]:
            codes.append([INVALID_JSON])
            detail.append("line is not a JSON object")
            continue
        cs = [c for c, m in picked.items() if m[j]]
        codes.append(cs)
        detail.append("; ".join(picked_detail[c][j] for c in cs if c in picked_detail) or None)
    return Q.rows(
        ctx,
        run_date,
        portal=pc.take(portal, idx),
        kind=pc.take(kind, idx),
        codes=codes,
        details=detail,
        source_file=pc.take(raw.column("_source_file"), idx),
        row=pc.take(raw.column("_row"), idx),
        line=pc.take(raw.column("_line"), idx),
        portal_file=pc.take(raw.column("_dir_portal"), idx),
    )
