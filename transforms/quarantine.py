"""Quarantine rows: the one place a raw row that cannot be made clean is written down.

Both the normalising step (rows with reason codes) and the validation step (rows a
Great Expectations check failed) quarantine through ``rows``: the raw line as it came
(fetched from its file where it was read fast), scrubbed of the author and of e-mail
addresses and phone numbers, with the reasons and what the transform saw.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from core.contracts.lake import QUARANTINE
from transforms.batch import Context
from transforms.privacy import scrub_raw_row
from transforms.rawread import raw_lines

# What a batch holds per quarantined row: the lake's columns plus the raw
# directory it came from (its portal in the reconciliation).
SCHEMA = pa.schema([*QUARANTINE, pa.field("_portal_file", pa.string())])


def run_id(run_date: str) -> str:
    return f"transform-{run_date}"


def rows(
    ctx: Context,
    run_date: str,
    *,
    portal: pa.Array,
    kind: pa.Array,
    codes: list[list[str]],
    details: list[str | None],
    source_file: pa.Array,
    row: pa.Array,
    line: pa.Array,
    portal_file: pa.Array,
    pseudonyms: pa.Array | None = None,
) -> pa.Table:
    """Quarantine rows for raw rows already picked (every array is one per row).

    ``line`` is the raw text where it was read, else null (then it is read from
    ``source_file`` at ``row``); ``pseudonyms`` the author pseudonyms the transform
    made, where it made them (else the scrub makes them from the raw item)."""
    n = len(codes)
    portals = portal.to_pylist()
    lines = raw_lines(ctx.settings, source_file.to_pylist(), row.to_pylist(), line.to_pylist())
    who = pseudonyms.to_pylist() if pseudonyms is not None else [None] * n
    scrubbed = [
        scrub_raw_row(ctx.key, text, p, w) for text, p, w in zip(lines, portals, who, strict=True)
    ]
    columns = {
        "run_id": pa.array([run_id(run_date)] * n, pa.string()),
        "portal": pa.array(portals, pa.string()),
        "kind": kind,
        "reason_codes": pa.array(codes, pa.list_(pa.string())),
        "reason_detail": pa.array(details, pa.string()),
        "raw_row": pa.array(scrubbed, pa.string()),
        "source_file": source_file,
        "quarantined_at": pa.array([ctx.now] * n, SCHEMA.field("quarantined_at").type),
        "run_date": pa.array([run_date] * n, pa.string()),
        "_portal_file": portal_file,
    }
    return pa.Table.from_arrays(
        [pc.cast(columns[f.name], f.type) for f in SCHEMA],
        schema=pa.schema([f.with_nullable(True) for f in SCHEMA]),
    )
