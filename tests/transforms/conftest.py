"""Settings on a temporary data root, and raw input: World items through
``offline_portals.export`` (the generator's side of the raw contract) plus
hand-written JSONL lines for the odd rows no portal family emits on purpose."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from core.settings import REPO_ROOT, Settings
from offline_portals import export
from offline_portals.world import World

ANCHOR = date(2026, 11, 23)
FETCHED_AT = "2026-11-23T09:00:00Z"


def make_settings(root: Path, **overrides) -> Settings:
    values = dict(
        data_dir=root,
        raw_url=str(root / "raw"),
        lake_url=str(root / "lake"),
        companies_file=REPO_ROOT / "config" / "companies.yaml",
        portals_file=REPO_ROOT / "config" / "portals.yaml",
        pseudonym_key="test-pseudonym-key",
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def small_world(companies: int = 8, reviews_per_company: int = 40) -> World:
    """The first companies of the default world (they are in config/companies.yaml)."""
    return World(
        seed=7, companies=companies, reviews_per_company=reviews_per_company, anchor=ANCHOR
    )


def world_items(world: World, fetched_at: str = FETCHED_AT) -> dict[str, list[dict]]:
    """portal -> raw items (reviews, mentions and one aggregate per company)."""
    return export.world_items(world, fetched_at)


def write_world(
    raw_root: Path, world: World, run_date: date | str = ANCHOR, fetched_at: str = FETCHED_AT
) -> dict[str, list[dict]]:
    """``export.write_raw`` of the world; returns the items it wrote, per portal."""
    when = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    export.write_raw(world, Path(raw_root), date.fromisoformat(str(run_date)), fetched_at=when)
    return world_items(world, fetched_at)


def write_items(
    raw_root: Path, portal: str, run_date: date | str, items: Iterable[Any], shard: str = "all"
) -> Path:
    """Hand-written items (dicts, or str lines written verbatim) as one raw JSONL file."""
    d = Path(raw_root) / portal / str(run_date)
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"items-{shard}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False))
            f.write("\n")
    return path
