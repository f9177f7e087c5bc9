"""The offline portals' markup: escaping, links a crawler meets, home pages."""

from __future__ import annotations

import dataclasses
import hashlib
import re

import pytest

from offline_portals import render
from offline_portals.render import FAMILY_OF_PORTAL, render_other
from offline_portals.world import routes
from spiders.pages import parse_page
from tests.spiders.pages import regen

NASTY = 'Böse </script><script>alert("x")</script> & <b>fett</b> "zitiert" \' ]]> \\u2028'


@pytest.mark.parametrize("portal", list(FAMILY_OF_PORTAL))
def test_text_that_looks_like_markup_is_escaped_and_reads_back_as_written(portal: str) -> None:
    w = regen.world()
    company = next(c for c in w.companies() if portal in c.portal_ids)
    reviews = w.reviews(portal, company)[:3]
    nasty = [dataclasses.replace(r, text=NASTY, title=NASTY, author_name=NASTY) for r in reviews]
    if portal == "booking":
        nasty = [dataclasses.replace(r, pros=NASTY) for r in nasty]
    ctx = render.PageContext(
        world=w,
        portal=portal,
        company=company,
        reviews=nasty,
        page=1,
        total_pages=1,
        total_reviews=3,
        aggregate=w.aggregate(portal, company),
        scale=w.scale(portal, company),
        now=regen.NOW,
    )
    html = render.render_listing(ctx)
    assert "<script>alert" not in html
    url = regen.BASE + routes.company_path(portal, company.portal_ids[portal])
    body = html.encode()
    result = parse_page(
        FAMILY_OF_PORTAL[portal],
        body,
        url,
        portal=portal,
        fetched_at=regen.FETCHED_AT,
        response_sha256=hashlib.sha256(body).hexdigest(),
    )
    posts = [i for i in result.items if i.kind != "aggregate"]
    assert [p.review_id for p in posts] == [r.review_id for r in reviews]
    expected = " ".join(NASTY.split())  # HTML text is read with whitespace collapsed
    assert all(p.text in (NASTY, expected) for p in posts)
    if portal != "kununu":  # kununu reviews are anonymous
        assert all(p.author_name in (NASTY, expected) for p in posts)


def test_forum_threads_link_to_the_search_robots_txt_forbids() -> None:
    w = regen.world()
    for company_id in ("kaffee-partner", "eichen-handel-8"):  # blog and topic layouts
        _, html = regen.render_page(w, "forum", company_id)
        links = re.findall(r'href="(/forum/search\?q=[^"]+)"', html)
        assert links and all(any(link.startswith(d) for d in routes.DISALLOWED) for link in links)


def test_home_pages_link_to_every_portals_company_pages() -> None:
    w = regen.world()
    home = render_other(w, "/")
    for portal in FAMILY_OF_PORTAL:
        assert f'href="/{portal}/"' in home
        page = render_other(w, f"/{portal}/")
        hrefs = re.findall(r'class="company" href="([^"]+)"', page)
        expected = [
            routes.company_path(portal, c.portal_ids[portal])
            for c in w.companies()
            if portal in c.portal_ids
        ]
        assert [h.replace("&amp;", "&") for h in hrefs] == expected
        assert all(routes.match(h) is not None for h in hrefs)
    assert "kaffee" in render_other(w, "/forum/search?q=kaffee")
    assert render_other(w, "/no/such/page") is None
