"""Parse speed per page family next to a bare ``lxml.html.fromstring`` (not a test).

    .venv/bin/python tests/spiders/pages/measure_speed.py [--companies 12] [--seconds 1.5]
    .venv/bin/python tests/spiders/pages/measure_speed.py --profile schema_org
    .venv/bin/python tests/spiders/pages/measure_speed.py --profile generic  # real pages

The real saved pages of ``../shared/realworld/html/`` (when present) are the
``generic`` family, as in ``make bench``; ``--profile generic`` also prints the
CPU time of each strategy of the generic reader over them.

Renders every listing page of a sample of companies of
``World(anchor=date(2026, 11, 23))`` with the server's own ``render.render_page``, then
times ``spiders.pages.parse_page`` and the bare parse over the same bytes in
the same process (CPU time, best of a few rounds) and prints the ratio
parse_page / lxml per family. The issue #8 target is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import pstats
import sys
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

import lxml.html

from offline_portals import render
from offline_portals.world import World, routes
from spiders.pages import parse_page

BASE = "http://127.0.0.1:8765"
REALWORLD = Path(__file__).resolve().parents[3] / ".." / "shared" / "realworld" / "html"


def realworld_pages() -> list[tuple[bytes, str, str]]:
    """(body, url, portal) of the real saved pages (gunzipped), none when absent."""
    if not REALWORLD.is_dir():
        return []
    out = []
    for page in sorted(REALWORLD.iterdir()):
        body = page.read_bytes()
        body = gzip.decompress(body) if page.name.endswith(".gz") else body
        out.append((body, f"{BASE}/realworld/{page.name.removesuffix('.gz')}", "realworld"))
    return out


def strategy_seconds(pages: list[tuple[bytes, str, str]]) -> dict[str, float]:
    """CPU seconds of one pass of the generic reader over ``pages``, per strategy
    (the tree parse apart: the strategies share one tree, parsed on first need)."""
    from spiders.pages import base
    from spiders.pages.generic import reader

    spent: dict[str, float] = defaultdict(float)
    targets = [
        (reader.structured, "read", "structured (JSON-LD, microdata, RDFa)"),
        (reader.state, "read", "state (embedded JSON)"),
        (reader.rendered, "read", "rendered"),
        (base.Page, "root", "tree parse (shared)"),
        (reader, "layout", "script layout"),
        (reader, "rel_next", "pagination (rel=next)"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in targets]

    def timed(fn, label):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - started

        return run

    for owner, name, label in targets:
        setattr(owner, name, timed(getattr(owner, name), label))
    try:
        started = time.process_time()
        _ruf("generic", pages)
        spent["total"] = time.process_time() - started
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    return dict(spent)


def sample_pages(companies: int) -> dict[str, list[tuple[bytes, str, str]]]:
    """(body, url, portal) of every listing page of ``companies`` spread-out companies."""
    world = World(anchor=date(2026, 11, 23))
    step = max(1, world.n_companies // companies)
    chosen = set(range(0, world.n_companies, step)[:companies])
    for portal in render.FAMILY_OF_PORTAL:  # every family at least once
        if not any(portal in world.company(i).portal_ids for i in chosen):
            chosen.add(
                next(i for i in range(world.n_companies) if portal in world.company(i).portal_ids)
            )
    by_family: dict[str, list[tuple[bytes, str, str]]] = {}
    for i in sorted(chosen):
        company = world.company(i)
        for portal, pid in company.portal_ids.items():
            page = 1
            while True:
                path = routes.company_path(portal, pid, page)
                body = render.render_page(world, path, datetime.now(UTC))
                if body is None:
                    break
                family = render.FAMILY_OF_PORTAL[portal]
                by_family.setdefault(family, []).append((body.encode(), BASE + path, portal))
                page += 1
    return by_family


def _ruf(family: str, pages: list[tuple[bytes, str, str]]) -> None:
    for body, url, portal in pages:
        parse_page(
            family,
            body,
            url,
            portal=portal,
            fetched_at="2026-11-23T09:00:00Z",
            response_sha256="0" * 64,
        )


def _lxml(family: str, pages: list[tuple[bytes, str, str]]) -> None:
    for body, _, _ in pages:
        lxml.html.fromstring(body)


def cpu_seconds(run, family: str, pages: list, seconds: float) -> float:
    """Best CPU time of one pass over the pages, repeating for at least ``seconds``."""
    best = float("inf")
    spent = 0.0
    while spent < seconds:
        started = time.process_time()
        run(family, pages)
        took = time.process_time() - started
        best = min(best, took)
        spent += took
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=1.5, help="per family and side")
    parser.add_argument("--profile", metavar="FAMILY", help="cProfile parse_page of one family")
    args = parser.parse_args(argv)
    by_family = sample_pages(args.companies)
    if realworld_pages():
        by_family["generic"] = realworld_pages()
    if args.profile:
        pages = by_family[args.profile]
        if args.profile == "generic":
            _ruf("generic", pages)  # warm up
            spent = strategy_seconds(pages)
            for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
                print(f"{label:<40}{seconds * 1e3:>9.1f} ms")  # nested: structured holds a parse
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            _ruf(args.profile, pages)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0
    print(f"{'family':<12}{'pages':>7}{'ruf ms/page':>13}{'lxml ms/page':>14}{'ratio':>8}")
    worst = 0.0
    for family, pages in sorted(by_family.items()):
        _ruf(family, pages)  # warm up: imports, compiled XPaths
        ruf = cpu_seconds(_ruf, family, pages, args.seconds)
        bare = cpu_seconds(_lxml, family, pages, args.seconds)
        ratio = ruf / bare
        worst = max(worst, ratio)
        n = len(pages)
        print(f"{family:<12}{n:>7}{ruf / n * 1e3:>13.3f}{bare / n * 1e3:>14.3f}{ratio:>8.2f}")
    print(f"worst ratio {worst:.2f} (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
