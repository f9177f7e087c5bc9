"""What the Airflow tasks call: thin over the pipeline layer (``pipeline.stages``).

Each function here is one task's work: it loads the settings from the
environment (and Airflow Variables, see ``ruf.airflow.settings``), calls a
pipeline function for the partition it is given, logs the progress events and
returns something small and JSON-serialisable for XCom. Tasks pass dates and
paths, never data.

The DAG files import this module at parse time, so it imports nothing heavy at
module level: the pipeline's stages are imported when a function runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from core.settings import ConfigError, Settings, load_settings
from pipeline.progress import Event, ModelFinished, StepFailed, StepFinished, StepStarted
from ruf.airflow.settings import ALERTS_CONN_ID, airflow_variable, task_settings

log = logging.getLogger(__name__)

RAW_URI = "ruf://raw"
LAKE_URI = "ruf://lake"
WAREHOUSE_URI = "ruf://warehouse"
SHARDS_VARIABLE = "ruf_shards"
DEFAULT_SHARDS = 2
DEMO_RETRY_DELAY_SECONDS = 5


class CrawlFailed(RuntimeError):
    """A shard's crawl did not complete; the task fails and Airflow retries it."""


# --- settings and knobs --------------------------------------------------------


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def task_defaults(on_failure_callback: Any = None) -> dict[str, Any]:
    """``default_args`` every ruf DAG shares: retries with exponential backoff, a timeout.

    ``RUF_RETRIES`` and ``RUF_RETRY_DELAY_SECONDS`` tune them per deployment
    (the tests shorten the delay); they are read when the DAG file is parsed. In
    demo mode (``RUF_DEMO=1``) a retry waits seconds, not minutes: the offline
    portals answer 429/503 on purpose, and nobody wants to watch a 5-minute wait.
    """
    demo = load_settings().demo
    delay = _env_int("RUF_RETRY_DELAY_SECONDS", DEMO_RETRY_DELAY_SECONDS if demo else 300)
    args: dict[str, Any] = {
        "owner": "ruf",
        "retries": _env_int("RUF_RETRIES", 2),
        "retry_delay": timedelta(seconds=delay),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(seconds=delay * 4) if demo else timedelta(hours=1),
        "execution_timeout": timedelta(hours=_env_int("RUF_TASK_TIMEOUT_HOURS", 6)),
    }
    if on_failure_callback is not None:
        args["on_failure_callback"] = on_failure_callback
    return args


def warehouse_queue() -> str:
    """The executor queue of the warehouse tasks: the one worker with the warehouse disk."""
    return os.environ.get("RUF_WAREHOUSE_QUEUE") or "default"


def portal_names(settings: Settings | None = None) -> list[str]:
    """The portals in ``config/portals.yaml`` (config, not data: safe at parse time)."""
    from core.config import load_portals

    settings = settings or load_settings()
    return list(load_portals(settings.portals_file))


def portal_pools(settings: Settings | None = None) -> dict[str, int]:
    """``portal_<name>`` -> slots: one Airflow pool per portal, sized by its politeness."""
    from core.config import load_portals

    settings = settings or load_settings()
    return {
        pool_name(p.name): max(1, p.concurrency)
        for p in load_portals(settings.portals_file).values()
    }


