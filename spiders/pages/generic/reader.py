"""The generic page reader: any review page, by trying strategies in turn.

1. ``structured``: schema.org in JSON-LD, microdata, RDFa;
2. ``state``: embedded JSON state (Next.js, Apollo, Relay, Nuxt, ``window.__X__``);
3. ``rendered``: ratings shown as text, attributes or class names (only when
   the first two found no rated review or no aggregate).

The reviews come from the strategy that found the most rated ones (the
richest on a tie: dates, texts, ids); the aggregate from the first that found
one, with a review count from the others when it only had a rating count.
Every item records its strategy in ``extra.strategy`` and the page's locale in
``extra.locale``. A page with only an aggregate yields the aggregate; a
layout problem is a page that shows ratings none of the strategies can read,
or no ratings at all.
"""

from __future__ import annotations

import re
from typing import Any

from core.contracts.raw_items import RawItem
from spiders.pages.base import (
    Context,
    Page,
    PageResult,
    page_number,
    read_page,
    rel_next,
    text_of,
)
from spiders.pages.generic import rendered, state, structured
from spiders.pages.generic.entries import LIST_PAGE_ENTRIES
from spiders.pages.generic.parts import reviewed_entities
from spiders.pages.generic.records import (
    Found,
    Record,
    dedupe,
    dedupe_aggregates,
    shared_scale,
    slug,
    to_item,
    url_slug,
)
from spiders.pages.generic.scripts import Layout, layout
from spiders.pages.generic.shown import as_number, forget_page, page_locale

FAMILY = "generic"

__all__ = ["FAMILY", "fallback", "find", "items_of", "parse"]


def _best_reviews(*candidates: list[Record]) -> list[Record]:
    def score(reviews: list[Record]) -> tuple[int, int]:
        return sum(r.rated for r in reviews), sum(r.richness() for r in reviews)

    ranked = [c for c in candidates if c]
    return max(ranked, key=score) if ranked else []


def find(page: Page, url: str, cut: Layout | None = None) -> Found:
    """Everything the strategies find on one page, combined (``cut``: the page's
    layout, when the caller has cut it already)."""
    forget_page()
    text = page.text
    root_cache: list = []

    def root():  # parsed once, and only when a strategy needs the tree
        if not root_cache:
            root_cache.append(page.root())
        return root_cache[0]

    cut = cut or layout(text)  # one pass over the page for every strategy
    sd = structured.read(text, root, url, cut)
    st = state.read(text, url, cut)
    reviews = _best_reviews(sd.reviews, st.reviews)
    main = sd.main_aggregate() or st.main_aggregate()
    shown = Found()
    if _needs_rendered(reviews, main, sd, st):
        tree = root()
        if tree is not None:
            try:
                shown = rendered.read(tree)
            except RecursionError:
                sd.notes.append(f"markup nested too deeply to read ({url})")
        if not any(r.rated for r in reviews):
            reviews = _best_reviews(reviews, shown.reviews) if shown.reviews else reviews
    aggregates = _aggregates(sd, st, shown)
    main_agg = next((a for a in aggregates if not a.listed), None)
    if main_agg is not None and main_agg.company_name is None:
        main_agg.company_name = _page_title(root())
    company = next((a.company_name for a in aggregates if not a.listed and a.company_name), None)
    reviewed_entities(reviews)  # a reviewer's page: each review of the business it names
    for r in reviews:
        r.company_name = r.company_name or company
    shared_scale([r for r in reviews if r.strategy == "rendered"])  # one scale per page
    shared_scale([a for a in aggregates if a.listed and a.strategy == "rendered"])
    return Found(
        reviews=dedupe(reviews),
        aggregates=dedupe_aggregates(aggregates),
        problems=sd.problems,
        notes=sd.notes + st.notes,
        saw_ratings=sd.saw_ratings or st.saw_ratings or shown.saw_ratings,
    )


def _needs_rendered(reviews: list[Record], main: Record | None, *found: Found) -> bool:
    """Whether the ratings shown as text could add anything: not when structured
    data and state gave rated reviews and the page's aggregate, nor on a list page
    whose entries they gave (what a list page shows are its entries' ratings,
    and reviews shown there are of the entries, not of the page)."""
    if main is not None:
        return not any(r.rated for r in reviews)
    entries = sum(1 for f in found for a in f.aggregates if a.listed)
    return entries < LIST_PAGE_ENTRIES or bool(reviews)


# An h1 that names the page: "product-title", "company-name".
_NAMING = re.compile(r"title|name").search


