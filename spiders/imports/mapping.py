"""The import mapping: which part of an export fills which raw field.

A mapping is YAML (``docs/importing.md``)::

    format: json                 # csv | json | jsonl | yaml (default: from the file)
    encoding: auto               # or a codec name (default: auto)
    records: result.reviews[*]   # where the records are (default: the rows / top-level list)
    kind: review                 # review | aggregate | mention
    fields:                      # raw field: path, or {path|template|value, regex, ...}
      rating_value: rating
      published_raw: {path: date, regex: "on (.+)$"}
      company_name: ^.name
      sub_ratings: category_ratings
    constants: {rating_best: 10}
    aggregate:                   # optional: the company's own figures in the same file
      records: result            # omitted: the same records as above, one per company
      fields: {rating_value: rating, review_count: user_ratings_total}

The mappings of the first importer (``columns:`` and ``constants:``, ``records:`` naming a
key) read the same as before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path as FilePath
from typing import Any

import yaml

from core.contracts.raw_items import RAW_FIELDS
from core.settings import ConfigError
from spiders.imports.formats import FORMATS
from spiders.imports.paths import MISSING, Path, Record, get, parse_path

KINDS = ("review", "aggregate", "mention")
# Set by the importer itself, never by a mapping.
_NOT_MAPPABLE = {"portal", "spider", "spider_version", "response_sha256", "flags", "extra"}
TARGETS = tuple(f for f in RAW_FIELDS if f not in _NOT_MAPPABLE)
_TOP_KEYS = {"format", "encoding", "delimiter", "records", "kind", "fields", "columns"}
_TOP_KEYS |= {"constants", "aggregate"}
_SPEC_KEYS = {"path", "template", "value", "regex", "date_format", "map"}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class FieldSpec:
    """How one raw field is read from a record."""

    source: Any  # as written in the mapping (for dumping it back)
    path: Path | None = None
    template: str | None = None
    value: Any = None
    has_value: bool = False
    regex: re.Pattern | None = None
    date_format: tuple[str, ...] = ()
    map: dict[str, Any] | None = None
    first: tuple[FieldSpec, ...] = ()  # a list: the first that is not empty


@dataclass(frozen=True)
class Section:
    kind: str
    records: Path | None  # None: the rows / the top-level list / (aggregate) the main records
    fields: dict[str, FieldSpec]
    constants: dict[str, Any]


@dataclass(frozen=True)
class Mapping:
    format: str | None
    encoding: str | None
    delimiter: str | None
    main: Section
    aggregate: Section | None = None
    origin: str = ""  # the mapping file, or "inferred from <file>"
    # Comments for the YAML dump: what inference saw (file notes, then per field).
    notes: tuple[str, ...] = ()
    field_notes: dict[str, str] = field(default_factory=dict)


def _target_ok(name: str) -> bool:
    if name.startswith(("sub_ratings.", "extra.")):
        return bool(name.split(".", 1)[1])
    return name in TARGETS


def parse_spec(raw: Any, where: str) -> FieldSpec:
    if isinstance(raw, list):
        if not raw:
            raise ConfigError(f"{where}: an empty list")
        return FieldSpec(source=raw, first=tuple(parse_spec(x, where) for x in raw))
    if isinstance(raw, str):
        if _PLACEHOLDER.search(raw):
            return _template_spec(raw, raw, where, {})
        return FieldSpec(source=raw, path=parse_path(raw))
    if isinstance(raw, int | float | bool) or raw is None:
        return FieldSpec(source={"value": raw}, value=raw, has_value=True)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a path, a list or a mapping, got {raw!r}")
    unknown = sorted(set(raw) - _SPEC_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)} (known: path, "
            "template, value, regex, date_format, map)"
        )
    given = [k for k in ("path", "template", "value") if k in raw]
    if len(given) != 1:
        raise ConfigError(f"{where}: give exactly one of path, template, value")
    extras: dict[str, Any] = {}
    if "regex" in raw:
        try:
            extras["regex"] = re.compile(str(raw["regex"]))
        except re.error as exc:
            raise ConfigError(f"{where}: regex {raw['regex']!r}: {exc}") from exc
    if "date_format" in raw:
        fmts = raw["date_format"]
        extras["date_format"] = tuple(str(f) for f in (fmts if isinstance(fmts, list) else [fmts]))
    if "map" in raw:
        if not isinstance(raw["map"], dict):
            raise ConfigError(f"{where}: map must be a mapping of shown value -> value")
        extras["map"] = {str(k).casefold(): v for k, v in raw["map"].items()}
    if "template" in raw:
        return _template_spec(str(raw["template"]), raw, where, extras)
    if "value" in raw:
        return FieldSpec(source=raw, value=raw["value"], has_value=True, **extras)
    return FieldSpec(source=raw, path=parse_path(str(raw["path"])), **extras)


def _template_spec(text: str, source: Any, where: str, extras: dict) -> FieldSpec:
    for name in _PLACEHOLDER.findall(text):
        parse_path(name)  # a bad placeholder is a config error now, not a null later
    return FieldSpec(source=source, template=text, **extras)


def _section(data: dict, where: str, kind_default: str, top: bool) -> Section:
    fields_raw = data.get("fields") if "fields" in data else data.get("columns")
    if fields_raw is None:
        fields_raw = {}
    if not isinstance(fields_raw, dict):
        raise ConfigError(f"{where}: fields must be a mapping of raw field -> path")
    constants = dict(data.get("constants") or {})
    names = [str(k) for k in fields_raw] + [str(k) for k in constants]
    if "portal" in names:
        raise ConfigError(f"{where}: the portal is given on the command line, not in the mapping")
    unknown = sorted({n for n in names if not _target_ok(n) and n != "kind"})
    if unknown:
        raise ConfigError(f"{where}: not raw contract fields: {', '.join(unknown)}")
    kind = str(data.get("kind") or constants.pop("kind", None) or kind_default)
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    fields = {str(k): parse_spec(v, f"{where}: {k}") for k, v in fields_raw.items()}
    records = data.get("records")
    # "$" is the top of the file: for the main records the default, for the aggregate
    # section not (omitted there means "the main records, one item per company").
    path = parse_path(str(records)) if records not in (None, "") else None
    if top and records == "$":
        path = None
    if not top and not fields:
        raise ConfigError(f"{where}: the aggregate section maps no fields")
    return Section(kind=kind, records=path, fields=fields, constants=constants)


def mapping_from_dict(data: Any, where: str) -> Mapping:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at the top level")
    unknown = sorted(set(map(str, data)) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}")
    fmt = data.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    main = _section(data, where, "review", top=True)
    agg = data.get("aggregate")
    aggregate = None
    if agg is not None:
        if not isinstance(agg, dict):
            raise ConfigError(f"{where}: aggregate must be a mapping (records, fields)")
        aggregate = _section(agg, f"{where}: aggregate", "aggregate", top=False)
        if aggregate.kind != "aggregate":
            raise ConfigError(f"{where}: the aggregate section's kind must be aggregate")
    encoding = data.get("encoding")
    return Mapping(
        format=fmt,
        encoding=None if encoding in (None, "", "auto") else str(encoding),
        delimiter=str(data["delimiter"]) if data.get("delimiter") else None,
        main=main,
        aggregate=aggregate,
        origin=where,
    )


def load_mapping(path: FilePath | str) -> Mapping:
    path = FilePath(path)
    if not path.exists():
        raise ConfigError(f"import mapping not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid"
        raise ConfigError(f"{path} is not valid YAML: {first}") from exc
    return mapping_from_dict(data, str(path))


# --- reading one field of one record -------------------------------------------


def _empty(v: Any) -> bool:
    return v is None or v is MISSING or (isinstance(v, str) and not v.strip()) or v == []


def _text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v)) if not isinstance(v, bool) else str(v)
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _iso(value: str, fmts: tuple[str, ...]) -> str | None:
    for fmt in fmts:
        try:
            dt = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        if any(c in fmt for c in ("%H", "%I", "%M")):
            return dt.strftime("%Y-%m-%dT%H:%M:%S")
        if "%d" in fmt or "%j" in fmt:
            return dt.strftime("%Y-%m-%d")
        return dt.strftime("%Y-%m")
    return None


def resolve(spec: FieldSpec, record: Record) -> tuple[Any, list[str]]:
    """The field's value in ``record`` (None where empty) and the flags reading it raised."""
    if spec.first:
        flags: list[str] = []
        for option in spec.first:
            value, f = resolve(option, record)
            if not _empty(value):
                return value, f
            flags += f
        return None, []
    if spec.has_value:
        value: Any = spec.value
    elif spec.template is not None:
        parts = {}
        for name in _PLACEHOLDER.findall(spec.template):
            v = get(record, parse_path(name))
            if _empty(v):
                return None, []  # "{year}-{month}" without a month is no date
            parts[name] = _text(v)
        value = _PLACEHOLDER.sub(lambda m: parts[m.group(1)], spec.template)
    else:
        value = get(record, spec.path)
        if isinstance(value, list) and spec.path.fans_out:
            kept = [_text(v) for v in value if not _empty(v)]
            value = "\n".join(kept) if kept else None
    if _empty(value):
        return None, []
    flags = []
    if spec.regex is not None:
        m = spec.regex.search(_text(value))
        if m is None:
            flags.append("pattern_unmatched")
        else:
            groups = m.groupdict()
            got = (
                groups.get("value")
                if "value" in groups
                else (m.group(1) if m.groups() else m.group(0))
            )
            value = got
    if spec.map is not None and not _empty(value):
        key = _text(value).strip().casefold()
        if key in spec.map:
            value = spec.map[key]
    if spec.date_format and not _empty(value):
        iso = _iso(_text(value), spec.date_format)
        if iso is None:
            flags.append("date_format_mismatch")
        else:
            value = iso
    return (None if _empty(value) else value), flags


