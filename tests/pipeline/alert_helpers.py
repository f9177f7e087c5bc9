"""A published warehouse holding given alerts, and receivers on 127.0.0.1 that record
what they are sent (a webhook and an SMTP server), for the alert-delivery tests."""

from __future__ import annotations

import json
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb

from core.settings import Settings


def warehouse_with_alerts(settings: Settings, alerts: list[tuple]) -> None:
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


def alert(alert_id: str, kind: str = "negative_burst") -> tuple:
    evidence = json.dumps({"reviews": 12})
    return (alert_id, "c1", "Bäckerei Sonne", ["trustpilot"], kind, "2026-10-01",
            "2026-10-14", "high", evidence, 12)  # fmt: skip


def audit(settings: Settings) -> list[dict]:
    path = settings.reports_dir / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


@contextmanager
def webhook_receiver(status: int = 204) -> Iterator[tuple[str, list[dict]]]:
    """A webhook on 127.0.0.1 answering ``status``; its URL and the bodies it got."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/ruf", received
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def smtp_receiver() -> Iterator[tuple[int, list[tuple[str, list[str], Message]]]]:
    """A plain SMTP server on 127.0.0.1 (the protocol, no relaying): its port and the
    mails it accepted as (sender, recipients, message)."""
    mails: list[tuple[str, list[str], Message]] = []

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, line: str) -> None:
            self.wfile.write(line.encode() + b"\r\n")

        def handle(self) -> None:
            sender, rcpts = "", []
            self.reply("220 127.0.0.1 test SMTP")
            while line := self.rfile.readline():
                verb = line.decode().strip().split(" ", 1)[0].split(":", 1)[0].upper()
                if verb in ("EHLO", "HELO"):
                    self.reply("250 127.0.0.1")
                elif verb == "MAIL":
                    sender = line.decode().split(":", 1)[1].strip().strip("<>").split(">")[0]
                    self.reply("250 OK")
                elif verb == "RCPT":
                    rcpts.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                    self.reply("250 OK")
                elif verb == "DATA":
                    self.reply("354 end with .")
                    body = b""
                    while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                        body += chunk[1:] if chunk.startswith(b"..") else chunk
                    mails.append((sender, rcpts, message_from_bytes(body)))
                    self.reply("250 queued")
                elif verb == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("250 OK")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], mails
    finally:
        server.shutdown()
        server.server_close()
