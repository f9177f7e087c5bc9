"""Dates as people read them on real pages: one Python parse per distinct shown text.

``transforms.dates`` reads the machine forms (ISO 8601, epoch seconds and
milliseconds, plain D/M/YYYY and D.M.YYYY) vectorised over a column and hands the
rest here, once per distinct (text, date order):

* the wording around a date goes first (``strip_wording``): "Reviewed in Germany on
  3 March 2024", "Revisado en España el 25 de agosto de 2017", "Rezension aus
  Deutschland vom 3. März 2024", "Veröffentlicht am 23.03.2024", "von lupa am
  26/10/13, 03:48 pm", "Samstag, 23. März 2024", "Date of experience: March 2024",
  "2024年3月3日に日本でレビュー済み" (Amazon.co.jp's "reviewed in Japan on"), "投稿日：...", a verb
  or label right before it ("Written March 5, 2024", "vom 03.03.2024", "Data opinii: 3 marca
  2024"); of a line in parts, the part that is a date ("Verreist als Paar • Juli 2024");
* month names (``transforms.date_words``): "23. März 2024", "March 23, 2024",
  "Mar 23rd, 2024", "Oktober 2025" (month precision), with a clock ("23. Juni 2016
  um 17:21 Uhr", "Tue, 21 Nov 2023 21:41:08 GMT"); Polish, Czech, Russian and
  Ukrainian ones ("11 lutego 2025 r.", "3. března 2024", "5 марта 2024 г. в 14:30",
  "12 березня 2025", "marzec 2025"), Hungarian ones after the year ("2025. március 3.",
  "2025. márc. 3.", "2025. május");
* Japanese, Chinese and Korean dates ("2024年3月3日", "2024年3月3日(日) 14:30",
  "2024년 3월 3일", "2024年3月" month precision), a clock after the half of the day
  ("2024년 3월 3일 오후 2:30", "2025. 3. 3. 오후 2:30", "午後2:30");
* numeric dates with a clock or a two-digit year, year first ("2025/12/09", and with
  each part ending in a dot, "2025. 03. 03.") or with dashes, in the order the page's
  locale writes them (``day_first``): 3/4/2024 is 4 March under en-US and 3 April
  under de, fr, en-GB; a part over 12 decides by itself;
* relative dates ("a week ago", "vor 3 Tagen", "il y a 2 mois", "hace 3 días",
  "2 ore fa", "3 dni temu", "há uma semana", "för 2 veckor sedan", "for 2 uger siden",
  "for 3 dager siden", "1 hafta önce", "před 3 dny", "3 дня назад", "3 дні тому",
  "3 napja", "pred 2 dňami", "acum 3 zile", "prije 3 dana", "3日前", "3天前", "3일 전",
  "yesterday", "wczoraj", "вчера", "jučer", "in the last week"): how far back, applied to
  each row's ``fetched_at`` by the caller, so they stay one parse per text.

A clock without a zone is read as UTC, as ISO 8601 times without one are.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from transforms.date_words import (
    AGO_AFTER,
    AGO_AROUND,
    AGO_BEFORE,
    AGO_UNITS,
    BEFORE_CLOCK,
    BEFORE_DATE,
    BY,
    CJK_AFTER,
    CJK_AGO,
    CJK_BEFORE,
    CJK_DAY,
    CJK_MONTH,
    CJK_UNITS,
    CJK_WEEKDAYS,
    CJK_YEAR,
    DAYS_AGO,
    DURATION_AFTER,
    HALF_BEFORE,
    LABELS,
    MONTH,
    MONTHS,
    NUMBER,
    NUMBERS,
    ONE_UNIT,
    REVIEWED_IN,
    UNIT,
    UNITS,
    VERBS,
    WEEKDAYS,
    YEAR_WORDS,
)

# How a locale orders day and month in numeric dates. None: the page said no locale.
MONTH_FIRST, DAY_FIRST = "month_first", "day_first"
# Locales that write the month first (3/4/2024 is March 4).
MONTH_FIRST_LOCALES = ("en-us", "us", "en-ph", "fil")


class Shown(NamedTuple):
    """One shown date: an absolute UTC time, or ``back`` seconds before the fetch
    (then the time is floored to its precision); all None where unreadable."""

    at: datetime | None = None
    back: int | None = None
    precision: str | None = None


UNREADABLE = Shown()


def month_first(locale: str | None) -> bool:
    """True for locales that write numeric dates month first (en-US)."""
    return bool(locale) and locale.strip().lower().replace("_", "-").startswith(  # type: ignore[union-attr]
        MONTH_FIRST_LOCALES
    )


def date_order(locale: str | None) -> str | None:
    """MONTH_FIRST, DAY_FIRST, or None where no locale is declared."""
    if locale is None or not str(locale).strip():
        return None
    return MONTH_FIRST if month_first(locale) else DAY_FIRST


def day_first(separator: str, order: str | None) -> bool:
    """Whether D?M?YYYY with this separator reads day first: dots always; dashes unless
    the locale writes the month first; slashes only where the locale writes the day first
    (without a locale, slashes are month first, as in US exports)."""
    if separator == ".":
        return True
    if separator == "-":
        return order != MONTH_FIRST
    return order == DAY_FIRST


def _one_of(words) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


# Where a date starts: a digit, a month's name or a weekday's ("Written March 5, 2024").
_DATE_STARTS = rf"(?=\d|(?:{_one_of(MONTHS)}|{_one_of(WEEKDAYS)})\b)"
_WORDING = re.compile(
    rf"^(?:{_one_of(VERBS)}(?:\b.*?\s{_one_of(BEFORE_DATE)}\s+{_DATE_STARTS}|\s*:\s*"
    rf"|\s+{_DATE_STARTS})"
    rf"|{_one_of(LABELS)}(?:\s+[^\s\d:]+){{0,3}}\s*:\s*"  # "Data opinii: 3 marca 2024"
    rf"|{_one_of(BY)}\s+\S.*?\s(?:am|on|le|el|il)\s+"
    rf"|{_one_of([*BEFORE_DATE, 'the'])}\s+{_DATE_STARTS})"
)
# Parts of a line set apart by a bullet: "Verreist als Paar • Juli 2024" (a trip, then its month).
_PARTS = re.compile(r"\s+[•·|]\s+")
_WEEKDAY = re.compile(rf"^{_one_of(WEEKDAYS)}\.?,?\s+")
# Around a Japanese, Chinese or Korean date: "投稿日：" before it, "に日本でレビュー済み" after.
_CJK_WORDING = re.compile(
    rf"^{_one_of(CJK_BEFORE)}\s*[:：]?\s*(?=\d)"
    rf"|(?<=[\d{CJK_DAY}{CJK_MONTH}]){re.escape(REVIEWED_IN[0])}\D{{1,20}}?{re.escape(REVIEWED_IN[1])}$"
    rf"|(?<=[\d{CJK_DAY}{CJK_MONTH}]){_one_of(CJK_AFTER)}$"
)

# A clock: "17:21", "03:48 pm", "um 17:21 Uhr", "21:41:08 GMT", "10h30", "17.21 Uhr",
# "o 14:30" (pl), "в 14:30" (ru), "오후 2:30" (ko), "午後2:30" (ja).
_HALF = _one_of(HALF_BEFORE)
_CLOCK = (
    rf"(?:(?:[,\s]+(?:{_one_of(BEFORE_CLOCK)}\s+)?|(?={_HALF}))(?:(?P<pre>{_HALF})\s*)?|t)"
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?\s*"
    r"(?P<half>[ap]\.?\s?m\.?|uhr|h)?\s*(?P<tz>z|utc|gmt|[+-]\d{2}:?\d{2})?"
)
_NUMERIC = re.compile(
    rf"^(?P<a>\d{{1,2}})(?P<sep>[./-])\s?(?P<b>\d{{1,2}})[./-]\s?(?P<y>\d{{4}}|\d{{2}})(?:{_CLOCK})?$"
)
# Year first, also with each part ending in a dot ("2025. 03. 03.", hu, ko).
_YEAR_FIRST = re.compile(
    rf"^(?P<y>\d{{4}})[./-]\s?(?P<m>\d{{1,2}})[./-]\s?(?P<d>\d{{1,2}})\.?(?:{_CLOCK})?$"
)
# "2025. március 3.", "2025. márc. 3. 14:22" (hu).
_YEAR_MONTH_DAY = re.compile(rf"^(?P<y>\d{{4}})\.?\s*{MONTH}\s*(?P<d>\d{{1,2}})\.?(?:{_CLOCK})?$")
# The word for "year" after it: "11 lutego 2025 r.", "5 марта 2024 г.".
_YEAR_WORD = rf"(?:\s+{_one_of(YEAR_WORDS)}\.?)?"
_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?{MONTH},?\s*(?:de\s+)?(?P<y>\d{{4}})"
    rf"{_YEAR_WORD}(?:{_CLOCK})?$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(?P<y>\d{{4}})(?:{_CLOCK})?$"
)
_MONTH_YEAR = re.compile(rf"^{MONTH},?\s*(?:de\s+)?(?P<y>\d{{4}}){_YEAR_WORD}$")
_YEAR_MONTH = re.compile(rf"^(?P<y>\d{{4}})\.?\s*{MONTH}$")  # "2025. március" (hu)
_NUMERIC_MONTH_YEAR = re.compile(r"^(?P<m>\d{1,2})[/.](?P<y>\d{4})$")
# "2024年3月3日", "2024年3月3日(日) 14:30", "2024년 3월 3일 오후 2:30", "2024年3月" (a month).
_CJK_DATE = re.compile(
    rf"^(?P<y>\d{{4}})\s*[{CJK_YEAR}]\s*(?P<m>\d{{1,2}})\s*[{CJK_MONTH}]"
    rf"(?:\s*(?P<d>\d{{1,2}})\s*[{CJK_DAY}](?:\s*[(（][{CJK_WEEKDAYS}][)）])?)?(?:{_CLOCK})?$"
)

_RELATIVE = tuple(
    re.compile(p)
    for p in (
        rf"^(?:about\s+|etwa\s+|ca\.\s+)?{NUMBER}\s+{UNIT}\s+ago$",
        rf"^(?:vor|before)\s+(?:etwa\s+|about\s+|ca\.\s+)?{NUMBER}\s+{UNIT}$",
        rf"^il\s+y\s+a\s+(?:environ\s+)?{NUMBER}\s+{UNIT}$",
        rf"^hace\s+(?:unos?\s+|unas?\s+)?{NUMBER}\s+{UNIT}$",
        rf"^{NUMBER}\s+{UNIT}\s+{_one_of(AGO_AFTER)}$",
        rf"^{ONE_UNIT}\s+{_one_of(AGO_AFTER)}$",  # "tydzień temu", "неделю назад": a week ago
        rf"^{_one_of(AGO_BEFORE)}\s+(?:cerca\s+de\s+)?{NUMBER}\s+{UNIT}$",  # "há 3 dias"
        rf"^{_one_of(AGO_BEFORE)}\s+{ONE_UNIT}(?:\s+{_one_of(DURATION_AFTER)})?$",  # "před týdnem"
        *(rf"^{a}\s+(?:ca\.?\s+|cirka\s+)?{NUMBER}\s+{UNIT}\s+{b}$" for a, b in AGO_AROUND.items()),
        rf"^{NUMBER}\s+(?P<unit>{_one_of(AGO_UNITS)})$",  # "3 napja" (hu)
        rf"^(?P<n>\d{{1,4}})\s*(?P<unit>{_one_of(CJK_UNITS)})\s*{_one_of(CJK_AGO)}$",  # "3日前"
        # "in the last week", eBay's "Past month", "Past 6 months": as far back as that
        r"^(?:in\s+the\s+last|within\s+the\s+last|past|au\s+cours\s+de\s+la\s+dernière|"
        rf"in\s+der\s+letzten|en\s+la\s+última)\s+(?:{NUMBER}\s+)?{UNIT}$",
    )
)


def normalised(text: object) -> str:
    """Lower case, one space between words, no surrounding dots or commas."""
    s = str(text).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(s.split()).lower().strip(" .,")


def strip_wording(text: object) -> str:
    """``text`` normalised, without the wording around its date and without a weekday
    ("il y a 2 mois" is a date, not wording); of a line in parts ("Verreist als Paar • Juli
    2024"), its first part that is a date."""
    s = normalised(text)
    if _relative(s).precision:
        return s
    parts = _PARTS.split(s)
    if len(parts) > 1:
        rests = [_without_wording(part) for part in parts]
        return next((rest for rest in rests if read_words(rest).precision), _without_wording(s))
    return _without_wording(s)


def _without_wording(s: str) -> str:
    s = _WORDING.sub("", s, count=1).strip(" .,")
    s = _WEEKDAY.sub("", s, count=1).strip(" .,")
    return _CJK_WORDING.sub("", s).strip(" .,")


def _utc(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime | None:
    try:
        return datetime(y, m, d, hh, mm, ss, tzinfo=UTC)
    except ValueError:
        return None


def _at(y: int, m: int, d: int, match: re.Match) -> Shown:
    """The day, with the match's clock (and its zone) where it shows one."""
    parts = match.groupdict()
    if parts.get("hh") is None:
        at = _utc(y, m, d)
        return Shown(at, None, "day") if at else UNREADABLE
    h, minute, second = int(parts["hh"]), int(parts["mm"]), int(parts["ss"] or 0)
    half = (parts["half"] or "").replace(".", "").replace(" ", "")
    half = HALF_BEFORE.get(parts.get("pre") or "", half)  # "오후 2:30", "午後2:30"
    if half in ("am", "pm") and not 1 <= h <= 12:
        return UNREADABLE
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    at = _utc(y, m, d, h, minute, second) if h < 24 and minute < 60 and second < 60 else None
    if at is None:
        return UNREADABLE
    tz = parts["tz"] or ""
    if tz[:1] in ("+", "-"):
        digits = tz[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))
        at = at - offset if tz[0] == "+" else at + offset
    return Shown(at, None, "second")


def _numeric(m: re.Match, order: str | None) -> Shown:
    first, second = int(m.group("a")), int(m.group("b"))
    if day_first(m.group("sep"), order):
        day, month = (first, second) if second <= 12 or first > 12 else (second, first)
    else:
        month, day = (first, second) if first <= 12 or second > 12 else (second, first)
    y = int(m.group("y"))
    return _at(y + 2000 if y < 100 else y, month, day, m)


def _relative(s: str) -> Shown:
    if s in DAYS_AGO:
        return Shown(None, DAYS_AGO[s] * 86_400, "day")
    for pattern in _RELATIVE:
        m = pattern.match(s)
        if m:
            n_text = m.groupdict().get("n") or "1"
            n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
            unit = m.group("unit")
            precision, seconds = UNITS[unit] if unit in UNITS else AGO_UNITS[unit]
            return Shown(None, n * seconds, precision)
    return UNREADABLE


def read_words(text: str, order: str | None = None) -> Shown:
    """One shown date that is no machine form (``text`` as ``strip_wording`` left it).
    Never raises."""
    s = normalised(text)
    found = _relative(s)
    if found.precision:
        return found
    m = _NUMERIC.match(s)
    if m:
        return _numeric(m, order)
    m = _YEAR_FIRST.match(s)
    if m:
        return _at(int(m.group("y")), int(m.group("m")), int(m.group("d")), m)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_MONTH_DAY):
        m = pattern.match(s)
        if m:
            return _at(int(m.group("y")), MONTHS[m.group("mon")], int(m.group("d")), m)
    m = _CJK_DATE.match(s)
    if m and m.group("d"):
        return _at(int(m.group("y")), int(m.group("m")), int(m.group("d")), m)
    if m and m.group("hh") is None:
        at = _utc(int(m.group("y")), int(m.group("m")), 1)
        return Shown(at, None, "month") if at else UNREADABLE
    m = _MONTH_YEAR.match(s) or _YEAR_MONTH.match(s)
    if m:
        at = _utc(int(m.group("y")), MONTHS[m.group("mon")], 1)
        return Shown(at, None, "month") if at else UNREADABLE
    m = _NUMERIC_MONTH_YEAR.match(s)
    if m:
        at = _utc(int(m.group("y")), int(m.group("m")), 1)
        return Shown(at, None, "month") if at else UNREADABLE
    return UNREADABLE
