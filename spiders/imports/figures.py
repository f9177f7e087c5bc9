"""The company's own figures in an export, and who the reviews are about.

A profile around its reviews (``result`` around ``result.reviews[*]``), the places of a
places export, or the figures a flat export repeats on every row (``overall_rating``,
``total_review_count``) become aggregate items; the reviews' company comes from the
object that holds them (``^.name``), from a column, from the document (``$.company``) or
from the portal's URL of the review.
"""

from __future__ import annotations

import re
from typing import Any

from spiders.imports.choose import COMPANY, assign
from spiders.imports.fields import Column, columns, norm
from spiders.imports.names import name_score
from spiders.imports.paths import Record, get, parse_path, select
from spiders.imports.shapes import company_in_url, count_spec, distribution, rating_spec

_AGG_RATING = (
    "rating", "stars", "score", "overallrating", "averagerating", "avgrating", "ratingaverage",
    "averagescore", "totalscore", "trustscore", "ratingvalue", "aggregaterating",
    "aggregateratingratingvalue", "productrating", "businessrating", "placerating",
    "companyrating", "employerrating", "overall", "durchschnitt", "durchschnittsbewertung",
    "gesamtbewertung", "kununuscore", "bewertung", "sterne", "note", "overallscore",
)  # fmt: skip
# Any other name for a company's rating ("company_overall_rating", "placeAverageScore").
_AGG_RATING_NAME = (
    r"^(?!.*(?:count|total(?!score)|number|num|max|min|best|worst|distribution|percent))"
    r".*(?:overall|average|avg|company|business|place|product|employer|hotel|shop|store)"
    r"\w*(?:rating|score|stars)(?:value)?$"
)
_COUNT = r"(?:reviews?|ratings?|bewertungen|rezensionen)(?:count|total|number|num)|"
_COUNT += r"(?:count|total|number|num|anzahl)(?:of)?(?:user)?(?:reviews?|ratings?|bewertungen)|"
_COUNT += r"^reviews$|^(?:review|rating)?count$|^bewertungen$|userratingstotal|userratingcount"


