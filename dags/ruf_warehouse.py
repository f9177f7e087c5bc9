"""
### ruf_warehouse: dbt build, publish, alerts

Scheduled on the Asset `ruf://lake`. `build` runs the dbt project through
`warehouse.build.build` (dbt's programmatic runner; every model's result goes
to this task's log) and publishes `warehouse/ruf.duckdb` atomically. It is the
warehouse's only writer: `max_active_runs=1`, and its tasks go to the queue
`RUF_WAREHOUSE_QUEUE` (default `default`), served by the one worker that holds
the warehouse's disk (see docs/deployment.md).

`raise_alerts` then sends the rows of `bi.alerts` that were not sent before
(sent-ledger `reports/alerts-sent.jsonl`) through the connection `ruf_alerts`
(smtp:// or http(s):// webhook); with none configured they go to
`reports/alerts.jsonl` and the task log. Failed tasks alert the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime

from airflow.sdk import Asset, dag, task

from ruf.airflow.notify import RufAlertNotifier
from ruf.airflow.tasks import (
    ALERTS_CONN_ID,
    LAKE_URI,
    WAREHOUSE_URI,
    task_defaults,
    warehouse_queue,
)

LAKE = Asset(LAKE_URI)
WAREHOUSE = Asset(WAREHOUSE_URI)


@dag(
    dag_id="ruf_warehouse",
    schedule=[LAKE],
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    tags=["ruf", "warehouse"],
    default_args={
        **task_defaults(on_failure_callback=[RufAlertNotifier()]),
        "queue": warehouse_queue(),
    },
    doc_md=__doc__,
    max_active_runs=1,
)
def ruf_warehouse():
    @task(outlets=[WAREHOUSE])
    def build() -> str:
        from ruf.airflow.tasks import build_warehouse

        return build_warehouse()

    @task
    def raise_alerts() -> dict:
        from ruf.airflow.tasks import raise_alerts

        return raise_alerts(ALERTS_CONN_ID)

    build() >> raise_alerts()


ruf_warehouse()
