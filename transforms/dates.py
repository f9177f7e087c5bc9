"""Dates as portals show them -> UTC timestamps with a precision.

The common machine forms (ISO 8601, Unix seconds/milliseconds, M/D/YYYY,
D.M.YYYY) are parsed vectorised. Everything else ("23. März 2024", "March 23,
2024", "Mai 2023", "vor 3 Tagen", "yesterday") is parsed in Python once per
distinct text, which is cheap because a batch shows few distinct date texts;
relative dates become an offset that is applied to each row's ``fetched_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import UTC_TS
from transforms.date_words import parse_date_text

__all__ = ["ParsedDates", "parse_date_text", "parse_dates"]

DATE_MISSING = "date_missing"
DATE_UNPARSABLE = "date_unparsable"
DATE_IN_FUTURE = "date_in_future"
DATE_TOO_OLD = "date_too_old"

# Clocks and time zones differ between a portal and us; beyond a day it is wrong.
FUTURE_TOLERANCE_US = 24 * 3600 * 1_000_000
# Older than any review portal: a date before it is quarantined as date_too_old.
EARLIEST_YEAR = 1990

_US = {"second": 1_000_000, "day": 86_400 * 1_000_000}

_ISO = (
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_UNIX = r"^(?P<n>\d{9,13})(?:\.(?P<f>\d+))?$"
_MDY = r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$"
_DMY = r"^(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})$"


@dataclass(frozen=True)
class ParsedDates:
    at: pa.Array  # timestamp[us, UTC]; null where unusable
    precision: pa.Array  # "second", "day", "month"; null where unusable
    reason: pa.Array  # quarantine reason code or null
    read: pa.Array  # the time read before the checks (for a date in the future, too old)


# --- the vectorised path -------------------------------------------------------


def _null_ts(n: int) -> pa.Array:
    return pa.nulls(n, UTC_TS)


def _int(a: pa.Array) -> pa.Array:
    return pc.cast(a, pa.int64())


def _pad(a: pa.Array, width: int) -> pa.Array:
    return pc.utf8_lpad(a, width=width, padding="0")


def _assemble(y: pa.Array, m: pa.Array, d: pa.Array, hh: pa.Array, mm: pa.Array, ss: pa.Array):
    """Validated UTC timestamps from text parts; null where the parts are no real time.

    Arrow's strptime rolls 31.02. over to 02.03., so the parsed day and month
    are compared with the given ones.
    """
    iso = pc.binary_join_element_wise(
        y,
        "-",
        _pad(m, 2),
        "-",
        _pad(d, 2),
        "T",
        _pad(hh, 2),
        ":",
        _pad(mm, 2),
        ":",
        _pad(ss, 2),
        "",
    )
    at = pc.strptime(iso, format="%Y-%m-%dT%H:%M:%S", unit="us", error_is_null=True)
    ok = pc.and_kleene(
        pc.and_kleene(pc.equal(pc.day(at), _int(d)), pc.equal(pc.month(at), _int(m))),
        pc.and_kleene(
            pc.and_kleene(pc.less(_int(hh), 24), pc.less(_int(mm), 60)), pc.less(_int(ss), 60)
        ),
    )
    at = pc.if_else(pc.fill_null(ok, False), at, pa.scalar(None, at.type))
    return pc.assume_timezone(at, "UTC")


def _tz_offset_us(tz: pa.Array) -> pa.Array:
    """ "+01:00" -> microseconds to subtract to get UTC; Z/UTC/missing -> 0."""
    parts = pc.extract_regex(tz, pattern=r"^(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})?$")
    h = pc.fill_null(_int(pc.struct_field(parts, "h")), 0)
    m_text = pc.struct_field(parts, "m")
    m = pc.fill_null(_int(pc.if_else(pc.equal(m_text, ""), "0", m_text)), 0)
    sign = pc.if_else(pc.equal(pc.struct_field(parts, "sign"), "-"), -1, 1)
    return pc.fill_null(
        pc.multiply(pc.multiply(pc.add(pc.multiply(h, 60), m), 60_000_000), sign), 0
    )


def parse_dates(raw: pa.Array | pa.ChunkedArray, anchor: pa.Array | pa.ChunkedArray) -> ParsedDates:
    """Shown dates -> UTC timestamps, precision and a reason code per row.

    ``anchor`` is each row's ``fetched_at`` (timestamp[us, UTC]): relative
    dates count back from it, and a date more than a day after it is in the
    future. Each distinct text is parsed once (a batch shows few); only the
    anchor arithmetic and the checks run per row, as Arrow kernels.
    """
    if isinstance(raw, pa.ChunkedArray):
        raw = raw.combine_chunks()
    if isinstance(anchor, pa.ChunkedArray):
        anchor = anchor.combine_chunks()
    n = len(raw)
    text = raw if pa.types.is_string(raw.type) else pc.cast(raw, pa.string())
    text = pc.utf8_trim_whitespace(text)
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    missing = pc.is_null(text)
    s_null = pa.scalar(None, pa.string())

    encoded = text.dictionary_encode()
    parsed = _parse_distinct(encoded.dictionary)
    idx = encoded.indices
    row_abs = pc.take(parsed.at, idx)
    row_days = pc.take(parsed.rel_days, idx)
    row_secs = pc.take(parsed.rel_secs, idx)
    precision = pc.take(parsed.precision, idx)
    if pc.any(pc.is_valid(row_days)).as_py() or pc.any(pc.is_valid(row_secs)).as_py():
        day_start = pc.floor_temporal(anchor, unit="day")
        by_days = pc.subtract(
            day_start, pc.cast(pc.multiply(row_days, _US["day"]), pa.duration("us"))
        )
        by_secs = pc.subtract(
            anchor, pc.cast(pc.multiply(row_secs, _US["second"]), pa.duration("us"))
        )
        month_rel = pc.fill_null(pc.equal(precision, "month"), False)
        by_days = pc.if_else(month_rel, pc.floor_temporal(by_days, unit="month"), by_days)
        at = pc.coalesce(row_abs, by_days, by_secs)
    else:
        at = row_abs

    at = pc.if_else(pc.is_valid(precision), at, _null_ts(n))
    # Older than any review portal: a misread, or a date nobody can vouch for.
    too_old = pc.fill_null(pc.less(pc.year(at), EARLIEST_YEAR), False)
    limit = pc.add(anchor, pa.scalar(FUTURE_TOLERANCE_US, pa.duration("us")))
    future = pc.fill_null(pc.greater(at, limit), False)
    reason = pc.if_else(
        missing,
        pa.scalar(DATE_MISSING),
        pc.if_else(
            pc.is_null(at),
            pa.scalar(DATE_UNPARSABLE),
            pc.if_else(
                too_old,
                pa.scalar(DATE_TOO_OLD),
                pc.if_else(future, pa.scalar(DATE_IN_FUTURE), s_null),
            ),
        ),
    )
    ok = pc.is_null(reason)
    return ParsedDates(
        at=pc.if_else(ok, at, _null_ts(n)),
        precision=pc.if_else(ok, precision, s_null),
        reason=reason,
        read=at,
    )


@dataclass(frozen=True)
class _Distinct:
    at: pa.Array  # absolute time (machine forms and absolute words), else null
    rel_days: pa.Array  # int64: relative dates, days back from the fetch day
    rel_secs: pa.Array  # int64: relative dates, seconds back from the fetch
    precision: pa.Array  # null where unparsable


def _parse_distinct(text: pa.Array) -> _Distinct:
    """Parse distinct non-null texts: machine forms vectorised, the rest one by one."""
    n = len(text)
    s_null = pa.scalar(None, pa.string())
    zero = pa.scalar("0")
    at = _null_ts(n)
    precision = pa.nulls(n, pa.string())

    iso = pc.extract_regex(text, pattern=_ISO)
    iso_ok = pc.is_valid(iso)
    if pc.any(iso_ok).as_py():
        d_text = pc.struct_field(iso, "d")
        has_day = pc.not_equal(d_text, "")
        has_time = pc.not_equal(pc.struct_field(iso, "H"), "")
        sec = pc.struct_field(iso, "S")
        t = _assemble(
            pc.struct_field(iso, "y"),
            pc.struct_field(iso, "m"),
            pc.if_else(has_day, d_text, "1"),
            pc.if_else(has_time, pc.struct_field(iso, "H"), zero),
            pc.if_else(has_time, pc.struct_field(iso, "M"), zero),
            pc.if_else(pc.equal(sec, ""), zero, sec),
        )
        shift = pc.cast(_tz_offset_us(pc.struct_field(iso, "tz")), pa.duration("us"))
        t = pc.subtract(t, shift)
        at = pc.if_else(iso_ok, t, at)
        p = pc.if_else(has_time, "second", pc.if_else(has_day, "day", "month"))
        precision = pc.if_else(pc.and_(iso_ok, pc.is_valid(t)), p, precision)

    unix = pc.extract_regex(text, pattern=_UNIX)
    unix_ok = pc.is_valid(unix)
    if pc.any(unix_ok).as_py():
        digits = pc.struct_field(unix, "n")
        num = pc.cast(pc.if_else(unix_ok, digits, s_null), pa.int64())
        # 12-13 digits are milliseconds; up to 11 digits are seconds.
        is_ms = pc.greater_equal(pc.utf8_length(digits), 12)
        us = pc.if_else(is_ms, pc.multiply(num, 1000), pc.multiply(num, 1_000_000))
        t = pc.cast(us, pa.timestamp("us")).cast(UTC_TS)
        at = pc.if_else(unix_ok, t, at)
        precision = pc.if_else(unix_ok, "second", precision)

    handled = pc.or_(pc.or_(iso_ok, unix_ok), pc.is_null(text))
    for pattern in (_MDY, _DMY):
        parts = pc.extract_regex(text, pattern=pattern)
        ok = pc.is_valid(parts)
        if pc.any(ok).as_py():
            t = _assemble(
                pc.struct_field(parts, "y"),
                pc.struct_field(parts, "m"),
                pc.struct_field(parts, "d"),
                pc.if_else(ok, zero, s_null),
                pc.if_else(ok, zero, s_null),
                pc.if_else(ok, zero, s_null),
            )
            at = pc.if_else(ok, t, at)
            precision = pc.if_else(pc.and_(ok, pc.is_valid(t)), "day", precision)
            # Handled only where it is a real day: "21/10/2016" (month 21) is day first,
            # which the word path reads.
            handled = pc.or_(handled, pc.and_(ok, pc.is_valid(t)))

    rel_days = pa.nulls(n, pa.int64())
    rel_secs = pa.nulls(n, pa.int64())
    words = pc.invert(pc.fill_null(handled, True))
    if pc.any(words).as_py():
        at, precision, rel_days, rel_secs = _parse_words(text, words, at, precision)
    return _Distinct(at=at, rel_days=rel_days, rel_secs=rel_secs, precision=precision)


def _parse_words(text: pa.Array, rows: pa.Array, at: pa.Array, precision: pa.Array):
    """The non-machine texts (already distinct), one Python parse each."""
    picked = pc.indices_nonzero(rows)
    abs_at: list[date | None] = []
    rel_days: list[int | None] = []
    rel_secs: list[int | None] = []
    precs: list[str | None] = []
    for s in pc.take(text, picked).to_pylist():
        p = parse_date_text(s)
        if p[0] == "abs":
            _, y, m, d, prec = p
            abs_at.append(date(y, m, d))
            rel_days.append(None)
            rel_secs.append(None)
            precs.append(prec)
        elif p[0] == "rel":
            abs_at.append(None)
            rel_days.append(p[1])
            rel_secs.append(p[2])
            precs.append(p[3])
        else:
            abs_at.append(None)
            rel_days.append(None)
            rel_secs.append(None)
            precs.append(None)
    abs_ts = pc.cast(pc.cast(pa.array(abs_at, pa.date32()), pa.timestamp("us")), UTC_TS)

    def spread(values: pa.Array, into: pa.Array) -> pa.Array:
        return pc.replace_with_mask(into, rows, values)

    return (
        spread(abs_ts, at),
        spread(pa.array(precs, pa.string()), precision),
        spread(pa.array(rel_days, pa.int64()), pa.nulls(len(text), pa.int64())),
        spread(pa.array(rel_secs, pa.int64()), pa.nulls(len(text), pa.int64())),
    )
