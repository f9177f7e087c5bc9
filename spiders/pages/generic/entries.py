"""The aggregates a page renders: the page's own, or one per entry of a list page.

An aggregate's block names the entry it is of when it links to the entry's own
page (a search result, a list's item): that link's text or heading is the
entry's name. A page with many such entries (``LIST_PAGE_ENTRIES``) is a list
page; so is a short one (2 to 4 entries: a TripAdvisor list of restaurants)
when every rated block of the page is of one shape, the blocks are siblings (the
list's items) and each links to a page of its own under a name of its own. Else
the first aggregate is the page's own (a product page's "related items" follow it).
"""

from __future__ import annotations

from typing import Any

from spiders.pages.base import text_of
from spiders.pages.generic.counts import count_in_text
from spiders.pages.generic.records import Record
from spiders.pages.generic.shown import rating_in_text

LIST_PAGE_ENTRIES = 5  # linked, differently rated entries that make a page a list
MIN_LIST_ENTRIES = 2  # a short list's entries, of one shape and siblings


def aggregate(block: Any, value: str, best: str | None, count: int) -> Record:
    name = url = None
    scope = block
    for _ in range(5):  # the entry's name may sit just outside the rating's block
        for sub in scope.iter("a", "h1", "h2", "h3", "h4"):
            label = entry_name(sub)
            if label and not rating_in_text(label) and count_in_text(label) is None:
                name = name or label[:200]
                href = sub.get("href") if sub.tag == "a" else None
                if href and not href.startswith(("#", "javascript:")):
                    url = url or href
            if name and url:
                break
        if (name and url) or scope.getparent() is None or scope.getparent().tag == "body":
            break
        scope = scope.getparent()
    # An entry of a list (search results, a carousel) links to its own page; the
    # page's own aggregate links nowhere else ("#reviews", a popover).
    return Record(
        "aggregate", "rendered", rating_value=value, rating_best=best, review_count=count,
        company_name=name if url else None, company_url=url, listed=url is not None,
    )  # fmt: skip


def entry_name(el: Any) -> str | None:
    """What an entry's link or heading names: a heading inside the link (a card's
    link also holds its subtitle: "Hotel Rural Albamanjon" + "Hotel in Ruidera")."""
    if el.tag == "a":
        heading = next(el.iter("h1", "h2", "h3", "h4", "h5"), None)
        if heading is not None and text_of(heading):
            return text_of(heading)
    return el.get("aria-label") or text_of(el)


def page_aggregates(
    shapes: dict[tuple, list[tuple[Record, Any]]], others: bool = False
) -> list[Record]:
    """One aggregate of the page's own, else the entries of a list page (``shapes``:
    the aggregates of each shape of rated element, with their blocks; ``others``:
    whether the page shows rated blocks that are no aggregate, its own reviews or
    a rating without a count: then a short strip of entries is its "related items")."""
    short = None if others else _short_list(shapes)
    if short is not None:
        return short
    distinct: dict[tuple, Record] = {}
    for a in (a for group in shapes.values() for a, _ in group):
        distinct.setdefault((a.rating_value, a.review_count), a)
    linked = [a for a in distinct.values() if a.listed]
    if len(linked) >= LIST_PAGE_ENTRIES:  # search results: every entry's aggregate
        return linked
    # A product page: its own aggregate comes first; a few rated "related items" follow.
    own = next(iter(distinct.values()), None)
    if own is None:
        return []
    own.listed, own.company_name, own.company_url = False, None, None
    return [own]


def _short_list(shapes: dict[tuple, list[tuple[Record, Any]]]) -> list[Record] | None:
    """The entries of a short list: one shape of rated block on the whole page, the
    blocks siblings, each linking to a page of its own under a name of its own."""
    if len(shapes) != 1:
        return None
    (group,) = shapes.values()
    records = [a for a, _ in group]
    if len(records) < MIN_LIST_ENTRIES or not all(a.listed for a in records):
        return None
    if len({block.getparent() for _, block in group}) != 1:
        return None
    if len({a.company_url for a in records}) < len(records):
        return None
    return records if len({a.company_name for a in records}) == len(records) else None