# --- writing it back -----------------------------------------------------------


def _flow(value: Any) -> str:
    """One YAML flow value; JSON is valid YAML flow syntax and quotes what must be quoted."""
    plain = isinstance(value, str) and re.fullmatch(r"[A-Za-z_][\w\-]*(?:\.[\w\-]+)*", value)
    if plain and value.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _section_lines(sec: Section, indent: str, notes: dict[str, str], top: bool) -> list[str]:
    out = []
    if sec.records is not None:
        out.append(f"{indent}records: {_flow(sec.records.text)}")
    elif not top:
        out.append(f"{indent}# records: omitted = the records above, one item per company")
    if top or sec.kind != "aggregate":
        out.append(f"{indent}kind: {sec.kind}")
    if sec.fields:
        out.append(f"{indent}fields:")
        width = max(len(k) for k in sec.fields) + 1
        for name, spec in sec.fields.items():
            note = notes.get(f"{'' if top else 'aggregate.'}{name}")
            line = f"{indent}  {name + ':':<{width}} {_flow(spec.source)}"
            out.append(f"{line}  # {note}" if note else line)
    if sec.constants:
        out.append(f"{indent}constants:")
        for name, v in sec.constants.items():
            out.append(f"{indent}  {name}: {_flow(v)}")
    return out


def to_yaml(m: Mapping) -> str:
    """The mapping as YAML that ``load_mapping`` reads back to the same mapping."""
    lines = [f"# ruf import mapping ({m.origin})" if m.origin else "# ruf import mapping"]
    lines += [f"# {n}" for n in m.notes]
    if m.format:
        lines.append(f"format: {m.format}")
    lines.append(f"encoding: {_flow(m.encoding) if m.encoding else 'auto'}")
    if m.delimiter:
        lines.append(f"delimiter: {json.dumps(m.delimiter)}")
    lines += _section_lines(m.main, "", m.field_notes, top=True)
    if m.aggregate is not None:
        lines.append("aggregate:")
        lines += _section_lines(m.aggregate, "  ", m.field_notes, top=False)
    return "\n".join(lines) + "\n"
