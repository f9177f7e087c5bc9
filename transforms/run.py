"""Raw JSONL items -> the Parquet lake: the transforms stage entry point.

``transform(settings, run_date=..., portals=...)`` reads every raw run (oldest
first), normalises ratings, dates, text, companies and authors vectorised over
Arrow tables, quarantines what cannot be made clean (with reason codes and the
scrubbed raw row), validates with Great Expectations and commits the touched
lake partitions atomically. Each batch writes ``runs`` rows whose counts must
reconcile: raw = clean + quarantined + duplicates + erased per portal.

The steps, one module each: ``slices`` (cutting a batch, the worker pool),
``normalise`` (raw rows -> rows of a kind, or quarantine), ``tables`` (reviews,
mentions, aggregates), ``validate`` (Great Expectations), ``commit`` (merging into
the lake); ``batch`` holds the types they pass between them.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, date, datetime

from core.config import load_companies, load_portals
from core.contracts import lake_commits
from core.settings import ConfigError, Settings
from transforms import disk, lake, quality_page, slices, spill, validate
from transforms.batch import (
    Batch,
    Context,
    NoRawItems,
    PortalCounts,
    ReconciliationFailed,
    TransformReport,
)
from transforms.commit import commit_batch
from transforms.companies import CompanyResolver
from transforms.erase import erased_authors
from transforms.quarantine import run_id
from transforms.rawread import RawFile, find_raw_files

__all__ = [
    "NoRawItems",
    "PortalCounts",
    "ReconciliationFailed",
    "TransformReport",
    "run_batch",
    "transform",
]

log = logging.getLogger(__name__)


def transform(
    settings: Settings, *, run_date: date | None = None, portals: list[str] | None = None
) -> TransformReport:
    """Transform the raw runs of ``run_date`` (default: every run) of ``portals``
    (default: all) into the lake, one run date per batch, oldest first."""
    started = time.perf_counter()
    key = settings.require_pseudonym_key()
    portal_cfg = load_portals(settings.portals_file)
    ctx = Context(
        settings=settings,
        key=key,
        resolver=CompanyResolver(load_companies(settings.companies_file)),
        scales={p: (float(c.scale[0]), float(c.scale[1])) for p, c in portal_cfg.items()},
        languages={p: tuple(c.languages) for p, c in portal_cfg.items()},
        now=datetime.now(UTC),
    )
    if portals:
        unknown = sorted(set(portals) - set(portal_cfg))
        if unknown:
            raise ConfigError(
                f"unknown portal(s) {', '.join(unknown)}: see {settings.portals_file}"
            )
    # Each write names its own file when the disk is full; this catches the rest.
    with disk.writing(settings.data_dir), lake_commits.writer(settings):
        lake.recover(settings)
        ctx.erased = erased_authors(settings)  # under the lock: an erase waits for us
        files = find_raw_files(settings, run_date=run_date, portals=portals)
        if not files:
            what = run_date.isoformat() if run_date else "any run date"
            raise NoRawItems(
                f"no raw items under {settings.raw_url} for {what}"
                f"{' and portals ' + ', '.join(portals) if portals else ''}: crawl or import first"
            )
        report = TransformReport()
        for day in sorted({f.run_date for f in files}):
            batch = [f for f in files if f.run_date == day]
            run_batch(ctx, day, batch, report)
    report.seconds = time.perf_counter() - started
    log.info(report.summary())
    return report


def run_batch(ctx: Context, run_date: str, files: list[RawFile], report: TransformReport) -> None:
    """Normalise and check a batch a slice at a time; spill its clean rows; Great
    Expectations over what every slice keeps; commit."""
    checks: list = []
    summaries: list = []
    batch = Batch(run_id=run_id(run_date))
    with spill.Spill(ctx.settings) as spilled:
        jobs = slices.slice_jobs(ctx, run_date, files, spilled.dir)
        for part, rows, slice_checks, slice_summaries in slices.outcomes(ctx, jobs):
            spilled.rows.update(rows)
            batch.add(part)
            checks += slice_checks
            summaries += slice_summaries
        checks += validate.check_batch(ctx, summaries)
        batch.data_docs = quality_page.write(ctx.settings.reports_dir, run_date, checks)
        commit_batch(ctx, batch, spilled, run_date, files)
    report.add_batch(run_date, batch)
