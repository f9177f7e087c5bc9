"""Log what happened to an item, never the item: items carry author names."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter


def describe(item: Any) -> str:
    if not ItemAdapter.is_item(item):
        return f"<{type(item).__name__}>"
    a = ItemAdapter(item)
    return f"<{a.get('kind') or '?'} item of {a.get('portal') or '?'}>"


class PrivateLogFormatter(LogFormatter):
    def _private(self, entry: dict[str, Any], item: Any) -> dict[str, Any]:
        entry["args"] = {**entry["args"], "item": describe(item)}
        return entry

    def scraped(self, item: Any, response: Any, spider: Any) -> dict[str, Any]:
        return self._private(super().scraped(item, response, spider), item)

    def dropped(self, item: Any, exception: Any, response: Any, spider: Any) -> dict[str, Any]:
        return self._private(super().dropped(item, exception, response, spider), item)

    def item_error(self, item: Any, exception: Any, response: Any, spider: Any) -> dict[str, Any]:
        return self._private(super().item_error(item, exception, response, spider), item)
