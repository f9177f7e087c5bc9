"""The report's sections of issue 19 on the fixture warehouse: topics, what changed, the
trend that cannot hide a crash, alerts in plain language, mentions, charts, CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.report.bi_fixture import JS_URL, SCRIPT_TERM
from tests.report.html_page import Page


@pytest.fixture(scope="module")
def kp(fixture_report: Path) -> tuple[str, Page]:
    html = (fixture_report.parent / "companies/kaffee-partner.html").read_text(encoding="utf-8")
    return html, Page(html)


def table(html: str, table_id: str) -> list[list[str]]:
    """The rows of one table as lists of cell texts (tags stripped, entities kept)."""
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in rows
    ]


def test_what_drives_bad_and_good_reviews(kp) -> None:
    html, page = kp
    assert "What drives bad and good reviews now" in page.visible
    bad = table(html, "topics-negative")
    assert [r[0] for r in bad][:2] == ["hotline", "abrechnung"]
    assert bad[0][1:4] == ["9 of 12", "75%", "only here"]
    assert bad[1][3] == "1.6×"
    good = table(html, "topics-positive")
    assert good[0][:3] == ["kaffeemaschine", "3 of 6", "50%"]
    # a term is text, never markup
    assert SCRIPT_TERM not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_what_changed_against_the_90_days_before(kp) -> None:
    html, _ = kp
    rows = table(html, "changes-negative")
    assert rows[0] == ["leasingvertrag", "more often", "5 of 12 (42%)", "0 of 4 (0%)"]
    assert rows[1][:2] == ["lieferung", "less often"]


def test_the_trend_shows_the_crash_since_the_alert_and_over_90_days(kp, fixture_report) -> None:
    html, _ = kp
    # 62 before the burst 42 days ago, 37 now: a 30-day window alone shows the flat end
    change = re.search(r'id="change-90d">(.*?)</b>', html).group(1)
    since = re.search(r'id="change-since-alert">(.*?)</b>', html).group(1)
    assert "-25.0" in change and "▼" in change
    assert "-25.0" in since and "▼" in since
    index = (fixture_report.parent / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-company-id="kaffee-partner">(.*?)</tr>', index).group(1)
    assert row.count("▼ -25.0") == 2


def test_an_alert_in_plain_language_with_topics_and_replies(kp) -> None:
    html, page = kp
    block = re.search(r'<div class="alert negative_burst".*?</div>', html, re.S).group(0)
    text = Page(block).visible
    assert "Burst of bad reviews" in text
    assert "5 reviews gave 1 or 2 stars" in text
    assert "What to do: Answer the 5 reviews still without a reply" in text
    assert "hotline 4 of 5 reviews" in text
    assert text.count("no reply") == 5
    # no ids, no raw evidence keys, no lists of hashed keys
    for hidden in ("a-kp-burst", "negative_reviews", "window_days", "trustpilot:kaffee-partner"):
        assert hidden not in page.visible
    # every review links to its portal, unless the link is not http(s)
    hrefs = [a["href"] for t, a in Page(block).tags if t == "a"]
    assert len(hrefs) == 4 and all(h.startswith("http://127.0.0.1:8765/") for h in hrefs)
    assert JS_URL not in html and "javascript:" not in html


def test_forum_and_blog_mentions_link_to_their_posts(kp) -> None:
    html, page = kp
    assert "Forum and blog mentions (1)" in page.visible
    assert table(html, "mentions-table")[0][1:3] == ["forum", "BlogSiehe Blogpost"]
    assert 'href="http://127.0.0.1:8765/forum/thread/t-kaffee-partner"' in html


def test_every_table_can_be_downloaded_and_charts_carry_their_values(fixture_report) -> None:
    for path in fixture_report.parent.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        page = Page(html)
        tables = [a for t, a in page.tags if t == "table"]
        assert tables and all("data-csv" in a for a in tables), path
        assert any("table[data-csv]" in s for s in page.scripts), path
        # the script adds its listeners itself: no inline handlers for the CSP to block
        assert not [k for _, a in page.tags for k in a if k.startswith("on")], path
        sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', html)]
        assert all(s >= 12 for s in sizes), path
    kp = Page((fixture_report.parent / "companies/kaffee-partner.html").read_text())
    weeks = [a for t, a in kp.tags if t == "g" and a.get("class") == "week"]
    assert len(weeks) == 52
    assert sum(int(w["data-reviews"]) for w in weeks) == 30  # every review (87 days back at most)
    titles = " ".join(kp.text)
    assert re.search(r"Week of \d+ \w+ \d{4}: \d+ reviews \(1★ \d+", titles)
    assert re.search(r"\d{4}-\d\d-\d\d: score \d+\.\d \(95%: ", titles)