def pool_definitions(settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """The pools as ``airflow pools import`` reads them (see scripts/airflow.sh)."""
    return {
        name: {
            "slots": slots,
            "description": f"ruf: requests in flight to portal {name.removeprefix('portal_')} "
            "(its politeness concurrency in config/portals.yaml)",
            "include_deferred": False,
        }
        for name, slots in portal_pools(settings).items()
    }


def pool_name(portal: str) -> str:
    return f"portal_{portal}"


def shard_count() -> int:
    """How many shards each portal's company list is split into for one night."""
    raw = os.environ.get("RUF_SHARDS") or airflow_variable(SHARDS_VARIABLE) or ""
    try:
        n = int(raw) if raw else DEFAULT_SHARDS
    except ValueError:
        raise ConfigError(f"RUF_SHARDS must be a whole number, not {raw!r}") from None
    if n < 1:
        raise ConfigError(f"RUF_SHARDS must be at least 1, not {n}")
    return n


def shard_plan(n: int | None = None) -> list[list[int]]:
    """``[[k, n], ...]``: the shards one portal's crawl is mapped over."""
    n = shard_count() if n is None else n
    return [[k, n] for k in range(n)]


def run_date_of(value: date | datetime | str) -> date:
    """The partition date of a logical date / data interval start / run_after."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def run_date_for(dag_run: Any) -> date:
    """The partition a DAG run works on: its data interval start (a scheduled run or a
    backfill), else its logical date, else, for a manual run that has none (Airflow 3:
    ``airflow dags trigger`` without ``--logical-date``), the moment it was triggered
    (``run_after``)."""
    for name in ("data_interval_start", "logical_date", "run_after"):
        value = getattr(dag_run, name, None)
        if value is not None:
            return run_date_of(value)
    raise ConfigError(f"the DAG run {getattr(dag_run, 'run_id', '?')} has no date at all")


def log_progress(event: Event) -> None:
    """The pipeline's progress events, as lines of the task log."""
    if isinstance(event, StepStarted):
        log.info("%s ...", event.step)
    elif isinstance(event, StepFinished):
        log.info("%s done in %.1fs: %s", event.step, event.seconds, event.summary or "")
    elif isinstance(event, StepFailed):
        log.error("%s failed after %.1fs: %s", event.step, event.seconds, event.error)
    elif isinstance(event, ModelFinished):
        # Every model and test, so the task log shows what a model-per-task graph would.
        log.info("dbt %s: %s", event.node, event.status)


# --- ingest -------------------------------------------------------------------


def validate_config() -> None:
    """Fail the run, before any crawl, on the first problem of the two config files."""
    from pipeline.config_check import require_valid_config

    require_valid_config(task_settings())


def crawl_shard(
    portal: str, shard: Iterable[int], run_date: date, *, replay: bool = False
) -> dict[str, Any]:
    """Crawl one shard of one portal's companies into the raw partition of ``run_date``.

    Re-running it rewrites the same raw file (``items-s<k>of<n>.jsonl``), so a
    retry or a backfill overwrites rather than appends; ``replay`` re-parses the
    archived responses of ``run_date`` instead of fetching. Raises ``CrawlFailed``
    when the crawl report is not ok, so Airflow retries with backoff.
    """
    from pipeline import stages

    k, n = (int(x) for x in shard)
    done = {"portal": portal, "shard": [k, n], "run_date": run_date.isoformat()}
    if replay and k != 0:
        # A replay re-parses every archived shard of the portal at once (the
        # archive may have been written with another shard count): shard 0 does it.
        log.info("replay of %s for %s is done by shard 0", portal, run_date)
        return {**done, "summary": "replayed by shard 0"}
    fast = os.environ.get("RUF_CRAWL_FAST", "") not in ("", "0", "false", "no")
    report = stages.crawl(
        task_settings(),
        run_date=run_date,
        portals=[portal],
        shard=(k, n),
        replay=run_date.isoformat() if replay else None,
        fast=fast,
        progress=log_progress,
    )
    summary = report.summary()
    if not report.ok:
        raise CrawlFailed(f"crawl of {portal} shard {k}/{n} for {run_date} failed: {summary}")
    return {**done, "summary": summary}


def raw_event_extra(run_date: date, crawled: list[Mapping[str, Any]]) -> dict[str, Any]:
    """What the raw Asset event carries: the partition, and which shards made it."""
    return {
        "run_date": run_date.isoformat(),
        "shards": sorted(
            f"{c['portal']}:{c['shard'][0]}/{c['shard'][1]}" for c in crawled if c is not None
        ),
    }


# --- transform ------------------------------------------------------------------


def run_dates_from_events(
    events: Iterable[Any], fallback: date | datetime | str | None
) -> list[date]:
    """The raw partitions an asset-triggered transform run must process.

    Several ingest runs (a backfill) may be folded into one transform run, so
    every triggering event's ``run_date`` counts. With no event (a manual run)
    ``fallback``, the run's own date (``run_date_for``), is the partition.
    """
    dates = set()
    for event in events:
        extra = getattr(event, "extra", None) or {}
        if extra.get("run_date"):
            dates.add(run_date_of(extra["run_date"]))
    if not dates and fallback is not None:
        dates.add(run_date_of(fallback))
    if not dates:
        raise ConfigError(
            "no raw partition to transform: the run has no raw asset event with a run_date "
            "and no date of its own"
        )
    return sorted(dates)


def transform_partitions(run_dates: Iterable[date]) -> list[str]:
    """Transform (and validate, inside the transform) each raw partition, oldest first.

    A failed validation raises from the transform; the task fails with that
    reason in its log and nothing half-written reaches the lake.
    """
    from pipeline import stages

    settings = task_settings()
    settings.require_pseudonym_key()
    summaries = []
    for run_date in sorted(set(run_dates)):
        report = stages.transform(settings, run_date=run_date, progress=log_progress)
        summaries.append(f"{run_date}: {report.summary()}")
    return summaries


# --- warehouse ------------------------------------------------------------------


def build_warehouse() -> str:
    """Run the dbt build and publish the warehouse (one writer: see the DAG)."""
    from pipeline import stages

    return stages.build(task_settings(), progress=log_progress).summary()


def raise_alerts(conn_id: str = ALERTS_CONN_ID) -> dict[str, Any]:
    """Send the alerts in ``bi.alerts`` that were not sent before; return what happened."""
    from pipeline.alerts import describe, send_new_alerts
    from ruf.airflow.notify import channel_for

    sent = send_new_alerts(task_settings(), channel=channel_for(conn_id))
    for record in sent.new:
        log.warning("ruf alert via %s: %s", sent.channel, describe(record))
    log.info(
        "alerts: %d in bi.alerts, %d new, sent via %s", sent.alerts, len(sent.new), sent.channel
    )
    return sent.summary()


# --- report ---------------------------------------------------------------------


def write_docs() -> str:
    """dbt's static docs of the published warehouse, under the reports directory."""
    from pipeline import stages

    return str(stages.docs(task_settings(), progress=log_progress))


def write_report() -> str:
    """The HTML report from the published warehouse (linking the dbt docs if written)."""
    from pipeline import stages

    return str(stages.report(task_settings(), progress=log_progress))
