"""Every fetched page is archived by content; replaying a run from the archive,
with no network at all, rewrites that run's items identically. Robots.txt is obeyed."""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
from pathlib import Path

import pytest

from core.settings import ConfigError
from offline_portals.server import Faults
from offline_portals.world import companies_config
from spiders.run import crawl
from tests.spiders.spider_helpers import RUN_DATE, portal_env, present_portals

pytestmark = pytest.mark.slow


def _sorted(items: list[dict]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True, ensure_ascii=False) for i in items)


def test_replay_from_the_archive_gives_identical_items_without_network(
    tmp_path, monkeypatch, world
):
    portals = present_portals()
    with portal_env(tmp_path, monkeypatch, world, faults=Faults(0.1, 0.05)) as env:
        report = crawl(env.settings, run_date=RUN_DATE, portals=portals, fast=True)
        assert report.ok, report.summary()
    raw = Path(env.settings.raw_url)
    crawled = {p: env.items(p) for p in portals}

    index = [
        json.loads(line)
        for line in (raw / "trustpilot" / str(RUN_DATE) / "responses-all.jsonl").open()
    ]
    assert len(index) == report.portals["trustpilot"].pages
    for rec in index:
        assert set(rec) >= {
            "url",
            "status",
            "fetched_at",
            "sha256",
            "portal",
            "portal_company_id",
            "page_type",
        }
        body = gzip.decompress(
            (raw / "_bodies" / rec["sha256"][:2] / f"{rec['sha256']}.gz").read_bytes()
        )
        assert hashlib.sha256(body).hexdigest() == rec["sha256"]
        assert rec["status"] == 200 and rec["portal_company_id"]

    # The server is gone; any connection attempt now fails the test.
    for portal in portals:
        (raw / portal / str(RUN_DATE) / "items-all.jsonl").write_text("", encoding="utf-8")

    def no_network(self, address):
        raise AssertionError(f"replay tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    replayed = crawl(env.settings, run_date=RUN_DATE, replay=str(RUN_DATE))

    assert replayed.ok and replayed.replay, replayed.summary()
    assert sorted(replayed.portals) == sorted(portals)
    for portal in portals:
        assert _sorted(env.items(portal)) == _sorted(crawled[portal]), portal
        assert replayed.portals[portal].items == report.portals[portal].items
    with pytest.raises(ConfigError, match="no archived crawl"):
        crawl(env.settings, run_date=RUN_DATE, replay="2001-01-01")


def test_robots_txt_forbidden_pages_are_never_fetched(tmp_path, monkeypatch, world):
    companies = companies_config(world)
    # A tracked listing on a path the portal's robots.txt disallows.
    companies["companies"][1]["portals"]["trustpilot"] = {
        "id": "someone",
        "url": "${RUF_PORTALS_URL}/trustpilot/users/someone",
    }
    portals = [p for p in ("trustpilot", "forum") if p in present_portals()]
    with portal_env(tmp_path, monkeypatch, world, companies=companies) as env:
        report = crawl(env.settings, run_date=RUN_DATE, portals=portals, fast=True)
        stats = env.stats()
    assert report.portals["trustpilot"].robots_blocked == 1
    assert "1 robots-blocked" in report.summary()
    assert stats["disallowed_hits"] == []
    assert stats["requests"]["/robots.txt"] == len(portals)  # one crawler per portal
    assert report.ok
