"""What every measurement of a benchmark run shares: the scale, the folders, the
environment of the child processes, the children run so far and the figures."""

from __future__ import annotations

import os
from pathlib import Path

from bench.harness import ChildResult, Figure, run_child
from bench.scales import Scale

BENCH_KEY = "ruf-bench-key-not-secret"


class Session:
    def __init__(self, scale: Scale, work: Path, data_dir: Path, say=print) -> None:
        self.scale = scale
        self.work = work
        self.data_dir = data_dir
        self.say = say
        self.figures: list[Figure] = []
        self.children: dict[str, ChildResult] = {}
        self.spec: dict = {}  # the world of the run (bench.world_gen.world_spec)
        self.world: dict = {}  # what generating it wrote (items, reviews, ...)

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a stage's child: the bench data root, its settings."""
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
        """Run ``target`` (``module:function``) in a child process and keep its result."""
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
