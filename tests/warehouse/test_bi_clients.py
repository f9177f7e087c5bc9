"""The published warehouse as BI tools open it: DuckDB 1.x readers and SQLAlchemy's inspector.

The DuckDB 1.x readers (the oldest Python client the storage version supports and the newest
duckdb CLI 1.x) live in their own venv, ``.venv-duckdb1``, which ``make test`` installs from
requirements-duckdb1.txt; nothing is downloaded here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import textwrap
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest
import sqlalchemy

from offline_portals.world import World
from tests.warehouse.world_lake import ANCHOR, settings_for, write_companies, write_world
from warehouse.build import build
from warehouse.publish import STORAGE_VERSION

REPO = Path(__file__).resolve().parents[2]
READER_VENV = Path(os.environ.get("RUF_DUCKDB1_VENV") or REPO / ".venv-duckdb1")

READ_EVERY_VIEW = textwrap.dedent(
    """
    import json, sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    views = [r[0] for r in con.execute(
        "select view_name from duckdb_views() where schema_name = 'bi' order by 1").fetchall()]
    rows = {v: len(con.execute(f"select * from bi.{v}").fetchall()) for v in views}
    print(json.dumps({"version": duckdb.__version__, "rows": rows}))
    """
)


def bi_views(path: Path) -> dict[str, list[str]]:
    """Every bi view and its columns, as DuckDB 2.0 sees them."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        views = con.execute(
            "select view_name from duckdb_views() where schema_name = 'bi' order by 1"
        ).fetchall()
        return {v: [r[0] for r in con.execute(f"describe bi.{v}").fetchall()] for (v,) in views}
    finally:
        con.close()


def row_counts(path: Path, views) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {v: con.execute(f"select count(*) from bi.{v}").fetchone()[0] for v in views}
    finally:
        con.close()


def storage_version(path: Path) -> str:
    con = duckdb.connect()
    try:
        con.execute(f"attach '{path}' as w (read_only)")
        return con.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = 'w'"
        ).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def reader_venv() -> Path:
    if not (READER_VENV / "bin" / "python").exists():
        pytest.skip(
            f"no DuckDB 1.x reader venv at {READER_VENV}: `make .venv-duckdb1/.ruf-installed` "
            "(part of `make test`) installs it from requirements-duckdb1.txt"
        )
    return READER_VENV


def test_the_warehouse_is_published_in_the_1x_storage_version(story_warehouse):
    assert storage_version(story_warehouse.settings.warehouse_path) == f"{STORAGE_VERSION}+"


def test_duckdb_1_0_python_reader_reads_every_bi_view(story_warehouse, reader_venv):
    path = story_warehouse.settings.warehouse_path
    views = bi_views(path)
    assert {"alerts", "reputation", "reputation_daily", "reviews"} <= set(views)
    assert {"company_topics", "alert_topics"} <= set(views)  # the topics views too
    result = subprocess.run(
        [str(reader_venv / "bin" / "python"), "-c", READ_EVERY_VIEW, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout)
    assert seen["version"] == "1.0.0"
    assert seen["rows"] == row_counts(path, views)
    read = ("alerts", "reputation", "reviews", "mentions", "company_topics", "alert_topics")
    assert all(seen["rows"][v] > 0 for v in read), seen["rows"]


def test_duckdb_cli_1x_opens_the_warehouse_read_only(story_warehouse, reader_venv):
    path = story_warehouse.settings.warehouse_path
    cli = reader_venv / "bin" / "duckdb"
    version = subprocess.run([str(cli), "-version"], capture_output=True, text=True)
    assert version.stdout.startswith("v1."), version.stdout
    views = bi_views(path)
    sql = "".join(f"select '{v}' as view, count(*) as n from bi.{v};" for v in views)
    result = subprocess.run(
        [str(cli), "-readonly", "-csv", "-noheader", str(path), "-c", sql],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    counts = {row[0]: int(row[1]) for row in csv.reader(io.StringIO(result.stdout))}
    assert counts == row_counts(path, views)
    # A row as a BI tool shows it: the alert's company name and kind come through.
    alert = subprocess.run(
        [str(cli), "-readonly", "-json", str(path), "-c", "from bi.alerts order by alert_id"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert alert.returncode == 0, alert.stderr[-3000:]
    kinds = {row["kind"] for row in json.loads(alert.stdout)}
    assert {"negative_burst", "extortion"} <= kinds


def test_sqlalchemy_inspector_reflects_every_bi_view(story_warehouse):
    """What Superset does to build a dataset: schemas, then views, then columns and keys."""
    path = story_warehouse.settings.warehouse_path
    engine = sqlalchemy.create_engine(f"duckdb:///{path}", connect_args={"read_only": True})
    views = bi_views(path)
    try:
        inspector = sqlalchemy.inspect(engine)
        # duckdb-engine names schemas after the file's catalog: ruf.duckdb -> "ruf.bi".
        assert "ruf.bi" in inspector.get_schema_names()
        for schema in ("ruf.bi", "bi"):
            assert inspector.get_table_names(schema=schema) == []
            assert sorted(inspector.get_view_names(schema=schema)) == sorted(views)
            for view, columns in views.items():
                reflected = inspector.get_columns(view, schema=schema)
                assert [c["name"] for c in reflected] == columns, (schema, view)
                assert inspector.get_pk_constraint(view, schema=schema)["constrained_columns"] == []
                assert inspector.get_foreign_keys(view, schema=schema) == []
                assert "select" in inspector.get_view_definition(view, schema=schema).lower()
        alerts = sqlalchemy.Table(
            "alerts", sqlalchemy.MetaData(), schema="ruf.bi", autoload_with=engine
        )
        assert [c.name for c in alerts.columns] == views["alerts"]
        with engine.connect() as con:
            rows = con.execute(sqlalchemy.select(alerts.c.kind, alerts.c.company_name)).fetchall()
        assert rows and all(kind and name for kind, name in rows)
    finally:
        engine.dispose()


def test_a_warehouse_in_duckdb_2_storage_is_rewritten_for_1x_readers(tmp_path):
    """A warehouse published before (DuckDB 2.0's default storage) is rebuilt in full once."""
    end = datetime.combine(ANCHOR, time(23, 59, 59), UTC)
    world = World(companies=6, anchor=ANCHOR, as_of=end - timedelta(days=2))
    write_world(tmp_path / "lake", world)
    settings = settings_for(tmp_path, write_companies(tmp_path / "companies.yaml", world))
    assert build(settings).full_refresh
    path = settings.warehouse_path
    # Stand in for an old publish: the same warehouse copied into DuckDB 2.0's own format.
    old = path.with_name("old.duckdb")
    con = duckdb.connect()
    con.execute(f"attach '{path}' as src (read_only)")
    con.execute(f"attach '{old}' as ruf (storage_version 'latest')")
    con.execute("copy from database src to ruf")
    con.close()
    os.replace(old, path)
    assert storage_version(path) != f"{STORAGE_VERSION}+"

    report = build(settings)
    assert report.full_refresh
    assert storage_version(path) == f"{STORAGE_VERSION}+"
    # And the next build extends it incrementally again.
    assert not build(settings).full_refresh
