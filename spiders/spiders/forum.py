"""Forums: threads whose posts mention companies without stars."""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class ForumSpider(BaseListingSpider):
    name = "forum"
