"""Scrapy settings of ruf: polite by default.

``portal_settings`` gives the per-portal overrides (``politeness`` in
``config/portals.yaml``); ``spiders.run`` runs one crawler per portal with
them, so every portal gets its own download slot and limits even when all the
offline portals share 127.0.0.1.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

try:
    RUF_VERSION = version("ruf")
except PackageNotFoundError:  # running from a checkout that is not installed
    RUF_VERSION = "0"

BOT_NAME = "ruf"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"
# Our crawl command exits non-zero when a portal failed (Scrapy's exits 0).
COMMANDS_MODULE = "spiders.commands"

# Who we are and how to reach us: portals can tell us apart and complain.
USER_AGENT = f"ruf/{RUF_VERSION} (+https://github.com/ruf-reputation; review monitoring)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50%, so requests do not tick like a metronome
DOWNLOAD_TIMEOUT = int(os.environ.get("RUF_CRAWL_TIMEOUT") or 30)

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Our retry middleware waits (backoff, Retry-After) before retrying; Scrapy's does not.
# Requests stay on their portal's hosts, refused before robots.txt is even asked.
DOWNLOADER_MIDDLEWARES = {
    "spiders.offsite.PortalHostsMiddleware": 40,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}

# The size cap: a response larger than this is cut off unread and fails its page
# (Scrapy stops at the Content-Length it announces, else once this much arrived).
# Per portal: max_page_bytes in config/portals.yaml. Real review pages are 0.1-3 MB.
DEFAULT_MAX_PAGE_BYTES = 20 * 1024 * 1024
DOWNLOAD_MAXSIZE = int(os.environ.get("RUF_MAX_PAGE_BYTES") or DEFAULT_MAX_PAGE_BYTES)
DOWNLOAD_WARNSIZE = DOWNLOAD_MAXSIZE // 2
RUF_RETRY_TIMES = int(os.environ.get("RUF_CRAWL_RETRIES") or 4)
RUF_RETRY_BACKOFF_BASE = 2.0
RUF_RETRY_BACKOFF_MAX = 60.0
RUF_RETRY_AFTER_MAX = 300.0

ITEM_PIPELINES = {
    "spiders.pipelines.ContractPipeline": 100,
    "spiders.pipelines.RawItemsPipeline": 800,
}

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# No listening control port: a crawl is controlled by its caller, not over the network.
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# Items hold author names: logs say what happened to an item, not what it holds.
LOG_FORMATTER = "spiders.logformatter.PrivateLogFormatter"

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


def portal_settings(
    *, concurrency: int, delay_seconds: float, base_url: str, fast: bool
) -> dict[str, Any]:
    """Scrapy settings for one portal's crawler.

    ``fast`` (demo, tests, bench) turns the politeness delays off for portals
    on this machine only; robots.txt and Retry-After are still obeyed."""
    out: dict[str, Any] = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, concurrency),
        "DOWNLOAD_DELAY": delay_seconds,
        "AUTOTHROTTLE_START_DELAY": max(delay_seconds, 0.5),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(max(1, concurrency)),
    }
    if fast and is_loopback(base_url):
        out.update(
            {
                "CONCURRENT_REQUESTS_PER_DOMAIN": max(concurrency, 8),
                "DOWNLOAD_DELAY": 0.0,
                "DOWNLOAD_DELAY_JITTER": 0.0,
                "AUTOTHROTTLE_ENABLED": False,
                "RUF_RETRY_BACKOFF_BASE": 0.2,
                "RUF_RETRY_BACKOFF_MAX": 5.0,
                "DOWNLOAD_TIMEOUT": int(os.environ.get("RUF_CRAWL_TIMEOUT") or 15),
            }
        )
    return out
