"""The items of one export, one record at a time, and what the import report counts.

Items are produced as a stream (a big export is never held as items in memory); the
``Tally`` keeps only counts and small sets: per field how often it was filled, the keys
seen (for rows identical in every field), ids with their content digest (for an id
repeated with other content), the companies the export names.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from core.contracts.raw_items import RAW_FIELDS, RawItem
from core.settings import ConfigError
from spiders.imports.fields import date_kind
from spiders.imports.formats import Document
from spiders.imports.items import COMPANY_FIELDS, Common, build_item, unreadable_item
from spiders.imports.mapping import Mapping, Section
from spiders.imports.paths import Record, select

PREVIEW_ITEMS = 3
# Dates that count back from when the export was made when they are relative.
RELATIVE_DATES = ("published_raw", "experienced_raw", "reply_raw_date")


@dataclass
class Tally:
    records: int = 0
    kinds: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    filled: Counter = field(default_factory=Counter)
    ratings: set[str] = field(default_factory=set)  # up to two distinct shown ratings
    rated: int = 0
    keys: set[str] = field(default_factory=set)
    identical: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    id_clashes: int = 0
    companies: set[str] = field(default_factory=set)
    first: dict[str, Any] | None = None
    preview: list[dict[str, Any]] = field(default_factory=list)
    aggregates_collapsed: int = 0
    relative: dict[str, Any] = field(default_factory=dict)  # date field -> a relative value

    def count(self, item: RawItem) -> None:
        self.kinds[item.kind] += 1
        self.flags.update(item.flags)
        if len(self.preview) < PREVIEW_ITEMS:
            self.preview.append(shown(item))

    def see(self, item: RawItem, mapped: dict[str, Any]) -> None:
        """A record of the main section: its fields, its key, its id, its company."""
        self.first = self.first if self.first is not None else mapped
        self.filled.update(k for k, v in mapped.items() if v is not None)
        rating = mapped.get("rating_value")
        if rating is not None:
            self.rated += 1
            if len(self.ratings) < 2:
                self.ratings.add(str(rating))
        key = item.extra.get("import_key")
        if key is not None:
            self.identical += key in self.keys
            self.keys.add(key)
        elif item.review_id is not None:
            digest = hashlib.sha256(
                json.dumps(mapped, sort_keys=True, default=str).encode()
            ).hexdigest()[:16]
            self.id_clashes += self.ids.setdefault(item.review_id, digest) != digest
        for name in RELATIVE_DATES:
            value = mapped.get(name)
            if name not in self.relative and value is not None and date_kind(value) == "rel":
                self.relative[name] = value
        if len(self.companies) < 50 and any(mapped.get(f) is not None for f in COMPANY_FIELDS):
            self.companies.add(str(mapped.get("company_name") or mapped.get("portal_company_id")))

    def warnings(self, section: Section, common: Common) -> list[str]:
        out = []
        n = self.records
        for name in section.fields:
            if n and self.filled[name] == 0:
                out.append(f"{name} ({_spec_text(section, name)}) is empty in all {n} records")
        if self.rated >= 5 and len(self.ratings) == 1:
            (value,) = self.ratings
            out.append(
                f"rating_value is {value!r} in all {self.rated} records: "
                "a scraper that read one value for every row?"
            )
        if self.identical:
            out.append(
                f"{self.identical} records are identical in every mapped field to an earlier "
                "one: they count as duplicates in the transform"
            )
        if self.id_clashes:
            out.append(
                f"{self.id_clashes} records repeat an earlier review_id with other content: "
                "the transform keeps one per id"
            )
        if common.company is not None and len(self.companies) > 1:
            names = ", ".join(sorted(self.companies)[:3])
            out.append(
                f"--company assigns all records to {common.company['company_name']}, but the "
                f"export names {len(self.companies)} companies ({names}, ...)"
            )
        if not self.filled["fetched_at"] and "fetched_at" not in section.constants:
            for name, value in self.relative.items():
                out.append(
                    f"{name} holds relative dates ({str(value)[:30]!r}) and the export does "
                    "not say when it was made: they count back from the import; if the export "
                    "is older, set its day in a mapping (constants: {fetched_at: YYYY-MM-DD})"
                )
        if self.aggregates_collapsed:
            out.append(
                f"the company figures repeat on {self.aggregates_collapsed} more records: "
                "one aggregate item per company"
            )
        return out


def _spec_text(section: Section, name: str) -> str:
    src = section.fields[name].source
    return src if isinstance(src, str) else json.dumps(src, ensure_ascii=False)


def shown(item: RawItem) -> dict[str, Any]:
    """An item as a dry run shows it: what was read, long texts cut."""
    skip = {"portal", "source_url", "spider", "spider_version", "response_sha256"}
    out = {}
    for k, v in record_of(item).items():
        if k not in skip and v not in (None, {}, []):
            out[k] = v[:100] + "…" if isinstance(v, str) and len(v) > 100 else v
    return out


def record_of(item: RawItem) -> dict[str, Any]:
    """One JSON Lines object, fields in contract order (shallow: the values are the item's
    own, made for it; ``dataclasses.asdict`` deep-copies and was most of an import's time)."""
    return {f: getattr(item, f) for f in RAW_FIELDS}


def _roots(doc: Document, section: Section):
    """(row, selector) per unit of the document: the whole document, or each row/element."""
    selector = section.records
    if doc.split_array and selector is not None and selector.steps[:1]:
        first = selector.steps[0]
        if first.kind == "all" and selector.up == 0:
            rest = dataclasses.replace(selector, steps=selector.steps[1:])
            return [(r, rest if rest.steps else None) for r in doc.rows]
    return [(r, selector) for r in doc.rows]


def items(doc: Document, mapping: Mapping, common: Common, tally: Tally) -> Iterator[RawItem]:
    main = mapping.main
    main_records: list[Record] = []
    for row, selector in _roots(doc, main):
        if row.error is not None:
            tally.records += 1
            item = unreadable_item(main.kind, tally.records, row.error, row.raw, row.flags, common)
            tally.count(item)
            yield item
            continue
        for record in select(row.value, selector):
            tally.records += 1
            item, mapped = build_item(main, record, tally.records, common, row.flags)
            if mapping.aggregate is not None and mapping.aggregate.records is None:
                main_records.append(record)
            tally.see(item, mapped)
            tally.count(item)
            yield item
    _check_top_object(doc, main, tally)
    if mapping.aggregate is not None:
        for item in _aggregates(doc, mapping.aggregate, main_records, common, tally):
            tally.count(item)
            yield item


def _check_top_object(doc: Document, main: Section, tally: Tally) -> None:
    """A mapping without ``records:`` on a file that is one object: that object is the
    record (a profile). If none of the mapped fields is in it, the records are elsewhere."""
    if main.records is not None or not doc.whole or tally.records != 1 or not main.fields:
        return
    if tally.filled:
        return
    top = doc.rows[0].value
    lists = [k for k, v in top.items() if isinstance(v, list)] if isinstance(top, dict) else []
    hint = f" (e.g. records: {lists[0]})" if lists else ""
    raise ConfigError(
        f"none of the mapped fields is at the top level of the file: set `records:`{hint}"
    )


def _aggregates(
    doc: Document, section: Section, main_records: list[Record], common: Common, tally: Tally
) -> Iterator[RawItem]:
    """The company's own figures: once per distinct company and values."""
    if section.records is None:
        records: Any = main_records
    else:
        records = (
            r
            for row, sel in _roots(doc, section)
            if row.error is None
            for r in select(row.value, sel)
        )
    seen: set[str] = set()
    for n, record in enumerate(records, start=1):
        item, mapped = build_item(section, record, n, common, [])
        if all(mapped.get(f) is None for f in ("rating_value", "review_count")):
            continue  # this record shows no figures of its company
        # The same figures fetched a moment later (a scraper's time on every row) are
        # the same figures: the first record's time stands.
        figures = {k: v for k, v in mapped.items() if k != "fetched_at"}
        key = json.dumps(figures, sort_keys=True, default=str)
        if key in seen:
            tally.aggregates_collapsed += section.records is None
            continue
        seen.add(key)
        yield item
