"""The world written straight into raw item files, at the contract's paths."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from core.contracts import raw_items
from offline_portals import export
from offline_portals.world import World

ANCHOR = date(2026, 11, 23)
RUN = date(2026, 11, 23)


@pytest.fixture(scope="module")
def world() -> World:
    return World(companies=8, reviews_per_company=30, anchor=ANCHOR)


def _lines(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_every_portal_gets_one_file_at_the_contract_path(world, tmp_path):
    counts = export.write_raw(world, tmp_path, RUN)
    portals = {p for c in world.companies() for p in c.portal_ids}
    for portal in portals:
        items = _lines(raw_items.items_path(str(tmp_path), portal, RUN, "export"))
        assert {i["kind"] for i in items} <= {"aggregate", "review", "mention"}
        assert set(items[0]) == set(raw_items.RAW_FIELDS)
        by_kind = {k: sum(1 for i in items if i["kind"] == k) for k in ("review", "aggregate")}
        assert by_kind["review"] == counts[(portal, "review")]
        assert by_kind["aggregate"] == counts[(portal, "aggregate")]
    assert not list(tmp_path.rglob("*.tmp"))


def test_shards_and_incremental_runs_split_what_one_export_writes(world, tmp_path):
    whole = export.write_raw(world, tmp_path / "whole", RUN)
    n = world.n_companies
    since = datetime(2026, 11, 1, tzinfo=UTC)
    for k, part in ((1, range(0, n // 2)), (2, range(n // 2, n))):
        name = raw_items.shard_name((k, 2))
        export.write_raw(world, tmp_path / "shards", RUN, name=name, companies=part)
        export.write_raw(world, tmp_path / "new", RUN, name=name, companies=part, since=since)
    for portal in {p for c in world.companies() for p in c.portal_ids}:
        one = _lines(raw_items.items_path(str(tmp_path / "whole"), portal, RUN, "export"))
        shards = [
            item
            for k in (1, 2)
            for path in [raw_items.items_path(str(tmp_path / "shards"), portal, RUN, f"s{k}of2")]
            if (tmp_path / "shards" / portal / RUN.isoformat() / f"items-s{k}of2.jsonl").exists()
            for item in _lines(path)
        ]
        assert sorted(map(json.dumps, shards)) == sorted(map(json.dumps, one))
    newer = [
        i
        for f in (tmp_path / "new").rglob("items-*.jsonl")
        for i in _lines(str(f))
        if i["kind"] != "aggregate"
    ]
    assert newer and all(i["published_raw"] for i in newer)
    assert len(newer) < sum(v for (_, kind), v in whole.items() if kind != "aggregate")


def test_a_failed_export_leaves_no_file_behind(world, tmp_path, monkeypatch):
    real = export.review_item
    seen = []

    def failing(*args, **kwargs):
        seen.append(1)
        if len(seen) > 50:
            raise RuntimeError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(export, "review_item", failing)
    with pytest.raises(RuntimeError, match="disk gone"):
        export.write_raw(world, tmp_path, RUN)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
