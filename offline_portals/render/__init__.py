"""Page markup of the offline portals, one module per portal family.

Each family module has ``render(ctx: PageContext) -> str`` for a company's
review listing page. The markup imitates what real portals of that family
serve today, quirks included, because the spiders are tested against it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime

from offline_portals.world import PAGE_SIZES, Company, Review, World, routes

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
        return routes.company_path(self.portal, self.company.portal_ids[self.portal], page)


def render_page(world: World, path: str, now: datetime) -> str | None:
    """The page the portals answer for ``path`` (a company's listing page or another
    page), as of ``now`` (relative dates); None where they answer 404."""
    m = routes.match(path)
    if m is None:
        return render_other(world, path)
    portal, pid, page = m
    company = world.by_portal_id(portal, pid)
    if company is None:
        return None
    reviews = world.reviews(portal, company)
    size = PAGE_SIZES[portal]
    total_pages = max(1, -(-len(reviews) // size))
    if page > total_pages:
        return None
    ctx = PageContext(
        world=world,
        portal=portal,
        company=company,
        reviews=reviews[(page - 1) * size : page * size],
        page=page,
        total_pages=total_pages,
        total_reviews=len(reviews),
        aggregate=world.aggregate(portal, company),
        scale=world.scale(portal, company),
        now=now,
    )
    return render_listing(ctx)


def render_listing(ctx: PageContext) -> str:
    family = FAMILY_OF_PORTAL[ctx.portal]
    module = importlib.import_module(f"offline_portals.render.{family}")
    return module.render(ctx)


def render_other(world: World, path: str) -> str | None:
    """Pages that are not review listings (the portals' home pages, forum search)."""
    from offline_portals.render import pages

    return pages.render_other(world, path)
