"""Measuring what users get out of the warehouse: query latency (next to a lake scan)
and the detectors' recall and precision (next to naive rules)."""

from __future__ import annotations

from bench.harness import Figure, unavailable
from bench.session import Session


def query(s: Session, warehouse_ready: bool) -> None:
    """p95 latency of the company queries and the league table, next to a lake scan."""
    from bench.world_gen import make_world, sample_indices

    world = make_world(s.spec)
    sample = sample_indices(s.spec, s.scale.query_companies)
    ids = [world.company(i).company_id for i in sample]
    args = {"company_ids": ids, "repeats": s.scale.query_repeats}
    base = s.child(
        "query_lake", "bench.query:run_lake", {"lake_dir": str(s.data_dir / "lake"), **args}
    )
    ruf = s.child(
        "query",
        "bench.query:run",
        {"warehouse_path": str(s.data_dir / "warehouse" / "ruf.duckdb"), **args},
    )
    if not warehouse_ready and ruf.ok:
        ruf.status, ruf.reason = "error", "no fresh warehouse build"
    page_base = base.result["company_page"]["p95_ms"] if base.ok else None
    league_base = base.result["league_table"]["p95_ms"] if base.ok else None
    if not ruf.ok:
        fig = unavailable("query", "company page p95", "ms", "lake scan", ruf)
        fig.baseline = page_base
        s.add(fig)
        return
    src = ruf.result["source"]
    for name, p in sorted(ruf.result["queries"].items()):
        s.add(
            Figure(
                "query",
                f"{name} p95",
                "ms",
                p["p95_ms"],
                "lake, 1 company",
                page_base,
                target="< 50 ms",
                met=p["p95_ms"] < 50,
                note=f"p50 {p['p50_ms']:.1f} ms over {p['runs']} runs ({src})",
            )
        )
    page = ruf.result["company_page"]
    s.add(
        Figure(
            "query",
            "whole company page p95",
            "ms",
            page["p95_ms"],
            "lake, 1 company",
            page_base,
            note=f"p50 {page['p50_ms']:.1f} ms; all company queries in sequence",
        )
    )
    league = ruf.result["league_table"]
    s.add(
        Figure(
            "query",
            "league_table p95",
            "ms",
            league["p95_ms"],
            "lake scan league",
            league_base,
            note=f"p50 {league['p50_ms']:.1f} ms ({src})",
        )
    )


def detectors(s: Session, warehouse_ready: bool) -> None:
    """Recall and precision of each alert kind on the injected events, next to naive rules."""
    base = s.child(
        "detectors_naive",
        "bench.detectors:naive_baseline",
        {"spec": s.spec, "lake_dir": str(s.data_dir / "lake")},
    )
    ruf = s.child(
        "detectors",
        "bench.detectors:evaluate",
        {"spec": s.spec, "warehouse_path": str(s.data_dir / "warehouse" / "ruf.duckdb")},
    )
    if not warehouse_ready and ruf.ok:
        ruf.status, ruf.reason = "error", "no fresh warehouse build"
    naive = base.result.get("per_kind", {}) if base.ok else {}
    if not ruf.ok:
        fig = unavailable("detectors", "all kinds", "recall", "naive rules", ruf)
        s.add(fig)
        return
    targeted = {"negative_burst", "positive_burst", "near_duplicate"}
    for kind, m in sorted(ruf.result["per_kind"].items()):
        nb = naive.get(kind, {})
        for metric, goal in (("recall", 0.9), ("precision", 0.8)):
            value = m[metric]
            met = None
            if kind in targeted and value is not None:
                met = value >= goal
            elif kind in targeted and metric == "recall" and m["events"]:
                met = False
            s.add(
                Figure(
                    "detectors",
                    f"{kind} {metric}",
                    "",
                    value,
                    "naive rules",
                    nb.get(metric),
                    target=f">= {goal}" if kind in targeted else "",
                    met=met,
                    note=f"{m['events']} injected, {m['alerts']} alerts",
                )
            )
