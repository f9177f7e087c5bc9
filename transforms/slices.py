"""A batch cut into slices, each read, normalised and validated on its own.

Raw files are read, normalised and validated a slice at a time so the raw table and
its intermediates stay bounded; a slice is one raw file, or several small ones up to
``rawread.SLICE_BYTES`` of JSON Lines, or a piece of a bigger file. Slices run in
parallel worker processes (one per CPU, or ``RUF_TRANSFORM_WORKERS``) when a batch
has several; each spills its clean reviews and mentions (``transforms.spill``) and
hands back the rest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from core import storage
from core.contracts.lake import MENTIONS, REVIEWS
from transforms import rawread, spill, validate
from transforms.batch import BatchResult, Context
from transforms.normalise import normalise
from transforms.quality_page import Check
from transforms.rawread import RawFile

# Slice k's rows are ordered after slice k-1's: _ord = k << ORD_BITS | row.
ORD_BITS = 36
# (the slice without its spilled tables, rows spilled per table, checks, GX's summaries)
SliceOutcome = tuple[BatchResult, dict[str, int], list[Check], list[validate.Summary]]


def _workers(jobs: int) -> int:
    wanted = int(os.environ.get("RUF_TRANSFORM_WORKERS") or os.cpu_count() or 1)
    return max(1, min(wanted, jobs))


def slices(ctx: Context, files: list[RawFile]) -> list[list[RawFile]]:
    """Small files grouped up to ``rawread.SLICE_BYTES``; a bigger file cut into pieces
    of that size."""
    limit = rawread.SLICE_BYTES
    fs, _ = storage.filesystem_for(ctx.settings.raw_url, ctx.settings)
    out: list[list[RawFile]] = []
    size = 0
    for whole in files:
        n = fs.size(whole.path) or 0
        pieces = rawread.split_file(fs, whole, limit) if n > limit else [whole]
        for f in pieces:
            m = (f.end if f.end is not None else n) - f.start
            if out and size + m <= limit:
                out[-1].append(f)
                size += m
            else:
                out.append([f])
                size = m
    return out


@dataclass
class SliceJob:
    """One slice of a batch, as a worker process gets it (picklable)."""

    run_date: str
    files: list[RawFile]
    slice_no: int
    spill_dir: Path


def _run_slice(ctx: Context, job: SliceJob) -> SliceOutcome:
    """Read, normalise and check one slice; spill its clean reviews and mentions.

    Returns the slice's result without those two tables, the rows spilled per
    table, its checks (for the data-quality page) and what GX is to see of it."""
    raw = rawread.read_raw(ctx.settings, job.files)
    i = raw.schema.get_field_index("_ord")
    offset = pa.scalar(job.slice_no << ORD_BITS, pa.int64())
    raw = raw.set_column(i, raw.schema.field(i), pc.add(raw.column("_ord"), offset))
    part = normalise(ctx, raw, job.run_date)
    del raw
    part, checks, summaries = validate.apply(ctx, part, job.run_date)
    spilled = {
        "reviews": spill.write_slice(
            job.spill_dir, "reviews", REVIEWS, "review_key", part.reviews, job.slice_no
        ),
        "mentions": spill.write_slice(
            job.spill_dir, "mentions", MENTIONS, "mention_key", part.mentions, job.slice_no
        ),
    }
    part.reviews = part.mentions = None
    return part, spilled, checks, summaries


_WORKER_CTX: Context | None = None


def _init_worker(ctx: Context) -> None:
    global _WORKER_CTX
    _WORKER_CTX = ctx


def _run_slice_in_worker(job: SliceJob) -> SliceOutcome:
    assert _WORKER_CTX is not None
    return _run_slice(_WORKER_CTX, job)


def slice_jobs(
    ctx: Context, run_date: str, files: list[RawFile], spill_dir: Path
) -> list[SliceJob]:
    return [SliceJob(run_date, part, k, spill_dir) for k, part in enumerate(slices(ctx, files))]


def outcomes(ctx: Context, jobs: list[SliceJob]) -> Iterator:
    """Each slice's outcome, in slice order: in this process, or in worker processes."""
    workers = _workers(len(jobs))
    if workers == 1:
        for job in jobs:
            yield _run_slice(ctx, job)
        return
    # spawn, not fork: this process may hold DuckDB and Arrow thread pools.
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(ctx,),
    ) as pool:
        yield from pool.map(_run_slice_in_worker, jobs)
