"""kununu-style employer reviews with category sub-ratings."""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class KununuSpider(BaseListingSpider):
    name = "kununu"
