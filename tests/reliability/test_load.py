"""A long crawl of the offline portals with the crawler's memory flat.

The crawler process's resident memory (psutil) is sampled while it crawls;
after the start-up plateau it must not grow with the pages crawled. The
default suite crawls a few thousand pages; ``RUF_LOAD_PAGES=100000`` (``make
test-load``) runs the same test at 100,000 pages. No timing is asserted.
"""

from __future__ import annotations

import os
import threading
import time

import psutil
import pytest

from offline_portals.server import Faults, running
from offline_portals.world import PAGE_SIZES, World
from spiders.run import crawl
from tests.reliability.reliability_support import ANCHOR, pipeline_env, settings_for

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reliability-load")]

PAGES = int(os.environ.get("RUF_LOAD_PAGES") or 1500)
# Growth allowed over the early plateau: allocator noise and Scrapy's duplicate
# filter (one fingerprint per page, ~100 bytes) — far below a leak of pages or items.
MARGIN = 1.10
SLACK_MB = 24 + PAGES * 150 / 2**20


def _world_of(pages: int) -> World:
    """The smallest world whose listings add up to at least ``pages`` pages."""
    n = 10
    while True:
        world = World(seed=11, companies=n, reviews_per_company=400, anchor=ANCHOR)
        total = sum(
            max(1, -(-len(world.reviews(p, c)) // PAGE_SIZES[p]))
            for c in world.companies()
            for p in c.portal_ids
        )
        if total >= pages:
            return world
        n = max(n + 1, int(n * pages / max(total, 1) * 1.02))


class RssSampler(threading.Thread):
    """RSS of the crawl child (``python -m spiders.run``) against pages served so far."""

    def __init__(self, served) -> None:  # served: () -> int
        super().__init__(daemon=True)
        self.served = served
        self.samples: list[tuple[int, int]] = []
        self.done = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self.done.is_set():
            for child in me.children(recursive=True):
                try:
                    if "spiders.run" in " ".join(child.cmdline()):
                        self.samples.append((self.served(), child.memory_info().rss))
                except psutil.Error:
                    continue
            time.sleep(0.25)


def test_crawler_memory_stays_flat_over_a_long_crawl(tmp_path, monkeypatch):
    world = _world_of(PAGES)
    with running(world, faults=Faults(0, 0)) as server:
        monkeypatch.setenv("RUF_PORTALS_URL", server.url)
        settings = settings_for(pipeline_env(tmp_path, world, RUF_PORTALS_URL=server.url))

        def served() -> int:
            return sum(server.state.requests.values())

        sampler = RssSampler(served)
        sampler.start()
        try:
            report = crawl(settings, run_date=ANCHOR, fast=True)
        finally:
            sampler.done.set()
            sampler.join()
    pages = sum(p.pages for p in report.portals.values())
    print(f"\n{report.summary()}")
    assert report.ok, report.failures
    assert pages >= PAGES
    samples = [(n, rss) for n, rss in sampler.samples if n > 0]
    assert len(samples) >= 20, "enough samples to see a trend"
    total = samples[-1][0]
    early = [rss for n, rss in samples if 0.2 * total <= n <= 0.4 * total]
    late = [rss for n, rss in samples if n >= 0.7 * total]
    plateau, last = max(early), max(late)
    mb = 2**20
    print(
        f"crawler RSS: plateau {plateau / mb:.0f} MB at 20-40% of {total} pages, "
        f"max {last / mb:.0f} MB over the last 30%"
    )
    assert last <= plateau * MARGIN + SLACK_MB * mb
