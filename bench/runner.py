"""The benchmark run: which stages, in which order, on a clean data root (or an earlier
run's world and lake), then the memory figures, results.json and the table.

What each stage measures is in ``bench/measure_intake.py`` (generate, parse, crawl),
``bench/measure_lake.py`` (transform, build) and ``bench/measure_serving.py`` (query,
detectors)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import measure_intake, measure_lake, measure_serving
from bench.harness import Figure, table, write_json_atomic
from bench.scales import Scale
from bench.session import Session

GIB = 1024.0
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


class Bench(Session):
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
        super().__init__(scale, work, data_dir, say)
        self.reuse = reuse
        self.stages = check_stages(stages, reuse)
        self.out = out

    # --- the data root -------------------------------------------------------

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

    def memory(self) -> None:
        pairs = (
            ("generate", "generate", "generate_write_raw"),
            ("parse", "parse", "parse_lxml"),
            ("crawl", "crawl", "crawl_noop"),
            ("transform", "transform", "transform_pandas"),
            ("transform undeclared", "transform_undeclared", "transform_duckdb"),
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
            measure_intake.generate(self)
        if "parse" in self.stages:
            measure_intake.parse(self)
        if "crawl" in self.stages:
            measure_intake.crawl(self)
        lake_ready = self.reuse or ("transform" in self.stages and measure_lake.transform(self))
        warehouse_ready = "build" in self.stages and measure_lake.build(self, lake_ready)
        if "query" in self.stages:
            measure_serving.query(self, warehouse_ready)
        if "detectors" in self.stages:
            measure_serving.detectors(self, warehouse_ready)
        self.memory()
        results = self.results(started, time.perf_counter() - t0)
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
