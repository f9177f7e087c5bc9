"""Import a portal's review export (CSV, JSON or JSON Lines) into the raw contract.

A small declared mapping (YAML) says which source column fills which raw
field, plus constants (``rating_best: 10``)::

    format: csv              # csv | json | jsonl; default: from the file name
    encoding: utf-8
    delimiter: ","           # csv only
    records: reviews         # json only: the key holding the list, if not top level
    columns: {review_id: id, rating_value: stars, text: body, published_raw: date,
              sub_ratings.Service: service_score, ...}
    constants: {kind: review, rating_worst: 1, rating_best: 5, portal_company_id: acme}

Like the spiders, the importer keeps every row and flags what is odd
(``undecodable_bytes``, ``rating_missing``, ``rating_out_of_scale``,
``rating_unparsable``, ``date_missing``, ``company_missing``, ``unparsable_row``);
the transforms decide. Items go to ``<raw>/<portal>/<run date>/items-import.jsonl``,
written aside and renamed into place; the export itself is archived by content.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from core.contracts.raw_items import RAW_FIELDS, RawItem, items_file_name
from core.settings import ConfigError, Settings
from spiders import SPIDER_VERSION
from spiders.archive import RawStore, sha256_of
from spiders.pipelines import ContractError, item_record, to_raw_item

FORMATS = ("csv", "json", "jsonl")
_NESTED = ("sub_ratings.", "extra.")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass
class ImportReport:
    portal: str
    file: str
    rows: int = 0
    items: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    path: str | None = None

    @property
    def ok(self) -> bool:
        return True  # odd rows are flagged, not failed

    def summary(self) -> str:
        flagged = ", ".join(f"{k}={v}" for k, v in sorted(self.flags.items())) or "none"
        kinds = ", ".join(f"{v} {k}s" for k, v in self.items.items()) or "none"
        return (
            f"import {self.file} -> {self.portal}: {self.rows} rows, "
            f"{sum(self.items.values())} items ({kinds}), flags: {flagged}"
        )


@dataclass(frozen=True)
class Mapping:
    format: str | None
    encoding: str
    delimiter: str
    records: str | None
    columns: dict[str, str]
    constants: dict[str, Any]


def load_mapping(path: Path) -> Mapping:
    if not Path(path).exists():
        raise ConfigError(f"import mapping not found: {path}")
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    constants = dict(data.get("constants") or {})
    # "sub_ratings.<name>" and "extra.<name>" fill one key of those mappings.
    plain = {k.split(".", 1)[0] if k.startswith(_NESTED) else k for k in columns}
    unknown = sorted((plain | set(constants)) - set(RAW_FIELDS))
    if unknown:
        raise ConfigError(f"{path}: not raw contract fields: {', '.join(unknown)}")
    if "portal" in columns or "portal" in constants:
        raise ConfigError(f"{path}: the portal is given on the command line, not in the mapping")
    if "portal_company_id" not in columns and "portal_company_id" not in constants:
        raise ConfigError(f"{path}: map a column (or a constant) to portal_company_id")
    fmt = data.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"{path}: format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return Mapping(
        format=fmt,
        encoding=str(data.get("encoding") or "utf-8"),
        delimiter=str(data.get("delimiter") or ","),
        records=data.get("records"),
        columns=columns,
        constants=constants,
    )


def _records(text: str, fmt: str, mapping: Mapping, path: Path) -> list[Any]:
    """The export's rows; a row that cannot be read stays, as its raw text."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=mapping.delimiter))
    if fmt == "jsonl":
        out: list[Any] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except ValueError:
                out.append(_Unparsable(line))
        return out
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from exc
    if mapping.records:
        data = data.get(mapping.records) if isinstance(data, dict) else None
    if not isinstance(data, list):
        where = f"under {mapping.records!r}" if mapping.records else "at the top level"
        raise ConfigError(f"{path}: expected a list of records {where} (set `records:`)")
    return data


