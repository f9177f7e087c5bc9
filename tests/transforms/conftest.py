from __future__ import annotations

from pathlib import Path

import pytest

from ruf.settings import REPO_ROOT, Settings


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
