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


REALWORLD = REPO_ROOT / ".." / "shared" / "realworld" / "html"


def _items(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_generic_crawl_of_saved_pages_fails_on_a_page_without_ratings(tmp_path):
    from tests.spiders.pages.generic_shapes import SHAPES

    rated = tmp_path / "reviews.html"
    rated.write_text(SHAPES["rendered_aria_label_reviews"], encoding="utf-8")
    thread = tmp_path / "thread.html"
    thread.write_text(SHAPES["comment_thread_no_ratings"], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    ok = _scrapy("crawl", "generic", "-a", f"start_urls={rated.as_uri()}", "-O", str(out))
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert [i["rating_value"] for i in _items(out)] == ["5", "2"]
    assert {i["extra"]["strategy"] for i in _items(out)} == {"rendered"}
    failed = _scrapy(
        "crawl",
        "generic",
        "-a",
        f"start_urls={thread.as_uri()}",
        "-O",
        str(out),
        "-a",
        "portal=blog",
    )
    assert failed.returncode == 1
    reason = [line for line in failed.stderr.splitlines() if line.startswith("ruf: crawl failed")]
    assert len(reason) == 1
    assert thread.as_uri() in reason[0] and "no ratings found" in reason[0]
    assert reason[0].startswith("ruf: crawl failed: blog: ")


@pytest.mark.skipif(not REALWORLD.is_dir(), reason=f"real saved pages not present at {REALWORLD}")
def test_generic_crawl_of_real_pages_exits_non_zero_for_the_one_without_ratings(tmp_path):
    yelp = (REALWORLD / "yelp_business_page_2025_broadway_oyster_bar.html").resolve().as_uri()
    forum = (REALWORLD / "forum_katzen-forum_net_xenforo_thread_de.html").resolve().as_uri()
    out = tmp_path / "out.jsonl"
    proc = _scrapy("crawl", "generic", "-a", f"start_urls={yelp},{forum}", "-O", str(out))
    assert proc.returncode == 1
    assert f"{forum}: page layout not understood: no ratings found" in proc.stderr
    items = _items(out)
    assert sum(i["kind"] == "review" for i in items) == 11  # the good page's items still came
    assert [i["review_count"] for i in items if i["kind"] == "aggregate"] == [2721]


def test_a_saved_page_whose_next_page_is_itself_is_read_once(tmp_path):
    from tests.spiders.pages import regen

    fixture = regen.FIXTURES / "trustpilot" / "kaffee_partner_p1" / "inputs" / "body.html"
    body = fixture.read_bytes()
    assert b'"totalPages"' in body  # the state says there are more pages: ?page=2 follows
    saved = tmp_path / "kaffee-partner.html"
    saved.write_bytes(body)
    out = tmp_path / "out.jsonl"
    proc = _scrapy("crawl", "trustpilot", "-a", f"start_urls={saved.as_uri()}", "-O", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "the same body as a page already read" in proc.stderr
    reviews = [i for i in _items(out) if i["kind"] == "review"]
    assert reviews and len({r["review_id"] for r in reviews}) == len(reviews)


def test_a_saved_pages_next_post_or_unsaved_next_page_ends_its_crawl_cleanly(tmp_path):
    """A shop's "next product" link, or a next page that was not saved, is not this
    listing's next page: the crawl reads the page it was given and exits 0."""
    from tests.spiders.pages.generic_shapes import SHAPES

    html = SHAPES["rendered_aria_label_reviews"]
    next_product = tmp_path / "blue-door-diner.html"
    next_product.write_text(
        html.replace(
            "<body>",
            '<head><link rel="next" href="https://diner.example/places/red-door"></head><body>',
        ),
        encoding="utf-8",
    )
    unsaved = tmp_path / "reviews.html"
    unsaved.write_text(
        html.replace("<body>", '<head><link rel="next" href="reviews_p2.html"></head><body>'),
        encoding="utf-8",
    )
    for page in (next_product, unsaved):
        out = tmp_path / f"{page.stem}.jsonl"
        proc = _scrapy("crawl", "generic", "-a", f"start_urls={page.as_uri()}", "-O", str(out))
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert [i["rating_value"] for i in _items(out)] == ["5", "2"]
        assert {i["source_url"] for i in _items(out)} == {page.as_uri()}
        assert "diner.example" not in proc.stderr.replace("rel=next https://diner.example", "")


def test_scrapy_parse_reads_one_page_with_the_generic_spider(tmp_path):
    from tests.spiders.pages.generic_shapes import SHAPES

    page = tmp_path / "product.html"
    page.write_text(SHAPES["rendered_product_page_out_of"], encoding="utf-8")
    proc = _scrapy("parse", "--spider", "generic", page.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("'kind': 'review'") == 2
    assert "'review_count': 21200" in proc.stdout


def test_scrapy_parse_of_a_page_without_ratings_exits_non_zero_saying_why(tmp_path):
    """``scrapy parse`` of a comment thread with no ratings, or of a saved page that is not
    there, exits 1 with one line naming the page and what was missing, as ``scrapy crawl``
    does; a page with reviews still exits 0."""
    from tests.spiders.pages.generic_shapes import SHAPES

    thread = tmp_path / "thread.html"
    thread.write_text(SHAPES["comment_thread_no_ratings"], encoding="utf-8")
    missing = tmp_path / "never-saved.html"
    for page, why in ((thread, "no ratings found"), (missing, "No such file")):
        proc = _scrapy("parse", "--spider", "generic", page.as_uri())
        assert proc.returncode == 1, proc.stderr[-2000:]
        reason = [line for line in proc.stderr.splitlines() if line.startswith("ruf: parse")]
        assert len(reason) == 1 and page.as_uri() in reason[0] and why in reason[0], reason
