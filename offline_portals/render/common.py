"""Small helpers the portal renderers share: escaping, German dates and numbers."""

from __future__ import annotations

import hashlib
import html
import json
from datetime import date, datetime

from offline_portals.world import MONTHS_DE


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_script(obj: object) -> str:
    """JSON safe inside a <script> element, as Next.js writes __NEXT_DATA__:
    "</script" would end the element early and "<!--" changes how it is read."""
    return json.dumps(obj, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def variant(key: str, n: int) -> int:
    """A stable choice among n markup variants for one company."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big") % n


def iso_z(ts: datetime, ms: bool = False) -> str:
    text = ts.strftime("%Y-%m-%dT%H:%M:%S")
    return text + (".000Z" if ms else "Z")


def de_date(d: date) -> str:
    return f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"


def de_month(d: date) -> str:
    return f"{MONTHS_DE[d.month - 1]} {d.year}"


def de_num(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def de_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def relative_de(ts: datetime, now: datetime) -> str:
    """How German forums show recent posts; older ones get an absolute date."""
    seconds = (now - ts).total_seconds()
    days = (now.date() - ts.date()).days
    if seconds < 3600:
        minutes = max(1, int(seconds // 60))
        return "vor 1 Minute" if minutes == 1 else f"vor {minutes} Minuten"
    if days == 0:
        hours = int(seconds // 3600)
        return "vor 1 Stunde" if hours == 1 else f"vor {hours} Stunden"
    if days == 1:
        return "gestern"
    if days < 7:
        return f"vor {days} Tagen"
    if days < 28:
        weeks = days // 7
        return "vor 1 Woche" if weeks == 1 else f"vor {weeks} Wochen"
    return de_date(ts.date())
