"""Measuring the stages that keep reviews: the transform into the lake (next to plain
pandas) and the warehouse build, full and incremental (next to one DuckDB scan)."""

from __future__ import annotations

import shutil

from bench.harness import Figure, unavailable
from bench.session import Session


def transform(s: Session) -> bool:
    """Rows/s of the transform into the lake, next to plain pandas; True if the lake is there."""
    raw_rows = s.world["items"]
    pandas_out = s.work / "pandas-lake"
    base = s.child(
        "transform_pandas",
        "bench.pandas_baseline:run",
        {
            "raw_dir": str(s.data_dir / "raw"),
            "run_date": s.spec["run_date_old"],
            "out_dir": str(pandas_out),
            "companies_file": str(s.work / "companies.yaml"),
            "key": s.env()["RUF_PSEUDONYM_KEY"],
        },
    )
    shutil.rmtree(pandas_out, ignore_errors=True)
    base_rate = base.result.get("rows_per_second") if base.ok else None
    ruf = s.child("transform", "bench.stages:transform", {"run_date": s.spec["run_date_old"]})
    if not ruf.ok:
        for name in ("vs pandas", "end to end"):
            fig = unavailable("transform", name, "rows/s", "plain pandas", ruf)
            fig.baseline = base_rate
            s.add(fig)
        return False
    rate = raw_rows / ruf.result["seconds"]
    note = f"{raw_rows:,} raw rows in {ruf.result['seconds']:.1f}s"
    ratio = rate / base_rate if base_rate else None
    s.add(
        Figure(
            "transform",
            "vs pandas",
            "rows/s",
            rate,
            "plain pandas",
            base_rate,
            target=">= 3x pandas",
            met=None if ratio is None else ratio >= 3,
            note=note,
        )
    )
    s.add(
        Figure(
            "transform",
            "end to end",
            "rows/s",
            rate,
            "plain pandas",
            base_rate,
            target=">= 200,000 rows/s",
            met=rate >= 200_000,
            note=note,
        )
    )
    return True


def build(s: Session, lake_ready: bool) -> bool:
    """Seconds of the full warehouse build (next to one DuckDB scan) and of an incremental
    build after a +1% run (next to the full one); True if the warehouse was built."""
    at_10m = s.scale.name == "10m"
    scan = None
    if lake_ready:
        scan = s.child(
            "build_scan",
            "bench.stages:scan",
            {
                "lake_dir": str(s.data_dir / "lake"),
                "temp_dir": str(s.work / "duckdb-tmp"),
                "memory_limit": s.env()["RUF_DUCKDB_MEMORY_LIMIT"],
            },
        )
    scan_s = scan.result.get("seconds") if scan is not None and scan.ok else None
    full = s.child("build_full", "bench.stages:build", {"full_refresh": True})
    if not lake_ready and full.ok:
        full.status, full.reason = "error", "the transform did not run: no lake to build from"
    if not full.ok:
        fig = unavailable("build", "full refresh", "s", "one-query scan", full)
        fig.baseline = scan_s
        s.add(fig)
        s.add(unavailable("build", "incremental (+1%)", "s", "full build", full))
        return False
    full_s = full.result["seconds"]
    ratio = full_s / scan_s if scan_s else None
    s.add(
        Figure(
            "build",
            "full refresh",
            "s",
            full_s,
            "one-query scan",
            scan_s,
            target="<= 10x scan (10m)",
            met=(ratio <= 10) if at_10m and ratio is not None else None,
            note=full.result.get("summary", "")[:200],
        )
    )
    topics_s = full.result.get("topics_seconds")
    if topics_s is not None:
        rest = full_s - topics_s
        s.add(
            Figure(
                "build",
                "topics (full)",
                "s",
                topics_s,
                "build without topics",
                rest,
                target="< 0.2x the rest (1m)",
                met=(topics_s < 0.2 * rest) if s.scale.name in ("1m", "10m") else None,
                note="the topics' models and their tests (int_topics__*, *_topic_terms, "
                "bi.company_topics, bi.alert_topics) in the full build",
            )
        )
    later = s.child(
        "generate_later",
        "bench.world_gen:generate_later",
        {"spec": s.spec, "raw_dir": str(s.data_dir / "raw"), "workers": 0},
    )
    inc_t = s.child(
        "transform_incremental",
        "bench.stages:transform",
        {"run_date": s.spec["run_date_new"]},
    )
    inc = s.child("build_incremental", "bench.stages:build", {"full_refresh": False})
    if not (later.ok and inc_t.ok and inc.ok):
        failed = next(c for c in (later, inc_t, inc) if not c.ok)
        fig = unavailable("build", "incremental (+1%)", "s", "full build", failed)
        fig.baseline = full_s
        s.add(fig)
        return True
    inc_s = inc.result["seconds"]
    share = inc_s / full_s
    new = later.result["reviews"] + later.result["mentions"]
    s.add(
        Figure(
            "build",
            "incremental (+1%)",
            "s",
            inc_s,
            "full build",
            full_s,
            target="<= 0.10x full (10m)",
            met=(share <= 0.10) if at_10m else None,
            note=f"{new:,} new reviews+mentions ({new / max(1, s.world['items']):.1%}); "
            f"their transform {inc_t.result['seconds']:.1f}s",
        )
    )
    return True