def aggregate_fields(cols: dict[str, Column], n: int, company_level: bool) -> dict[str, Any]:
    """The company's figures among ``cols``: a rating and a count (and who it is)."""
    out: dict[str, Any] = {}
    for col in sorted(cols.values(), key=lambda c: len(c.segments)):
        name = norm(col.segments[-1])
        pair = norm("".join(col.segments[-2:]))
        if company_level and n >= 3 and col.distinct > max(2, len(col.values) // 5):
            continue  # varies from record to record: the review's, not the company's
        nums = col.numbers()
        is_num = col.values and len(nums) >= 0.8 * len(col.values)
        named = name in _AGG_RATING or pair in _AGG_RATING or re.search(_AGG_RATING_NAME, name)
        if "rating_value" not in out and named and is_num:
            if min(nums) >= 0 and max(nums) <= 100:
                out["rating_value"] = col
        elif "review_count" not in out and re.search(_COUNT, name) and col.values:
            counts = col.share(lambda v: str(v).strip()[:1].isdigit())
            if counts >= 0.8:
                out["review_count"] = col
    return out


def agg_specs(agg, who, cols, notes: dict, prefix: str, up: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "rating_value" in agg:
        out["rating_value"] = _up(up, rating_spec(agg["rating_value"], (0, 1e9))[0])
        notes[prefix + "rating_value"] = f"e.g. {agg['rating_value'].values[0]!r}"
    count = agg.get("review_count") or agg.get("rating_value")  # "5.0(185)": both in one
    if count is not None and (count is agg.get("review_count") or count_spec(count) != count.path):
        out["review_count"] = _up(up, count_spec(count))
    dist = distribution(cols, set())
    if dist:
        out["extra.rating_distribution"] = _up(up, dist)
    for target, col in who.items():
        out[target] = _up(up, col.path)
    return out


def _up(up: str, spec: Any) -> Any:
    if not up:
        return spec
    if isinstance(spec, dict):
        return {**spec, "path": f"{up}.{spec['path']}"}
    return f"{up}.{spec}"


def place_names(cols: dict[str, Column]) -> dict[str, Column]:
    """A place's or company's own name and id: plain ``name``/``title``/``id`` there."""
    out: dict[str, Column] = {}
    for col in sorted(cols.values(), key=lambda c: len(c.segments)):
        key = norm(col.segments[-1])
        pair = norm("".join(col.segments[-2:]))
        if not col.values:
            continue
        names = ("name", "title", "displayname", "displaynametext", "shortname", "fullname")
        if "company_name" not in out and (key in names or pair in names):
            if col.share(lambda v: isinstance(v, str)) >= 0.8:
                out["company_name"] = col
        elif "portal_company_id" not in out and key in ("id", "placeid", "alias", "slug", "cid"):
            out["portal_company_id"] = col
        elif "company_url" not in out and key in ("url", "website") and len(col.segments) == 1:
            out["company_url"] = col
    return out


def name_beside_id(cols: dict[str, Column], fields: dict[str, Column], records) -> None:
    """A flat export that names the place in ``title`` or ``name`` next to its id (one
    value per id): that column is the company's name."""
    key = fields.get("portal_company_id") or fields.get("company_url")
    if "company_name" in fields or key is None or key.path.startswith(("^", "$")):
        return
    # A "title" that is one value per place is the place's title (Google Maps scrapers
    # write the place's name there), not the review's: it may move over.
    title = fields.get("title")
    used = {c.path for c in fields.values() if c is not title}
    key_path = parse_path(key.path)
    for col in cols.values():
        if col.path in used or len(col.segments) != 1 or not col.values:
            continue
        if norm(col.segments[0]) not in ("title", "name", "placename", "displayname"):
            continue
        per_id: dict[str, set[str]] = {}
        for rec in records[:1000]:
            per_id.setdefault(str(get(rec, key_path)), set()).add(
                str(get(rec, parse_path(col.path)))
            )
        if all(len(v) == 1 for v in per_id.values()) and len(per_id) < len(records):
            fields["company_name"] = col
            if col is title:
                del fields["title"]
            return


def _constant_per(records, path: str, key_path: str) -> bool:
    groups: dict[str, set[str]] = {}
    for rec in records[:1000]:
        value = get(rec, parse_path(path))
        groups.setdefault(str(get(rec, parse_path(key_path))), set()).add(str(value))
    return len(groups) < len(records) and all(len(v) == 1 for v in groups.values())


def review_rating_not_company(cols, fields: dict[str, Column], records) -> None:
    """On a flat row the place's rating sits beside the review's: the one that never
    changes within a company is the company's (left for the aggregate)."""
    rating = fields.get("rating_value")
    key = fields.get("portal_company_id") or fields.get("company_name")
    if rating is None or key is None or key.path.startswith(("^", "$")):
        return
    if not _constant_per(records, rating.path, key.path):
        return
    used = {c.path for c in fields.values()}
    for col in cols.values():
        if col.path in used or not name_score("rating_value", col) or len(col.segments) != 1:
            continue
        nums = col.numbers()
        ok = col.values and len(nums) >= 0.8 * len(col.values) and 0 <= min(nums) <= max(nums) <= 10
        if ok and not _constant_per(records, col.path, key.path):
            fields["rating_value"] = col
            return


def aggregate_section(root, cand, per_row, cols, fields, records, notes) -> dict | None:
    # The object that holds the review list: a profile around its reviews.
    if not per_row and cand.endswith("[*]") and cand not in ("[*]", "$"):
        parent = cand[: -len("[*]")].rpartition(".")[0] if "." in cand else "$"
        parent_records = select(root, parse_path(parent))
        if parent_records:
            pcols = columns(parent_records, max_depth=2)
            agg = aggregate_fields(pcols, len(parent_records), company_level=False)
            who = place_names(pcols)
            for target, col in who.items():  # the reviews' company: from ^.
                fields[target] = Column(f"^.{col.path}", col.segments, col.records, col.values)
            if "rating_value" in agg:
                return {"records": parent, "fields": agg_specs(agg, who, pcols, notes, "agg.")}
            return None
    agg = aggregate_fields(
        {p: c for p, c in cols.items() if p not in {f.path for f in fields.values()}},
        len(records),
        company_level=True,
    )
    if "rating_value" in agg:
        who = {k: fields[k] for k in COMPANY if k in fields}
        return {"fields": agg_specs(agg, who, cols, notes, "agg.")}
    return None


def company_fallback(data, root, cand, per_row, cols, fields, company) -> None:
    """Who the reviews are about, when no column says it: the parent's name, the URL."""
    specs = data["fields"]
    for target in COMPANY:
        if target in fields and fields[target].path.startswith("^."):
            specs[target] = fields[target].path
    if any(t in specs for t in ("company_name", "portal_company_id")):
        return
    for col in cols.values():
        found = company_in_url(col)
        if found:
            specs["portal_company_id"] = found
            return
    if not per_row and isinstance(root, dict):
        top = columns([Record(root, (), root, "$")], max_depth=2)
        who = assign({p: c for p, c in top.items() if c.values}, COMPANY, 1)
        for target, col in who.items():
            specs[target] = f"$.{col.path}"
