"""The import run: an export file -> one raw items file of its own, and a report.

Every record becomes an item (odd ones flagged, unreadable ones kept on their own with
their text), and the report says what a person must know: how many items of each kind,
every flag with its count, and warnings for what would otherwise pass unseen (a mapped
field empty in every row, rows identical to earlier ones, one rating on every row, a
``--company`` that overrides several companies). Items go to
``<raw>/<portal>/<run date>/items-import-<sha256 of the file>.jsonl``, written aside and
renamed into place: importing another file never replaces it, importing the same file
again replaces it with the same items. The export itself is archived by content.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from core.config import load_companies, load_portals
from core.contracts.raw_items import RawItem
from core.settings import ConfigError, Settings
from spiders import SPIDER_VERSION
from spiders.archive import RawStore, sha256_of
from spiders.imports.formats import Document, read_document
from spiders.imports.infer import infer_from_document
from spiders.imports.items import COMPANY_FIELDS, Common, build_item, unreadable_item
from spiders.imports.mapping import Mapping, Section, load_mapping
from spiders.imports.paths import Path as RecordPath
from spiders.imports.paths import Record, select
from spiders.pipelines import ContractError, item_record, to_raw_item

PREVIEW_ITEMS = 3


def raw_items_name(body_sha256: str) -> str:
    """Each export its own raw file, named by its content (so re-importing replaces it)."""
    return f"items-import-{body_sha256[:16]}.jsonl"


@dataclass
class ImportReport:
    portal: str
    file: str
    run_date: str
    mapping: Mapping
    dry_run: bool = False
    encoding: str = ""
    format: str = ""
    records: int = 0
    items: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    fill: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (filled, of)
    preview: list[dict[str, Any]] = field(default_factory=list)
    identical: int = 0  # items identical in every mapped field to an earlier one
    path: str | None = None

    @property
    def rows(self) -> int:
        return self.records

    @property
    def ok(self) -> bool:
        return True  # odd rows are flagged, not failed

    def summary(self) -> str:
        kinds = ", ".join(f"{v} {k}s" for k, v in sorted(self.items.items())) or "none"
        flagged = ", ".join(f"{k}={v}" for k, v in sorted(self.flags.items())) or "none"
        lines = [
            f"import {self.file} -> {self.portal} {self.run_date}: {self.records} records "
            f"({self.format}, {self.encoding}), {sum(self.items.values())} items ({kinds}), "
            f"flags: {flagged}",
            f"mapping: {self.mapping.origin}",
        ]
        lines += [f"warning: {w}" for w in self.warnings]
        if self.dry_run:
            lines.append("dry run: nothing written")
            lines.append(
                "fill rates: "
                + ", ".join(
                    f"{k} {100 * a // b if b else 0}% ({a}/{b})" for k, (a, b) in self.fill.items()
                )
            )
            for i, item in enumerate(self.preview, start=1):
                lines.append(f"item {i}: {json.dumps(item, ensure_ascii=False)}")
        else:
            lines.append(f"raw items: {self.path}")
        return "\n".join(lines)


def company_constants(settings: Settings, company: str, portal: str) -> dict[str, str]:
    """``--company C``: the tracked company's id on the portal (else its id) and name."""
    companies = load_companies(settings.companies_file)
    wanted = company.casefold()
    hit = next((c for c in companies if c.company_id.casefold() == wanted), None)
    hit = hit or next(
        (c for c in companies if wanted in {c.name.casefold(), *(a.casefold() for a in c.aliases)}),
        None,
    )
    if hit is None:
        raise ConfigError(f"unknown company {company!r}: not in {settings.companies_file}")
    listing = hit.listing(portal)
    return {
        "portal_company_id": listing.portal_company_id if listing else hit.company_id,
        "company_name": hit.name,
    }


def _roots(doc: Document, selector: RecordPath | None) -> list[tuple[Any, RecordPath | None]]:
    """(root, selector) per document unit: the whole document, or each row / element."""
    if doc.split_array and selector is not None and selector.steps[:1]:
        first = selector.steps[0]
        if first.kind == "all" and selector.up == 0:
            rest = dataclasses.replace(selector, steps=selector.steps[1:])
            return [(r, rest if rest.steps else None) for r in doc.rows]
    return [(r, selector) for r in doc.rows]


def _records(doc: Document, section: Section) -> list[tuple[Any, list[Record] | None]]:
    """Per row: the row and its records (None for a row that could not be read)."""
    out = []
    for row, selector in _roots(doc, section.records):
        if row.error is not None:
            out.append((row, None))
        else:
            out.append((row, select(row.value, selector)))
    return out


