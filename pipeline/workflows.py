"""The workflows that cross stages: the whole run, and erasing one author everywhere.

The CLI (``ruf run``, ``ruf demo``, ``ruf erase``) and Airflow run these same
functions; they differ only in what they do with the progress events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import Settings
from pipeline import stages
from pipeline.progress import Progress, ignore

if TYPE_CHECKING:
    from spiders.plan import CrawlReport
    from transforms.batch import TransformReport
    from warehouse.build import BuildReport


@dataclass
class RunResult:
    crawl: CrawlReport
    transform: TransformReport
    build: BuildReport
    report_path: Path
    league: list[dict[str, Any]]

    @property
    def ok(self) -> bool:
        """False when a portal failed to crawl (the others were still processed)."""
        return bool(self.crawl.ok)


def run(
    settings: Settings, *, run_date: date, fast: bool = False, progress: Progress = ignore
) -> RunResult:
    """Crawl, transform, build and report for ``run_date``; the league table at the end."""
    settings.require_pseudonym_key()  # before the crawl: a run without it cannot finish
    crawled = stages.crawl(settings, run_date=run_date, fast=fast, progress=progress)
    transformed = stages.transform(settings, run_date=run_date, progress=progress)
    built = stages.build(settings, progress=progress)
    report_path = stages.report(settings, progress=progress)
    return RunResult(crawled, transformed, built, report_path, stages.league_table(settings))


@dataclass
class EraseResult:
    pseudonym: str
    removed: dict[str, int] = field(default_factory=dict)
    report_path: Path | None = None

    @property
    def total(self) -> int:
        return sum(self.removed.values())

    def summary(self) -> str:
        detail = ", ".join(f"{k}={v}" for k, v in self.removed.items() if v) or "nothing"
        return f"erased author {self.pseudonym}: {self.total} rows removed ({detail})"


def erase_everywhere(
    settings: Settings, pseudonym: str, *, progress: Progress = ignore
) -> EraseResult:
    """Erase one author from the raw items, the lake, the warehouse and the report.

    The erasure is recorded in the lake's ledger, so every later transform keeps
    the author out; the warehouse is rebuilt without them (their scores, alerts
    and reply links go too) and a published report is rewritten from it.
    """
    from transforms.erase import ERASABLE
    from transforms.erase import erase_author as erase_lake
    from warehouse.build import erase_author as erase_warehouse

    # The raw items are matched by pseudonym, which needs the key: without it,
    # fail here, before the ledger or any file is written.
    settings.require_pseudonym_key()
    lake = erase_lake(settings, pseudonym)
    result = EraseResult(pseudonym)
    result.removed = {
        (f"lake.{k}" if k in ERASABLE else k.replace("_", ".", 1)): v for k, v in lake.items()
    }
    if settings.warehouse_path.exists():
        warehouse = erase_warehouse(settings, pseudonym)
        result.removed.update({f"warehouse.{k}": v for k, v in warehouse.items()})
        stages.build(
            settings,
            full_refresh=True,
            progress=progress,
            name="rebuild the warehouse without them",
        )
        if (settings.reports_dir / "index.html").exists():
            result.report_path = stages.report(
                settings, progress=progress, name="rewrite the report without them"
            )
    return result
