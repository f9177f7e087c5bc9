"""What dbt reads besides the models: the lake tables' locations and the config inputs.

The tracked-company and portal config (core.config) become Parquet files beside the
warehouse, read by the staging views; a lake table without files yet reads an empty
Parquet file with the contract's schema (core.contracts.lake), so an empty lake builds
to empty marts.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from core import storage
from core.config import load_companies, load_portals
from core.contracts.lake import TABLES
from core.settings import Settings, join_url

LAKE_TABLES = ("reviews", "mentions", "aggregates")

COMPANIES = pa.schema(
    [
        ("company_id", pa.string()),
        ("name", pa.string()),
        ("domain", pa.string()),
        ("industry", pa.string()),
        ("aliases", pa.list_(pa.string())),
        ("portals", pa.list_(pa.string())),
        ("portal_company_ids", pa.list_(pa.string())),
    ]
)

PORTALS = pa.schema(
    [
        ("portal", pa.string()),
        ("family", pa.string()),
        ("scale_worst", pa.float64()),
        ("scale_best", pa.float64()),
        ("languages", pa.list_(pa.string())),
    ]
)


def has_parquet(settings: Settings, table: str) -> bool:
    fs, root = storage.filesystem_for(join_url(settings.lake_url, table), settings)
    return bool(storage.glob(fs, storage.join(root, "**", "*.parquet")))


def _write_parquet(table: pa.Table, path: Path) -> None:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    fs, local = storage.filesystem_for(str(path))
    storage.write_bytes_atomic(fs, local, buf.getvalue())


def companies_table(settings: Settings) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "company_id": c.company_id,
                "name": c.name,
                "domain": c.domain,
                "industry": c.industry,
                "aliases": list(c.aliases),
                "portals": [x.portal for x in c.listings],
                "portal_company_ids": [x.portal_company_id for x in c.listings],
            }
            for c in load_companies(settings.companies_file)
        ],
        schema=COMPANIES,
    )


def portals_table(settings: Settings) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "portal": p.name,
                "family": p.family,
                "scale_worst": float(p.scale[0]),
                "scale_best": float(p.scale[1]),
                "languages": list(p.languages),
            }
            for p in load_portals(settings.portals_file).values()
        ],
        schema=PORTALS,
    )


def prepare_inputs(settings: Settings) -> tuple[dict[str, str], list[str]]:
    """The dbt vars naming every input, and the lake tables that have no files yet."""
    inputs = settings.warehouse_path.parent / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    dbt_vars: dict[str, str] = {}
    empty = []
    for table in LAKE_TABLES:
        if has_parquet(settings, table):
            dbt_vars[f"lake_{table}"] = join_url(settings.lake_url, table, "**", "*.parquet")
        else:
            path = inputs / f"empty_{table}.parquet"
            if not path.exists():
                _write_parquet(TABLES[table].empty_table(), path)
            dbt_vars[f"lake_{table}"] = str(path)
            empty.append(table)
    # Parsing a large companies.yaml takes seconds: reuse the Parquet written from the
    # same config files (path, size and modification time) by an earlier build.
    stamp_path = inputs / "config.stamp"
    stamp = _config_stamp(settings)
    fresh = stamp_path.exists() and stamp_path.read_text() == stamp
    for name, make in (("companies", companies_table), ("portals", portals_table)):
        path = inputs / f"{name}.parquet"
        if not (fresh and path.exists()):
            _write_parquet(make(settings), path)
        dbt_vars[f"config_{name}"] = str(path)
    if not fresh:
        fs, local = storage.filesystem_for(str(stamp_path))
        storage.write_bytes_atomic(fs, local, stamp.encode())
    return dbt_vars, empty


def _config_stamp(settings: Settings) -> str:
    lines = ["config inputs v1"]  # bump when companies_table or portals_table change
    for path in (settings.companies_file, settings.portals_file):
        st = Path(path).stat()
        lines.append(f"{Path(path).resolve()}\t{st.st_size}\t{st.st_mtime_ns}")
    return "\n".join(lines)
