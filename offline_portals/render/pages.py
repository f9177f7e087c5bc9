"""Pages of the offline portals that are not review listings.

``/`` lists the portals; ``/<portal>/`` lists the companies on that portal
(what a crawler starting from a home page follows); ``/forum/search`` answers
with a results page although robots.txt forbids it, so a crawler that fetches
it anyway is recorded by the server.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from offline_portals.render.common import esc
from offline_portals.world import PORTALS, World, routes

# Home pages list at most this many companies: large worlds stay cheap to serve.
HOME_LIMIT = 500


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><h1>{esc(title)}</h1>
{body}
</body></html>"""


def render_other(world: World, path: str) -> str | None:
    parts = urlsplit(path)
    p = parts.path
    if p in ("", "/"):
        links = "".join(
            f'<li><a href="/{esc(portal)}/">{esc(portal)}</a></li>' for portal in PORTALS
        )
        return _page("Offline-Bewertungsportale", f"<ul>{links}</ul>")
    if p == "/forum/search":
        query = parse_qs(parts.query).get("q", [""])[0]
        return _page(
            f"Suche: {query}",
            f'<p class="search-results">Keine Ergebnisse für „{esc(query)}“.</p>',
        )
    portal = p.strip("/")
    if portal in PORTALS and p.endswith("/"):
        links = []
        for company in world.companies():
            pid = company.portal_ids.get(portal)
            if pid is None:
                continue
            name = company.portal_names.get(portal, company.name)
            href = routes.company_path(portal, pid)
            links.append(f'<li><a class="company" href="{esc(href)}">{esc(name)}</a></li>')
            if len(links) >= HOME_LIMIT:
                break
        return _page(f"{portal}: Unternehmen", f'<ul class="companies">{"".join(links)}</ul>')
    return None
