"""Child processes, figures, results.json and the table.

Every measurement runs in its own child process (``python -m bench.child``), so
its peak resident memory is its own: ``os.wait4`` returns the child's
``ru_maxrss`` (which covers the descendants it waited for), and a psutil
thread samples the resident memory of the whole process tree.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

REPO_ROOT = Path(__file__).resolve().parent.parent


class StageNotAvailable(Exception):
    """A stage's entry point does not exist (yet): reported, never faked."""


def require(module: str, attr: str | None = None) -> Any:
    """Import ``module`` (and ``attr`` from it) or raise StageNotAvailable with why."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise StageNotAvailable(f"{module} is not importable ({exc})") from exc
    if attr is None:
        return mod
    if not hasattr(mod, attr):
        raise StageNotAvailable(f"{module}.{attr} does not exist")
    return getattr(mod, attr)


@dataclass
class ChildResult:
    task: str
    status: str  # ok, not_available, error, timeout
    result: dict = field(default_factory=dict)
    reason: str = ""
    wall_seconds: float = 0.0
    maxrss_mib: float = 0.0  # os.wait4 ru_maxrss of the child (largest process in its tree)
    tree_rss_peak_mib: float = 0.0  # sampled sum over the child's process tree
    log: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _sample_tree(pid: int, peak: list[float], done: threading.Event) -> None:
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not done.is_set():
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        peak[0] = max(peak[0], total / 2**20)
        done.wait(0.1)


def run_child(
    task: str,
    target: str,
    args: dict,
    *,
    work: Path,
    env: dict[str, str],
    timeout: float = 3600,
) -> ChildResult:
    """Run ``target`` ("module:function") with ``args`` in a child process.

    The function returns a JSON-able dict; it may raise StageNotAvailable.
    """
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    args_file = logs / f"{task}.args.json"
    out_file = logs / f"{task}.result.json"
    log_file = logs / f"{task}.log"
    args_file.write_text(json.dumps(args, default=str), encoding="utf-8")
    out_file.unlink(missing_ok=True)
    started = time.perf_counter()
    with open(log_file, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.child", target, str(args_file), str(out_file)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        peak = [0.0]
        done = threading.Event()
        sampler = threading.Thread(target=_sample_tree, args=(proc.pid, peak, done), daemon=True)
        sampler.start()
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
            done.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
    wall = time.perf_counter() - started
    log_text = log_file.read_text(encoding="utf-8", errors="replace")
    res = ChildResult(
        task=task,
        status="error",
        wall_seconds=wall,
        maxrss_mib=usage.ru_maxrss / 1024,  # Linux reports KiB
        tree_rss_peak_mib=peak[0],
        log=str(log_file),
    )
    if out_file.exists():
        payload = json.loads(out_file.read_text(encoding="utf-8"))
        res.status = payload["status"]
        res.result = payload.get("result") or {}
        res.reason = payload.get("reason", "")
    elif wall >= timeout:
        res.status, res.reason = "timeout", f"killed after {timeout:.0f} s"
    else:
        res.reason = f"exit code {proc.returncode}: " + _tail(log_text)
    return res


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def child_main(argv: list[str]) -> int:
    """What ``python -m bench.child target args.json out.json`` does."""
    import importlib

    target, args_file, out_file = argv
    module, func = target.split(":")
    args = json.loads(Path(args_file).read_text(encoding="utf-8"))
    try:
        fn = getattr(importlib.import_module(module), func)
        payload = {"status": "ok", "result": fn(**args)}
    except StageNotAvailable as exc:
        payload = {"status": "not_available", "reason": str(exc)}
    except Exception as exc:
        traceback.print_exc()
        payload = {"status": "error", "reason": f"{type(exc).__name__}: {exc}"[:2000]}
    write_text_atomic(out_file, json.dumps(payload, default=str))
    return 0 if payload["status"] != "error" else 1


# --- figures -----------------------------------------------------------------


@dataclass
class Figure:
    """One measured figure next to its baseline from the same run."""

    stage: str
    name: str
    unit: str
    value: float | None
    baseline_name: str
    baseline: float | None
    target: str = ""
    met: bool | None = None  # None: no target at this scale, or nothing measured
    status: str = "ok"  # ok, not_available, error, timeout, baseline_only
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def as_dict(self) -> dict:
        d = asdict(self)
        d["ratio"] = self.ratio
        return d


def unavailable(stage: str, name: str, unit: str, baseline_name: str, child: ChildResult) -> Figure:
    """A figure whose stage did not run: says why, keeps the baseline if it was measured."""
    status = "not_available" if child.status == "not_available" else child.status
    note = ("stage not available: " if status == "not_available" else f"{status}: ") + child.reason
    return Figure(stage, name, unit, None, baseline_name, None, status=status, note=note[:500])


def _fmt(v: float | None, unit: str = "") -> str:
    if v is None:
        return "-"
    if unit == "%" or abs(v) < 10:
        return f"{v:.2f}"
    return f"{v:,.0f}"


def table(figures: list[Figure]) -> str:
    head = ("stage", "figure", "value", "unit", "baseline", "vs base", "target", "MISSED")
    rows = []
    for f in figures:
        missed = "" if f.met is None or f.met else "MISSED"
        if f.status != "ok":
            missed = "n/a" if f.status == "not_available" else f.status.upper()
        rows.append(
            (
                f.stage,
                f.name,
                _fmt(f.value, f.unit)
                if f.status == "ok"
                else "stage not available"
                if f.status == "not_available"
                else f.status,
                f.unit,
                f"{_fmt(f.baseline, f.unit)} {f.baseline_name}".strip(),
                "-" if f.ratio is None else f"{f.ratio:.2f}x",
                f.target,
                missed,
            )
        )
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    widths[4] = min(widths[4], 44)
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        cells = [str(c)[:w].ljust(w) for c, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def write_text_atomic(path: Path | str, text: str) -> None:
    """``path`` is either its old content or all of ``text`` (the storage's one atomic write)."""
    from core import storage

    fs, local = storage.filesystem_for(str(path))
    storage.write_bytes_atomic(fs, local, text.encode("utf-8"))


def write_json_atomic(path: Path, data: dict) -> None:
    write_text_atomic(path, json.dumps(data, indent=2, default=str, ensure_ascii=False))
