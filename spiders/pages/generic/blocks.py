"""What a rendered rating's block says besides the rating: the review's date,
author, title, text, the business's reply and the review's id.

The block's texts (each element's own text, in page order) are told apart by
what they look like (a date) and by the hints the markup gives in class names,
``data-hook``, ``data-testid`` and ``itemprop``: an author's name, a title.
A reply by the business sits in a container of its own ("reply", "response",
"answer"): its text is the reply, never the review's text, however long. The
review's text is the longest remaining text, read whole: with its line breaks
and every paragraph of the container holding it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spiders.pages.generic.records import Record
from spiders.pages.generic.shown import looks_like_date, rating_in_text

# Matched against lowercased hints (re.IGNORECASE costs ~10x on every element).
_AUTHOR_HINT = re.compile(r"author|reviewer|user-?name|profile-name|consumer-?name|\bname\b")
_TITLE_HINT = re.compile(r"title|headline|header")
_REPLY_HINT = re.compile(
    r"repl(?:y|ies)|response(?!ive)|answer|antwort|respuesta|r[ée]ponse|risposta"
)
_REPLY_TEXT_HINT = re.compile(r"content|text|body|message")
_HIDDEN_CLASS = re.compile(r"popover|lightbox|modal|tooltip|preload")
_DATE_ATTRS = ("datetime", "data-content", "content", "data-time", "title", "data-date")
_DATE_KEYS = frozenset(_DATE_ATTRS)
_SKIP = frozenset({"script", "style", "noscript", "template", "title", "head"})
# Elements inside a text: a title's link or a body's paragraph keep their container's part.
_INLINE = frozenset({"a", "span", "b", "strong", "i", "em", "small", "u", "mark", "font", "q"})
_TEXTUAL = _INLINE | {"p", "br", "sup", "sub"}
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = frozenset({"p", "div", "span", "blockquote", "section", "q"})
MIN_TEXT = 15  # shorter is a label or a name, not what the reviewer wrote


_HINT_ATTRS = ("class", "data-hook", "data-testid", "itemprop")


def hint_of(el: Any, keys: list[str] | None = None) -> str:
    """What the markup says an element is (its class, data-hook, data-testid and
    itemprop), lowercased."""
    keys = el.keys() if keys is None else keys
    return " ".join(el.get(a) for a in _HINT_ATTRS if a in keys).lower()


def _hints(sub: Any, block: Any) -> str:
    """An element's hint, and its inline parent's (a title's text in a span of the link)."""
    hint = hint_of(sub)
    parent = sub.getparent()
    if parent is not None and parent is not block and parent.tag in _INLINE:
        hint = f"{hint} {hint_of(parent)}"
    return hint


def iter_texts(block: Any) -> Iterator[tuple[Any, str]]:
    """(element, its own text, whitespace collapsed) for every element with one."""
    for sub in block.iter():
        if type(sub.tag) is not str or sub.tag in _SKIP:
            continue
        text = sub.text
        if text and not text.isspace():
            yield sub, " ".join(text.split())


def hidden(el: Any, keys: list[str] | None = None) -> bool:
    """Kept out of sight: a copy for an image viewer or a tooltip, ``hidden``, display:none."""
    keys = el.keys() if keys is None else keys
    if not keys:
        return False
    if "hidden" in keys or ("class" in keys and _HIDDEN_CLASS.search(el.get("class").lower())):
        return True
    return "style" in keys and "display:none" in el.get("style").replace(" ", "")


@dataclass
class View:
    """A block read once: the texts it shows, and its reply containers (outermost)."""

    texts: list[tuple[Any, str]] = field(default_factory=list)
    replies: list[Any] = field(default_factory=list)


def view_of(block: Any) -> View:
    view = View()
    skipped: set[Any] = set()  # out of sight
    in_reply: set[Any] = set()
    for sub in block.iter():
        if type(sub.tag) is not str or sub.tag in _SKIP or sub in skipped:
            continue
        keys = sub.keys()
        if keys and sub is not block:
            if hidden(sub, keys):
                skipped.update(sub.iter())
                continue
            hint = hint_of(sub, keys) if sub not in in_reply else ""
            if hint and _REPLY_HINT.search(hint):
                view.replies.append(sub)
                in_reply.update(sub.iter())
        text = sub.text
        if text and not text.isspace():
            view.texts.append((sub, " ".join(text.split())))
    return view


def shown_text(el: Any) -> str:
    """The text of ``el`` as a reader sees it: line breaks at <br> and between
    paragraphs, other whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text and node.tag not in _SKIP:
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


def _reply_parts(view: View, signal: Any) -> tuple[list[Any], set[Any]]:
    """The block's reply containers that do not hold the rating itself, and every
    element inside them."""
    holding = set(signal.iterancestors())
    roots = [r for r in view.replies if r not in holding and r is not signal]
    inside: set[Any] = set()
    for root in roots:
        inside.update(root.iter())
    return roots, inside


def _reply_text_of(reply: Any) -> Any:
    """The part of a reply container holding its text (not the replier's name)."""
    for sub in reply.iter():
        if sub is not reply and _REPLY_TEXT_HINT.search(hint_of(sub)):
            return sub
    return reply


def _body_of(el: Any, block: Any, taken: set[Any]) -> Any:
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


def unmarked_text(el: Any, known: set[str | None]) -> str | None:
    """The text a review's element shows that none of its properties names (a
    microdata review with its text in a plain <div>): the longest such text, whole."""
    best: tuple[Any, str] | None = None
    for sub, t in iter_texts(el):
        if sub.get("itemprop") or sub.get("property") or t in known or len(t) < MIN_TEXT:
            continue
        if (best is None or len(t) > len(best[1])) and not looks_like_date(t):
            best = (sub, t)
    if best is None or rating_in_text(best[1]):
        return None
    return shown_text(_body_of(best[0], el, set())) or best[1]


def _date_attribute(block: Any) -> str | None:
    for sub in block.iter():
        keys = sub.keys() if type(sub.tag) is str else None
        if not keys or _DATE_KEYS.isdisjoint(keys):
            continue
        date = next((sub.get(a) for a in _DATE_ATTRS if looks_like_date(sub.get(a))), None)
        if date:
            return date
    return None


def review_id(block: Any, counts: dict[Any, int]) -> str | None:
    """The review's id: a ``data-review-id`` on the block or on an element around it
    that holds this review only; else their ``id``: the one the others are made of
    ("R2K", "R2K-review-card", "customer_review-R2K"), else the block's own."""
    chain = [block]
    for anc in block.iterancestors():
        if counts.get(anc, 0) > 1 or anc.tag in ("body", "html", "main") or len(chain) > 3:
            break
        chain.append(anc)
    rid = next((e.get("data-review-id") for e in chain if e.get("data-review-id")), None)
    if rid is None:
        ids = [e.get("id") or e.get("data-id") for e in chain]
        ids = [i for i in ids if i]
        common = [i for i in ids if all(i in other for other in ids)]
        rid = min(common, key=len) if len(ids) > 1 and common else (ids[0] if ids else None)
    return rid.removeprefix("review-").removeprefix("review_") if rid else None


def read_review(
    block: Any, signal: Any, value: str, best: str | None, view: View, counts: dict[Any, int]
) -> Record | None:
    """The review a rated block shows, or None when it shows no date (a product
    card, a hotel's class: a rating with no date is not a review)."""
    values: dict[str, Any] = {}
    replies, in_reply = _reply_parts(view, signal)
    taken: set[Any] = set()
    body: tuple[Any, str] | None = None
    for sub, t in view.texts:
        if sub in in_reply:
            continue
        hint = _hints(sub, block)
        if "published_raw" not in values and len(t) <= 80 and looks_like_date(t):
            values["published_raw"] = t
        elif "author_name" not in values and len(t) <= 60 and _AUTHOR_HINT.search(hint):
            values["author_name"] = t
        elif (
            "title" not in values
            and len(t) <= 200
            and (_TITLE_HINT.search(hint) or sub.tag in _HEADINGS)
            and not rating_in_text(t)
        ):
            values["title"] = t
        else:
            if (body is None or len(t) > len(body[1])) and not rating_in_text(t):
                body = (sub, t)
            continue
        taken.add(sub)
    if "published_raw" not in values:
        date = _date_attribute(block)
        if date is None:
            return None
        values["published_raw"] = date
    text = shown_text(_body_of(body[0], block, taken)) or body[1] if body else ""
    if len(text) >= MIN_TEXT:
        values["text"] = text
    reply = "\n".join(filter(None, (shown_text(_reply_text_of(r)) for r in replies)))
    if reply:
        values["reply_text"] = reply
    rid = review_id(block, counts)
    if rid:
        values["review_id"] = rid
    return Record("review", "rendered", rating_value=value, rating_best=best, values=values)
