"""A block's texts as a reader sees them: each element's own text, the whole text of
an element, its text with line breaks, and the container a text starts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

SKIP = frozenset({"script", "style", "noscript", "template", "title", "head"})
_CONTAINERS = frozenset({"p", "div", "span", "blockquote", "section", "q"})


def iter_texts(block: Any) -> Iterator[tuple[Any, str]]:
    """(element, its own text, whitespace collapsed) for every element with one."""
    for sub in block.iter():
        if type(sub.tag) is not str or sub.tag in SKIP:
            continue
        text = sub.text
        if text and not text.isspace():
            yield sub, " ".join(text.split())


def text_content(el: Any) -> str:
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def shown_text(el: Any) -> str:
    """The text of ``el`` as a reader sees it: line breaks at <br> and between
    paragraphs, other whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text and node.tag not in SKIP:
            parts.append(node.text)
        for child in node:
            if type(child.tag) is str:
                if child.tag == "br" or child.tag in ("p", "div", "li"):
                    parts.append("\n")
                walk(child)
                if child.tag in ("p", "div", "li"):
                    parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def body_of(el: Any, block: Any, taken: set[Any]) -> Any:
    """The container holding the whole text ``el`` starts: up through parents that
    hold only it or only paragraphs (not the block, nothing already read)."""
    while True:
        parent = el.getparent()
        if parent is None or parent is block or parent.tag not in _CONTAINERS:
            return el
        children = [c for c in parent if type(c.tag) is str]
        if any(c in taken for c in children) or not (
            len(children) == 1 or all(c.tag in ("p", "br") for c in children)
        ):
            return el
        el = parent
