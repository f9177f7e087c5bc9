"""Every page under data/reports/ in Chromium under its Content-Security-Policy: the
report's pages, the data-quality page it links and dbt's docs page (written by `ruf docs`,
a page of inline scripts that dbt ships without a CSP) load with no CSP violation, and a
script or a resource from elsewhere that reaches one of them is refused.

A listener for ``securitypolicyviolation`` is put into every document before its own
scripts run (DevTools' addScriptToEvaluateOnNewDocument), so a violation anywhere, also
in a frame or after load, is counted.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.report.bi_fixture import settings_for
from tests.report.report_browser import HAVE_BROWSER, NO_BROWSER, serve

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER)]

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""
RUN_DATE = "2025-05-31"
HOSTILE = "<script>window.PWNED=1</script><img src=x onerror=window.PWNED=2>"


@pytest.fixture(scope="module")
def published(real_warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real warehouse's copy with its dbt docs, a data-quality page and the report."""
    from pipeline import stages
    from transforms.quality_page import Check, write

    root = tmp_path_factory.mktemp("csp")
    shutil.copytree(real_warehouse.settings.data_dir, root, dirs_exist_ok=True)
    settings = settings_for(
        root, RUF_DEMO="1", RUF_COMPANIES=str(real_warehouse.settings.companies_file)
    )
    stages.docs(settings)
    write(settings.reports_dir, RUN_DATE, [Check("reviews", "language", 3, 1, True, [HOSTILE])])
    return stages.report(settings)


@pytest.fixture(scope="module")
def served(published: Path, browser) -> Iterator[str]:
    browser.execute_cdp_cmd("Page.enable", {})
    watch = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    with serve(published.parent) as url:
        yield url
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", watch)


def violations(browser) -> list[str]:  # type: ignore[no-untyped-def]
    found = browser.execute_script("return window.__violations || []")
    logged = [
        e["message"]
        for e in browser.get_log("browser")
        if "Content Security Policy" in e["message"] or "Content-Security-Policy" in e["message"]
    ]
    return found + logged


def test_every_page_under_reports_declares_a_policy_that_loads_nothing_from_elsewhere(
    published: Path,
) -> None:
    pages = sorted(published.parent.rglob("*.html"))
    assert {p.relative_to(published.parent).parts[0] for p in pages} >= {
        "index.html",
        "alerts.html",
        "companies",
        "dbt-docs",
        "data-docs",
    }
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.lower().find("<script")] if "<script" in html.lower() else html
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head, re.I)
        assert policy, f"{path}: no CSP before its first script"
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        assert directives["default-src"] == "'none'", path
        for name, sources in directives.items():
            # Nothing from another origin: only 'self', data: and the page's own inline code.
            assert not re.search(r"https?:|\*|//", sources), (path, name)


@pytest.mark.parametrize(
    "page", ["index.html", "alerts.html", "companies/kaffee-partner.html", "dbt-docs/index.html"]
)
def test_pages_load_in_chromium_without_csp_violations(browser, served: str, page: str) -> None:
    browser.get_log("browser")  # start from a clean log
    browser.get(f"{served}/{page}")
    if page.startswith("dbt-docs"):
        # dbt's AngularJS app ran (inline scripts, eval) and read manifest/catalog beside it.
        browser.implicitly_wait(20)
        assert browser.find_element("partial link text", "Overview")
        browser.implicitly_wait(0)
        links = {a.text for a in browser.find_elements("tag name", "a")}
        assert {"lake", "config", "ruf"} <= links  # the sources and project from the manifest
    else:
        assert browser.find_element("tag name", "h1").text
    assert violations(browser) == []


def test_the_league_table_links_the_data_quality_page_whose_hostile_value_stays_text(
    browser, served: str
) -> None:
    browser.get(f"{served}/index.html")
    link = browser.find_element("css selector", "#data-quality + p a")
    assert link.text == RUN_DATE
    link.click()
    assert browser.find_element("tag name", "h1").text == f"Data quality, run {RUN_DATE}"
    assert HOSTILE in browser.find_element("tag name", "code").text
    assert browser.execute_script("return window.PWNED === undefined")


def test_a_script_or_resource_from_elsewhere_is_refused_on_the_dbt_docs_page(
    browser, served: str, published: Path
) -> None:
    """What the CSP holds if something slipped into the docs page (dbt's own tracker,
    a description with markup): another host's script and image are not loaded."""
    with serve(published.parent) as other:  # another origin on 127.0.0.1
        docs = published.parent / "dbt-docs" / "index.html"
        html = docs.read_text(encoding="utf-8")
        probe = published.parent / "dbt-docs" / "probe.html"
        probe.write_text(
            html.replace(
                "</body>",
                f'<script src="{other}/x.js"></script><img src="{other}/x.png"></body>',
                1,
            ),
            encoding="utf-8",
        )
        try:
            browser.get(f"{served}/dbt-docs/probe.html")
            blocked = " ".join(violations(browser))
        finally:
            probe.unlink()
    assert "script-src" in blocked and "img-src" in blocked
