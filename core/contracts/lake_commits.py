"""How the lake changes, and how a reader sees one version of it (docs/contracts/lake.md).

- **One writer at a time** (a transform, an erase): ``writer(settings)`` holds
  ``$RUF_DATA_DIR/.lake.lock`` exclusively from reading the lake to committing.
- **A commit is a journal**: the writer stages every new partition file under
  ``<lake>/_staging/<tx>/``, writes the planned moves to ``<lake>/_staging/<tx>.json``
  and then moves the files into place (``apply``). A commit whose journal exists is
  rolled forward by whoever comes next (``finish_pending``).
- **Readers see one version**: the moves happen under ``moving(settings)``, which holds
  ``$RUF_DATA_DIR/.lake-read.lock`` exclusively; a reader that must not see a mix of two
  versions (the warehouse build) reads inside ``consistent_read(settings)``, which holds
  the same file shared. So a build waits for a commit's moves (seconds, not the whole
  transform), and a commit waits for a build that is reading.

The locks are ``flock`` locks on this machine (released when a process dies); writers and
readers on several machines that share one S3 lake must be kept apart by the scheduler.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from typing import Any

from core import storage
from core.settings import ConfigError, Settings

STAGING = "_staging"
WRITER_LOCK = ".lake.lock"
READ_LOCK = ".lake-read.lock"
_TABLES = ("/reviews", "/mentions", "/aggregates", "/quarantine", "/runs")


class LakeBusy(ConfigError):
    """A reader asked not to wait, and a commit is moving files into the lake."""


def lake_fs(settings: Settings) -> tuple[Any, str]:
    return storage.filesystem_for(settings.lake_url, settings)


@contextlib.contextmanager
def _flock(settings: Settings, name: str, mode: int) -> Iterator[Any]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / name, "a") as fh:
        fcntl.flock(fh, mode)
        try:
            yield fh
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def writer(settings: Settings) -> Iterator[None]:
    """One lake writer at a time on this machine: each reads partitions, changes them and
    commits, so two at once could write back rows the other removed."""
    with _flock(settings, WRITER_LOCK, fcntl.LOCK_EX):
        yield


@contextlib.contextmanager
def moving(settings: Settings) -> Iterator[None]:
    """Held by a writer while a commit's files move into place (no reader reads then)."""
    with _flock(settings, READ_LOCK, fcntl.LOCK_EX):
        yield


@contextlib.contextmanager
def consistent_read(settings: Settings, wait: bool = True) -> Iterator[None]:
    """Read the lake inside this to see one version: no commit moves files meanwhile, and
    a commit a crashed writer left half applied is finished first. ``wait=False``: raise
    ``LakeBusy`` instead of waiting for a commit that is moving files."""
    mode = fcntl.LOCK_SH | (0 if wait else fcntl.LOCK_NB)
    try:
        with _flock(settings, READ_LOCK, mode) as fh:
            if pending(settings):
                fcntl.flock(fh, fcntl.LOCK_EX)  # alone now: roll the journal forward
                finish_pending(settings)
                fcntl.flock(fh, fcntl.LOCK_SH)
            yield
    except BlockingIOError:
        raise LakeBusy(
            f"the lake is being committed to (lock {settings.data_dir / READ_LOCK}): "
            "try again in a moment"
        ) from None


def pending(settings: Settings) -> list[str]:
    """Journals of commits that were not finished."""
    fs, root = lake_fs(settings)
    staging = storage.join(root, STAGING)
    if not fs.exists(staging):
        return []
    return storage.glob(fs, storage.join(staging, "*.json"))


def journal_path(settings: Settings, tx: str) -> str:
    _, root = lake_fs(settings)
    return storage.join(root, STAGING, f"{tx}.json")


def apply(fs: Any, ops: list[tuple[str | None, str]]) -> None:
    """Move staged files into place (``None``: remove the final file). Repeatable."""
    for staged, final in ops:
        if staged is None:
            storage.remove(fs, final)
            _remove_empty_dirs(fs, final)
        elif fs.exists(staged):  # missing: moved before a crash
            storage.move(fs, staged, final)


def finish_pending(settings: Settings) -> int:
    """Finish commits whose journal exists; drop staged files of commits that never
    reached one. Call it holding ``moving`` (or as the only writer, under ``writer``).
    Returns how many commits were rolled forward."""
    fs, root = lake_fs(settings)
    staging = storage.join(root, STAGING)
    if not fs.exists(staging):
        return 0
    done = 0
    for journal in storage.glob(fs, storage.join(staging, "*.json")):
        ops = [tuple(op) for op in json.loads(storage.read_bytes(fs, journal))]
        apply(fs, ops)
        storage.remove(fs, journal)
        done += 1
    storage.remove(fs, staging)
    return done


def _remove_empty_dirs(fs: Any, final: str) -> None:
    if not storage.is_local(fs):
        return  # object stores have no directories
    d = os.path.dirname(final)
    while d and os.path.isdir(d) and not os.listdir(d):
        os.rmdir(d)
        d = os.path.dirname(d)
        if d.endswith(_TABLES):
            break
