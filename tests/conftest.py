"""Suite-wide guards: tests never reach beyond 127.0.0.1, and run with a
pseudonym key from the environment (as production must)."""

from __future__ import annotations

import ipaddress
import os
import socket

import pytest

os.environ.setdefault("RUF_PSEUDONYM_KEY", "test-key-not-secret")
os.environ.pop("RUF_DEMO", None)

_real_connect = socket.socket.connect


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost means DNS and the internet


def _guarded_connect(self: socket.socket, address):  # type: ignore[no-untyped-def]
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(str(address[0])):
        raise OSError(f"tests may only connect to 127.0.0.1, not {address[0]!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _loopback_only():
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
