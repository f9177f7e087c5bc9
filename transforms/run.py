"""Raw JSONL items -> the Parquet lake: the transforms stage entry point.

``transform(settings, run_date=..., portals=...)`` reads every raw run (oldest
first), normalises ratings, dates, text, companies and authors vectorised over
Arrow tables, quarantines what cannot be made clean (with reason codes and the
scrubbed raw row), validates with Great Expectations and commits the touched
lake partitions atomically. Each batch writes ``runs`` rows whose counts must
reconcile: raw = clean + quarantined + duplicates per portal.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core import storage
from core.config import load_companies, load_portals
from core.contracts.lake import AGGREGATES, MENTIONS, QUARANTINE, REVIEWS, RUNS, UTC_TS
from core.settings import ConfigError, Settings
from transforms import dates as D
from transforms import lake, spill, validate
from transforms import ratings as R
from transforms import text as T
from transforms.companies import CompanyResolver
from transforms.erase import erased_authors, erased_mask
from transforms.privacy import pseudonymise, scrub_raw_row
from transforms.rawread import RawFile, find_raw_files, raw_lines, read_raw, split_file

log = logging.getLogger(__name__)

KINDS = ("review", "aggregate", "mention")
TEXT_COLUMNS = ("title", "text", "pros", "cons", "reply_text")
UNMATCHED = "unmatched_company"
MISSING_KEY = "missing_key_field"
INVALID_JSON = "invalid_json"
UNKNOWN_PORTAL = "unknown_portal"


class NoRawItems(ConfigError):
    """There is nothing to transform for the requested run date or portals."""


class ReconciliationFailed(ConfigError):
    """raw rows != clean + quarantined + duplicates: rows were lost or made up."""


@dataclass
class PortalCounts:
    raw_rows: int = 0
    clean_rows: int = 0
    quarantined_rows: int = 0
    duplicate_rows: int = 0
    erased_rows: int = 0  # items of authors erased earlier (transforms.erase)

    def add(self, other: PortalCounts) -> None:
        self.raw_rows += other.raw_rows
        self.clean_rows += other.clean_rows
        self.quarantined_rows += other.quarantined_rows
        self.duplicate_rows += other.duplicate_rows
        self.erased_rows += other.erased_rows

    @property
    def reconciles(self) -> bool:
        return self.raw_rows == (
            self.clean_rows + self.quarantined_rows + self.duplicate_rows + self.erased_rows
        )


@dataclass
class TransformReport:
    run_dates: list[str] = field(default_factory=list)
    portals: dict[str, PortalCounts] = field(default_factory=dict)
    reviews: int = 0
    mentions: int = 0
    aggregates: int = 0
    reasons: Counter = field(default_factory=Counter)
    unmatched_companies: list[str] = field(default_factory=list)
    data_docs: Path | None = None
    seconds: float = 0.0

    @property
    def raw_rows(self) -> int:
        return sum(c.raw_rows for c in self.portals.values())

    @property
    def clean_rows(self) -> int:
        return sum(c.clean_rows for c in self.portals.values())

    @property
    def quarantined_rows(self) -> int:
        return sum(c.quarantined_rows for c in self.portals.values())

    @property
    def duplicate_rows(self) -> int:
        return sum(c.duplicate_rows for c in self.portals.values())

    @property
    def erased_rows(self) -> int:
        return sum(c.erased_rows for c in self.portals.values())

    def summary(self) -> str:
        rate = self.raw_rows / self.seconds if self.seconds else 0.0
        top = ", ".join(f"{k}={v}" for k, v in self.reasons.most_common(3))
        return (
            f"transformed {self.raw_rows} raw rows of {len(self.run_dates)} run(s): "
            f"{self.clean_rows} clean ({self.reviews} reviews, {self.mentions} mentions, "
            f"{self.aggregates} aggregates), {self.quarantined_rows} quarantined"
            f"{f' ({top})' if top else ''}, {self.duplicate_rows} duplicates"
            f"{f', {self.erased_rows} of erased authors' if self.erased_rows else ''}; "
            f"{len(self.unmatched_companies)} unmatched companies; "
            f"{self.seconds:.1f}s ({rate:,.0f} rows/s)"
        )


@dataclass
class Context:
    settings: Settings
    key: bytes
    resolver: CompanyResolver
    scales: dict[str, tuple[float, float]]
    languages: dict[str, tuple[str, ...]]
    now: datetime
    erased: frozenset[str] = frozenset()  # author pseudonyms erased earlier


def transform(
    settings: Settings, *, run_date: date | None = None, portals: list[str] | None = None
) -> TransformReport:
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
    with lake.writer_lock(settings):
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


# --- one batch -----------------------------------------------------------------


# Raw files are read, normalised and validated a slice at a time so the raw
# table and its intermediates stay bounded; a slice is one raw file, or several
# small ones up to this many bytes of JSONL. Slices run in parallel worker
# processes (one per CPU, or RUF_TRANSFORM_WORKERS) when a batch has several.
SLICE_BYTES = int(os.environ.get("RUF_TRANSFORM_SLICE_BYTES", 128 * 1024 * 1024))
# Slice k's rows are ordered after slice k-1's: _ord = k << ORD_BITS | row.
ORD_BITS = 36


def _workers(slices: int) -> int:
    wanted = int(os.environ.get("RUF_TRANSFORM_WORKERS") or os.cpu_count() or 1)
    return max(1, min(wanted, slices))


def _slices(ctx: Context, files: list[RawFile]) -> list[list[RawFile]]:
    """Small files grouped up to SLICE_BYTES; a bigger file cut into pieces of that size."""
    fs, _ = storage.filesystem_for(ctx.settings.raw_url, ctx.settings)
    out: list[list[RawFile]] = []
    size = 0
    for whole in files:
        n = fs.size(whole.path) or 0
        pieces = split_file(fs, whole, SLICE_BYTES) if n > SLICE_BYTES else [whole]
        for f in pieces:
            m = (f.end if f.end is not None else n) - f.start
            if out and size + m <= SLICE_BYTES:
                out[-1].append(f)
                size += m
            else:
                out.append([f])
                size = m
    return out


@dataclass
class SliceJob:
    run_date: str
    files: list[RawFile]
    slice_no: int
    spill_dir: Path


def _run_slice(ctx: Context, job: SliceJob) -> tuple[BatchResult, dict[str, int], list]:
    """Read, normalise and validate one slice; spill its clean reviews and mentions.

    Returns the slice's result without those two tables, the rows spilled per
    table, and its Data Docs pages."""
    raw = read_raw(ctx.settings, job.files)
    i = raw.schema.get_field_index("_ord")
    offset = pa.scalar(job.slice_no << ORD_BITS, pa.int64())
    raw = raw.set_column(i, raw.schema.field(i), pc.add(raw.column("_ord"), offset))
    part = normalise(ctx, raw, job.run_date)
    del raw
    gx_results: list = []
    part = validate.apply(ctx, part, job.run_date, results_out=gx_results)
    spilled = {
        "reviews": spill.write_slice(
            job.spill_dir, "reviews", REVIEWS, "review_key", part.reviews, job.slice_no
        ),
        "mentions": spill.write_slice(
            job.spill_dir, "mentions", MENTIONS, "mention_key", part.mentions, job.slice_no
        ),
    }
    part.reviews = part.mentions = None
    return part, spilled, validate.render_results(gx_results)


_WORKER_CTX: Context | None = None


def _init_worker(ctx: Context) -> None:
    global _WORKER_CTX
    _WORKER_CTX = ctx


def _run_slice_in_worker(job: SliceJob) -> tuple[BatchResult, dict[str, int], list]:
    assert _WORKER_CTX is not None
    return _run_slice(_WORKER_CTX, job)


def _slice_outcomes(ctx: Context, jobs: list[SliceJob]) -> Iterator:
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


def run_batch(ctx: Context, run_date: str, files: list[RawFile], report: TransformReport) -> None:
    """Normalise and validate a batch a slice at a time; spill its clean rows; commit."""
    pages: list = []
    batch = Batch(run_id=f"transform-{run_date}")
    with spill.Spill(ctx.settings) as spilled:
        jobs = [
            SliceJob(run_date, slice_files, k, spilled.dir)
            for k, slice_files in enumerate(_slices(ctx, files))
        ]
        for part, rows, slice_pages in _slice_outcomes(ctx, jobs):
            spilled.rows.update(rows)
            batch.add(part)
            pages += slice_pages
        batch.data_docs = validate.write_data_docs(ctx.settings.reports_dir, run_date, pages)
        commit_batch(ctx, batch, spilled, run_date, files)
    for portal, c in batch.counts.items():
        report.portals.setdefault(portal, PortalCounts()).add(c)
    report.run_dates.append(run_date)
    report.reviews += batch.reviews
    report.mentions += batch.mentions
    report.aggregates += batch.aggregates.num_rows
    for codes in batch.quarantine.column("reason_codes").to_pylist():
        report.reasons.update(codes)
    report.unmatched_companies = sorted(set(report.unmatched_companies) | batch.unmatched)
    if batch.data_docs is not None:
        report.data_docs = batch.data_docs


@dataclass
class Batch:
    """What a batch keeps in memory while its clean reviews and mentions are spilled:
    aggregates (one row per company and fetch), quarantine rows and counts."""

    run_id: str
    aggregates: pa.Table | None = None
    quarantine: pa.Table | None = None
    raw_per_portal: Counter = field(default_factory=Counter)
    duplicates_per_portal: Counter = field(default_factory=Counter)
    erased_per_portal: Counter = field(default_factory=Counter)
    clean_per_portal: Counter = field(default_factory=Counter)
    unmatched: set = field(default_factory=set)
    reviews: int = 0
    mentions: int = 0
    data_docs: Path | None = None

    def add(self, part: BatchResult) -> None:
        self.raw_per_portal.update(part.raw_per_portal)
        self.duplicates_per_portal.update(part.duplicates_per_portal)
        self.erased_per_portal.update(part.erased_per_portal)
        self.unmatched |= set(part.unmatched)
        for name in ("aggregates", "quarantine"):
            mine, theirs = getattr(self, name), getattr(part, name)
            setattr(
                self,
                name,
                theirs
                if mine is None
                else pa.concat_tables([mine, theirs], promote_options="permissive"),
            )

    @property
    def counts(self) -> dict[str, PortalCounts]:
        quarantined = Counter(self.quarantine.column("_portal_file").to_pylist())
        return {
            p: PortalCounts(
                raw_rows=n,
                clean_rows=self.clean_per_portal[p],
                quarantined_rows=quarantined[p],
                duplicate_rows=self.duplicates_per_portal[p],
                erased_rows=self.erased_per_portal[p],
            )
            for p, n in self.raw_per_portal.items()
        }


@dataclass
class BatchResult:
    reviews: pa.Table  # lake columns + _line, _portal_file (dropped on commit)
    mentions: pa.Table
    aggregates: pa.Table
    quarantine: pa.Table  # QUARANTINE columns + _portal_file
    raw_per_portal: dict[str, int]
    duplicates_per_portal: Counter
    unmatched: list[str]
    run_id: str
    data_docs: Path | None = None
    erased_per_portal: Counter = field(default_factory=Counter)


def _null_if_blank(a: pa.Array) -> pa.Array:
    t = pc.utf8_trim_whitespace(a)
    return pc.if_else(pc.equal(t, ""), pa.scalar(None, pa.string()), t)


def _bool(a: pa.Array) -> pa.Array:
    v = pc.utf8_lower(pc.utf8_trim_whitespace(a))
    yes = pc.is_in(v, value_set=pa.array(["true", "1", "yes", "ja", "verified", "verifiziert"]))
    no = pc.is_in(v, value_set=pa.array(["false", "0", "no", "nein", "null", ""]))
    return pc.if_else(yes, True, pc.if_else(no, False, pa.scalar(None, pa.bool_())))


def normalise(ctx: Context, raw: pa.Table, run_date: str) -> BatchResult:
    """Every raw row becomes a clean row of one kind, or a quarantine row with reasons."""
    n = raw.num_rows
    valid = pc.fill_null(raw.column("_valid").combine_chunks(), False)
    col = {name: raw.column(name).combine_chunks() for name in raw.column_names}
    dir_portal = col["_dir_portal"]
    portal = pc.coalesce(_null_if_blank(col["portal"]), dir_portal)
    kind = pc.utf8_lower(pc.utf8_trim_whitespace(col["kind"]))
    portal_company_id = _null_if_blank(col["portal_company_id"])

    reasons: dict[str, pa.Array] = {}
    details: dict[str, pa.Array] = {}

    def flag(code: str, mask: pa.Array, detail: pa.Array | None = None) -> None:
        m = pc.and_(valid, pc.fill_null(mask, False))
        reasons[code] = pc.or_(reasons[code], m) if code in reasons else m
        if detail is not None:
            details[code] = detail

    # Keys every row needs.
    fetched = D.parse_dates(col["fetched_at"], pa.array(np.full(n, ctx.now), UTC_TS))
    kind_ok = pc.is_in(kind, value_set=pa.array(KINDS))
    missing_key = pc.or_(
        pc.or_(pc.invert(pc.fill_null(kind_ok, False)), pc.is_null(portal_company_id)),
        pc.is_valid(fetched.reason),
    )
    flag(
        MISSING_KEY,
        missing_key,
        pc.binary_join_element_wise(
            "kind=",
            pc.fill_null(kind, "∅"),
            " portal_company_id=",
            pc.fill_null(portal_company_id, "∅"),
            " fetched_at=",
            pc.fill_null(col["fetched_at"], "∅"),
            "",
        ),
    )
    flag(UNKNOWN_PORTAL, pc.invert(pc.is_in(portal, value_set=pa.array(list(ctx.scales)))))
    fetched_at = pc.fill_null(fetched.at, pa.scalar(ctx.now, UTC_TS))

    is_review = pc.fill_null(pc.equal(kind, "review"), False)
    is_mention = pc.fill_null(pc.equal(kind, "mention"), False)
    is_aggregate = pc.fill_null(pc.equal(kind, "aggregate"), False)
    rated = pc.or_(is_review, is_aggregate)
    dated = pc.or_(is_review, is_mention)

    # Ratings on the declared scale, else the portal's.
    lo = pa.array([ctx.scales.get(p, (1.0, 5.0))[0] for p in _per_distinct(portal)], pa.float64())
    hi = pa.array([ctx.scales.get(p, (1.0, 5.0))[1] for p in _per_distinct(portal)], pa.float64())
    idx = pc.index_in(pc.fill_null(portal, ""), value_set=pc.unique(pc.fill_null(portal, "")))
    rating = R.normalise_ratings(
        col["rating_value"],
        col["rating_worst"],
        col["rating_best"],
        pc.take(lo, idx),
        pc.take(hi, idx),
    )
    rating_detail = pc.binary_join_element_wise(
        "rating_value=",
        pc.fill_null(col["rating_value"], "∅"),
        " worst=",
        pc.fill_null(col["rating_worst"], "∅"),
        " best=",
        pc.fill_null(col["rating_best"], "∅"),
        "",
    )
    for code in (R.RATING_MISSING, R.RATING_NOT_NUMERIC, R.SCALE_INVALID, R.RATING_OUT_OF_SCALE):
        flag(code, pc.and_(rated, pc.equal(rating.reason, code)), rating_detail)

    published = D.parse_dates(col["published_raw"], fetched_at)
    date_detail = pc.binary_join_element_wise(
        "published_raw=", pc.fill_null(col["published_raw"], "∅"), ""
    )
    for code in (D.DATE_MISSING, D.DATE_UNPARSABLE, D.DATE_IN_FUTURE):
        flag(code, pc.and_(dated, pc.equal(published.reason, code)), date_detail)

    name = pc.coalesce(_null_if_blank(col["company_name"]), _null_if_blank(col["company_url"]))
    company_id = ctx.resolver.resolve(portal, portal_company_id, name)
    unmatched_mask = pc.and_(pc.is_null(company_id), pc.is_valid(portal_company_id))
    flag(
        UNMATCHED,
        unmatched_mask,
        pc.binary_join_element_wise(
            "portal_company_id=",
            pc.fill_null(portal_company_id, "∅"),
            " company_name=",
            pc.fill_null(name, "∅"),
            "",
        ),
    )
    unmatched_rows = pc.and_(valid, pc.fill_null(unmatched_mask, False))
    unmatched = sorted(
        {
            f"{p}: {i} ({nm})"
            for p, i, nm in zip(
                pc.filter(portal, unmatched_rows).to_pylist(),
                pc.filter(portal_company_id, unmatched_rows).to_pylist(),
                pc.filter(name, unmatched_rows).to_pylist(),
                strict=True,
            )
        }
    )

    # One pseudonym per row (null where no author is shown). Items of authors
    # erased earlier go nowhere, counted (transforms.erase).
    who = pseudonymise(ctx.key, portal, col["author_id"], col["author_name"])
    gone = pc.and_(valid, erased_mask(who, ctx.erased)) if ctx.erased else None
    erased = Counter(pc.filter(dir_portal, gone).to_pylist()) if ctx.erased else Counter()

    # Quarantine: invalid JSON plus every row with at least one reason.
    bad_any = pc.invert(valid)
    for m in reasons.values():
        bad_any = pc.or_(bad_any, m)
    if gone is not None:
        bad_any = pc.and_(bad_any, pc.invert(gone))
    quarantine = _quarantine_rows(
        ctx, raw, portal, kind, valid, bad_any, reasons, details, run_date
    )

    good = pc.invert(bad_any) if gone is None else pc.invert(pc.or_(bad_any, gone))
    base = {
        "portal": portal,
        "portal_company_id": portal_company_id,
        "company_id": company_id,
        "fetched_at": fetched_at,
        "_line": col["_line"],
        "_row": col["_row"],
        "_source_file": col["_source_file"],
        "_portal_file": dir_portal,
        "_ord": col["_ord"],
        "author_pseudonym": who,
    }
    reviews = _reviews(ctx, col, base, rating, published, pc.and_(good, is_review))
    mentions = _mentions(ctx, col, base, published, pc.and_(good, is_mention))
    aggregates = _aggregates(col, base, rating, pc.and_(good, is_aggregate))

    dups: Counter = Counter()
    reviews, mentions, aggregates = (
        _dedupe(reviews, ["review_key"], dups),
        _dedupe(mentions, ["mention_key"], dups),
        _dedupe(aggregates, ["portal", "company_id", "fetched_on"], dups),
    )
    raw_per_portal = Counter(dir_portal.to_pylist())
    return BatchResult(
        reviews=reviews,
        mentions=mentions,
        aggregates=aggregates,
        quarantine=quarantine,
        raw_per_portal=dict(raw_per_portal),
        duplicates_per_portal=dups,
        unmatched=unmatched,
        run_id=f"transform-{run_date}",
        erased_per_portal=erased,
    )


def _per_distinct(values: pa.Array) -> list[str]:
    return pc.unique(pc.fill_null(values, "")).to_pylist()


def _quarantine_rows(
    ctx: Context,
    raw: pa.Table,
    portal: pa.Array,
    kind: pa.Array,
    valid: pa.Array,
    bad: pa.Array,
    reasons: dict[str, pa.Array],
    details: dict[str, pa.Array],
    run_date: str,
) -> pa.Table:
    idx = pc.indices_nonzero(bad)
    rows = idx.to_pylist()
    invalid = pc.take(pc.invert(valid), idx).to_pylist()
    picked = {code: pc.take(m, idx).to_pylist() for code, m in reasons.items()}
    picked_detail = {code: pc.take(d, idx).to_pylist() for code, d in details.items()}
    codes, detail = [], []
    for j in range(len(rows)):
        if invalid[j]:
            codes.append([INVALID_JSON])
            detail.append("line is not a JSON object")
            continue
        cs = [c for c, m in picked.items() if m[j]]
        codes.append(cs)
        detail.append("; ".join(picked_detail[c][j] for c in cs if c in picked_detail) or None)
    lines = raw_lines(
        ctx.settings,
        pc.take(raw.column("_source_file"), idx).to_pylist(),
        pc.take(raw.column("_row"), idx).to_pylist(),
        pc.take(raw.column("_line"), idx).to_pylist(),
    )
    n = len(rows)
    return pa.table(
        {
            "run_id": pa.array([f"transform-{run_date}"] * n, pa.string()),
            "portal": pc.take(portal, idx),
            "kind": pc.take(kind, idx),
            "reason_codes": pa.array(codes, pa.list_(pa.string())),
            "reason_detail": pa.array(detail, pa.string()),
            "raw_row": pa.array(
                [
                    scrub_raw_row(ctx.key, x, p)
                    for x, p in zip(lines, pc.take(portal, idx).to_pylist(), strict=True)
                ],
                pa.string(),
            ),
            "source_file": pc.take(raw.column("_source_file"), idx),
            "quarantined_at": pa.array([ctx.now] * n, UTC_TS),
            "run_date": pa.array([run_date] * n, pa.string()),
            "_portal_file": pc.take(raw.column("_dir_portal"), idx),
        }
    )


def _texts(
    col: dict[str, pa.Array],
    mask: pa.Array,
    names: tuple[str, ...],
    extra: dict[str, pa.Array] | None = None,
):
    cleaned = {}
    flags: dict[str, pa.Array] = {}
    for name in names:
        values, f = T.clean_text(pc.filter(col[name], mask))
        cleaned[name] = values
        for k, m in f.items():
            flags[k] = pc.or_(flags[k], m) if k in flags else m
    item_flags = pc.filter(col["flags"], mask)
    spider_undecodable = pc.fill_null(pc.match_substring(item_flags, "undecodable_bytes"), False)
    flags[T.UNDECODABLE] = pc.or_(flags[T.UNDECODABLE], spider_undecodable)
    flags.update(extra or {})
    order = (T.HTML_STRIPPED, T.MASKED_EMAIL, T.MASKED_PHONE, T.UNDECODABLE, *(extra or {}))
    text_flags = _flag_lists([flags[k] for k in order], order)
    return cleaned, text_flags


def _shown_but_unread(raw: pa.Array, parsed: D.ParsedDates) -> pa.Array:
    shown = pc.fill_null(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(raw)), 0), False)
    return pc.and_(shown, pc.is_valid(parsed.reason))


def _flag_lists(masks: list[pa.Array], names: tuple[str, ...]) -> pa.Array:
    """Per row, the list of flag names whose mask is set (vectorised via list offsets)."""
    n = len(masks[0]) if masks else 0
    if n == 0:
        return pa.array([], pa.list_(pa.string()))
    m = np.stack([np.asarray(x.to_numpy(zero_copy_only=False), dtype=bool) for x in masks], axis=1)
    counts = m.sum(axis=1)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    values = np.array(names, dtype=object)[np.nonzero(m)[1]]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values.tolist(), pa.string()))


def _language(ctx: Context, portal: pa.Array, declared: pa.Array, texts: pa.Array):
    lang = T.normalise_language(declared)
    missing = pc.is_null(lang)
    if pc.any(missing).as_py():
        idx = pc.indices_nonzero(missing).to_pylist()
        ps = pc.take(portal, pa.array(idx, pa.int64())).to_pylist()
        ts = pc.take(texts, pa.array(idx, pa.int64())).to_pylist()
        found = []
        for p, t in zip(ps, ts, strict=True):
            allowed = ctx.languages.get(p, ())
            # A one-language portal has said what its language is.
            found.append(allowed[0] if len(allowed) == 1 else T.detect_language(t, allowed))
        lang = pc.replace_with_mask(lang, missing, pa.array(found, pa.string()))
    return lang, missing


def _hashes(columns: dict[str, pa.Array], key_parts: list[str], content_parts: list[str]):
    """sha256 of the key parts and of the content parts, per row (DuckDB, vectorised)."""
    t = pa.table({k: pc.cast(v, pa.string()) for k, v in columns.items()})
    sep = "chr(31)"

    def expr(parts: list[str]) -> str:
        return (
            "sha256(concat_ws("
            + sep
            + ", "
            + ", ".join(f"coalesce(\"{p}\", '')" for p in parts)
            + "))"
        )

    con = duckdb.connect()
    try:
        con.register("t", t)
        out = con.sql(
            f"select {expr(key_parts)} as k, {expr(content_parts)} as c from t"
        ).to_arrow_table()
    finally:
        con.close()
    return out.column("k").combine_chunks(), out.column("c").combine_chunks()


def _sub_ratings(values: pa.Array) -> pa.Array:
    """JSON text {"name": "4,5"} -> map<string, float64> (unparsable values become null)."""
    con = duckdb.connect()
    try:
        con.register("t", pa.table({"s": values}))
        m = (
            con.sql(
                "select case when s is null or s in ('{}', 'null') then null "
                "else try_cast(try_cast(s as json) as map(varchar, varchar)) end as m from t"
            )
            .to_arrow_table()
            .column("m")
            .combine_chunks()
        )
    finally:
        con.close()
    if len(m) == 0:
        return pa.array([], pa.map_(pa.string(), pa.float64()))
    nums, _, _ = R.parse_number(m.items)
    return pa.MapArray.from_arrays(m.offsets, m.keys, nums, mask=pc.is_null(m))


def _month(ts: pa.Array) -> pa.Array:
    return pc.strftime(ts, format="%Y-%m")


def _reviews(ctx, col, base, rating, published, mask) -> pa.Table:
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    pick = {k: pc.filter(col[k], mask) for k in col}
    experienced = D.parse_dates(pick["experienced_raw"], f["fetched_at"])
    replied = D.parse_dates(pick["reply_raw_date"], f["fetched_at"])
    # A shown reply or experience date that cannot be read is kept as null, and said.
    cleaned, text_flags = _texts(
        col,
        mask,
        TEXT_COLUMNS,
        {
            "reply_date_unparsable": _shown_but_unread(pick["reply_raw_date"], replied),
            "experienced_date_unparsable": _shown_but_unread(pick["experienced_raw"], experienced),
        },
    )
    pseud = f["author_pseudonym"]
    at = pc.filter(published.at, mask)
    lang, detected = _language(
        ctx,
        f["portal"],
        pick["language"],
        pc.binary_join_element_wise(
            pc.fill_null(cleaned["title"], ""), pc.fill_null(cleaned["text"], ""), " "
        ),
    )
    value = pc.filter(rating.value, mask)
    review_id = _null_if_blank(pick["review_id"])
    day = pc.strftime(at, format="%Y-%m-%d")
    key_hash, content_hash = _hashes(
        {
            "text": cleaned["text"],
            "title": cleaned["title"],
            "day": day,
            "author": pseud,
            "value": value,
            "pros": cleaned["pros"],
            "cons": cleaned["cons"],
            "reply": cleaned["reply_text"],
        },
        ["text", "day", "author"],
        ["value", "title", "text", "pros", "cons", "reply"],
    )
    review_key = pc.binary_join_element_wise(
        f["portal"], pc.coalesce(review_id, pc.utf8_slice_codeunits(key_hash, 0, 32)), ":"
    )
    ok_date = pc.is_null(experienced.reason)
    return pa.table(
        {
            "review_key": review_key,
            "portal": f["portal"],
            "portal_review_id": review_id,
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "company_name_raw": pick["company_name"],
            "rating_raw": pick["rating_value"],
            "rating_value": value,
            "rating_worst": pc.filter(rating.worst, mask),
            "rating_best": pc.filter(rating.best, mask),
            "score_100": pc.filter(rating.score_100, mask),
            "stars": pc.filter(rating.stars, mask),
            "sub_ratings": _sub_ratings(pick["sub_ratings"]),
            "title": cleaned["title"],
            "text": cleaned["text"],
            "pros": cleaned["pros"],
            "cons": cleaned["cons"],
            "language": lang,
            "language_detected": detected,
            "author_pseudonym": pseud,
            "author_review_count": R.parse_count(pick["author_review_count"], pa.int32()),
            "published_at": at,
            "published_precision": pc.filter(published.precision, mask),
            "experienced_at": pc.if_else(ok_date, experienced.at, pa.scalar(None, UTC_TS)),
            "reply_text": cleaned["reply_text"],
            "replied_at": pc.if_else(
                pc.is_null(replied.reason), replied.at, pa.scalar(None, UTC_TS)
            ),
            "verified": _bool(pick["verified"]),
            "reviewer_type": pc.coalesce(
                _null_if_blank(pick["reviewer_type"]), _null_if_blank(pick["traveller_type"])
            ),
            "filtered": _bool(pick["filtered"]),
            "text_flags": text_flags,
            "content_hash": content_hash,
            "source_url": pick["source_url"],
            "spider": pick["spider"],
            "spider_version": pick["spider_version"],
            "response_sha256": pick["response_sha256"],
            "fetched_at": f["fetched_at"],
            "first_seen_at": f["fetched_at"],
            "last_seen_at": f["fetched_at"],
            "review_month": _month(at),
            "_line": f["_line"],
            "_row": f["_row"],
            "_source_file": f["_source_file"],
            "_portal_file": f["_portal_file"],
            "_ord": f["_ord"],
        }
    )


def _mentions(ctx, col, base, published, mask) -> pa.Table:
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    pick = {k: pc.filter(col[k], mask) for k in col}
    cleaned, text_flags = _texts(col, mask, ("title", "text"))
    pseud = f["author_pseudonym"]
    at = pc.filter(published.at, mask)
    lang, _ = _language(
        ctx,
        f["portal"],
        pick["language"],
        pc.binary_join_element_wise(
            pc.fill_null(cleaned["title"], ""), pc.fill_null(cleaned["text"], ""), " "
        ),
    )
    post_id = _null_if_blank(pick["review_id"])
    key_hash, content_hash = _hashes(
        {
            "text": cleaned["text"],
            "title": cleaned["title"],
            "day": pc.strftime(at, format="%Y-%m-%d"),
            "author": pseud,
            "company": f["company_id"],
        },
        ["text", "day", "author", "company"],
        ["title", "text"],
    )
    # A post can name several companies: one mention per post and company.
    mention_key = pc.binary_join_element_wise(
        f["portal"],
        pc.coalesce(post_id, pc.utf8_slice_codeunits(key_hash, 0, 32)),
        f["company_id"],
        ":",
    )
    return pa.table(
        {
            "mention_key": mention_key,
            "portal": f["portal"],
            "portal_post_id": post_id,
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "title": cleaned["title"],
            "text": cleaned["text"],
            "language": lang,
            "author_pseudonym": pseud,
            "published_at": at,
            "published_precision": pc.filter(published.precision, mask),
            "text_flags": text_flags,
            "content_hash": content_hash,
            "source_url": pick["source_url"],
            "fetched_at": f["fetched_at"],
            "first_seen_at": f["fetched_at"],
            "last_seen_at": f["fetched_at"],
            "review_month": _month(at),
            "_line": f["_line"],
            "_row": f["_row"],
            "_source_file": f["_source_file"],
            "_portal_file": f["_portal_file"],
            "_ord": f["_ord"],
        }
    )


def _aggregates(col, base, rating, mask) -> pa.Table:
    f = {k: pc.filter(v, mask) for k, v in base.items()}
    return pa.table(
        {
            "portal": f["portal"],
            "company_id": f["company_id"],
            "portal_company_id": f["portal_company_id"],
            "rating_value": pc.filter(rating.value, mask),
            "rating_worst": pc.filter(rating.worst, mask),
            "rating_best": pc.filter(rating.best, mask),
            "score_100": pc.filter(rating.score_100, mask),
            "review_count": R.parse_count(pc.filter(col["review_count"], mask)),
            "source_url": pc.filter(col["source_url"], mask),
            "fetched_at": f["fetched_at"],
            "fetched_on": pc.cast(f["fetched_at"], pa.date32()),
            "_line": f["_line"],
            "_row": f["_row"],
            "_source_file": f["_source_file"],
            "_portal_file": f["_portal_file"],
            "_ord": f["_ord"],
        }
    )


def _dedupe(table: pa.Table, keys: list[str], dups: Counter) -> pa.Table:
    """Keep the latest fetch per key; count the rest as duplicates of their portal.

    ``first_seen_at``/``last_seen_at`` span every fetch of the key in the batch.
    """
    latest, dropped = lake.latest_per_key(table, keys, ["fetched_at", "_ord"])
    if dropped == 0:
        return latest
    total = Counter(table.column("_portal_file").to_pylist())
    kept = Counter(latest.column("_portal_file").to_pylist())
    for p, c in total.items():
        dups[p] += c - kept[p]
    if "first_seen_at" in table.column_names:
        # Slices arrive deduplicated with their own spans: span over those.
        latest = lake.with_span(latest, table, keys[0], "first_seen_at", "last_seen_at")
    return latest


# --- commit --------------------------------------------------------------------

_INTERNAL = ("_line", "_row", "_portal_file", "_ord")


def _merge_keyed(ctx: Context, table: str, win: spill.Winners, commit: lake.Commit) -> None:
    """Merge a batch's winning rows into their (portal, review_month) partitions.

    Only partitions the batch touches are rewritten: those of its months, and older
    ones that hold one of its keys in another month (a relative date may move a
    review's month). One partition is in memory at a time, plus the movers.
    """
    schema = TABLES_BY_NAME[table]
    key = win.key
    fs, root = lake.lake_fs(ctx.settings)
    existing: dict[str, list[dict[str, str]]] = {}
    for values in lake.list_partitions(fs, root, table):
        existing.setdefault(values["portal"], []).append(values)
    for portal in win.portals():
        new_months = win.months(portal)
        old = {v["review_month"]: v for v in existing.get(portal, [])}
        movers = schema.empty_table()
        mover_keys = pa.array([], pa.string())
        months = set(new_months)
        if old:
            index = spill.old_key_index(fs, root, table, key, list(old.values()))
            moved = win.movers(portal, index)
            if moved.num_rows:
                mover_keys = moved.column("k").combine_chunks()
                old_months = sorted(set(moved.column("old_month").to_pylist()))
                new_of_movers = sorted(set(moved.column("new_month").to_pylist()))
                versions = [
                    _only(lake.read_partition(fs, root, table, old[m]), key, mover_keys)
                    for m in old_months
                ] + [_only(win.rows(portal, m, schema), key, mover_keys) for m in new_of_movers]
                movers = merge_versions(pa.concat_tables(versions), key)
                months |= set(old_months)
        for month in sorted(months):
            parts = []
            if month in old:
                parts.append(lake.read_partition(fs, root, table, old[month]))
            if month in new_months:
                parts.append(win.rows(portal, month, schema))
            if len(mover_keys):
                parts = [_only(p, key, mover_keys, keep=False) for p in parts]
            parts.append(movers.filter(pc.equal(movers.column("review_month"), month)))
            parts = [p for p in parts if p.num_rows]
            if not parts:
                commit.put(table, {"portal": portal, "review_month": month}, schema.empty_table())
                continue
            rows = merge_versions(pa.concat_tables(parts), key) if len(parts) > 1 else parts[0]
            rows = rows.sort_by([(key, "ascending")])
            commit.put(table, {"portal": portal, "review_month": month}, rows)


def _only(rows: pa.Table, key: str, keys: pa.Array, keep: bool = True) -> pa.Table:
    """The rows whose ``key`` is (``keep``) or is not in ``keys``."""
    hit = pc.is_in(rows.column(key), value_set=keys)
    return rows.filter(hit if keep else pc.invert(hit))


def merge_versions(rows: pa.Table, key: str) -> pa.Table:
    """One row per key: the latest fetch's content, first/last seen over all versions.

    On equal ``fetched_at`` the later row (the new batch) wins, which makes a
    rerun of the same batch a no-op.
    """
    rows = rows.append_column("_seq", pa.array(np.arange(rows.num_rows, dtype=np.int64)))
    latest, _ = lake.latest_per_key(rows, [key], ["fetched_at", "_seq"])
    latest = lake.with_span(latest, rows, key, "first_seen_at", "last_seen_at")
    return latest.drop_columns(["_seq"])


TABLES_BY_NAME = {
    "reviews": REVIEWS,
    "mentions": MENTIONS,
    "aggregates": AGGREGATES,
    "quarantine": QUARANTINE,
    "runs": RUNS,
}


def commit_batch(
    ctx: Context, batch: Batch, spilled: spill.Spill, run_date: str, files: list[RawFile]
) -> None:
    reviews = spilled.winners("reviews", "review_key")
    mentions = spilled.winners("mentions", "mention_key")
    try:
        dups = batch.duplicates_per_portal
        dups.update(reviews.duplicates)
        dups.update(mentions.duplicates)
        aggregates = _dedupe(batch.aggregates, ["portal", "company_id", "fetched_on"], dups)
        batch.aggregates = aggregates
        batch.reviews, batch.mentions = reviews.count, mentions.count
        batch.clean_per_portal = reviews.kept + mentions.kept
        batch.clean_per_portal.update(aggregates.column("_portal_file").to_pylist())
        counts = batch.counts
        broken = {p: c for p, c in counts.items() if not c.reconciles}
        if broken:
            raise ReconciliationFailed(
                "rows do not reconcile (raw != clean + quarantined + duplicates + erased): "
                + "; ".join(
                    f"{p}: {c.raw_rows} != {c.clean_rows} + {c.quarantined_rows} "
                    f"+ {c.duplicate_rows} + {c.erased_rows}"
                    for p, c in broken.items()
                )
            )
        with lake.Commit(ctx.settings) as commit:
            _merge_keyed(ctx, "reviews", reviews, commit)
            _merge_keyed(ctx, "mentions", mentions, commit)
            _put_the_rest(ctx, commit, batch, counts, run_date, files)
            commit.commit()
    finally:
        reviews.close()
        mentions.close()


def _put_the_rest(
    ctx: Context,
    commit: lake.Commit,
    batch: Batch,
    counts: dict[str, PortalCounts],
    run_date: str,
    files: list[RawFile],
) -> None:
    """Aggregates (merged per portal), and this run date's quarantine and runs rows."""
    fs, root = lake.lake_fs(ctx.settings)
    aggregates = lake.conform(batch.aggregates, AGGREGATES)
    aggregates = aggregates.sort_by("portal")
    by_portal = list(lake.groups(aggregates, "portal"))
    olds = lake.read_partitions(fs, root, "aggregates", [{"portal": p} for p, _ in by_portal])
    for (portal, mine), old in zip(by_portal, olds, strict=True):
        both = pa.concat_tables([old, mine])
        both = both.append_column("_seq", pa.array(np.arange(both.num_rows, dtype=np.int64)))
        merged, _ = lake.latest_per_key(both, ["company_id", "fetched_on"], ["fetched_at", "_seq"])
        commit.put("aggregates", {"portal": portal}, merged.drop_columns(["_seq"]))

    # Quarantine and runs of this run date: rows from these files replace the old ones.
    sources = pa.array(sorted({f.path for f in files}), pa.string())
    batch_portals = pa.array(sorted(counts), pa.string())
    old_q = lake.read_partition(fs, root, "quarantine", {"run_date": run_date})
    new_q = lake.conform(batch.quarantine, QUARANTINE)
    new_q = _keep_quarantined_at(old_q, new_q)
    kept_q = old_q.filter(pc.invert(pc.is_in(old_q.column("source_file"), value_set=sources)))
    q = pa.concat_tables([kept_q, new_q])
    q = q.take(
        pc.sort_indices(q, sort_keys=[("source_file", "ascending"), ("raw_row", "ascending")])
    )
    commit.put("quarantine", {"run_date": run_date}, q)

    old_runs = lake.read_partition(fs, root, "runs", {"run_date": run_date})
    kept_runs = old_runs.filter(
        pc.invert(pc.is_in(old_runs.column("portal"), value_set=batch_portals))
    )
    finished = datetime.now(UTC)
    runs = pa.table(
        {
            "run_id": [batch.run_id] * len(counts),
            "run_date": [run_date] * len(counts),
            "portal": list(counts),
            "raw_rows": [c.raw_rows for c in counts.values()],
            "clean_rows": [c.clean_rows for c in counts.values()],
            "quarantined_rows": [c.quarantined_rows for c in counts.values()],
            "duplicate_rows": [c.duplicate_rows for c in counts.values()],
            "erased_rows": [c.erased_rows for c in counts.values()],
            "finished_at": pa.array([finished] * len(counts), UTC_TS),
        }
    )
    runs = pa.concat_tables([kept_runs, lake.conform(runs, RUNS)])
    commit.put("runs", {"run_date": run_date}, runs.sort_by("portal"))


def _keep_quarantined_at(old: pa.Table, new: pa.Table) -> pa.Table:
    """A rerun confirms a quarantine row; it keeps the time it was first quarantined."""
    if old.num_rows == 0 or new.num_rows == 0:
        return new
    first = dict(
        zip(
            (
                f"{s}\x1f{r}"
                for s, r in zip(
                    old.column("source_file").to_pylist(),
                    old.column("raw_row").to_pylist(),
                    strict=True,
                )
            ),
            old.column("quarantined_at").to_pylist(),
            strict=True,
        )
    )
    times = [
        first.get(f"{s}\x1f{r}", t)
        for s, r, t in zip(
            new.column("source_file").to_pylist(),
            new.column("raw_row").to_pylist(),
            new.column("quarantined_at").to_pylist(),
            strict=True,
        )
    ]
    i = new.schema.get_field_index("quarantined_at")
    return new.set_column(i, new.schema.field(i), pa.array(times, UTC_TS))
