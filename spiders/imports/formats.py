"""Reading an export's bytes safely: encodings, CSV rows, JSON documents and lines, YAML.

Nothing here raises on bad content in one row: a row that cannot be read becomes a
``Row`` with ``error`` set and its raw text kept, so the import keeps it on its own and
flags it, and the rows around it are read as if it were not there. Only a file that is
unreadable as a whole (not JSON at all, not YAML) is a ``ConfigError``, in one line.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

import yaml

from core.settings import ConfigError
from spiders.imports.csvrows import read_csv
from spiders.imports.rows import MAX_DEPTH, Document, Row, bad_row, depth_exceeds

FORMATS = ("csv", "json", "jsonl", "yaml")


# --- bytes -> lines ------------------------------------------------------------


def _utf16(body: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte of ASCII text."""
    head = body[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_lines(body: bytes, declared: str | None) -> tuple[list[tuple[str, list[str]]], str]:
    """The export as lines (each with its ``\\n``) with per-line flags, and the encoding used.

    ``declared``: a codec name from the mapping, or None/"auto": a BOM, UTF-16, else
    UTF-8 line by line, where a line that is not UTF-8 is read as cp1252 (German and
    English Windows exports) and flagged ``mixed_encoding`` when other lines are UTF-8.
    NUL characters are removed (flag ``nul_removed``): no text has them, and they break
    the readers after us.
    """
    declared = None if declared in (None, "", "auto") else declared
    whole: str | None = None
    used = declared or "utf-8"
    if declared is None:
        for bom, codec in (
            (b"\xef\xbb\xbf", "utf-8-sig"),
            (b"\xff\xfe", "utf-16"),
            (b"\xfe\xff", "utf-16"),
        ):
            if body.startswith(bom):
                used = codec
                break
        else:
            used = _utf16(body) or "utf-8"
        if used.startswith("utf-16"):
            whole = body.decode(used, errors="replace")
        elif used == "utf-8-sig":
            body = body[3:]
    elif declared.lower().replace("_", "-") in ("utf-16", "utf-16-le", "utf-16-be"):
        whole = body.decode(declared, errors="replace")
    if whole is not None:
        return _finish([(t, []) for t in whole.split("\n")], whole.endswith("\n")), used

    raw_lines = body.split(b"\n")
    out: list[tuple[str, list[str]]] = []
    utf8_non_ascii = legacy = 0
    for raw in raw_lines:
        flags: list[str] = []
        if declared is not None:
            try:
                text = raw.decode(declared, errors="replace")
            except LookupError as exc:
                raise ConfigError(f"unknown encoding {declared!r} in the mapping") from exc
            if "\ufffd" in text:
                flags.append("undecodable_bytes")
        else:
            try:
                text = raw.decode("utf-8")
                if not raw.isascii():
                    utf8_non_ascii += 1
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
                legacy += 1
                flags.append("mixed_encoding")
                if "\ufffd" in text:
                    flags.append("undecodable_bytes")
        out.append((text, flags))
    if declared is None and legacy:
        if utf8_non_ascii == 0:
            # Not one UTF-8 line: the whole file is cp1252, which is no problem of a row.
            used = "cp1252"
            out = [(t, [f for f in fl if f != "mixed_encoding"]) for t, fl in out]
        else:
            used = "utf-8 (some lines cp1252)"
    return _finish(out, body.endswith(b"\n")), used


def _finish(lines: list[tuple[str, list[str]]], ends_with_newline: bool):
    out = []
    for i, (text, flags) in enumerate(lines):
        if "\x00" in text:
            text = text.replace("\x00", "")
            flags = [*flags, "nul_removed"]
        last = i == len(lines) - 1
        out.append((text if last else text + "\n", flags))
    if ends_with_newline and out and out[-1][0] == "":
        out.pop()
    return out


# --- format --------------------------------------------------------------------


def detect_format(path: Path, text_start: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    known = {
        "csv": "csv",
        "tsv": "csv",
        "txt": "csv",
        "json": "json",
        "jsonl": "jsonl",
        "ndjson": "jsonl",
        "yaml": "yaml",
        "yml": "yaml",
    }
    if suffix in known:
        return known[suffix]
    head = text_start.lstrip("\ufeff \t\r\n")
    if head[:1] in ("{", "["):
        return "json"
    if head.startswith("---") or re.match(r"^[A-Za-z_][\w-]*:\s", head):
        return "yaml"
    return "csv"


def read_document(
    path: Path, body: bytes, fmt: str | None, encoding: str | None, delimiter: str | None
) -> Document:
    lines, used = decode_lines(body, encoding)
    fmt = fmt or detect_format(path, "".join(t for t, _ in lines[:5]))
    if fmt not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "csv":
        doc = read_csv(lines, delimiter)
    elif fmt == "jsonl":
        doc = Document("jsonl", used, read_json_lines(lines))
    elif fmt == "yaml":
        doc = Document("yaml", used, [Row(1, 1, _read_yaml(path, "".join(t for t, _ in lines)))])
    else:
        doc = read_json(path, lines)
    doc.encoding = used
    flagged = sum(1 for _, f in lines if "mixed_encoding" in f)
    if flagged:
        doc.notes.append(f"{flagged} line(s) were not UTF-8 and were read as cp1252")
    if fmt in ("json", "yaml"):
        # A document is one row: what its lines needed repairing applies to all of it.
        seen = sorted({f for _, fl in lines for f in fl})
        for row in doc.rows:
            row.flags = sorted({*row.flags, *seen})
    return doc


def _read_yaml(path: Path, text: str) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # Safe loader only: tags that build Python objects are refused.
        return yaml.load(text, Loader=loader)
    except RecursionError as exc:
        raise ConfigError(f"{path}: YAML nested too deeply to read") from exc
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid"
        raise ConfigError(f"{path} is not valid YAML: {first}") from exc


# --- JSON ----------------------------------------------------------------------


def _parse_json(text: str, where: str) -> tuple[Any, str | None, str | None]:
    """(value, error, flag) for one JSON text; never raises."""
    try:
        value = json.loads(text, strict=False)
    except RecursionError:
        return None, f"{where}: nested deeper than {MAX_DEPTH} levels", "json_too_deep"
    except ValueError as exc:
        msg = getattr(exc, "msg", None) or str(exc).splitlines()[0]
        return None, f"{where}: not valid JSON ({msg})", "json_invalid"
    if depth_exceeds(value):
        return None, f"{where}: nested deeper than {MAX_DEPTH} levels", "json_too_deep"
    return value, None, None


def read_json_lines(lines: list[tuple[str, list[str]]]) -> list[Row]:
    rows: list[Row] = []
    for i, (text, flags) in enumerate(lines, start=1):
        if not text.strip():
            continue
        value, error, flag = _parse_json(text, f"JSON line {i}")
        number = len(rows) + 1
        if error:
            rows.append(bad_row(number, i, text, error, flag or "json_invalid", flags))
        else:
            rows.append(Row(number, i, value, list(flags)))
    return rows


def read_json(path: Path, lines: list[tuple[str, list[str]]]) -> Document:
    text = "".join(t for t, _ in lines)
    try:
        value = json.loads(text, strict=False)
    except RecursionError:
        value, exc = None, None
    except ValueError as e:
        value, exc = None, e
        if "Extra data" in str(e):
            # Many scrapers write JSON Lines into a file named .json.
            return Document("jsonl", "", read_json_lines(lines))
    else:
        if not depth_exceeds(value):
            return Document("json", "", [Row(1, 1, value)])
        exc = None
    # One bad element must not cost the others: read a top-level list element by element.
    rows = _split_top_level_array(text)
    if rows is None:
        detail = f" ({exc.msg}, line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        if exc is None:
            detail = f" (nested deeper than {MAX_DEPTH} levels)"
        raise ConfigError(f"{path} is not valid JSON{detail}")
    doc = Document("json", "", rows, split_array=True)
    bad = sum(1 for r in rows if r.error)
    if bad:
        doc.notes.append(f"{bad} element(s) of the top-level list could not be read")
    return doc


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{},]')


def _split_top_level_array(text: str) -> list[Row] | None:
    """Each element of a top-level JSON array parsed on its own (None: not an array)."""
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if text[start : start + 1] != "[":
        return None
    rows: list[Row] = []
    depth = 0
    elem_start = start + 1
    newline_at = [m.start() for m in re.finditer("\n", text)]

    def add(a: int, b: int) -> None:
        chunk = text[a:b]
        if not chunk.strip():
            return
        line = bisect.bisect_right(newline_at, a + len(chunk) - len(chunk.lstrip())) + 1
        value, error, flag = _parse_json(chunk, f"JSON element {len(rows) + 1} (line {line})")
        if error:
            rows.append(bad_row(len(rows) + 1, line, chunk.strip(), error, flag or "", []))
        else:
            rows.append(Row(len(rows) + 1, line, value))

    for m in _TOKEN.finditer(text, start):
        tok = m.group(0)
        if tok in "[{":
            depth += 1
        elif tok in "]}":
            depth -= 1
            if depth == 0:
                add(elem_start, m.start())
                return rows
        elif tok == "," and depth == 1:
            add(elem_start, m.start())
            elem_start = m.end()
    add(elem_start, len(text))  # the file ends inside the array: keep what is there
    return rows
