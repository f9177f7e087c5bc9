"""Settings inside an Airflow task: the environment, plus what Airflow Variables add.

The pseudonym key never lives in the repo or the DAG files: set
``RUF_PSEUDONYM_KEY`` in the workers' environment, or the Variable
``ruf_pseudonym_key`` (which a secrets backend such as Vault or AWS Secrets
Manager can serve).
"""

from __future__ import annotations

import os

from core.settings import Settings, load_settings

PSEUDONYM_KEY_VARIABLE = "ruf_pseudonym_key"
ALERTS_CONN_ID = "ruf_alerts"  # the Airflow connection alerts and failures go through


def airflow_variable(key: str) -> str | None:
    """An Airflow Variable (or secrets-backend value), or None outside Airflow."""
    try:
        from airflow.sdk import Variable

        value = Variable.get(key, default=None)
    except Exception:  # not inside a task, or no metadata DB: the environment decides
        return None
    return None if value in (None, "") else str(value)


def task_settings() -> Settings:
    """Settings for a task: the environment, plus the pseudonym key from a Variable."""
    env = dict(os.environ)
    if not env.get("RUF_PSEUDONYM_KEY"):
        key = airflow_variable(PSEUDONYM_KEY_VARIABLE)
        if key:
            env["RUF_PSEUDONYM_KEY"] = key
    return load_settings(env)
