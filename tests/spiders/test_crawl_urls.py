"""``crawl(settings, portals=[P], urls=[...])``, what ``ruf crawl --portal P --url URL``
runs: given pages crawled as one portal, into the raw files; a page without
ratings fails that portal with a reason naming the URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import ConfigError, load_settings
from spiders.run import crawl
from tests.spiders.pages.generic_shapes import SHAPES
from tests.spiders.spider_helpers import RUN_DATE

pytestmark = pytest.mark.slow


def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
    return load_settings()


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
    items_file = Path(settings.raw_url) / "diner-guide" / str(RUN_DATE) / "items-all.jsonl"
    items = [json.loads(line) for line in items_file.read_text(encoding="utf-8").splitlines()]
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
    assert not (Path(settings.raw_url) / "blog" / str(RUN_DATE) / "items-all.jsonl").exists()


def test_given_urls_need_one_portal_name(tmp_path, monkeypatch):
    settings = _settings(tmp_path, monkeypatch)
    with pytest.raises(ConfigError, match="exactly one portal"):
        crawl(settings, run_date=RUN_DATE, urls=["file:///x.html"])
    with pytest.raises(ConfigError, match="not an http"):
        crawl(settings, run_date=RUN_DATE, portals=["p"], urls=["ftp://x/y"])
