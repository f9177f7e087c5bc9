"""Alert delivery: once per alert, through the configured channel or the alerts file."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from core.settings import load_settings
from ruf.airflow.notify import deliver, failure_record, read_ledger, send_new_alerts

pytestmark = pytest.mark.xdist_group("airflow")


def _warehouse_with_alerts(settings, alerts: list[tuple]) -> None:
    """A published warehouse whose ``bi.alerts`` holds ``alerts`` (contract columns)."""
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = settings.warehouse_path.with_suffix(".tmp")
    con = duckdb.connect(str(tmp))
    con.execute("create schema bi")
    con.execute(
        """
        create table bi.alerts (
            alert_id varchar, company_id varchar, company_name varchar, portals varchar[],
            kind varchar, started_on date, ended_on date, severity varchar, evidence varchar,
            review_count integer
        )
        """
    )
    con.executemany("insert into bi.alerts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", alerts)
    con.close()
    tmp.replace(settings.warehouse_path)


def _alert(alert_id: str, kind: str = "negative_burst") -> tuple:
    evidence = json.dumps({"reviews": 12})
    return (alert_id, "c1", "Bäckerei Sonne", ["trustpilot"], kind, "2026-10-01",
            "2026-10-14", "high", evidence, 12)  # fmt: skip


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("AIRFLOW_CONN_RUF_ALERTS", raising=False)
    return load_settings()


@pytest.fixture
def webhook():
    """A webhook receiver on 127.0.0.1 that records what it is sent."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks/ruf", received
    server.shutdown()
    server.server_close()


def _audit(settings) -> list[dict]:
    path = settings.reports_dir / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_without_a_connection_alerts_go_to_the_alerts_file_once(settings):
    _warehouse_with_alerts(settings, [_alert("a1"), _alert("a2", "extortion")])

    first = send_new_alerts(settings)
    again = send_new_alerts(settings)

    assert first == {"alerts": 2, "new": 2, "channel": "file"}
    assert again == {"alerts": 2, "new": 0, "channel": "none"}
    lines = _audit(settings)
    assert [x["alert_id"] for x in lines] == ["a1", "a2"]
    assert lines[0]["evidence"] == {"reviews": 12}
    assert lines[0]["portals"] == ["trustpilot"]
    assert read_ledger(settings) == {"a1", "a2"}


def test_a_new_alert_after_a_rebuild_is_sent_alone(settings):
    _warehouse_with_alerts(settings, [_alert("a1")])
    send_new_alerts(settings)
    _warehouse_with_alerts(settings, [_alert("a1"), _alert("a3", "near_duplicate")])

    assert send_new_alerts(settings)["new"] == 1
    assert [x["alert_id"] for x in _audit(settings)] == ["a1", "a3"]


def test_webhook_connection_receives_the_new_alerts(settings, webhook, monkeypatch):
    url, received = webhook
    monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", url)
    _warehouse_with_alerts(settings, [_alert("a1")])

    assert send_new_alerts(settings)["channel"] == "webhook"
    send_new_alerts(settings)

    assert len(received) == 1
    assert received[0]["source"] == "ruf"
    assert [r["alert_id"] for r in received[0]["records"]] == ["a1"]
    assert _audit(settings)[0]["channel"] == "webhook"


def test_a_failed_delivery_is_not_marked_as_sent(settings, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", "http://127.0.0.1:9/nobody-listens")
    _warehouse_with_alerts(settings, [_alert("a1")])

    with pytest.raises(RuntimeError, match="webhook"):
        send_new_alerts(settings)
    assert read_ledger(settings) == set()


def test_failure_record_says_which_task_try_and_why(settings):
    class TI:
        dag_id, task_id, map_index, try_number, run_id = "ruf_ingest", "crawl_forum", 0, 2, "r1"

    record = failure_record({"ti": TI(), "exception": ValueError("portal down")})
    assert deliver([record], settings=settings) == "file"
    (line,) = _audit(settings)
    assert line["type"] == "task_failed"
    assert (line["task_id"], line["try_number"]) == ("crawl_forum", 2)
    assert line["error"] == "ValueError: portal down"
