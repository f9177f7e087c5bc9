"""Framework encodings of embedded state, decoded as data (nothing runs):

* Next.js App Router's flight payload: the strings of ``self.__next_f.push([1, "..."])``
  joined, one row per line (``3:{...}``, ``2:["$","div",null,{...}]``); a row that
  another references (``"$3"``) is read in its place, ``"$D2024-..."`` is a date;
* React Router's (and Remix's single fetch) turbo-stream: a flat array whose objects map
  ``"_<index of the key>"`` to the index of the value, ``["D", ms]`` a date;
* Astro islands' ``props``: every value a ``[type, value]`` pair (0 a value or an object of
  pairs, 1 an array of pairs, 3 a date);
* Angular's old transfer state, with ``&q;`` for ``"`` (``&a;`` ``&s;`` ``&l;`` ``&g;``).
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from typing import Any

from spiders.pages.generic.jsondata import loads

MAX_DEPTH = 200
_ROW = re.compile(r"([0-9a-f]{1,8}):")
_REF = re.compile(r"\$[@F]?([0-9a-f]{1,8})")


def flight_rows(payload: str) -> dict[str, str]:
    """The JSON rows of a flight payload by their id (text, import and hint rows left out)."""
    rows: dict[str, str] = {}
    at = 0
    while at < len(payload):
        m = _ROW.match(payload, at)
        if m is None:  # not a row's start: skip the line
            nl = payload.find("\n", at)
            at = len(payload) if nl == -1 else nl + 1
            continue
        start = m.end()
        if payload.startswith("T", start):  # a text row: "T<hex length in bytes>,<text>"
            comma = payload.find(",", start)
            try:
                size = int(payload[start + 1 : comma], 16)
            except ValueError:
                size = 0
            tail = payload[comma + 1 : comma + 1 + size]
            at = comma + 1 + len(tail.encode()[:size].decode("utf-8", "ignore"))
            continue
        nl = payload.find("\n", start)
        stop = len(payload) if nl == -1 else nl
        if payload[start : start + 1] in ("{", "["):
            rows[m.group(1)] = payload[start:stop]
        at = stop + 1
    return rows


def revive_flight(rows: dict[str, str], wanted: list[str]) -> list[Any]:
    """The values of the ``wanted`` rows, references to other rows read in their place;
    a row another one references is not given again on its own."""
    memo: dict[str, Any] = {}
    referenced: set[str] = set()

    def row(key: str, depth: int) -> Any:
        if key not in memo:
            memo[key] = None  # a cycle reads as nothing
            with contextlib.suppress(ValueError):
                memo[key] = value(loads(rows[key]), depth + 1)
        return memo[key]

    def value(v: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            return None
        if isinstance(v, str) and v[:1] == "$":
            if v.startswith("$D"):
                return v[2:]
            if v == "$undefined":
                return None
            m = _REF.fullmatch(v)
            if m and m.group(1) in rows:
                referenced.add(m.group(1))
                return row(m.group(1), depth)
            return v[1:] if v.startswith("$$") else v
        if isinstance(v, list):
            if len(v) == 4 and v[0] == "$" and isinstance(v[3], dict):
                return value(v[3], depth + 1)  # a React element: its props
            return [value(x, depth + 1) for x in v]
        if isinstance(v, dict):
            # An element's children are its parts, not a list of entries.
            return {
                k: value(
                    dict(enumerate(x)) if k == "children" and isinstance(x, list) else x, depth + 1
                )
                for k, x in v.items()
            }
        return v

    out = [(key, row(key, 0)) for key in wanted]
    return [v for key, v in out if key not in referenced and v is not None]


def is_turbo_stream(data: Any) -> bool:
    return (
        isinstance(data, list)
        and len(data) > 1
        and isinstance(data[0], dict)
        and bool(data[0])
        and all(isinstance(k, str) and k[:1] == "_" and k[1:].isdigit() for k in data[0])
    )


def revive_turbo_stream(data: list) -> Any:
    memo: dict[int, Any] = {}

    def at(i: Any, depth: int = 0) -> Any:
        if type(i) is not int or i < 0 or i >= len(data) or depth > MAX_DEPTH:
            return None  # negative: undefined, a hole, NaN, the infinities
        if i in memo:
            return memo[i]
        v = data[i]
        if isinstance(v, dict):
            out: Any = {}
            memo[i] = out
            for k, x in v.items():
                key = data[int(k[1:])] if k[1:].isdigit() and int(k[1:]) < len(data) else k
                out[str(key)] = at(x, depth + 1)
        elif isinstance(v, list) and v and isinstance(v[0], str):  # a typed value
            out = _date_of_ms(v[1]) if v[0] == "D" and len(v) > 1 else None
        elif isinstance(v, list):
            out = []
            memo[i] = out
            out.extend(at(x, depth + 1) for x in v)
        else:
            out = v
        memo[i] = out
        return out

    return at(0)


def _date_of_ms(ms: Any) -> str | None:
    if not isinstance(ms, int | float) or isinstance(ms, bool):
        return None
    try:
        when = datetime.fromtimestamp(ms / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def is_astro_props(data: Any) -> bool:
    return isinstance(data, dict) and bool(data) and all(_astro_pair(v) for v in data.values())


def _astro_pair(v: Any) -> bool:
    return isinstance(v, list) and len(v) == 2 and type(v[0]) is int and 0 <= v[0] <= 11


def revive_astro(data: Any, depth: int = 0) -> Any:
    """An Astro island's props: ``{name: [type, value]}`` as ``{name: value}``."""
    if depth > MAX_DEPTH or not isinstance(data, dict):
        return None
    return {k: _astro_value(v, depth + 1) for k, v in data.items()}


def _astro_value(pair: Any, depth: int) -> Any:
    if not _astro_pair(pair) or depth > MAX_DEPTH:
        return None
    kind, v = pair
    if kind == 0:
        return revive_astro(v, depth) if isinstance(v, dict) else v
    if kind in (1, 5) and isinstance(v, list):  # an array, a set
        return [_astro_value(x, depth + 1) for x in v]
    if kind in (3, 6, 7):  # a date, a bigint, a URL: as written
        return v
    return None


_ANGULAR = (("&q;", '"'), ("&s;", "'"), ("&l;", "<"), ("&g;", ">"), ("&a;", "&"))


def unescape_angular(raw: str) -> str:
    for code, char in _ANGULAR:
        raw = raw.replace(code, char)
    return raw
