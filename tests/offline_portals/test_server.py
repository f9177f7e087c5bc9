"""The offline portals over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime

import pytest

from offline_portals.server import Faults, running
from offline_portals.world import World, routes

ANCHOR = date(2026, 11, 23)


def _get(url: str, method: str = "GET") -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def world() -> World:
    return World(companies=8, reviews_per_company=40, anchor=ANCHOR)


def test_robots_txt_forbids_paths(world):
    with running(world, faults=Faults(0, 0)) as server:
        status, _, body = _get(server.url + "/robots.txt")
    assert status == 200
    assert "Disallow: /forum/search" in body.decode()


def test_listing_pages_paginate_and_unknown_pages_are_404(world):
    company = world.company(0)
    with running(world, faults=Faults(0, 0)) as server:
        for portal, pid in company.portal_ids.items():
            status, headers, body = _get(server.url + routes.company_path(portal, pid))
            assert status == 200, portal
            assert headers["Content-Type"].startswith("text/html")
            assert body
        status, _, _ = _get(server.url + routes.company_path("trustpilot", "no-such-company"))
        assert status == 404
        status, _, _ = _get(
            server.url + routes.company_path("trustpilot", "kaffee-partner.de", page=999)
        )
        assert status == 404


def test_faults_answer_429_with_retry_after_then_succeed(world):
    company = world.company(0)
    path = routes.company_path("trustpilot", company.portal_ids["trustpilot"])
    with running(world, faults=Faults(rate_429=1.0, rate_503=0, retry_after=2)) as server:
        status, headers, _ = _get(server.url + path)
        assert (status, headers["Retry-After"]) == (429, "2")
        assert _get(server.url + path)[0] == 200  # the retry gets through
    with running(world, faults=Faults(rate_429=0, rate_503=1.0)) as server:
        assert _get(server.url + path)[0] == 503


def test_stats_count_requests_and_disallowed_hits(world):
    with running(world, faults=Faults(0, 0)) as server:
        _get(server.url + "/forum/search?q=kaffee")
        _get(server.url + "/robots.txt")
        stats = json.loads(_get(server.url + "/_stats")[2])
        assert stats["disallowed_hits"] == ["/forum/search?q=kaffee"]
        assert stats["requests"]["/robots.txt"] == 1
        _get(server.url + "/_control?reset_stats=1", method="POST")
        assert json.loads(_get(server.url + "/_stats")[2])["requests"] == {}


def test_moving_the_clock_makes_new_reviews_appear():
    world = World(companies=6, anchor=ANCHOR, as_of=datetime(2026, 10, 1, tzinfo=UTC))
    kp = world.company(0)
    before = len(world.reviews("trustpilot", kp))
    with running(world, faults=Faults(0, 0)) as server:
        status, _, _ = _get(server.url + "/_control?as_of=2026-11-23T23:00:00", method="POST")
        assert status == 200
        truth = json.loads(_get(server.url + "/_truth")[2])
    assert len(world.reviews("trustpilot", kp)) > before
    assert {"kaffee-partner", "schnellkauf24"} <= {e["company_id"] for e in truth}


class _CountingWorld(World):
    """Counts passes over all companies (what building a lookup index costs)."""

    passes = 0

    def companies(self):
        type(self).passes += 1
        return super().companies()


def test_concurrent_first_requests_do_not_each_index_the_world():
    # At 100,000 companies one index build takes seconds; built by every request
    # thread at once, the first requests queued past the crawler's timeout.
    world = _CountingWorld(companies=400, reviews_per_company=5, anchor=ANCHOR)
    company = world.company(50)
    portal, pid = next(iter(company.portal_ids.items()))
    url_path = routes.company_path(portal, pid, 1)
    with running(world, faults=Faults(0, 0)) as server:
        built = _CountingWorld.passes
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda _: _get(server.url + url_path)[0], range(32)))
    assert statuses == [200] * 32
    assert built == 2  # the company and portal-id lookups, once each, before serving
    assert _CountingWorld.passes == built
