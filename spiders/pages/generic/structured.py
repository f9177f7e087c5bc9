"""Strategy 1, structured data: schema.org Review / AggregateRating in JSON-LD,
microdata or RDFa (the nodes come from ``structured_nodes``).

Real pages bend the vocabulary: ``aggregateRating`` as a list, numbers as
strings, ``worstRating`` 0, 1-10 scales, reviews under ``reviews``,
``<meta name="ratingValue">`` instead of ``itemprop``, a rating that exists only
as text (``title="10 out of 10"``); those are read too and flagged. Reviews of
a photo or video (Yelp hangs its photo captions' reviews on ``ImageObject``)
are not reviews of the company and are left out. A page listing many rated
entities (an ``ItemList`` of restaurants) gives one aggregate per entity.
"""

from __future__ import annotations

from typing import Any

from spiders.pages.base import to_int
from spiders.pages.generic import structured_nodes as sn
from spiders.pages.generic.blocks import unmarked_text
from spiders.pages.generic.records import SCALE_INFERRED, Found, Record
from spiders.pages.generic.scripts import Layout, layout
from spiders.pages.generic.shown import as_number
from spiders.pages.generic.structured_nodes import EL, Node, first, types_of
from spiders.pages.generic.structured_values import (
    date_in_element,
    id_of,
    rating_of,
    scalar,
    text,
)

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
_LISTING = frozenset({"itemListElement", "item"})  # entries of a list page
_MEDIA = frozenset(
    {"ImageObject", "VideoObject", "MediaObject", "Photograph", "AudioObject", "Clip"}
)


def _walk(nodes: list[Node]) -> list[tuple[Node, bool, bool, Node | None]]:
    """(node, listed, under_media, holder) for every node that can hold reviews or
    aggregates, nested ones included, in document order, each once; ``holder``
    is the node whose property holds it."""
    out: list[tuple[Node, bool, bool, Node | None]] = []
    seen: set[int] = set()
    stack: list[tuple[Node, bool, bool, Node | None]] = [
        (n, False, False, None) for n in reversed(nodes)
    ]
    while stack:
        node, listed, media, holder = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        out.append((node, listed, media, holder))
        media = media or any(t in _MEDIA for t in types_of(node))
        children: list[tuple[Node, bool, bool, Node | None]] = []
        for key in _CONTAINERS:
            value = node.get(key)
            if value is None:
                continue
            inner = listed or key in _LISTING
            values = value if isinstance(value, list) else [value]
            children.extend((v, inner, media, node) for v in values if isinstance(v, dict))
        stack.extend(reversed(children))
    return out


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


def extract(nodes: list[Node], strategy: str) -> Found:
    walked = _walk(nodes)
    defs = _resolver([n for n, *_ in walked])
    found = Found()
    reviews: list[tuple[Node, Node | None]] = []  # (review, the node holding it)
    main_company: Node | None = None
    consumed: set[int] = set()  # AggregateRating nodes already read as some node's
    for node, listed, media, holder in walked:
        types = types_of(node)
        if id(node) in consumed:
            continue
        # A node with a reviewRating is a review whatever its type says ("Thing", "Comment").
        if any(t.endswith("Review") for t in types) or "reviewRating" in node:
            found.saw_ratings = True
            if not media:
                reviews.append((node, holder))
            continue
        agg = _resolve(first(node, "aggregateRating"), defs)
        company: Node | None = node
        if not isinstance(agg, dict) and any(t.endswith("AggregateRating") for t in types):
            agg = node
            reviewed = _resolve(first(node, "itemReviewed"), defs)
            company = reviewed if isinstance(reviewed, dict) else None
        if not isinstance(agg, dict) or media:
            continue
        consumed.add(id(agg))
        found.saw_ratings = True
        record = _aggregate(agg, company, strategy, listed)
        if not listed and main_company is None:
            main_company = company
        found.aggregates.append(record)
        if record.review_count and not record.rated:
            found.problems.append(
                f"aggregate declares {record.review_count} reviews but no parsable ratingValue"
            )
    rated_main = main_company
    if main_company is None:  # the thing whose "review" property holds the reviews
        main_company = next((n for n, *_ in walked if n.get("review") or n.get("reviews")), None)
    if main_company is None:
        for review, _ in reviews:
            reviewed = _resolve(first(review, "itemReviewed"), defs)
            if isinstance(reviewed, dict):
                main_company = reviewed
                break
    name = text(first(main_company, "name")) if main_company else None
    url = text(first(main_company, "url")) if main_company else None
    for agg in found.aggregates:
        if not agg.listed:
            agg.company_name = agg.company_name or name
            agg.company_url = agg.company_url or url
    # Reviews held by several named things (the hotels of a search page, a product's
    # related products) are each of the thing that holds them, not of the page; two
    # blocks naming the page's product twice hold its reviews both.
    holders = {text(first(h, "name")) for _, h in reviews if h is not None and first(h, "name")}
    main_name = text(first(rated_main, "name")) if rated_main else None
    for review, holder in reviews:
        record = _review(review, defs, strategy, name, url)
        holder_name = text(first(holder, "name")) if holder is not None else None
        if (
            len(holders) > 1
            and holder_name
            and holder is not rated_main
            and holder_name != main_name
        ):
            record.company_name = holder_name
            record.company_url = text(first(holder, "url"))
            record.listed = True
        elif rated_main is not None:
            other = _other_reviewed(review, defs, rated_main)
            if other is not None:  # "customers also reviewed": a review of another product
                record.company_url = text(first(other, "url"))
                record.listed = True
        found.reviews.append(record)
    _aggregate_scale(found)
    return found


