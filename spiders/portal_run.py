"""One portal's part of a crawl (its counters, staged files and progress), and
the small readings of a response the spiders share: its declared charset, a
download error as one line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy.http import Response

from spiders.archive import StagedJsonLines
from spiders.plan import PortalPlan, PortalReport
from spiders.state import PendingState


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def declared_encoding(response: Response) -> str | None:
    """The charset the Content-Type header declares (the page parser weighs it
    against the body's own declarations)."""
    ctype = response.headers.get("Content-Type")
    if not ctype:
        return None
    for part in ctype.decode("latin-1").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip("\"'")
    return None


_TWISTED_REASON = re.compile(r"twisted\.internet\.error\.(\w+): ([^>\]]+)")


def describe_exception(exc: BaseException) -> str:
    """One readable line for a download error (Scrapy wraps Twisted's in lists)."""
    text = str(exc).strip()
    inner = _TWISTED_REASON.findall(text)
    if inner:
        return "; ".join(f"{name}: {msg.strip().rstrip('.')}" for name, msg in inner)
    return f"{type(exc).__name__}: {text.rstrip('.')}" if text else type(exc).__name__


@dataclass
class PortalRun:
    """One portal's part of a crawl: its counters, staged files and progress."""

    plan: PortalPlan
    report: PortalReport
    kinds: Counter = field(default_factory=Counter)
    items_out: StagedJsonLines | None = None
    index_out: StagedJsonLines | None = None
    known: dict[str, set[str]] = field(default_factory=dict)  # pcid -> keys of earlier runs
    # pcid -> the newest keys seen (newest first, at most state.KEEP_KEYS), until it is finished
    seen: dict[str, list[str]] = field(default_factory=dict)
    pages: Counter = field(default_factory=Counter)  # pcid -> pages fetched
    finished: PendingState | None = None  # listings whose pagination ended, on disk
    visited: dict[str, set[str]] = field(default_factory=dict)  # pcid -> its pages' URLs
    parsed: set[str] = field(default_factory=set)  # sha256 of every body read in this run
    hosts: frozenset = frozenset()  # where its requests may go (spiders.navigation)
