"""Each page family on saved pages: parse_page must give exactly output.json.

Regenerate with ``.venv/bin/python -m tests.spiders.pages.regen`` after a deliberate change,
and read the diff: it is what the spiders will emit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spiders.pages import FAMILIES
from tests.spiders.pages import regen

CASES = sorted(p.parent for p in regen.FIXTURES.glob("*/*/output.json"))


def _load(case: Path) -> tuple[str, str, bytes, dict]:
    inputs = case / "inputs"
    url = (inputs / "url.txt").read_text().strip()
    meta = json.loads((inputs / "meta.json").read_text())
    return case.parent.name, url, (inputs / "body.html").read_bytes(), meta


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_page_gives_expected_output(case: Path) -> None:
    family, url, body, meta = _load(case)
    got = regen.parse_fixture(family, url, body, meta["encoding"])
    expected = json.loads((case / "output.json").read_text())
    assert got == expected


def test_every_family_has_saved_pages_including_a_malformed_one() -> None:
    for family in FAMILIES:
        names = [c.name for c in CASES if c.parent.name == family]
        assert len(names) >= 3, family
        assert any(n.startswith("malformed") for n in names), family


def _parsed(family: str, case: str) -> dict:
    _, url, body, meta = _load(regen.FIXTURES / family / case)
    return regen.parse_fixture(family, url, body, meta["encoding"])


def _reviews(result: dict) -> list[dict]:
    return [i for i in result["items"] if i["kind"] != "aggregate"]


def test_schema_org_graph_with_nested_item_reviewed_and_control_characters() -> None:
    result = _parsed("schema_org", "graph_nested_item_reviewed")
    aggregate, *reviews = result["items"]
    assert (aggregate["kind"], aggregate["rating_value"], aggregate["review_count"]) == (
        "aggregate",
        "4.6",
        2,
    )
    assert [r["review_id"] for r in reviews] == ["9911", "9912"]
    assert reviews[0]["text"] == "Schnell\tund\nfreundlich."
    assert reviews[0]["author_id"] == "joerg-77"
    assert {r["company_name"] for r in reviews} == {"Graph Shop &amp; Co"}
    assert result["next_url"].endswith("/opinio/bewertungen/graph-shop?page=2")


def test_schema_org_microdata_itemref_with_worst_rating_zero() -> None:
    result = _parsed("schema_org", "microdata_itemref_worst_zero")
    aggregate, *reviews = result["items"]
    assert (aggregate["company_name"], aggregate["rating_value"], aggregate["rating_worst"]) == (
        "Itemref Hotel",
        "3,5",
        "0",
    )
    assert [(r["review_id"], r["rating_value"], r["rating_worst"]) for r in reviews] == [
        ("r-1", "0.5", "0"),
        ("r-2", "4.5", "0"),
    ]


def test_schema_org_half_star_scale_from_half_a_star() -> None:
    aggregate, review = _parsed("schema_org", "json_ld_worst_half")["items"]
    assert (aggregate["rating_value"], aggregate["rating_worst"], aggregate["review_count"]) == (
        4.5,
        "0.5",
        3,
    )
    assert (review["review_id"], review["rating_value"], review["rating_worst"]) == (
        "h-1",
        0.5,
        0.5,
    )
    assert review["company_name"] == aggregate["company_name"] == "Halbstern Versand"


def test_schema_org_rdfa_on_a_ten_point_scale() -> None:
    result = _parsed("schema_org", "rdfa_ten_scale")
    aggregate, review = result["items"]
    assert (aggregate["rating_value"], aggregate["rating_best"], aggregate["review_count"]) == (
        "8.7",
        "10",
        1204,
    )
    assert (review["review_id"], review["rating_value"]) == ("555", "9")
    assert review["rating_best"] == "10"
    assert review["published_raw"] == "2024-01-05"


def test_schema_org_ratings_from_meta_name_and_from_text() -> None:
    (meta,) = _parsed("schema_org", "microdata_meta_name_rating")["items"]
    assert (meta["rating_value"], meta["flags"], meta["company_name"]) == (
        "3",
        ["rating_from_meta_name"],
        "Meta Name Kaffee",
    )
    texts = _parsed("schema_org", "rating_only_as_text")["items"]
    assert [(r["rating_value"], r["rating_best"]) for r in texts] == [
        ("10", "10"),
        ("4", 5),
        ("5.0", 5),
    ]
    assert all(r["flags"] == ["rating_from_text"] for r in texts)


def test_an_aggregate_only_page_gives_its_aggregate_and_broken_state_is_a_problem() -> None:
    # The page declares 87 reviews and shows only the aggregate: the aggregate is kept.
    shell = _parsed("schema_org", "declared_but_missing")
    (aggregate,) = shell["items"]
    assert shell["problems"] == []
    assert (aggregate["kind"], aggregate["rating_value"], aggregate["review_count"]) == (
        "aggregate",
        "4,1",
        87,
    )
    assert aggregate["extra"]["strategy"] == "json_ld"
    deep = _parsed("trustpilot", "malformed_deep_nesting")
    assert deep["items"] == []
    assert any("nested too deeply" in p for p in deep["problems"])


def test_trustpilot_reads_the_embedded_state() -> None:
    result = _parsed("trustpilot", "kaffee_partner_p1")
    aggregate, first, *_ = result["items"]
    assert aggregate["review_count"] == result["declared_review_count"] == 82
    assert first["extra"] == {"filtered": False, "pending": False}
    assert first["published_raw"].endswith("Z") and first["experienced_raw"]
    assert first["author_id"] and isinstance(first["author_review_count"], int)
    replied = [r for r in _reviews(result) if r["reply_text"]]
    assert replied and all(r["reply_raw_date"] for r in replied)
    # Without the state (cut off mid-way) the JSON-LD still gives the reviews, flagged.
    truncated = _parsed("trustpilot", "malformed_truncated_state")
    assert truncated["problems"] == []
    assert all("no_next_data" in i["flags"] for i in truncated["items"])


def test_family_specific_facts() -> None:
    kununu = _reviews(_parsed("kununu", "kaffeepartner_p1"))
    assert {r["extra"]["reviewer_type"] for r in kununu} <= {"employee", "applicant", "apprentice"}
    assert all("," in r["rating_value"] and len(r["sub_ratings"]) == 6 for r in kununu)
    assert all(r["published_raw"].split()[-1].isdigit() for r in kununu)  # "März 2024"
    booking_text = _reviews(_parsed("booking", "seeblick_text_dates"))
    booking_ts = _reviews(_parsed("booking", "vita_hotel_timestamps"))
    assert all(isinstance(r["published_raw"], str) for r in booking_text)
    assert all(isinstance(r["published_raw"], int) for r in booking_ts)
    assert all(r["extra"]["traveller_type"] and r["rating_best"] == 10 for r in booking_text)
    assert all(r["text"] == (r["pros"] or r["cons"]) for r in booking_text)
    forum = _reviews(_parsed("forum", "eichen_handel_topic"))
    kinds = {r["kind"] for r in forum}
    assert kinds == {"review", "mention"}
    assert all(r["rating_value"] is None for r in forum if r["kind"] == "mention")
    assert {r["company_name"] for r in forum} == {"Eichen Handel"}
    dates = {r["published_raw"] for r in forum}
    assert any(d.startswith("vor ") or d == "gestern" for d in dates)
    blog = _reviews(_parsed("forum", "kaffee_partner_blog"))
    assert any(r["kind"] == "review" for r in blog) and any(r["kind"] == "mention" for r in blog)


# A layout change: the page still declares its reviews, but the markup the
# family's page object reads them from is gone. The generic strategies read
# them instead (each item says which one), or the crawl fails with this message.
LAYOUT_CHANGES = {
    "trustpilot": ('"reviews":', '"reviewsV2":'),
    "schema_org": ("Review", "Thing"),
    "kununu": ('data-testid="review"', 'data-testid="card"'),
    "booking": ('data-testid="review-card"', 'data-testid="card"'),
    "forum": ('class="post ', 'class="beitrag '),
}
# Where the generic strategies find the reviews after the change.
FALLBACK = {
    "trustpilot": "embedded_json",
    "schema_org": "json_ld",
    "kununu": "rendered",
    "booking": "rendered",
    "forum": "rendered",  # the posts' star glyphs (★★★★☆); unrated posts are no reviews
}


@pytest.mark.parametrize("family", FAMILIES)
def test_a_layout_change_is_read_by_the_generic_strategies_or_is_a_problem(family: str) -> None:
    portal = regen.PORTAL_OF_FAMILY[family]
    company = {"forum": "eichen-handel-8", "booking": "hotel-seeblick"}.get(family, "elektro-meier")
    url, html = regen.render_page(regen.world(), portal, company)
    before, after = LAYOUT_CHANGES[family]
    assert before in html
    shown = _reviews(regen.parse_fixture(family, url, html.encode(), None))
    result = regen.parse_fixture(family, url, html.replace(before, after).encode(), None)
    strategy = FALLBACK[family]
    assert result["problems"] == []
    read = _reviews(result)
    shown = [r for r in shown if r["kind"] == "review"]  # a forum's mentions are unrated
    assert [r["extra"]["strategy"] for r in read] == [strategy] * len(shown)
    assert [str(r["rating_value"]) for r in read] == [str(r["rating_value"]) for r in shown]


def test_a_layout_change_nothing_can_read_is_a_problem() -> None:
    url, html = regen.render_page(regen.world(), regen.PORTAL_OF_FAMILY["forum"], "eichen-handel-8")
    changed = html.replace('class="post ', 'class="beitrag ')
    changed = re.sub(r'<div class="post-rating">[^<]*</div>', "", changed)  # and no stars
    result = regen.parse_fixture("forum", url, changed.encode(), None)
    assert result["problems"] and all(url in p for p in result["problems"])
    assert any("no posts found" in p for p in result["problems"])


@pytest.mark.parametrize("family", ["schema_org", "kununu", "booking", "forum", "trustpilot"])
def test_an_aggregate_with_a_count_but_no_rating_is_a_problem(family: str) -> None:
    portal = regen.PORTAL_OF_FAMILY[family]
    company = {"forum": "eichen-handel-8", "booking": "hotel-seeblick"}.get(family, "elektro-meier")
    url, html = regen.render_page(regen.world(), portal, company)
    # Blank the displayed aggregate, whatever value the world gave it.
    pattern, blank = {
        "trustpilot": (r'"trustScore": ', '"trustScore": "n/a", "x": '),
        "schema_org": (r'"ratingValue": [\d.]+', '"ratingValue": ""'),
        "kununu": (r'<span class="index__score__BktQY">[\d,]+</span>', "<span>—</span>"),
        "booking": (r'aria-hidden="true">[\d,]+</div>', 'aria-hidden="true">–</div>'),
        "forum": (r"<strong>[\d,]+</strong>", "<strong>k. A.</strong>"),
    }[family]
    assert re.search(pattern, html), family
    html = re.sub(pattern, blank, html, count=1)
    result = regen.parse_fixture(family, url, html.encode(), None)
    assert any("no parsable" in p and url in p for p in result["problems"]), result["problems"]
