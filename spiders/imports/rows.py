"""What reading an export yields: rows, each readable or not, and the limits of reading.

Kept apart from the readers (``formats``, ``csvrows``) so both use one ``Row``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A value longer than this is cut there and its row flagged: no review is this long,
# and the whole export is archived, so the full value is never lost.
MAX_FIELD_CHARS = 100_000
# A quoted CSV field may span lines, but not more than this: past it the quote is
# taken as unterminated and the row it opened is read on its own.
MAX_RECORD_CHARS = 2_000_000
# Deeper JSON is flagged, never walked: every walk in the importer is bounded by this.
MAX_DEPTH = 200
# How much of an unreadable row's text an item keeps (the export itself is archived).
RAW_KEEP = 2_000


@dataclass
class Row:
    """One unit of the export: a CSV row, a JSON line, or a whole JSON/YAML document."""

    number: int  # 1-based among the export's rows (lines, documents)
    line: int  # the physical line it starts on, 1-based
    value: Any = None  # a dict (CSV), the parsed JSON (lines, documents); None if unreadable
    flags: list[str] = field(default_factory=list)
    error: str | None = None  # why the row could not be read ("CSV line 7: ...")
    raw: str | None = None  # the unreadable row's text, cut to RAW_KEEP


@dataclass
class Document:
    format: str
    encoding: str
    rows: list[Row]
    delimiter: str | None = None
    header: list[str] | None = None
    notes: list[str] = field(default_factory=list)  # what reading repaired, for the summary
    # The rows are the elements of a top-level JSON list, read one by one because the
    # list as a whole could not be (one element broken or too deep).
    split_array: bool = False

    @property
    def whole(self) -> bool:
        """One row holding the whole document (JSON, YAML), not one row per record."""
        return self.format in ("json", "yaml") and not self.split_array


def depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests deeper than ``limit`` (iterative: safe on any depth)."""
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            items = v.values()
        elif isinstance(v, list):
            items = v
        else:
            continue
        if d > limit:
            return True
        stack.extend((x, d + 1) for x in items if isinstance(x, dict | list))
    return False


def bad_row(number: int, line: int, text: str, error: str, flag: str, flags: list[str]) -> Row:
    return Row(
        number,
        line,
        None,
        ["unparsable_row", flag, *flags],
        error,
        text.rstrip("\r\n")[:RAW_KEEP],
    )
