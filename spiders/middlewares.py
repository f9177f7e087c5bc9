"""Retries with exponential backoff that honour ``Retry-After``.

Scrapy's own RetryMiddleware re-queues at once, which is exactly what a portal
answering 429 asked us not to do. This one waits before retrying, without
blocking the crawl (the wait is an awaited timer, other requests go on):

* 429 and 503 with ``Retry-After`` (seconds or an HTTP date): wait that long
  (plus a little jitter, never less); a portal asking for more than
  ``RUF_RETRY_AFTER_MAX`` seconds is given up on with a message saying so;
* 429/503 without it, 500, 502, 504, 408, 522, 524, timeouts and connection
  resets: exponential backoff ``base * 2**(n-1)`` capped at ``RUF_RETRY_BACKOFF_MAX``,
  with equal jitter so parallel crawlers do not retry in lockstep;
* after ``RUF_RETRY_TIMES`` retries the response or exception goes on to the
  spider's errback, which fails that portal's crawl with the URL and reason.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.misc import load_object

logger = logging.getLogger(__name__)

RETRY_HTTP_CODES = frozenset({408, 429, 500, 502, 503, 504, 522, 524})
RETRY_AFTER_CODES = frozenset({429, 503})


def parse_retry_after(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value, or None if absent/unreadable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Capped exponential backoff with equal jitter, for retry number ``attempt`` (1-based)."""
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


class BackoffRetryMiddleware:
    def __init__(self, crawler: Any) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.max_retries = s.getint("RUF_RETRY_TIMES", 4)
        self.base = s.getfloat("RUF_RETRY_BACKOFF_BASE", 1.0)
        self.cap = s.getfloat("RUF_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = s.getfloat("RUF_RETRY_AFTER_MAX", 300.0)
        self.exceptions = tuple(
            load_object(x) if isinstance(x, str) else x for x in s.getlist("RETRY_EXCEPTIONS")
        )
        self.rng = random.Random()

    @classmethod
    def from_crawler(cls, crawler: Any) -> BackoffRetryMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in RETRY_HTTP_CODES:
            return response
        wait = None
        if response.status in RETRY_AFTER_CODES:
            wait = parse_retry_after(response.headers.get("Retry-After"))
            if wait is not None and wait > self.retry_after_max:
                request.meta["ruf_give_up"] = (
                    f"the portal asks to retry after {wait:.0f} s, "
                    f"more than the {self.retry_after_max:.0f} s we wait"
                )
                return response
        retry = await self._retry(request, f"HTTP {response.status}", wait)
        return retry or response

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions):
            return None
        if request.url.startswith("file:"):
            return None  # a saved page that is not there will not appear by waiting
        return await self._retry(request, type(exception).__name__, None)

    async def _retry(
        self, request: Request, reason: str, retry_after: float | None
    ) -> Request | None:
        stats = self.crawler.stats
        attempt = request.meta.get("retry_times", 0) + 1
        if attempt > self.max_retries:
            stats.inc_value("retry/max_reached")
            return None
        if retry_after is not None:
            # Never earlier than asked; a little later so crawlers do not stampede.
            wait = retry_after * (1 + self.rng.uniform(0, 0.1))
        else:
            wait = backoff_delay(attempt, self.base, self.cap, self.rng)
        stats.inc_value("retry/count")
        stats.inc_value(f"retry/reason_count/{reason}")
        portal = request.meta.get("portal")
        if portal:
            stats.inc_value(f"ruf/retries/{portal}")
        if retry_after is not None:
            stats.inc_value("ruf/retry_after_honoured")
        logger.info(
            "retry %d/%d of %s in %.2f s (%s%s)",
            attempt,
            self.max_retries,
            request.url,
            wait,
            reason,
            ", Retry-After" if retry_after is not None else "",
        )
        await sleep(wait)
        new = request.copy()
        new.meta["retry_times"] = attempt
        new.meta["ruf_last_retry_reason"] = reason
        new.dont_filter = True
        new.priority = request.priority - 1
        return new
