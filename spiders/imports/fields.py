"""What the values of an export's columns look like, for inference.

``columns`` collects, per path, the values of the sampled records; ``rating_number`` and
``date_kind`` tell what a value is: a rating (a number, "4/5", "4,5 Sterne",
"5.0(185)", "5 stars: Excellent"), a date that says which day, a relative date. Names
(``names.py``) alone are never enough: the values have to fit the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spiders.imports.paths import Record, as_json

SAMPLE = 1000  # records looked at per candidate list
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def norm(name: str) -> str:
    """ "Review Created (UTC)" -> "reviewcreatedutc", "Sprache" -> "sprache"."""
    return re.sub(r"[^a-z0-9]", "", str(name).lower().translate(_FOLD))


# --- values --------------------------------------------------------------------

_RATING = re.compile(
    r"^\s*(?:rated\s+|bewertung:?\s+)?([+-]?\d{1,3}(?:[.,]\d{1,3})?)\s*"
    r"(?:(?:/|out of|of|von|aus|de|sur)\s*(\d{1,3}(?:[.,]\d{1,3})?))?\s*"
    r"(?:stars?|sterne?n?|points?|punkte?|étoiles?|estrellas?|\*+|★+)?\s*\.?$",
    re.I,
)
# A rating with words after it the transform does not read: "5 stars: Excellent",
# "4.0 out of 5 stars, verified". The number must be followed by a rating word or scale.
LOOSE_RATING = re.compile(
    r"^\D{0,20}?(\d{1,3}(?:[.,]\d{1,2})?)\s*"
    r"(?:(?:/|out of|von|of)\s*(\d{1,3})|stars?|sterne?)\b.*$",
    re.I,
)
# TripAdvisor's bubbles as scrapers copy them off the page: "ui_bubble_rating bubble_45"
# (4.5 of 5, in tens).
BUBBLE = re.compile(r"(?i)\bbubble_(\d{1,2})\b")
# Stars drawn as glyphs ("★★★★☆", "⭐⭐⭐"): the filled ones are the rating, all of them the
# scale shown.
GLYPHS = re.compile(r"^\s*([★⭐]+)\s*([☆]*)\s*$")
PACKED = re.compile(r"^\s*(\d(?:[.,]\d{1,2})?)\s*\(\s*(\d[\d.,\s]*)\s*\)\s*$")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|maerz|mai|juni|"
    "juli|oktober|okt|dezember|dez|janvier|février|mars|avril|juin|juillet|août|septembre|"
    "octobre|novembre|décembre"
)
_ISO = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?(?:[T ]\d{1,2}:\d{2}.*)?$")
NUMERIC_DATE = re.compile(
    r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})"
    r"(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$",
    re.I,
)
_WORD_DATE = re.compile(
    rf"(?i)\b(?:{_MONTHS})[a-zé]*\.?\b.*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*\b(?:{_MONTHS})"
)
_RELATIVE = re.compile(
    r"(?i)\b(?:ago|vor|il y a|hace|yesterday|gestern|today|heute|just now|gerade)\b|"
    r"^(?:a|an|one|\d+)\s+(?:second|minute|hour|day|week|month|year)s?$"
)
PLACE_PREFIX = re.compile(
    r"(?i)^(?:reviewed|rated|posted|bewertet|rezensiert)\s+(?:in|aus)\s+.{1,80}?\s+(?:on|am)\s+(.+)$"
)
_URL = re.compile(r"^https?://", re.I)


def rating_number(v: Any) -> tuple[float | None, float | None]:
    """(value, best shown with it) of a rating as exports write it, else (None, None)."""
    if isinstance(v, bool) or v is None:
        return None, None
    if isinstance(v, int | float):
        return float(v), None
    m = _RATING.match(str(v))
    if m:
        best = float(m.group(2).replace(",", ".")) if m.group(2) else None
        return float(m.group(1).replace(",", ".")), best
    g = GLYPHS.match(str(v))
    if g:
        filled, empty = len(g.group(1)), len(g.group(2))
        return float(filled), (float(filled + empty) if empty else None)
    b = BUBBLE.search(str(v))
    if b:
        return float(b.group(1)), None
    p = PACKED.match(str(v))
    if p:
        return float(p.group(1).replace(",", ".")), None
    loose = LOOSE_RATING.match(str(v))
    if loose:
        best = float(loose.group(2).replace(",", ".")) if loose.group(2) else None
        return float(loose.group(1).replace(",", ".")), best
    return None, None


def date_kind(v: Any) -> str | None:
    """ "abs" (a date that says which day), "rel" ("a week ago"), or None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return "abs" if 9.4e8 <= v <= 2.2e9 or 9.4e11 <= v <= 2.2e12 else None
    s = str(v).strip()
    if not s or len(s) > 80:
        return None
    if re.fullmatch(r"\d{10}|\d{13}", s):
        return "abs"
    m = PLACE_PREFIX.match(s)
    s = m.group(1) if m else s
    if _ISO.match(s) or NUMERIC_DATE.match(s) or _WORD_DATE.search(s):
        return "abs"
    if _RELATIVE.search(s):
        return "rel"
    if re.fullmatch(r"(?i)(?:\w{3},\s*)?\d{1,2}\s+\w{3}\s+\d{4}.*", s):
        return "abs"
    return None


