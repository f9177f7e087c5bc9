"""Dates as portals show them -> UTC timestamps with a precision.

The machine forms (ISO 8601, Unix seconds/milliseconds, D/M/YYYY and D.M.YYYY in the
order the item's locale writes them) are parsed vectorised over a column. Everything
else ("23. März 2024", "Reviewed in Germany on 3 March 2024", "vor 3 Tagen", "a week
ago", "2024年3月3日", "för 2 veckor sedan") is read by ``transforms.shown_dates`` in
Python once per distinct (text, date order), which is cheap because a batch shows few
distinct date texts; what is left once the wording around a date is cut goes through
the machine forms again. Relative dates come back as how far back they are, applied to
each row's ``fetched_at`` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import UTC_TS
from transforms import shown_dates
from transforms.shown_dates import DAY_FIRST, MONTH_FIRST, date_order, day_first

__all__ = ["ParsedDates", "parse_dates", "parse_shown_date"]

DATE_MISSING = "date_missing"
DATE_UNPARSABLE = "date_unparsable"
DATE_IN_FUTURE = "date_in_future"
DATE_TOO_OLD = "date_too_old"

# Clocks and time zones differ between a portal and us; beyond a day it is wrong.
FUTURE_TOLERANCE_US = 24 * 3600 * 1_000_000
# Older than any review portal: a date before it is quarantined as date_too_old.
EARLIEST_YEAR = 1990

_ISO = (
    r"(?i)^(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_UNIX = r"^(?P<n>\d{9,13})(?:\.(?P<f>\d+))?$"
# Numeric dates: which part is the day, the locale decides (shown_dates.day_first).
_NUMERIC = {
    "/": r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})$",
    ".": r"^(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<y>\d{4})$",
}
# A D/M/YYYY or M/D/YYYY date anywhere in a shown date (the page's evidence of its order).
_EITHER_WAY = r"(?:^|\D)(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-]\d{4}(?:\D|$)"
# Joins a text and its date order into one key of the distinct values.
_SEP = "\x1f"


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


def parse_dates(
    raw: pa.Array | pa.ChunkedArray,
    anchor: pa.Array | pa.ChunkedArray,
    locale: pa.Array | pa.ChunkedArray | None = None,
    page: pa.Array | pa.ChunkedArray | None = None,
) -> ParsedDates:
    """Shown dates -> UTC timestamps, precision and a reason code per row.

    ``anchor`` is each row's ``fetched_at`` (timestamp[us, UTC]): relative
    dates count back from it, and a date more than a day after it is in the
    future. ``locale`` is each row's page locale (``extra.locale``, null where
    none is declared): it decides whether 3/4/2024 is 4 March or 3 April; where a row has
    none, ``page`` (each row's ``response_sha256``) lets the page's dates that read only
    one way decide (``_page_orders``). Each
    distinct (text, date order) is parsed once; only the anchor arithmetic and the
    checks run per row, as Arrow kernels.
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

    order = _page_orders(text, _orders(locale, n), page)
    if order is None:
        encoded = text.dictionary_encode()
        distinct_text, distinct_order = encoded.dictionary, pa.nulls(len(encoded.dictionary))
    else:
        key = pc.binary_join_element_wise(text, pc.fill_null(order, ""), _SEP)
        encoded = key.dictionary_encode()
        parts = pc.extract_regex(encoded.dictionary, pattern=f"(?s)^(?P<t>.*){_SEP}(?P<o>[a-z_]*)$")
        distinct_text = pc.struct_field(parts, "t")
        o = pc.struct_field(parts, "o")
        distinct_order = pc.if_else(pc.equal(o, ""), s_null, o)
    parsed = _parse_distinct(distinct_text, distinct_order.cast(pa.string()))
    idx = encoded.indices
    at = pc.take(parsed.at, idx)
    precision = pc.take(parsed.precision, idx)
    back = pc.take(parsed.back, idx)
    if pc.any(pc.is_valid(back)).as_py():
        counted = pc.subtract(anchor, pc.cast(pc.multiply(back, 1_000_000), pa.duration("us")))
        for unit in ("day", "month"):
            floored = pc.floor_temporal(counted, unit=unit)
            counted = pc.if_else(pc.fill_null(pc.equal(precision, unit), False), floored, counted)
        at = pc.coalesce(at, counted)

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


def parse_shown_date(
    text: object, locale: str | None, fetched_at: datetime
) -> tuple[datetime | None, str | None]:
    """(UTC timestamp, precision) of one date as a page shows it, else (None, None):
    ``parse_dates`` on one row (the checks included: a date in the future is none)."""
    if isinstance(text, bool) or text is None:
        return None, None
    if isinstance(text, int | float):
        text = str(int(text)) if float(text).is_integer() else str(text)
    got = parse_dates(
        pa.array([str(text)], pa.string()),
        pa.array([fetched_at], UTC_TS),
        pa.array([locale], pa.string()),
    )
    return got.at[0].as_py(), got.precision[0].as_py()


def _orders(locale: pa.Array | pa.ChunkedArray | None, n: int) -> pa.Array | None:
    """Each row's date order (MONTH_FIRST, DAY_FIRST, null), or None where no row has a
    locale (then every row is read as before locales were known)."""
    if locale is None:
        return None
    if isinstance(locale, pa.ChunkedArray):
        locale = locale.combine_chunks()
    if locale.null_count == len(locale):
        return None
    encoded = pc.cast(locale, pa.string()).dictionary_encode()
    orders = pa.array([date_order(v) for v in encoded.dictionary.to_pylist()], pa.string())
    return pc.take(orders, encoded.indices)


def _page_orders(
    text: pa.Array, order: pa.Array | None, page: pa.Array | pa.ChunkedArray | None
) -> pa.Array | None:
    """``order``, with each row that has none given the order its page's dates show: a
    page whose "21/10/2016" can only be day first writes "05/10/2016" day first too (and
    "10/21/2016" month first). Pages whose dates say both, or neither, stay as they were."""
    if page is None:
        return order
    if isinstance(page, pa.ChunkedArray):
        page = page.combine_chunks()
    parts = pc.extract_regex(text, pattern=_EITHER_WAY)
    if not pc.any(pc.is_valid(parts)).as_py():
        return order
    a, b = _int(pc.struct_field(parts, "a")), _int(pc.struct_field(parts, "b"))
    day = pc.fill_null(pc.and_(pc.greater(a, 12), pc.less_equal(b, 12)), False)
    month = pc.fill_null(pc.and_(pc.greater(b, 12), pc.less_equal(a, 12)), False)
    pages = pa.table({"page": page, "day": day, "month": month}).filter(pc.is_valid(page))
    said = pages.group_by("page").aggregate([("day", "any"), ("month", "any")]).combine_chunks()
    shown = pc.if_else(
        pc.and_(said["day_any"].chunk(0), pc.invert(said["month_any"].chunk(0))),
        pa.scalar(DAY_FIRST),
        pc.if_else(
            pc.and_(said["month_any"].chunk(0), pc.invert(said["day_any"].chunk(0))),
            pa.scalar(MONTH_FIRST),
            pa.scalar(None, pa.string()),
        ),
    )
    by_row = pc.take(shown, pc.index_in(page, value_set=said["page"].chunk(0)))
    if order is None:
        return by_row if by_row.null_count < len(by_row) else None
    return pc.coalesce(order, by_row)


@dataclass(frozen=True)
class _Distinct:
    at: pa.Array  # absolute time, else null
    back: pa.Array  # int64 seconds before the fetch (relative dates), else null
    precision: pa.Array  # null where unparsable


def _parse_distinct(text: pa.Array, order: pa.Array) -> _Distinct:
    """Distinct texts (and their date order): machine forms vectorised; the rest with
    its wording cut, through the machine forms again, then the words one by one."""
    at, precision, handled = _machine_forms(text, order)
    back = pa.nulls(len(text), pa.int64())
    todo = pc.invert(pc.fill_null(handled, True))
    if not pc.any(todo).as_py():
        return _Distinct(at, back, precision)
    picked = pc.indices_nonzero(todo)
    orders = pc.take(order, picked)
    rests = pa.array(
        [shown_dates.strip_wording(s) for s in pc.take(text, picked).to_pylist()], pa.string()
    )
    rest_at, rest_precision, rest_handled = _machine_forms(rests, orders)
    rest_back = pa.nulls(len(rests), pa.int64())
    words = pc.invert(pc.fill_null(rest_handled, False))
    if pc.any(words).as_py():
        chosen = pc.indices_nonzero(words)
        read = [
            shown_dates.read_words(s, o)
            for s, o in zip(
                pc.take(rests, chosen).to_pylist(), pc.take(orders, chosen).to_pylist(), strict=True
            )
        ]
        rest_at = pc.replace_with_mask(rest_at, words, pa.array([r.at for r in read], UTC_TS))
        rest_back = pc.replace_with_mask(
            rest_back, words, pa.array([r.back for r in read], pa.int64())
        )
        rest_precision = pc.replace_with_mask(
            rest_precision, words, pa.array([r.precision for r in read], pa.string())
        )
    return _Distinct(
        pc.replace_with_mask(at, todo, rest_at),
        pc.replace_with_mask(back, todo, rest_back),
        pc.replace_with_mask(precision, todo, rest_precision),
    )


def _machine_forms(text: pa.Array, order: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(time, precision, read) of the machine forms among ``text``: ISO 8601, epoch
    seconds and milliseconds, D/M/YYYY in ``order`` (shown_dates.day_first)."""
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
    for separator, pattern in _NUMERIC.items():
        parts = pc.extract_regex(text, pattern=pattern)
        ok = pc.is_valid(parts)
        if not pc.any(ok).as_py():
            continue
        a, b = pc.struct_field(parts, "a"), pc.struct_field(parts, "b")
        by_day = _day_first(separator, order)
        t = _assemble(
            pc.struct_field(parts, "y"),
            pc.if_else(by_day, b, a),
            pc.if_else(by_day, a, b),
            pc.if_else(ok, zero, s_null),
            pc.if_else(ok, zero, s_null),
            pc.if_else(ok, zero, s_null),
        )
        at = pc.if_else(ok, t, at)
        precision = pc.if_else(pc.and_(ok, pc.is_valid(t)), "day", precision)
        # Read only where it is a real day: "21/10/2016" (month 21) is day first,
        # which shown_dates reads.
        handled = pc.or_(handled, pc.and_(ok, pc.is_valid(t)))
    return at, precision, handled


def _day_first(separator: str, order: pa.Array) -> pa.Array:
    """shown_dates.day_first per row, from each row's date order."""
    rule = {o: day_first(separator, o) for o in (None, MONTH_FIRST, DAY_FIRST)}
    return pc.if_else(
        pc.fill_null(pc.equal(order, DAY_FIRST), False),
        rule[DAY_FIRST],
        pc.if_else(
            pc.fill_null(pc.equal(order, MONTH_FIRST), False), rule[MONTH_FIRST], rule[None]
        ),
    )
