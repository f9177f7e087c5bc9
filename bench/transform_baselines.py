"""What the transform is measured against besides pandas: one plain DuckDB query over the
same raw rows (``bench/transform.sql``), and the same world with no language declared.

Both are child tasks (``bench.harness.run_child``)."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import yaml

from core.contracts.raw_items import JSON_FIELDS, RAW_FIELDS

SQL = Path(__file__).with_name("transform.sql")
# A JSON object written by the raw writer declares its language like this (a string
# value cannot hold an unescaped quote, so the pattern cannot match inside a text).
_DECLARED = re.compile(rb'"language": "(?:[^"\\]|\\.)*"')
COPY_BYTES = 64 * 1024 * 1024


def hmac_pads(key: bytes) -> tuple[str, str]:
    """HMAC-SHA256's inner and outer pads of ``key`` as hex (RFC 2104), so SQL can compute
    the pseudonym as sha256(opad || sha256(ipad || message))."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key).hex(), bytes(b ^ 0x5C for b in key).hex()


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_listings(companies_file: str, path: str) -> str:
    """The tracked companies' portal ids as a CSV the query joins (portal,
    portal_company_id, company_id); written before the query is timed, as the transform
    reads companies.yaml before it starts."""
    import csv

    data = yaml.load(Path(companies_file).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["portal", "portal_company_id", "company_id"])
        for c in data["companies"]:
            for portal, listing in (c.get("portals") or {}).items():
                out.writerow([portal, str(listing["id"]), c["company_id"]])
    return path


def _scales(portals_file: str) -> str:
    data = yaml.safe_load(Path(portals_file).read_text(encoding="utf-8"))
    return ", ".join(
        f"({_quoted(name)}, {float(p['scale'][0])}, {float(p['scale'][1])})"
        for name, p in data["portals"].items()
    )


def query_sql(files: list[str], out_dir: str, listings_csv: str, portals_file: str, key: str):
    """The baseline's one statement, its placeholders filled in."""
    columns = (
        "{"
        + ", ".join(
            f"'{f}': '{'JSON' if f in JSON_FIELDS or f == 'extra' else 'VARCHAR'}'"
            for f in RAW_FIELDS
        )
        + "}"
    )
    ipad, opad = hmac_pads(key.encode())
    values = {
        "files": "[" + ", ".join(_quoted(f) for f in files) + "]",
        "columns": columns,
        "companies": listings_csv.replace("'", "''"),
        "scales": _scales(portals_file),
        "ipad": ipad,
        "opad": opad,
        "out": out_dir.replace("'", "''"),
    }
    sql = SQL.read_text(encoding="utf-8")
    for name, value in values.items():  # not str.format: the SQL's regexes hold braces
        sql = sql.replace("{" + name + "}", value)
    return sql


def duckdb_query(
    raw_dir: str,
    run_date: str,
    out_dir: str,
    companies_file: str,
    portals_file: str,
    key: str,
    memory_limit: str,
    temp_dir: str,
) -> dict:
    """Child task: the one-query transform of one run's raw items; rows per second over all
    raw rows, and what it wrote."""
    import duckdb

    files = sorted(str(p) for p in Path(raw_dir).glob(f"*/{run_date}/items-*.jsonl"))
    rows = 0
    for f in files:
        with open(f, "rb") as stream:
            rows += sum(1 for line in stream if line.strip())
    listings = write_listings(companies_file, os.path.join(temp_dir, "listings.csv"))
    sql = query_sql(files, out_dir, listings, portals_file, key)
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute(f"set temp_directory = '{temp_dir}'")
    con.execute("set TimeZone = 'UTC'")
    started = time.perf_counter()
    con.execute(sql)
    seconds = time.perf_counter() - started
    written = con.execute(
        f"select kind, count(*) from read_parquet('{out_dir}/**/*.parquet', "
        "hive_partitioning = true) group by 1 order by 1"
    ).fetchall()
    con.close()
    return {
        "raw_rows": rows,
        "written": dict(written),
        "seconds": seconds,
        "rows_per_second": rows / seconds if seconds else 0.0,
    }


def undeclared_world(raw_dir: str, run_date: str, out_raw_dir: str) -> dict:
    """Child task: the run's raw files with every declared language taken away (the world
    variant whose portals declare no language), byte for byte otherwise."""
    started = time.perf_counter()
    files = 0
    for src in sorted(Path(raw_dir).glob(f"*/{run_date}/items-*.jsonl")):
        dest = Path(out_raw_dir) / src.relative_to(raw_dir)
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(src, "rb") as inp, open(dest, "wb") as out:
            while chunk := inp.readlines(COPY_BYTES):
                out.write(_DECLARED.sub(b'"language": null', b"".join(chunk)))
        files += 1
    return {"files": files, "seconds": time.perf_counter() - started, "pid": os.getpid()}
