"""Integration: the report from a real dbt-built warehouse tells the Kaffee Partner story."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from core.warehouse_db import open_published
from report import queries, write_report
from tests.report.html_page import Page
from tests.report.report_browser import HAVE_BROWSER, NO_BROWSER, serve, severe_console_errors

pytestmark = pytest.mark.slow
SCREENSHOT_DIR = REPO_ROOT / "data" / "reports" / "screenshots"


@pytest.fixture(scope="module")
def real_report(real_warehouse) -> Path:
    return write_report(real_warehouse.settings)


def test_every_company_has_a_page_and_a_row(real_report: Path, real_warehouse) -> None:
    pages = {p.stem for p in (real_report.parent / "companies").glob("*.html")}
    assert pages == {c.company_id for c in real_warehouse.world.companies()}
    index = Page(real_report.read_text())
    assert len([a for a in index.find("tr") if "data-company-id" in a]) == len(pages)


def test_kaffee_partner_page_shows_the_drop_and_the_shaded_burst(
    real_report: Path, real_warehouse
) -> None:
    event = next(
        e
        for e in real_warehouse.world.injected_events()
        if e.company_id == "kaffee-partner" and e.kind == "negative_burst"
    )
    page = Page((real_report.parent / "companies/kaffee-partner.html").read_text())
    bands = page.find("rect", class_="negative_burst")
    assert bands and all(float(b["width"]) > 3 for b in bands)
    assert "Burst of bad reviews" in page.visible
    # "Score before the negative burst of <day>: 55.8; lowest since: 32.5 (-23.2 points)."
    m = re.search(
        r"negative burst of (\S+): [\d.]+; lowest since: [\d.]+ \((-[\d.]+) points\)", page.visible
    )
    assert m, page.visible[:500]
    assert abs((date.fromisoformat(m.group(1)) - event.start).days) <= 7
    assert float(m.group(2)) < -10
    assert "Criticism left unanswered" in page.visible


def test_alerts_page_lists_every_alert_newest_first(real_report: Path, real_warehouse) -> None:
    con = open_published(real_warehouse.settings)
    try:
        expected = [a["alert_id"] for a in queries.alerts(con)]
    finally:
        con.close()
    page = Page((real_report.parent / "alerts.html").read_text())
    assert [a["data-alert-id"] for a in page.find("tr") if "data-alert-id" in a] == expected
    kinds = {a["data-kind"] for a in page.find("tr") if "data-kind" in a}
    assert {"negative_burst", "extortion", "positive_burst"} <= kinds


@pytest.mark.browser
@pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER)
def test_screenshot_of_the_kaffee_partner_page(real_report: Path, browser, tmp_path) -> None:
    with serve(real_report.parent) as url:
        browser.get(f"{url}/companies/kaffee-partner.html")
        assert browser.find_elements("css selector", "rect.alert-band.negative_burst")
        assert severe_console_errors(browser) == []
        shot = tmp_path / "kaffee-partner.png"
        assert browser.save_screenshot(str(shot))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_DIR / "kaffee-partner.png")
