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

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from core.config import load_companies, load_portals
from core.contracts.raw_items import items_file_name
from core.settings import ConfigError, Settings
from spiders import SPIDER_VERSION
from spiders.archive import RawStore, sha256_of
from spiders.imports.batch import Tally, items, record_of
from spiders.imports.formats import read_document
from spiders.imports.infer import infer_from_document
from spiders.imports.items import Common
from spiders.imports.mapping import Mapping, load_mapping

PREVIEW_ITEMS = 3


def raw_items_name(body_sha256: str) -> str:
    """Each export its own raw file, named by its content (so re-importing replaces it)."""
    return items_file_name(f"import-{body_sha256[:16]}")


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
    tally = Tally()
    stream = items(doc, mapping, common, tally)
    if dry_run:
        for _ in stream:
            pass
    else:
        store = RawStore(settings)
        store.store_body(body, sha)
        out = store.staged(portal, str(run_date), raw_items_name(sha))
        try:
            for item in stream:
                out.write(record_of(item))
        except BaseException:
            out.discard()
            raise
        report.path = out.publish()
    report.records, report.identical = tally.records, tally.identical
    report.items, report.flags = dict(tally.kinds), dict(tally.flags)
    report.fill = {k: (tally.filled[k], tally.records) for k in mapping.main.fields}
    report.preview = tally.preview if dry_run else []
    report.warnings += doc.notes + tally.warnings(mapping.main, common)
    return report


def _names_company(mapping: Mapping) -> bool:
    sections = [mapping.main] + ([mapping.aggregate] if mapping.aggregate else [])
    return all(
        any(f in s.fields or f in s.constants for f in ("portal_company_id", "company_name"))
        for s in sections
    )
