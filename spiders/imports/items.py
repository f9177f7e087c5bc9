"""One record of an export -> one raw item, keeping and flagging what is odd.

Values stay as the export shows them (the transforms parse them); what this module
does is read them by the mapping, trim them, cut what is absurdly long, remove NULs,
and say in ``flags`` what it saw. A review without an id gets ``extra.import_key``
over all of its mapped fields: rows that differ anywhere never share a key, rows
identical in every field do (and collapse downstream, counted).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.contracts.raw_items import RAW_FIELDS, RawItem
from spiders.imports.mapping import Section, resolve
from spiders.imports.paths import Record
from spiders.imports.rows import MAX_FIELD_CHARS, RAW_KEEP, depth_exceeds

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# C0 controls but tab and line breaks, DEL, C1 controls (ESC [31m, BEL, backspace...).
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]").search
_OUT_OF = re.compile(r"(?:/|out of|of|von|aus|de|sur)\s*(\d+(?:[.,]\d+)?)", re.I)
_TRUE = {"true", "1", "yes", "y", "ja", "wahr", "x", "✓", "verified", "verifiziert"}
_FALSE = {"false", "0", "no", "n", "nein", "falsch", "unverified", "not verified"}
# Raw fields read as numbers or dates where the export gives them: kept as they are.
_AS_SHOWN = {"rating_value", "rating_worst", "rating_best", "review_count"}
_AS_SHOWN |= {"author_review_count", "published_raw", "experienced_raw", "reply_raw_date"}
# What identifies the company (not part of a review's content).
COMPANY_FIELDS = ("portal_company_id", "company_name", "company_url")


@dataclass(frozen=True)
class Common:
    """What every item of one import shares."""

    portal: str
    file_name: str
    source_url: str
    fetched_at: str
    spider_version: str
    response_sha256: str | None
    scale: tuple[float, float]  # the portal's configured scale (for the importer's flags)
    company: dict[str, str] | None  # --company: portal_company_id and company_name


def _clean(value: Any, flags: set[str]) -> Any:
    """Trimmed strings, no NULs, nothing longer than MAX_FIELD_CHARS, no deep nesting."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "")
            flags.add("nul_removed")
        if _CONTROL(value):  # terminal escapes and the like: kept as exported, said so
            flags.add("control_characters")
        value = value.strip()
        if len(value) > MAX_FIELD_CHARS:
            value = value[:MAX_FIELD_CHARS]
            flags.add("oversized_field")
        return value or None
    if isinstance(value, dict | list):
        if depth_exceeds(value, 8):
            flags.add("value_too_deep")
            return json.dumps(value, ensure_ascii=False, default=str)[:RAW_KEEP]
        if isinstance(value, dict):
            return {str(k): _clean(v, flags) for k, v in value.items()}
        return [_clean(v, flags) for v in value]
    if isinstance(value, float) and value != value:  # NaN from pandas-made exports
        return None
    return value


def _scalar(name: str, value: Any, flags: set[str]) -> Any:
    """A raw field holds a scalar: a list of texts is joined, an object kept as JSON text."""
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        kept = [str(v) for v in value if v not in (None, "")]
        return "\n".join(kept) or None
    if isinstance(value, dict | list):
        flags.add("value_not_scalar")
        return json.dumps(value, ensure_ascii=False, default=str)[:MAX_FIELD_CHARS]
    if name in _AS_SHOWN or (isinstance(value, bool) and name == "verified"):
        return value
    return value if isinstance(value, str) else str(value) if value is not None else None


