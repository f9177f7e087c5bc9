"""Issue 19's report sections on a real built warehouse of the demo's world (`ruf demo`:
50 companies), in headless Chromium.

The Kaffee Partner page names the story's complaints among its top negative topics; the
new sections render without console errors, tables download as CSV, charts carry their
values. Screenshots go to the test's directory and to
data/reports/screenshots/ (kaffee-partner-topics.png, -alert.png, -volume.png,
-mentions.png, alerts-page.png).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from core.settings import REPO_ROOT
from offline_portals.world import World, companies_config
from report import write_report
from tests.report.bi_fixture import settings_for
from tests.report.conftest import REAL_ANCHOR
from tests.report.html_page import Page
from tests.report.report_browser import HAVE_BROWSER, NO_BROWSER, serve, severe_console_errors

SCREENSHOT_DIR = REPO_ROOT / "data" / "reports" / "screenshots"
# The story's complaints (offline_portals/world/data/stories.yaml) and the lemmas naming them.
KAFFEE_COMPLAINTS = {
    "hotline": {"hotline"},
    "billing": {"abrechnung", "rechnung"},
    "maintenance": {"wartung", "wartungsdienst"},
    "leasing contract": {"leasingvertrag", "leasing", "vertrag"},
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's world (the companies and reviews `ruf demo` makes), built and reported."""
    from tests.warehouse.world_lake import write_world
    from warehouse.build import build

    root = tmp_path_factory.mktemp("report-demo-world")
    world = World(anchor=REAL_ANCHOR)  # ruf demo: World(companies=50, anchor=today)
    write_world(root / "lake", world)
    companies = root / "companies.yaml"
    companies.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    settings = settings_for(root, RUF_DEMO="1", RUF_COMPANIES=str(companies))
    build(settings)
    return write_report(settings)


@pytest.fixture(scope="module")
def served(real_report: Path) -> Iterator[str]:
    with serve(real_report.parent) as url:
        yield url


def topic_terms(html: str, table_id: str) -> list[str]:
    body = re.search(rf'id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return re.findall(r'<td class="term">(.*?)</td>', body)


def test_kaffee_partner_page_names_the_story_complaints(real_report: Path) -> None:
    html = (real_report.parent / "companies/kaffee-partner.html").read_text(encoding="utf-8")
    shown = topic_terms(html, "topics-negative")
    words = {w for term in shown for w in term.split()}
    for complaint, lemmas in KAFFEE_COMPLAINTS.items():
        assert lemmas & words, (complaint, shown)
    burst = re.search(r'<div class="alert negative_burst".*?</ul>', html, re.S).group(0)
    alert_words = {
        w for t in re.findall(r'<span class="term">(.*?)</span>', burst) for w in t.split()
    }
    assert {"hotline", "wartungsdienst"} <= alert_words
    assert "kaffee" not in words and "partner" not in words  # its own name is no topic


def _shot(browser, name: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    shot = tmp_path / name
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_DIR / name)
    return shot


def _show(browser, css: str):  # type: ignore[no-untyped-def]
    element = browser.find_element("css selector", css)
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
    assert element.is_displayed()
    return element


@pytest.mark.browser
@pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER)
def test_new_sections_render_in_chromium(browser, served: str, tmp_path: Path) -> None:
    browser.get(f"{served}/companies/kaffee-partner.html")
    assert severe_console_errors(browser) == []
    size = browser.execute_script(
        "return [getComputedStyle(document.body).fontSize,"
        " getComputedStyle(document.querySelector('.meta')).fontSize]"
    )
    assert all(float(s.rstrip("px")) >= 15 for s in size), size  # readable
    change = browser.find_element("id", "change-since-alert").text
    assert change.startswith("▼ -") and float(change.split()[-1]) < -10  # the crash shows

    _show(browser, "h1")
    rows = browser.find_elements("css selector", "#topics-negative tbody tr")
    assert len(rows) >= 5 and all(r.is_displayed() for r in rows)
    _shot(browser, "kaffee-partner-topics.png", tmp_path)

    alert = _show(browser, "div.alert.negative_burst")
    assert "What to do:" in alert.find_element("css selector", ".action").text
    reviews = alert.find_elements("css selector", "details[open] tr.review-row")
    assert reviews and all(r.is_displayed() for r in reviews)
    replies = [r.find_element("css selector", "td.reply").text for r in reviews]
    assert any(t.startswith("after ") for t in replies)  # the company's replies, with texts
    links = alert.find_elements("css selector", "tr.review-row a")
    assert links and all(a.get_attribute("href").startswith("http://127.0.0.1") for a in links)
    _shot(browser, "kaffee-partner-alert.png", tmp_path)

    chart = _show(browser, "#volume")
    bars = browser.find_elements("css selector", "svg.volume-chart g.week")
    assert len(bars) == 52
    busiest = max(bars, key=lambda b: int(b.get_attribute("data-reviews")))
    tip = busiest.find_element("css selector", "title").get_attribute("textContent")
    assert re.match(r"Week of .*: \d+ reviews \(1★ \d+", tip), tip
    assert chart.is_displayed()
    _shot(browser, "kaffee-partner-volume.png", tmp_path)

    _show(browser, "#mentions")
    posts = browser.find_elements("css selector", "#mentions-table tbody tr")
    assert posts and posts[0].find_element("css selector", "a").get_attribute("href")
    _shot(browser, "kaffee-partner-mentions.png", tmp_path)
    assert severe_console_errors(browser) == []


def _download(browser, button, folder: Path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    before = set(folder.iterdir())
    button.click()
    for _ in range(100):  # the download lands within a moment; give it up to 10 s
        new = [p for p in set(folder.iterdir()) - before if not p.name.endswith(".crdownload")]
        if new:
            return list(csv.reader(io.StringIO(new[0].read_text(encoding="utf-8-sig"))))
        time.sleep(0.1)
    raise AssertionError(f"no CSV downloaded into {folder}")


@pytest.mark.browser
@pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER)
def test_tables_download_as_csv(browser, served: str, tmp_path: Path) -> None:
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    browser.get(f"{served}/companies/kaffee-partner.html")
    tables = browser.find_elements("css selector", "table[data-csv]")
    buttons = browser.find_elements("css selector", "button.csv")
    assert len(buttons) == len(tables) >= 5
    table = browser.find_element("id", "topics-negative")
    button = browser.execute_script("return arguments[0].previousElementSibling", table)
    rows = _download(browser, button, tmp_path)
    assert rows[0] == ["Topic", "Reviews", "Share", "vs. other companies"]
    shown = [
        r.find_element("css selector", "td").text
        for r in table.find_elements("css selector", "tbody tr")
    ]
    assert [r[0] for r in rows[1:]] == shown
    assert all(r[1].isdigit() and 0 < float(r[2]) <= 1 for r in rows[1:])  # exact values

    browser.get(f"{served}/alerts.html")
    assert severe_console_errors(browser) == []
    rows = _download(browser, browser.find_element("css selector", "button.csv"), tmp_path)
    assert rows[0][:3] == ["Started", "Ended", "Alert"]
    assert any(r[2] == "Burst of bad reviews" and "Kaffee Partner" in r[3] for r in rows[1:])
    _shot(browser, "alerts-page.png", tmp_path)
    text = Page(browser.page_source).visible
    assert "expected_in_window" not in text and "review_keys" not in text
