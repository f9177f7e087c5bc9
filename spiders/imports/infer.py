"""Inferring a mapping from the export itself, so ``ruf import --portal P FILE`` needs none.

1. The records: every list of objects in the file (``reviews[*]``, ``result.reviews[*]``,
   ``[*][*].reviews_data[*]``, the rows of a CSV) is a candidate; the one whose fields
   read most like reviews (a rating, a date, a text, an author) wins. A file without one
   is read as companies' figures: a list of places, or one object (a profile).
2. The fields: names in English and German and what the values look like
   (``fields.py``); then the rating's scale and the date's format (``shapes.py``).
3. The company's own figures: in the object that holds the reviews (``^.name``), or
   repeated on every row of a flat export, become an ``aggregate`` section.
What inference saw is written into the mapping as comments, so it can be checked,
edited and saved (``--show-mapping``, ``--save-mapping``).
"""

import math
import re
from pathlib import Path as FilePath
from typing import Any

from core.settings import ConfigError
from spiders.imports.choose import COMPANY, DATES, REVIEW_FIELDS, assign
from spiders.imports.fields import Column, columns, norm
from spiders.imports.figures import (
    agg_specs,
    aggregate_fields,
    aggregate_section,
    company_fallback,
    name_beside_id,
    place_names,
    review_rating_not_company,
)
from spiders.imports.formats import Document, read_document
from spiders.imports.items import fetch_time
from spiders.imports.mapping import Mapping, mapping_from_dict
from spiders.imports.paths import Record, as_json, parse_path, select
from spiders.imports.rows import MAX_DEPTH
from spiders.imports.shapes import date_spec, rating_spec, scale_columns, sub_ratings


def _candidates(root: Any) -> list[str]:
    """Selectors of every list of objects (and the top object) in the document."""
    found: list[str] = []
    stack: list[tuple[Any, str, int]] = [(root, "", 0)]
    budget = 200_000
    while stack and budget > 0:
        node, path, depth = stack.pop()
        budget -= 1
        node = as_json(node)
        if depth > min(MAX_DEPTH, 12):
            continue
        if isinstance(node, list):
            objects = [x for x in (as_json(y) for y in node[:200]) if isinstance(x, dict)]
            if objects and path + "[*]" not in found:
                found.append(path + "[*]")
            for x in node[:50]:
                if isinstance(as_json(x), dict | list):
                    stack.append((x, path + "[*]", depth + 1))
        elif isinstance(node, dict):
            if not path:
                found.append("$")
            if _records_by_key(node) and path + "[*]" not in found:
                found.append(path + "[*]")  # {"r1": {...}, "r2": {...}}: records keyed by id
            for k, v in node.items():
                if isinstance(v, dict | list) or (isinstance(v, str) and v[:1] in "{["):
                    key = str(k)
                    safe = key.replace('"', '\\"')
                    step = f'["{safe}"]' if any(c in key for c in '.[]"') else key
                    sep = "." if path and not step.startswith("[") else ""
                    stack.append((v, f"{path}{sep}{step}", depth + 1))
    return found


