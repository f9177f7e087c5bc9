# ruff: noqa: E501  (saved markup reads better unwrapped)
"""Regenerate the saved pages and expected outputs of the page-object tests.

    .venv/bin/python -m tests.spiders.pages.regen            # rewrite every fixture
    .venv/bin/python -m tests.spiders.pages.regen --check    # exit 1 if any differs
    .venv/bin/python -m tests.spiders.pages.regen --outputs  # only output.json, from the saved inputs

Layout (web-poet): fixtures/<family>/<case>/inputs/{url.txt, body.html,
meta.json} and output.json. Generated pages come from the offline portals'
renderers over a fixed world and clock; hand-written ones imitate markup seen
on real sites. After regenerating, read the diff of output.json: the test
trusts it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

from offline_portals import render
from offline_portals.world import PAGE_SIZES, World, routes
from spiders.pages import parse_page
from tests.spiders.pages import generic_shapes

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
ANCHOR = date(2026, 11, 23)
AS_OF = datetime(2026, 11, 23, 23, 59, 59, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 9, 0, 0, tzinfo=UTC)
FETCHED_AT = "2026-11-23T09:00:00Z"
BASE = "http://127.0.0.1:8765"
PORTAL_OF_FAMILY = {f: p for p, f in render.FAMILY_OF_PORTAL.items()}


def world() -> World:
    return World(anchor=ANCHOR, as_of=AS_OF)


def render_page(w: World, portal: str, company_id: str, page: int = 1) -> tuple[str, str]:
    """(url, html) of one listing page, exactly as the server would answer it at NOW."""
    company = w.company(w.company_index[company_id])
    reviews = w.reviews(portal, company)
    size = PAGE_SIZES[portal]
    total_pages = max(1, -(-len(reviews) // size))
    ctx = render.PageContext(
        world=w,
        portal=portal,
        company=company,
        reviews=reviews[(page - 1) * size : page * size],
        page=page,
        total_pages=total_pages,
        total_reviews=len(reviews),
        aggregate=w.aggregate(portal, company),
        scale=w.scale(portal, company),
        now=NOW,
    )
    url = BASE + routes.company_path(portal, company.portal_ids[portal], page)
    return url, render.render_listing(ctx)


def last_page(w: World, portal: str, company_id: str) -> int:
    company = w.company(w.company_index[company_id])
    return max(1, -(-len(w.reviews(portal, company)) // PAGE_SIZES[portal]))


# --- hand-written real-world variants (schema_org) ------------------------------

_OPINIO = BASE + "/opinio/bewertungen/"

HAND_WRITTEN: dict[str, tuple[str, str]] = {
    # JSON-LD @graph: the Review nests its itemReviewed; the aggregate is a
    # separate node pointing at the business by @id; a review body with a raw
    # control character (tab, newline) that strict JSON forbids.
    "graph_nested_item_reviewed": (
        _OPINIO + "graph-shop",
        """<!doctype html><html><head><title>Graph Shop</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "@id": "https://example.org/#website", "name": "Example"},
 {"@type": "AggregateRating", "@id": "#agg", "itemReviewed": {"@id": "#biz"},
  "ratingValue": "4.6", "reviewCount": "2", "bestRating": "5", "worstRating": "1"},
 {"@type": "Review", "@id": "https://example.org/reviews/9911#review",
  "itemReviewed": {"@type": "LocalBusiness", "@id": "#biz", "name": "Graph Shop &amp; Co"},
  "author": {"@type": "Person", "name": "Jörg", "url": "https://example.org/u/joerg-77"},
  "datePublished": "2024-03-23", "reviewBody": "Schnell	und
freundlich.",
  "reviewRating": {"@type": "Rating", "ratingValue": 5}},
 {"@type": "Review", "identifier": "9912", "itemReviewed": {"@id": "#biz"},
  "author": "Anonym", "datePublished": "2024-02-01", "name": "Naja",
  "reviewRating": {"@type": "Rating", "ratingValue": "4", "bestRating": "5"}}
]}
</script></head><body><a rel="next" href="/opinio/bewertungen/graph-shop?page=2">Weiter</a></body></html>""",
    ),
    # Microdata: the business item pulls its rating and reviews in via
    # itemref; ratingValue given as content on a span; a half-star scale from 0.
    "microdata_itemref_worst_zero": (
        _OPINIO + "itemref-hotel",
        """<html><head><meta charset="utf-8"></head><body>
