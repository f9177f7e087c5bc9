"""Alert delivery: new reputation alerts and failed tasks, through one channel.

The channel is the Airflow connection ``ruf_alerts`` (from the metadata DB, a
secrets backend, or ``AIRFLOW_CONN_RUF_ALERTS``):

- ``smtp://user:password@host:port?to=a@example.org,b@example.org&from=ruf@example.org``
  (extras ``starttls``/``ssl`` = true for TLS) sends one e-mail per batch;
- ``http://`` or ``https://host/path`` POSTs ``{"source": "ruf", "records": [...]}``
  as JSON (a chat or incident webhook).

With no connection the records are appended to ``data/reports/alerts.jsonl``
and logged, so nothing is lost on a laptop. Every record, whatever the channel,
is also written to that file: it is the audit trail of what was sent.

Alert rows of ``bi.alerts`` are sent once: their ``alert_id`` goes into the
sent-ledger ``data/reports/alerts-sent.jsonl`` after delivery succeeded (a
failed delivery fails the task, which retries; at-least-once, never silent).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import smtplib
import urllib.request
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from airflow.sdk import BaseNotifier

from core.settings import Settings, load_settings

log = logging.getLogger(__name__)

ALERTS_FILE = "alerts.jsonl"
LEDGER_FILE = "alerts-sent.jsonl"
ALERT_COLUMNS = (
    "alert_id",
    "company_id",
    "company_name",
    "portals",
    "kind",
    "started_on",
    "ended_on",
    "severity",
    "evidence",
    "review_count",
)


class DeliveryError(RuntimeError):
    """The configured channel refused or could not be reached."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# --- the channel ----------------------------------------------------------------


def _connection(conn_id: str) -> Any | None:
    """The Airflow connection, or None when it is not configured anywhere."""
    from airflow.sdk import BaseHook

    try:
        return BaseHook.get_connection(conn_id)
    except Exception as exc:  # AirflowNotFoundException, or no Airflow around at all
        log.debug("no connection %s: %s", conn_id, exc)
        return None


def _webhook_url(conn: Any) -> str:
    extra = conn.extra_dejson or {}
    if extra.get("url"):
        return str(extra["url"])
    scheme = "https" if conn.conn_type == "https" else "http"
    port = f":{conn.port}" if conn.port else ""
    path = (conn.schema or "").lstrip("/")
    return f"{scheme}://{conn.host}{port}/{path}"


def _post_webhook(conn: Any, records: list[dict[str, Any]]) -> None:
    url = _webhook_url(conn)
    body = json.dumps({"source": "ruf", "records": records}, default=str).encode()
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            status = resp.status
    except OSError as exc:
        raise DeliveryError(f"webhook {url} failed: {exc}") from exc
    if not 200 <= status < 300:
        raise DeliveryError(f"webhook {url} answered {status}")


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


def _send_mail(conn: Any, records: list[dict[str, Any]]) -> None:
    extra = conn.extra_dejson or {}
    to = [a.strip() for a in str(extra.get("to", "")).split(",") if a.strip()]
    if not to:
        raise DeliveryError("smtp connection ruf_alerts needs ?to=address[,address] in its extras")
    msg = EmailMessage()
    msg["From"] = extra.get("from") or conn.login or "ruf@localhost"
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject_for(records)
    msg.set_content(
        "\n".join(describe(r) for r in records)
        + "\n\n"
        + json.dumps(records, indent=2, default=str, ensure_ascii=False)
    )
    smtp_cls = smtplib.SMTP_SSL if _truthy(extra.get("ssl")) else smtplib.SMTP
    try:
        with smtp_cls(conn.host, conn.port or 25, timeout=30) as smtp:
            if _truthy(extra.get("starttls")):
                smtp.starttls()
            if conn.login:
                smtp.login(conn.login, conn.password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"smtp {conn.host}:{conn.port} failed: {exc}") from exc


def subject_for(records: list[dict[str, Any]]) -> str:
    failures = sum(1 for r in records if r.get("type") == "task_failed")
    alerts = len(records) - failures
    parts = []
    if alerts:
        parts.append(f"{alerts} new reputation alert{'s' if alerts != 1 else ''}")
    if failures:
        parts.append(f"{failures} failed task{'s' if failures != 1 else ''}")
    return "[ruf] " + ", ".join(parts)


def describe(record: Mapping[str, Any]) -> str:
    """One line a person can read in a log, a mail or a chat."""
    if record.get("type") == "task_failed":
        return (
            f"task failed: {record['dag_id']}.{record['task_id']}"
            f"[{record.get('map_index', -1)}] try {record.get('try_number')} "
            f"run {record.get('run_id')}: {record.get('error')}"
        )
    return (
        f"alert {record.get('kind')} ({record.get('severity')}) for {record.get('company_name')}"
        f" on {record.get('portals')}: {record.get('started_on')}..{record.get('ended_on')},"
        f" {record.get('review_count')} reviews [{record.get('alert_id')}]"
    )


