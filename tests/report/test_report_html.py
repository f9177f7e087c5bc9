"""The static report from the fixture warehouse: pages, links, escaping, no network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.settings import ConfigError, Settings
from report import write_report
from report.writer import select_paged
from tests.report.bi_fixture import AS_OF, BURST_END, BURST_START, SCRIPT_TEXT, settings_for
from tests.report.html_page import Page


def read(report: Path, name: str) -> Page:
    return Page((report.parent / name).read_text(encoding="utf-8"))


def test_writes_index_alerts_and_one_page_per_company(fixture_report: Path) -> None:
    out = fixture_report.parent
    assert fixture_report.name == "index.html"
    assert (out / "alerts.html").is_file()
    pages = sorted(p.stem for p in (out / "companies").glob("*.html"))
    assert pages == [
        "cafe-neustart",
        "elektro-meier",
        "hotel-seeblick",
        "kaffee-partner",
        "schnellkauf24",
    ]
    assert not list(out.glob(".report-*")), "the staging directory is cleaned up"


def test_league_table_rows_in_rank_order_with_links(fixture_report: Path) -> None:
    page = read(fixture_report, "index.html")
    rows = [a["data-company-id"] for a in page.find("tr") if "data-company-id" in a]
    assert rows == [
        "elektro-meier",
        "hotel-seeblick",
        "cafe-neustart",
        "schnellkauf24",
        "kaffee-partner",
    ]
    links = {a["href"] for a in page.find("a")}
    assert {f"companies/{cid}.html" for cid in rows} <= links
    headers = " ".join(page.text)
    for column in ("Company", "Score", "95% interval", "90 days", "Since newest alert"):
        assert column in headers
    for column in ("Reviews", "Alerts"):
        assert column in headers
    # Kaffee Partner: 37.0 (31.0–43.0), falling, 2 alerts
    html = (fixture_report.parent / "index.html").read_text()
    kp = re.search(r'<tr data-company-id="kaffee-partner">(.*?)</tr>', html).group(1)
    assert "37.0" in kp and "31.0–43.0" in kp and "▼" in kp
    assert re.search(r'<td class="num">2</td>', kp)


def test_kaffee_partner_page_shows_the_drop_and_the_shaded_alert(fixture_report: Path) -> None:
    page = read(fixture_report, "companies/kaffee-partner.html")
    bands = page.find("rect", class_="alert-band")
    assert {b["data-alert-id"] for b in bands} >= {"a-kp-burst", "a-kp-unanswered"}
    burst = next(b for b in page.find("rect", class_="negative_burst"))
    assert float(burst["width"]) > 10
    assert "Burst of bad reviews" in page.visible  # the band is labelled
    assert f"negative burst of {BURST_START}: 62.0; lowest since: 37.0 (-25.0 points)" in (
        page.visible
    )
    # the all-portals line ends lower than it starts: the drop is drawn
    line = next(p for p in page.find("polyline") if p["data-portal"] == "all")
    ys = [float(pt.split(",")[1]) for pt in line["points"].split()]
    assert ys[-1] - ys[0] > 30  # SVG y grows downwards
    # the alert sections the bands link to exist, with the alert's reviews
    ids = {a.get("id") for _, a in page.tags}
    assert {"alert-a-kp-burst", "alert-a-kp-unanswered"} <= ids
    assert f"{BURST_START} – {BURST_END}" in page.visible


def test_company_page_sections(fixture_report: Path) -> None:
    page = read(fixture_report, "companies/kaffee-partner.html")
    text = page.visible
    for heading in ("Score over time", "Rating distribution", "Portals", "Recent reviews"):
        assert heading in text
    bars = {int(b["data-stars"]): int(b["data-count"]) for b in page.find("rect", class_="bar")}
    assert sum(bars.values()) == 30 and set(bars) == {1, 2, 3, 4, 5}
    portals = [a["data-portal"] for a in page.find("tr") if "data-portal" in a]
    assert portals == ["all", "forum", "opinio", "trustpilot"]
    html = (fixture_report.parent / "companies/kaffee-partner.html").read_text()
    shown = dict(
        re.findall(
            r'<tr data-portal="([^"]+)">.*?<td class="num portal-shows"[^>]*>(.*?)</td>', html
        )
    )
    assert shown == {
        "all": "–",
        "forum": "–",
        "opinio": "4.4 ★ (2,721)",
        "trustpilot": "4.4 ★ (2,721)",
    }
    assert "Reply rate 0%" in text and "Median reply time –" in text
    elektro = read(fixture_report, "companies/elektro-meier.html").visible
    assert "Reply rate 100%" in elektro and "Median reply time 20 h" in elektro
    authors = [
        t for t in page.text if re.fullmatch(r"p\d{15}", t.strip())
    ]  # pseudonyms, never names
    assert len(authors) >= 20


def test_review_text_is_escaped_never_executed(fixture_report: Path) -> None:
    html = (fixture_report.parent / "companies/kaffee-partner.html").read_text()
    page = Page(html)
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in html
    assert SCRIPT_TEXT in " ".join(page.text)  # shown as text
    assert all("pwned" not in s for s in page.scripts)
    assert "&lt;b&gt;fett&lt;/b&gt;" in html  # titles too


def test_report_needs_no_network(fixture_report: Path) -> None:
    for path in fixture_report.parent.rglob("*.html"):
        html = path.read_text()
        page = Page(html)
        assert not page.find("link") and not page.find("img")
        assert all("src" not in a for t, a in page.tags if t in ("script", "iframe", "img"))
        # nothing is loaded from elsewhere (links to a review on its portal are followed
        # only when clicked)
        assert not re.search(r"""src=["']?(https?:)?//""", html), path
        assert all(
            a.get("href", "").startswith(
                ("http://127.0.0.1", "#", "../", "companies/", "index.html", "alerts.html")
            )
            for t, a in page.tags
            if t == "a"
        ), path
        assert "@import" not in html and "url(" not in html
        assert page.find("meta", **{"http-equiv": "Content-Security-Policy"})


