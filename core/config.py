"""The tracked companies: who we watch, and where on each portal.

Loaded from one YAML file (``config/companies.yaml`` or ``RUF_COMPANIES``).
``${VAR}`` in URLs is expanded from the environment; ``RUF_PORTALS_URL``
defaults to the offline portals on 127.0.0.1:8765.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core.settings import ConfigError

DEFAULT_PORTALS_URL = "http://127.0.0.1:8765"
_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


@dataclass(frozen=True)
class PortalListing:
    portal: str
    portal_company_id: str
    url: str


@dataclass(frozen=True)
class TrackedCompany:
    company_id: str
    name: str
    domain: str | None = None
    industry: str | None = None
    aliases: tuple[str, ...] = ()
    listings: tuple[PortalListing, ...] = field(default=())

    def listing(self, portal: str) -> PortalListing | None:
        return next((x for x in self.listings if x.portal == portal), None)


@dataclass(frozen=True)
class Portal:
    name: str
    family: str
    base_url: str
    scale: tuple[float, float]
    languages: tuple[str, ...]
    concurrency: int
    delay_seconds: float
    # Hosts besides base_url's that the portal's redirects and pages may go to.
    allowed_hosts: tuple[str, ...] = ()
    max_page_bytes: int | None = None  # None: the crawl's default (RUF_MAX_PAGE_BYTES)


# "reviews.example.com", "127.0.0.1:8766": a host name or address, with a port or not.
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*(?::\d{{1,5}})?$")
MIN_PAGE_BYTES = 1024


def _allowed_hosts(path: Path, name: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{path}: portal {name}: allowed_hosts must be a list of hosts")
    hosts = []
    for entry in value:
        host = str(entry).strip().lower() if isinstance(entry, str) else ""
        port = host.rpartition(":")[2] if ":" in host else "1"
        if not _HOST.match(host) or not 0 < int(port) <= 65535:
            raise ConfigError(
                f"{path}: portal {name}: allowed_hosts entry {entry!r} is not a host or "
                "host:port (e.g. reviews.example.com, 127.0.0.1:8766; no scheme, no path)"
            )
        hosts.append(host)
    return tuple(hosts)


def _max_page_bytes(path: Path, name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_PAGE_BYTES:
        raise ConfigError(
            f"{path}: portal {name}: max_page_bytes must be a whole number of bytes, "
            f"at least {MIN_PAGE_BYTES} (got {value!r})"
        )
    return value


def expand(text: str, env: dict[str, str] | None = None) -> str:
    env = os.environ if env is None else env

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "RUF_PORTALS_URL":
            return env.get(name) or DEFAULT_PORTALS_URL
        if name not in env:
            raise ConfigError(f"${{{name}}} is used in the config but not set in the environment")
        return env[name]

    return _VAR.sub(sub, text)


# Config files larger than this are parsed once and kept as JSON in the user's cache,
# keyed by the file's sha256: YAML of 10,000 companies takes seconds to parse even with
# the C loader, JSON of the same data a few milliseconds.
CACHE_MIN_BYTES = 256 * 1024


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ruf" / "config"


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    raw = path.read_bytes()
    cached = (
        _cache_dir() / f"{hashlib.sha256(raw).hexdigest()}.json"
        if len(raw) >= CACHE_MIN_BYTES
        else None
    )
    if cached is not None:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(cached.read_bytes())
            if isinstance(data, dict):
                return data
    try:
        # The C loader: a config of 100,000 companies loads in seconds, not minutes.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(raw.decode("utf-8"), Loader=loader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    if cached is not None:
        _write_cache(cached, data)
    return data


def _write_cache(cached: Path, data: dict) -> None:
    """Keep ``data`` as JSON when it survives the round trip (a cache miss is only slower)."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return
        cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cached)
    except (OSError, TypeError, ValueError):
        return


def load_companies(path: Path) -> list[TrackedCompany]:
    data = _read_yaml(path)
    out = []
    for i, c in enumerate(data.get("companies") or []):
        try:
            listings = tuple(
                PortalListing(portal=p, portal_company_id=str(v["id"]), url=expand(v["url"]))
                for p, v in (c.get("portals") or {}).items()
            )
            out.append(
                TrackedCompany(
                    company_id=str(c["company_id"]),
                    name=str(c["name"]),
                    domain=c.get("domain"),
                    industry=c.get("industry"),
                    aliases=tuple(c.get("aliases") or ()),
                    listings=listings,
                )
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: company #{i + 1} lacks {exc}") from exc
    ids = [c.company_id for c in out]
    if len(ids) != len(set(ids)):
        raise ConfigError(f"{path}: company_id values must be unique")
    return out


def load_portals(path: Path) -> dict[str, Portal]:
    data = _read_yaml(path)
    out = {}
    for name, p in (data.get("portals") or {}).items():
        pol = p.get("politeness") or {}
        out[name] = Portal(
            name=name,
            family=p["family"],
            base_url=expand(p.get("base_url", "")),
            scale=tuple(p.get("scale") or (1, 5)),
            languages=tuple(p.get("languages") or ()),
            concurrency=int(pol.get("concurrency", 1)),
            delay_seconds=float(pol.get("delay_seconds", 1.0)),
            allowed_hosts=_allowed_hosts(path, name, p.get("allowed_hosts")),
            max_page_bytes=_max_page_bytes(path, name, p.get("max_page_bytes")),
        )
    return out
