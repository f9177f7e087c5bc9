"""Where a crawl may go: a listing's next page, and the hosts every request stays on.

* A ``rel=next`` link is this listing's pagination only when it names the same
  document: its path with another query (``?page=2``, ``?start=10``), or with a
  page marker (``/page/2/``, ``comment-page-2/``, ``_P2.htm``, ``-oa30-``). A shop's
  "next product" or a blog's "next post" is another document, not more reviews of
  this one, and is not followed.
* A saved page's next page is read only when it was saved too (a ``file://`` URL
  that exists); otherwise the pagination ends there, it is not a failure.
* Every request (listings, next pages, redirects) stays on the portal's hosts:
  those of its configured ``base_url``, plus its ``allowed_hosts``; an ad-hoc crawl
  of given URLs stays on the hosts of those URLs. The default port of a host's
  scheme stands for both http and https (a redirect to https is no other host);
  a given port is that port only, so another server on the same machine is
  another host.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

_PAGE_MARK = re.compile(r"[_-]?(?:page|seite|pagina|pg|p|oa|or|start|offset)?[_=-]?\d+", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}

Host = tuple[str, int]  # (hostname, port)


def _segments(path: str) -> list[str]:
    return [s for s in unquote(path).split("/") if s]


def same_document(current: str, following: str) -> bool:
    """Whether ``following`` is a page of the same listing as ``current``."""
    a, b = urlsplit(current), urlsplit(following)
    if a.scheme != b.scheme or a.netloc != b.netloc:
        return False
    sa, sb = _segments(a.path), _segments(b.path)
    if sa == sb:
        return True  # ?page=2, ?start=10
    shape = [_PAGE_MARK.sub("", s).lower() for s in sa]
    if len(sa) == len(sb) and shape == [_PAGE_MARK.sub("", s).lower() for s in sb]:
        return True  # Reviews-E13461.htm -> Reviews-E13461_P2.htm; /page/2 -> /page/3
    # /post/ -> /post/comment-page-2/, /reviews -> /reviews/page/2
    longer, shorter = (sb, sa) if len(sb) > len(sa) else (sa, sb)
    rest = longer[len(shorter) :]
    return (
        longer[: len(shorter)] == shorter
        and len(rest) <= 2
        and any(c.isdigit() for c in "".join(rest))
    )


def saved_page_missing(url: str) -> bool:
    """A file:// URL whose file does not exist (a saved page's unsaved next page)."""
    parts = urlsplit(url)
    return parts.scheme == "file" and not Path(unquote(parts.path)).is_file()


def host_of(url: str) -> Host | None:
    """(hostname, port) of an http(s) URL, the port its scheme's default when not given;
    ("", 0) for file:// URLs; None for anything else or a malformed one."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return ("", 0)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    return (parts.hostname.lower(), port or _DEFAULT_PORTS[parts.scheme])


def parse_host(entry: str) -> list[Host]:
    """An ``allowed_hosts`` entry ("reviews.example.com", "127.0.0.1:8766") as the
    hosts it allows: a bare name on both default ports, a name with a port on it."""
    entry = entry.strip().lower()
    name, sep, port = entry.rpartition(":")
    if sep and port.isdigit():
        return [(name, int(port))]
    return [(entry, 80), (entry, 443)]


def hosts_of(base_urls: Iterable[str], allowed: Iterable[str] = ()) -> frozenset[Host]:
    """The hosts requests may go to: those of ``base_urls`` (a default port standing
    for both http and https) and the ``allowed`` entries."""
    out: set[Host] = set()
    for url in base_urls:
        host = host_of(url)
        if host is None:
            continue
        out.add(host)
        if host[1] in _DEFAULT_PORTS.values():
            out.update((host[0], port) for port in _DEFAULT_PORTS.values())
    for entry in allowed:
        out.update(parse_host(entry))
    return frozenset(out)


def portal_hosts(plan: Any) -> frozenset[Host]:
    """A portal plan's hosts: its ``base_url``'s, its ``allowed_hosts``, and those of
    URLs given to crawl as they are (``-a start_urls=``, ``ruf crawl --url``: a
    listing without a tracked company) rather than from the companies config."""
    given = [listing.url for listing in plan.listings if not listing.company_id]
    return hosts_of([plan.base_url, *given], plan.allowed_hosts)


def describe(hosts: frozenset[Host]) -> str:
    names = sorted(
        "file://" if not name else name if port in _DEFAULT_PORTS.values() else f"{name}:{port}"
        for name, port in hosts
    )
    return ", ".join(dict.fromkeys(names)) or "none"
