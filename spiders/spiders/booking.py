"""booking-style hotel reviews on a 1-10 scale with sub-scores."""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class BookingSpider(BaseListingSpider):
    name = "booking"
