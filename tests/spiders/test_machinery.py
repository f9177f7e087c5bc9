"""The crawl machinery's parts on their own: backoff, Retry-After, the contract
check, staged files, crawl state, shards and per-portal politeness."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings as ScrapySettings

from core.contracts.raw_items import RawItem
from core.settings import load_settings
from spiders.archive import RawStore
from spiders.middlewares import backoff_delay, parse_retry_after
from spiders.pipelines import ContractError, to_raw_item
from spiders.plan import Listing, PortalPlan, in_shard
from spiders.spiders.trustpilot import TrustpilotSpider
from spiders.state import CrawlState


def test_retry_after_in_seconds_or_as_http_date():
    now = datetime(2026, 11, 23, 9, 0, 0, tzinfo=UTC)
    assert parse_retry_after(b"7") == 7.0
    later = datetime(2026, 11, 23, 9, 0, 30, tzinfo=UTC)
    assert parse_retry_after(format_datetime(later, usegmt=True), now=now) == 30.0
    past = datetime(2026, 11, 23, 8, 0, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(past, usegmt=True), now=now) == 0.0
    assert parse_retry_after(b"soon") is None
    assert parse_retry_after(None) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    rng = random.Random(1)
    for attempt in range(1, 12):
        ceiling = min(30.0, 1.0 * 2 ** (attempt - 1))
        delays = [backoff_delay(attempt, 1.0, 30.0, rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 1  # jittered, not lockstep
    assert max(backoff_delay(20, 1.0, 30.0, rng) for _ in range(50)) <= 30.0


def test_contract_check_drops_only_non_items_with_a_reason():
    good = RawItem(kind="review", portal="trustpilot", portal_company_id="acme.de")
    assert to_raw_item(good) == good
    odd = {"kind": "review", "portal": "opinio", "portal_company_id": "x", "rating_value": "?"}
    assert to_raw_item(odd).rating_value == "?"  # odd values stay: the transforms decide
    with pytest.raises(ContractError, match="kind"):
        to_raw_item({"kind": "opinion", "portal": "p", "portal_company_id": "x"})
    with pytest.raises(ContractError, match="portal_company_id is missing"):
        to_raw_item({"kind": "review", "portal": "p", "portal_company_id": " "})
    with pytest.raises(ContractError, match="outside the raw contract: stars"):
        to_raw_item({"kind": "review", "portal": "p", "portal_company_id": "x", "stars": 5})
    with pytest.raises(ContractError, match="not an item"):
        to_raw_item("a review")


def test_staged_files_appear_only_when_published(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("RUF_RAW_URL", raising=False)
    store = RawStore(load_settings())
    first = store.staged("trustpilot", "2026-11-23", "items-all.jsonl")
    first.write({"n": 1})
    path = first.publish()
    # A crawl that dies (or fails) after writing half its items leaves the old file.
    second = store.staged("trustpilot", "2026-11-23", "items-all.jsonl")
    second.write({"n": 2})
    assert Path(path).read_text() == '{"n": 1}\n'
    second.discard()
    assert Path(path).read_text() == '{"n": 1}\n'
    assert sorted(p.name for p in (tmp_path / "raw" / "trustpilot" / "2026-11-23").iterdir()) == [
        "items-all.jsonl"
    ]
    sha = store.store_body(b"<html>page</html>")
    assert store.load_body(sha) == b"<html>page</html>"


def test_state_is_trusted_only_from_earlier_run_dates(tmp_path):
    state = CrawlState(tmp_path)
    state.record("trustpilot", "acme.de", "2026-11-20", ["r3", "r2"], pages=2)
    state.record("trustpilot", "acme.de", "2026-11-21", ["r5", "r4", "r3"], pages=1)
    assert state.known("trustpilot", "acme.de", before="2026-11-21") == ["r3", "r2"]
    assert state.known("trustpilot", "acme.de", before="2026-11-22") == ["r5", "r4", "r3", "r2"]
    assert state.known("trustpilot", "acme.de", before="2026-11-20") == []
    assert state.known("trustpilot", "other", before="2026-11-22") == []


def test_shards_split_companies_stably_and_completely():
    ids = [f"company-{i}" for i in range(200)]
    shards = [[c for c in ids if in_shard(c, (k, 4))] for k in range(4)]
    assert sorted(c for shard in shards for c in shard) == sorted(ids)
    assert all(shards)
    assert in_shard("company-7", (0, 1))


def test_each_portal_gets_its_own_politeness(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    settings = ScrapySettings()
    settings.setmodule("spiders.settings", priority="project")
    plan = PortalPlan(
        "forum",
        "trustpilot",
        "https://forum.example",
        1,
        3.0,
        (Listing("acme", "acme.de", "https://forum.example/t/acme"),),
    )
    crawler = Crawler(TrustpilotSpider, settings)
    TrustpilotSpider.from_crawler(crawler, plans=[plan.to_json()])
    assert crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") == 3.0
    assert crawler.settings.getbool("ROBOTSTXT_OBEY")
    assert crawler.settings.get("USER_AGENT").startswith("ruf/")

    # fast mode lifts the delays for portals on this machine only
    for base, delay in (("http://127.0.0.1:8765/forum", 0.0), ("https://forum.example", 3.0)):
        fast = ScrapySettings()
        fast.setmodule("spiders.settings", priority="project")
        fast.set("RUF_FAST", True)
        crawler = Crawler(TrustpilotSpider, fast)
        TrustpilotSpider.from_crawler(
            crawler, plans=[PortalPlan("forum", "trustpilot", base, 1, 3.0, ()).to_json()]
        )
        assert crawler.settings.getfloat("DOWNLOAD_DELAY") == delay
