"""`make bench` at SCALE=small, end to end: every figure is there, next to its baseline.

The benchmark runs as users run it (``python -m bench``) in a temporary data
root; speeds are not asserted (they are what `make bench` measures), only that
every stage was measured or says why it could not be, and that results.json
and the table carry each figure with the baseline measured in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bench")]

REPO = Path(__file__).resolve().parents[2]
STAGES = {"generate", "parse", "crawl", "transform", "build", "query", "memory", "detectors"}
FAMILIES = {"trustpilot", "schema_org", "kununu", "booking", "forum"}
REALWORLD_HTML = REPO.parent / "shared" / "realworld" / "html"
MEMORY = {
    "generate",
    "parse",
    "crawl",
    "transform",
    "transform undeclared",
    "build full",
    "build incremental",
    "query",
    "detectors",
}


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict, Path]:
    data = tmp_path_factory.mktemp("bench-data")
    out = data / "results.json"
    env = {**os.environ, "RUF_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "small", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result, json.loads(out.read_text(encoding="utf-8")), data


def _figures(results: dict, stage: str) -> dict[str, dict]:
    return {f["name"]: f for f in results["figures"] if f["stage"] == stage}


def test_every_stage_reports_figures(bench):
    _, results, _ = bench
    assert {f["stage"] for f in results["figures"]} == STAGES
    assert set(_figures(results, "memory")) == MEMORY
    assert set(_figures(results, "transform")) == {
        "vs pandas",
        "vs one-query DuckDB",
        "end to end",
        "undeclared languages vs declared",
    }
    assert {"full refresh", "topics (full)", "incremental (+1%)"} <= set(_figures(results, "build"))
    query = _figures(results, "query")
    assert "league_table p95" in query and "whole company page p95" in query


def test_parse_reports_each_family_that_was_rendered(bench):
    _, results, _ = bench
    parse = _figures(results, "parse")
    # The generic reader is measured on the real saved pages, where they are present.
    expected = FAMILIES | ({"generic"} if REALWORLD_HTML.is_dir() else set())
    assert set(parse) == expected, "one figure per spider family, measured or not available"


def test_measured_figures_stand_next_to_a_baseline_from_the_same_run(bench):
    _, results, _ = bench
    for f in results["figures"]:
        if f["status"] == "ok":
            assert isinstance(f["value"], int | float), f
            assert f["baseline_name"], f
            # Detector kinds the naive rules never alerted on have no precision.
            if f["stage"] != "detectors":
                assert isinstance(f["baseline"], int | float) and f["baseline"] > 0, f
        else:
            assert f["value"] is None and f["note"], f


def test_a_stage_that_cannot_run_says_so_instead_of_a_figure(bench):
    result, results, _ = bench
    waiting = [
        f for f in results["figures"] if f["status"] == "not_available" and f["stage"] != "memory"
    ]
    for f in waiting:
        assert f["note"].startswith("stage not available"), f
        assert any(w.startswith(f"{f['stage']} {f['name']}:") for w in results["not_available"])
    if waiting:
        listed = next(x for x in result.stdout.splitlines() if x.startswith("stages not available"))
        assert all(f"{f['stage']} {f['name']}" in listed for f in waiting)


def test_targets_are_judged_and_missed_ones_are_listed(bench):
    result, results, _ = bench
    judged = [f for f in results["figures"] if f["met"] is not None]
    assert judged, "some targets apply at small scale (parse, transform, query, memory)"
    missed = {f"{f['stage']}: {f['name']}" for f in results["figures"] if f["met"] is False}
    assert set(results["missed"]) == missed
    assert "MISSED" in result.stdout.splitlines()[0]
    for name in missed:
        assert name.split(": ", 1)[1] in result.stdout


def test_memory_is_read_per_stage_child(bench):
    _, results, _ = bench
    children = results["children"]
    for f in _figures(results, "memory").values():
        if f["status"] == "ok":
            assert 10 < f["value"] < 64 * 1024, f  # MiB of a real Python process
    assert children["generate"]["status"] == "ok"
    assert children["generate"]["maxrss_mib"] > 10


def test_bench_writes_only_under_its_data_root(bench):
    _, results, data = bench
    assert (data / "raw").is_dir() and (data / ".ruf-bench").is_file()
    for child in results["children"].values():
        assert Path(child["log"]).is_relative_to(data)


def test_stages_run_in_pipeline_order_and_say_what_they_need():
    from bench.runner import check_stages

    assert check_stages(["build", "transform"]) == ("generate", "transform", "build")
    with pytest.raises(SystemExit, match="stage build needs stage transform"):
        check_stages(["build"])
    with pytest.raises(SystemExit, match="unknown stage"):
        check_stages(["transfrom"])
    # --reuse: the earlier run's world and lake stand in for generate and transform.
    assert check_stages(["build", "query"], reuse=True) == ("build", "query")
    with pytest.raises(SystemExit, match="drop transform"):
        check_stages(["transform", "build"], reuse=True)
