"""Incremental crawls: an unchanged portal costs one listing page per company;
when new reviews appear, they are fetched and old pages are not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from offline_portals.world import PAGE_SIZES, World, routes
from spiders.run import crawl
from spiders.state import CrawlState
from tests.spiders.spider_helpers import ANCHOR, portal_env, present_portals

pytestmark = pytest.mark.slow

EARLIER = datetime(2026, 10, 24, 23, 59, 59, tzinfo=UTC)


def _review_ids(items: list[dict]) -> set[str]:
    return {i["review_id"] for i in items if i["kind"] != "aggregate"}


def test_unchanged_portals_cost_one_page_per_company_and_new_reviews_arrive(tmp_path, monkeypatch):
    world = World(companies=8, reviews_per_company=40, anchor=ANCHOR, as_of=EARLIER)
    portals = present_portals()
    listings = {
        (p, c.portal_ids[p]) for c in world.companies() for p in portals if p in c.portal_ids
    }
    day1, day2, day3 = date(2026, 10, 24), date(2026, 10, 25), date(2026, 11, 23)
    with portal_env(tmp_path, monkeypatch, world) as env:
        first = crawl(env.settings, run_date=day1, portals=portals, fast=True)
        assert first.ok, first.summary()
        first_pages = sum(r.pages for r in first.portals.values())
        assert first_pages > len(listings)  # some companies have several pages

        env.control(reset_stats=1)
        second = crawl(env.settings, run_date=day2, portals=portals, fast=True)
        requests = env.stats()["requests"]
        assert second.ok, second.summary()
        listing_requests = {p: n for p, n in requests.items() if p != "/robots.txt"}
        assert listing_requests == {routes.company_path(portal, pid): 1 for portal, pid in listings}
        with_reviews = [
            1
            for c in world.companies()
            for p in portals
            if p in c.portal_ids and world.reviews(p, c)
        ]
        assert sum(r.stopped_early for r in second.portals.values()) == len(with_reviews)

        # Re-crawling day 2 does not trust day 2's own state: the same pages, the same file.
        day2_ids = {p: _review_ids(env.items(p, day2)) for p in portals}
        again = crawl(env.settings, run_date=day2, portals=portals, fast=True)
        assert sum(r.pages for r in again.portals.values()) == len(listings)
        assert {p: _review_ids(env.items(p, day2)) for p in portals} == day2_ids

        # A month later on the portals' clock: new reviews have appeared.
        env.control(as_of=ANCHOR.isoformat() + "T23:59:59")
        env.control(reset_stats=1)
        third = crawl(env.settings, run_date=day3, portals=portals, fast=True)
        assert third.ok, third.summary()
        third_pages = sum(r.pages for r in third.portals.values())

    assert third_pages < first_pages
    for portal in portals:
        before = _review_ids(env.items(portal, day1))
        now = _review_ids(env.items(portal, day3))
        appeared = [
            r
            for c in world.companies()
            if portal in c.portal_ids
            for r in world.reviews(portal, c)
            if r.published_at > EARLIER
        ]
        assert len(now - before) == len(appeared), portal
        # Old reviews come back only from the page where the new ones ended.
        companies_with_listing = sum(1 for c in world.companies() if portal in c.portal_ids)
        assert len(now & before) <= PAGE_SIZES[portal] * companies_with_listing, portal
        assert len(now & before) < len(before), portal
    # The state remembers the newest reviews per listing and run date.
    state = CrawlState(env.settings.state_dir)
    portal, pid = sorted(listings)[0]
    assert state.known(portal, pid, before=day3 + timedelta(days=1))
