"""SIGKILL in the middle of a raw write and a warehouse publish: the previous state stays
intact and a rerun completes the work.

Each stage runs in a real child process that is killed with SIGKILL (no
cleanup handlers run): the crawl child as soon as its staged items file has
bytes in it; the build at the very ``os.replace`` that publishes the warehouse
(chosen by the child itself, the last moment before the new file is in). A SIGKILL during a
Parquet commit is covered by tests/transforms/test_lake_safety.py.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from offline_portals.server import Faults, running
from spiders.run import CrawlError, crawl
from tests.reliability.reliability_support import (
    ANCHOR,
    DAY2,
    TRANSFORM_CHILD,
    file_hashes,
    lake_table,
    ordered_csv,
    pipeline_env,
    raw_line_count,
    run_child,
    settings_for,
    small_world,
)
from transforms.rawread import find_raw_files

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reliability-lake")]

# --- raw write ---------------------------------------------------------------------


def test_crawl_killed_while_writing_raw_items_keeps_the_previous_run_and_reruns(
    tmp_path, monkeypatch
):
    world = small_world(companies=8, reviews_per_company=40)
    with running(world, faults=Faults(0, 0)) as server:
        monkeypatch.setenv("RUF_PORTALS_URL", server.url)
        settings = settings_for(pipeline_env(tmp_path, world, RUF_PORTALS_URL=server.url))
        assert crawl(settings, run_date=ANCHOR, fast=True).ok
        raw = tmp_path / "raw"
        before = file_hashes(raw, f"*/{ANCHOR}/items-*.jsonl")
        counts = raw_line_count(raw)
        assert before

        outcome: dict[str, object] = {}

        def recrawl() -> None:
            try:
                outcome["report"] = crawl(settings, run_date=ANCHOR, fast=True)
            except CrawlError as err:
                outcome["error"] = err

        thread = threading.Thread(target=recrawl)
        thread.start()
        killed = _kill_when_staged(raw, "spiders.run", thread)
        thread.join(timeout=120)
        assert killed, "the crawl child was caught while writing its staged items"
        assert "error" in outcome, outcome  # a clear error, not a report of success
        assert "exited with status" in str(outcome["error"])
        # The previous run's items are untouched; no half file became visible.
        assert file_hashes(raw, f"*/{ANCHOR}/items-*.jsonl") == before
        rerun = crawl(settings, run_date=ANCHOR, fast=True)
    assert rerun.ok, rerun.summary()
    assert raw_line_count(raw) == counts
    # A killed crawl's staged leftovers are never read as items.
    found = {Path(f.path).name for f in find_raw_files(settings, run_date=ANCHOR)}
    assert found == {"items-all.jsonl"}


def _kill_when_staged(raw: Path, needle: str, thread: threading.Thread) -> bool:
    """SIGKILL the crawl child as soon as a staged items file has bytes in it."""
    me = psutil.Process()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and thread.is_alive():
        staged = [p for p in raw.glob(f"*/{ANCHOR}/.items-*.tmp") if p.stat().st_size > 0]
        if staged:
            for child in me.children(recursive=True):
                try:
                    if needle in " ".join(child.cmdline()):
                        child.send_signal(signal.SIGKILL)
                        return True
                except psutil.NoSuchProcess:
                    continue
        time.sleep(0.005)
    return False


# --- Parquet commit --------------------------------------------------------------------


# --- warehouse publish -------------------------------------------------------------------


BUILD = """
    import os, signal, sys
    from core.settings import load_settings
    from warehouse.build import build
    settings = load_settings()
    if sys.argv[-1] == "kill":
        real_replace = os.replace
        def replace(src, dst, *a, **k):
            if os.fspath(dst) == str(settings.warehouse_path):
                os.kill(os.getpid(), signal.SIGKILL)  # the very moment of publishing
            return real_replace(src, dst, *a, **k)
        os.replace = replace
    build(settings)
"""


def test_build_killed_while_publishing_keeps_the_warehouse_and_rerun_completes(
    tmp_path, lake_after_day1
):
    source, world = lake_after_day1
    data = tmp_path / "data"
    shutil.copytree(source, data)
    env = pipeline_env(data, world)
    first = run_child(env, BUILD)
    assert first.returncode == 0, first.stderr[-3000:]
    warehouse = data / "warehouse" / "ruf.duckdb"
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    old_marts = ordered_csv(warehouse, ["bi.reputation", "bi.reviews"], tmp_path / "old")

    result = run_child({**env, "RUN_DATE": DAY2.isoformat()}, TRANSFORM_CHILD)
    assert result.returncode == 0, result.stderr[-3000:]
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BUILD), "kill"], env=env, timeout=600
    )
    assert proc.returncode == -signal.SIGKILL
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published
    assert ordered_csv(warehouse, ["bi.reputation", "bi.reviews"], tmp_path / "killed") == (
        old_marts
    )
    rerun = run_child(env, BUILD)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    new_marts = ordered_csv(warehouse, ["bi.reputation", "bi.reviews"], tmp_path / "new")
    assert new_marts["bi.reviews"].count(b"\n") > old_marts["bi.reviews"].count(b"\n")
    # Complete: every review of the lake is in the published warehouse.
    lake_reviews = len(lake_table(data / "lake", "reviews"))
    assert new_marts["bi.reviews"].count(b"\n") - 1 == lake_reviews