def _page_title(root: Any) -> str | None:
    """What the page is about when no source names it: its first h1 named so by its class
    ("product-title", "company-name"), else its <title> (the head's: an inline svg's
    <title> names a picture), else its first h1."""
    if root is None:
        return None
    titled = (
        el
        for el in root.iter("h1")
        if _NAMING(f"{el.get('id') or ''} {el.get('class') or ''}".lower())
    )
    for el in (next(titled, None), root.find("head/title"), next(root.iter("h1"), None)):
        name = text_of(el)
        if name:
            return name[:300]
    return None


def _aggregates(*found: Found) -> list[Record]:
    mains = [f.main_aggregate() for f in found]
    main = next((m for m in mains if m is not None), None)
    if main is None:  # a list page: every entry's aggregate, from the first source with some
        return next((f.aggregates for f in found if f.aggregates), [])
    if main.rating_count is not None and main.review_count in (None, main.rating_count):
        # Only a rating count: a review count another source shows for the same score wins.
        for other in mains[:2]:  # structured data and state, not a rendered histogram
            same = other is not None and as_number(other.rating_value) == as_number(
                main.rating_value
            )
            if same and other.review_count not in (None, main.rating_count) and other is not main:
                main.review_count = other.review_count
                break
    if main.company_name is None:
        main.company_name = next((m.company_name for m in mains if m and m.company_name), None)
    return [main]


def items_of(
    found: Found, ctx: Context, url: str, locale: str | None, first_page: bool
) -> tuple[list[RawItem], int | None, list[str]]:
    """(items, declared review count, problems) of what was found on one page."""
    main = found.main_aggregate()
    pid = url_slug(url) if main is not None else _reviews_company_id(found.reviews, url)
    items: list[RawItem] = []
    declared = main.review_count if main else None
    if first_page or main is None:
        items += [to_item(a, ctx, pid, locale) for a in found.aggregates]
    items += [to_item(r, ctx, pid, locale) for r in found.reviews]
    problems = list(found.problems)
    if not found.reviews and not found.aggregates:
        if found.saw_ratings:
            problems.append(f"the page shows ratings but none could be read ({url})")
        else:
            problems.append(f"no ratings found: no review, rating or aggregate on the page ({url})")
    if problems:
        problems += found.notes  # why a source was unreadable, if one was
    return items, declared, problems


def _reviews_company_id(reviews: list[Record], url: str) -> str:
    """The page's company id when no aggregate of its own names it: the business its
    reviews' own records all name (a single review's page, /reviews/<review id>), as the
    portal writes it (a domain, "gousto.co.uk") or as a slug; else the URL's slug."""
    names = {r.company_name for r in reviews if r.strategy == "embedded_json" and not r.listed}
    if len(names) != 1 or any(r.company_name is None for r in reviews):
        return url_slug(url)
    (name,) = names
    return name.strip() if len(name.split()) == 1 else slug(name) or url_slug(url)


def parse(
    body: bytes,
    url: str,
    *,
    portal: str,
    fetched_at: str,
    response_sha256: str,
    encoding: str | None = None,
    family: str = FAMILY,
) -> PageResult:
    page = read_page(body, encoding)
    ctx = Context(family, portal, url, fetched_at, response_sha256, page.undecodable)
    cut = layout(page.text)
    found = find(page, url, cut)
    locale = page_locale(page.body)  # the gunzipped page: a saved page.html.gz has its lang
    items, declared, problems = items_of(found, ctx, url, locale, page_number(url) == 1)
    # A script's text holds no tag: the page's markup is read for the link.
    return PageResult(items, rel_next(page.text, url, cut.markup()), declared, problems)


def fallback(page: Page, ctx: Context, url: str, own: PageResult) -> PageResult:
    """A family page object's result, or, when it read no review, what the generic
    strategies read (their items say so in ``extra.strategy``): the family's own
    aggregate with their reviews. When they read no review either, the family's
    result stands, problems included."""
    if any(i.kind != "aggregate" for i in own.items):
        return own
    found = find(page, url)
    if not found.reviews and own.items:
        return own
    items, declared, problems = items_of(
        found, ctx, url, page_locale(page.body), page_number(url) == 1
    )
    if not found.reviews and not items:
        return own
    kept = [i for i in own.items if i.kind == "aggregate"]
    if kept:
        items = kept + [i for i in items if i.kind != "aggregate"]
    declared = own.declared_review_count if own.declared_review_count is not None else declared
    return PageResult(items, own.next_url or rel_next(page.text, url), declared, problems)
