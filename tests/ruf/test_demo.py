"""`ruf demo` end to end: offline portals -> crawl -> lake -> warehouse -> report.

One run through the real path (HTTP crawl with 429/503 answers, transforms,
dbt build, report), checked from the published warehouse file, including the
stories the demo must tell.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("demo")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    data = tmp_path_factory.mktemp("demo-data")
    env = {k: v for k, v in os.environ.items() if k != "RUF_PSEUDONYM_KEY"}
    result = subprocess.run(
        [sys.executable, "-m", "ruf.cli", "demo", "--companies", "14"],
        capture_output=True,
        text=True,
        env={**env, "RUF_DATA_DIR": str(data), "RUF_DEMO": "1"},
        timeout=900,
    )
    return result, data


def test_demo_prints_a_ranked_table_and_the_paths(demo):
    result, data = demo
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "best:" in out and "worst:" in out
    assert f"warehouse:   {data / 'warehouse' / 'ruf.duckdb'}" in out
    report = Path(out.split("HTML report: ")[1].splitlines()[0])
    assert report.exists() and report.is_relative_to(data / "reports")
    assert "offline portals stopped" in result.stderr


def test_demo_ranking_is_read_from_the_published_warehouse(demo):
    result, data = demo
    con = duckdb.connect(str(data / "warehouse" / "ruf.duckdb"), read_only=True)
    ranked = con.execute(
        "select company_name from bi.reputation where portal = 'all' order by rank"
    ).fetchall()
    con.close()
    assert len(ranked) == 14
    best = result.stdout.split("best:")[1].splitlines()[1]
    assert ranked[0][0][:32] in best


def test_demo_stories_come_out_of_the_real_crawl(demo):
    _, data = demo
    con = duckdb.connect(str(data / "warehouse" / "ruf.duckdb"), read_only=True)
    alerts = set(con.execute("select company_id, kind from bi.alerts").fetchall())
    con.close()
    assert ("kaffee-partner", "negative_burst") in alerts
    assert ("kaffee-partner", "unanswered_criticism") in alerts
    assert ("hotel-seeblick", "extortion") in alerts
    assert ("schnellkauf24", "positive_burst") in alerts
    assert ("schnellkauf24", "near_duplicate") in alerts
    assert not [kind for company, kind in alerts if company == "elektro-meier"]


def test_demo_stops_its_servers_and_leaves_nothing_listening(demo):
    result, _ = demo
    url = next(
        line.split(" on ")[-1]
        for line in result.stderr.splitlines()
        if "offline portals serving" in line
    )
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/robots.txt", timeout=3)
