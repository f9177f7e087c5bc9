"""The `ruf` command: help for every stage, one-line errors, never a traceback."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.contracts.raw_items import items_file_name, pages_name

STAGES = [
    "portals",
    "crawl",
    "import",
    "transform",
    "build",
    "report",
    "docs",
    "config",
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
        (["docs"], "run `ruf build` first"),
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
    assert result.stdout.startswith(
        f"crawl 2026-10-15 [{pages_name([page.as_uri()])}]: 1 portal(s), 1 pages"
    )
    if code:
        assert "diner-guide" in result.stdout and "no ratings found" in result.stdout
    else:
        assert "2 reviews" in result.stdout
    items = (
        tmp_path
        / "data"
        / "raw"
        / "diner-guide"
        / "2026-10-15"
        / items_file_name(pages_name([page.as_uri()]))
    )
    assert items.exists() == (code == 0)


def _doc_blocks(name: str) -> dict[str, list[str]]:
    """The fenced blocks of a doc, by their info string ("yaml", "yaml wrong", "text")."""
    import re

    from core.settings import REPO_ROOT

    text = (REPO_ROOT / "docs" / name).read_text(encoding="utf-8")
    blocks: dict[str, list[str]] = {}
    for info, body in re.findall(r"^```([^\n]*)\n(.*?)^```", text, flags=re.M | re.S):
        blocks.setdefault(info.strip(), []).append(body)
    return blocks


def _split_config(text: str) -> tuple[str, str]:
    portals, companies = text.split("companies:\n", 1)
    return portals, "companies:\n" + companies


def test_the_adding_a_company_guide_passes_and_fails_as_it_says(tmp_path):
    from core.settings import REPO_ROOT

    blocks = _doc_blocks("adding-a-company.md")
    portal, company = blocks["yaml"][:2]
    config = tmp_path / "config"
    config.mkdir()
    # Its snippets, added to the shipped config, pass the check.
    shipped = (REPO_ROOT / "config" / "portals.yaml").read_text(encoding="utf-8")
    (config / "portals.yaml").write_text(shipped + portal.split("portals:\n", 1)[1], "utf-8")
    shipped = (REPO_ROOT / "config" / "companies.yaml").read_text(encoding="utf-8")
    (config / "companies.yaml").write_text(shipped + company.split("companies:\n", 1)[1], "utf-8")
    env = {"RUF_PORTALS": "config/portals.yaml", "RUF_COMPANIES": "config/companies.yaml"}
    ok = ruf("config", "check", env=env, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("config ok: 6 portals (config/portals.yaml), 51 companies")
    # Its careless example gives exactly the lines it shows.
    portals, companies = _split_config(blocks["yaml wrong"][0])
    (config / "portals.yaml").write_text(portals, "utf-8")
    (config / "companies.yaml").write_text(companies, "utf-8")
    wrong = ruf("config", "check", env=env, cwd=tmp_path)
    assert wrong.returncode == 2
    (shown,) = [b for b in blocks["text"] if b.startswith("ruf: config:")]
    assert wrong.stderr.splitlines() == shown.splitlines()


def test_every_option_has_help():
    from ruf.parser import build_parser

    missing = []

    def walk(parser, prefix):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{prefix} {name}")
            elif not action.help:
                missing.append(f"{prefix} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "ruf")
    assert missing == []


def test_version():
    result = ruf("--version")
    assert result.returncode == 0 and result.stdout.startswith("ruf 0.")


def test_the_example_mappings_usage_lines_parse_as_the_cli_reads_them():
    import re
    import shlex

    from core.settings import REPO_ROOT
    from ruf.parser import build_parser

    lines = []
    for path in sorted((REPO_ROOT / "config" / "import_mappings").glob("*.yaml")):
        text = path.read_text(encoding="utf-8").replace("\\\n#", " ")
        lines += re.findall(r"^#\s+(ruf import .*)$", text, flags=re.M)
    assert lines
    for line in lines:
        args = build_parser().parse_args(shlex.split(line)[1:])
        assert args.command == "import" and Path(args.mapping).is_relative_to("config")
        assert (REPO_ROOT / args.mapping).is_file(), line


def test_query_reads_the_sql_from_a_file_or_standard_input(query_settings, tmp_path):
    env = {"RUF_DATA_DIR": str(query_settings.data_dir)}
    sql = tmp_path / "top.sql"
    sql.write_text("select company_id from bi.companies order by 1 limit 2", "utf-8")
    from_file = ruf("query", "--file", str(sql), "--format", "csv", env=env)
    assert from_file.returncode == 0, from_file.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "ruf.cli", "query", "--format", "csv"],
        input=sql.read_text("utf-8"),
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == from_file.stdout
    assert from_file.stdout.splitlines()[0] == "company_id"
    assert len(from_file.stdout.splitlines()) == 3
    both = ruf("query", "select 1", "--file", str(sql), env=env)
    assert both.returncode == 2 and "not both" in both.stderr
