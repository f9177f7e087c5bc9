"""Ratings as portals show them -> numbers on the portal's scale, 0-100 and 1-5 stars.

Everything here is vectorised over Arrow arrays: ``"4,5"``, ``"4.5/5"``,
``"10 out of 10"``, ``"4 von 5 Sternen"`` and ``"N/A"`` are told apart with RE2
regexes, never per row in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

# A bare number: "4", "4.5", "4,5", "+4", " 4.0 ".
_PLAIN = r"^[+-]?\d{1,6}(?:[.,]\d{1,6})?$"
# A number with leftovers of the page: "4.5/5", "10 out of 10", "4 von 5 Sternen",
# "Bewertung: 4,5", "4 Sterne". The optional denominator is the declared best.
_DECORATED = (
    r"^\D{0,40}?(?P<value>[+-]?\d{1,6}(?:[.,]\d{1,6})?)\s*"
    r"(?:(?:/|out of|of|von|aus)\s*(?P<best>\d{1,6}(?:[.,]\d{1,6})?))?"
    r"\s*(?:stars?|sterne?n?|punkte?n?|points?|pts\.?|\*+|★+)?\s*\.?$"
)
# What pages show when there is no rating.
_MISSING = r"(?i)^(?:|-+|–|—|n/?a|k\.?\s?a\.?|keine angabe|none|null|nan|not rated|\?)$"

RATING_MISSING = "rating_missing"
RATING_NOT_NUMERIC = "rating_not_numeric"
RATING_OUT_OF_SCALE = "rating_out_of_scale"
SCALE_INVALID = "scale_invalid"

# Float noise from "3.3000000000000003"-style values must not count as out of scale.
_EPS = 1e-9


def _as_text(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not pa.types.is_string(values.type):
        values = pc.cast(values, pa.string())
    return pc.utf8_trim_whitespace(values)


def _to_float(text: pa.Array) -> pa.Array:
    """ "4,5" -> 4.5; the caller guarantees the text is a plain number or null."""
    return pc.cast(pc.replace_substring(text, ",", "."), pa.float64())


def parse_number(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, pa.Array, pa.Array]:
    """Parse shown numbers: (value, declared best or null, is_missing).

    ``value`` is null where the text is missing or not a number; ``is_missing``
    tells blank/"N/A" apart from text that is not a number.
    """
    text = _as_text(values)
    missing = pc.fill_null(pc.match_substring_regex(text, _MISSING), True)
    plain = pc.fill_null(pc.match_substring_regex(text, _PLAIN), False)
    plain_text = pc.if_else(plain, text, pa.scalar(None, pa.string()))
    value = _to_float(plain_text)
    best = pa.nulls(len(text), pa.float64())
    rest = pc.and_(pc.invert(plain), pc.invert(missing))
    if pc.any(rest).as_py():
        rest_text = pc.if_else(rest, text, pa.scalar(None, pa.string()))
        parts = pc.extract_regex(rest_text, pattern="(?i)" + _DECORATED)
        value = pc.coalesce(value, _to_float(pc.struct_field(parts, "value")))
        best_text = pc.struct_field(parts, "best")
        best_text = pc.if_else(pc.equal(best_text, ""), pa.scalar(None, pa.string()), best_text)
        best = _to_float(best_text)
    return value, best, missing


@dataclass(frozen=True)
class Ratings:
    value: pa.Array  # float64 on the portal's scale, null where unusable
    worst: pa.Array
    best: pa.Array
    score_100: pa.Array
    stars: pa.Array
    reason: pa.Array  # string: a quarantine reason code, null where fine
    # What was read before the verdict (for the quarantine's detail): the number
    # shown and the scale it was judged on (declared, else the portal's).
    shown: pa.Array
    shown_worst: pa.Array
    shown_best: pa.Array


def normalise_ratings(
    value: pa.Array | pa.ChunkedArray,
    worst: pa.Array | pa.ChunkedArray,
    best: pa.Array | pa.ChunkedArray,
    default_worst: pa.Array,
    default_best: pa.Array,
) -> Ratings:
    """Ratings on their declared scale -> value, scale, score_100, stars and a reason.

    ``default_worst``/``default_best`` are the portal's configured scale, used
    where the item declares none. A denominator inside the value ("8/10") is
    what the page shows next to the number, so it wins over the declared best.
    """
    v, shown_best, v_missing = parse_number(value)
    w, _, w_missing = parse_number(worst)
    b, _, b_missing = parse_number(best)
    w = pc.if_else(w_missing, default_worst, w)
    b = pc.coalesce(shown_best, pc.if_else(b_missing, default_best, b))

    # A scale may run down: a German school grade is 1 (best) to 6 (worst).
    scale_bad = pc.fill_null(
        pc.or_kleene(
            pc.or_kleene(pc.is_null(w), pc.is_null(b)),
            pc.equal(b, w),
        ),
        True,
    )
    lo, hi = pc.min_element_wise(w, b), pc.max_element_wise(w, b)
    low = pc.less(v, pc.subtract(lo, _EPS))
    high = pc.greater(v, pc.add(hi, _EPS))
    out_of_scale = pc.fill_null(pc.or_(low, high), False)

    str_null = pa.scalar(None, pa.string())
    reason = pc.if_else(
        v_missing,
        pa.scalar(RATING_MISSING),
        pc.if_else(
            pc.is_null(v),
            pa.scalar(RATING_NOT_NUMERIC),
            pc.if_else(
                scale_bad,
                pa.scalar(SCALE_INVALID),
                pc.if_else(out_of_scale, pa.scalar(RATING_OUT_OF_SCALE), str_null),
            ),
        ),
    )
    ok = pc.is_null(reason)
    v_read = v
    f_null = pa.scalar(None, pa.float64())
    # Clamp float noise at the scale's ends so 0-100 and 1-5 hold exactly
    # (element-wise min/max skip nulls, so null out the bad rows afterwards).
    v = pc.if_else(ok, pc.min_element_wise(pc.max_element_wise(v, lo), hi), f_null)
    score = pc.multiply(pc.divide(pc.subtract(v, w), pc.subtract(b, w)), 100.0)
    stars = pc.add(pc.multiply(pc.divide(score, 100.0), 4.0), 1.0)
    return Ratings(
        value=v,
        worst=pc.if_else(ok, w, f_null),
        best=pc.if_else(ok, b, f_null),
        score_100=score,
        stars=stars,
        reason=reason,
        shown=v_read,
        shown_worst=w,
        shown_best=b,
    )


def parse_count(values: pa.Array | pa.ChunkedArray, to: pa.DataType | None = None) -> pa.Array:
    """Counts as shown ("1.234 Bewertungen", "12", 12) -> integers, null where unusable."""
    text = _as_text(values)
    digits = pc.struct_field(
        pc.extract_regex(text, pattern=r"^\D{0,20}?(?P<n>\d{1,3}(?:[.,' ]?\d{3})*|\d+)(?:\D.*)?$"),
        "n",
    )
    digits = pc.replace_substring_regex(digits, r"[.,' ]", "")
    digits = pc.if_else(pc.less_equal(pc.utf8_length(digits), 9), digits, None)
    return pc.cast(pc.cast(digits, pa.int64()), to or pa.int64())