def _warn_fields(report: ImportReport, mapped: list[dict[str, Any]], section: Section) -> None:
    n = len(mapped)
    for name in section.fields:
        filled = sum(1 for m in mapped if m.get(name) is not None)
        report.fill[name] = (filled, n)
        if n and filled == 0:
            report.warnings.append(
                f"{name} ({_spec_text(section, name)}) is empty in all {n} records"
            )
    ratings = [m.get("rating_value") for m in mapped if m.get("rating_value") is not None]
    if len(ratings) >= 5 and len({str(r) for r in ratings}) == 1:
        report.warnings.append(
            f"rating_value is {ratings[0]!r} in all {len(ratings)} records: "
            "a scraper that read one value for every row?"
        )


def _spec_text(section: Section, name: str) -> str:
    src = section.fields[name].source
    return src if isinstance(src, str) else json.dumps(src, ensure_ascii=False)


def mapping_for(
    settings: Settings,
    *,
    portal: str,
    file_path: Path | str,
    mapping: Path | str | None = None,
    company: str | None = None,
) -> Mapping:
    """The mapping an import of ``file_path`` uses: the file given, or the one inferred
    (with the portal's configured scale), to show or save before importing."""
    file_path = Path(file_path)
    if mapping is not None:
        return load_mapping(mapping)
    if not file_path.is_file():
        raise ConfigError(f"export file not found: {file_path}")
    cfg = _portal(settings, portal)
    fixed = company_constants(settings, company, portal) if company else None
    doc = read_document(file_path, file_path.read_bytes(), None, None, None)
    return infer_from_document(doc, file_path, portal_scale=cfg.scale, company=fixed)


def _portal(settings: Settings, portal: str):
    portals = load_portals(settings.portals_file)
    if portal not in portals:
        raise ConfigError(
            f"unknown portal {portal!r}: add it to {settings.portals_file} "
            f"(known: {', '.join(sorted(portals))})"
        )
    return portals[portal]


def import_file(
    settings: Settings,
    *,
    portal: str,
    file_path: Path | str,
    run_date: date | str,
    mapping: Mapping | Path | str | None = None,
    company: str | None = None,
    dry_run: bool = False,
    mapping_path: Path | str | None = None,
) -> ImportReport:
    """Import one export. ``mapping``: a Mapping, a mapping file, or None to infer it."""
    file_path = Path(file_path)
    if not file_path.is_file():
        raise ConfigError(f"export file not found: {file_path}")
    cfg = _portal(settings, portal)
    mapping = mapping if mapping is not None else mapping_path
    if isinstance(mapping, str | Path):
        mapping = load_mapping(mapping)
    fixed = company_constants(settings, company, portal) if company else None
    body = file_path.read_bytes()
    if mapping is None:
        doc = read_document(file_path, body, None, None, None)
        mapping = infer_from_document(doc, file_path, portal_scale=cfg.scale, company=fixed)
    else:
        doc = read_document(file_path, body, mapping.format, mapping.encoding, mapping.delimiter)
    if fixed is None and not _names_company(mapping):
        raise ConfigError(
            f"{file_path.name}: the export names no company; pass --company C (a company_id "
            f"from {settings.companies_file}) or map portal_company_id"
        )
    sha = sha256_of(body)
    common = Common(
        portal=portal,
        file_name=file_path.name,
        source_url=file_path.resolve().as_uri(),
        fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        spider_version=SPIDER_VERSION,
        response_sha256=sha,
        scale=(float(cfg.scale[0]), float(cfg.scale[1])),
        company=fixed,
    )
    report = ImportReport(
        portal=portal,
        file=str(file_path),
        run_date=str(run_date),
        mapping=mapping,
        dry_run=dry_run,
        encoding=doc.encoding,
        format=doc.format,
    )
    report.warnings += doc.notes
    items = _make_items(doc, mapping, common, report)
    kinds: Counter = Counter(i.kind for i in items)
    flags: Counter = Counter(f for i in items for f in i.flags)
    report.items, report.flags = dict(kinds), dict(flags)
    if dry_run:
        report.preview = [_shown(i) for i in items[:PREVIEW_ITEMS]]
        return report
    store = RawStore(settings)
    store.store_body(body, sha)
    out = store.staged(portal, str(run_date), raw_items_name(sha))
    try:
        for item in items:
            out.write(item_record(item))
    except BaseException:
        out.discard()
        raise
    report.path = out.publish()
    return report


def _names_company(mapping: Mapping) -> bool:
    sections = [mapping.main] + ([mapping.aggregate] if mapping.aggregate else [])
    return all(
        any(f in s.fields or f in s.constants for f in ("portal_company_id", "company_name"))
        for s in sections
    )