def _other_reviewed(review: Node, defs: dict[str, Node], main: Node) -> Node | None:
    """A review's ``itemReviewed`` when it is another thing than the page's rated one: a
    name of its own (not one inside the other: "Hotel Zee" and "Hotel Zee Amsterdam"
    are one) and, when both have one, another URL."""
    reviewed = _resolve(first(review, "itemReviewed"), defs)
    if not isinstance(reviewed, dict) or reviewed is main:
        return None
    if reviewed.get("@id") and reviewed.get("@id") == main.get("@id"):
        return None
    theirs, ours = (_plain(text(first(n, "name"))) for n in (reviewed, main))
    if not theirs or not ours or theirs in ours or ours in theirs:
        return None
    urls = [text(first(n, "url")) for n in (reviewed, main)]
    return reviewed if not all(urls) or urls[0] != urls[1] else None


def _plain(name: str | None) -> str:
    return " ".join("".join(c for c in (name or "").casefold() if c.isalnum() or c == " ").split())


def _aggregate_scale(found: Found) -> None:
    """Reviews that state no scale are on their aggregate's when it states one above 5
    (a restaurant's "7.9" of "10" above reviews rated "4" and "9" with no bestRating)."""
    main = found.main_aggregate()
    best = as_number(main.rating_best) if main is not None else None
    if best is None or best <= 5 or main.rating_worst not in (None, 1, "1"):
        return
    unstated = [r for r in found.reviews if r.rating_best is None and r.rated and not r.listed]
    if unstated and all((as_number(r.rating_value) or 0) <= best for r in unstated):
        for r in unstated:
            r.rating_best = main.rating_best
            r.flags.append(SCALE_INFERRED)


def _aggregate(agg: Node, company: Node | None, strategy: str, listed: bool) -> Record:
    value, worst, best, flags = rating_of(agg, agg)
    reviews = to_int(scalar(first(agg, "reviewCount")))
    ratings = to_int(scalar(first(agg, "ratingCount")))
    return Record(
        "aggregate",
        strategy,
        rating_value=value,
        rating_worst=worst,
        rating_best=best,
        review_count=reviews if reviews is not None else ratings,
        rating_count=ratings,
        company_name=text(first(company, "name")) if company else None,
        company_url=text(first(company, "url")) if company else None,
        listed=listed,
        flags=flags,
    )


