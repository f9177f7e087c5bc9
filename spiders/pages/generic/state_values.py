"""The values of one object of a page's embedded state, as the state finder (``state``)
reads them: its keys folded, the first present of a few, a rating, a count (a number, a
string of digits, an object's total), a text, a date."""

from __future__ import annotations

from typing import Any

from spiders.pages.generic import state_keys as K
from spiders.pages.generic.shown import as_number, rating_in_text


def lower_keys(d: dict) -> dict[str, str]:
    """An object's keys, folded (``state_keys.fold``) -> as the object writes them."""
    return {K.fold(k): k for k in d if isinstance(k, str)}


def pick(d: dict, low: dict[str, str], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    """(key, value) of the first of ``keys`` the object holds a value for."""
    for k in keys:
        real = low.get(k)
        if real is not None:
            v = d[real]
            if v is not None and v != "":
                return real, v
    return None, None


def rating_like(v: Any) -> bool:
    if isinstance(v, bool) or v is None:
        return False
    n = as_number(v) if isinstance(v, int | float) or (isinstance(v, str) and len(v) <= 8) else None
    # Ratings start at 1 (0.5 on half-star scales); 0-1 values are shares (0.62 recommend).
    return (
        n is not None
        and 0.5 <= n <= 100
        and (not isinstance(v, str) or bool(rating_in_text(f"{v} stars") or "/" in v))
    )


# Where a summary keeps the count of the rating beside it: {"meta": {"count": 2}}.
COUNT_PARTS = ("meta", "stats", "statistics", "totals", "counts")


def count_of(v: Any) -> int | None:
    """A count: a number, a string of digits, an object's total ({total: 5120, oneStar: 400})."""
    if isinstance(v, dict):
        v = v.get("total", v.get("count"))
    return int(v) if count_like(v) else None


def counts_of(data: dict, low: dict[str, str]) -> dict[str, int]:
    found = {k: count_of(data[low[k]]) for k in K.COUNT_KEYS if k in low}
    return {k: v for k, v in found.items() if v is not None}


def count_like(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return v >= 0
    return isinstance(v, str) and v.isdigit()


def text_value(v: Any) -> str | None:
    if isinstance(v, str):
        return v or None
    if isinstance(v, dict):  # Yelp: {"full": "...", "language": "en"}
        for k in ("full", "text", "plain", "value", "raw", "body"):
            if isinstance(v.get(k), str) and v[k]:
                return v[k]
    return None


def date_value(v: Any) -> Any:
    if isinstance(v, str | int | float) and not isinstance(v, bool):
        return v if v != "" else None
    if isinstance(v, dict):  # {"publishedDate": ...}, Yelp's {"localDateTimeForBusiness": ...}
        ranked = sorted(
            v.items(), key=lambda kv: not any(w in str(kv[0]).lower() for w in FIRST_DATE_WORDS)
        )
        for _, inner in ranked:
            if isinstance(inner, str) and inner[:1].isdigit():
                return inner
    return None


FIRST_DATE_WORDS = ("publish", "created", "submitted", "posted")
