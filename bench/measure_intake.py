"""Measuring the stages that bring reviews in: generating the world's raw items,
parsing portal pages and crawling the offline portals, each next to its baseline."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime

from bench.harness import REPO_ROOT, Figure, unavailable
from bench.session import Session
from bench.world_gen import world_spec


def generate(s: Session) -> None:
    """The world's raw items (several processes) next to ``write_raw`` in one process;
    the run stops here if the world cannot be written (every stage reads it)."""
    scale = s.scale
    s.spec = world_spec(
        scale.companies, scale.reviews_per_company, datetime.now(UTC).date(), scale.new_review_days
    )
    (s.work / "spec.json").write_text(json.dumps(s.spec, indent=2), encoding="utf-8")
    raw = str(s.data_dir / "raw")
    gen = s.child(
        "generate",
        "bench.world_gen:generate",
        {
            "spec": s.spec,
            "raw_dir": raw,
            "companies_file": str(s.work / "companies.yaml"),
            "workers": scale.workers,
        },
    )
    base = s.child(
        "generate_write_raw",
        "bench.world_gen:single_process_rate",
        {"spec": s.spec, "raw_dir": str(s.work / "write-raw-baseline")},
    )
    if not gen.ok:
        raise SystemExit(f"[bench] generating the world failed: {gen.reason}")
    s.world = gen.result
    s.add(
        Figure(
            "generate",
            f"raw items ({gen.result['processes']} processes)",
            "items/s",
            gen.result["items_per_second"],
            "write_raw (1 process)",
            base.result.get("items_per_second") if base.ok else None,
            note=f"{gen.result['items']:,} items, {gen.result['seconds']:.1f}s",
        )
    )


def parse(s: Session) -> None:
    """Pages/s of our page parsers per spider family, next to bare lxml on the same pages."""
    pages_dir = str(s.work / "pages")
    rendered = s.child(
        "parse_render",
        "bench.parse:render_pages",
        {"spec": s.spec, "pages_dir": pages_dir, "companies": s.scale.parse_companies},
    )
    if not rendered.ok:
        s.add(unavailable("parse", "all families", "pages/s", "bare lxml", rendered))
        return
    args = {"pages_dir": pages_dir, "min_seconds": s.scale.parse_seconds}
    lx = s.child("parse_lxml", "bench.parse:parse_lxml", args)
    ruf = s.child("parse", "bench.parse:parse_ruf", args)
    for family, why in sorted(rendered.result["missing"].items()):
        s.add(
            Figure(
                "parse",
                family,
                "pages/s",
                None,
                "bare lxml",
                None,
                status="not_available",
                note=f"stage not available: {why}",
            )
        )
    for family in sorted(rendered.result["per_family"]):
        base = lx.result.get(family, {}).get("pages_per_second") if lx.ok else None
        r = ruf.result.get(family, {}) if ruf.ok else {}
        if not ruf.ok or "not_available" in r:
            fig = unavailable("parse", family, "pages/s", "bare lxml", ruf)
            if ruf.ok:
                fig.status, fig.note = (
                    "not_available",
                    f"stage not available: {r['not_available']}",
                )
            fig.baseline = base
            s.add(fig)
            continue
        ratio = r["pages_per_second"] / base if base else None
        s.add(
            Figure(
                "parse",
                family,
                "pages/s",
                r["pages_per_second"],
                "bare lxml",
                base,
                target=">= 0.5x lxml",
                met=None if ratio is None else ratio >= 0.5,
                note=f"{r['items']:,} items from {r['pages']:,} pages",
            )
        )


def crawl(s: Session) -> None:
    """Pages/s of our crawl over the offline portals, next to a do-nothing Scrapy spider."""
    from bench import crawl

    spec_file = s.work / "spec.json"
    port_file = s.work / "portals.url"
    port_file.unlink(missing_ok=True)
    log = open(s.work / "logs" / "portals.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.crawl", str(spec_file), str(port_file)],
        cwd=REPO_ROOT,
        env=s.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while not port_file.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the offline portals did not start (logs/portals.log)")
            time.sleep(0.2)
        url = port_file.read_text(encoding="utf-8")
        ids, urls = crawl.listing_urls(s.spec, url, s.scale.crawl_companies)
        urls_file = s.work / "crawl-urls.json"
        urls_file.write_text(json.dumps(urls), encoding="utf-8")
        noop_args = {"base_url": url, "urls_file": str(urls_file)}
        # First pass warms the server's per-company review cache for both crawlers.
        if s.scale.crawl_warmup:
            s.child("crawl_warmup", "bench.crawl:crawl_noop", noop_args)
        crawl_env = s.env(RUF_DATA_DIR=str(s.work / "crawl-data"), RUF_PORTALS_URL=url)
        ruf = s.child(
            "crawl",
            "bench.crawl:crawl_ruf",
            {"base_url": url, "run_date": s.spec["run_date_new"], "company_ids": ids},
            env=crawl_env,
        )
        base = s.child("crawl_noop", "bench.crawl:crawl_noop", noop_args)
    finally:
        server.kill()
        server.wait()
        log.close()
    base_rate = base.result.get("pages_per_second") if base.ok else None
    if not ruf.ok:
        fig = unavailable("crawl", f"{len(ids)} companies", "pages/s", "do-nothing spider", ruf)
        fig.baseline = base_rate
        s.add(fig)
        return
    s.add(
        Figure(
            "crawl",
            f"{len(ids)} companies, fast",
            "pages/s",
            ruf.result["pages_per_second"],
            "do-nothing spider",
            base_rate,
            note=f"{ruf.result['pages']:,} listing pages; {ruf.result.get('report', '')}",
        )
    )
