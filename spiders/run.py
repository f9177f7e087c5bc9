"""The crawl stage's entry point: ``crawl(settings, run_date=...) -> CrawlReport``.

Scrapy's Twisted reactor cannot be restarted within a process, so each crawl
runs in a child process (``python -m spiders.run REQUEST REPORT``) and hands
its report back as JSON; the CLI, the Airflow tasks and the tests can call
``crawl()`` as often as they like. In the child, every portal gets its own
crawler (own download slot, own politeness limits), all on one reactor.

``replay=<run date>`` re-parses an earlier run from the archive with no
network at all: the archive index names every page fetched, the bodies are
read back and given to the same page parsers, and that run's items files are
rewritten.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from core.config import load_companies, load_portals
from core.contracts.raw_items import RawItem, items_file_name, pages_name, shard_name
from core.privacy import erased_pseudonyms, item_pseudonym
from core.settings import ConfigError, Settings
from spiders.archive import RawStore
from spiders.pipelines import ContractError, item_record, to_raw_item
from spiders.plan import (
    CrawlReport,
    Listing,
    PortalPlan,
    PortalReport,
    plan_crawl,
    settings_to_json,
)

__all__ = ["CrawlError", "CrawlReport", "PortalReport", "crawl"]


class CrawlError(RuntimeError):
    """The crawl process itself broke (not a portal failing: that is in the report)."""


def crawl(
    settings: Settings,
    *,
    run_date: date | str,
    portals: list[str] | None = None,
    companies: list[str] | None = None,
    shard: tuple[int, int] | None = None,
    replay: str | date | None = None,
    fast: bool = False,
    urls: list[str] | None = None,
) -> CrawlReport:
    """``urls``: crawl just these pages (and their rel=next pages) as the one portal in
    ``portals`` (``ruf crawl --portal P --url URL``), read by that portal's family or,
    for a portal not in the config, by the generic reader; items go to the raw files."""
    if replay is not None:
        return replay_run(settings, run_date=str(replay), portals=portals)
    run_date = str(run_date)
    if urls:
        plans = [url_plan(settings, portals, urls, companies)]
        name = pages_name(urls)
    else:
        plans = plan_crawl(settings, portals=portals, companies=companies, shard=shard)
        name = shard_name(tuple(shard) if shard else None)  # type: ignore[arg-type]
    if not plans:
        return CrawlReport(run_date=run_date, shard=name)
    log_dir = settings.data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / f"crawl-{run_date}-{name}.log"
    request = {
        "settings": settings_to_json(settings),
        "run_date": run_date,
        "shard": name,
        "fast": fast,
        "plans": [p.to_json() for p in plans],
        "log_file": str(log_file),
    }
    with tempfile.TemporaryDirectory(prefix="ruf-crawl-") as tmp:
        request_path = Path(tmp) / "request.json"
        report_path = Path(tmp) / "report.json"
        request_path.write_text(json.dumps(request), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "spiders.run", str(request_path), str(report_path)],
            check=False,
        )
        if proc.returncode != 0 or not report_path.exists():
            raise CrawlError(
                f"the crawl process exited with status {proc.returncode} without a report; "
                f"see {log_file}"
            )
        return CrawlReport.from_json(json.loads(report_path.read_text(encoding="utf-8")))


def url_plan(
    settings: Settings, portals: list[str] | None, urls: list[str], companies=None
) -> PortalPlan:
    """A plan for given pages: one portal name, its family and politeness if configured;
    with one tracked company (``--company C``), the pages' items are that company's."""
    if not portals or len(portals) != 1:
        raise ConfigError("crawling given URLs needs exactly one portal name (--portal P)")
    name = portals[0]
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", name):
        raise ConfigError(f"portal name {name!r}: letters, digits, '.', '_' and '-' only")
    for url in urls:
        if urlsplit(url).scheme not in ("http", "https", "file"):
            raise ConfigError(f"not an http(s) or file URL: {url!r}")
    known = load_portals(settings.portals_file).get(name)
    company = _company_of_pages(settings, name, companies)
    parts = urlsplit(urls[0])
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return PortalPlan(
        portal=name,
        family=known.family if known else "generic",
        base_url=known.base_url if known else base,
        concurrency=known.concurrency if known else 1,
        delay_seconds=known.delay_seconds if known else 1.0,
        listings=tuple(Listing("", "", url) for url in urls),
        allowed_hosts=known.allowed_hosts if known else (),
        max_page_bytes=known.max_page_bytes if known else None,
        company=company,
    )


def _company_of_pages(
    settings: Settings, portal: str, companies: list[str] | None
) -> tuple[str, str] | None:
    """(portal id, name) of the one tracked company given pages are about: a saved page
    names its company by its file, which matches none."""
    if not companies:
        return None
    if len(companies) != 1:
        raise ConfigError("crawling given URLs takes at most one company (--company C)")
    tracked = {c.company_id: c for c in load_companies(settings.companies_file)}
    company = tracked.get(companies[0])
    if company is None:
        raise ConfigError(
            f"unknown company {companies[0]!r}: not a company_id of {settings.companies_file}"
        )
    listing = company.listing(portal)
    return (listing.portal_company_id if listing else company.company_id), company.name


# --- the child process ---------------------------------------------------------


def _run_child(request_path: Path, report_path: Path) -> None:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings as ScrapySettings

    request = json.loads(request_path.read_text(encoding="utf-8"))
    scrapy_settings = ScrapySettings()
    scrapy_settings.setmodule("spiders.settings", priority="project")
    scrapy_settings.set("LOG_FILE", request["log_file"], priority="cmdline")
    # Scrapy re-opens the log file for every crawler: append, after starting it afresh here.
    Path(request["log_file"]).write_text("", encoding="utf-8")
    scrapy_settings.set("LOG_FILE_APPEND", True, priority="cmdline")
    scrapy_settings.set("RUF_FAST", request["fast"], priority="cmdline")

    process = CrawlerProcess(scrapy_settings)
    crawlers = []
    run = {k: request[k] for k in ("settings", "run_date", "shard")}
    for plan_json in request["plans"]:
        plan = PortalPlan.from_json(plan_json)
        try:  # Scrapy's loader finds the family's spider (SPIDER_MODULES)
            cls = process.spider_loader.load(plan.family)
        except KeyError:
            raise ConfigError(
                f"portal {plan.portal}: no spider for family {plan.family!r}"
            ) from None
        crawler = process.create_crawler(cls)
        crawlers.append(crawler)
        process.crawl(crawler, plans=[plan_json], run=run)
    progress = _Progress(crawlers) if sys.stderr.isatty() else None
    if progress is not None:
        progress.start()
    process.start()
    if progress is not None:
        progress.stop()
    report = CrawlReport(
        run_date=request["run_date"], shard=request["shard"], log_file=request["log_file"]
    )
    for crawler in crawlers:
        spider = crawler.spider
        for name, pr in getattr(spider, "runs", {}).items():
            report.portals[name] = pr.report
    report_path.write_text(json.dumps(report.to_json()), encoding="utf-8")


class _Progress:
    """Pages fetched per portal, on one stderr line, for people watching a long crawl."""

    def __init__(self, crawlers: list[Any]) -> None:
        self.crawlers = crawlers
        self._loop: Any = None

    def line(self) -> str:
        parts = []
        for crawler in self.crawlers:
            for name, pr in getattr(crawler.spider, "runs", {}).items():
                mark = " FAILED" if not pr.report.ok else ""
                parts.append(f"{name} {pr.report.pages}p{mark}")
        return "[crawl] " + "  ".join(parts)

    def _tick(self) -> None:
        sys.stderr.write("\r" + self.line()[:200])
        sys.stderr.flush()

    def start(self) -> None:
        from twisted.internet import task

        self._loop = task.LoopingCall(self._tick)
        self._loop.start(1.0, now=False)

    def stop(self) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        sys.stderr.write("\r" + self.line()[:200] + "\n")


# --- replay ---------------------------------------------------------------------


def replay_run(
    settings: Settings, *, run_date: str, portals: list[str] | None = None
) -> CrawlReport:
    """Re-parse the pages archived for ``run_date`` and rewrite that run's items,
    leaving out the items of every author in the erasure ledger: a replay never
    writes an erased person's name or texts back (their pages are still archived)."""
    from spiders.pages import parse_page

    erased = erased_pseudonyms(settings)
    key = _replay_key(settings, erased)
    known = load_portals(settings.portals_file)
    store = RawStore(settings)
    found = store.portals_with_run(run_date)
    chosen = [p for p in found if not portals or p in portals]
    if not chosen:
        raise ConfigError(
            f"no archived crawl for {run_date}"
            + (f" of {', '.join(portals)}" if portals else "")
            + f" under {settings.raw_url}"
        )
    report = CrawlReport(run_date=run_date, shard="replay", replay=True)
    for portal in chosen:
        if portal not in known:
            raise ConfigError(f"archived portal {portal!r} is not in {settings.portals_file}")
        family = known[portal].family
        pr = report.portals.setdefault(portal, PortalReport(portal=portal, family=family))
        for index_path in store.index_files(portal, run_date):
            shard = Path(index_path).name.removeprefix("responses-").removesuffix(".jsonl")
            out = store.staged(portal, run_date, items_file_name(shard))
            kinds: Counter = Counter()
            failures = []
            for rec in store.read_jsonl(index_path):
                if rec.get("status") != 200 or rec.get("page_type", "listing") != "listing":
                    continue
                body = store.load_body(rec["sha256"])
                pr.pages += 1
                if not body.strip():
                    failures.append(f"{rec['url']}: empty page (archived {rec['sha256'][:12]})")
                    continue
                result = parse_page(
                    family,
                    body,
                    rec["url"],
                    portal=portal,
                    fetched_at=rec["fetched_at"],
                    response_sha256=rec["sha256"],
                    encoding=rec.get("encoding"),
                )
                if result.problems:
                    failures.append(
                        f"{rec['url']}: page layout not understood: {'; '.join(result.problems)}"
                    )
                    continue
                for item in result.items:
                    try:
                        raw: RawItem = to_raw_item(item)
                    except ContractError as exc:
                        pr.dropped[str(exc)] = pr.dropped.get(str(exc), 0) + 1
                        continue
                    if (
                        key
                        and item_pseudonym(
                            key, raw.portal or portal, raw.author_id, raw.author_name
                        )
                        in erased
                    ):
                        pr.erased += 1
                        continue
                    kinds[raw.kind] += 1
                    out.write(item_record(raw))
            if failures:
                out.discard()
                pr.failures.extend(failures)
            else:
                pr.files.append(out.publish())
                pr.add_items(kinds)
    return report


def _replay_key(settings: Settings, erased: frozenset[str]) -> bytes | None:
    """The pseudonym key, needed only when someone was erased (checked before
    anything is written: without it, erased authors cannot be told apart)."""
    if not erased:
        return None
    if not settings.pseudonym_key:
        raise ConfigError(
            f"the erasure ledger names {len(erased)} erased author(s); a replay needs "
            "RUF_PSEUDONYM_KEY to leave their items out, and writes nothing without it"
        )
    return settings.require_pseudonym_key()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run one crawl (the child of spiders.run.crawl).")
    parser.add_argument("request", type=Path)
    parser.add_argument("report", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
    _run_child(args.request, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
