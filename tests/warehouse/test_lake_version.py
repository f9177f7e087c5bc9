"""A build reads one version of the lake, even while a transform commits (issue 17, point 7).

The commit is done here as a transform does it (core.contracts.lake_commits): the new
partition files staged under lake/_staging/<tx>/, the journal written, and the files moved
into place while holding the lake's read lock exclusively. A build that starts halfway
through the moves must not read some partitions of the new version and some of the old.
"""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path

import duckdb

from core import storage
from core.contracts import lake_commits
from core.contracts.lake import PARTITIONS, REVIEWS
from offline_portals.world import World
from tests.warehouse.world_lake import (
    ANCHOR,
    carry_seen,
    rows_by_partition,
    settings_for,
    world_rows,
    write_companies,
    write_table,
)
from warehouse.build import build


def reviews_of(world: World, previous: dict[str, dict] | None = None) -> list[dict]:
    return carry_seen(world_rows(world)[0], previous)


def partition_dir(table: str, key: tuple) -> str:
    return "/".join(f"{c}={v}" for c, v in zip(PARTITIONS[table], key, strict=True))


def blocked_on(lock: Path) -> bool:
    """Whether some thread waits for a flock on ``lock`` (Linux lists waiters with '->')."""
    inode = os.stat(lock).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields and "FLOCK" in fields and fields[-3].endswith(f":{inode}"):
            return True
    return False


def test_a_build_during_a_commit_reads_one_lake_version(tmp_path):
    end = datetime.combine(ANCHOR, clock(23, 59, 59), UTC)
    before = World(companies=10, anchor=ANCHOR, as_of=end - timedelta(days=20))
    after = World(companies=10, anchor=ANCHOR)
    settings = settings_for(tmp_path, write_companies(tmp_path / "companies.yaml", after))
    lake = tmp_path / "lake"
    old = reviews_of(before)
    write_table(lake, "reviews", old, REVIEWS)
    build(settings)

    new = reviews_of(after, {r["review_key"]: r for r in old})
    old_parts, new_parts = rows_by_partition(old, "reviews"), rows_by_partition(new, "reviews")
    changed = sorted(
        k
        for k in new_parts
        if sorted(r["review_key"] for r in new_parts[k])
        != sorted(r["review_key"] for r in old_parts.get(k, []))
    )
    assert len(changed) >= 2, changed
    assert not set(old_parts) - set(new_parts)

    # The transform's commit: stage every changed partition, write the journal, move.
    tx = "test-commit"
    staging = lake / lake_commits.STAGING / tx
    write_table(staging, "reviews", [r for k in changed for r in new_parts[k]], REVIEWS)
    ops = []
    for key in changed:
        folder = Path("reviews") / partition_dir("reviews", key)
        for staged in sorted((staging / folder).iterdir()):
            ops.append((str(staged), str(lake / folder / staged.name)))
    fs, _ = lake_commits.lake_fs(settings)
    read_lock = settings.data_dir / lake_commits.READ_LOCK
    outcome: dict[str, object] = {}

    def run_build() -> None:
        try:
            outcome["report"] = build(settings)
        except BaseException as exc:  # handed to the test thread
            outcome["error"] = exc

    builder = threading.Thread(target=run_build)
    with lake_commits.moving(settings):
        storage.write_bytes_atomic(
            fs, lake_commits.journal_path(settings, tx), json.dumps(ops).encode()
        )
        storage.move(fs, *ops[0])  # halfway through the commit, a build starts
        builder.start()
        while builder.is_alive() and not blocked_on(read_lock):
            time.sleep(0.05)
        lake_commits.apply(fs, ops[1:])
        storage.remove(fs, lake_commits.journal_path(settings, tx))
        storage.remove(fs, str(lake / lake_commits.STAGING))
    builder.join(timeout=600)
    assert "error" not in outcome, outcome.get("error")

    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        published = con.execute("select count(*) from bi.reviews").fetchone()[0]
    finally:
        con.close()
    # All of the new version (the build waited for the commit), not a mix of the two.
    assert published == len(new), (published, len(old), len(new))
