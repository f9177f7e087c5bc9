"""The workflows that cross stages: the whole run, and erasing one author everywhere.

The CLI (``ruf run``, ``ruf demo``, ``ruf erase``) and Airflow run these same
functions; they differ only in what they do with the progress events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import ConfigError, Settings
from pipeline import stages
from pipeline.config_check import require_valid_config
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
    require_valid_config(settings)  # every mistake in the YAML, before a page is fetched
    crawled = stages.crawl(settings, run_date=run_date, fast=fast, progress=progress)
    transformed = stages.transform(settings, run_date=run_date, progress=progress)
    built = stages.build(settings, progress=progress)
    report_path = stages.report(settings, progress=progress)
    return RunResult(crawled, transformed, built, report_path, stages.league_table(settings))


def publish_docs(settings: Settings, *, progress: Progress = ignore) -> Path:
    """Write the dbt docs, then rewrite a published report so that it links them."""
    page = stages.docs(settings, progress=progress)
    if (settings.reports_dir / "index.html").exists():
        stages.report(settings, progress=progress, name="link them from the report")
    return page


class EraseIncomplete(ConfigError):
    """The erasure is recorded and done in raw and lake; a later step failed (rerun it)."""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


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
    Nothing is written before the key and the pseudonym are known to be usable; a
    step after the lake that fails raises ``EraseIncomplete`` (run it again).
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
    # From here on the erasure is recorded: every later transform keeps them out, and
    # each step below is safe to repeat. A step that fails says so and how to finish.
    step_name = "erase them from the warehouse"
    try:
        if settings.warehouse_path.exists():
            warehouse = erase_warehouse(settings, pseudonym)
            result.removed.update({f"warehouse.{k}": v for k, v in warehouse.items()})
            step_name = "rebuild the warehouse without them"
            stages.build(settings, full_refresh=True, progress=progress, name=step_name)
            if (settings.reports_dir / "index.html").exists():
                step_name = "rewrite the report without them"
                result.report_path = stages.report(settings, progress=progress, name=step_name)
    except Exception as exc:
        raise EraseIncomplete(
            f"author {pseudonym} is erased from the raw items and the lake (and recorded, so "
            f"no transform brings them back), but the step '{step_name}' failed: "
            f"{_one_line(exc)}; "
            f"run `ruf erase --author-pseudonym {pseudonym}` again to finish"
        ) from exc
    return result
