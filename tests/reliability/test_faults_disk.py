"""Disk full while writing the raw archive, the lake and the warehouse: a clear error,
nothing half-written, the previous state intact.

The full disk is real: a small tmpfs mounted for the test (``mount -t tmpfs``,
which needs root), filled with ballast until only a few KB are free, so every
write runs into ENOSPC exactly as on a full volume. Where mounting is not
permitted, the stage runs in a child process with ``RLIMIT_FSIZE`` (writes
beyond the limit fail with EFBIG, SIGXFSZ ignored), which exercises the same
error paths.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from offline_portals.server import Faults, running
from tests.reliability.reliability_support import (
    ANCHOR,
    DAY2,
    TRANSFORM_CHILD,
    file_hashes,
    pipeline_env,
    raw_line_count,
    small_world,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reliability-lake")]

FREE_BYTES = 8 * 1024  # what the "full" disk still has: less than any stage needs
NO_SPACE = ("No space left on device", "File too large", "ENOSPC", "EFBIG")


class Disk:
    """A directory on a volume that can be filled to the brim."""

    def __init__(self, path: Path, tmpfs: bool) -> None:
        self.path = path
        self.tmpfs = tmpfs

    def fill(self) -> None:
        if not self.tmpfs:
            return
        st = os.statvfs(self.path)
        free = st.f_bavail * st.f_frsize
        with open(self.path / "ballast", "wb") as fh, contextlib.suppress(OSError):
            fh.write(b"\0" * max(0, free - FREE_BYTES))

    def free(self) -> None:
        (self.path / "ballast").unlink(missing_ok=True)

    def preexec(self):  # -> Callable | None
        """For the fallback: every file a child writes is capped at FREE_BYTES."""
        if self.tmpfs:
            return None

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (FREE_BYTES, FREE_BYTES))

        return limit


@pytest.fixture
def disk(tmp_path):
    path = tmp_path / "disk"
    path.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(path)],
            capture_output=True,
        ).returncode
        == 0
    )
    print(f"\nfull disk by {'tmpfs' if mounted else 'RLIMIT_FSIZE (mount not permitted)'}")
    try:
        yield Disk(path, tmpfs=mounted)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=False)


def _stage(env: dict[str, str], code: str, disk: Disk) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=disk.preexec(),
    )


def _says_disk_full(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0, "a full disk is an error, not a success"
    assert any(s in result.stderr for s in NO_SPACE), result.stderr[-3000:]


def test_transform_onto_a_full_disk_fails_clearly_and_keeps_the_lake(
    tmp_path, lake_after_day1, disk
):
    source, world = lake_after_day1
    data = tmp_path / "data"
    shutil.copytree(source, data)
    lake = disk.path / "lake"
    shutil.copytree(data / "lake", lake)
    env = {
        **pipeline_env(data, world, RUF_LAKE_URL=str(lake)),
        "RUN_DATE": DAY2.isoformat(),
    }
    before = file_hashes(lake, "**/*.parquet")
    disk.fill()
    result = _stage(env, TRANSFORM_CHILD, disk)
    _says_disk_full(result)
    assert file_hashes(lake, "**/*.parquet") == before  # nothing half-written is visible
    disk.free()
    rerun = _stage(env, TRANSFORM_CHILD, disk) if disk.tmpfs else None
    if rerun is not None:  # with space again the same run completes
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert (lake / "runs" / f"run_date={DAY2}").exists()


def test_a_full_disk_stops_the_transform_with_one_line_naming_the_file(
    tmp_path, lake_after_day1, disk
):
    source, world = lake_after_day1
    data = tmp_path / "data"
    shutil.copytree(source, data)
    lake = disk.path / "lake"
    shutil.copytree(data / "lake", lake)
    env = pipeline_env(data, world, RUF_LAKE_URL=str(lake))
    before = file_hashes(lake, "**/*.parquet")
    disk.fill()
    cli = ["-m", "ruf.cli", "transform", "--run-date", DAY2.isoformat()]
    result = subprocess.run(
        [sys.executable, *cli],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=disk.preexec(),
    )
    # Besides the CLI's progress lines ("[ruf] transform ..."): one line, no traceback.
    lines = [s for s in result.stderr.splitlines() if s.strip() and not s.startswith("[ruf]")]
    assert result.returncode == 2 and len(lines) == 1, result.stderr[-3000:]
    said = lines[0]
    assert said.startswith("ruf: error: disk full: could not write "), said
    assert any(s in said for s in NO_SPACE), said
    named = Path(said.removeprefix("ruf: error: disk full: could not write ").split(" (")[0])
    assert named.is_relative_to(tmp_path), said  # the file the disk refused, by its path
    assert "nothing half-written is in the lake" in said
    assert file_hashes(lake, "**/*.parquet") == before


CRAWL = """
    import os
    from datetime import date
    from core.settings import load_settings
    from spiders.run import crawl
    report = crawl(load_settings(), run_date=date.fromisoformat(os.environ["RUN_DATE"]), fast=True)
    print(report.summary())
    raise SystemExit(0 if report.ok else 1)
