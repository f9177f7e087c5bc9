"""Session fixtures: a demo world written into a lake, built into a warehouse once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml
from world_lake import write_world

from ruf.portals.world import World, companies_config
from ruf.settings import Settings, load_settings
from warehouse.build import BuildReport, build

ANCHOR = date(2025, 6, 1)


def settings_for(root: Path, companies_file: Path) -> Settings:
    return load_settings(
        {"RUF_DATA_DIR": str(root), "RUF_DEMO": "1", "RUF_COMPANIES": str(companies_file)}
    )


def write_companies(path: Path, world: World) -> Path:
    path.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    return path


@dataclass
class Built:
    world: World
    settings: Settings
    report: BuildReport

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.settings.warehouse_path), read_only=True)


@pytest.fixture(scope="session")
def story_world() -> World:
    return World(anchor=ANCHOR)


@pytest.fixture(scope="session")
def story_warehouse(tmp_path_factory, story_world) -> Built:
    """The default 50-company world, built once (full refresh) for the story tests."""
    root = tmp_path_factory.mktemp("story")
    write_world(root / "lake", story_world)
    settings = settings_for(root, write_companies(root / "companies.yaml", story_world))
    return Built(story_world, settings, build(settings))
