"""Publishing: empty lake, incremental builds, atomic swap under an open reader, docs, erasure."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, time, timedelta

import duckdb
import pytest

from core.contracts.lake import AGGREGATES, MENTIONS, REVIEWS
from offline_portals.world import World
from tests.warehouse.world_lake import (
    ANCHOR,
    carry_seen,
    settings_for,
    world_rows,
    write_companies,
    write_table,
)
from warehouse.build import build, erase_author, generate_docs

READER = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = lambda: con.execute("select count(*) from bi.reviews").fetchone()[0]
    print(count(), flush=True)
    sys.stdin.readline()
    print(count(), flush=True)
    """
)


def count(path, sql: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def write_lake(lake, world: World, previous: dict[str, dict] | None = None) -> list[dict]:
    """Write the world's lake; rows seen before keep first_seen_at (and last_seen_at
    when unchanged), as the transforms do."""
    reviews, mentions, aggregates = world_rows(world)
    carry_seen(reviews, previous)
    write_table(lake, "reviews", reviews, REVIEWS)
    write_table(lake, "mentions", mentions, MENTIONS)
    write_table(lake, "aggregates", aggregates, AGGREGATES)
    return reviews


def test_empty_lake_builds_empty_marts(tmp_path, story_world):
    settings = settings_for(tmp_path, write_companies(tmp_path / "companies.yaml", story_world))
    report = build(settings)
    assert sorted(report.empty_tables) == ["aggregates", "mentions", "reviews"]
    path = settings.warehouse_path
    for view in ("reviews", "mentions", "reputation", "reputation_daily", "alerts"):
        assert count(path, f"select count(*) from bi.{view}") == 0, view
    assert count(path, "select count(*) from bi.companies") == 50


@pytest.fixture(scope="module")
def incremental(tmp_path_factory):
    """A small world built once 15 days before its anchor, then again at the anchor."""
    root = tmp_path_factory.mktemp("incremental")
    end = datetime.combine(ANCHOR, time(23, 59, 59), UTC)
    before = World(companies=12, anchor=ANCHOR, as_of=end - timedelta(days=15))
    after = World(companies=12, anchor=ANCHOR)
    settings = settings_for(root, write_companies(root / "companies.yaml", after))
    first_rows = write_lake(root / "lake", before)
    first = build(settings)
    return root, settings, before, after, first_rows, first


def test_incremental_build_adds_new_reviews_without_duplicates(incremental):
    root, settings, _, after, first_rows, first = incremental
    path = settings.warehouse_path
    assert first.full_refresh
    assert count(path, "select count(*) from bi.reviews") == len(first_rows)

    previous = {r["review_key"]: r for r in first_rows}
    second_rows = write_lake(root / "lake", after, previous)
    new = [r for r in second_rows if r["review_key"] not in previous]
    assert 0 < len(new) < 0.05 * len(second_rows)

    # A reader holds the published warehouse open for the whole build.
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        seen_before = int(reader.stdout.readline())
        second = build(settings)
        reader.stdin.write("\n")
        reader.stdin.flush()
        seen_during = int(reader.stdout.readline())
    finally:
        reader.communicate(timeout=60)
    assert seen_before == seen_during == len(first_rows)  # its snapshot never changed
    assert reader.returncode == 0

    assert not second.full_refresh
    assert second.rows["fct_reviews"] == len(second_rows)
    assert count(path, "select count(distinct review_key) from bi.reviews") == len(second_rows)
    keys = [r["review_key"] for r in new[:5]]
    assert count(path, f"select count(*) from bi.reviews where review_key in {tuple(keys)}") == 5
    # No stray build files are left next to the published warehouse.
    assert sorted(p.name for p in path.parent.glob("*.duckdb*")) == ["ruf.duckdb"]


def test_docs_generate_documents_the_bi_views(story_warehouse, tmp_path):
    page = generate_docs(story_warehouse.settings, tmp_path / "docs")
    assert page == tmp_path / "docs" / "index.html"
    # One self-contained page: the manifest and catalog are inlined, nothing is fetched.
    html = page.read_text()
    assert "score_100" in html and "int_reputation__scores" in html
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?https?://""", html)
    catalog = json.loads((tmp_path / "docs" / "catalog.json").read_text())
    assert catalog["nodes"]["model.ruf.reputation"]["metadata"]["database"] == "ruf"
    node = catalog["nodes"]["model.ruf.reputation"]
    assert {"score_100", "score_low", "rank", "label"} <= set(node["columns"])
    manifest = json.loads((tmp_path / "docs" / "manifest.json").read_text())
    described = manifest["nodes"]["model.ruf.reputation"]["columns"]["score_100"]["description"]
    assert "0-100" in described


def test_erase_author_removes_their_rows_and_republishes(incremental):
    _, settings, *_ = incremental
    path = settings.warehouse_path
    con = duckdb.connect(str(path), read_only=True)
    pseudonym, n = con.execute(
        "select author_pseudonym, count(*) from bi.reviews group by 1 order by 2 desc limit 1"
    ).fetchone()
    con.close()
    removed = erase_author(settings, pseudonym)
    assert removed["main.fct_reviews"] == n
    assert removed["intermediate.int_reviews"] == n
    where = f"where author_pseudonym = '{pseudonym}'"
    assert count(path, f"select count(*) from bi.reviews {where}") == 0
    assert count(path, "select count(*) from bi.reviews") > 0


def warehouse_relations(path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            f"{schema}.{name}"
            for schema, name in con.execute(
                "select schema_name, table_name from duckdb_tables() where schema_name = 'main' "
                "union all select schema_name, view_name from duckdb_views() "
                "where schema_name = 'bi' and not internal order by all"
            ).fetchall()
        ]
        return {rel: con.execute(f"select * from {rel} order by all").fetchall() for rel in names}
    finally:
        con.close()


def same_rows(got: list[tuple], want: list[tuple]) -> bool:
    """Equal rows; a double may differ in its last bits only (the daily mart's running
    sums: a parallel sum adds in an order that depends on what else is summed). Every
    score and count is rounded or exact, so those compare equal."""
    if len(got) != len(want):
        return False
    for a, b in zip(got, want, strict=True):
        for x, y in zip(a, b, strict=True):
            if isinstance(x, float) and isinstance(y, float):
                if x != pytest.approx(y, rel=1e-12):
                    return False
            elif x != y:
                return False
    return True


def assert_same_warehouse(path, other) -> None:
    """Every main table and bi view of the two warehouses holds the same rows."""
    got, want = warehouse_relations(path), warehouse_relations(other)
    assert sorted(got) == sorted(want)
    for rel in want:
        assert same_rows(got[rel], want[rel]), rel


def test_incremental_build_equals_a_full_refresh(tmp_path):
    """New, edited, deleted and backfilled reviews: incremental = full refresh, row for row."""
    end = datetime.combine(ANCHOR, time(23, 59, 59), UTC)
    before = World(companies=8, anchor=ANCHOR, as_of=end - timedelta(days=15))
    after = World(companies=8, anchor=ANCHOR)
    companies = write_companies(tmp_path / "companies.yaml", after)
    inc = settings_for(tmp_path / "inc", companies)
    first_rows = write_lake(tmp_path / "inc" / "lake", before)
    assert build(inc).full_refresh

    previous = {r["review_key"]: r for r in first_rows}
    reviews, mentions, aggregates = world_rows(after)
    for row in reviews:
        old = previous.get(row["review_key"])
        if old is not None:  # as write_lake: last_seen_at moves only on a change
            row["first_seen_at"] = old["first_seen_at"]
            if old["content_hash"] == row["content_hash"]:
                row["last_seen_at"] = old["last_seen_at"]
    seen = [r for r in reviews if r["review_key"] in previous]
    new = [r for r in reviews if r["review_key"] not in previous]
    gone, edited, late = seen[0], seen[len(seen) // 2], new[0]
    reviews.remove(gone)  # deleted from the portal
    edited.update(  # an old review edited to one star: its company's history changes
        rating_value=edited["rating_worst"],
        score_100=0.0,
        stars=1.0,
        content_hash="edited",
        last_seen_at=end,
    )
    # A backfilled run: a review new to the warehouse, last seen before its newest row.
    late["first_seen_at"] = late["last_seen_at"] = min(r["last_seen_at"] for r in first_rows)
    lake = tmp_path / "inc" / "lake"
    for table in ("reviews", "mentions", "aggregates"):
        shutil.rmtree(lake / table, ignore_errors=True)
    write_table(lake, "reviews", reviews, REVIEWS)
    write_table(lake, "mentions", mentions, MENTIONS)
    write_table(lake, "aggregates", aggregates, AGGREGATES)
    shutil.copytree(lake, tmp_path / "full" / "lake")

    second = build(inc)
    assert not second.full_refresh
    full = settings_for(tmp_path / "full", companies)
    assert build(full, full_refresh=True).full_refresh

    assert_same_warehouse(inc.warehouse_path, full.warehouse_path)
    path = inc.warehouse_path
    assert (
        count(path, f"select count(*) from bi.reviews where review_key = '{gone['review_key']}'")
        == 0
    )
    assert (
        count(path, f"select count(*) from bi.reviews where review_key = '{late['review_key']}'")
        == 1
    )
    key = edited["review_key"]
    assert (
        count(path, f"select count(*) from bi.reviews where review_key = '{key}' and stars = 1")
        == 1
    )


def test_a_build_that_spills_to_disk_completes(tmp_path, monkeypatch):
    """Past its memory limit DuckDB spills to RUF_DUCKDB_TEMP_DIR; a build that spills
    (every big world does) must not fail when dbt opens its next cursor.

    Measured on this world with one dbt thread: the old profile (temp_directory in
    `settings`) fails at every limit up to 60MB once a model has spilled, and the
    build's smallest working limit is about 40MB, so 50MB spills with room both ways.
    """
    monkeypatch.setenv("RUF_DUCKDB_MEMORY_LIMIT", "50MB")
    monkeypatch.setenv("RUF_DBT_THREADS", "1")
    world = World(companies=60, anchor=ANCHOR)
    settings = settings_for(tmp_path, write_companies(tmp_path / "companies.yaml", world))
    reviews = write_lake(tmp_path / "lake", world)
    report = build(settings, full_refresh=True)
    assert report.rows["fct_reviews"] == len(reviews)
