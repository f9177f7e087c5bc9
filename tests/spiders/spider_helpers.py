"""Helpers for the crawl machinery tests: a small offline world on 127.0.0.1 and a
data root, companies config and environment pointing at it.

A module with a unique name (not conftest) so test files can import it."""

from __future__ import annotations

import importlib.util
import json
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from core.settings import Settings, load_settings
from offline_portals.render import FAMILY_OF_PORTAL
from offline_portals.server import Faults, PortalServer
from offline_portals.world import World, companies_config

ANCHOR = date(2026, 11, 23)
RUN_DATE = date(2026, 11, 23)


def family_present(family: str) -> bool:
    """Both halves of a family exist: its pages can be rendered and parsed."""
    return all(
        importlib.util.find_spec(mod) is not None
        for mod in (f"spiders.pages.{family}", f"offline_portals.render.{family}")
    )


def present_portals() -> list[str]:
    return [p for p, fam in FAMILY_OF_PORTAL.items() if family_present(fam)]


@dataclass
class PortalEnv:
    server: PortalServer
    world: World
    settings: Settings
    tmp: Path

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.server.url + "/_stats", timeout=10) as resp:
            return json.loads(resp.read())

    def control(self, **query: str) -> None:
        q = "&".join(f"{k}={v}" for k, v in query.items())
        req = urllib.request.Request(f"{self.server.url}/_control?{q}", method="POST")
        urllib.request.urlopen(req, timeout=10).read()

    def items(self, portal: str, run_date: date = RUN_DATE, shard: str = "all") -> list[dict]:
        path = Path(self.settings.raw_url) / portal / str(run_date) / f"items-{shard}.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def expected(self, portal: str) -> Counter:
        """Items by kind the world serves for the tracked companies on ``portal``
        (forum threads may show no score: see ``aggregates_match``)."""
        out: Counter = Counter()
        for company in self.world.companies():
            if portal not in company.portal_ids:
                continue
            out.update(r.kind for r in self.world.reviews(portal, company))
            out["aggregate"] += 1  # the displayed score, once per company listing
        return out


def kinds_match(items: list[dict], expected: Counter, portal: str) -> bool:
    got = Counter(i["kind"] for i in items)
    if FAMILY_OF_PORTAL[portal] == "forum":
        # Some forum threads (blog style) show no score: at most one aggregate per thread.
        threads = [i["portal_company_id"] for i in items if i["kind"] == "aggregate"]
        ok = got["aggregate"] <= expected["aggregate"] and len(threads) == len(set(threads))
        got["aggregate"] = expected["aggregate"] if ok else got["aggregate"]
    return +got == +expected


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@contextmanager
def portal_env(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    world: World,
    faults: Faults | None = None,
    companies: dict | None = None,
    portals: dict | None = None,
) -> Iterator[PortalEnv]:
    server = PortalServer(world, faults=faults or Faults(0, 0)).start()
    try:
        monkeypatch.setenv("RUF_PORTALS_URL", server.url)
        monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv(
            "RUF_COMPANIES",
            str(write_yaml(tmp_path / "companies.yaml", companies or companies_config(world))),
        )
        if portals is not None:
            monkeypatch.setenv("RUF_PORTALS", str(write_yaml(tmp_path / "portals.yaml", portals)))
        yield PortalEnv(server=server, world=world, settings=load_settings(), tmp=tmp_path)
    finally:
        server.stop()
