"""Requests that are refused: off the portal's hosts, or answered with more bytes
than the size cap.

``PortalHostsMiddleware`` (a downloader middleware, before robots.txt) refuses
any request of a portal, a listing, a next page or a redirect's target, whose
host is not one of the portal's (``spiders.navigation``): a portal's page that
answers ``302`` to another server, even another port of 127.0.0.1, is not
followed. The size cap is Scrapy's ``DOWNLOAD_MAXSIZE`` (per request from the
portal's ``max_page_bytes``): a response that says or turns out to be larger is
cut off unread. ``refusal_of`` turns both into the crawl report's counts and a
one-line reason naming the URL.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest

from spiders.navigation import describe, host_of

logger = logging.getLogger(__name__)

OFFSITE = "off the portal's hosts"
TOO_LARGE = "over the size cap"
_MARK = "refused (off the portal's hosts): "


class PortalHostsMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> PortalHostsMiddleware:
        return cls(crawler)

    def process_request(self, request: Any) -> None:
        portal = request.meta.get("portal")
        runs = getattr(self.crawler.spider, "runs", None) or {}
        run = runs.get(portal) if portal else None
        hosts = getattr(run, "hosts", None)
        if not hosts or host_of(request.url) in hosts:
            return None  # not a portal's request (robots.txt), or on its hosts
        self.crawler.stats.inc_value(f"ruf/refused/{portal}")
        raise IgnoreRequest(f"{_MARK}{request.url} is not on {portal}'s hosts ({describe(hosts)})")


def refusal_of(request: Any, exc: BaseException, cap: int) -> tuple[str, str] | None:
    """(reason, one-line message) when ``exc`` is a refusal, else None."""
    first = (request.meta.get("redirect_urls") or [request.url])[0]
    if isinstance(exc, IgnoreRequest) and str(exc).startswith(_MARK):
        detail = str(exc).removeprefix(_MARK)
        how = f"redirected to {request.url}, which" if first != request.url else request.url
        return OFFSITE, (
            f"{first}: refused: {how} {detail.split(' ', 1)[1]}; a host of the portal's "
            "goes in its allowed_hosts (config/portals.yaml)"
        )
    # Scrapy cancels a download past DOWNLOAD_MAXSIZE, before or while reading
    # it; a compressed body that unpacks past it is ignored with a message saying so.
    too_large = isinstance(exc, DownloadCancelledError) or (
        isinstance(exc, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(exc)
    )
    if too_large:
        return TOO_LARGE, (
            f"{first}: refused: the response is larger than the {cap:,} byte size cap, "
            "not read (max_page_bytes in config/portals.yaml, RUF_MAX_PAGE_BYTES)"
        )
    return None
