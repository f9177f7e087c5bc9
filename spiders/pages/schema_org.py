"""Any page with schema.org Review / AggregateRating markup.

The reading of JSON-LD, microdata and RDFa is the generic structured-data
strategy (``spiders.pages.generic.structured``); this family is the generic
reader under its own name, so a schema.org portal whose markup is gone still
gets the embedded-state and rendered-rating strategies, each item saying in
``extra.strategy`` which one read it.
"""

from __future__ import annotations

from spiders.pages.base import PageResult
from spiders.pages.generic import reader

FAMILY = "schema_org"


def parse(
    body: bytes,
    url: str,
    *,
    portal: str,
    fetched_at: str,
    response_sha256: str,
    encoding: str | None = None,
) -> PageResult:
    return reader.parse(
        body,
        url,
        portal=portal,
        fetched_at=fetched_at,
        response_sha256=response_sha256,
        encoding=encoding,
        family=FAMILY,
    )
