"""Alert delivery: new reputation alerts and failed tasks, through one channel.

The caller chooses the channel: a ``Webhook`` (POSTs ``{"source": "ruf",
"records": [...]}`` as JSON to a chat or incident hook), a ``Mail`` (one e-mail
per batch over SMTP), or ``None``, which only writes the audit trail (nothing
is lost on a laptop). Airflow builds the channel from its connection
``ruf_alerts`` (``ruf.airflow.notify``).

Every record, whatever the channel, is appended to
``data/reports/alerts.jsonl``: the audit trail of what was sent. Alert rows of
``bi.alerts`` are sent once: their ``alert_id`` goes into the sent-ledger
``data/reports/alerts-sent.jsonl`` after delivery succeeded (a failed delivery
raises ``DeliveryError`` and is not recorded: at-least-once, never silent).
"""

from __future__ import annotations

import contextlib
import json
import smtplib
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

from core.settings import Settings
from core.storage import filesystem_for, write_bytes_atomic
from core.warehouse_db import published

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
    """The channel refused or could not be reached; nothing was recorded as sent."""


class Channel(Protocol):
    name: str

    def send(self, records: list[dict[str, Any]]) -> None: ...


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


# --- the channels -------------------------------------------------------------


@dataclass(frozen=True)
class Webhook:
    url: str
    timeout: float = 30.0
    name: str = "webhook"

    def send(self, records: list[dict[str, Any]]) -> None:
        body = json.dumps({"source": "ruf", "records": records}, default=str).encode()
        req = urllib.request.Request(
            self.url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                status = resp.status
        except OSError as exc:
            raise DeliveryError(f"webhook {self.url} failed: {exc}") from exc
        if not 200 <= status < 300:
            raise DeliveryError(f"webhook {self.url} answered {status}")


@dataclass(frozen=True)
class Mail:
    host: str
    to: tuple[str, ...]
    port: int = 25
    sender: str = "ruf@localhost"
    login: str | None = None
    password: str | None = field(default=None, repr=False)
    ssl: bool = False
    starttls: bool = False
    timeout: float = 30.0
    name: str = "smtp"

    def send(self, records: list[dict[str, Any]]) -> None:
        if not self.to:
            raise DeliveryError("the mail channel has no recipient")
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.to)
        msg["Subject"] = subject_for(records)
        msg.set_content(
            "\n".join(describe(r) for r in records)
            + "\n\n"
            + json.dumps(records, indent=2, default=str, ensure_ascii=False)
        )
        smtp_cls = smtplib.SMTP_SSL if self.ssl else smtplib.SMTP
        try:
            with smtp_cls(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.login:
                    smtp.login(self.login, self.password or "")
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"smtp {self.host}:{self.port} failed: {exc}") from exc


# --- what a person reads ------------------------------------------------------


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


# --- delivery, audit trail and ledger -------------------------------------------


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


def deliver(records: list[dict[str, Any]], *, settings: Settings, channel: Channel | None) -> str:
    """Send ``records`` through ``channel`` (None: the audit trail only); its name."""
    if not records:
        return "none"
    if channel is not None:
        channel.send(records)
    name = channel.name if channel is not None else "file"
    _append_audit(settings, records, name)
    return name


def read_ledger(settings: Settings) -> set[str]:
    path = settings.reports_dir / LEDGER_FILE
    if not path.exists():
        return set()
    return {
        json.loads(line)["alert_id"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def _record_sent(settings: Settings, alert_ids: Iterable[str], channel: str) -> None:
    """Add ids to the ledger: the whole file rewritten atomically, never half-written."""
    path = settings.reports_dir / LEDGER_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    sent_at = now_utc()
    new = "".join(
        json.dumps({"alert_id": a, "sent_at": sent_at, "channel": channel}) + "\n"
        for a in alert_ids
    )
    fs, local = filesystem_for(str(path))
    write_bytes_atomic(fs, local, (old + new).encode("utf-8"))


def current_alerts(settings: Settings) -> list[dict[str, Any]]:
    """Every row of ``bi.alerts`` in the published warehouse, oldest first."""
    with published(settings) as con:
        cur = con.execute(
            f"select {', '.join(ALERT_COLUMNS)} from bi.alerts order by started_on, alert_id"
        )
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    out = []
    for row in rows:
        rec = {"type": "alert", **{k: jsonable(v) for k, v in zip(names, row, strict=True)}}
        if isinstance(rec.get("evidence"), str):
            # evidence is documented as JSON text; keep it as text if it is not
            with contextlib.suppress(ValueError):
                rec["evidence"] = json.loads(rec["evidence"])
        out.append(rec)
    return out


@dataclass
class AlertsSent:
    alerts: int  # rows in bi.alerts
    new: list[dict[str, Any]]  # the records sent now
    channel: str  # "none" when there was nothing new

    def summary(self) -> dict[str, Any]:
        """Small and JSON-serialisable (an Airflow task returns it to XCom)."""
        return {"alerts": self.alerts, "new": len(self.new), "channel": self.channel}


def send_new_alerts(settings: Settings, *, channel: Channel | None) -> AlertsSent:
    """Deliver the ``bi.alerts`` rows whose ``alert_id`` is not in the sent-ledger."""
    sent = read_ledger(settings)
    alerts = current_alerts(settings)
    new = [a for a in alerts if str(a["alert_id"]) not in sent]
    used = deliver(new, settings=settings, channel=channel)
    if new:
        _record_sent(settings, (str(a["alert_id"]) for a in new), used)
    return AlertsSent(len(alerts), new, used)
