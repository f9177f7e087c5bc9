"""Measuring the stages that keep reviews: the transform into the lake (next to plain
pandas) and the warehouse build, full and incremental (next to one DuckDB scan)."""

from __future__ import annotations

import shutil

from bench.harness import REPO_ROOT, ChildResult, Figure, unavailable
from bench.session import Session


def _baselines(s: Session) -> tuple[ChildResult, ChildResult]:
    """Plain pandas (on a prefix at the largest scale) and one DuckDB query, over the same
    raw rows the transform reads."""
    pandas_out, duckdb_out = s.work / "pandas-lake", s.work / "duckdb-lake"
    same_rows = {  # what both baselines read: the transform's raw rows and config
        "raw_dir": str(s.data_dir / "raw"),
        "run_date": s.spec["run_date_old"],
        "companies_file": str(s.work / "companies.yaml"),
        "key": s.env()["RUF_PSEUDONYM_KEY"],
    }
    pandas = s.child(
        "transform_pandas",
        "bench.pandas_baseline:run",
        {**same_rows, "out_dir": str(pandas_out), "max_rows": s.scale.pandas_rows},
    )
    shutil.rmtree(pandas_out, ignore_errors=True)
    duckdb = s.child(
        "transform_duckdb",
        "bench.transform_baselines:duckdb_query",
        {
            **same_rows,
            "out_dir": str(duckdb_out),
            "portals_file": s.env().get("RUF_PORTALS")
            or str(REPO_ROOT / "config" / "portals.yaml"),
            "memory_limit": s.env()["RUF_DUCKDB_MEMORY_LIMIT"],
            "temp_dir": str(s.work / "duckdb-tmp"),
        },
    )
    shutil.rmtree(duckdb_out, ignore_errors=True)
    return pandas, duckdb


def _undeclared(s: Session, declared_rate: float | None) -> None:
    """The same raw rows with no language declared (each file rewritten once, the
    ``language`` field nulled), transformed in a data root of their own."""
    root = s.work / "undeclared-data"
    shutil.rmtree(root, ignore_errors=True)
    world = s.child(
        "undeclared_world",
        "bench.transform_baselines:undeclared_world",
        {
            "raw_dir": str(s.data_dir / "raw"),
            "run_date": s.spec["run_date_old"],
            "out_raw_dir": str(root / "raw"),
        },
    )
    ruf = world
    if world.ok:
        ruf = s.child(
            "transform_undeclared",
            "bench.stages:transform",
            {"run_date": s.spec["run_date_old"]},
            env=s.env(RUF_DATA_DIR=str(root)),
        )
    shutil.rmtree(root, ignore_errors=True)
    name, base_name = "undeclared languages vs declared", "transform, languages declared"
    if not ruf.ok:
        fig = unavailable("transform", name, "rows/s", base_name, ruf)
        fig.baseline = declared_rate
        s.add(fig)
        return
    rate = s.world["items"] / ruf.result["seconds"]
    ratio = rate / declared_rate if declared_rate else None
    s.add(
        Figure(
            "transform",
            name,
            "rows/s",
            rate,
            base_name,
            declared_rate,
            target=">= 0.9x declared",
            met=None if ratio is None else ratio >= 0.9,
            note=f"{ruf.result['seconds']:.1f}s; the raw files with every `language` nulled "
            f"({world.result['seconds']:.1f}s to rewrite, not timed)",
        )
    )


def transform(s: Session) -> bool:
    """Rows/s of the transform into the lake, next to plain pandas and one DuckDB query,
    and again with no language declared; True if the lake is there."""
    raw_rows = s.world["items"]
    pandas, duckdb = _baselines(s)
    pandas_rate = pandas.result.get("rows_per_second") if pandas.ok else None
    duckdb_rate = duckdb.result.get("rows_per_second") if duckdb.ok else None
    ruf = s.child("transform", "bench.stages:transform", {"run_date": s.spec["run_date_old"]})
    names = (
        ("vs pandas", "plain pandas", pandas_rate),
        ("vs one-query DuckDB", "one DuckDB query", duckdb_rate),
        ("end to end", "plain pandas", pandas_rate),
    )
    if not ruf.ok:
        for name, base_name, base_rate in names:
            fig = unavailable("transform", name, "rows/s", base_name, ruf)
            fig.baseline = base_rate
            s.add(fig)
        _undeclared(s, None)
        return False
    rate = raw_rows / ruf.result["seconds"]
    note = f"{raw_rows:,} raw rows in {ruf.result['seconds']:.1f}s"
    targets = {
        "vs pandas": (">= 3x pandas", pandas_rate and rate / pandas_rate >= 3),
        "vs one-query DuckDB": (">= 0.5x DuckDB", duckdb_rate and rate / duckdb_rate >= 0.5),
        "end to end": (">= 100,000 rows/s", rate >= 100_000),
    }
    for name, base_name, base_rate in names:
        target, met = targets[name]
        extra = ""
        if name == "vs pandas" and pandas.ok and pandas.result.get("prefix"):
            extra = f"; pandas on a prefix of {pandas.result['raw_rows']:,} rows"
        s.add(
            Figure(
                "transform",
                name,
                "rows/s",
                rate,
                base_name,
                base_rate,
                target=target,
                met=None if (base_rate is None and name != "end to end") else bool(met),
                note=note + extra,
            )
        )
    _undeclared(s, rate)
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
            target="<= 30x scan (10m)",
            met=(ratio <= 30) if at_10m and ratio is not None else None,
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
            target="<= 0.15x full (10m)",
            met=(share <= 0.15) if at_10m else None,
            note=f"{new:,} new reviews+mentions ({new / max(1, s.world['items']):.1%}); "
            f"their transform {inc_t.result['seconds']:.1f}s",
        )
    )
    return True