def _shown(item: RawItem) -> dict[str, Any]:
    """An item as a dry run shows it: what was read, long texts cut."""
    skip = {"portal", "source_url", "spider", "spider_version", "response_sha256"}
    out = {}
    for k, v in dataclasses.asdict(item).items():
        if k not in skip and v not in (None, {}, []):
            out[k] = v[:100] + "…" if isinstance(v, str) and len(v) > 100 else v
    return out


def _checked(item: RawItem) -> RawItem:
    try:
        return to_raw_item(item)
    except ContractError as exc:  # a value JSON cannot hold: keep the row, say so
        item.flags = sorted({*item.flags, "unserialisable_value"})
        item.extra = {k: item.extra.get(k) for k in ("import_row", "import_file")}
        item.extra["import_error"] = str(exc)[:200]
        item.sub_ratings = {}
        return item


def _make_items(doc: Document, mapping: Mapping, common: Common, report: ImportReport):
    items: list[RawItem] = []
    main = mapping.main
    mapped_rows: list[dict[str, Any]] = []
    seen_keys: Counter = Counter()
    ids: dict[str, str] = {}
    id_clashes = 0
    main_records: list[Record] = []
    number = 0
    for row, records in _records(doc, main):
        if records is None:
            number += 1
            items.append(
                unreadable_item(main.kind, number, row.error or "", row.raw, row.flags, common)
            )
            continue
        for record in records:
            number += 1
            item, mapped = build_item(main, record, number, common, row.flags)
            item = _checked(item)
            main_records.append(record)
            mapped_rows.append(mapped)
            key = item.extra.get("import_key")
            if key is not None:
                seen_keys[key] += 1
            elif item.review_id is not None:
                content = json.dumps(mapped, sort_keys=True, default=str)
                if ids.setdefault(item.review_id, content) != content:
                    id_clashes += 1
            items.append(item)
    report.records = number
    _check_top_object(doc, main, mapped_rows)
    report.identical = sum(c - 1 for c in seen_keys.values())
    if report.identical:
        report.warnings.append(
            f"{report.identical} records are identical in every mapped field to an earlier "
            "one: they count as duplicates in the transform"
        )
    if id_clashes:
        report.warnings.append(
            f"{id_clashes} records repeat an earlier review_id with other content: "
            "the transform keeps one per id"
        )
    _warn_fields(report, mapped_rows, main)
    if common.company is not None:
        shown = {
            str(m.get("company_name") or m.get("portal_company_id"))
            for m in mapped_rows
            if any(m.get(f) is not None for f in COMPANY_FIELDS)
        }
        if len(shown) > 1:
            report.warnings.append(
                f"--company assigns all records to {common.company['company_name']}, but the "
                f"export names {len(shown)} companies ({', '.join(sorted(shown)[:3])}, ...)"
            )
    if mapping.aggregate is not None:
        items += _aggregate_items(doc, mapping.aggregate, main_records, common, report)
    return items


def _check_top_object(doc: Document, main: Section, mapped: list[dict[str, Any]]) -> None:
    """A mapping without ``records:`` on a file that is one object: that object is the
    record (a profile). If none of the mapped fields is in it, the records are elsewhere."""
    if main.records is not None or not doc.whole or len(mapped) != 1 or not main.fields:
        return
    if any(v is not None for v in mapped[0].values()):
        return
    top = doc.rows[0].value
    lists = [k for k, v in top.items() if isinstance(v, list)] if isinstance(top, dict) else []
    hint = f" (e.g. records: {lists[0]})" if lists else ""
    raise ConfigError(
        f"none of the mapped fields is at the top level of the file: set `records:`{hint}"
    )


def _aggregate_items(
    doc: Document, section: Section, main_records: list[Record], common: Common, report
) -> list[RawItem]:
    """The company's own figures: once per distinct company and values."""
    if section.records is None:
        records = main_records
    else:
        records = [r for _, rs in _records(doc, section) if rs for r in rs]
    out: list[RawItem] = []
    seen: set[str] = set()
    collapsed = 0
    for n, record in enumerate(records, start=1):
        item, mapped = build_item(section, record, n, common, [])
        if all(mapped.get(f) is None for f in ("rating_value", "review_count")):
            continue  # this record shows no figures of its company
        key = json.dumps(mapped, sort_keys=True, default=str)
        if key in seen:
            collapsed += 1
            continue
        seen.add(key)
        out.append(_checked(item))
    if collapsed and section.records is None:
        report.warnings.append(
            f"the company figures repeat on {collapsed + len(out)} records: "
            f"{len(out)} aggregate item(s), one per company"
        )
    return out
