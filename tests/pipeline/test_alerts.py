"""Alert delivery: each alert once, through the channel the caller passes, always audited."""

from __future__ import annotations

import pytest

from core.settings import load_settings
from pipeline.alerts import DeliveryError, Mail, Webhook, deliver, read_ledger, send_new_alerts
from tests.pipeline.alert_helpers import (
    alert,
    audit,
    smtp_receiver,
    warehouse_with_alerts,
    webhook_receiver,
)


@pytest.fixture
def settings(tmp_path):
    return load_settings({"RUF_DATA_DIR": str(tmp_path)})


def test_without_a_channel_alerts_go_to_the_alerts_file_once(settings):
    warehouse_with_alerts(settings, [alert("a1"), alert("a2", "extortion")])

    first = send_new_alerts(settings, channel=None)
    again = send_new_alerts(settings, channel=None)

    assert first.summary() == {"alerts": 2, "new": 2, "channel": "file"}
    assert again.summary() == {"alerts": 2, "new": 0, "channel": "none"}
    lines = audit(settings)
    assert [x["alert_id"] for x in lines] == ["a1", "a2"]
    assert lines[0]["evidence"] == {"reviews": 12}
    assert lines[0]["portals"] == ["trustpilot"]
    assert read_ledger(settings) == {"a1", "a2"}


def test_a_new_alert_after_a_rebuild_is_sent_alone(settings):
    warehouse_with_alerts(settings, [alert("a1")])
    send_new_alerts(settings, channel=None)
    warehouse_with_alerts(settings, [alert("a1"), alert("a3", "near_duplicate")])

    sent = send_new_alerts(settings, channel=None)
    assert [r["alert_id"] for r in sent.new] == ["a3"]
    assert [x["alert_id"] for x in audit(settings)] == ["a1", "a3"]


def test_a_webhook_receives_the_new_alerts_once(settings):
    warehouse_with_alerts(settings, [alert("a1")])
    with webhook_receiver() as (url, received):
        assert send_new_alerts(settings, channel=Webhook(url)).channel == "webhook"
        send_new_alerts(settings, channel=Webhook(url))

    assert len(received) == 1
    assert received[0]["source"] == "ruf"
    assert [r["alert_id"] for r in received[0]["records"]] == ["a1"]
    assert audit(settings)[0]["channel"] == "webhook"


@pytest.mark.parametrize("status", [None, 500])
def test_a_failed_delivery_is_not_marked_as_sent(settings, status):
    warehouse_with_alerts(settings, [alert("a1")])
    if status is None:  # nobody listens
        with pytest.raises(DeliveryError, match="webhook"):
            send_new_alerts(settings, channel=Webhook("http://127.0.0.1:9/nobody", timeout=5))
    else:
        with webhook_receiver(status) as (url, _), pytest.raises(DeliveryError, match="500"):
            send_new_alerts(settings, channel=Webhook(url))
    assert read_ledger(settings) == set()
    assert audit(settings) == []
    # Delivered on the next try, when the channel works again.
    assert send_new_alerts(settings, channel=None).summary()["new"] == 1


def test_a_mail_names_the_alerts_in_its_subject_and_body(settings):
    warehouse_with_alerts(settings, [alert("a1"), alert("a2", "extortion")])
    with smtp_receiver() as (port, mails):
        mail = Mail(host="127.0.0.1", port=port, to=("ops@example.org",), sender="ruf@example.org")
        assert send_new_alerts(settings, channel=mail).channel == "smtp"

    ((sender, rcpts, msg),) = mails
    assert (sender, rcpts) == ("ruf@example.org", ["ops@example.org"])
    assert msg["Subject"] == "[ruf] 2 new reputation alerts"
    body = msg.get_payload(decode=True).decode("utf-8")
    assert "alert extortion (high) for Bäckerei Sonne" in body
    assert "[a2]" in body
    assert read_ledger(settings) == {"a1", "a2"}


def test_a_mail_server_that_is_down_fails_the_delivery(settings):
    warehouse_with_alerts(settings, [alert("a1")])
    mail = Mail(host="127.0.0.1", port=9, to=("ops@example.org",), timeout=5)
    with pytest.raises(DeliveryError, match=r"smtp 127\.0\.0\.1:9 failed"):
        send_new_alerts(settings, channel=mail)
    assert read_ledger(settings) == set()


def test_a_failed_task_record_is_described_in_one_line(settings):
    record = {"type": "task_failed", "dag_id": "ruf_ingest", "task_id": "crawl_forum",
              "map_index": 0, "try_number": 2, "run_id": "r1",
              "error": "CrawlFailed: forum down"}  # fmt: skip
    with webhook_receiver() as (url, received):
        assert deliver([record], settings=settings, channel=Webhook(url)) == "webhook"
    assert received[0]["records"][0]["task_id"] == "crawl_forum"
    (line,) = audit(settings)
    assert (line["type"], line["channel"]) == ("task_failed", "webhook")
    assert read_ledger(settings) == set()  # failures are not alerts: no ledger entry


def test_without_a_warehouse_the_error_says_to_build_first(settings):
    from core.settings import ConfigError

    with pytest.raises(ConfigError, match="run `ruf build` first"):
        send_new_alerts(settings, channel=None)
