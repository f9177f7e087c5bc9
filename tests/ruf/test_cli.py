"""The `ruf` command: help for every stage, one-line errors, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STAGES = [
    "portals",
    "crawl",
    "import",
    "transform",
    "build",
    "report",
    "query",
    "erase",
    "run",
    "demo",
]


def ruf(*args: str, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "ruf.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_help(stage):
    result = ruf(stage, "--help")
    assert result.returncode == 0
    assert "usage: ruf " + stage in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "--run-date", "yesterday"], "not a date"),
        (["crawl", "--shard", "5/2"], "0 <= K < N"),
        (["frobnicate"], "invalid choice"),
        (
            ["import", "--portal", "trustpilot", "--mapping", "missing.yaml", "missing.csv"],
            "file not found: missing.yaml",
        ),
        (["query", "select 1"], "run `ruf build` first"),
        (["crawl", "--url", "file:///page.html"], "exactly one portal"),
        (["report"], "run `ruf build` first"),
    ],
)
def test_wrong_arguments_and_missing_inputs_give_one_line(args, message, tmp_path):
    result = ruf(*args, env={"RUF_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # Progress lines ("[ruf] report ...") may come first; the error is one line.
    errors = [x for x in result.stderr.splitlines() if not x.startswith("[ruf]")]
    assert len(errors) == 1 and errors[0].startswith("ruf: error:"), result.stderr
    assert message in errors[0]


def test_pipeline_refuses_to_start_without_a_pseudonym_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("RUF_PSEUDONYM_KEY", "RUF_DEMO")}
    result = subprocess.run(
        [sys.executable, "-m", "ruf.cli", "run"],
        capture_output=True,
        text=True,
        env={**env, "RUF_DATA_DIR": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 2
    assert "RUF_PSEUDONYM_KEY is not set" in result.stderr


def test_demo_never_wipes_data_it_did_not_write(tmp_path):
    (tmp_path / "lake").mkdir()
    (tmp_path / "lake" / "precious.parquet").write_text("x")
    result = ruf("demo", env={"RUF_DATA_DIR": str(tmp_path), "RUF_DEMO": "1"})
    assert result.returncode == 2
    assert "did not write" in result.stderr
    assert (tmp_path / "lake" / "precious.parquet").exists()


def test_demo_does_not_count_reports_as_data_it_must_protect(tmp_path):
    # `make test` leaves a screenshot under data/reports; `make demo` must still run.
    (tmp_path / "reports" / "screenshots").mkdir(parents=True)
    from core.settings import load_settings
    from ruf.demo import prepare_demo_dir

    prepare_demo_dir(load_settings({"RUF_DATA_DIR": str(tmp_path)}))
    assert (tmp_path / ".ruf-demo").exists()
    assert (tmp_path / "reports" / "screenshots").exists()


def test_portals_companies_prints_a_loadable_config(tmp_path):
    out = tmp_path / "companies.yaml"
    result = ruf(
        "portals", "companies", "--companies", "12", "--anchor", "2026-11-23", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    from core.config import load_companies

    companies = load_companies(out)
    assert len(companies) == 12
    assert companies[0].company_id == "kaffee-partner"


@pytest.mark.parametrize(("shape", "code"), [("rendered_aria_label_reviews", 0),
                                             ("comment_thread_no_ratings", 1)])  # fmt: skip
def test_crawl_given_pages_as_one_portal(tmp_path, shape, code):
    from tests.spiders.pages.generic_shapes import SHAPES

    page = tmp_path / "page.html"
    page.write_text(SHAPES[shape], encoding="utf-8")
    args = ["crawl", "--portal", "diner-guide", "--url", page.as_uri(), "--run-date", "2026-10-15"]
    result = ruf(*args, env={"RUF_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == code, result.stderr
    assert result.stdout.startswith("crawl 2026-10-15 [all]: 1 portal(s), 1 pages")
    if code:
        assert "diner-guide" in result.stdout and "no ratings found" in result.stdout
    else:
        assert "2 reviews" in result.stdout
    items = tmp_path / "data" / "raw" / "diner-guide" / "2026-10-15" / "items-all.jsonl"
    assert items.exists() == (code == 0)
