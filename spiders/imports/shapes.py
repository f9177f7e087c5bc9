"""What inference reads off the values of a chosen column: the rating's scale and form,
the date's format, sub-ratings, a company id inside a URL.

Each function returns a mapping spec (as it is written in YAML) and, where needed,
constants, so that what inference decides can be read, edited and saved.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from spiders.imports.fields import (
    BUBBLE,
    GLYPHS,
    LOOSE_RATING,
    NUMERIC_DATE,
    PACKED,
    PLACE_PREFIX,
    Column,
    norm,
    rating_number,
)

# What the transform's rating parser reads (transforms/ratings.py, _DECORATED).
_TRANSFORM_RATING = re.compile(
    r"^\D{0,40}?[+-]?\d{1,6}(?:[.,]\d{1,6})?\s*"
    r"(?:(?:/|out of|of|von|aus)\s*\d{1,6}(?:[.,]\d{1,6})?)?"
    r"\s*(?:stars?|sterne?n?|punkte?n?|points?|pts\.?|\*+|★+)?\s*\.?$",
    re.I,
)
# A word date followed by a clock the transform does not read: "December 9, 2025 at 3:04 PM".
_WORD_CLOCK = re.compile(
    r"^(?P<value>.*\b(?:19|20)\d\d)\s*(?:,|at|um)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|uhr)?$",
    re.I,
)
# The forms the transform reads on its own: no date_format needed for these.
_TRANSFORM_READS = {"%m/%d/%Y", "%d.%m.%Y"}
_TIMES = ("", " %H:%M", " %H:%M:%S", ", %H:%M", ", %H:%M:%S", "T%H:%M:%S", "T%H:%M")
_TIMES += (" %I:%M %p", ", %I:%M %p", " %I:%M:%S %p", ", %I:%M:%S %p", " %I:%M%p", ", %I:%M%p")
_ORDERS = ("%d{s}%m{s}%Y", "%m{s}%d{s}%Y", "%Y{s}%m{s}%d", "%d{s}%m{s}%y", "%m{s}%d{s}%y")
# The company's id in the URL of a review or listing on the portals we know of.
URL_COMPANY = (
    r"trustpilot\.[a-z.]+/review/([^/?#]+)",
    r"yelp\.[a-z.]+/biz/([^/?#]+)",
    r"google\.[a-z.]+/maps/place/([^/@?#]+)",
    r"amazon\.[a-z.]+/(?:[^/]+/)?(?:dp|product-reviews|gp/product)/([A-Z0-9]{10})",
    r"glassdoor\.[a-z.]+/Reviews/([^/?#]+?)-Reviews",
    r"kununu\.com/[a-z]{2}/([^/?#]+)",
    r"tripadvisor\.[a-z.]+/\w+-(g\d+-d\d+)",
    r"booking\.com/hotel/[a-z]{2}/([^/.?#]+)",
    r"(?:g2|capterra)\.com/(?:products|p/\d+)/([^/?#]+)",
)
_DISTRIBUTION_KEYS = re.compile(
    r"^(?:one|two|three|four|five|[1-5])(?:_?stars?)?$|^stars?_?[1-5]$|^(?:total|count)$", re.I
)


def rating_spec(col: Column, portal_scale: tuple[float, float]) -> tuple[Any, dict, str]:
    """(spec, constants, note) for the rating column: the scale only where the values leave
    the portal's configured one (else the transform applies the portal's)."""
    spec: Any = col.path
    packed = sum(1 for v in col.values if isinstance(v, str) and PACKED.match(v))
    wordy = sum(1 for v in col.values if isinstance(v, str) and _wordy_rating(v))
    bubbles = sum(1 for v in col.values if isinstance(v, str) and BUBBLE.search(v))
    glyphs = sum(1 for v in col.values if isinstance(v, str) and GLYPHS.match(v))
    if glyphs >= 0.8 * len(col.values):
        # The transform reads numbers: each drawing of stars the export uses, as its number.
        spec = {"path": col.path, "map": _glyph_map(col.values)}
    elif bubbles >= 0.8 * len(col.values):
        spec = {"path": col.path, "regex": BUBBLE.pattern}
    elif packed >= 0.8 * len(col.values):
        spec = {"path": col.path, "regex": r"^\s*(\d+(?:[.,]\d+)?)"}
    elif wordy >= 0.8 * len(col.values):
        # "5 stars: Excellent": the transform reads "5 stars", not the words after it.
        spec = {
            "path": col.path,
            "regex": r"^\D{0,20}?(\d{1,3}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3})?)",
        }
    parsed = [rating_number(v) for v in col.values]
    nums = [v for v, _ in parsed if v is not None]
    shown_best = [b for _, b in parsed if b is not None]
    constants: dict[str, Any] = {}
    if not nums:
        return spec, constants, ""
    lo, hi = min(nums), max(nums)
    note = f"values {_num(lo)}-{_num(hi)}"
    if shown_best:
        return spec, constants, note + f", out of {_num(max(shown_best))} as shown"
    if hi > portal_scale[1] + 1e-9 and _in_tens(nums):
        # TripAdvisor writes 4.5 bubbles as "45" (10-50 in steps of 5): a 1-100 scale
        # would make a 5 of "50" a 3 (50 of 100).
        constants = {"rating_worst": 10, "rating_best": 50}
        note += ": bubbles in tens (10-50), so 1-5"
    elif hi > portal_scale[1] + 1e-9:
        best = 5 if hi <= 5 else 10 if hi <= 10 else 100
        zeros = sum(1 for n in nums if n == 0)
        constants = {"rating_worst": 0 if zeros >= 0.05 * len(nums) else 1, "rating_best": best}
        note += f": above the portal's {_num(portal_scale[1])}, so 1-{best}"
    return spec, constants, note


# A column beside the rating that states its scale: ``rating: {value: 3, max: 10}``,
# ``bestRating``, ``rating_scale``, ``out_of``.
_SCALE_BEST = re.compile(
    r"^(?:rating|stars?|score|review|bewertung)?(?:max|maximum|best|bestrating|maxrating|"
    r"maxscore|maxvalue|maxstars|scale|scalemax|ratingscale|outof|highest|hoechst\w*|bestwert)"
    r"(?:rating|score|value|stars?)?$"
)
_SCALE_WORST = re.compile(
    r"^(?:rating|stars?|score|review|bewertung)?(?:min|minimum|worst|worstrating|minrating|"
    r"minscore|minvalue|scalemin|lowest|niedrigst\w*)(?:rating|score|value|stars?)?$"
)


def scale_columns(rating: Column, cols: dict[str, Column]) -> dict[str, str]:
    """The columns that state the rating's scale on each record (``rating_best``,
    ``rating_worst``): named so, beside the rating or in an object around it, numbers
    that hold the rating values (a best of at least the highest rating, a worst of at most
    the lowest)."""
    nums = [v for v, _ in map(rating_number, rating.values) if v is not None]
    if not nums:
        return {}
    around = {rating.segments[:k] for k in range(len(rating.segments))}
    out: dict[str, str] = {}
    for col in cols.values():
        if col is rating or not col.values or col.segments[:-1] not in around:
            continue
        name = norm(col.segments[-1])
        scale = [_scale_number(v) for v in col.values]
        if any(s is None for s in scale):
            continue
        lo, hi = min(scale), max(scale)
        if _SCALE_BEST.match(name) and lo >= 2 and hi <= 100 and hi >= max(nums):
            out.setdefault("rating_best", col.path)
        elif _SCALE_WORST.match(name) and lo >= 0 and hi <= min(1.0, min(nums)):
            out.setdefault("rating_worst", col.path)
    return out


def _scale_number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    text = str(v).strip().replace(",", ".")
    return float(text) if re.fullmatch(r"\d{1,3}(?:\.\d+)?", text) else None


def _glyph_map(values: list[Any]) -> dict[str, int]:
    drawn = {"★" * k + "☆" * (5 - k) for k in range(1, 6)} | {"★" * k for k in range(1, 6)}
    drawn |= {str(v).strip() for v in values if isinstance(v, str) and GLYPHS.match(v)}
    return {d: int(rating_number(d)[0]) for d in sorted(drawn, key=lambda d: (len(d), d))}


def _in_tens(nums: list[float]) -> bool:
    # Over 10: a 10-point export of only 10s stays a 10-point one.
    return min(nums) >= 10 and 10 < max(nums) <= 50 and all(n % 5 == 0 for n in nums)


def _wordy_rating(v: str) -> bool:
    return bool(LOOSE_RATING.match(v)) and not _TRANSFORM_RATING.match(v)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def count_spec(col: Column) -> Any:
    """A count packed with the rating ("5.0(185)") is read out of the brackets."""
    packed = sum(1 for v in col.values if isinstance(v, str) and PACKED.match(v))
    if col.values and packed >= 0.8 * len(col.values):
        return {"path": col.path, "regex": r"\(\s*(\d[\d.,\s]*)\)"}
    return col.path


def _formats_for(values: list[str]) -> list[str]:
    """strptime formats that read the values, fewest first; day or month first decided by
    the values (a first part over 12 is a day), else by the separator."""
    chosen: list[str] = []
    left = list(dict.fromkeys(values))[:300]
    while left and len(chosen) < 3:
        best, best_n = None, 0
        for order in _ORDERS:
            for sep in "./-":
                for t in _TIMES:
                    fmt = order.format(s=sep) + t
                    n = sum(1 for v in left if _parses(v, fmt))
                    if n > best_n or (n == best_n and n and _preferred(fmt, best)):
                        best, best_n = fmt, n
        if best is None:
            break
        chosen.append(best)
        left = [v for v in left if not _parses(v, best)]
    return chosen


def _preferred(fmt: str, other: str | None) -> bool:
    """On a tie: dots and dashes read day first (German), slashes month first (US)."""
    if other is None:
        return True
    wants = "%d" if fmt[2:3] in (".", "-") else "%m"
    return fmt.startswith(wants) and not other.startswith(wants)


def _parses(v: str, fmt: str) -> bool:
    try:
        datetime.strptime(v.strip(), fmt)
    except ValueError:
        return False
    return True


def date_spec(col: Column) -> tuple[Any, str]:
    """(spec, note): numeric dates the transform cannot read alone get a date_format;
    a "Reviewed in <place> on" prefix is cut off by a regex."""
    texts = [v for v in col.values if isinstance(v, str)]
    if not texts:
        return col.path, ""
    prefixed = sum(1 for v in texts if PLACE_PREFIX.match(v))
    if prefixed >= 0.5 * len(texts):
        regex = (
            r"^(?:(?i:reviewed|rated|posted|bewertet|rezensiert)\s+(?i:in|aus)\s+.{1,80}?\s+"
            r"(?i:on|am)\s+)?(?P<value>.+)$"
        )
        return {"path": col.path, "regex": regex}, "the 'Reviewed in ... on' prefix cut off"
    numeric = [v for v in texts if NUMERIC_DATE.match(v.strip())]
    clocked = sum(1 for v in texts if _WORD_CLOCK.match(v.strip()) and not v[:4].isdigit())
    if clocked >= 0.8 * len(texts) and not numeric:
        spec = {"path": col.path, "regex": _WORD_CLOCK.pattern.replace("^", "(?i)^", 1)}
        return spec, "the clock after the date cut off"
    if len(numeric) < 0.8 * len(texts):
        return col.path, ""
    formats = _formats_for(numeric)
    if not formats or all(f in _TRANSFORM_READS or f.startswith("%Y-%m-%d") for f in formats):
        return col.path, ""
    spec = {"path": col.path, "date_format": formats[0] if len(formats) == 1 else formats}
    return spec, f"read as {' or '.join(formats)}"


def sub_ratings(columns: dict[str, Column], used: set[str]) -> dict[str, Any]:
    """Per-category ratings: an object of numbers (kununu's categories), or columns named
    ``<category>_rating`` / ``rating<Category>`` (flattened exports)."""
    out: dict[str, Any] = {}
    for path, col in columns.items():
        if path in used or any(path.startswith(u + ".") for u in used):
            continue
        if any(u.startswith(path + ".") for u in used):
            continue  # the object around a mapped field ({"value": 4, "max": 5}): no categories
        if col.dict_values and not col.values:
            keys = {k for d in col.dict_values for k in d}
            vals = [v for d in col.dict_values for v in d.values() if v not in (None, "")]
            if len(keys) < 2 or all(_DISTRIBUTION_KEYS.match(str(k)) for k in keys):
                continue
            nums = [rating_number(v)[0] for v in vals]
            if vals and sum(n is not None and 0 <= n <= 10 for n in nums) >= 0.8 * len(vals):
                out["sub_ratings"] = path
            continue
        if len(col.segments) != 1 or not col.values:
            continue
        name = col.segments[0]
        m = re.match(r"^(.+?)[ _-]+(?:rating|score|bewertung|sterne|note)$", name, re.I)
        m = m or re.match(r"^rating([A-Z]\w+)$", name)
        skip = r"count|total|max|min|best|worst|overall|average|avg|^(?:product|business|place|"
        skip += r"company|hotel|store|shop|employer|seller)"
        if not m or col.constant or re.search(skip, norm(name)):
            continue
        nums = col.numbers()
        if len(nums) >= 0.8 * len(col.values) and all(0 <= n <= 10 for n in nums):
            out[f"sub_ratings.{m.group(1).strip()}"] = path
    return out


def distribution(columns: dict[str, Column], used: set[str]) -> str | None:
    """An object of star counts (``{"one_star": 386, ...}``): the aggregate's distribution."""
    for path, col in columns.items():
        if path in used or not col.dict_values:
            continue
        keys = {str(k) for d in col.dict_values for k in d}
        if len(keys) >= 3 and all(_DISTRIBUTION_KEYS.match(k) for k in keys):
            return path
    return None


def company_in_url(col: Column) -> Any | None:
    """``{path, regex}`` when the column's URLs name the company the portal's way."""
    urls = [str(v) for v in col.values if isinstance(v, str) and v.startswith("http")]
    if not urls or len(urls) < 0.8 * len(col.values):
        return None
    for pattern in URL_COMPANY:
        found = [m.group(1) for u in urls if (m := re.search(pattern, u))]
        if len(found) >= 0.8 * len(urls) and len(set(found)) <= max(3, len(found) // 5):
            return {"path": col.path, "regex": pattern}
    return None
