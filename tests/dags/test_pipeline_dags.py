"""The three DAGs, run with ``dag.test()`` against the offline portals on 127.0.0.1.

One night end to end (crawl -> raw -> transform -> lake -> dbt -> warehouse ->
alerts), the same night again as a backfill replays it (nothing grows:
partitions are overwritten), and a portal that is down (the task retries, then
the failure is alerted).
"""

from __future__ import annotations

import json
import socket
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
import yaml

from core.settings import load_settings
from offline_portals.server import Faults, running
from offline_portals.world import World, companies_config
from ruf.airflow.tasks import portal_names

pytestmark = [pytest.mark.xdist_group("airflow"), pytest.mark.slow]

RUN_DATE = date(2026, 10, 15)
LOGICAL_DATE = datetime(2026, 10, 15, tzinfo=UTC)
BI_VIEWS = ("companies", "portals", "reviews", "mentions", "reputation", "alerts")


def _world() -> World:
    # The stories end the day before the night we crawl, so nothing is "future".
    return World(companies=8, reviews_per_company=30, anchor=RUN_DATE - timedelta(days=1))


def _companies_file(world: World, path: Path) -> Path:
    path.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def night(airflow_db, tmp_path_factory):
    """Environment of one ruf deployment: data root, companies, live offline portals."""
    data = tmp_path_factory.mktemp("ruf-data")
    world = _world()
    companies = _companies_file(world, data / "companies.yaml")
    with (
        running(world, faults=Faults(rate_429=0, rate_503=0)) as server,
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.setenv("RUF_DATA_DIR", str(data))
        mp.setenv("RUF_COMPANIES", str(companies))
        mp.setenv("RUF_PORTALS_URL", server.url)
        mp.setenv("RUF_PSEUDONYM_KEY", "dag-test-key")
        mp.setenv("RUF_SHARDS", "2")
        mp.setenv("RUF_CRAWL_FAST", "1")
        mp.delenv("RUF_RAW_URL", raising=False)
        mp.delenv("RUF_LAKE_URL", raising=False)
        mp.delenv("AIRFLOW_CONN_RUF_ALERTS", raising=False)
        yield load_settings(), world


def _run(dagbag, dag_id: str, **kwargs):
    dr = dagbag.get_dag(dag_id).test(logical_date=LOGICAL_DATE, **kwargs)
    return dr


def _task_states(dr) -> dict[tuple[str, int], str]:
    from airflow.utils.session import create_session

    with create_session() as session:
        return {
            (ti.task_id, ti.map_index): str(ti.state)
            for ti in dr.get_task_instances(session=session)
        }


def _files(root: Path) -> dict[str, int]:
    """Data files under ``root`` (relative path -> size); hidden temp files excluded."""
    return {
        str(p.relative_to(root)): p.stat().st_size
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def _counts(settings) -> dict[str, int]:
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return {v: con.execute(f"select count(*) from bi.{v}").fetchone()[0] for v in BI_VIEWS}
    finally:
        con.close()


def _raw_event_extras() -> list[dict]:
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        rows = session.scalars(
            select(AssetEvent)
            .join(AssetModel, AssetModel.id == AssetEvent.asset_id)
            .where(AssetModel.name == "ruf://raw")
        ).all()
        return [dict(e.extra or {}) for e in rows]


def _audit(settings) -> list[dict]:
    path = settings.reports_dir / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_one_night_end_to_end_and_the_same_night_again(dagbag, night):
    settings, world = night

    ingest = _run(dagbag, "ruf_ingest")
    states = _task_states(ingest)
    assert str(ingest.state) == "success", states
    crawled = {k for k, s in states.items() if k[0].startswith("crawl_")}
    assert crawled == {(f"crawl_{p}", i) for p in portal_names() for i in (0, 1)}
    raw = Path(settings.raw_url)
    written = {p.relative_to(raw).as_posix() for p in raw.glob(f"*/{RUN_DATE}/items-*.jsonl")}
    # Each shard writes its own file in the partition of the logical date (a
    # shard with none of a portal's companies has nothing to write).
    assert {w.split("/")[0] for w in written} == set(portal_names())
    assert {w.rsplit("/", 1)[1] for w in written} == {"items-s0of2.jsonl", "items-s1of2.jsonl"}
    # The raw Asset event names the partition ruf_transform must process.
    assert {"run_date": RUN_DATE.isoformat()}.items() <= _raw_event_extras()[-1].items()

    transform = _run(dagbag, "ruf_transform")
    assert str(transform.state) == "success", _task_states(transform)
    warehouse = _run(dagbag, "ruf_warehouse")
    assert str(warehouse.state) == "success", _task_states(warehouse)

    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        scored = {
            r[0]
            for r in con.execute(
                "select company_id from bi.reputation where portal = 'all' and review_count > 0"
            ).fetchall()
        }
        alert_ids = {r[0] for r in con.execute("select alert_id from bi.alerts").fetchall()}
    finally:
        con.close()
    assert scored == {c.company_id for c in world.companies()}
    sent = [r for r in _audit(settings) if r["type"] == "alert"]
    assert sorted(r["alert_id"] for r in sent) == sorted(alert_ids)

    counts, raw_files, lake_files = _counts(settings), _files(raw), _files(Path(settings.lake_url))
    assert counts["reviews"] > 0 and counts["reputation"] > 0

    # The same night again, as a backfill would run it: the ingest re-parses the
    # archived responses of that day (no network), the rest follows unchanged.
    again = _run(dagbag, "ruf_ingest", run_conf={"replay": True})
    assert str(again.state) == "success", _task_states(again)
    for dag_id in ("ruf_transform", "ruf_warehouse"):
        again = _run(dagbag, dag_id)
        assert str(again.state) == "success", _task_states(again)

    assert _counts(settings) == counts
    # Same files, not more: every task overwrote its partition.
    assert _files(raw) == raw_files
    assert len(_files(Path(settings.lake_url))) == len(lake_files)
    # Alerts already sent are not sent again.
    assert len([r for r in _audit(settings) if r["type"] == "alert"]) == len(sent)


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_portal_that_is_down_is_retried_then_alerted(dagbag, night, tmp_path, monkeypatch):
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from sqlalchemy import select

    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RUF_PORTALS_URL", f"http://127.0.0.1:{_dead_port()}")
    monkeypatch.setenv("RUF_SHARDS", "1")
    monkeypatch.setenv("RUF_CRAWL_RETRIES", "0")
    settings = load_settings()
    down_day = LOGICAL_DATE + timedelta(days=1)

    # Only the forum is crawled; the other portals' tasks are marked done.
    dr = dagbag.get_dag("ruf_ingest").test(
        logical_date=down_day, mark_success_pattern=r"crawl_(?!forum).*|publish_raw"
    )

    assert str(dr.state) == "failed"
    with create_session() as session:
        forum = session.scalars(
            select(TaskInstance).where(
                TaskInstance.dag_id == "ruf_ingest",
                TaskInstance.run_id == dr.run_id,
                TaskInstance.task_id == "crawl_forum",
            )
        ).one()
        assert str(forum.state) == "failed"
        assert forum.try_number == 2  # RUF_RETRIES=1: the first try, then one retry
    failures = [r for r in _audit(settings) if r["type"] == "task_failed"]
    assert [(r["task_id"], r["try_number"]) for r in failures] == [("crawl_forum", 2)]
    assert "forum" in failures[0]["error"]


def test_a_manual_run_without_a_logical_date_runs_for_the_day_it_was_triggered(
    dagbag, night, tmp_path, monkeypatch
):
    """``airflow dags trigger ruf_ingest`` without ``--logical-date``: Airflow 3 gives the
    run no logical date and no data interval, only ``run_after``."""
    settings, world = night
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    settings = load_settings()
    triggered = LOGICAL_DATE + timedelta(days=1, hours=7, minutes=12)
    day = triggered.date().isoformat()

    for dag_id in ("ruf_ingest", "ruf_transform", "ruf_warehouse", "ruf_report"):
        # conf as `airflow dags trigger` sends it: in one process, dag.test() keeps the
        # params of an earlier test(run_conf=...) on the DAG object otherwise.
        conf = {"replay": False} if dag_id == "ruf_ingest" else None
        dr = dagbag.get_dag(dag_id).test(run_after=triggered, logical_date=None, run_conf=conf)
        assert dr.logical_date is None
        assert str(dr.state) == "success", (dag_id, _task_states(dr))

    raw = Path(settings.raw_url)
    assert {p.parent.name for p in raw.glob("*/*/items-*.jsonl")} == {day}
    assert _raw_event_extras()[-1]["run_date"] == day
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        scored = con.execute(
            "select count(*) from bi.reputation where portal = 'all' and review_count > 0"
        ).fetchone()[0]
    finally:
        con.close()
    assert scored == len(list(world.companies()))
    # The report DAG wrote the dbt docs and the report that links them.
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="dbt-docs/index.html"' in index
    assert (settings.reports_dir / "dbt-docs" / "index.html").is_file()
