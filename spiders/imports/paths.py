"""Paths into an export's records: ``dates.publishedDate``, ``reviews[0].rating``,
``companies[*].reviews[*]``, ``^.name`` (a field of the object that holds the record's
list), ``$.metadata.extracted_date`` (from the top of the document).

A key that itself contains dots (a CSV column ``dates.publishedDate``, a flattened
export) is found as it is before the path is split at its dots. A string that holds
JSON (a VCR cassette's ``body.string``, a CSV cell with a JSON object) is read as JSON
when the path goes on into it. Walks are bounded: no path or record is followed
deeper than ``formats.MAX_DEPTH``, and a selector never yields more than
``MAX_RECORDS`` records.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from core.settings import ConfigError
from spiders.imports.rows import MAX_DEPTH, depth_exceeds

MAX_RECORDS = 5_000_000
MISSING = object()  # the path leads nowhere (unlike a value that is null)


@dataclass(frozen=True)
class Step:
    kind: str  # "key" | "index" | "all"
    key: str = ""
    index: int = 0
    quoted: bool = False  # ["a.b"]: never joined with its neighbours


@dataclass(frozen=True)
class Path:
    text: str
    up: int  # 0: from the record; n: from the n-th enclosing object; -1: from the top
    steps: tuple[Step, ...]

    @property
    def fans_out(self) -> bool:
        return any(s.kind == "all" for s in self.steps)


_STEP = re.compile(
    r"""\[\s*(?:(?P<all>\*)|(?P<index>-?\d+)|"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>[^']*)')\s*\]"""
)


def parse_path(text: str) -> Path:
    """``a.b[0]["c.d"][*]``, with an optional ``$`` or ``^``/``^^``... prefix."""
    s = str(text).strip()
    up = 0
    if s.startswith("$"):
        up, s = -1, s[1:]
    else:
        while s.startswith("^"):
            up, s = up + 1, s[1:]
    s = s.removeprefix(".")
    steps: list[Step] = []
    i = 0
    key = ""
    while i < len(s):
        c = s[i]
        if c == "[":
            m = _STEP.match(s, i)
            if m is None:
                raise ConfigError(f"path {text!r}: bad [...] at position {i + 1}")
            if key:
                steps.append(Step("key", key))
                key = ""
            if m.group("all"):
                steps.append(Step("all"))
            elif m.group("index") is not None:
                steps.append(Step("index", index=int(m.group("index"))))
            else:
                name = m.group("dq")
                name = json.loads(f'"{name}"') if name is not None else m.group("sq")
                steps.append(Step("key", name, quoted=True))
            i = m.end()
        elif c == ".":
            if key:
                steps.append(Step("key", key))
            elif not steps or (steps[-1].kind == "key" and not steps[-1].quoted):
                raise ConfigError(f"path {text!r}: empty name at position {i + 1}")
            key = ""
            i += 1
        else:
            key += c
            i += 1
    if key:
        steps.append(Step("key", key))
    return Path(text=str(text), up=up, steps=tuple(steps))


def as_json(value: Any) -> Any:
    """A string that holds a JSON object or list, as that JSON; else the value itself."""
    if isinstance(value, str):
        s = value.lstrip()
        if s[:1] in ("{", "[") and len(s) > 1:
            try:
                parsed = json.loads(s, strict=False)
            except (ValueError, RecursionError):
                return value
            if isinstance(parsed, dict | list) and not depth_exceeds(parsed):
                return parsed
    return value


def _key_runs(steps: tuple[Step, ...], i: int) -> int:
    """The end of the run of plain keys that starts at ``i``."""
    j = i
    while j < len(steps) and steps[j].kind == "key" and not steps[j].quoted:
        j += 1
    return j


def _lookup(node: dict, name: str) -> Any:
    if name in node:
        return node[name]
    # Hand-written mappings say "Rating" for a column "rating": accept one clear match.
    folded = [k for k in node if isinstance(k, str) and k.casefold() == name.casefold()]
    return node[folded[0]] if len(folded) == 1 else MISSING


def _walk(node: Any, steps: tuple[Step, ...], i: int, depth: int = 0) -> Any:
    if i == len(steps):
        return node
    if depth > MAX_DEPTH:
        return MISSING
    node = as_json(node)
    step = steps[i]
    if step.kind == "key":
        if not isinstance(node, dict):
            return MISSING
        if step.quoted:
            found = _lookup(node, step.key)
            return MISSING if found is MISSING else _walk(found, steps, i + 1, depth + 1)
        end = _key_runs(steps, i)
        for k in range(end, i, -1):  # "a.b.c" as one key first, then "a.b", then "a"
            found = _lookup(node, ".".join(s.key for s in steps[i:k]))
            if found is not MISSING:
                got = _walk(found, steps, k, depth + 1)
                if got is not MISSING:
                    return got
        return MISSING
    if step.kind == "index":
        if isinstance(node, list) and -len(node) <= step.index < len(node):
            return _walk(node[step.index], steps, i + 1, depth + 1)
        return MISSING
    items = (
        node if isinstance(node, list) else list(node.values()) if isinstance(node, dict) else None
    )
    if items is None:
        return MISSING
    out = []
    for x in items:
        got = _walk(x, steps, i + 1, depth + 1)
        if got is MISSING:
            continue
        if isinstance(got, list) and any(s.kind == "all" for s in steps[i + 1 :]):
            out.extend(got)
        else:
            out.append(got)
    return out


@dataclass(frozen=True)
class Record:
    """One record and where it sits: the objects around it (nearest first) and the top."""

    value: Any
    ancestors: tuple[dict, ...]
    root: Any
    where: str  # "reviews[3]": for messages


def get(record: Record, path: Path) -> Any:
    """The value at ``path`` from ``record`` (MISSING where it leads nowhere)."""
    if path.up < 0:
        base = record.root
    elif path.up == 0:
        base = record.value
    elif path.up <= len(record.ancestors):
        base = record.ancestors[path.up - 1]
    else:
        return MISSING
    return _walk(base, path.steps, 0)


def select(root: Any, selector: Path | None, where: str = "") -> list[Record]:
    """The records ``selector`` names in ``root``: a list is its elements, an object is
    one record (a profile). None or an empty selector: ``root`` itself, or its elements
    when it is a list."""
    steps = selector.steps if selector is not None else ()
    out: list[Record] = []
    # (node, ancestors, where, step index); ancestors are the dicts passed on the way.
    stack: list[tuple[Any, tuple[dict, ...], str, int]] = [(root, (), where, 0)]
    while stack:
        node, anc, at, i = stack.pop()
        node = as_json(node)
        if i == len(steps):
            if isinstance(node, list):
                out.extend(Record(as_json(x), anc, root, f"{at}[{k}]") for k, x in enumerate(node))
            else:
                out.append(Record(node, anc, root, at or "$"))
            if len(out) > MAX_RECORDS:
                raise ConfigError(f"more than {MAX_RECORDS:,} records under {selector.text!r}")
            continue
        if len(anc) > MAX_DEPTH:
            continue
        step = steps[i]
        here = (node, *anc) if isinstance(node, dict) else anc
        if step.kind == "key":
            if not isinstance(node, dict):
                continue
            end = _key_runs(steps, i) if not step.quoted else i + 1
            for k in range(end, i, -1):
                name = ".".join(s.key for s in steps[i:k])
                found = _lookup(node, name)
                if found is not MISSING:
                    stack.append((found, here, f"{at}.{name}" if at else name, k))
                    break
        elif step.kind == "index":
            if isinstance(node, list) and -len(node) <= step.index < len(node):
                stack.append((node[step.index], here, f"{at}[{step.index}]", i + 1))
        elif isinstance(node, list):
            for k in range(len(node) - 1, -1, -1):
                stack.append((node[k], here, f"{at}[{k}]", i + 1))
        elif isinstance(node, dict):
            for k in reversed(list(node)):
                stack.append((node[k], here, f"{at}.{k}" if at else str(k), i + 1))
    return out
