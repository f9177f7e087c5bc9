"""A crawl stays on its portal's hosts and refuses pages over the size cap.

Two real servers on 127.0.0.1, on two ports: the portal, whose listing answers
302 to the other one, or links its next page there; the other server counts
every request it gets. Refusals are counted in the crawl report and fail the
portal with a line naming the URL."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from core.config import load_portals
from core.settings import ConfigError, Settings, load_settings
from spiders.run import crawl
from tests.spiders.pages.generic_shapes import SHAPES
from tests.spiders.spider_helpers import RUN_DATE, write_yaml

pytestmark = pytest.mark.slow

PAGE = SHAPES["rendered_aria_label_reviews"].encode()
BIG = 60 * 1024 * 1024


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, routes: dict[str, Any]) -> None:
        self.routes = routes
        self.hits: Counter = Counter()
        self.sent = 0  # bytes of bodies written
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request, client_address) -> None:  # cut-off downloads are on purpose
        pass

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.hits[path] += 1
        route = self.server.routes.get(path)
        if path == "/robots.txt":
            route = ("page", b"User-agent: *\nDisallow:\n")
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        kind, value = route
        if kind == "redirect":
            self.send_response(302)
            self.send_header("Location", value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        size = len(value) if kind == "page" else value
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        body = value if kind == "page" else b"<p>" + b"x" * 65533
        sent = 0
        try:
            while sent < size:
                chunk = body[: size - sent]
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the crawler hung up
        self.server.sent += sent


@contextmanager
def serving(routes: dict[str, Any]) -> Iterator[_Server]:
    server = _Server(routes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def portal(tmp_path, monkeypatch, portal_url: str, listing: str, **extra: Any) -> Settings:
    """Settings for one generic portal at ``portal_url`` tracking one company."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    portals = {"portals": {"acme": {"family": "generic", "base_url": portal_url, **extra}}}
    companies = {
        "companies": [
            {
                "company_id": "blue-door",
                "name": "Blue Door Diner",
                "portals": {"acme": {"id": "blue-door", "url": portal_url + listing}},
            }
        ]
    }
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RUF_PORTALS", str(write_yaml(tmp_path / "portals.yaml", portals)))
    monkeypatch.setenv("RUF_COMPANIES", str(write_yaml(tmp_path / "companies.yaml", companies)))
    return load_settings()


def test_a_redirect_to_another_port_is_refused_counted_and_fails_the_portal(tmp_path, monkeypatch):
    with serving({"/reviews/blue-door": ("page", PAGE)}) as other:
        target = other.url + "/reviews/blue-door"
        with serving({"/reviews/blue-door": ("redirect", target)}) as site:
            settings = portal(tmp_path, monkeypatch, site.url, "/reviews/blue-door")
            report = crawl(settings, run_date=RUN_DATE, fast=True)
    acme = report.portals["acme"]
    assert not acme.ok
    assert acme.refused == {"off the portal's hosts": 1}
    assert acme.failures[0].startswith(f"{site.url}/reviews/blue-door: refused: redirected to")
    assert target in acme.failures[0] and "allowed_hosts" in acme.failures[0]
    assert "1 refused (1 off the portal's hosts)" in report.summary()
    assert other.hits == Counter()  # not even its robots.txt was asked
    assert acme.items == {}


def test_a_host_in_allowed_hosts_may_be_redirected_to(tmp_path, monkeypatch):
    with serving({"/reviews/blue-door": ("page", PAGE)}) as other:
        target = other.url + "/reviews/blue-door"
        allowed = {"allowed_hosts": [other.url.removeprefix("http://")]}
        with serving({"/reviews/blue-door": ("redirect", target)}) as site:
            s = portal(tmp_path, monkeypatch, site.url, "/reviews/blue-door", **allowed)
            report = crawl(s, run_date=RUN_DATE, fast=True)
    assert report.ok, report.summary()
    assert report.portals["acme"].items == {"review": 2}
    assert other.hits["/reviews/blue-door"] == 1


