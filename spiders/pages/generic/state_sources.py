"""Where pages keep their embedded state, cut out and decoded as data.

* ``<script type="application/json">`` in any form: ``#__NEXT_DATA__``, Apollo's
  ``data-apollo-state``, Vue's ``data-initial-state``, Nuxt 3's ``#__NUXT_DATA__``
  (a devalue array, revived here), also wrapped in ``<!-- -->`` and with its
  quotes as ``&quot;``;
* ``window.__X__ = {...}`` / ``window["X"] = {...}`` / ``self.__X = ...`` assignments,
  read as JSON and, when that fails, as a JavaScript literal (``jsvalue``, which
  runs nothing), Nuxt 2's ``window.__NUXT__=(function(a){return {...}}(1))`` too;
* ``JSON.parse("...")`` of a string literal.

Only blobs that mention a rating-like word are decoded: pages carry megabytes
of state about other things.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from spiders.pages.generic.jsvalue import read_literal

_SCRIPT_JSON = re.compile(
    r"<script\b([^>]*\btype\s*=\s*[\"']?application/(?:json|x-json)[\"']?[^>]*)>", re.I
)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
# Assignments of page state: window.__STATE__ = {...}, window["__X"] = ..., self.__NUXT__ = ...,
# var __INITIAL_DATA__ = ... (names that say state; other assignments are code).
_ASSIGN = re.compile(
    r"(?:window|self|globalThis)\s*(?:\.\s*([\w$]+)|\[\s*[\"']([\w$]+)[\"']\s*\])\s*=\s*(?=[\[{(])"
    r"|\bvar\s+(__[\w$]+)\s*=\s*(?=[\[{(])"
)
_STATE_NAME = re.compile(r"__|state|data|props|store|cache|nuxt|apollo|relay", re.I)
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*(?=[\"'])")
RATINGISH = re.compile(r"rating|stars|score|review", re.I)
MAX_BLOB = 20_000_000
SMALL_BLOB = 4096
MAX_SCAN = 2_000_000  # how far into a blob a rating-like word is looked for


def _loads(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
        raw = raw[: raw.rfind("-->")] if "-->" in raw else raw
        raw = raw.strip()
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        if "&quot;" in raw or "&#34;" in raw:
            return json.loads(html.unescape(raw), strict=False)
        raise


def revive_devalue(data: list) -> Any:
    """Nuxt 3's payload: a flat array whose objects and arrays hold indices into it."""
    memo: dict[int, Any] = {}

    def at(i: Any, depth: int = 0) -> Any:
        if not isinstance(i, int) or isinstance(i, bool) or i < 0 or i >= len(data):
            return None
        if i in memo:
            return memo[i]
        if depth > 200:
            return None
        v = data[i]
        if isinstance(v, list):
            if v and isinstance(v[0], str) and v[0] in _DEVALUE_WRAPPERS:
                out = at(v[1], depth + 1) if len(v) > 1 else None
            else:
                out = []
                memo[i] = out
                out.extend(at(x, depth + 1) for x in v)
        elif isinstance(v, dict):
            out = {}
            memo[i] = out
            for k, x in v.items():
                out[k] = at(x, depth + 1)
        else:
            out = v
        memo[i] = out
        return out

    return at(0)


_DEVALUE_WRAPPERS = frozenset(
    {"ShallowReactive", "Reactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef", "Date"}
)


def _is_devalue(data: Any) -> bool:
    return (
        isinstance(data, list)
        and len(data) > 1
        and isinstance(data[0], list | dict)
        and (
            (isinstance(data[0], list) and data[0][:1] and data[0][0] in _DEVALUE_WRAPPERS)
            or (isinstance(data[0], dict) and all(isinstance(v, int) for v in data[0].values()))
        )
    )


def blobs(text: str, notes: list[str], url: str) -> Iterator[tuple[str, Any]]:
    """(where, data) for every embedded state on the page that mentions ratings."""
    for m in _SCRIPT_JSON.finditer(text):
        end = _SCRIPT_END.search(text, m.end())
        raw = text[m.end() : end.start() if end else len(text)]
        # Small blobs are read whatever they hold: a review's dates may sit apart.
        if len(raw) > MAX_BLOB or (
            len(raw) > SMALL_BLOB and not RATINGISH.search(raw, 0, MAX_SCAN)
        ):
            continue
        attrs = m.group(1)
        where = _label(attrs)
        try:
            data = _loads(raw)
        except RecursionError:
            notes.append(f"{where} nested too deeply to read ({url})")
            continue
        except ValueError as err:
            notes.append(f"{where} is not valid JSON: {err} ({url})")
            continue
        yield where, revive_devalue(data) if _is_devalue(data) else data
    for m in _assignments(text):
        if not _STATE_NAME.search(m.group(1) or m.group(2) or m.group(3) or ""):
            continue  # window.foo = {...}: code's own objects, not page state
        start = m.end()
        end = _SCRIPT_END.search(text, start)
        stop = end.start() if end else len(text)
        if not RATINGISH.search(text, start, min(stop, start + MAX_SCAN)):
            continue
        try:
            data = read_literal(text, start)
        except RecursionError:
            notes.append(f"script state nested too deeply to read ({url})")
            continue
        except (ValueError, IndexError):
            continue  # code, not a literal: nothing to read
        yield "script assignment", data
    for m in _JSON_PARSE.finditer(text):
        try:
            literal = read_literal(text, m.end())  # the string argument only
            if isinstance(literal, str) and RATINGISH.search(literal):
                yield "JSON.parse", json.loads(literal, strict=False)
        except (ValueError, IndexError, RecursionError):
            continue


def _assignments(text: str) -> Iterator[re.Match]:
    """_ASSIGN's matches, found from the few places the words occur (a regex scan
    of every position of a 2 MB page costs more than the parse)."""
    starts: list[int] = []
    for word in ("window.", "window[", "self.__", "globalThis.", "var __"):
        at = text.find(word)
        while at != -1:
            starts.append(at)
            at = text.find(word, at + len(word))
    for at in sorted(starts):
        m = _ASSIGN.match(text, at)
        if m:
            yield m


def _label(attrs: str) -> str:
    m = re.search(r"\bid\s*=\s*[\"']?([\w-]+)", attrs) or re.search(r"\b(data-[\w-]+)", attrs)
    return f"script {m.group(1)}" if m else "application/json script"
