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


# Every alert kind: recall and precision at 1m (issue 20).
RECALL_GOAL, PRECISION_GOAL = 0.9, 0.8
CORPUS_GOAL = 0.9


def detectors(s: Session, warehouse_ready: bool) -> None:
    """Recall and precision of each alert kind on the injected events, the recall on each
    planted pattern and the alerts at decoys, next to naive rules; precision and recall
    of the threat detection on the phrase corpus, next to a naive keyword rule."""
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
    if not ruf.ok:
        s.add(unavailable("detectors", "all kinds", "recall", "naive rules", ruf))
    else:
        naive = base.result if base.ok else {}
        _kinds(s, ruf.result, naive)
        _patterns(s, ruf.result, naive)
    _corpus(s)


def _kinds(s: Session, ruf: dict, naive: dict) -> None:
    for kind, m in sorted(ruf["per_kind"].items()):
        nb = naive.get("per_kind", {}).get(kind, {})
        for metric, goal in (("recall", RECALL_GOAL), ("precision", PRECISION_GOAL)):
            value = m[metric]
            met = None if value is None else value >= goal
            if value is None and metric == "recall" and m["events"]:
                met = False
            s.add(
                Figure(
                    "detectors",
                    f"{kind} {metric}",
                    "",
                    value,
                    "naive rules",
                    nb.get(metric),
                    target=f">= {goal}",
                    met=met,
                    note=f"{m['events']} injected, {m['alerts']} alerts",
                )
            )


def _patterns(s: Session, ruf: dict, naive: dict) -> None:
    for kind, patterns in sorted(ruf["recall_by_pattern"].items()):
        for pattern, m in sorted(patterns.items()):
            nb = naive.get("recall_by_pattern", {}).get(kind, {}).get(pattern, {})
            s.add(
                Figure(
                    "detectors",
                    f"{kind} recall: {pattern}",
                    "",
                    m["recall"],
                    "naive rules",
                    nb.get("recall"),
                    note=f"{m['events_found']} of {m['events']} found",
                )
            )
    for pattern, kinds in sorted(ruf["alerts_at_decoys"].items()):
        companies = ruf["decoy_companies"].get(pattern, 0)
        if not companies:
            continue
        nb = naive.get("alerts_at_decoys", {}).get(pattern, {})
        s.add(
            Figure(
                "detectors",
                f"false alerts at decoys: {pattern}",
                "alerts",
                sum(kinds.values()),
                "naive rules",
                sum(nb.values()) if naive else None,
                note=f"{companies} companies; "
                + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"),
            )
        )


def _corpus(s: Session) -> None:
    corpus = s.child(
        "detectors_corpus",
        "bench.threat_corpus:run",
        {"work_dir": str(s.work / "threat-corpus")},
    )
    for metric in ("precision", "recall"):
        name = f"threat corpus {metric}"
        if not corpus.ok:
            s.add(unavailable("detectors", name, "", "naive keywords", corpus))
            continue
        r = corpus.result
        value = r["ruf"][metric]
        s.add(
            Figure(
                "detectors",
                name,
                "",
                value,
                "naive keywords",
                r["naive"][metric],
                target=f">= {CORPUS_GOAL}",
                met=value is not None and value >= CORPUS_GOAL,
                note=f"{r['threats']} threats in {r['examples']} reviews; "
                f"{r['ruf']['false_positives']} false, {r['ruf']['false_negatives']} missed",
            )
        )