@dataclass
class Column:
    """What the values at one path look like over the sampled records."""

    path: str
    segments: tuple[str, ...]
    records: int = 0
    values: list[Any] = field(default_factory=list)  # non-empty ones
    dict_values: list[dict] = field(default_factory=list)  # where the value is an object
    lists: int = 0  # where the value is a list of objects (photos, aspects)

    @property
    def filled(self) -> int:
        return len(self.values) + len(self.dict_values) + self.lists

    def share(self, test) -> float:
        return sum(1 for v in self.values if test(v)) / len(self.values) if self.values else 0.0

    @property
    def distinct(self) -> int:
        return len({str(v) for v in self.values})

    @property
    def constant(self) -> bool:
        return len(self.values) >= 3 and self.distinct == 1

    def mean_len(self) -> float:
        strs = [str(v) for v in self.values]
        return sum(map(len, strs)) / len(strs) if strs else 0.0

    def numbers(self) -> list[float]:
        return [n for n in (rating_number(v)[0] for v in self.values) if n is not None]


def _key_text(prefix: str, key: str) -> str:
    if re.search(r"[.\[\]]|^[$^]", key) or not key:
        piece = '["' + key.replace("\\", "\\\\").replace('"', '\\"') + '"]'
        return prefix + piece
    return f"{prefix}.{key}" if prefix else key


def columns(records: list[Record], max_depth: int = 3) -> dict[str, Column]:
    """Leaf paths of the records (objects followed ``max_depth`` deep), with their values."""
    out: dict[str, Column] = {}
    for rec in records[:SAMPLE]:
        if not isinstance(rec.value, dict):
            continue
        seen: set[str] = set()
        stack: list[tuple[str, tuple[str, ...], Any, int]] = [("", (), rec.value, 0)]
        while stack:
            prefix, segs, node, depth = stack.pop()
            for k, v in node.items():
                key = str(k)
                path, s = _key_text(prefix, key), (*segs, key)
                v = as_json(v) if isinstance(v, str) and v[:1] in "{[" else v
                if isinstance(v, dict) and depth + 1 < max_depth and v:
                    stack.append((path, s, v, depth + 1))
                col = out.get(path) or out.setdefault(path, Column(path, s))
                if path not in seen:
                    col.records += 1
                    seen.add(path)
                if isinstance(v, dict):
                    if v:
                        col.dict_values.append(v)
                elif isinstance(v, list):
                    scalars = [x for x in v if not isinstance(x, dict | list)]
                    if scalars and len(scalars) == len(v):
                        col.values.append(" ".join(map(str, scalars)))
                    elif v:
                        col.lists += 1
                elif v is not None and not (isinstance(v, str) and not v.strip()):
                    col.values.append(v.strip() if isinstance(v, str) else v)
    return out
