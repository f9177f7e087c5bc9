"""Scrapy spiders of ruf, and the page objects they call (``spiders.pages``)."""

# Written into every raw item; bump when extraction changes what it emits.
SPIDER_VERSION = "1.0"
