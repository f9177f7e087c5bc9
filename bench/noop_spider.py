"""The crawl baseline: a Scrapy spider that fetches the same listing pages and does nothing.

It runs in its own process with the concurrency of the real spiders (taken
from the ruf Scrapy project settings where they exist) and politeness delays
off, so the difference to ``spiders.run.crawl(..., fast=True)`` is what our
spiders do per page: parsing, items, pipelines, the raw archive.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess

# Settings of the ruf project the baseline copies; everything else (pipelines,
# middlewares, extensions) is left out, so the spider really does nothing.
COPIED = (
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "CONCURRENT_REQUESTS_PER_IP",
    "ROBOTSTXT_OBEY",
    "USER_AGENT",
    "DOWNLOAD_TIMEOUT",
    "TWISTED_REACTOR",
)


class NoopSpider(scrapy.Spider):
    name = "bench_noop"

    def __init__(self, urls: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.responses = 0

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response):  # the point is to do nothing
        self.responses += 1
        return None


def crawler_settings(concurrency: dict | None = None) -> dict:
    settings: dict = {
        "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_ENABLED": False,
        "COOKIES_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
    }
    try:
        from scrapy.utils.project import get_project_settings

        project = get_project_settings()
        for key in COPIED:
            if key in project.attributes and project.attributes[key].priority >= 20:
                settings[key] = project.get(key)
    except Exception:  # no ruf Scrapy settings yet: Scrapy's defaults
        pass
    settings.update(concurrency or {})
    return settings


def _per_portal_settings(urls: list[str]) -> dict[str, tuple[list[str], dict]]:
    """URLs per portal, with the concurrency the real crawl gives that portal.

    ``spiders.run`` runs one crawler per portal with ``portal_settings(...,
    fast=True)``; the baseline does the same, keeping only the keys about
    concurrency and delays (ruf's retry settings mean nothing here)."""
    from offline_portals.world import routes

    by_portal: dict[str, list[str]] = {}
    for url in urls:
        match = routes.match(url)
        by_portal.setdefault(match[0] if match else "other", []).append(url)
    try:
        from core.config import load_portals
        from core.settings import load_settings
        from spiders.settings import portal_settings

        portals = load_portals(load_settings().portals_file)
    except ImportError:
        portals, portal_settings = {}, None
    out = {}
    for portal, portal_urls in by_portal.items():
        extra: dict = {}
        p = portals.get(portal)
        if p is not None and portal_settings is not None:
            full = portal_settings(
                concurrency=p.concurrency,
                delay_seconds=p.delay_seconds,
                base_url=portal_urls[0],
                fast=True,
            )
            extra = {k: v for k, v in full.items() if not k.startswith("RUF_")}
        out[portal] = (portal_urls, extra)
    return out


def run(urls_file: str, concurrency: dict | None = None) -> dict:
    """Child task: fetch every URL once, one crawler per portal like the real crawl."""
    urls = json.loads(Path(urls_file).read_text(encoding="utf-8"))
    base = crawler_settings(concurrency)
    process = CrawlerProcess(base)
    crawlers = []
    used = {}
    for portal, (portal_urls, extra) in _per_portal_settings(urls).items():
        spider_cls = type(
            f"NoopSpider_{portal}",
            (NoopSpider,),
            {"name": f"bench_noop_{portal}", "custom_settings": extra},
        )
        crawler = process.create_crawler(spider_cls)
        used[portal] = {**{k: base.get(k) for k in COPIED}, **extra}
        crawlers.append((crawler, portal_urls))
    started = time.perf_counter()
    for crawler, portal_urls in crawlers:
        process.crawl(crawler, urls=portal_urls)
    process.start()
    seconds = time.perf_counter() - started
    responses = sum(c.spider.responses for c, _ in crawlers)
    return {
        "pages": responses,
        "urls": len(urls),
        "seconds": seconds,
        "pages_per_second": responses / seconds if seconds else 0.0,
        "settings": used,
    }