"""


def test_crawl_onto_a_full_disk_fails_clearly_and_publishes_nothing_partial(tmp_path, disk):
    world = small_world(companies=6, reviews_per_company=20)
    raw = disk.path / "raw"
    raw.mkdir()
    with running(world, faults=Faults(0, 0)) as server:
        env = {
            **pipeline_env(tmp_path / "data", world, RUF_RAW_URL=str(raw)),
            "RUF_PORTALS_URL": server.url,
            "RUN_DATE": ANCHOR.isoformat(),
        }
        disk.fill()
        result = _stage(env, CRAWL, disk)
    assert result.returncode != 0, result.stdout
    assert any(s in result.stdout + result.stderr for s in NO_SPACE), (
        result.stdout + result.stderr
    )[-3000:]
    # Whatever became visible is whole: every line of every items file is a complete item.
    for f in raw.glob("*/*/items-*.jsonl"):
        data = f.read_bytes()
        assert data.endswith(b"\n"), f
        for line in data.splitlines():
            json.loads(line)
    print(raw_line_count(raw))


BUILD = """
    from core.settings import load_settings
    from warehouse.build import build
    build(load_settings())
"""

BUILD_CLI = """
    import sys
    from ruf.cli import main
    sys.exit(main(["build"]))
"""


def test_build_onto_a_full_disk_fails_clearly_and_keeps_the_warehouse(
    tmp_path, lake_after_day1, disk
):
    source, world = lake_after_day1
    env = pipeline_env(
        disk.path / "data",
        world,
        RUF_RAW_URL=str(source / "raw"),
        RUF_LAKE_URL=str(source / "lake"),
    )
    first = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BUILD)], env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr[-3000:]
    warehouse = disk.path / "data" / "warehouse" / "ruf.duckdb"
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    disk.fill()
    result = _stage(env, BUILD_CLI, disk)
    _says_disk_full(result)
    # One line that names the file it could not write, not a traceback.
    said = result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert said.startswith("ruf: error: disk full: could not write "), result.stderr[-3000:]
    written = said.removeprefix("ruf: error: disk full: could not write ").split(" (")[0]
    assert written.startswith(str(disk.path)) and written != str(warehouse), said
    assert f"the published warehouse {warehouse} is unchanged" in said
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published
    # The aside copy is cleaned away: the next build finds room again.
    leftovers = [p for p in warehouse.parent.iterdir() if p.name.startswith(".build-")]
    assert not leftovers, leftovers


def test_the_disk_full_error_is_the_os_error_not_a_crash_report():
    """What the checks above look for is what the OS says on a full volume."""
    assert os.strerror(errno.ENOSPC) == NO_SPACE[0]
    assert os.strerror(errno.EFBIG) == NO_SPACE[1]
