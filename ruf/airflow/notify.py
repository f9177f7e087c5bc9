"""The alert channel from an Airflow connection, and the notifier for failed tasks.

The delivery itself (webhook, mail, audit trail, sent-ledger) is
``pipeline.alerts``; this module only turns the Airflow connection
``ruf_alerts`` (from the metadata DB, a secrets backend, or
``AIRFLOW_CONN_RUF_ALERTS``) into a channel:

- ``smtp://user:password@host:port?to=a@example.org,b@example.org&from=ruf@example.org``
  (extras ``starttls``/``ssl`` = true for TLS) sends one e-mail per batch;
- ``http://`` or ``https://host/path`` (or the extra ``url``) POSTs the records as JSON.

With no connection the records only go to ``data/reports/alerts.jsonl`` and
the task log, so nothing is lost on a laptop.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from airflow.sdk import BaseNotifier

from pipeline.alerts import (
    Channel,
    DeliveryError,
    Mail,
    Webhook,
    deliver,
    describe,
    jsonable,
    now_utc,
)
from ruf.airflow.settings import ALERTS_CONN_ID, task_settings

log = logging.getLogger(__name__)


def _connection(conn_id: str) -> Any | None:
    """The Airflow connection, or None when it is not configured anywhere."""
    from airflow.sdk import BaseHook

    try:
        return BaseHook.get_connection(conn_id)
    except Exception as exc:  # AirflowNotFoundException, or no Airflow around at all
        log.debug("no connection %s: %s", conn_id, exc)
        return None


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


def _webhook_url(conn: Any) -> str:
    extra = conn.extra_dejson or {}
    if extra.get("url"):
        return str(extra["url"])
    scheme = "https" if conn.conn_type == "https" else "http"
    port = f":{conn.port}" if conn.port else ""
    path = (conn.schema or "").lstrip("/")
    return f"{scheme}://{conn.host}{port}/{path}"


def _mail(conn: Any, conn_id: str) -> Mail:
    extra = conn.extra_dejson or {}
    to = tuple(a.strip() for a in str(extra.get("to", "")).split(",") if a.strip())
    if not to:
        raise DeliveryError(f"smtp connection {conn_id} needs ?to=address[,address] in its extras")
    return Mail(
        host=conn.host,
        port=conn.port or 25,
        to=to,
        sender=extra.get("from") or conn.login or "ruf@localhost",
        login=conn.login or None,
        password=conn.password or None,
        ssl=_truthy(extra.get("ssl")),
        starttls=_truthy(extra.get("starttls")),
    )


def channel_for(conn_id: str = ALERTS_CONN_ID) -> Channel | None:
    """The channel the connection ``conn_id`` names; None when there is no connection."""
    conn = _connection(conn_id)
    if conn is None:
        return None
    if conn.conn_type in ("http", "https"):
        return Webhook(_webhook_url(conn))
    if conn.conn_type in ("smtp", "smtps", "email"):
        return _mail(conn, conn_id)
    raise DeliveryError(
        f"connection {conn_id} has type {conn.conn_type!r}: use smtp:// or http(s)://"
    )


def failure_record(context: Mapping[str, Any]) -> dict[str, Any]:
    """A failed task as an alert record: which task, which try, which run, why."""
    ti = context.get("ti") or context.get("task_instance")
    dag_run = context.get("dag_run")
    error = context.get("exception")
    logical = context.get("logical_date")
    return {
        "type": "task_failed",
        "at": now_utc(),
        "dag_id": getattr(ti, "dag_id", None),
        "task_id": getattr(ti, "task_id", None),
        "map_index": getattr(ti, "map_index", -1),
        "try_number": getattr(ti, "try_number", None),
        "run_id": getattr(dag_run, "run_id", None) or getattr(ti, "run_id", None),
        "logical_date": jsonable(logical),
        "error": f"{type(error).__name__}: {error}" if error is not None else None,
    }


class RufAlertNotifier(BaseNotifier):
    """``on_failure_callback`` for every ruf task: the failure goes where alerts go."""

    template_fields = ("conn_id",)

    def __init__(self, conn_id: str = ALERTS_CONN_ID) -> None:
        super().__init__()
        self.conn_id = conn_id

    def notify(self, context: Any) -> None:
        record = failure_record(context)
        channel = deliver([record], settings=task_settings(), channel=channel_for(self.conn_id))
        log.warning("ruf alert via %s: %s", channel, describe(record))
