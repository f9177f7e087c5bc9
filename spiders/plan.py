"""What a crawl will fetch (portals, their politeness, the listings of the
tracked companies in a shard) and what it reports back."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from core.config import load_companies, load_portals
from core.settings import ConfigError, Settings


@dataclass(frozen=True)
class Listing:
    company_id: str
    portal_company_id: str
    url: str


@dataclass(frozen=True)
class PortalPlan:
    portal: str
    family: str
    base_url: str
    concurrency: int
    delay_seconds: float
    listings: tuple[Listing, ...]
    allowed_hosts: tuple[str, ...] = ()  # besides base_url's (config/portals.yaml)
    max_page_bytes: int | None = None  # None: the crawl's default size cap
    company: tuple[str, str] | None = None  # given pages: (portal id, name) of their company

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "listings": [asdict(x) for x in self.listings]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PortalPlan:
        return cls(
            **{
                **data,
                "listings": tuple(Listing(**x) for x in data["listings"]),
                "allowed_hosts": tuple(data.get("allowed_hosts") or ()),
                "company": tuple(data["company"]) if data.get("company") else None,
            }
        )


def in_shard(company_id: str, shard: tuple[int, int] | None) -> bool:
    """Stable across processes and machines (unlike ``hash()``)."""
    if shard is None:
        return True
    k, n = shard
    digest = hashlib.blake2b(company_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % n == k


def plan_crawl(
    settings: Settings,
    *,
    portals: list[str] | None = None,
    companies: list[str] | None = None,
    shard: tuple[int, int] | None = None,
    family: str | None = None,
) -> list[PortalPlan]:
    """One plan per portal that has listings to crawl, in config order."""
    known_portals = load_portals(settings.portals_file)
    tracked = load_companies(settings.companies_file)
    if shard is not None:
        k, n = shard
        if n < 1 or not 0 <= k < n:
            raise ConfigError(f"shard must be k of n with 0 <= k < n, got {k} of {n}")
    for name in portals or ():
        if name not in known_portals:
            raise ConfigError(f"unknown portal {name!r}; known: {', '.join(sorted(known_portals))}")
    if companies:
        ids = {c.company_id for c in tracked}
        missing = [c for c in companies if c not in ids]
        if missing:
            raise ConfigError(f"unknown company id(s): {', '.join(missing)} (see companies config)")
    for c in tracked:
        for lst in c.listings:
            if lst.portal not in known_portals:
                raise ConfigError(
                    f"{settings.companies_file}: {c.company_id} is listed on portal "
                    f"{lst.portal!r}, which {settings.portals_file} does not define"
                )
    chosen = [
        c
        for c in tracked
        if (not companies or c.company_id in companies) and in_shard(c.company_id, shard)
    ]
    out = []
    for name, portal in known_portals.items():
        if portals and name not in portals:
            continue
        if family and portal.family != family:
            continue
        listings = tuple(
            Listing(c.company_id, lst.portal_company_id, lst.url)
            for c in chosen
            if (lst := c.listing(name)) is not None
        )
        if listings:
            out.append(
                PortalPlan(
                    portal=name,
                    family=portal.family,
                    base_url=portal.base_url,
                    concurrency=portal.concurrency,
                    delay_seconds=portal.delay_seconds,
                    listings=listings,
                    allowed_hosts=portal.allowed_hosts,
                    max_page_bytes=portal.max_page_bytes,
                )
            )
    return out


def portal_for_urls(family: str, urls: list[str]) -> str:
    """The configured portal whose ``base_url`` a start URL lies under, else the first
    portal of the family, else the family's name."""
    try:
        from core.settings import load_settings

        portals = load_portals(load_settings().portals_file)
    except Exception:  # no config at hand: the family name is a fine label
        return family
    for url in urls:
        for name, p in portals.items():
            base = p.base_url.rstrip("/")
            if base and (url == base or url.startswith(base + "/")):
                return name
    return next((name for name, p in portals.items() if p.family == family), family)


