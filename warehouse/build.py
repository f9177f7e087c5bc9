"""Build and publish the DuckDB warehouse from the Parquet lake with dbt.

The stage's entry points: ``build`` (``dbt build``, incremental unless asked for a
full refresh), ``generate_docs`` and ``erase_author``. The jobs live beside this
module: the inputs dbt reads (``warehouse.inputs``), running dbt
(``warehouse.dbt_run``), building aside and publishing (``warehouse.publish``) and
erasure (``warehouse.erase``).
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from core import storage
from core.contracts import lake_commits
from core.settings import Settings
from warehouse.dbt_run import Progress, Result, run_dbt
from warehouse.erase import erase_author
from warehouse.errors import (
    WarehouseBuildError,
    WarehouseBusy,
    WarehouseDiskFull,
    disk_full_in_one_line,
)
from warehouse.inputs import prepare_inputs
from warehouse.publish import build_lock, has_incremental_state, publish, work_dir

__all__ = [
    "BuildReport",
    "WarehouseBuildError",
    "WarehouseBusy",
    "WarehouseDiskFull",
    "build",
    "docs_dir",
    "erase_author",
    "generate_docs",
    "prepare_inputs",
]

log = logging.getLogger("ruf.warehouse")


@dataclass
class BuildReport:
    path: Path
    full_refresh: bool
    seconds: float = 0.0
    results: list[Result] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    empty_tables: list[str] = field(default_factory=list)

    @property
    def models_run(self) -> int:
        return sum(1 for kind, *_ in self.results if kind == "model")

    @property
    def tests_run(self) -> int:
        return sum(1 for kind, *_ in self.results if kind in ("test", "unit_test"))

    def summary(self) -> str:
        rows = ", ".join(f"{k}={v}" for k, v in self.rows.items())
        mode = "full refresh" if self.full_refresh else "incremental"
        return (
            f"warehouse built ({mode}): {self.models_run} models, {self.tests_run} tests, "
            f"{rows}; {self.seconds:.1f}s -> {self.path}"
        )


def _start_from_published(target: Path, db_path: Path) -> bool:
    """Copy the published warehouse to build on; False (and no copy) when it cannot
    be extended incrementally."""
    if not target.exists():
        return False
    shutil.copyfile(target, db_path)
    if has_incremental_state(db_path):
        return True
    db_path.unlink()
    return False


def build(
    settings: Settings, *, full_refresh: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Run ``dbt build`` (models, data tests, unit tests) and publish the warehouse.

    Raises WarehouseBusy when another process writes the warehouse, WarehouseDiskFull
    when the disk fills, WarehouseBuildError when dbt fails: each one line, the published
    warehouse unchanged.
    """
    started = time.monotonic()
    target = settings.warehouse_path
    report = BuildReport(path=target, full_refresh=full_refresh)
    with (
        build_lock(settings),
        work_dir(settings) as work,
        disk_full_in_one_line(target, work),
    ):
        db_path = work / target.name
        incremental = not full_refresh and _start_from_published(target, db_path)
        if incremental:
            # Unit tests check formulas, not data: the full refresh runs them.
            args = ["build", "--exclude-resource-type", "unit_test"]
        else:
            args = ["build", "--full-refresh"]
        report.full_refresh = not incremental
        # One version of the lake for every model: no transform's commit moves a file
        # while dbt reads (docs/contracts/lake.md, "Writers, commits and readers").
        with lake_commits.consistent_read(settings):
            dbt_vars, report.empty_tables = prepare_inputs(settings)
            report.results = run_dbt(
                settings,
                db_path,
                work,
                args,
                dbt_vars,
                progress,
                target_dir=settings.warehouse_path.parent / ".dbt-target",
                changed_only=incremental,
            )
        report.rows = publish(db_path, target)
    report.seconds = time.monotonic() - started
    for kind, name, status, seconds in sorted(report.results, key=lambda r: -r[3])[:5]:
        log.debug("slowest: %s %s %s %.2fs", kind, name, status, seconds)
    log.info(report.summary())
    return report


def docs_dir(settings: Settings) -> Path:
    """Where ``ruf docs`` writes the dbt docs (the report links its index.html)."""
    return settings.reports_dir / "dbt-docs"


def generate_docs(settings: Settings, target_dir: Path | None = None) -> Path:
    """The dbt docs of the published warehouse as one self-contained page.

    ``dbt docs generate --static`` over a copy of the published warehouse writes
    ``index.html`` (models, columns, lineage, catalog inlined: it opens from disk with no
    server) and, for tools, ``manifest.json`` and ``catalog.json`` into ``target_dir``
    (default data/reports/dbt-docs/). Returns the page's path.
    """
    target_dir = target_dir or docs_dir(settings)
    with (
        build_lock(settings),
        work_dir(settings) as work,
        disk_full_in_one_line(settings.warehouse_path, target_dir),
    ):
        dbt_vars, _ = prepare_inputs(settings)
        db_path = work / settings.warehouse_path.name  # the catalog is named after the file
        if settings.warehouse_path.exists():
            shutil.copyfile(settings.warehouse_path, db_path)
        run_dbt(settings, db_path, work, ["docs", "generate", "--static"], dbt_vars)
        fs, _ = storage.filesystem_for(str(target_dir))
        for source, name in (
            ("static_index.html", "index.html"),
            ("manifest.json", "manifest.json"),
            ("catalog.json", "catalog.json"),
        ):
            data = (work / "target" / source).read_bytes()
            storage.write_bytes_atomic(fs, str(target_dir / name), data)
    return target_dir / "index.html"
