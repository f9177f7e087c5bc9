"""The alert channel comes from the Airflow connection ``ruf_alerts``; failed tasks go there."""

from __future__ import annotations

import pytest

from core.settings import load_settings
from pipeline.alerts import DeliveryError, Mail, Webhook, send_new_alerts
from ruf.airflow.notify import RufAlertNotifier, channel_for, failure_record
from tests.pipeline.alert_helpers import alert, audit, warehouse_with_alerts, webhook_receiver

pytestmark = pytest.mark.xdist_group("airflow")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("AIRFLOW_CONN_RUF_ALERTS", raising=False)
    return load_settings()


def test_without_a_connection_there_is_no_channel(settings):
    assert channel_for("ruf_alerts") is None


def test_an_http_connection_is_a_webhook(settings, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", "http://127.0.0.1:8123/hooks/ruf")
    assert channel_for("ruf_alerts") == Webhook("http://127.0.0.1:8123/hooks/ruf")


def test_an_smtp_connection_is_a_mail_to_its_recipients(settings, monkeypatch):
    monkeypatch.setenv(
        "AIRFLOW_CONN_RUF_ALERTS",
        "smtp://ruf:s3cret@127.0.0.1:2525?to=a%40example.org%2Cb%40example.org&starttls=true",
    )
    mail = channel_for("ruf_alerts")
    assert isinstance(mail, Mail)
    assert (mail.host, mail.port, mail.to) == (
        "127.0.0.1",
        2525,
        ("a@example.org", "b@example.org"),
    )
    assert (mail.login, mail.password, mail.starttls, mail.ssl) == ("ruf", "s3cret", True, False)
    assert "s3cret" not in repr(mail)  # the password never reaches a log line


def test_a_connection_of_another_kind_or_without_recipients_is_refused(settings, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", "postgres://db.example.org/ruf")
    with pytest.raises(DeliveryError, match="use smtp:// or http"):
        channel_for("ruf_alerts")
    monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", "smtp://127.0.0.1:2525")
    with pytest.raises(DeliveryError, match=r"needs \?to="):
        channel_for("ruf_alerts")


def test_new_alerts_reach_the_webhook_of_the_connection(settings, monkeypatch):
    warehouse_with_alerts(settings, [alert("a1")])
    with webhook_receiver() as (url, received):
        monkeypatch.setenv("AIRFLOW_CONN_RUF_ALERTS", url)
        send_new_alerts(settings, channel=channel_for("ruf_alerts"))
    assert [r["alert_id"] for r in received[0]["records"]] == ["a1"]


def test_the_notifier_says_which_task_try_and_why(settings):
    class TI:
        dag_id, task_id, map_index, try_number, run_id = "ruf_ingest", "crawl_forum", 0, 2, "r1"

    context = {"ti": TI(), "exception": ValueError("portal down")}
    assert failure_record(context)["error"] == "ValueError: portal down"
    RufAlertNotifier().notify(context)
    (line,) = audit(settings)
    assert (line["type"], line["channel"]) == ("task_failed", "file")
    assert (line["task_id"], line["try_number"]) == ("crawl_forum", 2)
    assert line["error"] == "ValueError: portal down"
