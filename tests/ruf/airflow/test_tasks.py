"""The small functions the tasks call: which partitions, which shards, which pools."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.settings import ConfigError
from ruf.airflow.tasks import (
    pool_definitions,
    raw_event_extra,
    run_date_for,
    run_dates_from_events,
    shard_plan,
    task_defaults,
)

pytestmark = pytest.mark.xdist_group("airflow")


def _raw_event(extra: dict):
    """A triggering raw event as the Task SDK hands it to ``ruf_transform``."""
    from airflow.sdk.execution_time.comms import AssetEventDagRunReferenceResult
    from airflow.sdk.execution_time.context import TriggeringAssetEventsAccessor

    event = AssetEventDagRunReferenceResult(
        asset={"name": "ruf://raw", "uri": "ruf://raw/", "extra": {}},
        extra=extra,
        source_task_id="publish_raw",
        source_dag_id="ruf_ingest",
        source_run_id="backfill__2026-10-01",
        source_map_index=-1,
        source_aliases=[],
        timestamp=datetime(2026, 10, 2, tzinfo=UTC),
    )
    return TriggeringAssetEventsAccessor.build([event])


def test_transform_takes_every_run_date_of_its_triggering_raw_events():
    from airflow.sdk import Asset

    raw = Asset("ruf://raw")
    events = [
        *_raw_event(raw_event_extra(date(2026, 10, 2), []))[raw],
        *_raw_event({"run_date": "2026-10-01", "shards": []})[raw],
        *_raw_event({"run_date": "2026-10-02"})[raw],
    ]
    # A backfill folds several ingest runs into one transform run: each day once.
    assert run_dates_from_events(events, fallback=datetime(2026, 10, 9, tzinfo=UTC)) == [
        date(2026, 10, 1),
        date(2026, 10, 2),
    ]


def test_without_raw_events_the_logical_date_is_the_partition():
    assert run_dates_from_events([], fallback=datetime(2026, 10, 9, 0, 0, tzinfo=UTC)) == [
        date(2026, 10, 9)
    ]
    with pytest.raises(ConfigError, match="no raw partition"):
        run_dates_from_events([], fallback=None)


def test_raw_event_names_the_shards_that_were_crawled():
    crawled = [
        {"portal": "forum", "shard": [1, 2]},
        None,  # a shard whose task failed has no result
        {"portal": "booking", "shard": [0, 2]},
    ]
    assert raw_event_extra(date(2026, 10, 2), crawled) == {
        "run_date": "2026-10-02",
        "shards": ["booking:0/2", "forum:1/2"],
    }


def test_shards_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("RUF_SHARDS", "3")
    assert shard_plan() == [[0, 3], [1, 3], [2, 3]]
    monkeypatch.setenv("RUF_SHARDS", "0")
    with pytest.raises(ConfigError, match="at least 1"):
        shard_plan()


def test_pools_follow_the_portals_politeness(tmp_path, monkeypatch):
    portals = tmp_path / "portals.yaml"
    portals.write_text(
        "portals:\n"
        "  slowpoke: {family: forum, politeness: {concurrency: 1, delay_seconds: 2}}\n"
        "  roomy: {family: trustpilot, politeness: {concurrency: 4, delay_seconds: 0.2}}\n"
    )
    monkeypatch.setenv("RUF_PORTALS", str(portals))
    pools = pool_definitions()
    assert {name: p["slots"] for name, p in pools.items()} == {
        "portal_slowpoke": 1,
        "portal_roomy": 4,
    }


class _Run:
    """The date fields of a DAG run as the Task SDK hands it to a task."""

    def __init__(self, data_interval_start=None, logical_date=None, run_after=None):
        self.run_id = "manual__x"
        self.data_interval_start = data_interval_start
        self.logical_date = logical_date
        self.run_after = run_after


def test_a_manual_run_without_a_logical_date_takes_the_day_it_was_triggered():
    triggered = datetime(2026, 10, 16, 5, 30, tzinfo=UTC)
    assert run_date_for(_Run(run_after=triggered)) == date(2026, 10, 16)
    # A scheduled run or a backfill: its data interval, whenever it actually runs.
    scheduled = _Run(data_interval_start=datetime(2026, 10, 15, tzinfo=UTC), run_after=triggered)
    assert run_date_for(scheduled) == date(2026, 10, 15)
    logical = _Run(logical_date=datetime(2026, 10, 14, tzinfo=UTC), run_after=triggered)
    assert run_date_for(logical) == date(2026, 10, 14)


def test_in_demo_mode_a_retry_waits_seconds(monkeypatch):
    monkeypatch.delenv("RUF_RETRY_DELAY_SECONDS", raising=False)
    monkeypatch.delenv("RUF_DEMO", raising=False)
    assert task_defaults()["retry_delay"] == timedelta(minutes=5)
    monkeypatch.setenv("RUF_DEMO", "1")
    demo = task_defaults()
    assert demo["retry_delay"] <= timedelta(seconds=10)
    assert demo["max_retry_delay"] <= timedelta(minutes=1)
    monkeypatch.setenv("RUF_RETRY_DELAY_SECONDS", "42")  # an explicit setting still wins
    assert task_defaults()["retry_delay"] == timedelta(seconds=42)