@dataclass
class PortalReport:
    portal: str
    family: str = ""
    companies: int = 0
    pages: int = 0
    items: dict[str, int] = field(default_factory=dict)  # by kind
    failures: list[str] = field(default_factory=list)
    retries: int = 0
    robots_blocked: int = 0
    dropped: dict[str, int] = field(default_factory=dict)  # reason -> count
    stopped_early: int = 0  # listings where pagination stopped at a known review
    files: list[str] = field(default_factory=list)  # published files
    # Requests not made or pages not read, by why: off the portal's hosts, over the size cap.
    refused: dict[str, int] = field(default_factory=dict)
    erased: int = 0  # items of erased authors a replay left out

    def refuse(self, reason: str) -> None:
        self.refused[reason] = self.refused.get(reason, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.failures

    def add_items(self, kinds: Counter) -> None:
        for k, v in kinds.items():
            self.items[k] = self.items.get(k, 0) + v


@dataclass
class CrawlReport:
    run_date: str
    shard: str
    portals: dict[str, PortalReport] = field(default_factory=dict)
    replay: bool = False
    log_file: str | None = None

    @property
    def ok(self) -> bool:
        return all(p.ok for p in self.portals.values())

    @property
    def failures(self) -> dict[str, list[str]]:
        return {name: p.failures for name, p in self.portals.items() if p.failures}

    def items_total(self, kind: str) -> int:
        return sum(p.items.get(kind, 0) for p in self.portals.values())

    def summary(self) -> str:
        ps = self.portals.values()
        what = "replay" if self.replay else "crawl"
        parts = [
            f"{what} {self.run_date} [{self.shard}]: {len(self.portals)} portal(s)",
            f"{sum(p.pages for p in ps)} pages",
            f"{self.items_total('review')} reviews",
            f"{self.items_total('mention')} mentions",
            f"{self.items_total('aggregate')} aggregates",
        ]
        if not self.replay:
            parts.append(f"{sum(p.retries for p in ps)} retries")
            parts.append(f"{sum(p.robots_blocked for p in ps)} robots-blocked")
        dropped = sum(sum(p.dropped.values()) for p in ps)
        if dropped:
            parts.append(f"{dropped} items dropped")
        refused: dict[str, int] = {}
        for p in ps:
            for why, n in p.refused.items():
                refused[why] = refused.get(why, 0) + n
        if refused:
            parts.append(
                f"{sum(refused.values())} refused ("
                + ", ".join(f"{n} {why}" for why, n in sorted(refused.items()))
                + ")"
            )
        erased = sum(p.erased for p in ps)
        if erased:
            parts.append(f"{erased} items of erased authors left out")
        line = ", ".join(parts)
        if self.ok:
            return line
        failed = "; ".join(f"{name}: {msgs[0][:300]}" for name, msgs in self.failures.items())
        return f"{line}; FAILED {failed}"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "portals": {k: asdict(v) for k, v in self.portals.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CrawlReport:
        portals = {k: PortalReport(**v) for k, v in data.get("portals", {}).items()}
        return cls(**{**data, "portals": portals})


# --- the crawl request a child process reads ----------------------------------


def settings_to_json(s: Settings) -> dict[str, Any]:
    # The pseudonym key stays out: crawling does not need it, and this goes to a file.
    return {
        "data_dir": str(s.data_dir),
        "raw_url": s.raw_url,
        "lake_url": s.lake_url,
        "companies_file": str(s.companies_file),
        "portals_file": str(s.portals_file),
        "demo": s.demo,
        "s3_endpoint_url": s.s3_endpoint_url,
    }


def settings_from_json(d: dict[str, Any]) -> Settings:
    return Settings(
        data_dir=Path(d["data_dir"]),
        raw_url=d["raw_url"],
        lake_url=d["lake_url"],
        companies_file=Path(d["companies_file"]),
        portals_file=Path(d["portals_file"]),
        demo=d.get("demo", False),
        s3_endpoint_url=d.get("s3_endpoint_url"),
    )
