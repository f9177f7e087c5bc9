"""The data-quality page: portal data on it is escaped, nothing on it runs, it loads
nothing from anywhere (issue 17, item 1). A review's declared ``language`` is the way in:
``<script>`` there ran in the old Great Expectations Data Docs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from tests.report.report_browser import CHROMEDRIVER, CHROMIUM, HAVE_BROWSER, NO_BROWSER, serve
from transforms.quality_page import CSP, Check, render
from transforms.run import transform

from .conftest import ANCHOR, write_items
from .test_pipeline import GOOD

ATTACK = "<script>window.pwned = 1; document.title = 'pwned'</script><img src=x onerror=alert(1)>"


def test_every_value_on_the_page_is_escaped_and_nothing_is_loaded():
    page = render(
        "2026-11-23<b>",
        [Check("reviews", "language in <set>", rows=3, failed=1, examples=[ATTACK])],
    )
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;window.pwned" in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    # No reference to anything outside the page: no tag that loads, no src or href,
    # no url() or @import in the style.
    tags = _Tags()
    tags.feed(page)
    assert not tags.loading, tags.loading
    assert {"html", "head", "meta", "title", "style", "body", "table", "code"} <= tags.seen
    assert not re.search(r"url\(|@import", tags.style)


class _Tags(HTMLParser):
    LOADS = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "base"}

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.loading: list = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        self._in_style = tag == "style"
        if tag in self.LOADS or any(k in ("src", "href", "srcset", "action") for k, _ in attrs):
            self.loading.append((tag, attrs))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


@pytest.fixture
def chromium(tmp_path):
    if not HAVE_BROWSER:
        pytest.skip(NO_BROWSER)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.mark.browser
def test_a_script_in_a_declared_language_does_not_run_in_the_browser(settings, chromium):
    hostile = {**GOOD, "review_id": "xss", "language": ATTACK}
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [hostile, GOOD])
    report = transform(settings)
    site = settings.reports_dir / "data-docs" / ANCHOR.isoformat()
    pages = sorted(p.name for p in site.glob("*.html"))
    assert report.data_docs == site / "index.html" and pages == ["index.html"]
    with serve(site) as base:
        for name in pages:
            chromium.get("about:blank")
            chromium.get_log("performance")  # start each page with an empty log
            chromium.get(f"{base}/{name}")
            assert chromium.execute_script("return window.pwned") is None
            assert chromium.title.startswith("ruf data quality")
            body = chromium.find_element("tag name", "body").text
            assert "<script>window.pwned = 1;" in body  # shown as text, not run
            # Every request the page made (the browser's own start page aside): itself.
            asked = [
                e["params"]["request"]["url"]
                for e in (
                    json.loads(m["message"])["message"] for m in chromium.get_log("performance")
                )
                if e["method"] == "Network.requestWillBeSent"
                and e["params"].get("documentURL", "").startswith(base)
            ]
            assert asked == [f"{base}/{name}"], asked
