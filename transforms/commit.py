"""A batch into the lake: the cross-slice dedupe, the reconciliation, one commit.

Reviews and mentions are merged from the spill one lake partition at a time
(``transforms.spill``); aggregates per portal; quarantine and runs rows of the run
date replace the ones earlier runs of the same raw files wrote. Everything a batch
rewrites becomes visible together (``transforms.lake.Commit``).
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import AGGREGATES, QUARANTINE, RUNS, TABLES, UTC_TS
from transforms import lake, spill
from transforms.batch import Batch, Context, PortalCounts, ReconciliationFailed
from transforms.rawread import RawFile
from transforms.tables import dedupe


def _merge_keyed(ctx: Context, table: str, win: spill.Winners, commit: lake.Commit) -> None:
    """Merge a batch's winning rows into their (portal, review_month) partitions.

    Only partitions the batch touches are rewritten: those of its months, and older
    ones that hold one of its keys in another month (a relative date may move a
    review's month). One partition is in memory at a time, plus the movers.
    """
    schema = TABLES[table]
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


def commit_batch(
    ctx: Context, batch: Batch, spilled: spill.Spill, run_date: str, files: list[RawFile]
) -> None:
    """Pick the winners over all slices, check that every raw row is accounted for,
    then merge into the lake partitions the batch touches, in one commit."""
    reviews = spilled.winners("reviews", "review_key")
    mentions = spilled.winners("mentions", "mention_key")
    try:
        dups = batch.duplicates_per_portal
        dups.update(reviews.duplicates)
        dups.update(mentions.duplicates)
        aggregates = dedupe(batch.aggregates, ["portal", "company_id", "fetched_on"], dups)
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
