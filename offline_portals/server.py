"""The offline review portals: a real HTTP server on 127.0.0.1.

It serves the world of ``world.py`` in the markup of each portal family
(``offline_portals.render``), with pagination, a ``robots.txt`` that forbids some
paths, and a share of answers that are 429 (with ``Retry-After``) or 503, so
politeness and retries are exercised for real.

Test hooks, not linked from any page: ``GET /_stats`` (requests per path,
disallowed paths that were fetched anyway), ``GET /_truth`` (the injected
events), ``POST /_control?as_of=ISO`` (move the portals' clock forward, so new
reviews appear), ``POST /_control?reset_stats=1``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from offline_portals import render
from offline_portals.world import World, routes


@dataclass
class Faults:
    """Which answers go wrong. Deterministic per path: the first request of a
    chosen path fails, the retry succeeds, so a polite crawler always gets through."""

    rate_429: float = 0.05
    rate_503: float = 0.03
    retry_after: int = 1

    def pick(self, path: str, attempt: int) -> int | None:
        if attempt > 1:
            return None
        h = int.from_bytes(hashlib.blake2b(path.encode(), digest_size=4).digest(), "big") / 2**32
        if h < self.rate_429:
            return 429
        if h < self.rate_429 + self.rate_503:
            return 503
        return None


@dataclass
class PortalState:
    world: World
    faults: Faults
    requests: Counter = field(default_factory=Counter)
    disallowed_hits: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server_version = "ruf-offline-portals/1.0"
    state: PortalState  # set on the subclass per server

    def log_message(self, format: str, *args: object) -> None:  # quiet by default
        pass

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/_control":
            self._send(404, b"not found", "text/plain")
            return
        q = parse_qs(parts.query)
        st = self.state
        with st.lock:
            if "as_of" in q:
                as_of = datetime.fromisoformat(q["as_of"][0])
                st.world.as_of = as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
            if "reset_stats" in q:
                st.requests.clear()
                st.disallowed_hits.clear()
        self._send(200, b"ok", "text/plain")

    def do_GET(self) -> None:
        st = self.state
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/_stats":
            with st.lock:
                body = {"requests": dict(st.requests), "disallowed_hits": list(st.disallowed_hits)}
            self._send(200, json.dumps(body).encode(), "application/json")
            return
        if path == "/_truth":
            events = [
                {**e.__dict__, "start": e.start.isoformat(), "end": e.end.isoformat()}
                for e in st.world.injected_events()
            ]
            self._send(200, json.dumps(events).encode(), "application/json")
            return
        with st.lock:
            st.requests[self.path] += 1
            attempt = st.requests[self.path]
            if any(path.startswith(p) for p in routes.DISALLOWED):
                st.disallowed_hits.append(self.path)
        if path == "/robots.txt":
            self._send(200, routes.robots_txt().encode(), "text/plain; charset=utf-8")
            return
        fault = st.faults.pick(self.path, attempt)
        if fault is not None:
            self._send(
                fault,
                b"slow down" if fault == 429 else b"temporarily unavailable",
                "text/plain",
                {"Retry-After": str(st.faults.retry_after)},
            )
            return
        page = render.render_page(st.world, self.path, datetime.now(UTC))
        if page is None:
            self._send(404, b"<html><body><h1>404</h1></body></html>", "text/html")
            return
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")


class PortalServer:
    """The offline portals on 127.0.0.1; ``port=0`` picks a free port."""

    def __init__(
        self, world: World, host: str = "127.0.0.1", port: int = 0, faults: Faults | None = None
    ) -> None:
        self.state = PortalState(world=world.build_indexes(), faults=faults or Faults())
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> PortalServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def serve_forever(self) -> None:
        self.httpd.serve_forever()


@contextmanager
def running(world: World, port: int = 0, faults: Faults | None = None) -> Iterator[PortalServer]:
    server = PortalServer(world, port=port, faults=faults).start()
    try:
        yield server
    finally:
        server.stop()