@dataclass(frozen=True)
class _Unparsable:
    text: str


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rating_flags(item: RawItem) -> list[str]:
    if item.kind == "mention":
        return []
    if _blank(item.rating_value):
        return ["rating_missing"]
    m = _NUMBER.search(str(item.rating_value))
    if m is None:
        return ["rating_unparsable"]
    value = float(m.group(0).replace(",", "."))
    try:
        lo, hi = float(str(item.rating_worst)), float(str(item.rating_best))
    except ValueError:
        return []
    return [] if lo <= value <= hi else ["rating_out_of_scale"]


def _item(row: Any, n: int, portal: str, mapping: Mapping, common: dict[str, Any]) -> RawItem:
    flags: list[str] = []
    values: dict[str, Any] = {"kind": "review", **mapping.constants}
    if isinstance(row, dict):
        for fld, column in mapping.columns.items():
            value = row.get(column)
            if isinstance(value, str):
                value = value.strip() or None
            if fld.startswith(_NESTED):
                outer, key = fld.split(".", 1)
                if value is not None:
                    values.setdefault(outer, {})[key] = value
            elif value is not None or fld not in values:
                values[fld] = value
    else:
        flags.append("unparsable_row")
        values["text"] = row.text if isinstance(row, _Unparsable) else json.dumps(row)
    values.update(common)
    values["portal"] = portal
    values["extra"] = {**(values.get("extra") or {}), "import_row": n}
    if _blank(values.get("portal_company_id")):
        flags.append("company_missing")
        values["portal_company_id"] = "unknown"
    values["portal_company_id"] = str(values["portal_company_id"])
    if values.get("kind") not in ("review", "aggregate", "mention"):
        flags.append("kind_unknown")
        values["extra"]["kind_as_given"] = values.get("kind")
        values["kind"] = "review"
    item = RawItem(**{k: v for k, v in values.items() if k in RAW_FIELDS})
    if any("\ufffd" in str(v) for v in vars(item).values() if isinstance(v, str)):
        flags.append("undecodable_bytes")
    flags += _rating_flags(item)
    if item.kind != "aggregate" and _blank(item.published_raw):
        flags.append("date_missing")
    item.flags = [*item.flags, *flags]
    return item


def import_file(
    settings: Settings,
    *,
    portal: str,
    mapping_path: Path,
    file_path: Path,
    run_date: date | str,
) -> ImportReport:
    mapping = load_mapping(Path(mapping_path))
    file_path = Path(file_path)
    if not file_path.exists():
        raise ConfigError(f"export file not found: {file_path}")
    fmt = mapping.format or file_path.suffix.lower().lstrip(".").replace("ndjson", "jsonl")
    if fmt not in FORMATS:
        raise ConfigError(f"{file_path}: cannot tell the format; set `format:` in the mapping")
    body = file_path.read_bytes()
    try:
        text = body.decode(mapping.encoding, errors="replace")
    except LookupError as exc:
        raise ConfigError(f"{mapping_path}: unknown encoding {mapping.encoding!r}") from exc
    rows = _records(text.removeprefix("\ufeff"), fmt, mapping, file_path)

    store = RawStore(settings)
    sha = store.store_body(body, sha256_of(body))
    common = {
        "source_url": file_path.resolve().as_uri(),
        "fetched_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "spider": "import",
        "spider_version": SPIDER_VERSION,
        "response_sha256": sha,
    }
    report = ImportReport(portal=portal, file=str(file_path), rows=len(rows))
    kinds: Counter = Counter()
    flags: Counter = Counter()
    out = store.staged(portal, str(run_date), items_file_name("import"))
    try:
        for n, row in enumerate(rows, start=1):
            item = _item(row, n, portal, mapping, common)
            try:
                raw = to_raw_item(item)
            except ContractError as exc:  # e.g. a nested value JSON cannot hold
                item.flags.append("unserialisable_value")
                item.extra = {"import_row": n, "error": str(exc)}
                item.sub_ratings = {}
                raw = item
            kinds[raw.kind] += 1
            flags.update(raw.flags)
            out.write(item_record(raw))
    except BaseException:
        out.discard()
        raise
    report.path = out.publish()
    report.items = dict(kinds)
    report.flags = dict(flags)
    return report
