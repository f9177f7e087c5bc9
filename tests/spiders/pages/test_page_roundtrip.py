"""Render every page of a few companies, parse them back, compare with the world.

This is what the end-to-end crawl relies on: following ``next_url`` from the
first page reaches every review exactly once, with the world's ids, ratings
and kinds, and the aggregate shows the world's score and count.
"""

from __future__ import annotations

import hashlib

import pytest

from offline_portals.render import FAMILY_OF_PORTAL
from offline_portals.render.booking import uses_timestamps
from offline_portals.render.forum import is_blog
from offline_portals.render.schema_org import syntax_of
from offline_portals.world import routes
from spiders.pages import parse_page
from spiders.pages.base import to_float
from tests.spiders.pages import regen

WORLD = regen.world()


def _companies(portal: str) -> list[str]:
    """A few companies per portal, covering every markup variant of the family."""
    with_portal = [c for c in WORLD.companies() if portal in c.portal_ids]
    chosen = {c.company_id for c in with_portal[:3]}
    variants = {
        "opinio": lambda c: (syntax_of(c.company_id), c.scale_variant),
        "booking": lambda c: uses_timestamps(c.company_id),
        "forum": lambda c: is_blog(c.company_id),
    }.get(portal)
    if variants:
        seen: set = set()
        for c in with_portal:
            key = variants(c)
            if key not in seen:
                seen.add(key)
                chosen.add(c.company_id)
    return sorted(chosen)


CASES = [(p, cid) for p in FAMILY_OF_PORTAL for cid in _companies(p)]


def _crawl(portal: str, company_id: str) -> tuple[list, list]:
    family = FAMILY_OF_PORTAL[portal]
    url, _ = regen.render_page(WORLD, portal, company_id)
    items, pages = [], []
    while url:
        _, _, page = routes.match(url)
        url_rendered, html = regen.render_page(WORLD, portal, company_id, page)
        assert url_rendered.split("?")[0] == url.split("?")[0]
        body = html.encode()
        result = parse_page(
            family,
            body,
            url,
            portal=portal,
            fetched_at=regen.FETCHED_AT,
            response_sha256=hashlib.sha256(body).hexdigest(),
        )
        assert result.problems == [], result.problems
        items.extend(result.items)
        pages.append(page)
        url = result.next_url
        assert len(pages) < 100
    return items, pages


@pytest.mark.parametrize(("portal", "company_id"), CASES, ids=lambda v: str(v))
def test_all_pages_parse_back_to_the_world(portal: str, company_id: str) -> None:
    company = WORLD.company(WORLD.company_index[company_id])
    world_reviews = WORLD.reviews(portal, company)
    items, pages = _crawl(portal, company_id)
    assert pages == list(range(1, regen.last_page(WORLD, portal, company_id) + 1))
    reviews = [i for i in items if i.kind != "aggregate"]
    assert [(r.review_id, r.kind, to_float(r.rating_value)) for r in reviews] == [
        (w.review_id, w.kind, w.rating) for w in world_reviews
    ]
    (aggregate,) = [i for i in items if i.kind == "aggregate"]
    score, count = WORLD.aggregate(portal, company)
    assert (to_float(aggregate.rating_value), aggregate.review_count) == (score, count)
    lo, hi = WORLD.scale(portal, company)
    rated = [r for r in reviews if r.kind == "review"]
    assert {(to_float(r.rating_worst), to_float(r.rating_best)) for r in rated} <= {(lo, hi)}
    assert all(i.portal == portal and i.spider == FAMILY_OF_PORTAL[portal] for i in items)
    assert all(i.portal_company_id == company.portal_ids[portal] for i in items)
    by_id = {w.review_id: w for w in world_reviews}
    for r in reviews:
        w = by_id[r.review_id]
        assert (r.reply_text is not None) == (w.reply_text is not None), r.review_id
        if portal not in ("booking",):  # booking shows the liked part as text
            assert r.text == w.text
        if portal in ("kununu", "booking"):
            assert {k: to_float(v) for k, v in r.sub_ratings.items()} == w.sub_ratings
            assert (r.pros, r.cons) == (w.pros, w.cons)
        if portal == "kununu":
            assert r.extra["reviewer_type"] == w.reviewer_type
        if portal == "booking":
            assert r.extra["traveller_type"] == w.traveller_type
        if portal == "trustpilot":
            assert (r.author_id, r.author_review_count, r.verified) == (
                w.author_id,
                w.author_review_count,
                w.verified,
            )
