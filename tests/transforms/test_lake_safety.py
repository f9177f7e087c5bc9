"""A killed commit leaves the lake as it was; a rerun gives the clean-run lake."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from core.settings import REPO_ROOT
from transforms import lake
from transforms.run import transform

from .conftest import small_world, write_items, write_world
from .test_pipeline import GOOD, snapshot

KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal
    from tests.transforms.conftest import make_settings
    from pathlib import Path
    from core import storage
    from transforms import lake
    from transforms.run import transform

    moves = {moves}
    real_move = storage.move
    done = []

    def move(fs, src, dst):
        if len(done) == moves:
            os.kill(os.getpid(), signal.SIGKILL)
        real_move(fs, src, dst)
        done.append(dst)

    storage.move = move
    if moves < 0:  # die after staging, before the journal and the first move
        lake.Commit.commit = lambda self: os.kill(os.getpid(), signal.SIGKILL)
    transform(make_settings(Path({root!r})))
    """
)


def run_killed(root, moves: int) -> int:
    script = KILL_SCRIPT.format(root=str(root), moves=moves)
    # Run from the repository root, which `python -c` puts first on sys.path.
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO_ROOT
    )
    return proc.returncode


def test_kill_before_commit_leaves_lake_unchanged_and_rerun_is_clean(settings, tmp_path):
    raw = settings.data_dir / "raw"
    write_items(raw, "trustpilot", "2026-11-20", [{**GOOD, "fetched_at": "2026-11-20T08:00:00Z"}])
    transform(settings)
    before = snapshot(settings)

    write_world(raw, small_world(companies=6))
    assert run_killed(settings.data_dir, moves=-1) == -signal.SIGKILL
    assert snapshot(settings) == before  # staged files are invisible to readers

    transform(settings)
    clean = tmp_path / "clean"
    from .conftest import make_settings

    clean_settings = make_settings(clean)
    write_items(
        clean / "raw", "trustpilot", "2026-11-20", [{**GOOD, "fetched_at": "2026-11-20T08:00:00Z"}]
    )
    write_world(clean / "raw", small_world(companies=6))
    transform(clean_settings)
    assert snapshot(settings) == _relocated(snapshot(clean_settings), clean, settings.data_dir)


def test_kill_in_the_middle_of_the_moves_is_rolled_forward(settings, tmp_path):
    write_world(settings.data_dir / "raw", small_world(companies=6))
    assert run_killed(settings.data_dir, moves=3) == -signal.SIGKILL
    fs, root = lake.lake_fs(settings)
    assert fs.glob(root + "/_staging/*.json")  # the journal of the unfinished commit
    # The next run (or erase) finishes the commit first; the lake equals one clean run.
    assert lake.recover(settings) == 1
    transform(settings)
    from .conftest import make_settings

    clean = make_settings(tmp_path / "clean")
    write_world(clean.data_dir / "raw", small_world(companies=6))
    transform(clean)
    assert snapshot(settings) == _relocated(snapshot(clean), clean.data_dir, settings.data_dir)
    assert not fs.glob(root + "/_staging/*.json")


def _relocated(snap: dict, src, dst) -> dict:
    """Source file paths differ between two data roots; compare the rest."""
    out = {}
    for name, rows in snap.items():
        out[name] = sorted(r.replace(str(src), str(dst)) for r in rows)
    return out