<div itemscope itemtype="http://schema.org/Hotel" itemref="rating r1 r2"><h1 itemprop="name">Itemref Hotel</h1></div>
<p>Werbung</p>
<div id="rating" itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating">
 <span itemprop="ratingValue">3,5</span>/<span itemprop="bestRating">5</span>
 <meta itemprop="worstRating" content="0"> <span itemprop="ratingCount">41</span> Bewertungen</div>
<div id="r1" itemprop="review" itemscope itemtype="http://schema.org/Review" itemid="https://example.org/review/r-1">
 <span itemprop="author">Max</span> <meta itemprop="datePublished" content="2024-03-01">
 <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">
  <span itemprop="ratingValue" content="0.5">½</span><meta itemprop="worstRating" content="0"></div>
 <p itemprop="reviewBody">Sehr laut.</p></div>
<div id="r2" itemprop="review" itemscope itemtype="http://schema.org/Review" itemid="https://example.org/review/r-2">
 <span itemprop="author">Eva</span> <meta itemprop="datePublished" content="2024-02-11">
 <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">
  <meta itemprop="ratingValue" content="4.5"><meta itemprop="worstRating" content="0"></div>
 <p itemprop="reviewBody">Gern wieder.</p></div>
</body></html>""",
    ),
    # RDFa with a prefix-style vocabulary (schema:), a 1-10 scale.
    "rdfa_ten_scale": (
        _OPINIO + "rdfa-resort",
        """<html><head><link rel="next" href="?page=2"></head><body prefix="schema: https://schema.org/">
<div typeof="schema:Resort" resource="#resort"><h1 property="schema:name">RDFa Resort</h1>
<div property="schema:aggregateRating" typeof="schema:AggregateRating">
 <span property="schema:ratingValue">8.7</span> von <span property="schema:bestRating">10</span>
 <span property="schema:reviewCount">1.204</span></div>
<div property="schema:review" typeof="schema:Review" resource="/bewertung/555">
 <span property="schema:author" typeof="schema:Person"><span property="schema:name">Kim</span></span>
 <time property="schema:datePublished" datetime="2024-01-05">5. Januar 2024</time>
 <div property="schema:reviewRating" typeof="schema:Rating"><span property="schema:ratingValue">9</span>
 <meta property="schema:bestRating" content="10"><meta property="schema:worstRating" content="1"></div>
 <p property="schema:reviewBody">Tolle Lage.</p></div>
</div></body></html>""",
    ),
    # The rating value as <meta name=...> instead of itemprop.
    "microdata_meta_name_rating": (
        _OPINIO + "meta-name",
        """<html><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Meta Name Kaffee</h1>
<div itemprop="review" itemscope itemtype="https://schema.org/Review">
 <span itemprop="author">Ali</span>
 <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
  <meta name="ratingValue" content="3"><meta name="bestRating" content="5"></div>
 <div itemprop="reviewBody">Geht so.</div></div></div></body></html>""",
    ),
    # Ratings that exist only as text: title, aria-label, a "5.0 star rating" badge.
    "rating_only_as_text": (
        _OPINIO + "text-only",
        """<html><body><div itemscope itemtype="https://schema.org/Organization"><h1 itemprop="name">Text Only GmbH</h1>
<article itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="#rev-a">
 <span itemprop="author">A.</span><span class="rating" title="10 out of 10"></span>
 <p itemprop="reviewBody">Perfekt.</p></article>
<article itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="#rev-b">
 <span itemprop="author">B.</span><div class="stars" aria-label="4 stars"></div>
 <p itemprop="reviewBody">Gut.</p></article>
