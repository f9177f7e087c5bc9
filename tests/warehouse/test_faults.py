"""Faults around the published warehouse: erasure that leaves no trace and is all or nothing,
and a warehouse another process holds (issue 17)."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest

from offline_portals.world import World
from tests.warehouse.world_lake import ANCHOR, settings_for, write_companies, write_world
from warehouse import erase as erase_module
from warehouse.build import WarehouseBusy, WarehouseDiskFull, build, erase_author
from warehouse.dbt_run import run_dbt
from warehouse.inputs import prepare_inputs

HOLD_OPEN_FOR_WRITING = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])  # read-write, as a DuckDB session or dbt would
    print("open", flush=True)
    sys.stdin.readline()
    """
)


@contextlib.contextmanager
def held_open_for_writing(path: Path) -> Iterator[subprocess.Popen]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN_FOR_WRITING, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        yield holder
    finally:
        holder.communicate("\n", timeout=60)


@pytest.fixture
def built(tmp_path):
    end = datetime.combine(ANCHOR, time(23, 59, 59), UTC)
    world = World(companies=6, anchor=ANCHOR, as_of=end - timedelta(days=2))
    write_world(tmp_path / "lake", world)
    settings = settings_for(tmp_path, write_companies(tmp_path / "companies.yaml", world))
    build(settings)
    return settings


def a_pseudonym(settings) -> str:
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return con.execute(
            "select author_pseudonym from bi.reviews where author_pseudonym is not null "
            "order by review_key limit 1"
        ).fetchone()[0]
    finally:
        con.close()


def look_up_in_dbt(settings, pseudonym: str, work: Path) -> None:
    """`dbt show` of the person's reviews through the build's dbt: the query and its rows go
    into dbt.log, run_results.json and the compiled SQL, as a dbt user's lookup would."""
    dbt_vars, _ = prepare_inputs(settings)
    sql = (
        "select review_key, author_pseudonym from bi.reviews "
        f"where author_pseudonym = '{pseudonym}'"
    )
    run_dbt(
        settings,
        settings.warehouse_path,
        work,
        ["show", "--inline", sql],
        dbt_vars,
        target_dir=settings.warehouse_path.parent / ".dbt-target",
    )


def files_naming(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".build.lock"
    }


def test_erase_leaves_no_trace_in_dbt_files_or_the_warehouse_file(built, tmp_path):
    settings = built
    pseudonym = a_pseudonym(settings)
    look_up_in_dbt(settings, pseudonym, tmp_path / "show")
    warehouse_dir = settings.warehouse_path.parent
    assert files_naming(warehouse_dir / "logs", pseudonym)
    assert files_naming(warehouse_dir / ".dbt-target", pseudonym)

    removed = erase_author(settings, pseudonym)
    assert removed["main.fct_reviews"] == 1
    # Nowhere under the warehouse folder: not in dbt's logs, run results, compiled SQL or
    # caches, and not in the published file's bytes (deleted rows leave theirs behind).
    assert files_naming(warehouse_dir, pseudonym) == []
    assert "*" * len(pseudonym) in (warehouse_dir / "logs" / "dbt.log").read_text()
    results = json.loads((warehouse_dir / ".dbt-target" / "run_results.json").read_text())
    assert results["results"]
    assert not list(warehouse_dir.rglob(".erase-*"))
    # The warehouse still works and the next build extends it.
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        left = con.execute(
            "select count(*) from bi.reviews where author_pseudonym = ?", [pseudonym]
        ).fetchone()[0]
        assert left == 0
        assert con.execute("select count(*) from bi.reputation").fetchone()[0] > 0
    finally:
        con.close()
    assert not build(settings).full_refresh


def test_erase_that_fails_changes_nothing(built, tmp_path, monkeypatch):
    settings = built
    pseudonym = a_pseudonym(settings)
    look_up_in_dbt(settings, pseudonym, tmp_path / "show")
    before = digest(settings.warehouse_path.parent)

    def disk_full_while_rewriting(*args):
        raise OSError(28, "No space left on device", str(settings.warehouse_path))

    monkeypatch.setattr(erase_module, "_erased_copy", disk_full_while_rewriting)
    with pytest.raises(WarehouseDiskFull, match=r"disk full: could not write .*ruf\.duckdb"):
        erase_author(settings, pseudonym)
    # The dbt files were cleaned aside but not put in place: all as before, nothing left over.
    assert digest(settings.warehouse_path.parent) == before


def test_erase_refuses_a_warehouse_held_open_for_writing(built, tmp_path):
    settings = built
    pseudonym = a_pseudonym(settings)
    before = digest(settings.warehouse_path.parent)
    with (
        held_open_for_writing(settings.warehouse_path) as holder,
        pytest.raises(WarehouseBusy) as busy,
    ):
        erase_author(settings, pseudonym)
    message = str(busy.value)
    assert "\n" not in message
    assert str(settings.warehouse_path) in message
    assert "another process" in message and f"pid {holder.pid}" in message
    assert digest(settings.warehouse_path.parent) == before


def test_build_refuses_a_warehouse_held_open_for_writing(built):
    settings = built
    published = hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest()
    with (
        held_open_for_writing(settings.warehouse_path) as holder,
        pytest.raises(WarehouseBusy) as busy,
    ):
        build(settings)
    message = str(busy.value)
    assert "\n" not in message and str(settings.warehouse_path) in message
    assert f"pid {holder.pid}" in message
    assert hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest() == published


def test_a_second_build_fails_at_once_naming_the_lock(built):
    settings = built
    lock = settings.warehouse_path.parent / ".build.lock"
    with open(lock, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # what a running build holds
        fh.write("pid 4242")
        fh.flush()
        with pytest.raises(WarehouseBusy) as busy:
            build(settings)
    message = str(busy.value)
    assert "\n" not in message
    assert str(settings.warehouse_path) in message and str(lock) in message
    assert "pid 4242" in message
    # Once the other build is done, this one runs.
    assert not build(settings).full_refresh
