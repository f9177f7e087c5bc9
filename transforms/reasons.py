"""Why a row is quarantined, in words: one phrase per reason code, naming the value
and the rule (``rating 8.0 outside 1-5``, ``language 'eng' not in [de, en]``).

A quarantined row's ``reason_detail`` is its phrases joined by ``"; "`` in the order of
its ``reason_codes``. The phrases are made only for quarantined rows, in Python, from
the values the transform read (``Why``: one dict per row).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from transforms import dates as D
from transforms import ratings as R

INVALID_JSON = "invalid_json"
UNPARSABLE_ROW = "unparsable_row"
MISSING_KEY = "missing_key_field"
UNKNOWN_PORTAL = "unknown_portal"
UNMATCHED = "unmatched_company"
KINDS = ("review", "aggregate", "mention")

# A value longer than this is cut in a detail: it names the value, it does not keep it.
SHOWN_CHARS = 80


def quoted(value: Any) -> str:
    """A text value as a detail shows it: ``'...'``, cut after SHOWN_CHARS."""
    text = str(value)
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    return f"'{text}'"


def end(x: float) -> str:
    """A scale's end: ``1``, ``10``, ``0.5``."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def day(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d") if at is not None else "?"


def _scale_end(read: float | None, shown: Any) -> str:
    if read is not None:
        return end(read)
    return quoted(shown) if shown not in (None, "") else "?"


def _missing_key(row: dict[str, Any]) -> str:
    parts = []
    kind = row.get("kind")
    if kind is None or not str(kind).strip():
        parts.append("kind missing")
    elif str(kind).strip().lower() not in KINDS:
        parts.append(f"kind {quoted(kind)} not {', '.join(KINDS[:-1])} or {KINDS[-1]}")
    if row.get("portal_company_id") is None:
        parts.append("portal_company_id missing")
    fetched = row.get("fetched_reason")
    shown = row.get("fetched_at")
    if fetched == D.DATE_MISSING:
        parts.append("fetched_at missing")
    elif fetched == D.DATE_IN_FUTURE:
        parts.append(f"fetched_at {quoted(shown)} in the future")
    elif fetched == D.DATE_TOO_OLD:
        parts.append(f"fetched_at {quoted(shown)} before {D.EARLIEST_YEAR}")
    elif fetched is not None:
        parts.append(f"fetched_at {quoted(shown)} not readable")
    return "; ".join(parts) or "a key field missing"


def _unmatched(row: dict[str, Any]) -> str:
    where = row["companies_file"]
    pid = quoted(row.get("portal_company_id"))
    if row.get("company_name") is None:
        return f"company with portal id {pid} not in {where}"
    return f"company {quoted(row['company_name'])} (portal id {pid}) not in {where}"


PHRASES = {
    INVALID_JSON: lambda r: "line is not a JSON object",
    UNPARSABLE_ROW: lambda r: r.get("import_error") or "row could not be read",
    MISSING_KEY: _missing_key,
    UNKNOWN_PORTAL: lambda r: f"portal {quoted(r.get('portal'))} not in {r['portals_file']}",
    R.RATING_MISSING: lambda r: "rating missing",
    R.RATING_NOT_NUMERIC: lambda r: f"rating {quoted(r.get('rating_value'))} is not a number",
    R.RATING_OUT_OF_SCALE: lambda r: (
        f"rating {float(r['rating_read'])!r} outside "
        f"{_scale_end(r.get('scale_worst'), None)}-{_scale_end(r.get('scale_best'), None)}"
    ),
    R.SCALE_INVALID: lambda r: (
        f"scale {_scale_end(r.get('scale_worst'), r.get('rating_worst'))}-"
        f"{_scale_end(r.get('scale_best'), r.get('rating_best'))} invalid "
        "(worst and best must differ)"
    ),
    D.DATE_MISSING: lambda r: "published date missing",
    D.DATE_UNPARSABLE: lambda r: f"date {quoted(r.get('published_raw'))} not readable",
    D.DATE_IN_FUTURE: lambda r: (
        f"date {day(r.get('published_read'))} after fetch {day(r.get('fetched_read'))}"
    ),
    D.DATE_TOO_OLD: lambda r: f"date {day(r.get('published_read'))} before {D.EARLIEST_YEAR}",
    UNMATCHED: _unmatched,
}


def detail(codes: list[str], row: dict[str, Any], note: str | None = None) -> str:
    """The reason_detail of a row quarantined for ``codes`` (plus a note, last)."""
    phrases = [PHRASES[c](row) if c in PHRASES else c for c in codes]
    if note:
        phrases.append(note)
    return "; ".join(phrases)


def language_note(language: str | None, allowed: tuple[str, ...]) -> str | None:
    """``language 'tlh' not in [de, en]`` where the row's language is outside its
    portal's list (no review is quarantined for that alone; it is said with the rest)."""
    if language is None or not allowed or language in allowed:
        return None
    return f"language {quoted(language)} not in [{', '.join(allowed)}]"
