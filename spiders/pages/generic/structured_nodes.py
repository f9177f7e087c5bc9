"""schema.org nodes from the three syntaxes: JSON-LD, microdata, RDFa Lite.

JSON-LD (``@graph``, lists, CDATA- or comment-wrapped) is cut out of the page
and read directly, with no HTML parse. Microdata (``itemref`` included) and
RDFa Lite are read from one lxml parse by small walkers here: extruct's
microdata reader costs ~14x and its RDFa reader ~50x a bare parse, too slow
for crawls of many pages, so extruct is only the fallback for markup the
walkers do not understand. All syntaxes become the same normalised nodes:
JSON-LD-shaped dicts ("@type", "@id", property name -> value or list of
values; values are strings, numbers, nodes or, for microdata/RDFa, elements
read lazily by ``first``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from spiders.pages.base import text_of
from spiders.pages.generic.jsondata import loads
from spiders.pages.generic.scripts import Layout, layout

_URL_TAGS = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "iframe": "src",
    "track": "src",
    "object": "data",
}
# A union of two one-attribute paths: libxml2 tests each node ~10% faster than with "or".
_MICRODATA_XPATH = etree.XPath(
    "descendant-or-self::*[@itemscope] | descendant-or-self::*[@itemprop]"
)
_RDFA_XPATH = etree.XPath("descendant-or-self::*[@typeof or @property]")
_WITH_ID = etree.XPath("descendant-or-self::*[@id]")
EL = "__element"  # where a node from microdata/RDFa keeps its element
_ELEMENT = etree._Element  # a microdata/RDFa property whose text is not read yet

# Nodes are JSON-LD-shaped dicts whatever the syntax: "@type", "@id", property
# name -> value or list of values; values are strings, numbers or nodes.
Node = dict


def short(name: str) -> str:
    """ "https://schema.org/ratingValue", "schema:ratingValue" -> "ratingValue"."""
    if "/" in name or "#" in name or ":" in name:
        for sep in ("/", "#", ":"):
            name = name.rsplit(sep, 1)[-1]
    return name.strip()


def first(node: Node, *names: str) -> Any:
    """The first non-empty value of the first present property (hot path: kept flat)."""
    for name in names:
        value = node.get(name)
        kind = type(value)
        if kind is str:  # JSON-LD's common case, answered first
            if value:
                return value
            continue
        if value is None:
            continue
        if kind is list:
            for v in value:
                if type(v) is _ELEMENT:
                    v = literal(v)
                if v is not None and v != "":
                    return v["@value"] if type(v) is dict and "@value" in v else v
            continue
        if kind is dict and "@value" in value:
            return value["@value"]
        if kind is _ELEMENT:
            value = literal(value)
            if value is None or value == "":
                continue
        return value
    return None


def unwrap(value: Any) -> Any:
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def types_of(node: Node) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [short(t)]
    if isinstance(t, list):
        return [short(x) for x in t if isinstance(x, str)]
    return []


# --- JSON-LD -------------------------------------------------------------------


def json_ld_nodes(text: str, notes: list[str], url: str, page: Layout | None = None) -> list[Node]:
    """The nodes of every <script type="application/ld+json"> (``page``: the
    page's layout, when the caller has cut it already)."""
    nodes: list[Node] = []
    for script in (page or layout(text)).of("ld+json"):
        raw = script.text(text)
        raw = raw.strip()
        if raw.startswith(("<!--", "//", "<![CDATA[", "/*")):
            raw = _unwrap_script(raw)
        try:
            data = loads(raw)
        except RecursionError:
            notes.append(f"JSON-LD nested too deeply to read ({url})")
            continue
        except ValueError as err:
            notes.append(f"JSON-LD block is not valid JSON: {err} ({url})")
            continue
        nodes.extend(_top_nodes(data))
    return nodes


_WRAPPERS = re.compile(
    r"^\s*(?:/\*\s*)?(?://\s*)?(?:<!--|<!\[CDATA\[)\s*(?:\*/)?|"
    r"(?:/\*\s*)?(?://\s*)?(?:-->|\]\]>)\s*(?:\*/)?\s*$"
)


def _unwrap_script(raw: str) -> str:
    """A script body without the comment or CDATA wrapping pages put around it
    (``<!-- ... -->``, ``//<![CDATA[ ... //]]>``, ``/*<![CDATA[*/ ... /*]]>*/``)."""
    return _WRAPPERS.sub("", raw).strip()


def _top_nodes(data: Any) -> list[Node]:
    if isinstance(data, list):
        return [n for d in data for n in _top_nodes(d)]
    if not isinstance(data, dict):
        return []
    if "@graph" in data and not data.get("@type"):
        return _top_nodes(data["@graph"])
    return [data]


# --- microdata -----------------------------------------------------------------


def microdata_nodes(root: Any) -> list[Node]:
    """Items per the WHATWG microdata model, itemref included, from one XPath."""
    elements = _MICRODATA_XPATH(root)
    items: dict[Any, Node] = {}
    referenced: dict[Any, Node] = {}  # itemref target -> the item it belongs to
    top: list[Node] = []
    for el in elements:
        if el.get("itemscope") is None:
            continue
        node: Node = {EL: el}
        if el.get("itemtype"):
            node["@type"] = el.get("itemtype").split()
        if el.get("itemid"):
            node["@id"] = el.get("itemid")
        items[el] = node
        if not el.get("itemprop"):
            top.append(node)
    by_id: dict[str, Any] | None = None
    for el, node in items.items():
        refs = el.get("itemref")
        if not refs:
            continue
        if by_id is None:
            by_id = {}
            for target in _WITH_ID(root):
                by_id.setdefault(target.get("id"), target)
        for ref in refs.split():
            if ref in by_id:
                referenced.setdefault(by_id[ref], node)
    # An ancestor owns a property as its own item first, else as an itemref target.
    scopes = {**referenced, **items}
    memo: dict[Any, Node | None] = {}
    for el in elements:
        names = el.get("itemprop")
        if not names:
            continue
        owner = referenced.get(el)
        if owner is None:
            owner = nearest(el, scopes, memo)
        if owner is None or owner is items.get(el):
            continue
        value = items.get(el)
        if value is None:
            value = el  # read lazily (_first): most properties are never used
        for name in names.split():
            owner.setdefault(short(name), []).append(value)
    return top


def nearest(el: Any, marked: dict[Any, Node], memo: dict[Any, Node | None]) -> Node | None:
    """``marked[a]`` for the nearest ancestor ``a`` of ``el`` in ``marked``, else None.

    ``memo`` remembers the answer for every ancestor passed on the way up, so
    the elements of a page (visited in document order) mostly stop at their
    parent instead of walking to the root."""
    passed = []
    parent = el.getparent()
    found = None
    while parent is not None:
        if parent in memo:
            found = memo[parent]
            break
        found = marked.get(parent)
        if found is not None:
            memo[parent] = found
            break
        passed.append(parent)
        parent = parent.getparent()
    for ancestor in passed:
        memo[ancestor] = found
    return found


def literal(el: Any) -> str | None:
    content = el.get("content")
    if content is not None:
        return content
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    attr = _URL_TAGS.get(tag)
    if attr and el.get(attr) is not None:
        return el.get(attr)
    if tag in ("data", "meter") and el.get("value") is not None:
        return el.get("value")
    if tag == "time" and el.get("datetime"):
        return el.get("datetime")
    return text_of(el)


# --- RDFa Lite -----------------------------------------------------------------


def rdfa_nodes(root: Any) -> list[Node]:
    elements = _RDFA_XPATH(root)
    subjects: dict[Any, Node] = {}
    top: list[Node] = []
    for el in elements:
        typeof = el.get("typeof")
        if typeof is None:
            continue
        node: Node = {EL: el, "@type": typeof.split()}
        if el.get("resource") or el.get("about"):
            node["@id"] = el.get("resource") or el.get("about")
        subjects[el] = node
    memo: dict[Any, Node | None] = {}
    for el in elements:
        props = el.get("property")
        owner = nearest(el, subjects, memo)  # every element with typeof is a subject
        own = subjects.get(el)
        if not props or owner is None:
            if own is not None:
                top.append(own)
            continue
        if own is not None:
            value: Any = own
        elif el.get("content") is None and el.get("resource"):
            value = el.get("resource")
        else:
            value = el  # read lazily (_first)
        for name in props.split():
            owner.setdefault(short(name), []).append(value)
    return top


# --- extruct fallback --------------------------------------------------------


def extruct_nodes(root: Any, text: str, url: str, notes: list[str]) -> list[Node]:
    lowered = text.lower()
    marks = (("microdata", "itemscope"), ("rdfa", "typeof="))
    syntaxes = [syntax for syntax, mark in marks if mark in lowered]
    if not syntaxes:
        return []
    try:
        import extruct

        tree = root if "rdfa" not in syntaxes else text
        data = extruct.extract(tree, base_url=url, syntaxes=syntaxes, uniform=True)
    except Exception as err:  # extruct and pyRdfa raise anything on odd markup
        notes.append(f"extruct could not read the page: {type(err).__name__} ({url})")
        return []
    nodes: list[Node] = []
    for syntax in syntaxes:
        for entry in data.get(syntax, []):
            if isinstance(entry, dict):
                if "id" in entry and "@id" not in entry:
                    entry = {**entry, "@id": entry["id"]}
                nodes.append(_shorten_keys(entry))
    return nodes


def _shorten_keys(value: Any, depth: int = 0) -> Any:
    """Expanded JSON-LD (extruct's RDFa) names properties by IRI; shorten them."""
    if depth > 100:
        return None
    if isinstance(value, list):
        return [_shorten_keys(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {
            (k if k[:1] == "@" else short(k)): _shorten_keys(v, depth + 1) for k, v in value.items()
        }
    return value
