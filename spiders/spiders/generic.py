"""Any review page: ``scrapy crawl generic -a start_urls=URL[,URL...]`` (file:// too).

The pages are read by ``spiders.pages.generic`` (structured data, embedded
state, rendered ratings); ``-a portal=NAME`` labels the items (default: the
configured portal whose ``base_url`` holds the URL, else ``generic``).
"""

from __future__ import annotations

from spiders.spiders.base import BaseListingSpider


class GenericSpider(BaseListingSpider):
    name = "generic"
