"""
### ruf_transform: raw partition -> validated Parquet lake

Scheduled on the Asset `ruf://raw`. Transforms the raw partition(s) named by
the triggering raw events (`extra.run_date`; a backfill may fold several into
one run), or the run's own date when there is no event (a manual run: its
logical date, or without one the day it was triggered, `run_after`).
Validation (Great Expectations) runs inside `transforms.run.transform`: a
failed batch fails the task with the reason in its log and leaves the lake as
it was. Partitions are rewritten, never appended, so a rerun is idempotent.
One run at a time (`max_active_runs=1`): runs of different days rewrite the
same `review_month` partitions. Emits `ruf://lake`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from airflow.sdk import Asset, dag, task

from ruf.airflow.notify import RufAlertNotifier
from ruf.airflow.tasks import LAKE_URI, RAW_URI, task_defaults

RAW = Asset(RAW_URI)
LAKE = Asset(LAKE_URI)


@dag(
    dag_id="ruf_transform",
    schedule=[RAW],
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    tags=["ruf", "transform"],
    default_args=task_defaults(on_failure_callback=[RufAlertNotifier()]),
    doc_md=__doc__,
    max_active_runs=1,
)
def ruf_transform():
    @task(outlets=[LAKE])
    def transform(triggering_asset_events=None, dag_run=None, outlet_events=None) -> list:
        from ruf.airflow.tasks import run_date_for, run_dates_from_events, transform_partitions

        try:
            events = list(triggering_asset_events[RAW])
        except KeyError:
            events = []
        run_dates = run_dates_from_events(events, fallback=run_date_for(dag_run))
        summaries = transform_partitions(run_dates)
        outlet_events[LAKE].extra = {"run_dates": [d.isoformat() for d in run_dates]}
        return summaries

    transform()


ruf_transform()
