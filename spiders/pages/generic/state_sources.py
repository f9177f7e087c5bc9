"""Where pages keep their embedded state, cut out and decoded as data.

* ``<script type="application/json">`` in any form: ``#__NEXT_DATA__``, Apollo's
  ``data-apollo-state``, Vue's ``data-initial-state``, Nuxt 3's ``#__NUXT_DATA__``
  (a devalue array, revived here), also wrapped in ``<!-- -->`` and with its
  quotes as ``&quot;``;
* ``window.__X__ = {...}`` / ``window["X"] = {...}`` / ``self.__X = ...`` assignments,
  read as JSON and, when that fails, as a JavaScript literal (``jsvalue``, which
  runs nothing), Nuxt 2's ``window.__NUXT__=(function(a){return {...}}(1))`` too;
* ``JSON.parse("...")`` of a string literal;
* the frameworks' own encodings (``state_encodings``): Next.js App Router's flight
  chunks, React Router's turbo-stream (``streamController.enqueue("...")``), Angular's
  ``&q;``-escaped transfer state;
* JSON in an attribute of the markup: Inertia's ``data-page``, React on Rails'
  ``data-react-props``, any ``data-*`` or ``props`` attribute (Astro islands' typed props).

Only blobs that mention a rating-like word are decoded: pages carry megabytes
of state about other things.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from spiders.pages.generic import state_encodings as enc
from spiders.pages.generic.jsondata import loads
from spiders.pages.generic.jsvalue import read_literal
from spiders.pages.generic.scripts import Layout, Script, layout

# Assignments of page state: window.__STATE__ = {...}, window["__X"] = ..., self.__NUXT__ = ...,
# var __INITIAL_DATA__ = ... (names that say state; other assignments are code).
_TO_VALUE = r"\s*=\s*(?=[\[{(])"
# One pattern per opening word. A rare word is found with str.find (several
# times faster than the regex engine's own scan over megabytes of code), then
# matched there; "window", in code thousands of times, by the regex's scan.
_ASSIGNS = (
    ("window", re.compile(r"window(?:\.\s*([\w$]+)|\[\s*[\"']([\w$]+)[\"']\s*\])" + _TO_VALUE)),
    ("self.__", re.compile(r"self\.(__[\w$]*)()" + _TO_VALUE)),
    ("globalThis.", re.compile(r"globalThis\.\s*([\w$]+)()" + _TO_VALUE)),
    ("var __", re.compile(r"var (__[\w$]+)()" + _TO_VALUE)),
)
_STATE_NAME = re.compile(r"__|state|data|props|store|cache|nuxt|apollo|relay", re.I)
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*(?=[\"'])")
# Words a state about ratings holds, in the cases pages write them ("rating",
# "ratingValue", "Rating", "RATING"): str.find of each is ~50x a re.I search.
_RATING_WORDS = ("rating", "Rating", "RATING", "stars", "Stars", "score", "Score", "review",
                 "Review", "REVIEW")  # fmt: skip
MAX_BLOB = 20_000_000
SMALL_BLOB = 4096
MAX_SCAN = 2_000_000  # how far into a blob a rating-like word is looked for


def ratingish(text: str, start: int = 0, stop: int | None = None) -> bool:
    """Whether ``text[start:stop]`` mentions a rating-like word."""
    stop = len(text) if stop is None else stop
    find = text.find
    return any(find(word, start, stop) != -1 for word in _RATING_WORDS)


_ENTITIES = (
    ("&quot;", '"'), ("&amp;", "&"), ("&#x2F;", "/"), ("&#x27;", "'"), ("&lt;", "<"),
    ("&gt;", ">"), ("&#34;", '"'), ("&#39;", "'"), ("&#x2f;", "/"), ("&#47;", "/"),
)  # fmt: skip


def unescape(raw: str) -> str:
    """An attribute-escaped blob as its text. Servers escape JSON with the few
    entities above; replacing them costs ~1/20 of ``html.unescape``, which is
    the fallback when any other ``&`` is left. Each entity is replaced where it
    occurs (how many, the length says), ``&amp;`` last: "&amp;quot;" is "&quot;"."""
    left = raw.count("&")
    if not left:
        return raw
    amps = raw.count("&amp;")
    out = raw
    for entity, char in _ENTITIES:
        if left == amps:
            break
        if entity != "&amp;":
            shorter = out.replace(entity, char)
            left -= (len(out) - len(shorter)) // (len(entity) - 1)
            out = shorter
    if left != amps:
        return html.unescape(raw)
    return out.replace("&amp;", "&") if amps else out


def _loads(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
        raw = raw[: raw.rfind("-->")] if "-->" in raw else raw
        raw = raw.strip()
    try:
        return loads(raw)
    except ValueError:
        if "&quot;" in raw or "&#34;" in raw:
            return loads(unescape(raw))
        if "&q;" in raw:  # Angular's transfer state before v16
            return loads(enc.unescape_angular(raw))
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


def blobs(
    text: str, notes: list[str], url: str, page: Layout | None = None
) -> Iterator[tuple[str, Any]]:
    """(where, data) for every embedded state on the page that mentions ratings
    (``page``: the page's layout, when the caller has cut it already)."""
    page = page or layout(text)
    for script in page.of("json"):
        size = script.end - script.body
        # Small blobs are read whatever they hold: a review's dates may sit apart.
        if size > MAX_BLOB or (
            size > SMALL_BLOB
            and not ratingish(text, script.body, min(script.end, script.body + MAX_SCAN))
        ):
            continue
        raw = script.text(text)
        where = _label(script.attrs)
        try:
            data = _loads(raw)
        except RecursionError:
            notes.append(f"{where} nested too deeply to read ({url})")
            continue
        except ValueError as err:
            notes.append(f"{where} is not valid JSON: {err} ({url})")
            continue
        yield where, revive_devalue(data) if _is_devalue(data) else data
    code = page.of("js")
    for name, start, stop in _assignments(text, code):
        if not _STATE_NAME.search(name):
            continue  # window.foo = {...}: code's own objects, not page state
        if not ratingish(text, start, min(stop, start + MAX_SCAN)):
            continue
        try:
            data = read_literal(text, start)
        except RecursionError:
            notes.append(f"script state nested too deeply to read ({url})")
            continue
        except (ValueError, IndexError):
            continue  # code, not a literal: nothing to read
        yield "script assignment", data
    for m in _json_parse_calls(text, code):
        try:
            literal = read_literal(text, m.end())  # the string argument only
            if isinstance(literal, str) and ratingish(literal):
                yield "JSON.parse", loads(literal)
        except (ValueError, IndexError, RecursionError):
            continue
    yield from _flight(text, code)
    yield from _streamed(text, code)
    yield from _attributes(text, page)


def _string_arguments(text: str, code: list[Script], call: str) -> Iterator[Any]:
    """The literal first argument of every ``call`` in the page's inline scripts."""
    for script in code:
        at = text.find(call, script.body, script.end)
        while at != -1:
            try:
                literal = read_literal(text, at + len(call))
            except (ValueError, IndexError, RecursionError):
                literal = None  # code, not a literal
            if literal is not None:
                yield literal
            at = text.find(call, at + len(call), script.end)


def _flight(text: str, code: list[Script]) -> Iterator[tuple[str, Any]]:
    """Next.js App Router's state: the pushed string chunks, joined, as rows."""
    chunks = [
        c[1]
        for c in _string_arguments(text, code, "self.__next_f.push(")
        if isinstance(c, list) and len(c) == 2 and c[0] == 1 and isinstance(c[1], str)
    ]
    if not chunks or not any(ratingish(c) for c in chunks):
        return
    rows = enc.flight_rows("".join(chunks))
    wanted = [key for key, row in rows.items() if ratingish(row)]
    try:
        values = enc.revive_flight(rows, wanted)
    except RecursionError:
        return
    for value in values:  # each row a state of its own, not entries of a list
        yield "flight", value


def _streamed(text: str, code: list[Script]) -> Iterator[tuple[str, Any]]:
    """React Router's loader data, streamed to the page as turbo-stream strings."""
    for chunk in _string_arguments(text, code, "streamController.enqueue("):
        if not isinstance(chunk, str) or not ratingish(chunk):
            continue
        try:
            data = loads(chunk.split("\n", 1)[0])
        except (ValueError, RecursionError):
            continue
        if enc.is_turbo_stream(data):
            yield "turbo-stream", enc.revive_turbo_stream(data)


# A JSON object or array as an attribute's value: data-page="{&quot;props&quot;: ...}",
# data-react-props='{"reviews": ...}', an Astro island's props="{...}". Found from its
# opening (="{, ='[) back to its name: a scan for the name itself reads every space.
_OPENING = re.compile(r"=([\"'])[\[{]")
_NAME_BEFORE = re.compile(r"\s(data-[\w-]+|props)$")


def _attributes(text: str, page: Layout) -> Iterator[tuple[str, Any]]:
    for start, stop in page.markup():
        at = start
        while True:
            m = _OPENING.search(text, at, stop)
            if m is None:
                break
            close = text.find(m.group(1), m.end(), stop)
            if close == -1:
                break
            value = m.end() - 1
            if close - value <= MAX_BLOB and ratingish(text, value, close):
                name = _NAME_BEFORE.search(text, max(start, m.start() - 80), m.start())
                found = _attribute_state(name.group(1), text[value:close]) if name else None
                if found is not None:
                    yield found
            at = close + 1


def _attribute_state(name: str, raw: str) -> tuple[str, Any] | None:
    try:
        data = loads(unescape(raw))
    except (ValueError, RecursionError):
        return None
    if name == "props" and enc.is_astro_props(data):
        data = enc.revive_astro(data)
    return f"attribute {name}", data


def _json_parse_calls(text: str, code: list[Script]) -> Iterator[re.Match]:
    for script in code:
        at = text.find("JSON.parse(", script.body, script.end)
        while at != -1:
            m = _JSON_PARSE.match(text, at, script.end)
            if m:
                yield m
            at = text.find("JSON.parse(", at + 11, script.end)


def _assignments(text: str, code: list[Script]) -> list[tuple[str, int, int]]:
    """(name, where the value starts, where its script ends) of every state
    assignment in the page's inline scripts, in page order."""
    found = []
    for script in code:
        for word, pattern in _ASSIGNS:
            for m in _matches(text, word, pattern, script.body, script.end):
                start = m.start()
                before = text[start - 1] if start else " "
                if word == "var __" and (before.isalnum() or before in "_$"):
                    continue  # "myvar __x": not the word var
                found.append((start, m.group(1) or m.group(2) or "", m.end(), script.end))
    return [(name, end, stop) for _, name, end, stop in sorted(found)]


def _matches(
    text: str, word: str, pattern: re.Pattern, start: int, stop: int
) -> Iterator[re.Match]:
    """``pattern.finditer(text, start, stop)`` for a pattern that starts with ``word``."""
    if word == "window":
        yield from pattern.finditer(text, start, stop)
        return
    at = text.find(word, start, stop)
    while at != -1:
        m = pattern.match(text, at, stop)
        if m is None:
            at = text.find(word, at + 1, stop)
            continue
        yield m
        at = text.find(word, m.end(), stop)


def _label(attrs: str) -> str:
    m = re.search(r"\bid\s*=\s*[\"']?([\w-]+)", attrs) or re.search(r"\b(data-[\w-]+)", attrs)
    return f"script {m.group(1)}" if m else "application/json script"
