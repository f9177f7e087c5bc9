"""Dates as people read them: one Python parse per distinct shown text.

"23. März 2024", "March 23, 2024", "Mai 2023", "vor 3 Tagen", "yesterday": the
forms that are not machine forms (those are parsed vectorised in
``transforms.dates``). A relative date is returned as an offset that the caller
applies to each row's ``fetched_at``.
"""

from __future__ import annotations

import re
from datetime import date

from transforms import date_texts

_MONTHS = {
    **dict.fromkeys(["januar", "jan", "jänner", "jän", "january"], 1),
    **dict.fromkeys(["februar", "feb", "feber", "february"], 2),
    **dict.fromkeys(["märz", "maerz", "mär", "mrz", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mai", "may"], 5),
    **dict.fromkeys(["juni", "jun", "june"], 6),
    **dict.fromkeys(["juli", "jul", "july"], 7),
    **dict.fromkeys(["august", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["oktober", "okt", "october", "oct"], 10),
    **dict.fromkeys(["november", "nov"], 11),
    **dict.fromkeys(["dezember", "dez", "december", "dec"], 12),
}
_MONTH = "(?P<mon>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_NUMBERS = {
    **dict.fromkeys(["a", "an", "one", "ein", "eine", "einem", "einer", "einen"], 1),
    **dict.fromkeys(["two", "zwei"], 2),
    **dict.fromkeys(["three", "drei"], 3),
    **dict.fromkeys(["four", "vier"], 4),
    **dict.fromkeys(["five", "fünf"], 5),
    **dict.fromkeys(["six", "sechs"], 6),
    **dict.fromkeys(["seven", "sieben"], 7),
    **dict.fromkeys(["eight", "acht"], 8),
    **dict.fromkeys(["nine", "neun"], 9),
    **dict.fromkeys(["ten", "zehn"], 10),
    **dict.fromkeys(["eleven", "elf"], 11),
    **dict.fromkeys(["twelve", "zwölf"], 12),
}
_UNITS = {
    **dict.fromkeys(["sekunde", "sekunden", "second", "seconds", "sec", "secs"], ("s", 1)),
    **dict.fromkeys(["minute", "minuten", "minutes", "min", "mins"], ("s", 60)),
    **dict.fromkeys(["stunde", "stunden", "hour", "hours", "std"], ("s", 3600)),
    **dict.fromkeys(["tag", "tagen", "tage", "day", "days"], ("d", 1)),
    **dict.fromkeys(["woche", "wochen", "week", "weeks"], ("d", 7)),
    # Months and years are approximated in days; the precision says "month".
    **dict.fromkeys(["monat", "monaten", "monate", "month", "months"], ("m", 30)),
    **dict.fromkeys(["jahr", "jahren", "jahre", "year", "years"], ("m", 365)),
}
_NUM = r"(?P<n>\d{1,4}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_UNIT = "(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_REL_DE = re.compile(rf"^(?:vor|before)\s+(?:etwa\s+|about\s+)?{_NUM}\s+{_UNIT}$")
_REL_EN = re.compile(rf"^(?:about\s+|etwa\s+)?{_NUM}\s+{_UNIT}\s+ago$")
_REL_WORDS = {
    "heute": 0,
    "today": 0,
    "gerade eben": 0,
    "just now": 0,
    "soeben": 0,
    "gestern": 1,
    "yesterday": 1,
    "vorgestern": 2,
}
_PREFIX = re.compile(
    r"^(?:(?:veröffentlicht|bewertet|geschrieben|gepostet|erstellt|aktualisiert|published|"
    r"posted|reviewed|written|updated|date of experience|erlebnisdatum|datum|date)\s*"
    r"(?:am|on|:)?\s*:?\s*|(?:am|on)\s+)"
)
_WEEKDAY = re.compile(
    r"^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
    r"\.?,?\s+"
)
_DAY_MONTH_YEAR = re.compile(rf"^(?P<d>\d{{1,2}})\.?\s*{_MONTH}\s*,?\s*(?P<y>\d{{4}})$")
_MONTH_DAY_YEAR = re.compile(
    rf"^{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(?P<y>\d{{4}})$"
)
_MONTH_YEAR = re.compile(rf"^{_MONTH}\s*,?\s*(?P<y>\d{{4}})$")
_NUM_MONTH_YEAR = re.compile(r"^(?P<m>\d{1,2})[/.](?P<y>\d{4})$")
_SHORT_DMY = re.compile(r"^(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{2}|\d{4})$")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[t ].*)?$")


def parse_date_text(text: str) -> tuple:
    """Parse one shown date that is not a machine form.

    Returns ``("abs", y, m, d, precision)``, ``("rel", offset_days | None,
    offset_seconds | None, precision)`` or ``("bad",)``. Never raises.
    """
    # "Reviewed in the United States on December 9, 2025": the place is no part of the date.
    text = date_texts.without_place_prefix(str(text))
    s = " ".join(str(text).replace("\u00a0", " ").split()).lower().strip(" .,")
    s = _PREFIX.sub("", s)
    s = _WEEKDAY.sub("", s).strip()
    if s in _REL_WORDS:
        return ("rel", _REL_WORDS[s], None, "day")
    m = _REL_DE.match(s) or _REL_EN.match(s)
    if m:
        n_text = m.group("n")
        n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
        kind, size = _UNITS[m.group("unit")]
        if kind == "s":
            return ("rel", None, n * size, "second")
        return ("rel", n * size, None, "month" if kind == "m" else "day")
    for pattern, precision in (
        (_DAY_MONTH_YEAR, "day"),
        (_MONTH_DAY_YEAR, "day"),
        (_MONTH_YEAR, "month"),
    ):
        m = pattern.match(s)
        if m:
            day = int(m.group("d")) if "d" in m.groupdict() else 1
            return _checked(int(m.group("y")), _MONTHS[m.group("mon")], day, precision)
    m = _NUM_MONTH_YEAR.match(s)
    if m:
        return _checked(int(m.group("y")), int(m.group("m")), 1, "month")
    m = _SHORT_DMY.match(s)
    if m:
        y = int(m.group("y"))
        return _checked(y if y > 99 else 2000 + y, int(m.group("m")), int(m.group("d")), "day")
    m = _ISO_DAY.match(s)
    if m:
        return _checked(int(m.group("y")), int(m.group("m")), int(m.group("d")), "day")
    # Numeric forms with a clock, year first, day first with dashes, RFC 2822.
    return date_texts.parse_numeric_forms(text) or ("bad",)


def _checked(y: int, m: int, d: int, precision: str) -> tuple:
    try:
        date(y, m, d)
    except ValueError:
        return ("bad",)
    return ("abs", y, m, d, precision)
