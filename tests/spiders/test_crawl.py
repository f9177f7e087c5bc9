"""End-to-end crawls of the offline portals: every item the world serves arrives,
once, in the raw contract; 429/503 answers are waited out and retried."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from core.contracts.raw_items import RAW_FIELDS
from offline_portals.server import Faults
from spiders.run import crawl
from tests.spiders.spider_helpers import RUN_DATE, kinds_match, portal_env, present_portals

pytestmark = pytest.mark.slow


def test_crawl_of_every_present_family_brings_every_item_once(tmp_path, monkeypatch, world):
    portals = present_portals()
    assert "trustpilot" in portals
    with portal_env(tmp_path, monkeypatch, world, faults=Faults(0.05, 0.03)) as env:
        report = crawl(env.settings, run_date=RUN_DATE, portals=portals, fast=True)
        stats = env.stats()

    assert report.ok, report.summary()
    assert sorted(report.portals) == sorted(portals)
    for portal in portals:
        items = env.items(portal)
        expected = env.expected(portal)
        assert kinds_match(items, expected, portal), (portal, Counter(i["kind"] for i in items))
        assert report.portals[portal].items == dict(Counter(i["kind"] for i in items)), portal
        assert all(list(i) == list(RAW_FIELDS) for i in items)
        assert all(i["portal"] == portal and i["response_sha256"] for i in items)
        ids = [i["review_id"] for i in items if i["kind"] != "aggregate" and i["review_id"]]
        assert len(ids) == len(set(ids)), f"{portal}: a review was emitted twice"
    # Robots.txt was asked for, and nothing it forbids was fetched.
    assert stats["requests"]["/robots.txt"] >= 1
    assert stats["disallowed_hits"] == []
    assert "reviews" in report.summary()


def test_429_and_503_are_waited_out_and_retried_until_every_item_arrives(
    tmp_path, monkeypatch, world
):
    faults = Faults(rate_429=0.3, rate_503=0.2, retry_after=1)
    with portal_env(tmp_path, monkeypatch, world, faults=faults) as env:
        report = crawl(env.settings, run_date=RUN_DATE, portals=["trustpilot"], fast=True)
        stats = env.stats()

    tp = report.portals["trustpilot"]
    assert tp.ok, tp.failures
    # The server fails the first request of a chosen path: every path asked for
    # twice is one retry, and nothing was given up on.
    retried = [p for p, n in stats["requests"].items() if n > 1 and p != "/robots.txt"]
    assert len(retried) >= 3
    assert tp.retries == len(retried)
    assert Counter(i["kind"] for i in env.items("trustpilot")) == env.expected("trustpilot")
    # Each 429/503 carried Retry-After: 1; the middleware scheduled no retry sooner.
    log = Path(report.log_file).read_text(encoding="utf-8")
    waits = [float(w) for w in re.findall(r"in ([\d.]+) s \(HTTP (?:429|503), Retry-After\)", log)]
    assert len(waits) == len(retried)
    assert min(waits) >= 1.0
