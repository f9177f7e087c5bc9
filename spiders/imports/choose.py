"""Choosing, for each raw field, the column of an export that fills it.

Scores are a name score (``fields.name_score``) times a value fit (``_fit``): a column
serves one field, the best pairs first. Shared by the inference of the records and of the
company's own figures.
"""

from __future__ import annotations

import re

from spiders.imports.fields import Column, date_kind, norm
from spiders.imports.names import edited_date, name_excluded, name_score

REVIEW_FIELDS = (
    "rating_value", "published_raw", "text", "title", "pros", "cons", "author_name",
    "author_id", "author_review_count", "review_id", "reply_text", "reply_raw_date",
    "language", "verified", "experienced_raw", "source_url", "fetched_at",
    "extra.reviewer_type", "extra.traveller_type", "extra.recommendation", "extra.suggestions",
    "company_name", "portal_company_id", "company_url",
)  # fmt: skip
_REVIEWISH = ("rating_value", "text", "title", "published_raw", "review_id")
COMPANY = ("company_name", "portal_company_id", "company_url")
DATES = ("published_raw", "experienced_raw", "reply_raw_date", "fetched_at")
_TEXTS = ("text", "title", "pros", "cons", "reply_text", "author_name", "extra.reviewer_type")
_TEXTS += ("extra.traveller_type", "extra.recommendation", "extra.suggestions", "company_name")


def _fit(target: str, col: Column, n: int) -> float:
    """How well the values fit the field (0-1); names are scored apart."""
    vals = col.values
    if not vals:
        return 0.0
    strings = col.share(lambda v: isinstance(v, str))
    if target == "rating_value":
        nums = col.numbers()
        if len(nums) < 0.8 * len(vals) or max(nums) > 100 or min(nums) < 0:
            return 0.0
        return 0.5 if col.constant else 1.0
    if target in DATES:
        kinds = [date_kind(v) for v in vals]
        absolute, rel = kinds.count("abs") / len(vals), kinds.count("rel") / len(vals)
        return absolute + 0.6 * rel if absolute + rel >= 0.6 else 0.0
    if target in ("company_url", "source_url"):
        urls = col.share(lambda v: isinstance(v, str) and v.startswith("http"))
        few = col.distinct == 1 or col.distinct <= len(vals) // 5
        if urls < 0.8 or (target == "company_url") != few:
            return 0.0
        return 1.0
    if target in ("author_review_count",):
        return 1.0 if col.share(lambda v: str(v).strip().isdigit()) >= 0.8 else 0.0
    if target == "review_id":
        unique = col.distinct >= 0.95 * len(vals) and len(vals) >= 0.5 * n
        return 1.0 if unique and not col.share(lambda v: isinstance(v, bool)) else 0.0
    if target == "verified":
        ok = col.share(lambda v: isinstance(v, bool) or "verif" in str(v).lower())
        return 1.0 if ok >= 0.8 or col.distinct <= 2 else 0.0
    if target == "language":
        return 1.0 if col.share(lambda v: isinstance(v, str) and len(v) <= 20) >= 0.9 else 0.0
    if target in ("portal_company_id", "company_name"):
        if target == "company_name" and strings < 0.8:
            return 0.0
        few = col.distinct <= max(2, len(vals) // 5) or n <= 2
        return 1.0 if few else 0.15
    if target in _TEXTS or target == "author_id":
        if target != "author_id" and strings < 0.8:
            return 0.0
        if col.share(lambda v: str(v).startswith("http")) > 0.5:
            return 0.0
        length = col.mean_len()
        if target == "text":
            # Short texts ("Top", "Zu teuer") are common where a star is the review: a
            # column named as the text keeps them; a name that only hints at it does not.
            fit = 0.35 if length < 12 else min(1.0, length / 40)
            return 0.0 if length < 3 else fit * (0.4 if col.constant else 1)
        if target == "title":
            return 0.0 if length > 300 else 0.2 if col.constant else 1.0
        if target == "author_name":
            return 0.0 if length > 60 else 0.4 if col.constant else 1.0
        return 1.0
    return 0.0


def assign(cols: dict[str, Column], targets: tuple[str, ...], n: int) -> dict[str, Column]:
    """Each field its best column (a column serves one field), best matches first."""
    scored = []
    families = _families(cols)
    for target in targets:
        for col in cols.values():
            if col.path in families and (target in _TEXTS or target == "text"):
                continue  # "<category>_comment" columns: per category, not the review's text
            s = name_score(target, col)
            if s:
                f = _fit(target, col, n)
                if s * f >= 0.3:
                    # A nearer name (fewer levels) wins a tie: "date" over "meta.date".
                    score = s * f - 0.01 * len(col.segments)
                    # "review_rating" over a place's "rating" on the same row, and so on.
                    if target in _REVIEWISH and "review" in norm(col.segments[-1]):
                        score += 0.05
                    scored.append((score, target, col.path))
    out: dict[str, Column] = {}
    used: set[str] = set()
    for _, target, path in sorted(scored, key=lambda x: -x[0]):
        if target not in out and path not in used:
            out[target] = cols[path]
            used.add(path)
    if "published_raw" in targets and "published_raw" not in out:
        # No date under a name we know: the first column that fits, tried in this order.
        def texts(col: Column) -> bool:
            return bool(col.share(lambda v: isinstance(v, str)))

        fallbacks = (
            # A date under a name we do not know ("when", "Zeitstempel"), by its values
            # alone, unless the name says it is another date (a reply's, a stay's, the scrape's).
            lambda col: (
                not name_excluded("published_raw", col)
                and _fit("published_raw", col, n) >= 0.8
                and texts(col)
            ),
            # When the review was last edited: that one, rather than none.
            lambda col: edited_date(col) and _fit("published_raw", col, n) >= 0.8,
            # Only relative dates ("vor 2 Wochen") under a name we do not know ("Wann"): the
            # transform counts them back from the export's time, better than no date at all.
            lambda col: (
                not name_excluded("published_raw", col)
                and _fit("published_raw", col, n) >= 0.55
                and texts(col)
            ),
        )
        by_depth = sorted(cols.values(), key=lambda c: len(c.segments))
        found = next(
            (col for fits in fallbacks for col in by_depth if col.path not in used and fits(col)),
            None,
        )
        if found is not None:
            out["published_raw"] = found
            used.add(found.path)
    if "verified" in targets and "verified" not in out:
        for col in cols.values():  # a badge column that says "Verified Purchase"
            badge = col.path not in used and col.values and col.distinct <= 3
            if badge and col.share(lambda v: "verif" in str(v).lower()) >= 0.5:
                out["verified"] = col
                break
    return out


def _families(cols: dict[str, Column]) -> set[str]:
    """Columns named ``<something>_<suffix>`` with a suffix three or more columns share."""
    by_suffix: dict[str, list[str]] = {}
    for path, col in cols.items():
        m = re.match(r"^(.+?)[ _-]+([A-Za-z]+)$", col.segments[-1])
        if m and len(col.segments) == 1:
            by_suffix.setdefault(m.group(2).lower(), []).append(path)
    return {p for paths in by_suffix.values() if len(paths) >= 3 for p in paths}