def _review(
    review: Node, defs: dict[str, Node], strategy: str, name: str | None, url: str | None
) -> Record:
    value, worst, best, flags = rating_of(review, _resolve(first(review, "reviewRating"), defs))
    author = _resolve(first(review, "author", "creator"), defs)
    author_name = author_id = None
    if isinstance(author, dict):
        author_name = text(first(author, "name", "alternateName"))
        author_id = text(first(author, "identifier")) or id_of(
            text(first(author, "url")) or author.get("@id")
        )
    else:
        author_name = text(author)
    reply = _resolve(first(review, "comment"), defs)
    if not isinstance(reply, dict):
        reply = {}
    reviewed = _resolve(first(review, "itemReviewed"), defs)
    if isinstance(reviewed, dict) and first(reviewed, "name"):
        name = text(first(reviewed, "name"))
    published = text(first(review, "datePublished", "dateCreated"))
    element = review.get(EL)
    if published is None and element is not None:
        published = date_in_element(element)
    body = text(first(review, "reviewBody", "description", "text"))
    if body is None and element is not None:  # a text shown but not marked up
        body = unmarked_text(element, {author_name, published})
    values = {
        "review_id": text(first(review, "identifier"))
        or id_of(review.get("@id") or text(first(review, "url"))),
        "title": text(first(review, "name", "headline")),
        "text": body,
        "pros": text(first(review, "positiveNotes")),
        "cons": text(first(review, "negativeNotes")),
        "language": text(first(review, "inLanguage")),
        "author_name": author_name,
        "author_id": author_id,
        "published_raw": published,
        "reply_text": text(first(reply, "text")),
        "reply_raw_date": text(first(reply, "dateCreated", "datePublished")),
    }
    return Record(
        "review",
        strategy,
        rating_value=value,
        rating_worst=worst,
        rating_best=best,
        values=values,
        company_name=name,
        company_url=url,
        flags=flags,
    )


def _has_attribute(text: str, name: str, page: Layout) -> bool:
    """Whether ``name=`` occurs as an attribute: in the page's markup, outside its
    scripts (where ``typeof`` is JavaScript's)."""
    for start, stop in page.markup():
        at = text.find(name, start, stop)
        while at != -1:
            after = at + len(name)
            while after < len(text) and text[after] in " \t\r\n":
                after += 1
            if text.startswith("=", after) and not text.startswith("==", after):
                return True
            at = text.find(name, after, stop)
    return False


def read(text: str, root_of: Any, url: str, page: Layout | None = None) -> Found:
    """Structured data of one page: JSON-LD first (no parse needed), then the
    microdata/RDFa of the tree ``root_of()`` gives when JSON-LD had no reviews."""
    notes: list[str] = []
    page = page or layout(text)
    found = _safe(sn.json_ld_nodes(text, notes, url, page), "json_ld", notes)
    # Microdata items need an itemscope, RDFa subjects a typeof attribute (og:
    # meta tags' property= and JavaScript's typeof are neither): without them the
    # walkers (and extruct) find nothing, and the page need not be parsed for them.
    microdata = not found.reviews and page.in_markup(text, "itemscope")
    rdfa = not found.reviews and _has_attribute(text, "typeof", page)
    root = root_of() if microdata or rdfa else None
    if root is not None:
        more = Found()
        try:
            # Only the syntaxes present: each walker scans the whole tree.
            if microdata:
                more = _merge(more, _safe(sn.microdata_nodes(root), "microdata", notes))
            if rdfa:
                more = _merge(more, _safe(sn.rdfa_nodes(root), "rdfa", notes))
        except RecursionError:
            notes.append(f"markup nested too deeply to read ({url})")
        nothing = not (more.reviews or more.aggregates or found.reviews or found.aggregates)
        if nothing and _mentions_ratings(text):
            nodes = sn.extruct_nodes(root, text, url, notes)
            more = _safe(nodes, "microdata" if microdata else "rdfa", notes)
        found = _merge(found, more)
    found.notes += notes
    found.problems = [f"{p} ({url})" for p in found.problems]
    return found


def _mentions_ratings(text: str) -> bool:
    # extruct costs ~50x a parse: only worth it when the vocabulary is there at all.
    return "ratingValue" in text or "AggregateRating" in text or "reviewRating" in text


def _safe(nodes: list[Node], strategy: str, notes: list[str]) -> Found:
    try:
        return extract(nodes, strategy)
    except RecursionError:
        notes.append("structured data nested too deeply to read")
        return Found()


def _merge(a: Found, b: Found) -> Found:
    """``a``'s aggregates (else ``b``'s) with the reviews of whichever has them."""
    main = a.aggregates if a.main_aggregate() else b.aggregates or a.aggregates
    return Found(
        reviews=a.reviews or b.reviews,
        aggregates=main,
        problems=a.problems if a.aggregates else b.problems,
        notes=a.notes + b.notes,
        saw_ratings=a.saw_ratings or b.saw_ratings,
    )
