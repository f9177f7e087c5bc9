"""``scrapy crawl`` that exits non-zero when a portal's crawl failed.

Scrapy's own command exits 0 whenever the crawler started, even when every
page failed: a scheduler would see success and an empty output file. This one
prints one line per failed portal (the URL and what was missing) to stderr and
exits 1; the other portals' results are kept as usual.
"""

from __future__ import annotations

import sys
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawl


def failures(crawlers: Any) -> list[str]:
    """``portal: first failure`` for every failed portal of the finished crawlers."""
    out = []
    for crawler in crawlers:
        for name, run in getattr(crawler.spider, "runs", {}).items():
            if run.report.failures:
                out.append(f"{name}: {run.report.failures[0]}")
    return out


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: Any) -> None:
        assert self.crawler_process
        crawlers = self.crawler_process.crawlers
        seen: list[Any] = []
        # The process forgets its crawlers when they finish: keep them to ask afterwards.
        original = self.crawler_process.crawl

        def crawl(crawler_or_spidercls: Any, *a: Any, **kw: Any) -> Any:
            crawler = self.crawler_process.create_crawler(crawler_or_spidercls)
            seen.append(crawler)
            return original(crawler, *a, **kw)

        self.crawler_process.crawl = crawl  # type: ignore[method-assign]
        try:
            super().run(args, opts)
        finally:
            self.crawler_process.crawl = original  # type: ignore[method-assign]
        failed = failures(seen or crawlers)
        for line in failed:
            print(f"ruf: crawl failed: {line}", file=sys.stderr)
        if failed:
            self.exitcode = 1
