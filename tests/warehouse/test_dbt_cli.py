"""dbt on its own: the real dbt CLI run in (a copy of) warehouse/ with only RUF_DATA_DIR set.

What a dbt user does with the project: `dbt build`, `dbt test -s MODEL`, `dbt ls`,
`dbt docs generate`, no --vars, no other RUF_* variable. The config inputs are where every
`ruf build` writes them (data/warehouse/inputs/, written here by the same function).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest

from core.settings import load_settings
from offline_portals.world import World
from tests.warehouse.world_lake import ANCHOR, write_companies, write_world
from warehouse.dbt_run import PROJECT_DIR
from warehouse.inputs import prepare_inputs

pytestmark = pytest.mark.slow

DBT = Path(sys.executable).parent / "dbt"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of warehouse/ (dbt writes target/ and logs/ into it) and a data dir with a lake."""
    root = tmp_path_factory.mktemp("dbt-cli")
    project = root / "warehouse"
    shutil.copytree(
        PROJECT_DIR,
        project,
        # models/ holds Python models too (int_topics__review_terms.py): copied with the rest.
        ignore=shutil.ignore_patterns("target", "logs", ".user.yml", "__pycache__"),
    )
    data = root / "data"
    end = datetime.combine(ANCHOR, time(23, 59, 59), UTC)
    world = World(companies=8, anchor=ANCHOR, as_of=end - timedelta(days=1))
    lake_rows = write_world(data / "lake", world)
    companies = write_companies(root / "companies.yaml", world)
    # What `ruf build` leaves for dbt: the config as Parquet under data/warehouse/inputs.
    prepare_inputs(load_settings({"RUF_DATA_DIR": str(data), "RUF_COMPANIES": str(companies)}))
    return project, data, lake_rows


def dbt(project: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"RUF_DATA_DIR": str(data), "PATH": f"{DBT.parent}:/usr/bin:/bin", "HOME": str(data)}
    # Not a setting: where Python finds the ruf package the Python models import (the
    # install does it on a user's machine; a worktree's run points it at its own code).
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        [str(DBT), *args], cwd=project, env=env, capture_output=True, text=True, timeout=900
    )


def test_dbt_build_builds_the_warehouse_from_the_lake(project):
    project_dir, data, lake_rows = project
    result = dbt(project_dir, data, "build")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "ERROR=0" in result.stdout and "PASS=" in result.stdout
    con = duckdb.connect(str(data / "warehouse" / "ruf.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from bi.reviews").fetchone()[0] == lake_rows["reviews"]
        assert con.execute("select count(*) from bi.companies").fetchone()[0] == 8
        assert con.execute("select count(*) from bi.reputation").fetchone()[0] > 8
        # The topics, a Python model among them, built by the standalone profile too.
        terms = "select count(*) from intermediate.int_topics__review_terms"
        assert con.execute(terms).fetchone()[0] > 0
        assert con.execute("select count(*) from bi.company_topics").fetchone()[0] > 0
    finally:
        con.close()


def test_dbt_test_one_model(project):
    project_dir, data, _ = project
    if not (data / "warehouse" / "ruf.duckdb").exists():
        assert dbt(project_dir, data, "build").returncode == 0
    result = dbt(project_dir, data, "test", "-s", "fct_reviews")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "unique_fct_reviews_review_key" in result.stdout
    assert "ERROR=0" in result.stdout


def test_dbt_ls_lists_the_models_and_sources(project):
    project_dir, data, _ = project
    result = dbt(project_dir, data, "ls", "--resource-type", "model", "--resource-type", "source")
    assert result.returncode == 0, result.stdout[-4000:]
    listed = set(result.stdout.split())
    assert {"ruf.bi.reviews", "ruf.marts.fct_reviews", "source:ruf.lake.reviews"} <= listed


def test_dbt_docs_generate_documents_the_lake_sources_and_bi_views(project):
    project_dir, data, _ = project
    if not (data / "warehouse" / "ruf.duckdb").exists():
        assert dbt(project_dir, data, "build").returncode == 0
    result = dbt(project_dir, data, "docs", "generate")
    assert result.returncode == 0, result.stdout[-4000:]
    target = project_dir / "target"
    catalog = json.loads((target / "catalog.json").read_text())
    assert "score_100" in catalog["nodes"]["model.ruf.reputation"]["columns"]
    manifest = json.loads((target / "manifest.json").read_text())
    lake = manifest["sources"]["source.ruf.lake.reviews"]
    assert str(data / "lake" / "reviews") in lake["meta"]["external_location"]
