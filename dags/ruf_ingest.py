"""
### ruf_ingest: crawl every portal for the day

Once a day (UTC) the tracked companies are crawled on every portal in
`config/portals.yaml`. Each portal's company list is split into shards
(`RUF_SHARDS`, default 2, or the Variable `ruf_shards`) and the crawl is
mapped over them: one task instance per (portal, shard).

Politeness: the crawl tasks of a portal run in the Airflow pool
`portal_<name>`, whose slots are the portal's `politeness.concurrency`; each
task holds all of them (its crawler keeps that many requests in flight), so
across every worker, DAG run and backfill at most one crawler talks to a
portal at a time. Pools are created by `scripts/airflow.sh`
(`airflow pools set portal_<name> <slots> ...`).

Each task writes the raw partition of the run's date
(`raw/<portal>/<data_interval_start>/items-s<k>of<n>.jsonl`; a manual run
without a logical date, `airflow dags trigger ruf_ingest`, uses the day it was
triggered, its `run_after`), replacing it on
a retry or backfill (`airflow backfill create --dag-id ruf_ingest --from-date
... --to-date ... --reprocess-behavior completed`; add
`--dag-run-conf '{"replay": true}'` to re-parse the archived responses of
those days instead of crawling the portals again). When the crawls are done the Asset `ruf://raw` is
updated with `{"run_date": ...}`, which schedules `ruf_transform`. A portal
that stays down fails its tasks (and alerts); the others are still published,
and `all_portals_crawled` marks the run failed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from airflow.sdk import Asset, Param, dag, task

from ruf.airflow.notify import RufAlertNotifier
from ruf.airflow.tasks import RAW_URI, pool_name, portal_names, portal_pools, task_defaults

RAW = Asset(RAW_URI)
POOL_SLOTS = portal_pools()
REPLAY_HELP = "re-parse the archived responses of the run date instead of crawling (backfills)"


@dag(
    dag_id="ruf_ingest",
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=UTC),
    catchup=False,
    tags=["ruf", "ingest"],
    default_args=task_defaults(on_failure_callback=[RufAlertNotifier()]),
    doc_md=__doc__,
    max_active_runs=4,
    params={"replay": Param(False, type="boolean", description=REPLAY_HELP)},
)
def ruf_ingest():
    @task
    def plan_shards() -> list[list[int]]:
        """Checks the config (`ruf config check`), then splits each portal's companies."""
        from ruf.airflow.tasks import shard_plan, validate_config

        validate_config()
        return shard_plan()

    @task
    def crawl(portal: str, shard: list[int], dag_run=None, params=None) -> dict:
        from ruf.airflow.tasks import crawl_shard, run_date_for

        return crawl_shard(portal, shard, run_date_for(dag_run), replay=bool(params["replay"]))

    @task(outlets=[RAW], trigger_rule="all_done")
    def publish_raw(crawl_task_ids: list[str], ti=None, dag_run=None, outlet_events=None):
        from ruf.airflow.tasks import raw_event_extra, run_date_for

        crawled = [c for c in ti.xcom_pull(task_ids=crawl_task_ids) if c]
        if not crawled:
            raise RuntimeError("no shard of any portal was crawled: nothing to publish")
        extra = raw_event_extra(run_date_for(dag_run), crawled)
        outlet_events[RAW].extra = extra
        return extra

    @task
    def all_portals_crawled() -> None:
        """Fails (upstream_failed) when any crawl failed, so the run shows it."""

    shards = plan_shards()
    # `pool` cannot be mapped in Airflow, so the (portal, shard) pairs are one
    # mapped task per portal (its own pool), each expanded over the shards.
    crawls = [
        crawl.override(
            task_id=f"crawl_{portal}",
            pool=pool_name(portal),
            pool_slots=POOL_SLOTS[pool_name(portal)],
        )
        .partial(portal=portal)
        .expand(shard=shards)
        for portal in portal_names()
    ]
    published = publish_raw([f"crawl_{portal}" for portal in portal_names()])
    crawls >> published
    crawls >> all_portals_crawled()


ruf_ingest()
