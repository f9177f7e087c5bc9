"""Date texts ``date_words.parse_date_text`` does not read yet: pure functions, no state.

- ``without_place_prefix``: "Reviewed in the United States on December 9, 2025" ->
  "December 9, 2025" (Amazon, and pages that say where a review was written);
- ``parse_numeric_forms``: numeric dates with a clock ("11/21/2023 21:41:08",
  "12.04.2020 17:02", "26/10/13, 03:48 pm"), year first with slashes ("2025/12/09"),
  day first with dashes or slashes ("21-10-2016", "21/10/2016") and RFC 2822
  ("Tue, 21 Nov 2023 21:41:08 GMT").

Both return what ``parse_date_text`` works with, so wiring them is two lines there
(``date_words.parse_date_text``). The clock of these forms is dropped: precision ``day``.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate

_PLACE_PREFIX = re.compile(
    r"^\s*(?:reviewed|rated|posted|written|bewertet|rezensiert|verfasst)\s+(?:in|aus)\s+"
    r".{1,80}?\s+(?:on|am)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_CLOCK = r"(?i:[ ,T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\.?)?)?\s*(?:Z|UTC|GMT)?"
_DMY_OR_MDY = re.compile(
    rf"^(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{2}}|\d{{4}}){_CLOCK}$"
)
_YMD = re.compile(rf"^(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){_CLOCK}$")


def without_place_prefix(text: str) -> str:
    """The date after a "reviewed in <place> on" prefix, or ``text`` as it was."""
    m = _PLACE_PREFIX.match(str(text))
    return m.group("rest").strip() if m else text


def _day(y: int, m: int, d: int) -> tuple | None:
    try:
        date(y, m, d)
    except ValueError:
        return None
    return ("abs", y, m, d, "day")


def parse_numeric_forms(text: str) -> tuple | None:
    """``("abs", y, m, d, "day")`` for the forms above, else None. Never raises."""
    s = " ".join(str(text).split())
    m = _YMD.match(s)
    if m:
        return _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    m = _DMY_OR_MDY.match(s)
    if m:
        a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
        y = int(m.group("y"))
        y = y + 2000 if y < 100 else y
        # Dots and dashes are day first; slashes are month first unless the first part
        # cannot be a month ("21/10/2016").
        if sep in ".-" or a > 12:
            return _day(y, b, a)
        return _day(y, a, b)
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", s):
        parsed = parsedate(s)
        if parsed:
            return _day(parsed[0], parsed[1], parsed[2])
    return None