def test_alerts_page_newest_first_in_plain_language(fixture_report: Path) -> None:
    page = read(fixture_report, "alerts.html")
    rows = [a for a in page.find("tr") if "data-alert-id" in a]
    assert [r["data-alert-id"] for r in rows][-1] == "a-sk-positive"  # oldest (60 days) last
    hrefs = {a["href"] for a in page.find("a")}
    assert "companies/kaffee-partner.html#alert-a-kp-burst" in hrefs
    assert "companies/schnellkauf24.html#alert-a-sk-positive" in hrefs
    text = page.visible
    assert "kaffee-partner-14" not in text and "a-kp-burst" not in text  # no keys, no ids
    assert "negative_reviews" not in text and "window_days" not in text  # no raw evidence
    assert "5 reviews gave 1 or 2 stars" in text


def test_missing_warehouse_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no warehouse at .*: run `ruf build` first"):
        write_report(settings_for(tmp_path))


def test_rewrite_replaces_pages_and_keeps_other_files(
    fixture_settings: Settings, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path)
    settings.warehouse_path.parent.mkdir(parents=True)
    settings.warehouse_path.write_bytes(fixture_settings.warehouse_path.read_bytes())
    stale = settings.reports_dir / "companies" / "gone-company.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    shot = settings.reports_dir / "screenshots" / "keep.png"
    shot.parent.mkdir()
    shot.write_bytes(b"png")
    write_report(settings)
    assert not stale.exists() and shot.exists()
    assert (settings.reports_dir / "companies" / "kaffee-partner.html").is_file()


def test_page_limit_renders_top_bottom_and_alerted_and_says_so(
    fixture_settings: Settings, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path)
    settings.warehouse_path.parent.mkdir(parents=True)
    settings.warehouse_path.write_bytes(fixture_settings.warehouse_path.read_bytes())
    index = write_report(settings, page_limit=4)
    pages = {p.stem for p in (index.parent / "companies").glob("*.html")}
    # top 1, bottom 1 (kaffee-partner), the alerted schnellkauf24, then filled from the top
    assert pages == {"elektro-meier", "kaffee-partner", "schnellkauf24", "hotel-seeblick"}
    page = read(index, "index.html")
    assert "page limit of 4" in page.visible
    assert "companies/cafe-neustart.html" not in {a["href"] for a in page.find("a")}
    assert "Café Neustart" in page.visible  # still in the table, without a page


def test_select_paged_scales_to_many_companies() -> None:
    league = [{"company_id": f"c{i:06d}"} for i in range(100_000)]
    alerted = [f"c{i:06d}" for i in range(50_000, 50_300)]
    chosen = select_paged(league, alerted, 500)
    assert len(chosen) == 500 and len(set(chosen)) == 500
    assert chosen[0] == "c000000" and "c099999" in chosen and "c050000" in chosen


def test_as_of_is_the_newest_scored_day(fixture_report: Path) -> None:
    assert f"scores as of {AS_OF}" in read(fixture_report, "index.html").visible


def test_every_page_links_the_dbt_docs_once_they_are_written(
    fixture_settings: Settings, tmp_path: Path
) -> None:
    import shutil

    settings = settings_for(tmp_path)
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(fixture_settings.warehouse_path, settings.warehouse_path)
    index = write_report(settings)
    assert "dbt-docs" not in index.read_text(encoding="utf-8")  # no link to nothing

    docs = settings.reports_dir / "dbt-docs" / "index.html"
    docs.parent.mkdir()
    docs.write_text("<!doctype html><title>dbt docs</title>", encoding="utf-8")
    write_report(settings)
    out = settings.reports_dir
    for page, href in [
        ("index.html", "dbt-docs/index.html"),
        ("alerts.html", "dbt-docs/index.html"),
        ("companies/kaffee-partner.html", "../dbt-docs/index.html"),
    ]:
        links = re.findall(r'<a href="([^"]+)">Warehouse docs', (out / page).read_text("utf-8"))
        assert links == [href], page
        assert (out / page).parent.joinpath(href).resolve() == docs.resolve()
