"""``scrapy parse`` that exits non-zero when the page it looked at failed.

Scrapy's own command prints the items (none) and exits 0 when the page has no ratings
at all or cannot be fetched, the reason only among the log lines. This one prints it as
one line to stderr, as ``scrapy crawl`` does (``spiders.commands.crawl``), and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from scrapy import Request, Spider
from scrapy.commands.parse import Command as ScrapyParse

from spiders.commands.crawl import failures


class Command(ScrapyParse):
    unfetched: list[str]

    def prepare_request(self, spider: Spider, request: Request, opts: argparse.Namespace):
        request = super().prepare_request(spider, request, opts)
        self.unfetched = []
        spiders_own = request.errback

        def errback(failure: Any) -> Any:
            self.unfetched.append(f"{request.url}: {failure.getErrorMessage()}")
            return spiders_own(failure) if spiders_own else None

        request.errback = errback
        return request

    def start_parsing(self, url: str, opts: argparse.Namespace) -> None:
        super().start_parsing(url, opts)
        # The spider's report says why; a request it never saw, the download error.
        failed = failures([self.pcrawler]) or getattr(self, "unfetched", [])
        for line in failed:
            print(f"ruf: parse failed: {line}", file=sys.stderr)
        if failed:
            self.exitcode = 1
