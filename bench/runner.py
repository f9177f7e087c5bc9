"""The benchmark run: world, stages, baselines, figures, results.json, table."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.harness import REPO_ROOT, ChildResult, Figure, run_child, table, unavailable
from bench.scales import Scale
from bench.world_gen import world_spec

GIB = 1024.0
BENCH_KEY = "ruf-bench-key-not-secret"
STAGES = ("generate", "parse", "crawl", "transform", "build", "query", "detectors")
# A stage measures what the stages before it made: the lake, then the warehouse.
NEEDS = {"build": "transform", "query": "build", "detectors": "build"}


def check_stages(stages: tuple[str, ...] | list[str], reuse: bool = False) -> tuple[str, ...]:
    """The stages to run, in pipeline order; generate always runs (everything reads its
    world), except with ``reuse``: then the world and lake of an earlier run stand in for
    generate and transform, which do not run again."""
    unknown = sorted(set(stages) - set(STAGES))
    if unknown:
        raise SystemExit(
            f"[bench] unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}"
        )
    if reuse:
        again = sorted({"generate", "transform"} & set(stages))
        if again:
            raise SystemExit(
                f"[bench] --reuse keeps the earlier run's world and lake: drop {', '.join(again)}"
            )
        chosen = {"generate", "transform", *stages}  # done by the earlier run
    else:
        chosen = {"generate", *stages}
    for stage, needs in NEEDS.items():
        if stage in chosen and needs not in chosen:
            raise SystemExit(f"[bench] stage {stage} needs stage {needs}: add it to --stages")
    ordered = tuple(s for s in STAGES if s in chosen)
    return tuple(s for s in ordered if s not in ("generate", "transform")) if reuse else ordered


MARKER = ".ruf-bench"


class Bench:
    def __init__(
        self,
        scale: Scale,
        work: Path,
        data_dir: Path,
        out: Path,
        say=print,
        stages: tuple[str, ...] = STAGES,
        reuse: bool = False,
    ) -> None:
        self.scale = scale
        self.reuse = reuse
        self.stages = check_stages(stages, reuse)
        self.work = work
        self.data_dir = data_dir
        self.out = out
        self.say = say
        self.figures: list[Figure] = []
        self.children: dict[str, ChildResult] = {}
        self.spec: dict = {}
        self.world: dict = {}

    # --- plumbing ------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("RUF_DEMO", None)
        env.setdefault("RUF_PSEUDONYM_KEY", BENCH_KEY)
        # A 4 GiB budget per stage: DuckDB gets 3 GB and spills the rest to disk.
        env.setdefault("RUF_DUCKDB_MEMORY_LIMIT", "3GB")
        env.setdefault("RUF_DUCKDB_TEMP_DIR", str(self.work / "duckdb-tmp"))
        env.update(
            RUF_DATA_DIR=str(self.data_dir),
            RUF_COMPANIES=str(self.work / "companies.yaml"),
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def child(self, task: str, target: str, args: dict, **kw) -> ChildResult:
        env = kw.pop("env", None) or self.env()
        self.say(f"[bench] {task} ...")
        res = run_child(task, target, args, work=self.work, env=env, **kw)
        self.children[task] = res
        what = res.status if res.ok else f"{res.status}: {res.reason[:200]}"
        self.say(
            f"[bench] {task}: {what} ({res.wall_seconds:.1f}s, peak {res.maxrss_mib:,.0f} MiB)"
        )
        return res

    def add(self, fig: Figure) -> None:
        self.figures.append(fig)

    def prepare(self) -> None:
        for d in (self.work, self.data_dir):
            owned = [
                p for p in ("raw", "lake", "warehouse", "state", "reports") if (d / p).exists()
            ]
            if owned and not (d / MARKER).exists():
                raise SystemExit(
                    f"[bench] {d} holds pipeline data the benchmark did not write "
                    f"({', '.join(owned)}); point RUF_DATA_DIR or --work elsewhere"
                )
        # Start clean, but only ever remove what an earlier benchmark wrote.
        if (self.data_dir / MARKER).exists():
            for p in ("raw", "lake", "warehouse", "state", "reports"):
                shutil.rmtree(self.data_dir / p, ignore_errors=True)
        if (self.work / MARKER).exists():
            shutil.rmtree(self.work)
        for d in (self.data_dir, self.work):
            d.mkdir(parents=True, exist_ok=True)
            (d / MARKER).write_text("written by `make bench`; the benchmark may wipe it\n")
        (self.work / "duckdb-tmp").mkdir(exist_ok=True)

    def reuse_earlier(self) -> None:
        """--reuse: the world and lake an earlier run of this scale left in the work folder
        (its transform done, its incremental run not yet), so a later stage can be
        measured again without generating and transforming millions of rows again."""
        spec_path = self.work / "spec.json"
        generated = self.work / "logs" / "generate.result.json"
        if not ((self.work / MARKER).exists() and spec_path.exists() and generated.exists()):
            raise SystemExit(f"[bench] --reuse: no earlier benchmark run in {self.work}")
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        s = self.scale
        if (spec["companies"], spec["reviews_per_company"]) != (s.companies, s.reviews_per_company):
            raise SystemExit(f"[bench] --reuse: the run in {self.work} is not of scale {s.name}")
        runs = self.data_dir / "lake" / "runs"
        if not any((runs / f"run_date={spec['run_date_old']}").glob("*.parquet")):
            raise SystemExit("[bench] --reuse: the earlier run did not transform its world")
        if (runs / f"run_date={spec['run_date_new']}").exists():
            raise SystemExit("[bench] --reuse: the earlier run's lake already has its +1% run")
        self.spec = spec
        self.world = json.loads(generated.read_text(encoding="utf-8"))["result"]
        shutil.rmtree(self.data_dir / "warehouse", ignore_errors=True)
        (self.work / "duckdb-tmp").mkdir(exist_ok=True)
        self.say(
            f"[bench] reusing the world and lake of {spec_path} ({self.world['items']:,} items)"
        )

    # --- stages --------------------------------------------------------------

    def generate(self) -> bool:
        s = self.scale
        self.spec = world_spec(
            s.companies, s.reviews_per_company, datetime.now(UTC).date(), s.new_review_days
        )
        (self.work / "spec.json").write_text(json.dumps(self.spec, indent=2), encoding="utf-8")
        raw = str(self.data_dir / "raw")
        gen = self.child(
            "generate",
            "bench.world_gen:generate",
            {
                "spec": self.spec,
                "raw_dir": raw,
                "companies_file": str(self.work / "companies.yaml"),
                "workers": s.workers,
            },
        )
        base = self.child(
            "generate_write_raw",
            "bench.world_gen:single_process_rate",
            {"spec": self.spec, "raw_dir": str(self.work / "write-raw-baseline")},
        )
        if not gen.ok:
            raise SystemExit(f"[bench] generating the world failed: {gen.reason}")
        self.world = gen.result
        self.add(
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
        return True

    def parse(self) -> None:
        pages_dir = str(self.work / "pages")
        rendered = self.child(
            "parse_render",
            "bench.parse:render_pages",
            {"spec": self.spec, "pages_dir": pages_dir, "companies": self.scale.parse_companies},
        )
        if not rendered.ok:
            self.add(unavailable("parse", "all families", "pages/s", "bare lxml", rendered))
            return
        args = {"pages_dir": pages_dir, "min_seconds": self.scale.parse_seconds}
        lx = self.child("parse_lxml", "bench.parse:parse_lxml", args)
        ruf = self.child("parse", "bench.parse:parse_ruf", args)
        for family, why in sorted(rendered.result["missing"].items()):
            self.add(
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
                self.add(fig)
                continue
            ratio = r["pages_per_second"] / base if base else None
            self.add(
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

    def crawl(self) -> None:
        from bench import crawl

        spec_file = self.work / "spec.json"
        port_file = self.work / "portals.url"
        port_file.unlink(missing_ok=True)
        log = open(self.work / "logs" / "portals.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.crawl", str(spec_file), str(port_file)],
            cwd=REPO_ROOT,
            env=self.env(),
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
            ids, urls = crawl.listing_urls(self.spec, url, self.scale.crawl_companies)
            urls_file = self.work / "crawl-urls.json"
            urls_file.write_text(json.dumps(urls), encoding="utf-8")
            noop_args = {"base_url": url, "urls_file": str(urls_file)}
            # First pass warms the server's per-company review cache for both crawlers.
            if self.scale.crawl_warmup:
                self.child("crawl_warmup", "bench.crawl:crawl_noop", noop_args)
            crawl_env = self.env(RUF_DATA_DIR=str(self.work / "crawl-data"), RUF_PORTALS_URL=url)
            ruf = self.child(
                "crawl",
                "bench.crawl:crawl_ruf",
                {"base_url": url, "run_date": self.spec["run_date_new"], "company_ids": ids},
                env=crawl_env,
            )
            base = self.child("crawl_noop", "bench.crawl:crawl_noop", noop_args)
        finally:
            server.kill()
            server.wait()
            log.close()
        base_rate = base.result.get("pages_per_second") if base.ok else None
        if not ruf.ok:
            fig = unavailable("crawl", f"{len(ids)} companies", "pages/s", "do-nothing spider", ruf)
            fig.baseline = base_rate
            self.add(fig)
            return
        self.add(
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

    def transform(self) -> bool:
        raw_rows = self.world["items"]
        pandas_out = self.work / "pandas-lake"
        base = self.child(
            "transform_pandas",
            "bench.pandas_baseline:run",
            {
                "raw_dir": str(self.data_dir / "raw"),
                "run_date": self.spec["run_date_old"],
                "out_dir": str(pandas_out),
                "companies_file": str(self.work / "companies.yaml"),
                "key": self.env()["RUF_PSEUDONYM_KEY"],
            },
        )
        shutil.rmtree(pandas_out, ignore_errors=True)
        base_rate = base.result.get("rows_per_second") if base.ok else None
        ruf = self.child(
            "transform", "bench.stages:transform", {"run_date": self.spec["run_date_old"]}
        )
        if not ruf.ok:
            for name in ("vs pandas", "end to end"):
                fig = unavailable("transform", name, "rows/s", "plain pandas", ruf)
                fig.baseline = base_rate
                self.add(fig)
            return False
        rate = raw_rows / ruf.result["seconds"]
        note = f"{raw_rows:,} raw rows in {ruf.result['seconds']:.1f}s"
        ratio = rate / base_rate if base_rate else None
        self.add(
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
        self.add(
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

    def build(self, lake_ready: bool) -> bool:
        at_10m = self.scale.name == "10m"
        scan = None
        if lake_ready:
            scan = self.child(
                "build_scan",
                "bench.stages:scan",
                {
                    "lake_dir": str(self.data_dir / "lake"),
                    "temp_dir": str(self.work / "duckdb-tmp"),
                    "memory_limit": self.env()["RUF_DUCKDB_MEMORY_LIMIT"],
                },
            )
        scan_s = scan.result.get("seconds") if scan is not None and scan.ok else None
        full = self.child("build_full", "bench.stages:build", {"full_refresh": True})
        if not lake_ready and full.ok:
            full.status, full.reason = "error", "the transform did not run: no lake to build from"
        if not full.ok:
            fig = unavailable("build", "full refresh", "s", "one-query scan", full)
            fig.baseline = scan_s
            self.add(fig)
            self.add(unavailable("build", "incremental (+1%)", "s", "full build", full))
            return False
        full_s = full.result["seconds"]
        ratio = full_s / scan_s if scan_s else None
        self.add(
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
        later = self.child(
            "generate_later",
            "bench.world_gen:generate_later",
            {"spec": self.spec, "raw_dir": str(self.data_dir / "raw"), "workers": 0},
        )
        inc_t = self.child(
            "transform_incremental",
            "bench.stages:transform",
            {"run_date": self.spec["run_date_new"]},
        )
        inc = self.child("build_incremental", "bench.stages:build", {"full_refresh": False})
        if not (later.ok and inc_t.ok and inc.ok):
            failed = next(c for c in (later, inc_t, inc) if not c.ok)
            fig = unavailable("build", "incremental (+1%)", "s", "full build", failed)
            fig.baseline = full_s
            self.add(fig)
            return True
        inc_s = inc.result["seconds"]
        share = inc_s / full_s
        new = later.result["reviews"] + later.result["mentions"]
        self.add(
            Figure(
                "build",
                "incremental (+1%)",
                "s",
                inc_s,
                "full build",
                full_s,
                target="<= 0.10x full (10m)",
                met=(share <= 0.10) if at_10m else None,
                note=f"{new:,} new reviews+mentions ({new / max(1, self.world['items']):.1%}); "
                f"their transform {inc_t.result['seconds']:.1f}s",
            )
        )
        return True

    def query(self, warehouse_ready: bool) -> None:
        from bench.world_gen import make_world, sample_indices

        world = make_world(self.spec)
        sample = sample_indices(self.spec, self.scale.query_companies)
        ids = [world.company(i).company_id for i in sample]
        args = {"company_ids": ids, "repeats": self.scale.query_repeats}
        base = self.child(
            "query_lake", "bench.query:run_lake", {"lake_dir": str(self.data_dir / "lake"), **args}
        )
        ruf = self.child(
            "query",
            "bench.query:run",
            {"warehouse_path": str(self.data_dir / "warehouse" / "ruf.duckdb"), **args},
        )
        if not warehouse_ready and ruf.ok:
            ruf.status, ruf.reason = "error", "no fresh warehouse build"
        page_base = base.result["company_page"]["p95_ms"] if base.ok else None
        league_base = base.result["league_table"]["p95_ms"] if base.ok else None
        if not ruf.ok:
            fig = unavailable("query", "company page p95", "ms", "lake scan", ruf)
            fig.baseline = page_base
            self.add(fig)
            return
        src = ruf.result["source"]
        for name, p in sorted(ruf.result["queries"].items()):
            self.add(
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
        self.add(
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
        self.add(
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

    def detectors(self, warehouse_ready: bool) -> None:
        base = self.child(
            "detectors_naive",
            "bench.detectors:naive_baseline",
            {"spec": self.spec, "lake_dir": str(self.data_dir / "lake")},
        )
        ruf = self.child(
            "detectors",
            "bench.detectors:evaluate",
            {"spec": self.spec, "warehouse_path": str(self.data_dir / "warehouse" / "ruf.duckdb")},
        )
        if not warehouse_ready and ruf.ok:
            ruf.status, ruf.reason = "error", "no fresh warehouse build"
        naive = base.result.get("per_kind", {}) if base.ok else {}
        if not ruf.ok:
            fig = unavailable("detectors", "all kinds", "recall", "naive rules", ruf)
            self.add(fig)
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
                self.add(
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

    def memory(self) -> None:
        pairs = (
            ("generate", "generate", "generate_write_raw"),
            ("parse", "parse", "parse_lxml"),
            ("crawl", "crawl", "crawl_noop"),
            ("transform", "transform", "transform_pandas"),
            ("build full", "build_full", "build_scan"),
            ("build incremental", "build_incremental", "build_scan"),
            ("query", "query", "query_lake"),
            ("detectors", "detectors", "detectors_naive"),
        )
        for name, task, base_task in pairs:
            if name.split()[0] not in self.stages:
                continue
            res = self.children.get(task)
            base = self.children.get(base_task)
            base_mib = base.maxrss_mib if base is not None and base.ok else None
            if res is None or not res.ok:
                why = res.reason if res is not None else f"{task} did not run"
                fig = Figure(
                    "memory",
                    name,
                    "MiB",
                    None,
                    base_task,
                    base_mib,
                    status=res.status if res is not None else "not_available",
                    note=why[:300],
                )
                self.add(fig)
                continue
            self.add(
                Figure(
                    "memory",
                    name,
                    "MiB",
                    res.maxrss_mib,
                    base_task,
                    base_mib,
                    target="< 4 GiB",
                    met=res.maxrss_mib < 4 * GIB and res.tree_rss_peak_mib < 4 * GIB,
                    note=f"process tree peak {res.tree_rss_peak_mib:,.0f} MiB",
                )
            )

    # --- the whole run -------------------------------------------------------

    def run(self) -> dict:
        started = datetime.now(UTC)
        t0 = time.perf_counter()
        if self.reuse:
            self.reuse_earlier()
        else:
            self.prepare()
            self.generate()
        if "parse" in self.stages:
            self.parse()
        if "crawl" in self.stages:
            self.crawl()
        lake_ready = self.reuse or ("transform" in self.stages and self.transform())
        warehouse_ready = "build" in self.stages and self.build(lake_ready)
        if "query" in self.stages:
            self.query(warehouse_ready)
        if "detectors" in self.stages:
            self.detectors(warehouse_ready)
        self.memory()
        results = self.results(started, time.perf_counter() - t0)
        from bench.harness import write_json_atomic

        write_json_atomic(self.out, results)
        return results

    def results(self, started: datetime, seconds: float) -> dict:
        import duckdb
        import psutil

        waiting = sorted(
            {
                f"{f.stage} {f.name}: {f.note}"
                for f in self.figures
                if f.status == "not_available" and f.stage != "memory"
            }
        )
        return {
            "scale": self.scale.as_dict(),
            "stages": list(self.stages),
            "reused_earlier_run": self.reuse,
            "world": {**self.spec, **self.world},
            "started_at": started.isoformat(),
            "seconds": seconds,
            "host": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
                "duckdb": duckdb.__version__,
            },
            "figures": [f.as_dict() for f in self.figures],
            "missed": [f"{f.stage}: {f.name}" for f in self.figures if f.met is False],
            "not_available": waiting,
            "children": {
                task: {
                    "status": c.status,
                    "reason": c.reason,
                    "wall_seconds": c.wall_seconds,
                    "maxrss_mib": c.maxrss_mib,
                    "tree_rss_peak_mib": c.tree_rss_peak_mib,
                    "log": c.log,
                    "result": c.result,
                }
                for task, c in self.children.items()
            },
            "table": table(self.figures),
        }
