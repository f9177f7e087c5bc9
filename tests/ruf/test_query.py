"""`ruf query`: reads answer in three formats; writes and file access are refused."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import duckdb
import pytest

from core.settings import ConfigError, Settings, load_settings
from ruf.query import QueryRefused, run_query

LEAGUE = "select company_id, rank from bi.reputation where portal = 'all' order by rank"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_table_lists_every_company_in_rank_order(query_settings: Settings) -> None:
    out = run_query(query_settings, LEAGUE)
    lines = out.splitlines()
    assert lines[0].split("|")[0].strip() == "company_id"
    ids = [line.split("|")[0].strip() for line in lines[2:-1]]
    assert ids[0] == "elektro-meier" and ids[-1] == "kaffee-partner"
    assert len(ids) == 5 and lines[-1] == "(5 rows)"


def test_csv_and_json_carry_the_same_rows(query_settings: Settings) -> None:
    rows = list(csv.DictReader(io.StringIO(run_query(query_settings, LEAGUE, "csv"))))
    data = json.loads(run_query(query_settings, LEAGUE, "json"))
    assert [r["company_id"] for r in rows] == [r["company_id"] for r in data]
    assert [int(r["rank"]) for r in rows] == [r["rank"] for r in data] == [1, 2, 3, 4, 5]


def test_json_renders_dates_and_lists(query_settings: Settings) -> None:
    sql = "select started_on, portals from bi.alerts where alert_id = 'a-kp-burst'"
    (row,) = json.loads(run_query(query_settings, sql, "json"))
    assert row == {"started_on": "2026-02-17", "portals": ["trustpilot", "opinio", "forum"]}


def test_several_statements_give_one_result_each(query_settings: Settings) -> None:
    out = json.loads(run_query(query_settings, "select 1 as a; select 2 as b, 3 as c;", "json"))
    assert out == [[{"a": 1}], [{"b": 2, "c": 3}]]
    table = run_query(query_settings, "select 1 as a; select 2 as b")
    assert table.count("(1 row)") == 2


@pytest.mark.parametrize(
    "sql",
    [
        "insert into bi.portals values ('x', 'y', 1, 5)",
        "update bi.portals set family = 'x'",
        "delete from bi.reviews",
        "create table bi.x as select 1",
        "drop view bi.alerts",
        "alter table bi.portals rename to p",
        "copy bi.portals to 'out.csv'",
        "attach 'other.duckdb' as other",
        "install httpfs",
        "load httpfs",
        "set enable_external_access = true",
        "pragma enable_profiling = 'json'",
        "checkpoint",
        "export database 'dump'",
        "select 1; delete from bi.reviews",  # the read first must not run either
    ],
)
def test_writes_are_refused_and_nothing_changes(query_settings: Settings, sql: str) -> None:
    before = _digest(query_settings.warehouse_path)
    with pytest.raises(QueryRefused, match="refused: statement"):
        run_query(query_settings, sql)
    assert _digest(query_settings.warehouse_path) == before
    assert not (Path.cwd() / "out.csv").exists() and not (Path.cwd() / "dump").exists()


def test_query_refused_is_a_config_error() -> None:
    assert issubclass(QueryRefused, ConfigError)


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_csv('/etc/passwd')",
        "select * from read_text('/etc/hostname')",
        "select * from '{lake}'",
    ],
)
def test_files_outside_the_warehouse_cannot_be_read(
    query_settings: Settings, tmp_path: Path, sql: str
) -> None:
    lake = tmp_path / "secret.parquet"
    duckdb.sql("select 42 as secret").write_parquet(str(lake))
    with pytest.raises(QueryRefused, match="disabled by configuration"):
        run_query(query_settings, sql.format(lake=lake))


def test_reads_that_describe_the_schema_are_allowed(query_settings: Settings) -> None:
    assert "review_key" in run_query(query_settings, "describe bi.reviews")
    assert "scale_best" in run_query(query_settings, "summarize bi.portals")
    tables = "select schema_name, table_name from duckdb_tables() order by table_name"
    assert "reputation_daily" in run_query(query_settings, tables)


def test_bad_sql_and_bad_format_are_one_line_errors(query_settings: Settings) -> None:
    with pytest.raises(ConfigError, match="cannot parse the SQL"):
        run_query(query_settings, "selec 1")
    with pytest.raises(ConfigError, match=r"query failed: .*no_such_table"):
        run_query(query_settings, "select * from bi.no_such_table")
    with pytest.raises(ConfigError, match="unknown format"):
        run_query(query_settings, "select 1", "xml")


def test_missing_warehouse_says_to_build_first(tmp_path: Path) -> None:
    settings = load_settings({"RUF_DATA_DIR": str(tmp_path / "empty")})
    with pytest.raises(ConfigError, match=r"no warehouse at .*: run `ruf build` first"):
        run_query(settings, "select 1")


def test_query_can_run_while_another_reader_holds_the_warehouse(query_settings: Settings) -> None:
    # The report (or a BI tool) may hold a read-only connection at the same time.
    other = duckdb.connect(str(query_settings.warehouse_path), read_only=True)
    try:
        assert "(5 rows)" in run_query(query_settings, LEAGUE)
    finally:
        other.close()
