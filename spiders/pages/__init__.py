"""Page objects: the one place each page type's extraction lives.

``parse_page(family, body, url, ...)`` turns one fetched listing page into raw
items, the next page's URL and any layout problems, with no network and no
Scrapy, so each family is tested on saved pages (``tests/spiders/pages``).
"""

from __future__ import annotations

import importlib
from typing import Any

from spiders.pages.base import SPIDER_VERSION, PageResult

# The portal families (config/portals.yaml ``family``); ``generic`` reads any page.
FAMILIES = ("schema_org", "trustpilot", "kununu", "booking", "forum")
PAGE_READERS = (*FAMILIES, "generic")

__all__ = ["FAMILIES", "PAGE_READERS", "SPIDER_VERSION", "PageResult", "parse_page"]

_MODULES: dict[str, Any] = {}
_MODULE_OF = {"generic": "spiders.pages.generic.reader"}


def parse_page(
    family: str,
    body: bytes,
    url: str,
    *,
    portal: str,
    fetched_at: str,
    response_sha256: str,
    encoding: str | None = None,
) -> PageResult:
    """Extract one page; never raises on bad input (problems say what was wrong)."""
    if family not in PAGE_READERS:
        raise ValueError(f"unknown page family {family!r}; known: {', '.join(PAGE_READERS)}")
    module = _MODULES.get(family) or _MODULES.setdefault(
        family, importlib.import_module(_MODULE_OF.get(family, f"spiders.pages.{family}"))
    )
    return module.parse(
        body,
        url,
        portal=portal,
        fetched_at=fetched_at,
        response_sha256=response_sha256,
        encoding=encoding,
    )
