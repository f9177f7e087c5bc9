"""What every family's spider does: navigate a company's review listing, newest
first, page by page; hand each page to ``spiders.pages.parse_page`` (extraction
lives only there); archive every body; stop at the first review already known,
and at a body already read in this run (a saved page's ``?page=2`` is the same file).

Three ways in: ``spiders.run`` passes ``plans`` (one portal each, with its
politeness) and ``run`` (settings, run date, shard) from its child process;
``scrapy crawl <family>`` crawls the tracked companies' listings on that family's
portals (``-a portal=``, ``-a companies=a,b``, ``-a shard=k/n``, ``-a run_date=``);
``scrapy crawl <family> -a start_urls=URL[,URL...]`` (file:// included; the
``generic`` spider reads any page) crawls just those pages and their rel=next
pages, items to Scrapy's feeds (``-O out.jsonl``), not to the raw archive.

A portal's crawl fails, with a message naming the URL and what went wrong, when
a page has layout problems (no ratings, or ratings it cannot read), is empty, or
cannot be fetched after the retries; its files are then not published and its
crawl state is not advanced; ``scrapy crawl`` exits 1 (``spiders.commands``).
Other portals go on.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import scrapy
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError

from core.contracts.raw_items import RawItem, items_file_name, responses_file_name
from core.settings import Settings, load_settings
from spiders.archive import RawStore, StagedJsonLines, sha256_of
from spiders.navigation import host_of, portal_hosts, same_document, saved_page_missing
from spiders.offsite import OFFSITE, refusal_of
from spiders.plan import (
    Listing,
    PortalPlan,
    PortalReport,
    plan_crawl,
    portal_for_urls,
    settings_from_json,
)
from spiders.portal_run import PortalRun, declared_encoding, describe_exception, utc_now
from spiders.settings import portal_settings
from spiders.state import KEEP_KEYS, CrawlState, PendingState, review_key

logger = logging.getLogger(__name__)


class BaseListingSpider(scrapy.Spider):
    # No name: not a spider of its own. Subclasses set name = the family.

    def __init__(
        self,
        *args: Any,
        plans: list[dict[str, Any]] | None = None,
        run: dict[str, Any] | None = None,
        start_urls: str | list[str] | None = None,
        portal: str | None = None,
        companies: str | None = None,
        shard: str | None = None,
        run_date: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.family = self.name
        self.page_reader = self.name  # the page object of spiders.pages that reads its pages
        self.adhoc = start_urls is not None
        self.ruf_settings: Settings | None = None
        self.run_date = str(run_date or (run or {}).get("run_date") or date.today().isoformat())
        self.shard = (run or {}).get("shard", "all")
        if self.adhoc:
            urls = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls)
            urls = [u.strip() for u in urls if u.strip()]
            name = portal or portal_for_urls(self.family, urls)
            plan_list = [
                PortalPlan(name, self.family, "", 1, 0.0, tuple(Listing("", "", u) for u in urls))
            ]
        elif plans is not None:
            self.ruf_settings = settings_from_json(run["settings"]) if run else load_settings()
            plan_list = [PortalPlan.from_json(p) for p in plans]
        else:
            self.ruf_settings = load_settings()
            shard_t = None
            if shard:
                k, _, n = shard.partition("/")
                shard_t = (int(k), int(n))
                self.shard = f"s{k}of{n}"
            plan_list = plan_crawl(
                self.ruf_settings,
                family=self.family,
                portals=[portal] if portal else None,
                companies=companies.split(",") if companies else None,
                shard=shard_t,
            )
        self.runs: dict[str, PortalRun] = {
            p.portal: PortalRun(
                plan=p,
                report=PortalReport(portal=p.portal, family=self.family, companies=len(p.listings)),
                hosts=portal_hosts(p),
            )
            for p in plan_list
        }
        self.store = RawStore(self.ruf_settings) if self.ruf_settings else None
        self.state = CrawlState(self.ruf_settings.state_dir) if self.ruf_settings else None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> BaseListingSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Settings are applied after the spider exists, so the portal's own
        # politeness can still be set here (the strictest, if several portals share a spider).
        plans = [r.plan for r in spider.runs.values() if r.plan.base_url]
        if plans:
            overrides = portal_settings(
                concurrency=min(p.concurrency for p in plans),
                delay_seconds=max(p.delay_seconds for p in plans),
                base_url=plans[0].base_url,
                fast=crawler.settings.getbool("RUF_FAST"),
            )
            crawler.settings.setdict(overrides, priority="spider")
            logger.info("politeness for %s: %s", ", ".join(spider.runs), overrides)
        return spider

    # --- requests -------------------------------------------------------------

    async def start(self):  # type: ignore[override]
        for name, pr in self.runs.items():
            for listing in pr.plan.listings:
                if self.state is not None and listing.portal_company_id:
                    known = self.state.known(name, listing.portal_company_id, self.run_date)
                    pr.known[listing.portal_company_id] = set(known)
                yield self._request(listing.url, name, listing.portal_company_id, 1)

    def _request(self, url: str, portal: str, portal_company_id: str, page_no: int) -> Request:
        pr = self.runs[portal]
        pr.visited.setdefault(portal_company_id, set()).add(url)
        meta = {
            "portal": portal,
            "portal_company_id": portal_company_id,
            "page_no": page_no,
            "page_type": "listing",
        }
        if pr.plan.max_page_bytes:  # the portal's own size cap (config/portals.yaml)
            meta["download_maxsize"] = pr.plan.max_page_bytes
        return Request(url, callback=self.parse_listing, errback=self.on_error, meta=meta)

    # --- responses ------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any):
        """What ``scrapy parse --spider NAME URL`` calls: one page, nothing archived."""
        if not self.runs:
            name = portal_for_urls(self.family, [response.url])
            plan = PortalPlan(name, self.family, "", 1, 0.0, (Listing("", "", response.url),))
            self.runs[name] = PortalRun(plan=plan, report=PortalReport(portal=name))
            self.store = self.state = None
        return self.parse_listing(response)

    def parse_listing(self, response: Response):
        from spiders.pages import parse_page

        meta = response.meta
        pr = self.runs.get(meta.get("portal", "")) or next(iter(self.runs.values()))
        if not pr.report.ok:
            return  # the portal already failed; its remaining pages are not wanted
        fetched_at = utc_now()
        body = response.body
        sha = sha256_of(body)
        pcid = meta.get("portal_company_id") or ""
        if sha in pr.parsed:
            # A saved page's ?page=2 is the same file again: read once, never twice.
            logger.info("%s: the same body as a page already read; pagination ends", response.url)
            self._finish(pr, pcid)
            return
        pr.parsed.add(sha)
        if not self._archive(pr, response, sha, fetched_at):
            return
        pr.report.pages += 1
        if not body.strip():
            self._fail(pr, f"{response.url}: empty page (HTTP {response.status}, no content)")
            return
        result = parse_page(
            self.page_reader,
            body,
            response.url,
            portal=pr.plan.portal,
            fetched_at=fetched_at,
            response_sha256=sha,
            encoding=declared_encoding(response),
        )
        if result.problems:
            self._fail(
                pr, f"{response.url}: page layout not understood: {'; '.join(result.problems)}"
            )
            return
        keys = []
        for item in result.items:
            if pr.plan.company and isinstance(item, RawItem):
                item.portal_company_id, item.company_name = pr.plan.company
            key = review_key(item) if isinstance(item, RawItem) else None
            if key:
                keys.append(key)
            yield item
        if not pcid and result.items:
            pcid = getattr(result.items[0], "portal_company_id", "") or ""
        newest = pr.seen.setdefault(pcid, [])
        if len(newest) < KEEP_KEYS:  # the state keeps no more than these
            newest.extend(keys[: KEEP_KEYS - len(newest)])
        pr.pages[pcid] += 1
        known = pr.known.get(pcid)
        if known and any(k in known for k in keys):
            # Newest first: everything after the first known review was seen before.
            pr.report.stopped_early += 1
            self._finish(pr, pcid)
            return
        next_url = self._next_page(pr, response.url, result.next_url)
        if next_url and next_url not in pr.visited.get(pcid, ()):
            yield self._request(next_url, pr.plan.portal, pcid, meta.get("page_no", 1) + 1)
        else:
            self._finish(pr, pcid)

    def _next_page(self, pr: PortalRun, url: str, next_url: str | None) -> str | None:
        """The listing's next page, if the page's rel=next is one (see ``navigation``)."""
        if not next_url:
            return None
        if pr.hosts and host_of(next_url) not in pr.hosts:
            pr.report.refuse(OFFSITE)  # pagination stays on the portal's hosts
            logger.warning("%s: rel=next %s is off the portal's hosts; refused", url, next_url)
            return None
        if not same_document(url, next_url):
            logger.info("%s: rel=next %s is another page, not this listing's next", url, next_url)
            return None
        if saved_page_missing(next_url):
            logger.info("%s: its next page %s was not saved; pagination ends", url, next_url)
            return None
        return next_url

    def _finish(self, pr: PortalRun, pcid: str) -> None:
        """A listing's pagination ended: what the state needs goes to disk, not memory."""
        seen = pr.seen.pop(pcid, [])
        pr.known.pop(pcid, None)
        pr.visited.pop(pcid, None)
        if not pcid or self.state is None:
            return
        if pr.finished is None:
            pr.finished = PendingState(self.state, pr.plan.portal, self.run_date)
        pr.finished.add(pcid, seen, pr.pages.pop(pcid, 0))

    def on_error(self, failure: Any) -> None:
        request = failure.request
        pr = self.runs.get(request.meta.get("portal", ""))
        if pr is None:
            return
        exc = failure.value
        retries = request.meta.get("retry_times", 0)
        after = f" (gave up after {retries} retries)" if retries else ""
        cap = request.meta.get("download_maxsize") or self.settings.getint("DOWNLOAD_MAXSIZE")
        refusal = refusal_of(request, exc, cap)
        if refusal is not None:  # off the portal's hosts, or over the size cap: not read
            reason, message = refusal
            pr.report.refuse(reason)
            self._fail(pr, message)
        elif isinstance(exc, HttpError):
            response = exc.response
            self._archive(pr, response, sha256_of(response.body), utc_now())
            why = request.meta.get("ruf_give_up")
            self._fail(
                pr, f"{request.url}: HTTP {response.status}{after}" + (f" ({why})" if why else "")
            )
        elif isinstance(exc, IgnoreRequest) and "robots" in str(exc).lower():
            pr.report.robots_blocked += 1
            logger.warning("robots.txt forbids %s; not fetched", request.url)
        else:
            self._fail(pr, f"{request.url}: {describe_exception(exc)}{after}")

    def _fail(self, pr: PortalRun, message: str) -> None:
        if pr.report.ok:
            logger.error("crawl of %s failed: %s", pr.plan.portal, message)
        pr.report.failures.append(message)
        if all(not r.report.ok for r in self.runs.values()):
            raise CloseSpider("portal_failed")

    # --- outputs --------------------------------------------------------------

    def storage_failed(self, portal: str, message: str) -> None:
        """A write of the raw archive or the items failed (disk full, S3 down):
        the portal's crawl fails, so nothing half-written is published."""
        pr = self.runs.get(portal)
        if pr is not None:
            self._fail(pr, message)

    def _archive(self, pr: PortalRun, response: Response, sha: str, fetched_at: str) -> bool:
        if self.store is None:
            return True
        try:
            self._write_archive(pr, response, sha, fetched_at)
        except OSError as exc:
            self._fail(pr, f"{response.url}: could not archive the response: {exc}")
            return False
        return True

    def _write_archive(self, pr: PortalRun, response: Response, sha: str, fetched_at: str) -> None:
        self.store.store_body(response.body, sha)
        if pr.index_out is None:
            pr.index_out = self.store.staged(
                pr.plan.portal, self.run_date, responses_file_name(self.shard)
            )
        pr.index_out.write(
            {
                "url": response.url,
                "status": response.status,
                "fetched_at": fetched_at,
                "sha256": sha,
                "portal": pr.plan.portal,
                "portal_company_id": response.meta.get("portal_company_id") or None,
                "page_type": response.meta.get("page_type", "listing"),
                "encoding": declared_encoding(response),
            }
        )

    def items_writer(self, portal: str) -> StagedJsonLines | None:
        pr = self.runs.get(portal)
        if pr is None or self.store is None:
            return None
        if pr.items_out is None:
            pr.items_out = self.store.staged(portal, self.run_date, items_file_name(self.shard))
        return pr.items_out

    def note_item(self, item: RawItem) -> None:
        pr = self.runs.get(item.portal)
        if pr is not None:
            pr.kinds[item.kind] += 1

    def note_drop(self, portal: str | None, reason: str) -> None:
        pr = self.runs.get(portal or "") or next(iter(self.runs.values()), None)
        if pr is not None:
            pr.report.dropped[reason] = pr.report.dropped.get(reason, 0) + 1

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        for name, pr in self.runs.items():
            pr.report.add_items(pr.kinds)
            pr.report.retries = int(stats.get_value(f"ruf/retries/{name}", 0))
            if pr.report.ok and reason not in ("finished", "portal_failed"):
                pr.report.failures.append(f"crawl stopped before it finished ({reason})")
            if pr.report.ok:
                try:
                    self._publish(pr)
                except OSError as exc:
                    pr.report.failures.append(f"could not publish the raw files: {exc}")
            if not pr.report.ok:
                for out in (pr.items_out, pr.index_out):
                    if out is not None:
                        out.discard()
                if pr.finished is not None:
                    pr.finished.discard()
                logger.error("crawl of %s failed; its files were not replaced", name)

    def _publish(self, pr: PortalRun) -> None:
        if self.store is None or self.state is None:
            return
        name = pr.plan.portal
        # A successful crawl always leaves both files, even empty ones: "crawled, nothing new".
        items = self.items_writer(name)
        if pr.index_out is None:
            pr.index_out = self.store.staged(name, self.run_date, responses_file_name(self.shard))
        assert items is not None
        pr.report.files = [items.publish(), pr.index_out.publish()]
        if pr.finished is not None:
            pr.finished.apply()
