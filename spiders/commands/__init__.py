"""ruf's own Scrapy commands (``COMMANDS_MODULE``): ``crawl`` that says when a portal failed."""
