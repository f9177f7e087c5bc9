"""CSV rows read one record at a time, so one broken row never takes its neighbours.

RFC 4180 with what real exports add: a BOM, ``sep=;`` lines, ``;`` or tab delimiters,
quoted fields over many lines (addresses, review texts). A quote that never closes, or
closes in the middle of a field, makes its line a row of its own, flagged and kept as
text; reading goes on at the next line. A quoted field that swallows lines which read as
whole rows of this file (their numbers and dates where the other rows have them) is
taken as such a quote too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from spiders.imports.rows import MAX_RECORD_CHARS, Document, Row, bad_row

DELIMITERS = (",", ";", "\t", "|")


@dataclass
class _Parsed:
    fields: list[str]
    end: int  # offset after the record's line break
    problem: str | None = None  # "unterminated" | "malformed"
    multiline: bool = False


def _parse_record(text: str, pos: int, delim: str) -> _Parsed:
    """One RFC 4180 record from ``pos``; a quote that never closes (within
    MAX_RECORD_CHARS) or closes mid-field is reported, not repaired."""
    fields: list[str] = []
    n = len(text)
    multiline = False
    while True:
        if pos < n and text[pos] == '"':
            i = pos + 1
            limit = min(n, pos + MAX_RECORD_CHARS)
            parts = []
            while True:
                j = text.find('"', i, limit)
                if j < 0:
                    return _Parsed(fields, pos, "unterminated", multiline)
                parts.append(text[i:j])
                if text.startswith('""', j):
                    parts.append('"')
                    i = j + 2
                    continue
                break
            value = "".join(parts)
            multiline = multiline or "\n" in value
            pos = j + 1
            if pos < n and text[pos] == "\r":
                pos += 1
            if pos < n and text[pos] not in (delim, "\n"):
                return _Parsed(fields, pos, "malformed", multiline)
            fields.append(value)
        else:
            j = pos
            while j < n and text[j] != delim and text[j] != "\n":
                j += 1
            fields.append(text[pos:j].rstrip("\r"))
            pos = j
        if pos >= n:
            return _Parsed(fields, n, None, multiline)
        if text[pos] == "\n":
            return _Parsed(fields, pos + 1, None, multiline)
        pos += 1  # the delimiter


def sniff_delimiter(first_line: str) -> str:
    best, count = ",", 0
    for d in DELIMITERS:
        c = len(_parse_record(first_line, 0, d).fields)
        if c > count:
            best, count = d, c
    return best


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_KINDS = {"number": _NUMBER, "date": _ISO_DATE}


def _profile(rows: list[list[str]], width: int) -> dict[int, re.Pattern]:
    """Columns whose single-line values nearly all have one shape (a number, an ISO date)."""
    out = {}
    for c in range(width):
        values = [r[c].strip() for r in rows if len(r) == width and r[c].strip()]
        if len(values) < 5:
            continue
        for pattern in _KINDS.values():
            if sum(1 for v in values if pattern.match(v)) >= 0.9 * len(values):
                out[c] = pattern
                break
    return out


def _looks_like_row(line: str, delim: str, width: int, profile: dict[int, re.Pattern]) -> bool:
    """Whether a line inside a quoted field reads as a whole row of this file: then the
    quote was never closed and the file's next rows were swallowed."""
    if not profile:
        return False
    p = _parse_record(line, 0, delim)
    if p.problem or p.multiline or len(p.fields) != width:
        return False
    hits = 0
    for c, pattern in profile.items():
        v = p.fields[c].strip()
        if v and not pattern.match(v):
            return False
        hits += bool(v)
    return hits >= max(1, (len(profile) + 1) // 2)


def read_csv(lines: list[tuple[str, list[str]]], delimiter: str | None) -> Document:
    text = "".join(t for t, _ in lines)
    starts = [0]
    for t, _ in lines[:-1]:
        starts.append(starts[-1] + len(t))
    line_flags = [f for _, f in lines]
    pos = 0
    if text.lower().startswith(("sep=", '"sep=')):  # Excel's delimiter hint line
        first = text.split("\n", 1)[0].strip().strip('"')
        delimiter = delimiter or first[4:5] or None
        pos = len(text.split("\n", 1)[0]) + 1
    first_line = text[pos:].split("\n", 1)[0]
    delim = delimiter or sniff_delimiter(first_line)
    head = _parse_record(text, pos, delim)
    header = _header(head.fields)
    width = len(header)
    pos = head.end

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)  # 1-based

    def next_line(offset: int) -> int:
        n = line_of(offset)
        return starts[n] if n < len(starts) else len(text)

    # First pass: the shape of the columns, from the rows that sit on one line.
    single: list[list[str]] = []
    p = pos
    while p < len(text) and len(single) < 2000:
        r = _parse_record(text, p, delim)
        if r.problem:
            p = next_line(p)
            continue
        if not r.multiline:
            single.append(r.fields)
        p = r.end
    profile = _profile(single, width)

    rows: list[Row] = []
    while pos < len(text):
        line = line_of(pos)
        next_line_start = next_line(pos)
        r = _parse_record(text, pos, delim)
        last_line = line_of(max(pos, r.end - 1))
        flags = sorted({f for i in range(line - 1, last_line) for f in line_flags[i]})
        problem = r.problem
        if problem is None and r.multiline:
            inner = text[next_line_start : r.end].split("\n")
            if len(r.fields) != width or any(
                _looks_like_row(x, delim, width, profile) for x in inner if x.strip()
            ):
                problem = "swallowed"
        if problem is not None:
            raw = text[pos:next_line_start]
            # A quote that closes mid-field on a later line was never closed on its own.
            if problem == "malformed" and text.find("\n", pos, r.end) >= 0:
                problem = "unterminated"
            if problem == "malformed":
                what, flag = "text after a closing quote", "csv_malformed_quote"
            else:
                what, flag = "unterminated quote", "csv_unterminated_quote"
            line_flags_here = sorted(set(line_flags[line - 1]))
            error = f"CSV line {line}: {what}"
            rows.append(bad_row(len(rows) + 1, line, raw, error, flag, line_flags_here))
            pos = next_line_start  # read the next line as the next row
            continue
        pos = r.end
        if r.fields == [""] or not any(v.strip() for v in r.fields):
            continue  # a blank line
        rows.append(_csv_row(len(rows) + 1, line, r.fields, header, flags))
    return Document("csv", "", rows, delimiter=delim, header=header)


def _header(cells: list[str]) -> list[str]:
    out: list[str] = []
    for i, c in enumerate(cells, start=1):
        name = c.strip().lstrip("\ufeff") or f"column_{i}"
        base, k = name, 2
        while name in out:
            name, k = f"{base}_{k}", k + 1
        out.append(name)
    return out


def _csv_row(number: int, line: int, cells: list[str], header: list[str], flags: list[str]) -> Row:
    flags = list(flags)
    if len(cells) != len(header):
        flags.append("csv_field_count")
    value: dict[str, Any] = {}
    for name, cell in zip(header, cells, strict=False):
        value[name] = cell
    if len(cells) > len(header):
        value["_extra_cells"] = cells[len(header) :]
    return Row(number, line, value, flags)
