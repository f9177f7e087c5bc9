"""The whole pipeline on the offline portals, then checked for what users must trust.

One ``ruf run`` (crawl over HTTP with 429/503 answers, transform, build,
report) with a recognisable pseudonym key, run as the CLI runs, then:
accounting per portal, no personal data in lake / warehouse / report, no
secret in any log or file, robots.txt obeyed, the ``bi`` views read-only, and
idempotence (a replayed rerun and a backfill twice give byte-identical marts).
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from offline_portals.server import Faults, running
from offline_portals.world import World
from tests.reliability.reliability_support import (
    CALENDAR_WORDS,
    SECRET_KEY,
    decoded_texts,
    find_leaks,
    first_difference,
    lake_table,
    ordered_csv,
    personal_data_in_raw,
    pipeline_env,
    raw_line_count,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reliability-pipeline")]

TODAY = datetime.now(UTC).date()
BI_VIEWS = [
    "bi.companies",
    "bi.portals",
    "bi.reviews",
    "bi.mentions",
    "bi.reputation",
    "bi.reputation_daily",
    "bi.alerts",
]


def ruf(env: dict[str, str], *args: str, log: Path | None = None) -> subprocess.CompletedProcess:
    """Run the ``ruf`` CLI as a user does; keep its output for the secret scan."""
    result = subprocess.run(
        [sys.executable, "-m", "ruf.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if log is not None:
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"$ ruf {' '.join(args)}\n{result.stdout}\n{result.stderr}\n")
    return result


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory):
    root = tmp_path_factory.mktemp("pipeline")
    data = root / "data"
    outputs = root / "outputs.log"
    world = World(companies=10, reviews_per_company=40, anchor=TODAY)
    with running(world, faults=Faults(rate_429=0.05, rate_503=0.03, retry_after=1)) as server:
        env = pipeline_env(data, world, RUF_PORTALS_URL=server.url)
        yesterday = (TODAY - timedelta(days=1)).isoformat()
        first = ruf(env, "run", "--fast", "--run-date", TODAY.isoformat(), log=outputs)
        # A second run date for the backfill (same pages, another partition).
        crawl2 = ruf(env, "crawl", "--fast", "--run-date", yesterday, log=outputs)
        with urllib.request.urlopen(server.url + "/_stats", timeout=10) as resp:
            stats = json.load(resp)
    assert first.returncode == 0, first.stderr[-4000:]
    assert crawl2.returncode == 0, crawl2.stderr[-4000:]
    return {
        "root": root,
        "data": data,
        "env": env,
        "world": world,
        "first": first,
        "outputs": outputs,
        "stats": stats,
        "yesterday": yesterday,
    }


def test_items_crawled_equal_lake_plus_quarantine_plus_duplicates_per_portal(pipeline):
    data = pipeline["data"]
    crawled = raw_line_count(data / "raw", run_date=TODAY.isoformat())
    runs = {r["portal"]: r for r in lake_table(data / "lake", "runs", run_date=TODAY.isoformat())}
    quarantined = Counter(
        Path(r["source_file"]).parent.parent.name
        for r in lake_table(data / "lake", "quarantine", run_date=TODAY.isoformat())
    )
    summary = next(
        line for line in pipeline["first"].stderr.splitlines() if f"crawl {TODAY}" in line
    )
    print("\n" + summary)
    assert set(crawled) == set(runs)
    for portal in sorted(crawled):
        run = runs[portal]
        print(
            f"{portal:<11} crawled={crawled[portal]:>5} clean={run['clean_rows']:>5} "
            f"quarantined={run['quarantined_rows']:>4} duplicates={run['duplicate_rows']:>4}"
        )
        assert crawled[portal] == run["raw_rows"]
        assert run["raw_rows"] == (
            run["clean_rows"] + run["quarantined_rows"] + run["duplicate_rows"]
        )
        assert quarantined[portal] == run["quarantined_rows"]
    # The crawl's own report counts the same items the raw files hold.
    kinds = sum(
        int(part.split()[0])
        for part in summary.split(", ")
        if part.split()[-1] in ("reviews", "mentions", "aggregates")
    )
    assert kinds == sum(crawled.values())


def test_no_author_name_id_email_or_phone_anywhere_downstream(pipeline):
    data = pipeline["data"]
    needles = personal_data_in_raw(data / "raw") - CALENDAR_WORDS
    # The world plants e-mail addresses and phone numbers in about 2% of texts.
    assert any("@" in n for n in needles), "the crawl saw planted e-mail addresses"
    assert len([n for n in needles if " " in n]) > 50, "the crawl saw author names"
    downstream = decoded_texts(data, skip=("raw",))
    leaks = find_leaks(downstream, needles)
    assert not leaks, leaks[:20]
    # And the scan really reads what it scans: the lake and the warehouse hold reviews.
    assert (data / "warehouse" / "ruf.duckdb").exists()
    assert list((data / "reports").rglob("*.html"))


def test_the_pseudonym_key_is_never_logged_or_written(pipeline):
    data, outputs = pipeline["data"], pipeline["outputs"]
    texts = [("outputs", outputs.read_text(encoding="utf-8"))]
    texts += list(decoded_texts(data, skip=("companies.yaml",)))
    leaked = [where for where, text in texts if SECRET_KEY in text]
    assert not leaked
    assert len(texts) > 20  # logs, raw files, lake, warehouse and report were all read


def test_the_pipeline_refuses_to_start_without_a_key_outside_demo_mode(pipeline, tmp_path):
    env = {k: v for k, v in pipeline["env"].items() if k != "RUF_PSEUDONYM_KEY"}
    env["RUF_DATA_DIR"] = str(tmp_path / "data")
    for args in (("run", "--fast"), ("transform",)):
        result = ruf(env, *args)
        assert result.returncode == 2, result.stderr[-2000:]
        assert "RUF_PSEUDONYM_KEY" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "lake").exists()
    assert not (tmp_path / "data" / "raw").exists()


def test_robots_txt_disallow_rules_are_never_crossed(pipeline):
    stats = pipeline["stats"]
    forum_pages = [p for p in stats["requests"] if p.startswith("/forum/thread/")]
    assert forum_pages, "the forum (which links to its disallowed search) was crawled"
    assert stats["disallowed_hits"] == []


def test_bi_views_cannot_write_nor_reach_files(pipeline, tmp_path):
    warehouse = pipeline["data"] / "warehouse" / "ruf.duckdb"
    con = duckdb.connect(
        str(warehouse),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )
    try:
        for view in BI_VIEWS:  # every view works without any file access
            con.execute(f"select count(*) from {view}").fetchone()
        attempts = [
            "create table bi.pwned as select 1",
            "insert into main.fct_reviews select * from main.fct_reviews limit 1",
            "drop view bi.reputation",
            f"copy (select * from bi.reviews) to '{tmp_path / 'out.csv'}'",
            "select * from read_csv('/etc/passwd')",
            "set enable_external_access = true",
        ]
        for sql in attempts:
            with pytest.raises(duckdb.Error):
                con.execute(sql)
    finally:
        con.close()
    assert not (tmp_path / "out.csv").exists()


HOSTILE_QUERIES = [
    "/* harmless */ copy bi.portals to 'x.csv'",
    "select 1; drop view bi.reputation",
    "export database 'dump'",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "reset enable_external_access",
    "pragma enable_profiling = 'json'",
    "checkpoint",
    "vacuum",
    "detach memory",
    "create temp table t as select 1",
    "select * from glob('/*')",
    "select * from '/etc/passwd'",
    "select * from read_text('/etc/hostname')",
    "select * from read_parquet('lake/**/*.parquet')",
    "with x as (select 1) insert into bi.portals select * from x",
]


@pytest.mark.parametrize("sql", HOSTILE_QUERIES)
def test_ruf_query_refuses_writes_and_file_access(pipeline, sql):
    warehouse = pipeline["data"] / "warehouse" / "ruf.duckdb"
    before = warehouse.read_bytes()
    result = ruf(pipeline["env"], "query", sql)
    assert result.returncode != 0, result.stdout[:500]
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "root:" not in result.stdout  # no /etc/passwd line
    assert warehouse.read_bytes() == before


def _marts(pipeline, name: str) -> dict[str, bytes]:
    warehouse = pipeline["data"] / "warehouse" / "ruf.duckdb"
    return ordered_csv(warehouse, BI_VIEWS, pipeline["root"] / name)


def test_rerunning_the_pipeline_on_the_same_input_gives_identical_marts(pipeline):
    env = pipeline["env"]
    first = _marts(pipeline, "export-1")
    assert first["bi.reputation"].count(b"\n") > 10
    # Same input: the archived responses of the run, re-parsed without the network.
    for args in (
        ("crawl", "--replay", TODAY.isoformat(), "--run-date", TODAY.isoformat()),
        ("transform", "--run-date", TODAY.isoformat()),
        ("build",),
    ):
        result = ruf(env, *args, log=pipeline["outputs"])
        assert result.returncode == 0, (args, result.stderr[-3000:])
    again = _marts(pipeline, "export-2")
    changed = {
        rel: first_difference(first[rel], again[rel]) for rel in first if first[rel] != again[rel]
    }
    assert not changed, changed


def test_backfilling_a_range_twice_gives_identical_marts(pipeline):
    env = pipeline["env"]
    exports = []
    for attempt in (1, 2):
        for args in (("transform",), ("build", "--full-refresh")):  # every raw run date
            result = ruf(env, *args, log=pipeline["outputs"])
            assert result.returncode == 0, (args, result.stderr[-3000:])
        exports.append(_marts(pipeline, f"backfill-{attempt}"))
    runs = {r["run_date"] for r in lake_table(pipeline["data"] / "lake", "runs")}
    assert runs == {TODAY.isoformat(), pipeline["yesterday"]}
    changed = {
        rel: first_difference(exports[0][rel], exports[1][rel])
        for rel in exports[0]
        if exports[0][rel] != exports[1][rel]
    }
    assert not changed, changed
