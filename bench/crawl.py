"""Crawl: pages per second over HTTP on 127.0.0.1, next to a do-nothing Scrapy spider.

The offline portals run in their own process (``python -m bench.crawl spec.json
port_file``) without faults, so both crawlers meet the same server; the real
crawl is ``spiders.run.crawl(settings, ..., fast=True)`` over a sample of
companies. Pages are counted by the server (``/_stats``), so both figures
count the same thing: listing pages served.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

from bench.harness import require, write_text_atomic
from bench.world_gen import make_world, sample_indices


def listing_urls(spec: dict, base_url: str, n: int) -> tuple[list[str], list[str]]:
    """Company ids of the sample, and every listing page URL of them."""
    from offline_portals.world import PAGE_SIZES, routes

    world = make_world(spec, later=True)
    ids, urls = [], []
    for i in sample_indices(spec, n):
        company = world.company(i)
        ids.append(company.company_id)
        for portal, pid in company.portal_ids.items():
            pages = max(1, -(-len(world.reviews(portal, company)) // PAGE_SIZES[portal]))
            urls += [base_url + routes.company_path(portal, pid, p) for p in range(1, pages + 1)]
    return ids, urls


def _post(url: str) -> None:
    urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=10).read()


def _listing_requests(base_url: str) -> int:
    from offline_portals.world import routes

    with urllib.request.urlopen(base_url + "/_stats", timeout=10) as resp:
        stats = json.load(resp)
    return sum(n for path, n in stats["requests"].items() if routes.match(path))


def crawl_ruf(base_url: str, run_date: str, company_ids: list[str]) -> dict:
    """Child task: the real spiders, politeness delays off."""
    crawl = require("spiders.run", "crawl")
    from core.settings import load_settings

    settings = load_settings()
    _post(base_url + "/_control?reset_stats=1")
    started = time.perf_counter()
    report = crawl(
        settings, run_date=date.fromisoformat(run_date), companies=company_ids, fast=True
    )
    seconds = time.perf_counter() - started
    pages = _listing_requests(base_url)
    summary = report.summary() if hasattr(report, "summary") else str(report)
    return {
        "pages": pages,
        "seconds": seconds,
        "pages_per_second": pages / seconds if seconds else 0.0,
        "report": summary,
    }


def crawl_noop(base_url: str, urls_file: str, concurrency: dict | None = None) -> dict:
    """Child task: the do-nothing spider over the same listing URLs."""
    from bench import noop_spider

    _post(base_url + "/_control?reset_stats=1")
    result = noop_spider.run(urls_file, concurrency)
    result["pages_served"] = _listing_requests(base_url)
    return result


def serve(spec_file: str, port_file: str) -> None:
    """The offline portals of the bench world, no faults, until killed."""
    from offline_portals.server import Faults, PortalServer

    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    server = PortalServer(make_world(spec, later=True), faults=Faults(0, 0)).start()
    # The bench polls for this file: it must appear complete or not at all.
    write_text_atomic(port_file, server.url)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    serve(*sys.argv[1:3])
