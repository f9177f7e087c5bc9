"""Session fixtures: a demo world written into a lake, built into a warehouse once."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pytest

from core.settings import Settings
from offline_portals.world import World
from tests.warehouse.world_lake import ANCHOR, settings_for, write_companies, write_world
from warehouse.build import BuildReport, build


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
