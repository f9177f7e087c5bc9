"""Child tasks that call the pipeline's own stage entry points.

Each runs in its own process (see ``harness.run_child``) with the settings of
the bench data root from the environment; the time measured is the call
itself, not the interpreter start or the imports.
"""

from __future__ import annotations

import dataclasses
import time
from datetime import date
from pathlib import Path

from bench.harness import require


def _report_facts(report: object) -> dict:
    out: dict = {"summary": report.summary() if hasattr(report, "summary") else str(report)}
    if dataclasses.is_dataclass(report):
        for f in dataclasses.fields(report):
            value = getattr(report, f.name)
            if isinstance(value, int | float | str | bool) or value is None:
                out[f.name] = value
            elif isinstance(value, dict) and all(
                isinstance(v, int | float) for v in value.values()
            ):
                out[f.name] = {str(k): v for k, v in value.items()}
    for name in ("raw_rows", "clean_rows", "quarantined_rows", "duplicate_rows"):
        value = getattr(report, name, None)
        if isinstance(value, int):
            out[name] = value
    return out


def transform(run_date: str) -> dict:
    """transforms.run.transform over one raw run (normalise, validate, write Parquet)."""
    run = require("transforms.run", "transform")
    from core.settings import load_settings

    settings = load_settings()
    started = time.perf_counter()
    report = run(settings, run_date=date.fromisoformat(run_date))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, **_report_facts(report)}


def build(full_refresh: bool) -> dict:
    """warehouse.build.build, full or incremental."""
    run = require("warehouse.build", "build")
    from core.settings import load_settings

    settings = load_settings()
    started = time.perf_counter()
    report = run(settings, full_refresh=full_refresh)
    seconds = time.perf_counter() - started
    # dbt runs one node at a time (threads 1), so the nodes' seconds add up.
    results = getattr(report, "results", [])
    topics = sum(sec for _, name, _, sec in results if "topic" in name)
    return {"seconds": seconds, "topics_seconds": topics, **_report_facts(report)}


def scan(lake_dir: str, temp_dir: str, memory_limit: str) -> dict:
    """The scan limit: the decayed Bayesian score in one DuckDB query over the lake."""
    import duckdb

    reviews = Path(lake_dir) / "reviews"
    if not any(reviews.rglob("*.parquet")):
        raise FileNotFoundError(f"no lake reviews under {reviews}: the transform wrote nothing")
    sql = (Path(__file__).with_name("scan.sql")).read_text(encoding="utf-8")
    sql = sql.replace("{reviews}", str(reviews / "**" / "*.parquet"))
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute(f"set temp_directory = '{temp_dir}'")
    con.execute("set preserve_insertion_order = false")
    started = time.perf_counter()
    rows = con.execute(f"select count(*), avg(score_100) from ({sql})").fetchone()
    seconds = time.perf_counter() - started
    con.close()
    return {"seconds": seconds, "score_rows": rows[0], "mean_score_100": rows[1]}
