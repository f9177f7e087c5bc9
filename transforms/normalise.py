"""Raw rows -> rows of one kind each, or quarantine with the reasons why.

``normalise`` reads the keys every row needs (kind, portal, company id, fetch time),
the rating on its declared scale (else the portal's), the published date and the
company, all vectorised over the slice. A row with a reason goes to quarantine; the
rest become reviews, mentions and aggregates (``transforms.tables``), deduplicated
within the slice. Rows of authors erased earlier go nowhere, counted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import UTC_TS
from transforms import dates as D
from transforms import quarantine as Q
from transforms import ratings as R
from transforms import reasons, tables
from transforms import text as T
from transforms.batch import BatchResult, Context
from transforms.erase import erased_mask
from transforms.languages import language_code
from transforms.privacy import pseudonymise
from transforms.reasons import (
    INVALID_JSON,
    KINDS,
    MISSING_KEY,
    UNKNOWN_PORTAL,
    UNMATCHED,
    UNPARSABLE_ROW,
)


def normalise(ctx: Context, raw: pa.Table, run_date: str) -> BatchResult:
    """Every raw row becomes a clean row of one kind, or a quarantine row with reasons."""
    n = raw.num_rows
    valid = pc.fill_null(raw.column("_valid").combine_chunks(), False)
    col = {name: raw.column(name).combine_chunks() for name in raw.column_names}
    dir_portal = col["_dir_portal"]
    portal = pc.coalesce(T.null_if_blank(col["portal"]), dir_portal)
    kind = pc.utf8_lower(pc.utf8_trim_whitespace(col["kind"]))
    portal_company_id = T.null_if_blank(col["portal_company_id"])

    flagged: dict[str, pa.Array] = {}

    def flag(code: str, mask: pa.Array) -> None:
        m = pc.and_(valid, pc.fill_null(mask, False))
        flagged[code] = pc.or_(flagged[code], m) if code in flagged else m

    # A row the importer could not read: that explains whatever else is missing.
    flag(UNPARSABLE_ROW, pc.match_substring(col["flags"], f'"{UNPARSABLE_ROW}"'))

    # Keys every row needs.
    fetched = D.parse_dates(col["fetched_at"], pa.array(np.full(n, ctx.now), UTC_TS))
    kind_ok = pc.is_in(kind, value_set=pa.array(KINDS))
    missing_key = pc.or_(
        pc.or_(pc.invert(pc.fill_null(kind_ok, False)), pc.is_null(portal_company_id)),
        pc.is_valid(fetched.reason),
    )
    flag(MISSING_KEY, missing_key)
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
    for code in (R.RATING_MISSING, R.RATING_NOT_NUMERIC, R.SCALE_INVALID, R.RATING_OUT_OF_SCALE):
        flag(code, pc.and_(rated, pc.equal(rating.reason, code)))

    published = D.parse_dates(
        col["published_raw"], fetched_at, col["locale"], col["response_sha256"]
    )
    for code in (D.DATE_MISSING, D.DATE_UNPARSABLE, D.DATE_TOO_OLD, D.DATE_IN_FUTURE):
        flag(code, pc.and_(dated, pc.equal(published.reason, code)))

    name = pc.coalesce(T.null_if_blank(col["company_name"]), T.null_if_blank(col["company_url"]))
    company_id = ctx.resolver.resolve(portal, portal_company_id, name)
    unmatched_mask = pc.and_(pc.is_null(company_id), pc.is_valid(portal_company_id))
    flag(UNMATCHED, unmatched_mask)
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
    for m in flagged.values():
        bad_any = pc.or_(bad_any, m)
    if gone is not None:
        bad_any = pc.and_(bad_any, pc.invert(gone))
    why = {
        "portal": portal,
        "kind": col["kind"],
        "portal_company_id": portal_company_id,
        "fetched_at": col["fetched_at"],
        "fetched_reason": fetched.reason,
        "fetched_read": fetched_at,
        "rating_value": col["rating_value"],
        "rating_worst": col["rating_worst"],
        "rating_best": col["rating_best"],
        "rating_read": rating.shown,
        "scale_worst": rating.shown_worst,
        "scale_best": rating.shown_best,
        "published_raw": col["published_raw"],
        "published_read": published.read,
        "company_name": name,
        "import_error": T.null_if_blank(col["import_error"]),
        "language": col["language"],
    }
    quarantine = _quarantine(ctx, raw, kind, valid, bad_any, flagged, why, run_date)

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
    kind: pa.Array,
    valid: pa.Array,
    bad: pa.Array,
    flagged: dict[str, pa.Array],
    why: dict[str, pa.Array],
    run_date: str,
) -> pa.Table:
    """The quarantine rows of the rows ``bad`` marks: their reason codes, and a detail
    from ``why`` (what the transform read of each row) that names values and rules."""
    idx = pc.indices_nonzero(bad)
    invalid = pc.take(pc.invert(valid), idx).to_pylist()
    picked = {code: pc.take(m, idx).to_pylist() for code, m in flagged.items()}
    seen = pa.table({k: pc.take(v, idx) for k, v in why.items()}).to_pylist()
    files = {
        "companies_file": Path(ctx.settings.companies_file).name,
        "portals_file": Path(ctx.settings.portals_file).name,
    }
    codes, detail = [], []
    for j, row in enumerate(seen):
        cs = [INVALID_JSON] if invalid[j] else [c for c, m in picked.items() if m[j]]
        codes.append(cs)
        if invalid[j]:
            detail.append(reasons.detail(cs, row))
            continue
        language, _ = language_code(row["language"])
        note = reasons.language_note(language, ctx.languages.get(row["portal"], ()))
        detail.append(reasons.detail(cs, {**row, **files}, note))
    return Q.rows(
        ctx,
        run_date,
        portal=pc.take(why["portal"], idx),
        kind=pc.take(kind, idx),
        codes=codes,
        details=detail,
        source_file=pc.take(raw.column("_source_file"), idx),
        row=pc.take(raw.column("_row"), idx),
        line=pc.take(raw.column("_line"), idx),
        portal_file=pc.take(raw.column("_dir_portal"), idx),
    )
