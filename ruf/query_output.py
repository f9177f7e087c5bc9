"""How ``ruf query`` writes results: as they are fetched, one batch at a time.

Nothing holds a whole result: a writer gets the column names, then batches of
rows, then the end. Values come from portal data (review texts written by
strangers), so the table escapes control characters (a review cannot move the
cursor, recolour or retitle the terminal), and CSV neutralises cells a
spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first: a ``'``
is put in front) unless ``raw``.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TextIO

MAX_WIDTH = 60
# Unicode's bidirectional overrides and isolates reorder what a terminal shows
# ("Trojan Source"): escaped like the C0/C1 controls.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain(value: Any) -> Any:
    """A JSON-friendly version of a DuckDB value."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def escape_controls(text: str) -> str:
    r"""Control characters as visible escapes (``\x1b``, ``\u202e``); the rest unchanged."""
    return "".join(
        (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        if unicodedata.category(ch) == "Cc" or ch in _BIDI
        else ch
        for ch in text
    )


def neutralise_formula(value: Any) -> Any:
    """A text a spreadsheet would run as a formula gets a leading ``'``; others unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if abs(value) < 1e-3 and value:
            return f"{value:.4g}"
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple | dict):
        return json.dumps(plain(value), ensure_ascii=False)
    return str(plain(value))


class TableWriter:
    """Aligned columns for reading in a terminal; widths from the first batch."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.widths: list[int] = []
        self.numeric: list[bool] = []
        self.columns: list[str] = []

    def start(self, columns: Sequence[str]) -> None:
        self.columns = [escape_controls(c) for c in columns]
        self.widths = []

    def _cells(self, row: Sequence[Any]) -> list[str]:
        # Line breaks and tabs become spaces (one row, one line), other controls escapes.
        return [escape_controls(" ".join(_text(v).split())) for v in row]

    def _line(self, values: list[str]) -> str:
        out = []
        for v, w, right in zip(values, self.widths, self.numeric, strict=True):
            v = v if len(v) <= w else v[: w - 1] + "…"
            out.append(v.rjust(w) if right else v.ljust(w))
        return " | ".join(out).rstrip()

    def rows(self, batch: Sequence[Sequence[Any]]) -> None:
        cells = [self._cells(r) for r in batch]
        if not self.widths:  # the first batch decides the layout
            self.widths = [len(c) for c in self.columns]
            for row in cells:
                self.widths = [
                    min(MAX_WIDTH, max(w, len(v))) for w, v in zip(self.widths, row, strict=True)
                ]
            self.numeric = [
                bool(batch)
                and all(isinstance(r[i], int | float | Decimal) or r[i] is None for r in batch)
                for i in range(len(self.columns))
            ]
            self.out.write(self._line(self.columns) + "\n")
            self.out.write("-+-".join("-" * w for w in self.widths) + "\n")
        for row in cells:
            self.out.write(self._line(row) + "\n")

    def end(self, count: int, more: bool) -> None:
        if not self.widths:
            self.rows([])
        text = f"({count} row{'s' if count != 1 else ''}"
        if more:
            text += " shown, the first; more with --limit N or --format csv"
        self.out.write(text + ")\n")


class CsvWriter:
    def __init__(self, out: TextIO, *, raw: bool = False) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.raw = raw

    def _cell(self, v: Any) -> Any:
        if v is None:
            return ""
        v = json.dumps(plain(v), ensure_ascii=False) if isinstance(v, list | dict) else plain(v)
        return v if self.raw else neutralise_formula(v)

    def start(self, columns: Sequence[str]) -> None:
        self.writer.writerow([self._cell(c) for c in columns])

    def rows(self, batch: Sequence[Sequence[Any]]) -> None:
        self.writer.writerows([self._cell(v) for v in row] for row in batch)

    def end(self, count: int, more: bool) -> None:
        pass


class JsonWriter:
    """A JSON array of objects, one object per line, written as the rows come."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.columns: list[str] = []
        self.first = True

    def start(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)
        self.first = True
        self.out.write("[")

    def rows(self, batch: Sequence[Sequence[Any]]) -> None:
        for row in batch:
            obj = dict(zip(self.columns, map(plain, row), strict=True))
            self.out.write(("\n" if self.first else ",\n") + json.dumps(obj, ensure_ascii=False))
            self.first = False

    def end(self, count: int, more: bool) -> None:
        self.out.write("\n]" if count else "]")


def writer_for(fmt: str, out: TextIO, *, raw: bool = False) -> TableWriter | CsvWriter | JsonWriter:
    if fmt == "csv":
        return CsvWriter(out, raw=raw)
    if fmt == "json":
        return JsonWriter(out)
    return TableWriter(out)
