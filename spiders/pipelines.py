"""Item pipelines: check the raw contract, then write JSON Lines.

Spiders keep odd values and flag them (the transforms decide), so the only
items dropped here are the ones that are not raw items at all: no kind, no
portal, fields the contract does not have. Every drop is logged and counted in
the crawl report, never silent.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from core.contracts.raw_items import RAW_FIELDS, RawItem

logger = logging.getLogger(__name__)

KINDS = frozenset({"review", "aggregate", "mention"})
_DICT_FIELDS = ("sub_ratings", "extra")


class ContractError(ValueError):
    """The item is not a raw item; the message is the reason."""


def to_raw_item(item: Any) -> RawItem:
    """The item as a ``RawItem`` that serialises to JSON, or ContractError with the reason."""
    if isinstance(item, RawItem):
        values = dataclasses.asdict(item)
    elif ItemAdapter.is_item(item):
        values = ItemAdapter(item).asdict()
    else:
        raise ContractError(f"not an item: {type(item).__name__}")
    unknown = sorted(set(values) - set(RAW_FIELDS))
    if unknown:
        raise ContractError(f"fields outside the raw contract: {', '.join(unknown)}")
    if values.get("kind") not in KINDS:
        raise ContractError(f"kind must be one of {sorted(KINDS)}, got {values.get('kind')!r}")
    for name in ("portal", "portal_company_id"):
        if not isinstance(values.get(name), str) or not values[name].strip():
            raise ContractError(f"{name} is missing")
    for name in _DICT_FIELDS:
        if values.get(name) is None:
            values[name] = {}
        elif not isinstance(values[name], dict):
            raise ContractError(f"{name} must be a mapping, got {type(values[name]).__name__}")
    flags = values.get("flags")
    if flags is None:
        values["flags"] = []
    elif not isinstance(flags, list | tuple):
        raise ContractError(f"flags must be a list, got {type(flags).__name__}")
    raw = RawItem(**values)
    try:
        json.dumps(dataclasses.asdict(raw), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ContractError(f"not JSON-serialisable: {exc}") from exc
    return raw


def item_record(item: RawItem) -> dict[str, Any]:
    """One JSON Lines object, fields in contract order."""
    return dataclasses.asdict(item)


class ContractPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ContractPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> RawItem:
        spider = self.crawler.spider
        try:
            return to_raw_item(item)
        except ContractError as exc:
            portal = ItemAdapter(item).get("portal") if ItemAdapter.is_item(item) else None
            reason = str(exc)
            logger.warning("dropped an item of %s: %s", portal or "unknown portal", reason)
            note = getattr(spider, "note_drop", None)
            if note is not None:
                note(portal, reason)
            raise DropItem(reason) from exc


class RawItemsPipeline:
    """Counts items per portal and kind and writes them to the run's staged items file.

    The spider owns the staged files and publishes them when its portal's
    crawl succeeded (``BaseListingSpider.closed``)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RawItemsPipeline:
        return cls(crawler)

    def process_item(self, item: RawItem) -> RawItem:
        spider = self.crawler.spider
        note = getattr(spider, "note_item", None)
        if note is not None:
            note(item)
        writer = spider.items_writer(item.portal) if hasattr(spider, "items_writer") else None
        if writer is not None:
            try:
                writer.write(item_record(item))
            except OSError as exc:
                spider.storage_failed(item.portal, f"could not write raw items: {exc}")
                raise DropItem(f"not written: {exc}") from exc
        return item
