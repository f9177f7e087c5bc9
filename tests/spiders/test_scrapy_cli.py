"""The spiders under plain ``scrapy crawl``: saved pages over file:// (following
rel=next), and the tracked companies of a family from the companies config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from offline_portals.world import routes
from tests.spiders.spider_helpers import RUN_DATE, family_present, portal_env

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]


def _scrapy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(not family_present("schema_org"), reason="schema_org family not there yet")
def test_saved_pages_over_file_urls_follow_rel_next(tmp_path, monkeypatch, world):
    company = next(c for c in world.companies() if len(world.reviews("opinio", c)) > 10)
    pid = company.portal_ids["opinio"]
    with portal_env(tmp_path, monkeypatch, world) as env:
        pages = [
            urllib.request.urlopen(env.server.url + routes.company_path("opinio", pid, n)).read()
            for n in (1, 2)
        ]
    # Saved as a browser would, with the next link pointing at the saved next page.
    next_href = routes.company_path("opinio", pid, 2).replace("&", "&amp;").encode()
    (tmp_path / "page1.html").write_bytes(pages[0].replace(next_href, b"page2.html"))
    (tmp_path / "page2.html").write_bytes(pages[1].replace(b'rel="next"', b'rel="nofollow"'))
    out = tmp_path / "out.jsonl"

    proc = _scrapy(
        "crawl",
        "schema_org",
        "-a",
        f"start_urls={(tmp_path / 'page1.html').as_uri()}",
        "-O",
        str(out),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sources = {i["source_url"].rsplit("/", 1)[-1] for i in items}
    assert sources == {"page1.html", "page2.html"}
    reviews = [i for i in items if i["kind"] == "review"]
    assert len(reviews) == min(20, len(world.reviews("opinio", company)))
    assert all(i["portal"] == "opinio" for i in items)  # told by the page's family
    assert not (tmp_path / "data" / "raw").exists()  # saved pages do not go to the archive


def test_scrapy_crawl_family_crawls_the_tracked_companies(tmp_path, monkeypatch, world):
    with portal_env(tmp_path, monkeypatch, world) as env:
        proc = _scrapy(
            "crawl",
            "trustpilot",
            "-a",
            "companies=kaffee-partner,schnellkauf24",
            "-a",
            f"run_date={RUN_DATE}",
            "-s",
            "LOG_LEVEL=WARNING",
            "-s",
            "RUF_FAST=1",
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    items = env.items("trustpilot")
    assert {i["portal_company_id"] for i in items} == {"kaffee-partner.de", "schnellkauf24.de"}
    expected = sum(
        len(env.world.reviews("trustpilot", world.by_portal_id("trustpilot", pid)))
        for pid in ("kaffee-partner.de", "schnellkauf24.de")
    )
    assert sum(i["kind"] == "review" for i in items) == expected
