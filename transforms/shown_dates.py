"""Dates as real pages show them -> a UTC timestamp and its precision.

Pure functions, one text at a time (``transforms.dates`` calls them once per
distinct text it cannot read itself):

* wording around the date: "Reviewed in Germany on 3 March 2024", "Revisado en
  España el 25 de agosto de 2017", "Rezension aus Deutschland vom 3. März 2024",
  "Commenté en France le 3 mars 2024", "von lupa am 26/10/13, 03:48 pm";
* month names in English, German, French, Spanish, Italian, Dutch, Portuguese;
  "Oktober 2025" (month precision);
* numeric dates whose order the page's locale decides: 3/4/2024 is 4 March in
  en-US and 3 April in de, fr, en-GB (a day over 12 decides by itself);
* ISO 8601 with "+0200" or " UTC" offsets, epoch seconds and milliseconds;
* relative dates against ``fetched_at``: "a week ago", "vor 3 Tagen", "il y a
  2 mois", "hace 3 días", "yesterday", "in the last week".

``parse_shown_date(text, locale, fetched_at) -> (timestamp | None, precision | None)``;
precision is "second", "day" or "month". Never raises.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta


def _each(words: str, value: object) -> dict:
    return dict.fromkeys(words.split(), value)


_MONTHS = {
    1: "january jan januar jänner jän janvier janv enero ene gennaio gen januari janeiro",
    2: "february feb februar feber février fevrier févr fevr febrero febbraio februari "
    "fevereiro fev",
    3: "march mar märz maerz mär mrz mars marzo maart março",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maggio mei maio",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet juil julio luglio julho",
    8: "august aug août aout agosto ago augustus",
    9: "september sep sept septembre septiembre setiembre settembre set setembro",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro",
}
MONTHS = {word: n for n, words in _MONTHS.items() for word in words.split()}
_MONTH = "(?P<mon>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
# Locales that write the month first (3/4/2024 is March 4).
MONTH_FIRST = ("en-us", "en_us", "us", "en-ph", "fil", "en-ca-us")

_WORDING = re.compile(
    r"^(?:reviewed|rated|posted|published|written|commented|revisado|valorado|publicado|"
    r"rezension|bewertet|geschrieben|veröffentlicht|commenté|évalué|publié|recensito|"
    r"recensione|beoordeeld|avaliado)\b.*?\b(?:on|el|am|vom|le|il|op|em|au|:)\s+"
    r"|^(?:von|by|par|por|di)\s+.+?\s+(?:am|on|le|el|il)\s+"
    r"|^(?:am|on|le|el|il|den|the)\s+",
    re.I,
)
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(z|utc|gmt|[+-]\d{2}:?\d{2}|[+-]\d{2})?$",
    re.I,
)
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_TIME = (
    r"(?:[,\s]+(?:um\s+|at\s+|à\s+|a\s+las\s+)?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(am|pm|uhr|h)?)?"
)
_NUMERIC = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})" + _TIME + r"$", re.I)
_DAY_MONTH_YEAR = re.compile(
    r"^(?P<d>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?"
    + _MONTH
    + r",?\s*(?:de\s+)?(?P<y>\d{4})"
    + _TIME
    + "$",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(
    r"^" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?,?\s+(?P<y>\d{4})" + _TIME + "$", re.I
)
_MONTH_YEAR = re.compile(r"^" + _MONTH + r",?\s+(?P<y>\d{4})$", re.I)

_NUMBER_WORDS = {
    **_each("a an one ein eine einem einer einen un une uno una um uma", 1),
    **_each("two zwei deux dos due twee dois", 2),
    **_each("three drei trois tres tre drie três", 3),
    **_each("four vier quatre cuatro quattro", 4),
    **_each("five fünf cinq cinco cinque vijf", 5),
    **_each("six sechs seis sei zes", 6),
}
_DAY, _WEEK, _MONTH_S, _YEAR_S = 86400, 7 * 86400, 30 * 86400, 365 * 86400
_UNITS = {
    **_each("second seconds sekunde sekunden seconde secondes segundo segundos", 1),
    **_each("minute minutes minuten minuto minutos min mins", 60),
    **_each("hour hours stunde stunden heure heures hora horas ora ore uur", 3600),
    **_each("day days tag tagen tage jour jours día días dia dias giorno giorni dag dagen", _DAY),
    **_each("week weeks woche wochen semaine semaines semana semanas settimana settimane", _WEEK),
    **_each("month months monat monaten monate mois mes meses mese mesi maand maanden", _MONTH_S),
    **_each("year years jahr jahren jahre an ans année années año años anno anni jaar", _YEAR_S),
}  # fmt: skip
_N = r"(?P<n>\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_U = r"(?P<u>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + ")"
_RELATIVE = (
    re.compile(rf"^(?:about\s+|etwa\s+|ca\.\s+)?{_N}\s+{_U}\s+ago$", re.I),
    re.compile(rf"^vor\s+(?:etwa\s+|ca\.\s+)?{_N}\s+{_U}$", re.I),
    re.compile(rf"^il\s+y\s+a\s+(?:environ\s+)?{_N}\s+{_U}$", re.I),
    re.compile(rf"^hace\s+(?:unos?\s+|unas?\s+)?{_N}\s+{_U}$", re.I),
    re.compile(rf"^{_N}\s+{_U}\s+fa$", re.I),
    re.compile(rf"^{_N}\s+{_U}\s+geleden$", re.I),
    re.compile(rf"^(?:in\s+the\s+last|within\s+the\s+last|au\s+cours\s+de\s+la\s+dernière|"
               rf"in\s+der\s+letzten|en\s+la\s+última)\s+(?P<u>{_U[5:]}$", re.I),
)  # fmt: skip
_DAYS_AGO = {
    **_each("today heute aujourd'hui hoy oggi vandaag hoje now", 0),
    "just now": 0,
    **_each("yesterday gestern hier ayer ieri gisteren ontem", 1),
    **dict.fromkeys(["vorgestern", "avant-hier", "anteayer"], 2),
}


def _utc(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime | None:
    try:
        return datetime(y, m, d, hh, mm, ss, tzinfo=UTC)
    except ValueError:
        return None


def _clock(hh: str | None, mm: str | None, half: str | None) -> tuple[int, int] | None:
    if hh is None:
        return None
    h, m = int(hh), int(mm or 0)
    half = (half or "").lower()
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    return (h, m) if h < 24 and m < 60 else None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def month_first(locale: str | None) -> bool:
    return bool(locale) and locale.lower().replace("_", "-").startswith(MONTH_FIRST)  # type: ignore[union-attr]


def _numeric(m: re.Match, locale: str | None) -> tuple[datetime | None, str | None]:
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:  # 2024/03/04
        y, mo, d = int(a), int(b), int(c)
    else:
        first, second = int(a), int(b)
        if first > 12 or (second <= 12 and not month_first(locale)):
            d, mo = first, second
        else:
            mo, d = first, second
        y = _year(c)
    clock = _clock(m.group(4), m.group(5), m.group(6))
    at = _utc(y, mo, d, *(clock or (0, 0)))
    return (at, "second" if clock else "day") if at else (None, None)


def _iso(m: re.Match) -> tuple[datetime | None, str | None]:
    y, mo, d, hh, mi, ss, tz = m.groups()
    at = _utc(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    if at is None:
        return None, None
    if tz and tz[0] in "+-":
        digits = tz[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        at = at - offset if tz[0] == "+" else at + offset
    return at, "second" if hh is not None else "day"


def _relative(text: str, fetched_at: datetime) -> tuple[datetime | None, str | None]:
    if text in _DAYS_AGO:
        day = fetched_at.replace(hour=0, minute=0, second=0, microsecond=0)
        return day - timedelta(days=_DAYS_AGO[text]), "day"
    for pattern in _RELATIVE:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        n_text = groups.get("n") or "1"
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text.lower()]
        seconds = _UNITS[m.group("u").lower()] * n
        at = fetched_at - timedelta(seconds=seconds)
        if seconds < 86400:
            return at.replace(microsecond=0), "second"
        if seconds >= 30 * 86400:
            return at.replace(day=1, hour=0, minute=0, second=0, microsecond=0), "month"
        return at.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    return None, None


def parse_shown_date(
    text: object, locale: str | None, fetched_at: datetime
) -> tuple[datetime | None, str | None]:
    """(UTC timestamp, precision) of one date as a page shows it, else (None, None)."""
    if isinstance(text, bool) or text is None:
        return None, None
    if isinstance(text, int | float):
        text = str(int(text))
    s = " ".join(str(text).replace("\u00a0", " ").replace("\u202f", " ").split()).strip(" .,")
    if not s:
        return None, None
    if _EPOCH.match(s):
        number = float(s)
        seconds = number / 1000 if len(s.split(".")[0]) >= 12 else number
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=0), "second"
        except (OverflowError, OSError, ValueError):
            return None, None
    low = s.lower()
    at, precision = _relative(low, fetched_at)
    if at is not None:
        return at, precision
    low = _WORDING.sub("", low, count=1).strip(" .,")
    m = _ISO.match(low)
    if m:
        return _iso(m)
    m = _NUMERIC.match(low)
    if m:
        return _numeric(m, locale)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.match(low)
        if m:
            clock = _clock(*m.groups()[-3:])
            found = _utc(
                int(m.group("y")), MONTHS[m.group("mon")], int(m.group("d")), *(clock or (0, 0))
            )
            return (found, "second" if clock else "day") if found else (None, None)
    m = _MONTH_YEAR.match(low)
    if m:
        return _utc(int(m.group("y")), MONTHS[m.group("mon")], 1), "month"
    return None, None


def shown_day(text: object, locale: str | None, fetched_at: datetime) -> date | None:
    """The calendar day of a shown date (for checks that only need the day)."""
    at, _ = parse_shown_date(text, locale, fetched_at)
    return at.date() if at else None
