"""docs/bi.md: every SQL example runs on a real built warehouse and answers its question."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from core.settings import REPO_ROOT
from ruf.query import run_query

DOC = REPO_ROOT / "docs" / "bi.md"


def examples() -> dict[str, str]:
    """Question heading -> its SQL block, for the "Five questions" section."""
    text = DOC.read_text(encoding="utf-8").split("## Five questions", 1)[1]
    found = re.findall(r"^### (.+?)\n.*?```sql\n(.*?)```", text, flags=re.M | re.S)
    return {question.strip(): sql for question, sql in found}


def run(real_warehouse, question_start: str) -> list[dict]:
    (sql,) = [sql for q, sql in examples().items() if q.startswith(question_start)]
    return json.loads(run_query(real_warehouse.settings, sql, "json"))


def test_doc_has_five_examples_and_the_contract_views() -> None:
    assert len(examples()) == 5
    contract = (REPO_ROOT / "docs/contracts/warehouse.md").read_text(encoding="utf-8")
    rows = [line for line in contract.splitlines() if line.startswith("| `bi.")]
    doc = DOC.read_text(encoding="utf-8")
    assert len(rows) == 10 and all(row in doc for row in rows)  # columns copied verbatim


@pytest.mark.slow
def test_every_example_runs(real_warehouse) -> None:
    for question, sql in examples().items():
        rows = json.loads(run_query(real_warehouse.settings, sql, "json"))
        assert rows, f"no rows for: {question}"


@pytest.mark.slow
def test_lost_more_than_10_points_finds_the_coffee_machine_firm(real_warehouse) -> None:
    rows = run(real_warehouse, "Which companies lost more than 10 points")
    kp = next(r for r in rows if r["company_id"] == "kaffee-partner")
    assert kp["lost_points"] > 10
    assert all(r["lost_points"] > 10 for r in rows)
    assert {r["company_id"] for r in rows} <= {"kaffee-partner", "umzuege-blitz", "hotel-seeblick"}


@pytest.mark.slow
def test_open_alerts_reach_the_as_of_day(real_warehouse) -> None:
    rows = run(real_warehouse, "Which alerts are open now")
    as_of = json.loads(
        run_query(real_warehouse.settings, "select max(day) as d from bi.reputation_daily", "json")
    )[0]["d"]
    assert all(r["ended_on"] is None or r["ended_on"] >= as_of for r in rows)
    closed = json.loads(
        run_query(real_warehouse.settings, "select count(*) as n from bi.alerts", "json")
    )[0]["n"]
    assert len(rows) < closed  # the burst of April is over, so not every alert is open
    assert date.fromisoformat(as_of) <= real_warehouse.world.anchor


@pytest.mark.slow
def test_portal_comparison_lists_all_and_each_portal(real_warehouse) -> None:
    rows = run(real_warehouse, "How does one company look on each portal")
    assert rows[0]["portal"] == "all"
    assert {r["portal"] for r in rows} == {"all", "trustpilot", "opinio", "kununu", "forum"}
    assert sum(r["review_count"] for r in rows[1:]) == rows[0]["review_count"]


@pytest.mark.slow
def test_unanswered_criticism_names_the_coffee_machine_firm(real_warehouse) -> None:
    rows = run(real_warehouse, "Which companies leave criticism unanswered")
    assert rows[0]["company_id"] == "kaffee-partner"
    assert rows[0]["median_reply_days"] > 14  # it replied only after five weeks


@pytest.mark.slow
def test_reply_rate_bands_cover_every_scored_company(real_warehouse) -> None:
    rows = run(real_warehouse, "Do companies that reply score better")
    total = json.loads(
        run_query(
            real_warehouse.settings,
            "select count(*) as n from bi.reputation where portal = 'all' "
            "and reply_rate is not null and score_100 is not null",
            "json",
        )
    )[0]["n"]
    assert sum(r["companies"] for r in rows) == total
    assert -1 <= rows[0]["correlation_all_companies"] <= 1


@pytest.mark.slow
def test_superset_uri_from_the_doc_opens_read_only(real_warehouse) -> None:
    import sqlalchemy as sa

    doc = DOC.read_text(encoding="utf-8")
    template = re.search(r"^(duckdb:////\S+\?access_mode=read_only)$", doc, re.M).group(1)
    url = template.replace(
        "/abs/path/to/data/warehouse/ruf.duckdb", str(real_warehouse.settings.warehouse_path)
    )
    engine = sa.create_engine(url)
    try:
        with engine.connect() as con:
            n = con.execute(sa.text("select count(*) from bi.companies")).scalar()
            assert n == real_warehouse.world.n_companies
            with pytest.raises(sa.exc.DBAPIError, match="read-only"):
                con.execute(sa.text("create table main.x as select 1"))
    finally:
        engine.dispose()
