"""Query tests run against the report tests' hand-made fixture warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.settings import Settings, load_settings

# The fixture builder lives with the report tests; import it, do not copy it.
from tests.report.bi_fixture import build_fixture_warehouse


@pytest.fixture(scope="session")
def _fixture_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_warehouse(tmp_path_factory.mktemp("query-fixture") / "ruf.duckdb")


@pytest.fixture()
def query_settings(tmp_path: Path, _fixture_warehouse: Path) -> Settings:
    """A fresh copy per test, so a test that proves nothing was written cannot be fooled."""
    settings = load_settings({"RUF_DATA_DIR": str(tmp_path), "RUF_PSEUDONYM_KEY": "test-key"})
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(_fixture_warehouse, settings.warehouse_path)
    return settings