def fetch_time(value: Any) -> str | None:
    """When the export was made, as the contract writes it (``2026-11-23T09:00:00Z``)."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            dt = datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
        else:
            dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        return None
    dt = dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _verified(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    v = str(value).strip().casefold()
    if v in _TRUE or ("verif" in v and not re.search(r"\b(?:not|nicht|un)\b|unverif", v)):
        return True
    if v in _FALSE or "not verified" in v or "nicht verif" in v:
        return False
    return None


def _number(value: Any) -> tuple[float | None, float | None]:
    """The number shown and a denominator shown with it ("4/5")."""
    if isinstance(value, bool):
        return None, None
    if isinstance(value, int | float):
        return float(value), None
    m = _NUMBER.search(str(value))
    if m is None:
        return None, None
    out_of = _OUT_OF.search(str(value), m.end())
    best = float(out_of.group(1).replace(",", ".")) if out_of else None
    return float(m.group(0).replace(",", ".")), best


def rating_flags(values: dict[str, Any], portal_scale: tuple[float, float]) -> list[str]:
    if values.get("kind") == "mention":
        return []
    shown = values.get("rating_value")
    if shown is None:
        return ["rating_missing"]
    value, best_shown = _number(shown)
    if value is None:
        return ["rating_unparsable"]
    lo = _number(values.get("rating_worst"))[0] if values.get("rating_worst") is not None else None
    hi = _number(values.get("rating_best"))[0] if values.get("rating_best") is not None else None
    lo = portal_scale[0] if lo is None else lo
    hi = best_shown or (portal_scale[1] if hi is None else hi)
    lo, hi = min(lo, hi), max(lo, hi)  # a school grade runs down, 6 to 1
    return [] if lo - 1e-9 <= value <= hi + 1e-9 else ["rating_out_of_scale"]


def import_key(values: dict[str, Any]) -> str:
    # The fetch time is when, not what: the same review in two exports shares its key.
    content = {k: v for k, v in values.items() if k not in ("extra", "flags", "fetched_at")}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def build_item(
    section: Section, record: Record | None, number: int, common: Common, row_flags: list[str]
) -> tuple[RawItem, dict[str, Any]]:
    """The raw item of one record, and the mapped values it was made of (for the report)."""
    flags: set[str] = set(row_flags)
    values: dict[str, Any] = {"kind": section.kind}
    extra: dict[str, Any] = {}
    sub: dict[str, Any] = {}
    mapped: dict[str, Any] = {}
    if record is not None and not isinstance(record.value, dict):
        flags |= {"unparsable_row", "record_not_object"}
        extra["import_error"] = f"{record.where}: a {type(record.value).__name__}, not an object"
        extra["import_raw"] = json.dumps(record.value, ensure_ascii=False, default=str)[:RAW_KEEP]
        record = None
    for name, spec in section.fields.items() if record is not None else ():
        value, f = resolve(spec, record)
        flags.update(f)
        value = _clean(value, flags)
        mapped[name] = value
        if name.startswith("sub_ratings."):
            if value is not None:  # as shown, like the rating: "4", 4, "4,5"
                sub[name.split(".", 1)[1]] = _scalar("rating_value", value, flags)
        elif name.startswith("extra."):
            if value is not None:
                extra[name.split(".", 1)[1]] = value
        elif name == "sub_ratings":
            if isinstance(value, dict):
                sub.update({k: v for k, v in value.items() if v is not None})
            elif value is not None:
                flags.add("value_not_scalar")
        else:
            values[name] = _scalar(name, value, flags)
    for name, value in section.constants.items():
        if name.startswith("sub_ratings."):
            sub[name.split(".", 1)[1]] = value
        elif name.startswith("extra."):
            extra[name.split(".", 1)[1]] = value
        elif values.get(name) is None:
            values[name] = value
    if common.company is not None:
        shown = {k: values.get(k) for k in COMPANY_FIELDS if values.get(k) is not None}
        if shown:
            extra["company_in_export"] = shown
        values.update(common.company)
    if "verified" in values:
        values["verified"] = _verified(values["verified"])
    if values.get("fetched_at") is not None:
        shown = values["fetched_at"]
        values["fetched_at"] = fetch_time(shown)
        if values["fetched_at"] is None:
            flags.add("fetched_at_unreadable")  # the import's own time stands in
            extra["fetched_at_shown"] = str(shown)[:100]
    values["portal_company_id"] = values.get("portal_company_id") or values.get("company_name")
    if values["portal_company_id"] is None:
        flags.add("company_missing")
        values["portal_company_id"] = "unknown"
    values["portal_company_id"] = str(values["portal_company_id"])
    values["sub_ratings"] = sub
    if any(isinstance(v, str) and "\ufffd" in v for v in values.values()):
        flags.add("undecodable_bytes")
    if "unparsable_row" not in flags:
        flags.update(rating_flags(values, common.scale))
        if section.kind != "aggregate" and values.get("published_raw") is None:
            flags.add("date_missing")
    if section.kind != "aggregate" and values.get("review_id") is None:
        extra["import_key"] = import_key({**values, "sub_ratings": sub, "_extra": extra})
    values["review_id"] = None if values.get("review_id") is None else str(values["review_id"])
    values.update(
        portal=common.portal,
        source_url=values.get("source_url") or common.source_url,
        fetched_at=values.get("fetched_at") or common.fetched_at,
        spider="import",
        spider_version=common.spider_version,
        response_sha256=common.response_sha256,
        # Null where the export declares no scale: the transform applies the portal's.
        rating_worst=values.get("rating_worst"),
        rating_best=values.get("rating_best"),
    )
    item = RawItem(**{k: v for k, v in values.items() if k in RAW_FIELDS})
    item.extra = {**extra, "import_row": number, "import_file": common.file_name}
    item.flags = sorted(flags)
    return item, mapped


def unreadable_item(
    kind: str, number: int, error: str, raw: str | None, flags: list[str], common: Common
) -> RawItem:
    """A row that could not be read: kept on its own, its text in ``extra``, flagged."""
    company = common.company or {}
    return RawItem(
        kind=kind if kind != "aggregate" else "review",
        portal=common.portal,
        portal_company_id=company.get("portal_company_id", "unknown"),
        company_name=company.get("company_name"),
        rating_worst=None,
        rating_best=None,
        source_url=common.source_url,
        fetched_at=common.fetched_at,
        spider="import",
        spider_version=common.spider_version,
        response_sha256=common.response_sha256,
        extra={
            "import_row": number,
            "import_file": common.file_name,
            "import_error": error,
            "import_raw": raw,
        },
        flags=sorted({"unparsable_row", *flags}),
    )
