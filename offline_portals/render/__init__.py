"""Page markup of the offline portals, one module per portal family.

Each family module has ``render(ctx: PageContext) -> str`` for a company's
review listing page. The markup imitates what real portals of that family
serve today, quirks included, because the spiders are tested against it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime

from offline_portals.world import Company, Review, World

FAMILY_OF_PORTAL = {
    "trustpilot": "trustpilot",
    "opinio": "schema_org",
    "kununu": "kununu",
    "booking": "booking",
    "forum": "forum",
}


@dataclass(frozen=True)
class PageContext:
    world: World
    portal: str
    company: Company
    reviews: list[Review]  # this page's reviews, newest first
    page: int
    total_pages: int
    total_reviews: int
    aggregate: tuple[float, int]  # the portal's displayed score and review count
    scale: tuple[float, float]  # the company's rating scale on this portal
    now: datetime  # the request time, for relative dates ("vor 3 Tagen")

    def page_path(self, page: int) -> str:
        from offline_portals import routes

        return routes.company_path(self.portal, self.company.portal_ids[self.portal], page)


def render_listing(ctx: PageContext) -> str:
    family = FAMILY_OF_PORTAL[ctx.portal]
    module = importlib.import_module(f"offline_portals.render.{family}")
    return module.render(ctx)


def render_other(world: World, path: str) -> str | None:
    """Pages that are not review listings (the portals' home pages, forum search)."""
    from offline_portals.render import pages

    return pages.render_other(world, path)
