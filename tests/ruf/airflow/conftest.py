"""The Airflow adapters' tests run against a private Airflow (see airflow_env.py)."""

from tests.ruf.airflow.airflow_env import airflow_db, dagbag

__all__ = ["airflow_db", "dagbag"]