def _records_by_key(node: dict) -> bool:
    """An object whose values are objects alike (three or more): records keyed by id."""
    values = list(node.values())[:200]
    objects = [v for v in values if isinstance(v, dict)]
    if len(objects) < 3 or len(objects) < 0.6 * len(values):
        return False
    common = set(objects[0]).intersection(*objects[1:])
    return len(common) >= max(2, len(objects[0]) // 2)


def _review_score(fields: dict[str, Column], n: int) -> float:
    weights = {"rating_value": 2, "published_raw": 1, "text": 1.5, "title": 0.5, "pros": 0.5}
    weights |= {"cons": 0.3, "author_name": 0.8, "review_id": 0.3, "reply_text": 0.3}
    score = sum(w for f, w in weights.items() if f in fields)
    about = {"published_raw", "text", "title", "pros", "cons"} & set(fields)
    if not (("rating_value" in fields and about) or {"text", "published_raw"} <= set(fields)):
        return 0.0  # a rating with a name only is a place's, not a review
    return score * (1 + 0.15 * math.log10(max(n, 1)))


def infer_from_document(
    doc: Document, file_path: FilePath, *, portal_scale: tuple[float, float], company: Any = None
) -> Mapping:
    per_row = not doc.whole
    root: Any = (
        [r.value for r in doc.rows if r.error is None][:2000]
        if per_row
        else (doc.rows[0].value if doc.rows else None)
    )
    best: tuple[float, str, list[Record], dict[str, Column], dict[str, Column]] | None = None
    places = None
    for cand in _candidates(root):
        records = select(root, parse_path(cand))
        if not records:
            continue
        cols = columns(records)
        n = len(records)
        fields = assign(cols, REVIEW_FIELDS, n)
        score = _review_score(fields, n) if cand != "$" else 0.0
        if best is None or score > best[0]:
            best = (score, cand, records, cols, fields)
        agg = aggregate_fields(cols, n, company_level=False)
        rank = ("review_count" in agg, n)
        if "rating_value" in agg and (places is None or rank > places[0]):
            places = (rank, cand, records, cols, agg)
    if best is None or (best[0] == 0 and places is None):
        raise ConfigError(
            f"{file_path.name}: found no reviews and no ratings to import; "
            "write a mapping (docs/importing.md)"
        )
    notes: list[str] = []
    field_notes: dict[str, str] = {}
    data: dict[str, Any] = {"format": doc.format if doc.format != "json" or not per_row else "json"}
    if doc.delimiter and doc.delimiter != ",":
        data["delimiter"] = doc.delimiter
    if doc.encoding and not doc.encoding.startswith(("utf-8", "utf-16")):
        data["encoding"] = doc.encoding
    if best[0] > 0:
        score, cand, records, cols, fields = best
        kind = "review" if "rating_value" in fields else "mention"
        data |= {"records": _own(cand, per_row), "kind": kind}
        name_beside_id(cols, fields, records)
        review_rating_not_company(cols, fields, records)
        data["fields"] = _field_specs(fields, cols, portal_scale, field_notes, "")
        data["fields"] |= sub_ratings(cols, {c.path for c in fields.values()})
        _add_dates_from_parts(data["fields"], cols)
        aggregate = aggregate_section(root, cand, per_row, cols, fields, records, field_notes)
        if aggregate:
            data["aggregate"] = aggregate
        company_fallback(data, root, cand, per_row, cols, fields, company)
        _fetch_time(data["fields"], fields, root, per_row, notes)
        _figures_fetched_with_reviews(data)
        notes.append(f"{len(records)} records at {cand or 'the rows'} (read as {kind}s)")
        both = (
            {**data["fields"], **{f"a.{k}": v for k, v in aggregate["fields"].items()}}
            if (aggregate and "records" not in aggregate)
            else data["fields"]
        )
        _note_unmapped(notes, cols, both)
    else:
        _, cand, records, cols, agg = places
        data |= {"records": _own(cand, per_row), "kind": "aggregate"}
        who = assign(cols, COMPANY, len(records)) if len(records) > 1 else {}
        for target, col in place_names(cols).items():
            if col.path not in {c.path for c in who.values()}:
                who.setdefault(target, col)
        data["fields"] = agg_specs(agg, who, cols, field_notes, "")
        notes.append(f"{len(records)} record(s) at {cand} read as companies' figures (no reviews)")
    mapping = mapping_from_dict(data, f"inferred from {file_path.name}")
    return Mapping(**{**mapping.__dict__, "notes": tuple(notes), "field_notes": field_notes})


def _fetch_time(specs, fields, root, per_row: bool, notes: list[str]) -> None:
    """When the export was made (relative dates count back from it): a column, or a field
    of the document (``$.metadata.extracted_date``); never one before a review's date."""
    if "fetched_at" not in specs and not per_row and isinstance(root, dict):
        top = columns([Record(root, (), root, "$")], max_depth=2)
        found = assign({p: c for p, c in top.items() if c.values}, ("fetched_at",), 1)
        if "fetched_at" in found:
            specs["fetched_at"] = f"$.{found['fetched_at'].path}"
            fields["fetched_at"] = found["fetched_at"]
    if "fetched_at" not in specs or "published_raw" not in fields:
        return
    made = [fetch_time(v) for v in fields["fetched_at"].values]
    shown = [fetch_time(v) for v in fields["published_raw"].values if isinstance(v, str)]
    made, shown = [m for m in made if m], [s for s in shown if s]
    if made and shown and max(shown)[:10] > min(made)[:10]:
        notes.append(f"{fields['fetched_at'].path} is before some review dates: not the fetch time")
        del specs["fetched_at"]


def _figures_fetched_with_reviews(data: dict[str, Any]) -> None:
    """The company's figures were true when the export was made, as its reviews were: the
    aggregate gets their ``fetched_at`` where it reads from the same records (or the
    document's own time), not the time of the import."""
    aggregate, made = data.get("aggregate"), data["fields"].get("fetched_at")
    if not aggregate or made is None or "fetched_at" in aggregate["fields"]:
        return
    if "records" not in aggregate or (isinstance(made, str) and made.startswith("$.")):
        aggregate["fields"]["fetched_at"] = made


def _own(cand: str, per_row: bool) -> str | None:
    """The selector as the import applies it: per row for CSV and JSON Lines."""
    if per_row:
        cand = cand.removeprefix("[*]").removeprefix(".")
    return None if cand in ("", "$") else cand


def _field_specs(fields, cols, portal_scale, notes: dict, prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for target, col in sorted(fields.items(), key=lambda kv: REVIEW_FIELDS.index(kv[0])):
        spec: Any = col.path
        note = (
            f"{100 * col.filled // max(col.records, 1)}% filled, e.g. {str(col.values[0])[:40]!r}"
        )
        if target == "rating_value":
            spec, constants, extra = rating_spec(col, portal_scale)
            scale = scale_columns(col, cols)
            if scale:  # the export states the scale: no guess from the values
                out.update(scale)
                extra = extra.split(":")[0] + ", scale as the export states it"
            else:
                out.update({k: {"value": v} for k, v in constants.items()})
            note += f"; {extra}" if extra else ""
        elif target in DATES:
            spec, extra = date_spec(col)
            note += f"; {extra}" if extra else ""
        out[target] = spec
        notes[prefix + target] = note
    return out


def _add_dates_from_parts(fields: dict[str, Any], cols: dict[str, Column]) -> None:
    """Year and month (and day) in columns of their own: one date from a template."""
    if "published_raw" in fields:
        return
    by = {norm(c.segments[-1]): c.path for c in cols.values() if c.values}
    year = next((by[k] for k in ("year", "jahr", "reviewyear") if k in by), None)
    month = next((by[k] for k in ("month", "monat", "reviewmonth") if k in by), None)
    day = next((by[k] for k in ("day", "tag", "reviewday") if k in by), None)
    if year and month:
        named = any(not str(v).strip().isdigit() for v in cols[month].values)
        parts = f"{{{month}}} {{{year}}}" if named else f"{{{year}}}-{{{month}}}"
        fields["published_raw"] = {"template": parts + (f"-{{{day}}}" if day and not named else "")}


def _note_unmapped(notes: list[str], cols: dict[str, Column], specs: dict[str, Any]) -> None:
    used = set()
    for spec in specs.values():
        path = spec.get("path") if isinstance(spec, dict) else spec
        if isinstance(path, str):
            used.add(path)
        if isinstance(spec, dict) and "template" in spec:
            used.update(re.findall(r"\{([^{}]+)\}", spec["template"]))
    empty = [p for p, c in cols.items() if c.filled == 0]
    rest = [
        p
        for p, c in cols.items()
        if c.filled
        and (c.values or c.lists or not any(q.startswith(p + ".") for q in cols))
        and p not in used
        and not any(p.startswith(u + ".") for u in used)
    ]
    if empty:
        notes.append("empty in every record: " + ", ".join(empty[:12]))
    for p in list(rest):
        col = cols[p]
        if col.constant and isinstance(col.values[0], str) and col.records == len(col.values):
            notes.append(f"{p} is {col.values[0][:40]!r} in every record: not mapped")
            rest.remove(p)
    if rest:
        more = f" (+{len(rest) - 15} more)" if len(rest) > 15 else ""
        notes.append("not mapped: " + ", ".join(rest[:15]) + more)


def infer_mapping(file_path: FilePath | str, *, portal_scale=(1.0, 5.0), company=None) -> Mapping:
    """The mapping inference would use for ``file_path`` (for ``--show-mapping``)."""
    file_path = FilePath(file_path)
    if not file_path.is_file():
        raise ConfigError(f"export file not found: {file_path}")
    doc = read_document(file_path, file_path.read_bytes(), None, None, None)
    return infer_from_document(doc, file_path, portal_scale=portal_scale, company=company)
