"""A portal that breaks fails its own crawl, with a message naming the URL and
what went wrong, keeps its previous files, and does not stop the other portals."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from offline_portals.world import companies_config
from spiders.run import crawl
from tests.spiders.spider_helpers import RUN_DATE, portal_env

pytestmark = pytest.mark.slow

BROKEN = {
    "always500": "/p500",
    "resets": "/reset",
    "timeouts": "/slow",
    "emptypage": "/empty",
    "redesign": "/redesign",
}


class _BrokenPortal(BaseHTTPRequestHandler):
    """Each path prefix misbehaves its own way; robots.txt allows everything."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/robots.txt":
            self._reply(200, b"User-agent: *\nDisallow:\n")
        elif path.startswith("/p500"):
            self._reply(500, b"internal error")
        elif path.startswith("/reset"):
            # RST instead of an answer: what a crashed load balancer looks like.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif path.startswith("/slow"):
            time.sleep(4)
            self._reply(200, b"<html></html>")
        elif path.startswith("/empty"):
            self._reply(200, b"")
        else:  # a redesign: a normal-looking page without any of the markup we know
            self._reply(200, b"<html><body><h1>Unser neues Design!</h1></body></html>")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:  # the resets are on purpose
        pass


@contextmanager
def broken_portal() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _BrokenPortal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_each_broken_portal_fails_alone_with_a_clear_message(tmp_path, monkeypatch, world):
    monkeypatch.setenv("RUF_CRAWL_RETRIES", "2")
    monkeypatch.setenv("RUF_CRAWL_TIMEOUT", "1")
    with broken_portal() as bad:
        portals = {
            "portals": {
                "trustpilot": {
                    "family": "trustpilot",
                    "base_url": "${RUF_PORTALS_URL}/trustpilot",
                    "politeness": {"concurrency": 2, "delay_seconds": 0.5},
                },
                **{
                    name: {"family": "trustpilot", "base_url": bad + prefix}
                    for name, prefix in BROKEN.items()
                },
            }
        }
        companies = companies_config(world)
        for c in companies["companies"]:
            c["portals"] = (
                {"trustpilot": c["portals"]["trustpilot"]} if "trustpilot" in c["portals"] else {}
            )
        companies["companies"][0]["portals"].update(
            {
                name: {"id": "broken.de", "url": f"{bad}{prefix}/review/broken.de"}
                for name, prefix in BROKEN.items()
            }
        )
        with portal_env(tmp_path, monkeypatch, world, companies=companies, portals=portals) as env:
            # A complete file from an earlier crawl of the same run date must survive.
            earlier = Path(env.settings.raw_url) / "always500" / str(RUN_DATE) / "items-all.jsonl"
            earlier.parent.mkdir(parents=True)
            earlier.write_text('{"kind": "aggregate"}\n', encoding="utf-8")

            report = crawl(env.settings, run_date=RUN_DATE, fast=True)

            assert report.portals["trustpilot"].ok, report.summary()
            assert Counter(i["kind"] for i in env.items("trustpilot")) == env.expected("trustpilot")
            assert env.stats()["requests"]  # the good portal was really crawled

    assert not report.ok
    failures = {name: report.portals[name].failures for name in BROKEN}
    url = {name: f"{bad}{prefix}/review/broken.de" for name, prefix in BROKEN.items()}
    for name, messages in failures.items():
        assert messages, name
        assert messages[0].startswith(url[name]), messages
    assert "HTTP 500 (gave up after 2 retries)" in failures["always500"][0]
    assert "after 2 retries" in failures["resets"][0]
    assert "Timeout" in failures["timeouts"][0] and "after 2 retries" in failures["timeouts"][0]
    assert "empty page" in failures["emptypage"][0]
    assert "layout not understood" in failures["redesign"][0]
    assert report.portals["always500"].retries == 2
    # Nothing half-written: the failed portals published nothing, the earlier file is intact.
    assert earlier.read_text(encoding="utf-8") == '{"kind": "aggregate"}\n'
    for name in BROKEN:
        run = Path(env.settings.raw_url) / name / str(RUN_DATE)
        assert not (run / "responses-all.jsonl").exists()
        assert not [p for p in run.glob(".*")] if run.exists() else True
    assert "FAILED" in report.summary()
