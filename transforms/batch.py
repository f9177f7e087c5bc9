"""What the steps of a transform pass between them: the run's context, one slice's
result, the batch being gathered and the report the caller gets.

These types live apart from the steps so that every step (normalise, validate,
commit, erase) can use them without importing another step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from core.settings import ConfigError, Settings
from transforms.companies import CompanyResolver


class NoRawItems(ConfigError):
    """There is nothing to transform for the requested run date or portals."""


class ReconciliationFailed(ConfigError):
    """raw rows != clean + quarantined + duplicates: rows were lost or made up."""


@dataclass
class Context:
    """What every slice of a run needs, read once from the settings and config."""

    settings: Settings
    key: bytes
    resolver: CompanyResolver
    scales: dict[str, tuple[float, float]]
    languages: dict[str, tuple[str, ...]]
    now: datetime
    erased: frozenset[str] = frozenset()  # author pseudonyms erased earlier


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
class BatchResult:
    """One slice, normalised (and then validated): its clean tables and quarantine rows."""

    reviews: pa.Table  # lake columns + _line, _row, _source_file, _portal_file, _ord
    mentions: pa.Table
    aggregates: pa.Table
    quarantine: pa.Table  # quarantine.SCHEMA: QUARANTINE columns + _portal_file
    raw_per_portal: dict[str, int]
    duplicates_per_portal: Counter
    unmatched: list[str]
    run_id: str
    erased_per_portal: Counter = field(default_factory=Counter)


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

    def add_batch(self, run_date: str, batch: Batch) -> None:
        """Count a committed batch in the report."""
        for portal, c in batch.counts.items():
            self.portals.setdefault(portal, PortalCounts()).add(c)
        self.run_dates.append(run_date)
        self.reviews += batch.reviews
        self.mentions += batch.mentions
        self.aggregates += batch.aggregates.num_rows
        for codes in batch.quarantine.column("reason_codes").to_pylist():
            self.reasons.update(codes)
        self.unmatched_companies = sorted(set(self.unmatched_companies) | batch.unmatched)
        if batch.data_docs is not None:
            self.data_docs = batch.data_docs

    def summary(self) -> str:
        rate = self.raw_rows / self.seconds if self.seconds else 0.0
        # Every reason, most common first (ties by name): nothing quarantined goes unsaid.
        ranked = sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ", ".join(f"{k}={v}" for k, v in ranked)
        return (
            f"transformed {self.raw_rows} raw rows of {len(self.run_dates)} run(s): "
            f"{self.clean_rows} clean ({self.reviews} reviews, {self.mentions} mentions, "
            f"{self.aggregates} aggregates), {self.quarantined_rows} quarantined"
            f"{f' ({top})' if top else ''}, {self.duplicate_rows} duplicates"
            f"{f', {self.erased_rows} of erased authors' if self.erased_rows else ''}; "
            f"{len(self.unmatched_companies)} unmatched companies; "
            f"{self.seconds:.1f}s ({rate:,.0f} rows/s)"
        )
