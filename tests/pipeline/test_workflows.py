"""The cross-stage workflows on the offline portals: ``run`` end to end, then erasing
one author everywhere (raw, lake, warehouse, the published report), with the
progress the CLI prints and Airflow logs."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import yaml

from core.settings import ConfigError, load_settings
from offline_portals.server import Faults, running
from offline_portals.world import World, companies_config
from pipeline import stages, workflows
from pipeline.progress import ModelFinished, StepFailed, StepFinished, StepStarted

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pipeline-workflows")]

RUN_DATE = date(2026, 10, 15)
AUTHOR = re.compile(r'<code class="author">([0-9a-f]{16})</code>')


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """One ``workflows.run`` over a small world; its settings, result and events."""
    root = tmp_path_factory.mktemp("workflows")
    world = World(companies=8, reviews_per_company=30, anchor=RUN_DATE - timedelta(days=1))
    companies = root / "companies.yaml"
    companies.write_text(yaml.safe_dump(companies_config(world), allow_unicode=True))
    events: list = []
    with (
        running(world, faults=Faults(rate_429=0, rate_503=0)) as server,
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.setenv("RUF_PORTALS_URL", server.url)
        settings = load_settings(
            {
                "RUF_DATA_DIR": str(root / "data"),
                "RUF_COMPANIES": str(companies),
                "RUF_PSEUDONYM_KEY": "workflow-test-key",
            }
        )
        result = workflows.run(settings, run_date=RUN_DATE, fast=True, progress=events.append)
    return settings, result, events


def _steps(events: list) -> list[tuple[str, str]]:
    return [
        (type(e).__name__, e.step)
        for e in events
        if isinstance(e, StepStarted | StepFinished | StepFailed)
    ]


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


def test_run_reports_each_stage_as_a_step_and_ends_with_the_league_table(ran):
    settings, result, events = ran
    assert result.ok
    assert _steps(events) == [
        (kind, stage)
        for stage in ("crawl", "transform", "build", "report")
        for kind in ("StepStarted", "StepFinished")
    ]
    finished = {e.step: e for e in events if isinstance(e, StepFinished)}
    assert finished["crawl"].summary == result.crawl.summary()
    assert finished["transform"].summary == result.transform.summary()
    assert finished["build"].summary == result.build.summary()
    # Every dbt node is reported while the build runs, none before or after it.
    started = next(i for i, e in enumerate(events) if e == StepStarted("build"))
    ended = next(i for i, e in enumerate(events) if isinstance(e, StepFinished) and i > started)
    models = [i for i, e in enumerate(events) if isinstance(e, ModelFinished)]
    assert len(models) == len(result.build.results)
    assert started < models[0] and models[-1] < ended

    assert result.report_path == settings.reports_dir / "index.html"
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    ranked = con.execute(
        "select company_id from bi.reputation where portal = 'all' order by rank"
    ).fetchall()
    con.close()
    assert [r["company_id"] for r in result.league] == [r[0] for r in ranked]


def test_run_without_a_pseudonym_key_stops_before_the_crawl(tmp_path):
    events: list = []
    settings = load_settings({"RUF_DATA_DIR": str(tmp_path)})
    with pytest.raises(ConfigError, match="RUF_PSEUDONYM_KEY is not set"):
        workflows.run(settings, run_date=RUN_DATE, progress=events.append)
    assert events == []
    assert list(tmp_path.iterdir()) == []


def test_a_failing_stage_is_reported_as_failed_and_raises(tmp_path):
    events: list = []
    settings = load_settings({"RUF_DATA_DIR": str(tmp_path), "RUF_PSEUDONYM_KEY": "k"})
    with pytest.raises(ConfigError, match="no raw items"):
        stages.transform(settings, progress=events.append)
    assert _steps(events) == [("StepStarted", "transform"), ("StepFailed", "transform")]
    assert "no raw items" in events[-1].error


def _author_on_the_report(settings) -> str:
    pages = sorted((settings.reports_dir / "companies").glob("*.html"))
    found = [m for p in pages for m in AUTHOR.findall(p.read_text(encoding="utf-8"))]
    assert found, "the report shows no author pseudonym to erase"
    return found[0]


def test_erase_without_a_key_fails_before_writing_anything(ran):
    settings, _, _ = ran
    before = _files(settings.data_dir)
    keyless = dataclasses.replace(settings, pseudonym_key="")
    with pytest.raises(ConfigError, match="RUF_PSEUDONYM_KEY is not set"):
        workflows.erase_everywhere(keyless, _author_on_the_report(settings))
    assert _files(settings.data_dir) == before


def test_erase_everywhere_takes_the_author_out_of_lake_warehouse_and_report(ran):
    settings, _, _ = ran
    who = _author_on_the_report(settings)
    events: list = []

    result = workflows.erase_everywhere(settings, who, progress=events.append)

    assert result.removed["raw.items"] > 0
    assert result.removed["lake.reviews"] > 0
    assert result.removed["warehouse.main.fct_reviews"] == result.removed["lake.reviews"]
    assert result.summary().startswith(f"erased author {who}: {result.total} rows removed")
    assert [s for k, s in _steps(events) if k == "StepFinished"] == [
        "rebuild the warehouse without them",
        "rewrite the report without them",
    ]
    lake_reviews = pq.read_table(Path(settings.lake_url) / "reviews").column("author_pseudonym")
    assert who not in lake_reviews.to_pylist()
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    left = con.execute("select count(*) from bi.reviews where author_pseudonym = ?", [who])
    assert left.fetchone()[0] == 0
    con.close()
    assert result.report_path == settings.reports_dir / "index.html"
    shown = [p for p in settings.reports_dir.rglob("*.html") if who in p.read_text("utf-8")]
    assert shown == []
    # Nor in a text file anywhere (dbt's logs, run_results.json, audit files) but the ledger.
    ledger = Path(settings.lake_url) / "_erased" / "authors.jsonl"
    texts = [
        p
        for p in settings.data_dir.rglob("*")
        if p.is_file() and p.suffix in (".log", ".json", ".jsonl", ".txt", ".html") and p != ledger
    ]
    assert texts and [p for p in texts if who in p.read_text("utf-8", errors="replace")] == []


def test_an_erase_whose_report_rewrite_fails_says_so_in_one_line_and_finishes_when_rerun(
    ran, monkeypatch, capsys
):
    """Disk full while the report is rewritten (the fault injected where the pages are
    published): the erasure is recorded, raw and lake are clean, the error is one line
    naming the step and how to finish, and running erase again finishes it."""
    import errno

    import report.writer
    from ruf.cli import main

    settings, _, _ = ran
    who = _author_on_the_report(settings)
    full = OSError(errno.ENOSPC, "No space left on device", str(settings.reports_dir))

    def disk_full(staging, out):
        raise full

    monkeypatch.setattr(report.writer, "_publish", disk_full)
    with pytest.raises(workflows.EraseIncomplete) as failed:
        workflows.erase_everywhere(settings, who)
    message = str(failed.value)
    assert "\n" not in message
    assert "'rewrite the report without them' failed" in message
    assert "No space left on device" in message
    assert f"ruf erase --author-pseudonym {who}" in message
    lake_reviews = pq.read_table(Path(settings.lake_url) / "reviews").column("author_pseudonym")
    assert who not in lake_reviews.to_pylist()
    ledger = Path(settings.lake_url) / "_erased" / "authors.jsonl"
    assert who in ledger.read_text(encoding="utf-8")

    # The CLI prints that one line (no traceback) and exits 2.
    monkeypatch.setenv("RUF_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RUF_COMPANIES", str(settings.companies_file))
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", settings.pseudonym_key)
    capsys.readouterr()
    assert main(["erase", "--author-pseudonym", who]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("ruf: error: author ") and "Traceback" not in "".join(err)

    monkeypatch.undo()
    workflows.erase_everywhere(settings, who)  # the rerun finishes the erasure
    shown = [p for p in settings.reports_dir.rglob("*.html") if who in p.read_text("utf-8")]
    assert shown == []