def test_pagination_to_another_host_is_refused_and_counted(tmp_path, monkeypatch):
    with serving({"/reviews/blue-door": ("page", PAGE)}) as other:
        linked = PAGE.replace(
            b"<body>",
            f'<head><link rel="next" href="{other.url}/reviews/blue-door?page=2"></head>'
            "<body>".encode(),
        )
        with serving({"/reviews/blue-door": ("page", linked)}) as site:
            settings = portal(tmp_path, monkeypatch, site.url, "/reviews/blue-door")
            report = crawl(settings, run_date=RUN_DATE, fast=True)
    acme = report.portals["acme"]
    assert acme.ok, report.summary()  # the page itself was read
    assert acme.items == {"review": 2} and acme.pages == 1
    assert acme.refused == {"off the portal's hosts": 1}
    assert other.hits == Counter()


def test_a_60_mb_page_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    with serving({"/reviews/blue-door": ("big", BIG)}) as site:
        settings = portal(tmp_path, monkeypatch, site.url, "/reviews/blue-door")
        report = crawl(settings, run_date=RUN_DATE, fast=True)
    acme = report.portals["acme"]
    assert site.sent < BIG // 2  # cut off, not downloaded and then thrown away
    assert not acme.ok
    assert acme.refused == {"over the size cap": 1}
    assert acme.failures[0] == (
        f"{site.url}/reviews/blue-door: refused: the response is larger than the "
        "20,971,520 byte size cap, not read (max_page_bytes in config/portals.yaml, "
        "RUF_MAX_PAGE_BYTES)"
    )


def test_the_size_cap_is_set_per_portal_and_by_the_environment(tmp_path, monkeypatch):
    page = PAGE + b"<!--" + b"x" * 200_000 + b"-->"
    with serving({"/reviews/blue-door": ("page", page)}) as site:
        capped = {"max_page_bytes": 100_000}
        s = portal(tmp_path / "a", monkeypatch, site.url, "/reviews/blue-door", **capped)
        per_portal = crawl(s, run_date=RUN_DATE, fast=True)
        s = portal(tmp_path / "b", monkeypatch, site.url, "/reviews/blue-door")
        default = crawl(s, run_date=RUN_DATE, fast=True)
        monkeypatch.setenv("RUF_MAX_PAGE_BYTES", "150000")
        from_env = crawl(s, run_date=RUN_DATE, fast=True)
    assert "100,000 byte size cap" in per_portal.portals["acme"].failures[0]
    assert per_portal.portals["acme"].refused == {"over the size cap": 1}
    assert default.ok and default.portals["acme"].items == {"review": 2}
    assert "150,000 byte size cap" in from_env.portals["acme"].failures[0]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (["https://reviews.example.com"], "not a host or host:port"),
        (["reviews.example.com/path"], "not a host or host:port"),
        (["*.example.com"], "not a host or host:port"),
        ("reviews.example.com", "must be a list"),
    ],
)
def test_allowed_hosts_are_checked_when_the_config_is_read(tmp_path, value, problem):
    path = write_yaml(
        tmp_path / "portals.yaml",
        {
            "portals": {
                "acme": {"family": "generic", "base_url": "https://a", "allowed_hosts": value}
            }
        },
    )
    with pytest.raises(ConfigError, match=problem):
        load_portals(path)
    good = write_yaml(
        tmp_path / "good.yaml",
        {
            "portals": {
                "acme": {
                    "family": "generic",
                    "base_url": "https://a",
                    "allowed_hosts": ["Reviews.Example.com", "127.0.0.1:8766"],
                    "max_page_bytes": 5_000_000,
                }
            }
        },
    )
    acme = load_portals(good)["acme"]
    assert acme.allowed_hosts == ("reviews.example.com", "127.0.0.1:8766")
    assert acme.max_page_bytes == 5_000_000
    bad_cap = write_yaml(
        tmp_path / "cap.yaml",
        {
            "portals": {
                "acme": {"family": "generic", "base_url": "https://a", "max_page_bytes": "big"}
            }
        },
    )
    with pytest.raises(ConfigError, match="max_page_bytes must be a whole number"):
        load_portals(bad_cap)
