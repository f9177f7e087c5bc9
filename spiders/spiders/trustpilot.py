"""Trustpilot-style portals (a Next.js app with its state in __NEXT_DATA__)."""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class TrustpilotSpider(BaseListingSpider):
    name = "trustpilot"
