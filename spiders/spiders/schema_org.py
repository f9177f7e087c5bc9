"""Portals that mark reviews up with schema.org JSON-LD or microdata (opinio)."""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class SchemaOrgSpider(BaseListingSpider):
    name = "schema_org"
