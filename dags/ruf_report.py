"""
### ruf_report: the HTML report and the dbt docs, after every warehouse build

Scheduled on the Asset `ruf://warehouse` (emitted by `ruf_warehouse.build`).
`docs` writes dbt's static docs of the published warehouse into
`reports/dbt-docs/`; `report` then rewrites the HTML report under `reports/`
(league table, company pages, alerts), linking the docs. Both read the
published warehouse only, on the warehouse queue (`RUF_WAREHOUSE_QUEUE`). The
report is rewritten even when the docs fail (`all_done`); `all_published`
marks the run failed then, and the failure is alerted like any other.
"""

from __future__ import annotations

from datetime import UTC, datetime

from airflow.sdk import Asset, dag, task

from ruf.airflow.notify import RufAlertNotifier
from ruf.airflow.tasks import WAREHOUSE_URI, task_defaults, warehouse_queue

WAREHOUSE = Asset(WAREHOUSE_URI)


@dag(
    dag_id="ruf_report",
    schedule=[WAREHOUSE],
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    tags=["ruf", "report"],
    default_args={
        **task_defaults(on_failure_callback=[RufAlertNotifier()]),
        "queue": warehouse_queue(),
    },
    doc_md=__doc__,
    max_active_runs=1,
)
def ruf_report():
    @task
    def docs() -> str:
        from ruf.airflow.tasks import write_docs

        return write_docs()

    @task(trigger_rule="all_done")
    def report() -> str:
        from ruf.airflow.tasks import write_report

        return write_report()

    @task
    def all_published() -> None:
        """Fails (upstream_failed) when the docs or the report failed, so the run shows it."""

    written_docs = docs()
    written_report = report()
    written_docs >> written_report
    [written_docs, written_report] >> all_published()


ruf_report()
