"""URL paths of the offline portals: one function each way, shared by the
server (which answers them) and the companies config (which lists them)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

_PATTERNS: dict[str, tuple[str, re.Pattern[str]]] = {
    "trustpilot": ("/trustpilot/review/{id}", re.compile(r"^/trustpilot/review/([^/?]+)$")),
    "opinio": ("/opinio/bewertungen/{id}", re.compile(r"^/opinio/bewertungen/([^/?]+)$")),
    "kununu": ("/kununu/de/{id}/kommentare", re.compile(r"^/kununu/de/([^/?]+)/kommentare$")),
    "booking": ("/booking/hotel/de/{id}.html", re.compile(r"^/booking/hotel/de/([^/?]+)\.html$")),
    "forum": ("/forum/thread/{id}", re.compile(r"^/forum/thread/([^/?]+)$")),
}

# Paths the portals' robots.txt forbids; the forum links to its search from
# every thread page, so a crawler that ignores robots.txt would be caught.
DISALLOWED = ("/forum/search", "/trustpilot/users/", "/private/")


def company_path(portal: str, portal_company_id: str, page: int = 1) -> str:
    path = _PATTERNS[portal][0].format(id=portal_company_id)
    return path if page <= 1 else f"{path}?page={page}"


def match(url_or_path: str) -> tuple[str, str, int] | None:
    """(portal, portal_company_id, page) for a company listing URL, else None."""
    parts = urlsplit(url_or_path)
    for portal, (_, pattern) in _PATTERNS.items():
        m = pattern.match(parts.path)
        if m:
            page = parse_qs(parts.query).get("page", ["1"])[0]
            return portal, m.group(1), int(page) if page.isdigit() and int(page) > 0 else 1
    return None


def robots_txt() -> str:
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in DISALLOWED), ""]
    return "\n".join(lines)
