"""The benchmark world, written into the raw contract by several processes at once.

``offline_portals.export.write_raw`` is single-process (~15-20k items/s); a 10M
review world would take ten minutes or more that way. Here each worker takes a
range of companies and writes its own shard file per portal
(``items-s<k>of<n>.jsonl``, the contract's shard naming), through
``write_raw`` itself, so the items are identical to what one ``write_raw`` writes,
only spread over shards.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from bench.harness import write_text_atomic
from core.contracts import raw_items
from offline_portals.export import write_raw
from offline_portals.world import World, companies_config

SEED = 7


def world_spec(companies: int, reviews_per_company: int, anchor: date, new_days: int) -> dict:
    """The world of a run: the first crawl sees it ``new_days`` before the second."""
    as_of_new = min(datetime.combine(anchor, dtime(23, 59, 59), UTC), datetime.now(UTC))
    as_of_old = as_of_new - timedelta(days=new_days)
    return {
        "seed": SEED,
        "companies": companies,
        "reviews_per_company": reviews_per_company,
        "anchor": anchor.isoformat(),
        "as_of_old": as_of_old.isoformat(),
        "as_of_new": as_of_new.isoformat(),
        "run_date_old": as_of_old.date().isoformat(),
        "run_date_new": as_of_new.date().isoformat(),
    }


def make_world(spec: dict, *, later: bool = False) -> World:
    return World(
        seed=spec["seed"],
        companies=spec["companies"],
        reviews_per_company=spec["reviews_per_company"],
        anchor=date.fromisoformat(spec["anchor"]),
        as_of=datetime.fromisoformat(spec["as_of_new" if later else "as_of_old"]),
    )


def _write_shard(job: tuple[dict, bool, str, str, int, int, int, int]) -> dict:
    spec, later, raw_dir, run_date, lo, hi, k, n = job
    world = make_world(spec, later=later)
    counts = write_raw(
        world,
        raw_dir,
        run_date,
        name=raw_items.shard_name((k, n)),
        companies=range(lo, hi),
        # The later run is an incremental crawl: only what is new.
        since=datetime.fromisoformat(spec["as_of_old"]) if later else None,
    )
    by_kind: Counter = Counter()
    for (_, kind), count in counts.items():
        by_kind[kind] += count
    return dict(by_kind)


def write_raw_parallel(
    spec: dict, raw_dir: str, *, later: bool = False, workers: int = 0
) -> dict[str, float]:
    """Write the world's raw items for the old (or, ``later``, the new) run date."""
    workers = workers or os.cpu_count() or 1
    n_companies = make_world(spec).n_companies
    n = max(1, min(workers, n_companies // 20 or 1))
    bounds = [n_companies * k // n for k in range(n + 1)]
    run_date = spec["run_date_new" if later else "run_date_old"]
    jobs = [(spec, later, raw_dir, run_date, bounds[k], bounds[k + 1], k + 1, n) for k in range(n)]
    started = time.perf_counter()
    if n == 1:
        parts = [_write_shard(jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            parts = pool.map(_write_shard, jobs)
    seconds = time.perf_counter() - started
    total: Counter = Counter()
    for p in parts:
        total.update(p)
    items = sum(total.values())
    return {
        "run_date": run_date,
        "processes": n,
        "items": items,
        "reviews": total["review"],
        "mentions": total["mention"],
        "aggregates": total["aggregate"],
        "seconds": seconds,
        "items_per_second": items / seconds if seconds else 0.0,
    }


def sample_indices(spec: dict, n: int) -> list[int]:
    """``n`` companies spread evenly over the world, plus the first on any portal they miss."""
    from offline_portals.world import PORTALS

    world = make_world(spec)
    step = max(1, world.n_companies // n)
    chosen = list(range(0, world.n_companies, step))[:n]
    covered = {p for i in chosen for p in world.company(i).portal_ids}
    for portal in PORTALS:
        if portal not in covered:
            i = next(i for i in range(world.n_companies) if portal in world.company(i).portal_ids)
            chosen.append(i)
            covered |= set(world.company(i).portal_ids)
    return sorted(set(chosen))


def write_companies(spec: dict, path: str) -> int:
    """The tracked-companies config of the world (company resolution needs it)."""
    import yaml

    world = make_world(spec)
    config = companies_config(world)
    text = yaml.dump(config, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    write_text_atomic(path, text)
    return len(config["companies"])


def generate(spec: dict, raw_dir: str, companies_file: str, workers: int = 0) -> dict:
    """Child task: companies config plus the first run's raw items."""
    started = time.perf_counter()
    n = write_companies(spec, companies_file)
    config_seconds = time.perf_counter() - started
    raw = write_raw_parallel(spec, raw_dir, workers=workers)
    return {"companies": n, "config_seconds": config_seconds, **raw}


def generate_later(spec: dict, raw_dir: str, workers: int = 0) -> dict:
    """Child task: the second run's raw items (only reviews newer than the first run)."""
    return write_raw_parallel(spec, raw_dir, later=True, workers=workers)


def single_process_rate(spec: dict, raw_dir: str, companies: int = 300) -> dict:
    """Baseline: ``write_raw`` itself (one process) on the first companies of the world."""
    import shutil

    sub = make_world({**spec, "companies": min(companies, spec["companies"])})
    started = time.perf_counter()
    counts = write_raw(sub, Path(raw_dir), date.fromisoformat(spec["run_date_old"]))
    seconds = time.perf_counter() - started
    shutil.rmtree(raw_dir, ignore_errors=True)
    items = sum(counts.values())
    return {"items": items, "seconds": seconds, "items_per_second": items / seconds}
