"""Parse speed per page family next to a bare ``lxml.html.fromstring`` (not a test).

    .venv/bin/python tests/spiders/pages/measure_speed.py [--companies 12] [--seconds 1.5]
    .venv/bin/python tests/spiders/pages/measure_speed.py --profile schema_org

Renders every listing page of a sample of companies of
``World(anchor=date(2026, 11, 23))`` with the server's own ``render.render_page``, then
times ``spiders.pages.parse_page`` and the bare parse over the same bytes in
the same process (CPU time, best of a few rounds) and prints the ratio
parse_page / lxml per family. The issue #8 target is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from datetime import UTC, date, datetime

import lxml.html

from offline_portals import render
from offline_portals.world import World, routes
from spiders.pages import parse_page

BASE = "http://127.0.0.1:8765"


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
    if args.profile:
        pages = by_family[args.profile]
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
