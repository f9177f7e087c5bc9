"""Every DAG loads, and carries the fields an operator relies on."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from ruf.airflow.tasks import portal_names, portal_pools

pytestmark = pytest.mark.xdist_group("airflow")

DAG_IDS = {"ruf_ingest", "ruf_transform", "ruf_warehouse", "ruf_report"}


def test_every_dag_file_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == DAG_IDS


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_dag_has_schedule_utc_start_tags_retries_docs_and_no_catchup(dagbag, dag_id):
    dag = dagbag.get_dag(dag_id)
    assert dag.schedule is not None
    assert dag.start_date is not None and dag.start_date.utcoffset() == timedelta(0)
    assert dag.start_date.tzinfo is not None and dag.start_date.astimezone(UTC) == dag.start_date
    assert dag.catchup is False
    assert "ruf" in dag.tags
    assert dag.doc_md and dag_id in dag.doc_md
    for task in dag.tasks:
        assert task.retries >= 1, task.task_id
        assert task.retry_exponential_backoff > 1, task.task_id
        assert task.execution_timeout is not None, task.task_id
        assert task.on_failure_callback, task.task_id


def test_dags_chain_through_assets(dagbag):
    ingest, transform, warehouse, report = (
        dagbag.get_dag(d) for d in ("ruf_ingest", "ruf_transform", "ruf_warehouse", "ruf_report")
    )

    def produced(dag):
        return {a.name for t in dag.tasks for a in t.outlets}

    def consumed(dag):
        return {a.name for a in dag.timetable.asset_condition.objects}

    assert "ruf://raw" in produced(ingest)
    assert consumed(transform) == {"ruf://raw"}
    assert "ruf://lake" in produced(transform)
    assert consumed(warehouse) == {"ruf://lake"}
    assert "ruf://warehouse" in produced(warehouse)
    assert consumed(report) == {"ruf://warehouse"}
    assert ingest.schedule == "@daily"


def test_each_portal_crawls_in_its_own_pool_within_its_politeness(dagbag):
    ingest = dagbag.get_dag("ruf_ingest")
    pools = portal_pools()
    crawls = {t.task_id: t for t in ingest.tasks if t.task_id.startswith("crawl_")}
    assert set(crawls) == {f"crawl_{p}" for p in portal_names()}
    for portal in portal_names():
        task = crawls[f"crawl_{portal}"]
        assert task.pool == f"portal_{portal}"
        # A task holds at most the whole pool, or it could never be scheduled.
        assert 1 <= task.pool_slots <= pools[task.pool]
    other = {t.pool for t in ingest.tasks if not t.task_id.startswith("crawl_")}
    assert other == {"default_pool"}


def test_pools_exist_in_the_metadata_db(airflow_db):
    from airflow.models.pool import Pool

    slots = {p.pool: p.slots for p in Pool.get_pools()}
    for name, n in portal_pools().items():
        assert slots[name] == n


def test_transform_and_warehouse_have_one_writer(dagbag):
    assert dagbag.get_dag("ruf_transform").max_active_runs == 1
    assert dagbag.get_dag("ruf_warehouse").max_active_runs == 1


def test_the_report_tasks_run_where_the_warehouse_is(dagbag):
    report = dagbag.get_dag("ruf_report")
    queues = {t.task_id: t.queue for t in report.tasks}
    warehouse = {t.queue for t in dagbag.get_dag("ruf_warehouse").tasks}
    assert set(queues) == {"docs", "report", "all_published"}
    assert {queues["docs"], queues["report"]} == warehouse