<article itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="#rev-c">
 <span itemprop="author">C.</span><span class="badge" title="5.0 star rating"></span>
 <p itemprop="reviewBody">Super.</p></article>
</div></body></html>""",
    ),
    # Half-star scale that starts at 0.5; a single JSON-LD object (no @graph)
    # with the reviews inline and the rating values as numbers and strings.
    "json_ld_worst_half": (
        _OPINIO + "half-star",
        """<html><head><script type="application/ld+json">{"@context":"http://schema.org",
"@type":"Product","name":"Halbstern Versand","aggregateRating":{"@type":"AggregateRating",
"ratingValue":4.5,"worstRating":"0.5","bestRating":"5","ratingCount":3},
"review":[{"@type":"Review","url":"https://example.org/bewertung/h-1","datePublished":"2023-12-24",
"author":{"@type":"Person","name":"Ute"},"reviewRating":{"@type":"Rating","ratingValue":0.5,
"worstRating":0.5,"bestRating":5},"reviewBody":"Nie angekommen."}]}</script></head>
<body></body></html>""",
    ),
    # Declares reviews but none can be found: a layout change the crawl must report.
    "declared_but_missing": (
        _OPINIO + "empty-shell",
        """<html><body><script type="application/ld+json">{"@context":"https://schema.org",
"@type":"Organization","name":"Shell","aggregateRating":{"@type":"AggregateRating",
"ratingValue":"4,1","reviewCount":"87"}}</script><div id="app"></div></body></html>""",
    ),
}


def _deep_next_data() -> str:
    nested = "[" * 200_000 + "]" * 200_000
    return (
        '<html><body><script id="__NEXT_DATA__" type="application/json">{"props":'
        f'{{"pageProps":{{"x":{nested}}}}}}}</script></body></html>'
    )


def cases() -> list[tuple[str, str, str, bytes, str | None]]:
    """(family, case, url, body, encoding) for every fixture."""
    w = world()
    out: list[tuple[str, str, str, bytes, str | None]] = []

    def add(family: str, case: str, url: str, html: str | bytes, enc: str | None = None) -> None:
        out.append((family, case, url, html.encode() if isinstance(html, str) else html, enc))

    # trustpilot
    add("trustpilot", "kaffee_partner_p1", *render_page(w, "trustpilot", "kaffee-partner"))
    lp = last_page(w, "trustpilot", "schnellkauf24")
    add("trustpilot", "schnellkauf24_last", *render_page(w, "trustpilot", "schnellkauf24", lp))
    add("trustpilot", "cafe_neustart_new", *render_page(w, "trustpilot", "cafe-neustart"))
    url, html = render_page(w, "trustpilot", "elektro-meier")
    cut = html.index("__NEXT_DATA__") + 400  # truncated in the middle of the state
    add("trustpilot", "malformed_truncated_state", url, html[:cut])
    add(
        "trustpilot",
        "malformed_deep_nesting",
        BASE + "/trustpilot/review/deep.de",
        _deep_next_data(),
    )
    # schema_org (opinio): each syntax and scale variant, and hand-written real-world ones
    add("schema_org", "json_ld_graph_p1", *render_page(w, "opinio", "elektro-meier"))
    add("schema_org", "json_ld_ten_scale", *render_page(w, "opinio", "vita-hotel-19"))
    add("schema_org", "microdata_itemref_ten", *render_page(w, "opinio", "stern-telekom-10"))
    add("schema_org", "microdata_zero_half", *render_page(w, "opinio", "bergoutlet-21"))
    add("schema_org", "rdfa_p2", *render_page(w, "opinio", "kaffee-partner", 2))
    url, html = render_page(w, "opinio", "rheinreinigung-23")
    add("schema_org", "malformed_truncated_microdata", url, html[: len(html) // 2])
    for case, (url, html) in HAND_WRITTEN.items():
        add("schema_org", case, url, html)
    # kununu
    add("kununu", "kaffeepartner_p1", *render_page(w, "kununu", "kaffee-partner"))
    add("kununu", "elektro_meier_p2", *render_page(w, "kununu", "elektro-meier", 2))
    url, html = render_page(w, "kununu", "kaffee-partner", 3)
    latin1 = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("cp1252", "replace")
    add("kununu", "latin1_declared", url, latin1)
    url, html = render_page(w, "kununu", "elektro-meier")
    add("kununu", "malformed_truncated", url, html[: len(html) // 3])
    # booking
    add("booking", "seeblick_text_dates", *render_page(w, "booking", "hotel-seeblick"))
    add("booking", "vita_hotel_timestamps", *render_page(w, "booking", "vita-hotel-7"))
    lp = last_page(w, "booking", "mosel-hostel-12")
    add("booking", "mosel_hostel_last", *render_page(w, "booking", "mosel-hostel-12", lp))
    url, html = render_page(w, "booking", "hotel-seeblick", 2)
    broken = (
        html.encode()[:-2000] + b"\xff\xfe<li data-testid='review-card' data-review-url='x'><<<"
    )
    add("booking", "malformed_invalid_utf8_truncated", url, broken)
    # forum
    add("forum", "kaffee_partner_blog", *render_page(w, "forum", "kaffee-partner"))
    add("forum", "eichen_handel_topic", *render_page(w, "forum", "eichen-handel-8"))
    add("forum", "eichen_handel_topic_p2", *render_page(w, "forum", "eichen-handel-8", 2))
    url, html = render_page(w, "forum", "moseltelekom-9")
    add("forum", "malformed_unclosed_tags", url, html.replace("</div>", "")[:-100])
    # generic: hand-written miniatures of real portals' markup
    for case, url, html in generic_shapes.cases():
        add("generic", case, url, html)
    return out


def parse_fixture(family: str, url: str, body: bytes, encoding: str | None) -> dict:
    result = parse_page(
        family,
        body,
        url,
        portal=PORTAL_OF_FAMILY.get(family, family),
        fetched_at=FETCHED_AT,
        response_sha256=hashlib.sha256(body).hexdigest(),
        encoding=encoding,
    )
    return {
        "items": [asdict(i) for i in result.items],
        "next_url": result.next_url,
        "declared_review_count": result.declared_review_count,
        "problems": result.problems,
    }


def dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report differences")
    parser.add_argument(
        "--outputs", action="store_true", help="rewrite output.json from the saved inputs only"
    )
    parser.add_argument("--family", help="only the fixtures of this family")
    args = parser.parse_args(argv)
    if args.outputs:
        for out in sorted(FIXTURES.glob("*/*/output.json")):
            inputs = out.parent / "inputs"
            url = (inputs / "url.txt").read_text().strip()
            meta = json.loads((inputs / "meta.json").read_text())
            body = (inputs / "body.html").read_bytes()
            family = out.parent.parent.name
            out.write_text(dump(parse_fixture(family, url, body, meta["encoding"])))
        return 0
    differ = 0
    for family, case, url, body, enc in cases():
        if args.family and family != args.family:
            continue
        folder = FIXTURES / family / case
        expected = dump(parse_fixture(family, url, body, enc))
        meta = dump(
            {
                "portal": PORTAL_OF_FAMILY.get(family, family),
                "fetched_at": FETCHED_AT,
                "encoding": enc,
            }
        )
        current = folder / "output.json"
        if args.check:
            same = current.exists() and current.read_text() == expected
            same = same and (folder / "inputs" / "body.html").read_bytes() == body
            if not same:
                differ += 1
                print(f"differs: {family}/{case}")
            continue
        (folder / "inputs").mkdir(parents=True, exist_ok=True)
        (folder / "inputs" / "url.txt").write_text(url + "\n")
        (folder / "inputs" / "body.html").write_bytes(body)
        (folder / "inputs" / "meta.json").write_text(meta)
        current.write_text(expected)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
