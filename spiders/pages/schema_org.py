"""Any page with schema.org Review / AggregateRating markup.

JSON-LD (``@graph``, nested or ``@id``-referenced ``itemReviewed``) is cut out
of the page and read directly, with no HTML parse. Microdata (with
``itemref``) and RDFa Lite are read from one lxml parse by small walkers here:
extruct's microdata reader costs ~14x and its RDFa reader ~50x a bare parse,
too slow for crawls of many pages, so extruct is only the fallback for markup
the walkers do not understand. All three syntaxes become the same normalised
nodes, read by one extractor.

Real pages bend the vocabulary: ``worstRating`` 0 or 0.5, 1-10 scales,
``<meta name="ratingValue">`` instead of ``itemprop``, or a rating that only
exists as text (``title="10 out of 10"``, ``aria-label="4 stars"``); those are
read too and flagged (``rating_from_text``).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

from lxml import etree

from core.contracts.raw_items import RawItem
from spiders.pages.base import (
    RATING_FROM_TEXT,
    Context,
    PageResult,
    missing_reviews_problem,
    page_number,
    read_page,
    rel_next,
    text_of,
    to_float,
    to_int,
)

FAMILY = "schema_org"

_LD_TYPE = "application/ld+json"
_HAS_DIGIT = re.compile(r"\d").search
_RATING_OF = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:out\s+of|von|of|/|aus)\s*(\d+(?:[.,]\d+)?)", re.I)
_RATING_STARS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(?:stars?|sternen?|star\s+rating|punkten?|points?)\b", re.I
)
_TEXT_ATTRS = ("title", "aria-label", "alt", "data-rating", "data-score")
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
_MICRODATA_XPATH = etree.XPath("descendant-or-self::*[@itemscope or @itemprop]")
_RDFA_XPATH = etree.XPath("descendant-or-self::*[@typeof or @property]")
_WITH_ID = etree.XPath("descendant-or-self::*[@id]")
_EL = "__element"  # where a node from microdata/RDFa keeps its element
_ELEMENT = etree._Element  # a microdata/RDFa property whose text is not read yet

# Nodes are JSON-LD-shaped dicts whatever the syntax: "@type", "@id", property
# name -> value or list of values; values are strings, numbers or nodes.
Node = dict


def _short(name: str) -> str:
    """ "https://schema.org/ratingValue", "schema:ratingValue" -> "ratingValue"."""
    if "/" in name or "#" in name or ":" in name:
        for sep in ("/", "#", ":"):
            name = name.rsplit(sep, 1)[-1]
    return name.strip()


def _first(node: Node, *names: str) -> Any:
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
                    v = _literal(v)
                if v is not None and v != "":
                    return v["@value"] if type(v) is dict and "@value" in v else v
            continue
        if kind is dict and "@value" in value:
            return value["@value"]
        if kind is _ELEMENT:
            value = _literal(value)
            if value is None or value == "":
                continue
        return value
    return None


def _unwrap(value: Any) -> Any:
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def _types(node: Node) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [_short(t)]
    if isinstance(t, list):
        return [_short(x) for x in t if isinstance(x, str)]
    return []


# --- JSON-LD -------------------------------------------------------------------


def _json_ld_blocks(text: str) -> list[str]:
    """Bodies of <script type="application/ld+json">, found by substring search."""
    out = []
    at = text.find(_LD_TYPE)
    while at != -1:
        start = text.rfind("<", 0, at)
        close = text.find(">", at)
        if start == -1 or close == -1:
            break
        if text[start : start + 7].lower() == "<script":
            end = text.find("</script", close)
            if end == -1:
                end = text.find("</SCRIPT", close)
            out.append(text[close + 1 : end if end != -1 else len(text)])
            at = text.find(_LD_TYPE, end if end != -1 else close)
        else:
            at = text.find(_LD_TYPE, at + len(_LD_TYPE))
    return out


def _json_ld_nodes(text: str, notes: list[str], url: str) -> list[Node]:
    nodes: list[Node] = []
    for raw in _json_ld_blocks(text):
        raw = raw.strip()
        if raw.startswith(("<!--", "//", "<![CDATA[")):
            for junk in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
                raw = raw.replace(junk, "")
        try:
            data = json.loads(raw, strict=False)
        except RecursionError:
            notes.append(f"JSON-LD nested too deeply to read ({url})")
            continue
        except ValueError as err:
            notes.append(f"JSON-LD block is not valid JSON: {err} ({url})")
            continue
        nodes.extend(_top_nodes(data))
    return nodes


def _top_nodes(data: Any) -> list[Node]:
    if isinstance(data, list):
        return [n for d in data for n in _top_nodes(d)]
    if not isinstance(data, dict):
        return []
    if "@graph" in data and not data.get("@type"):
        return _top_nodes(data["@graph"])
    return [data]


# --- microdata -----------------------------------------------------------------


def _microdata_nodes(root: Any) -> list[Node]:
    """Items per the WHATWG microdata model, itemref included, from one XPath."""
    elements = _MICRODATA_XPATH(root)
    items: dict[Any, Node] = {}
    referenced: dict[Any, Node] = {}  # itemref target -> the item it belongs to
    top: list[Node] = []
    for el in elements:
        if el.get("itemscope") is None:
            continue
        node: Node = {_EL: el}
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
            owner = _nearest(el, scopes, memo)
        if owner is None or owner is items.get(el):
            continue
        value = items.get(el)
        if value is None:
            value = el  # read lazily (_first): most properties are never used
        for name in names.split():
            owner.setdefault(_short(name), []).append(value)
    return top


def _nearest(el: Any, marked: dict[Any, Node], memo: dict[Any, Node | None]) -> Node | None:
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


def _literal(el: Any) -> str | None:
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


def _rdfa_nodes(root: Any) -> list[Node]:
    elements = _RDFA_XPATH(root)
    subjects: dict[Any, Node] = {}
    top: list[Node] = []
    for el in elements:
        typeof = el.get("typeof")
        if typeof is None:
            continue
        node: Node = {_EL: el, "@type": typeof.split()}
        if el.get("resource") or el.get("about"):
            node["@id"] = el.get("resource") or el.get("about")
        subjects[el] = node
    memo: dict[Any, Node | None] = {}
    for el in elements:
        props = el.get("property")
        owner = _nearest(el, subjects, memo)  # every element with typeof is a subject
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
            owner.setdefault(_short(name), []).append(value)
    return top


# --- extruct fallback --------------------------------------------------------


def _extruct_nodes(root: Any, text: str, url: str, notes: list[str]) -> list[Node]:
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


# --- the extractor -------------------------------------------------------------


# Where reviews, aggregates and the things they are about can nest; other
# properties (author, reviewRating, comment) are read where they are needed.
_CONTAINERS = (
    "review",
    "reviews",
    "aggregateRating",
    "itemReviewed",
    "mainEntity",
    "mainEntityOfPage",
    "itemListElement",
    "item",
    "about",
    "subjectOf",
    "hasPart",
    "@graph",
)


def _all_nodes(nodes: list[Node]) -> list[Node]:
    """The nodes that can hold reviews or aggregates, nested ones included, in
    document order, each once."""
    out: list[Node] = []
    seen: set[int] = set()
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        out.append(node)
        children: list[Node] = []
        for key in _CONTAINERS:
            value = node.get(key)
            if value is None:
                continue
            if isinstance(value, dict):
                children.append(value)
            elif isinstance(value, list):
                children.extend(v for v in value if isinstance(v, dict))
        if children:
            stack.extend(reversed(children))
    return out


def _shorten_keys(value: Any, depth: int = 0) -> Any:
    """Expanded JSON-LD (extruct's RDFa) names properties by IRI; shorten them."""
    if depth > 100:
        return None
    if isinstance(value, list):
        return [_shorten_keys(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {
            (k if k[:1] == "@" else _short(k)): _shorten_keys(v, depth + 1)
            for k, v in value.items()
        }
    return value


def _resolver(nodes: list[Node]) -> dict[str, Node]:
    defs: dict[str, Node] = {}
    for node in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(node) > 1 and node_id not in defs:
            defs[node_id] = node
    return defs


def _resolve(value: Any, defs: dict[str, Node]) -> Any:
    if isinstance(value, dict) and len(value) == 1 and "@id" in value:
        return defs.get(value["@id"], value)
    return value


def _is_review(node: Node) -> bool:
    return any(t.endswith("Review") for t in _types(node))


def _text(value: Any) -> str | None:
    if type(value) is str:
        return value
    if isinstance(value, dict):
        return _text(_first(value, "name", "text", "value", "@value"))
    if isinstance(value, list):
        return _text(value[0]) if value else None
    if value is None or isinstance(value, bool):
        return None
    return value if isinstance(value, str) else str(value)


_ID_PREFIXES = ("review-", "review_", "comment-", "rev-")


def _id_of(value: Any) -> str | None:
    """A review's or author's id from its identifier or URL: the fragment or the
    last path segment, whichever looks like an id (has a digit)."""
    if not isinstance(value, str) or not value:
        return None
    path, _, fragment = value.partition("#")
    segment = unquote(path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if fragment and _HAS_DIGIT(fragment):
        key = fragment
    elif segment and _HAS_DIGIT(segment):
        key = segment
    else:
        key = fragment or segment
    if key.startswith(_ID_PREFIXES):
        for prefix in _ID_PREFIXES:
            if key.startswith(prefix):
                key = key[len(prefix) :]
    return key or None


def _rating_from_text(el: Any) -> tuple[str, str | None, str] | None:
    """(value, best, flag) from a rating shown only as text or a <meta name>."""
    if el is None:
        return None
    for sub in el.iter():
        if not isinstance(sub.tag, str):
            continue
        if (
            sub.tag == "meta"
            and (sub.get("name") or "").lower() == "ratingvalue"
            and sub.get("content")
        ):
            best = next(
                (
                    m.get("content")
                    for m in el.iter("meta")
                    if (m.get("name") or "").lower() == "bestrating"
                ),
                None,
            )
            return sub.get("content"), best, "rating_from_meta_name"
        for attr in _TEXT_ATTRS:
            value = sub.get(attr)
            if not value:
                continue
            m = _RATING_OF.search(value)
            if m:
                return m.group(1), m.group(2), RATING_FROM_TEXT
            m = _RATING_STARS.search(value)
            if m:
                return m.group(1), None, RATING_FROM_TEXT
            if attr.startswith("data-") and to_float(value) is not None:
                return value.strip(), None, RATING_FROM_TEXT
    return None


def _scalar(value: Any) -> str | int | float | None:
    value = _unwrap(value)
    return value if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def _rating_fields(node: Node, rating: Any, defs: dict[str, Node]) -> tuple[dict, list[str]]:
    """rating_value/worst/best from a Rating node (or a bare value)."""
    flags: list[str] = []
    value = worst = best = None
    if isinstance(rating, dict):
        value = _first(rating, "ratingValue")
        worst = _first(rating, "worstRating")
        best = _first(rating, "bestRating")
    elif rating is not None:  # "reviewRating": "4"
        value = rating
    if isinstance(value, dict):
        value = _text(value)
    if to_float(value) is None:
        found = None
        if isinstance(rating, dict):
            found = _rating_from_text(rating.get(_EL))
        found = found or _rating_from_text(node.get(_EL))
        if found:
            value, text_best, how = found
            best = best if best is not None else text_best
            flags.append(how)
    worst, best = _scalar(worst), _scalar(best)
    fields = {
        "rating_value": _scalar(value),
        "rating_worst": 1 if worst is None else worst,
        "rating_best": 5 if best is None else best,
    }
    return fields, flags


def _extract(
    nodes: list[Node], ctx: Context, url: str, first_page: bool
) -> tuple[list[RawItem], int | None, list[str]]:
    everything = _all_nodes(nodes)
    defs = _resolver(everything)
    problems: list[str] = []
    # The company's slug: the listing URL's last path segment, as routes.py builds it.
    pid = unquote(url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    # The company: whatever carries the aggregate, else what the reviews are about.
    company: Node | None = None
    aggregate: Node | None = None
    reviews: list[Node] = []
    for node in everything:
        types = _types(node)
        if any(t.endswith("Review") for t in types):
            reviews.append(node)
        if aggregate is not None:
            continue
        agg = _resolve(_first(node, "aggregateRating"), defs)
        if isinstance(agg, dict):
            company, aggregate = node, agg
        elif "AggregateRating" in types:
            aggregate = node
            reviewed = _resolve(_first(node, "itemReviewed"), defs)
            company = reviewed if isinstance(reviewed, dict) else None
    if company is None:  # the thing whose "review" property holds the reviews
        company = next((n for n in everything if n.get("review") or n.get("reviews")), None)
    if company is None:
        for review in reviews:
            reviewed = _resolve(_first(review, "itemReviewed"), defs)
            if isinstance(reviewed, dict):
                company = reviewed
                break
    company_name = _text(_first(company, "name")) if company else None
    company_url = _text(_first(company, "url")) if company else None
    items: list[RawItem] = []
    declared = None
    if aggregate is not None:
        declared = to_int(_scalar(_first(aggregate, "reviewCount", "ratingCount")))
        rating, flags = _rating_fields(aggregate, aggregate, defs)
        if first_page:
            items.append(
                ctx.item(
                    "aggregate",
                    pid,
                    company_name=company_name,
                    company_url=company_url,
                    review_count=declared,
                    flags=flags,
                    **rating,
                )
            )
        if declared and to_float(rating["rating_value"]) is None:
            problems.append(
                f"aggregate declares {declared} reviews but no parsable ratingValue ({url})"
            )
    for review in reviews:
        items.append(_review(review, defs, ctx, pid, company_name, company_url))
    return items, declared, problems


def _review(
    review: Node,
    defs: dict[str, Node],
    ctx: Context,
    pid: str,
    company_name: str | None,
    company_url: str | None,
) -> RawItem:
    rating, flags = _rating_fields(review, _resolve(_first(review, "reviewRating"), defs), defs)
    if rating["rating_value"] is None:
        flags.append("rating_missing")
    author = _resolve(_first(review, "author", "creator"), defs)
    author_name = author_id = None
    if isinstance(author, dict):
        author_name = _text(_first(author, "name", "alternateName"))
        author_id = _text(_first(author, "identifier")) or _id_of(
            _text(_first(author, "url")) or author.get("@id")
        )
    else:
        author_name = _text(author)
    reply = _resolve(_first(review, "comment"), defs)
    if not isinstance(reply, dict):
        reply = {}
    reviewed = _resolve(_first(review, "itemReviewed"), defs)
    if isinstance(reviewed, dict) and _first(reviewed, "name"):
        company_name = _text(_first(reviewed, "name"))
    review_id = _text(_first(review, "identifier")) or _id_of(
        review.get("@id") or _text(_first(review, "url"))
    )
    return ctx.item(
        "review",
        pid,
        company_name=company_name,
        company_url=company_url,
        review_id=review_id,
        title=_text(_first(review, "name", "headline")),
        text=_text(_first(review, "reviewBody", "description", "text")),
        pros=_text(_first(review, "positiveNotes")),
        cons=_text(_first(review, "negativeNotes")),
        language=_text(_first(review, "inLanguage")),
        author_name=author_name,
        author_id=author_id,
        published_raw=_text(_first(review, "datePublished", "dateCreated")),
        reply_text=_text(_first(reply, "text")),
        reply_raw_date=_text(_first(reply, "dateCreated", "datePublished")),
        flags=flags,
        **rating,
    )


def parse(
    body: bytes,
    url: str,
    *,
    portal: str,
    fetched_at: str,
    response_sha256: str,
    encoding: str | None = None,
) -> PageResult:
    page = read_page(body, encoding)
    text = page.text
    ctx = Context(FAMILY, portal, url, fetched_at, response_sha256, page.undecodable)
    notes: list[str] = []
    first_page = page_number(url) == 1
    nodes = _json_ld_nodes(text, notes, url)
    items, declared, problems = _safe_extract(nodes, ctx, url, first_page, notes)
    has_reviews = any(i.kind == "review" for i in items)
    if not has_reviews and _has_markup(text):
        root = page.root()
        if root is not None:
            html_nodes: list[Node] = []
            try:
                # Only the syntaxes present: each walker scans the whole tree.
                if "itemprop" in text or "itemscope" in text:
                    html_nodes += _microdata_nodes(root)
                if "typeof" in text or "property=" in text:
                    html_nodes += _rdfa_nodes(root)
            except RecursionError:
                notes.append(f"markup nested too deeply to read ({url})")
            found = _safe_extract(html_nodes, ctx, url, first_page, notes)
            if not found[0]:
                fallback = _extruct_nodes(root, text, url, notes)
                found = _safe_extract(fallback, ctx, url, first_page, notes)
            items, declared, problems = _merge((items, declared, problems), found)
    problems += missing_reviews_problem(items, declared, url)
    if not items and declared is None:
        problems.append(f"no schema.org Review or AggregateRating found ({url})")
    if problems:
        problems += notes  # why structured data was unreadable, if it was
    return PageResult(items, rel_next(text, url), declared, problems)


def _has_markup(text: str) -> bool:
    return "itemprop" in text or "typeof" in text or "property=" in text


def _safe_extract(
    nodes: list[Node], ctx: Context, url: str, first_page: bool, notes: list[str]
) -> tuple[list[RawItem], int | None, list[str]]:
    try:
        return _extract(nodes, ctx, url, first_page)
    except RecursionError:
        notes.append(f"structured data nested too deeply to read ({url})")
        return [], None, []


def _merge(
    a: tuple[list[RawItem], int | None, list[str]], b: tuple[list[RawItem], int | None, list[str]]
) -> tuple[list[RawItem], int | None, list[str]]:
    """JSON-LD's aggregate with the markup's reviews, each taken once."""
    a_items, a_declared, a_problems = a
    b_items, b_declared, b_problems = b
    aggregates = [i for i in a_items if i.kind == "aggregate"] or [
        i for i in b_items if i.kind == "aggregate"
    ]
    reviews = [i for i in b_items if i.kind != "aggregate"]
    declared = a_declared if a_declared is not None else b_declared
    problems = a_problems if any(i.kind == "aggregate" for i in a_items) else b_problems
    return aggregates[:1] + reviews, declared, problems
