"""``crawl(settings, portals=[P], urls=[...])``, what ``ruf crawl --portal P --url URL``
runs: given pages crawled as one portal, into the raw files; a page without
ratings fails that portal with a reason naming the URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.contracts.raw_items import items_file_name, pages_name
from core.settings import ConfigError, load_settings
from spiders.run import crawl
from tests.spiders.pages.generic_shapes import SHAPES
from tests.spiders.spider_helpers import RUN_DATE

pytestmark = pytest.mark.slow


def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
    return load_settings()


def _items(settings, portal: str, urls: list[str]) -> list[dict]:
    folder = Path(settings.raw_url) / portal / str(RUN_DATE)
    text = (folder / items_file_name(pages_name(urls))).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_given_pages_of_an_unconfigured_portal_are_read_by_the_generic_reader(
    tmp_path, monkeypatch
):
    settings = _settings(tmp_path, monkeypatch)
    page = tmp_path / "diner.html"
    page.write_text(SHAPES["rendered_aria_label_reviews"], encoding="utf-8")
    report = crawl(settings, run_date=RUN_DATE, portals=["diner-guide"], urls=[page.as_uri()])
    assert report.ok, report.summary()
    run = report.portals["diner-guide"]
    assert (run.family, run.items) == ("generic", {"review": 2})
    items = _items(settings, "diner-guide", [page.as_uri()])
    assert [(i["rating_value"], i["published_raw"]) for i in items] == [
        ("5", "Sep 22, 2025"),
        ("2", "Aug 3, 2025"),
    ]


def test_a_given_page_without_ratings_fails_its_portal_naming_the_url(tmp_path, monkeypatch):
    settings = _settings(tmp_path, monkeypatch)
    page = tmp_path / "thread.html"
    page.write_text(SHAPES["comment_thread_no_ratings"], encoding="utf-8")
    report = crawl(settings, run_date=RUN_DATE, portals=["blog"], urls=[page.as_uri()])
    assert not report.ok
    (failure,) = report.portals["blog"].failures
    assert failure.startswith(page.as_uri()) and "no ratings found" in failure
    assert not list((Path(settings.raw_url) / "blog" / str(RUN_DATE)).glob("items-*.jsonl"))


def test_given_urls_need_one_portal_name(tmp_path, monkeypatch):
    settings = _settings(tmp_path, monkeypatch)
    with pytest.raises(ConfigError, match="exactly one portal"):
        crawl(settings, run_date=RUN_DATE, urls=["file:///x.html"])
    with pytest.raises(ConfigError, match="not an http"):
        crawl(settings, run_date=RUN_DATE, portals=["p"], urls=["ftp://x/y"])


def test_pages_crawled_one_by_one_on_one_day_keep_each_others_items(tmp_path, monkeypatch):
    """A user who crawls their saved pages of one portal one at a time keeps them all;
    crawling a page again replaces only that page's items."""
    settings = _settings(tmp_path, monkeypatch)
    diner, shop = tmp_path / "diner.html", tmp_path / "shop.html"
    diner.write_text(SHAPES["rendered_aria_label_reviews"], encoding="utf-8")
    shop.write_text(SHAPES["rendered_product_page_out_of"], encoding="utf-8")
    for page in (diner, shop, diner):
        report = crawl(settings, run_date=RUN_DATE, portals=["saved"], urls=[page.as_uri()])
        assert report.ok, report.summary()
    folder = Path(settings.raw_url) / "saved" / str(RUN_DATE)
    assert len(list(folder.glob("items-*.jsonl"))) == 2
    reviews = {
        page.name: sum(i["kind"] == "review" for i in _items(settings, "saved", [page.as_uri()]))
        for page in (diner, shop)
    }
    assert reviews == {"diner.html": 2, "shop.html": 2}


def test_given_pages_of_a_named_company_are_that_companys(tmp_path, monkeypatch):
    """A saved page names its company by its file name, which no company in the config has:
    ``--company C`` says whose reviews they are (as ``ruf import --company`` does)."""
    settings = _settings(tmp_path, monkeypatch)
    page = tmp_path / "saved-page.html"
    page.write_text(SHAPES["rendered_aria_label_reviews"], encoding="utf-8")
    urls = [page.as_uri()]
    report = crawl(
        settings, run_date=RUN_DATE, portals=["trustpilot"], urls=urls, companies=["kaffee-partner"]
    )
    assert report.ok, report.summary()
    items = _items(settings, "trustpilot", urls)
    assert {(i["portal_company_id"], i["company_name"]) for i in items} == {
        ("kaffee-partner.de", "Kaffee Partner GmbH")  # its trustpilot id in companies.yaml
    }
    with pytest.raises(ConfigError, match="unknown company 'nobody'"):
        crawl(settings, run_date=RUN_DATE, portals=["trustpilot"], urls=urls, companies=["nobody"])
