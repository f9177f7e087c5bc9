"""A page's scripts, found once for every strategy.

Each search of a 2 MB page's text costs 1-2 ms, about a tenth of its parse, and
the strategies ask a dozen questions of it. One pass over the page finds every
``<script`` and its end; then each question reads only the part it is about:
JSON-LD and JSON state are the typed scripts' bodies, state assignments and
``JSON.parse`` calls live in inline scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

# Literal-first patterns, case-sensitive: a tag's attributes can be a 400 KB
# data: URL, which a re.I search with a leading \b reads at a crawl.
_TYPE = re.compile(r"type\s*=\s*[\"']?\s*([\w/+.-]+)")
_SRC = re.compile(r"src\s*=")
_JSON_TYPES = {"application/ld+json": "ld+json", "application/json": "json"}
_JSON_TYPES["application/x-json"] = "json"
_JS_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
     "application/ecmascript", "text/x-javascript", "application/x-javascript"}
)  # fmt: skip


class Script(NamedTuple):  # a tuple: pages have hundreds of scripts
    kind: str  # "ld+json", "json", "js" (inline code), "other" (external, templates, ...)
    attrs: str  # the opening tag's attributes
    body: int  # where the script's text starts in the page
    end: int  # where it ends: its closing tag, else the end of the page

    def text(self, page: str) -> str:
        return page[self.body : self.end]


@dataclass
class Layout:
    scripts: list[Script] = field(default_factory=list)
    size: int = 0  # the page's length
    _markup: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    def of(self, kind: str) -> list[Script]:
        return [s for s in self.scripts if s.kind == kind]

    def markup(self) -> list[tuple[int, int]]:
        """(start, stop) of the stretches of the page outside script bodies: the
        only places a tag or an attribute can be. Most of a big page's text is
        its scripts, so a search for an attribute or a link reads these alone."""
        if self._markup is None:
            out = []
            at = 0
            for script in self.scripts:
                if script.body > at:
                    out.append((at, script.body))
                if script.end > at:
                    at = script.end
            if at < self.size:
                out.append((at, self.size))
            self._markup = out
        return self._markup

    def in_markup(self, text: str, word: str) -> bool:
        return any(text.find(word, start, stop) != -1 for start, stop in self.markup())


def _attribute(pattern: re.Pattern, attrs: str) -> re.Match | None:
    """The first match of ``pattern`` that is an attribute's name (``data-type=`` is not)."""
    for m in pattern.finditer(attrs):
        if not m.start() or attrs[m.start() - 1] in " \t\r\n\"'/":
            return m
    return None


_KINDS: dict[str, str] = {}


def _kind_of(attrs: str) -> str:
    # Pages repeat a few opening tags (' type="text/javascript"') over many scripts.
    try:
        return _KINDS[attrs]
    except KeyError:
        if len(_KINDS) > 20_000:
            _KINDS.clear()
        kind = _KINDS[attrs] = _kind(attrs)
        return kind


def _kind(attrs: str) -> str:
    if attrs.isascii() and not attrs.islower() and len(attrs) < 4096:
        attrs = attrs.lower()  # TYPE=, Src=: attribute names are not case-sensitive
    m = _attribute(_TYPE, attrs)
    mime = m.group(1).lower() if m else ""
    if mime in _JSON_TYPES:
        return _JSON_TYPES[mime]
    if mime in _JS_TYPES and _attribute(_SRC, attrs) is None:
        return "js"
    return "other"


def layout(text: str) -> Layout:
    """The page's scripts, in order."""
    opening = "<script" if "<script" in text else "<SCRIPT"  # pages in capitals: all capitals
    closing = "</" + opening[1:]
    out = Layout(size=len(text))
    at = text.find(opening)
    while at != -1:
        after = at + len(opening)
        close = text.find(">", after)
        if close == -1:
            break
        if text[after : after + 1] not in " \t\r\n/>":  # <scripts>, <script-x>: not a script
            at = text.find(opening, after)
            continue
        body = close + 1
        end = text.find(closing, body)
        if end == -1:  # closed in the other case
            end = text.find(closing.upper() if closing.islower() else closing.lower(), body)
        stop = end if end != -1 else len(text)
        attrs = text[after:close]
        out.scripts.append(Script(_kind_of(attrs), attrs, body, stop))
        at = text.find(opening, stop) if end != -1 else -1
    return out
