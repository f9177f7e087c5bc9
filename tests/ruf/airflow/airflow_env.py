"""Airflow for the tests: a private AIRFLOW_HOME with a sqlite metadata DB.

Airflow reads its configuration when it is first imported, so the environment
is set when this module is imported, by the conftest of each test folder that
uses Airflow (tests/dags, tests/ruf/airflow), before any test imports
``airflow``. The DB is migrated once per session; the per-portal pools are
created the way ``scripts/airflow.sh`` creates them (from ``config/portals.yaml``).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

if "RUF_TEST_AIRFLOW_HOME" not in os.environ:
    _home = tempfile.mkdtemp(prefix="ruf-airflow-home-")
    atexit.register(shutil.rmtree, _home, ignore_errors=True)
    os.environ["RUF_TEST_AIRFLOW_HOME"] = _home
    os.environ["AIRFLOW_HOME"] = _home
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(REPO / "dags")
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"] = "True"
    # Retries must happen within the test, not five minutes later.
    os.environ["RUF_RETRY_DELAY_SECONDS"] = "1"
    os.environ["RUF_RETRIES"] = "1"


@pytest.fixture(scope="session")
def airflow_db() -> Path:
    """A migrated metadata DB with the portal pools; its AIRFLOW_HOME."""
    from airflow.models.pool import Pool
    from airflow.utils import db

    from ruf.airflow.tasks import pool_definitions

    db.resetdb(skip_init=False)
    for name, pool in pool_definitions().items():
        Pool.create_or_update_pool(
            name,
            slots=pool["slots"],
            description=pool["description"],
            include_deferred=pool["include_deferred"],
        )
    return Path(os.environ["AIRFLOW_HOME"])


@pytest.fixture(scope="session")
def dagbag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))