def _append_audit(settings: Settings, records: list[dict[str, Any]], channel: str) -> Path:
    path = settings.reports_dir / ALERTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        json.dumps({**r, "channel": channel}, default=str, ensure_ascii=False) + "\n"
        for r in records
    )
    # One write of whole lines in append mode: concurrent failing tasks on one
    # machine never interleave inside a line.
    with open(path, "a", encoding="utf-8") as f:
        f.write(lines)
    return path


def deliver(
    records: list[dict[str, Any]],
    *,
    settings: Settings | None = None,
    conn_id: str = "ruf_alerts",
) -> str:
    """Send ``records`` through the ``conn_id`` channel; return the channel used."""
    if not records:
        return "none"
    settings = settings or load_settings()
    conn = _connection(conn_id)
    if conn is None:
        channel = "file"
    elif conn.conn_type in ("http", "https"):
        _post_webhook(conn, records)
        channel = "webhook"
    elif conn.conn_type in ("smtp", "smtps", "email"):
        _send_mail(conn, records)
        channel = "smtp"
    else:
        raise DeliveryError(
            f"connection {conn_id} has type {conn.conn_type!r}: use smtp:// or http(s)://"
        )
    path = _append_audit(settings, records, channel)
    for r in records:
        log.warning("ruf alert via %s: %s", channel, describe(r))
    log.info("%d record(s) delivered via %s; audit trail %s", len(records), channel, path)
    return channel


# --- reputation alerts ----------------------------------------------------------


def read_ledger(settings: Settings) -> set[str]:
    path = settings.reports_dir / LEDGER_FILE
    if not path.exists():
        return set()
    sent = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sent.add(json.loads(line)["alert_id"])
    return sent


def _record_sent(settings: Settings, alert_ids: Iterable[str], channel: str) -> None:
    """Add ids to the ledger: rewritten aside and renamed in, never half-written."""
    path = settings.reports_dir / LEDGER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    sent_at = _now()
    new = "".join(
        json.dumps({"alert_id": a, "sent_at": sent_at, "channel": channel}) + "\n"
        for a in alert_ids
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(old + new, encoding="utf-8")
    os.replace(tmp, path)


def current_alerts(settings: Settings) -> list[dict[str, Any]]:
    """Every row of ``bi.alerts`` in the published warehouse, oldest first."""
    import duckdb

    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        cur = con.execute(
            f"select {', '.join(ALERT_COLUMNS)} from bi.alerts order by started_on, alert_id"
        )
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    out = []
    for row in rows:
        rec = {"type": "alert", **{k: _jsonable(v) for k, v in zip(names, row, strict=True)}}
        if isinstance(rec.get("evidence"), str):
            # evidence is documented as JSON text; keep it as text if it is not
            with contextlib.suppress(ValueError):
                rec["evidence"] = json.loads(rec["evidence"])
        out.append(rec)
    return out


def send_new_alerts(settings: Settings, *, conn_id: str = "ruf_alerts") -> dict[str, Any]:
    """Deliver the ``bi.alerts`` rows whose ``alert_id`` is not in the sent-ledger."""
    sent = read_ledger(settings)
    alerts = current_alerts(settings)
    new = [a for a in alerts if str(a["alert_id"]) not in sent]
    channel = deliver(new, settings=settings, conn_id=conn_id)
    if new:
        _record_sent(settings, (str(a["alert_id"]) for a in new), channel)
    log.info("alerts: %d in bi.alerts, %d new, sent via %s", len(alerts), len(new), channel)
    return {"alerts": len(alerts), "new": len(new), "channel": channel}


# --- failed tasks -----------------------------------------------------------------


def failure_record(context: Mapping[str, Any]) -> dict[str, Any]:
    ti = context.get("ti") or context.get("task_instance")
    dag_run = context.get("dag_run")
    error = context.get("exception")
    logical = context.get("logical_date")
    return {
        "type": "task_failed",
        "at": _now(),
        "dag_id": getattr(ti, "dag_id", None),
        "task_id": getattr(ti, "task_id", None),
        "map_index": getattr(ti, "map_index", -1),
        "try_number": getattr(ti, "try_number", None),
        "run_id": getattr(dag_run, "run_id", None) or getattr(ti, "run_id", None),
        "logical_date": _jsonable(logical),
        "error": f"{type(error).__name__}: {error}" if error is not None else None,
    }


class RufAlertNotifier(BaseNotifier):
    """``on_failure_callback`` for every ruf task: the failure goes where alerts go."""

    template_fields = ("conn_id",)

    def __init__(self, conn_id: str = "ruf_alerts") -> None:
        super().__init__()
        self.conn_id = conn_id

    def notify(self, context: Any) -> None:
        from ruf.airflow.tasks import task_settings

        deliver([failure_record(context)], settings=task_settings(), conn_id=self.conn_id)
