"""What the Airflow tasks call: the stage entry points, wrapped as the CLI wraps them.

Each function here is one task's work: it loads the settings from the
environment (and the pseudonym key from an Airflow Variable if the environment
has none), calls a stage entry point (``spiders.run.crawl``,
``transforms.run.transform``, ``warehouse.build.build``) for the partition it
is given, logs the stage's one-line summary and returns something small and
JSON-serialisable for XCom. Tasks pass dates and paths, never data.

The DAG files import this module at parse time, so it imports nothing heavy at
module level: the stages are imported inside the functions.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from core.settings import ConfigError, Settings, load_settings

log = logging.getLogger(__name__)

RAW_URI = "ruf://raw"
LAKE_URI = "ruf://lake"
WAREHOUSE_URI = "ruf://warehouse"
ALERTS_CONN_ID = "ruf_alerts"
PSEUDONYM_KEY_VARIABLE = "ruf_pseudonym_key"
SHARDS_VARIABLE = "ruf_shards"
DEFAULT_SHARDS = 2


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
    (the tests shorten the delay); they are read when the DAG file is parsed.
    """
    delay = _env_int("RUF_RETRY_DELAY_SECONDS", 300)
    args: dict[str, Any] = {
        "owner": "ruf",
        "retries": _env_int("RUF_RETRIES", 2),
        "retry_delay": timedelta(seconds=delay),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(hours=1),
        "execution_timeout": timedelta(hours=_env_int("RUF_TASK_TIMEOUT_HOURS", 6)),
    }
    if on_failure_callback is not None:
        args["on_failure_callback"] = on_failure_callback
    return args


def warehouse_queue() -> str:
    """The executor queue of the warehouse tasks: the one worker with the warehouse disk."""
    return os.environ.get("RUF_WAREHOUSE_QUEUE") or "default"


def _airflow_variable(key: str) -> str | None:
    """An Airflow Variable (or secrets-backend value), or None outside Airflow."""
    try:
        from airflow.sdk import Variable

        value = Variable.get(key, default=None)
    except Exception:  # not inside a task, or no metadata DB: the environment decides
        return None
    return None if value in (None, "") else str(value)


def task_settings() -> Settings:
    """Settings for a task: the environment, plus the pseudonym key from a Variable.

    The key never lives in the repo or the DAG files: set ``RUF_PSEUDONYM_KEY``
    in the workers' environment, or the Variable ``ruf_pseudonym_key`` (which a
    secrets backend such as Vault or AWS Secrets Manager can serve).
    """
    env = dict(os.environ)
    if not env.get("RUF_PSEUDONYM_KEY"):
        key = _airflow_variable(PSEUDONYM_KEY_VARIABLE)
        if key:
            env["RUF_PSEUDONYM_KEY"] = key
    return load_settings(env)


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
    raw = os.environ.get("RUF_SHARDS") or _airflow_variable(SHARDS_VARIABLE) or ""
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
    """The partition date of a logical date / data interval start (never today)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- ingest -------------------------------------------------------------------


def crawl_shard(
    portal: str, shard: Iterable[int], run_date: date, *, replay: bool = False
) -> dict[str, Any]:
    """Crawl one shard of one portal's companies into the raw partition of ``run_date``.

    Re-running it rewrites the same raw file (``items-s<k>of<n>.jsonl``), so a
    retry or a backfill overwrites rather than appends; ``replay`` re-parses the
    archived responses of ``run_date`` instead of fetching. Raises ``CrawlFailed``
    when the crawl report is not ok, so Airflow retries with backoff.
    """
    from spiders.run import crawl

    k, n = (int(x) for x in shard)
    done = {"portal": portal, "shard": [k, n], "run_date": run_date.isoformat()}
    if replay and k != 0:
        # A replay re-parses every archived shard of the portal at once (the
        # archive may have been written with another shard count): shard 0 does it.
        log.info("replay of %s for %s is done by shard 0", portal, run_date)
        return {**done, "summary": "replayed by shard 0"}
    settings = task_settings()
    fast = os.environ.get("RUF_CRAWL_FAST", "") not in ("", "0", "false", "no")
    report = crawl(
        settings,
        run_date=run_date,
        portals=[portal],
        shard=(k, n),
        replay=run_date.isoformat() if replay else None,
        fast=fast,
    )
    summary = report.summary()
    log.info("crawl %s shard %d/%d for %s: %s", portal, k, n, run_date, summary)
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
    every triggering event's ``run_date`` counts. With no event (a manual or
    ``dag.test()`` run) the run's logical date is the partition.
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
            "and no logical date (trigger it with a logical date)"
        )
    return sorted(dates)


def transform_partitions(run_dates: Iterable[date]) -> list[str]:
    """Transform (and validate, inside the transform) each raw partition, oldest first.

    A failed validation raises from ``transforms.run.transform``; the task fails
    with that reason in its log and nothing half-written reaches the lake.
    """
    from transforms.run import transform

    settings = task_settings()
    settings.require_pseudonym_key()
    summaries = []
    for run_date in sorted(set(run_dates)):
        report = transform(settings, run_date=run_date)
        summary = report.summary()
        log.info("transform %s: %s", run_date, summary)
        summaries.append(f"{run_date}: {summary}")
    return summaries


# --- warehouse ------------------------------------------------------------------


def _model_done(name: str, status: str) -> None:
    log.info("dbt %s: %s", name, status)


def build_warehouse() -> str:
    """Run the dbt build and publish the warehouse (one writer: see the DAG).

    Every model's and test's result is logged as it finishes, so the task log
    shows what a model-per-task graph would show.
    """
    from warehouse.build import build

    settings = task_settings()
    report = build(settings, progress=_model_done)
    summary = report.summary()
    log.info("build: %s", summary)
    return summary


def raise_alerts(conn_id: str = ALERTS_CONN_ID) -> dict[str, Any]:
    """Send the alerts in ``bi.alerts`` that were not sent before; return what happened."""
    from ruf.airflow.notify import send_new_alerts

    return send_new_alerts(task_settings(), conn_id=conn_id)
