"""A reader that asks for one lake version (the warehouse build) never sees a mix of two:
a commit's files move while no such reader reads, and a commit waits for one that is
reading (issue 17, item 7; the protocol: core.contracts.lake_commits)."""

from __future__ import annotations

import os
import threading
import time
from datetime import date

import pytest

from core.contracts import lake_commits
from core.contracts.lake_commits import LakeBusy, consistent_read
from transforms import lake
from transforms.run import transform

from .conftest import write_items
from .test_pipeline import GOOD

DAY1, DAY2 = "2026-11-20", "2026-11-23"


def _run_dates(settings) -> set[str]:
    return {r["run_date"] for r in lake.read_table(settings, "runs").to_pylist()}


def _day(settings, day: str, review_id: str) -> None:
    item = {**GOOD, "review_id": review_id, "fetched_at": f"{day}T08:00:00Z"}
    write_items(settings.data_dir / "raw", "trustpilot", day, [item])


def _someone_waits_for(path) -> bool:
    """True when a process (or thread) is blocked on a flock of ``path`` (/proc/locks)."""
    inode = os.stat(path).st_ino
    with open("/proc/locks") as fh:
        return any("->" in line and f":{inode} " in line for line in fh)


@pytest.fixture
def first_version(settings):
    _day(settings, DAY1, "r1")
    transform(settings)
    _day(settings, DAY2, "r2")
    return settings


def test_no_consistent_reader_gets_in_while_a_commit_moves_files(first_version, monkeypatch):
    settings = first_version
    seen: list = []

    def during_the_moves() -> None:
        try:
            with consistent_read(settings, wait=False):
                seen.append("read a half-moved lake")
        except LakeBusy as busy:
            seen.append(str(busy))

    monkeypatch.setattr(lake, "before_moves", during_the_moves)
    transform(settings)  # two run dates, two commits
    assert len(seen) == 2
    for said in seen:
        assert "the lake is being committed to" in said
        assert str(settings.data_dir / lake_commits.READ_LOCK) in said
    with consistent_read(settings, wait=False):  # free again once the commit is in
        assert _run_dates(settings) == {DAY1, DAY2}


def test_a_commit_waits_for_a_reader_that_is_reading(first_version):
    settings = first_version
    done: list = []
    with consistent_read(settings):
        writer = threading.Thread(target=lambda: done.append(transform(settings)))
        writer.start()
        deadline = time.monotonic() + 300
        while not _someone_waits_for(settings.data_dir / lake_commits.READ_LOCK):
            assert writer.is_alive() and time.monotonic() < deadline, "the commit did not wait"
            time.sleep(0.05)
        # The writer is blocked at its commit: what the reader reads is still version 1.
        assert _run_dates(settings) == {DAY1} and not done
    writer.join(timeout=300)
    assert done and _run_dates(settings) == {DAY1, DAY2}


def test_a_consistent_reader_finishes_a_commit_a_killed_writer_left(first_version, monkeypatch):
    settings = first_version

    def killed() -> None:
        raise KeyboardInterrupt  # the writer dies after its journal, before any move

    monkeypatch.setattr(lake, "before_moves", killed)
    with pytest.raises(KeyboardInterrupt):
        transform(settings, run_date=date.fromisoformat(DAY2))
    monkeypatch.setattr(lake, "before_moves", None)
    assert lake_commits.pending(settings)
    with consistent_read(settings):
        assert not lake_commits.pending(settings)
        assert _run_dates(settings) == {DAY1, DAY2}
