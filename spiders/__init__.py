"""Scrapy spiders of ruf, and the page objects they call (``spiders.pages``)."""

# Written into every raw item (defined where the items are made).
from spiders.pages.base import SPIDER_VERSION

__all__ = ["SPIDER_VERSION"]
