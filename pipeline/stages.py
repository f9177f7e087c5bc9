"""One function per stage: the only wrappers of the stages' entry points.

Each function calls one stage (``spiders.run.crawl``, the importer,
``transforms.run.transform``, ``warehouse.build.build``, ``report.write_report``,
``warehouse.build.generate_docs``) as a step: announced, timed and summarised
through ``progress``. It returns the stage's own report, so a caller can print
or log it, and raises the stage's errors unchanged (``ConfigError`` and its
kinds are the one-line ones).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import ConfigError, Settings
from core.storage import filesystem_for, write_bytes_atomic
from pipeline.progress import ModelFinished, Progress, ignore, step

if TYPE_CHECKING:  # the stages are imported when a function runs, not when this loads
    from spiders.imports import ImportReport
    from spiders.imports import Mapping as ImportMapping
    from spiders.plan import CrawlReport
    from transforms.batch import TransformReport
    from warehouse.build import BuildReport


def crawl(
    settings: Settings,
    *,
    run_date: date | str,
    portals: list[str] | None = None,
    companies: list[str] | None = None,
    shard: tuple[int, int] | None = None,
    replay: str | date | None = None,
    fast: bool = False,
    urls: list[str] | None = None,
    progress: Progress = ignore,
) -> CrawlReport:
    """Crawl (or, with ``replay``, re-parse the archive of) the tracked companies' portals.

    ``urls``: just these pages (and their next pages), read as the one portal named.
    """
    from spiders.run import crawl as crawl_portals

    with step(progress, "crawl") as done:
        report = crawl_portals(
            settings,
            run_date=run_date,
            portals=portals,
            companies=companies,
            shard=shard,
            replay=replay,
            fast=fast,
            urls=urls,
        )
        done.summary = report.summary()
    return report


def import_mapping(
    settings: Settings,
    *,
    portal: str,
    file_path: Path,
    mapping_path: Path | None = None,
    company: str | None = None,
) -> ImportMapping:
    """The mapping an import of ``file_path`` uses: the file given, or the one inferred."""
    for path in (mapping_path, file_path):
        if path is not None and not Path(path).exists():
            raise ConfigError(f"file not found: {path}")
    from spiders.imports import mapping_for

    return mapping_for(
        settings, portal=portal, file_path=file_path, mapping=mapping_path, company=company
    )


def mapping_yaml(mapping: ImportMapping) -> str:
    """The mapping as YAML, to look at, edit and save (docs/importing.md)."""
    from spiders.imports import to_yaml

    return to_yaml(mapping)


def save_mapping(mapping: ImportMapping, path: Path) -> None:
    fs, local = filesystem_for(str(path))
    write_bytes_atomic(fs, local, mapping_yaml(mapping).encode("utf-8"))


def import_export(
    settings: Settings,
    *,
    portal: str,
    file_path: Path,
    run_date: date | str,
    mapping: ImportMapping | Path | None = None,
    company: str | None = None,
    dry_run: bool = False,
    progress: Progress = ignore,
) -> ImportReport:
    """Import one review export into the raw partition of ``run_date`` (``dry_run``: only
    read it and say what it would write)."""
    if not Path(file_path).exists():
        raise ConfigError(f"file not found: {file_path}")
    from spiders.imports import import_file

    with step(progress, "import") as done:
        report = import_file(
            settings,
            portal=portal,
            file_path=Path(file_path),
            run_date=run_date,
            mapping=mapping,
            company=company,
            dry_run=dry_run,
        )
        done.summary = report.summary()
    return report


def transform(
    settings: Settings,
    *,
    run_date: date | None = None,
    portals: list[str] | None = None,
    progress: Progress = ignore,
) -> TransformReport:
    """Clean and validate the raw runs of ``run_date`` (default: every run) into the lake."""
    from transforms.run import transform as transform_raw

    with step(progress, "transform") as done:
        report = transform_raw(settings, run_date=run_date, portals=portals)
        done.summary = report.summary()
    return report


def build(
    settings: Settings,
    *,
    full_refresh: bool = False,
    progress: Progress = ignore,
    name: str = "build",
) -> BuildReport:
    """Build the warehouse with dbt and publish it; every dbt node is reported as it ends."""
    from warehouse.build import build as build_warehouse

    def node_done(node: str, status: str) -> None:
        progress(ModelFinished(node, status))

    with step(progress, name) as done:
        report = build_warehouse(settings, full_refresh=full_refresh, progress=node_done)
        done.summary = report.summary()
    return report


def report(settings: Settings, *, progress: Progress = ignore, name: str = "report") -> Path:
    """Write the HTML report from the published warehouse; return its index page."""
    from report import write_report

    with step(progress, name):
        return write_report(settings)


def docs(settings: Settings, *, progress: Progress = ignore) -> Path:
    """Write dbt's static docs for the published warehouse where the report links them."""
    from core.warehouse_db import require
    from report.html import DOCS_CSP, DOCS_PAGE, with_csp
    from warehouse.build import generate_docs

    require(settings.warehouse_path)  # docs of no warehouse would describe empty tables
    page = settings.reports_dir / DOCS_PAGE
    with step(progress, "docs") as done:
        generate_docs(settings, page.parent)
        # Every page under the reports directory carries a CSP; dbt writes none.
        fs, local = filesystem_for(str(page))
        html = page.read_text(encoding="utf-8")
        write_bytes_atomic(fs, local, with_csp(html, DOCS_CSP).encode("utf-8"))
        done.summary = f"dbt docs: {page}"
    return page


def league_table(settings: Settings) -> list[dict[str, Any]]:
    """Every company's all-portals reputation, best rank first, from the published warehouse."""
    from core.warehouse_db import published
    from report import queries

    with published(settings) as con:
        return queries.league_table(con)
