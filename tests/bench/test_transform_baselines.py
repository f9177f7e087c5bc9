"""The transform's baselines in `make bench` measure the same work on the same rows: the
one-query DuckDB transform computes the lake's pseudonyms, and the undeclared-language
world is the declared one with only the languages taken away."""

from __future__ import annotations

import json

import duckdb

from bench.transform_baselines import hmac_pads, undeclared_world
from core.privacy import pseudonym


def test_the_duckdb_baseline_hashes_authors_as_the_lake_does():
    key = "ruf-bench-key-not-secret"
    ipad, opad = hmac_pads(key.encode())
    con = duckdb.connect()
    got = con.execute(
        f"select left(sha256(unhex('{opad}') || unhex(sha256(unhex('{ipad}') || "
        "encode(? || '|' || ?)))), 16)",
        ["trustpilot", "Jörg M."],
    ).fetchone()[0]
    assert got == pseudonym(key.encode(), "trustpilot", "Jörg M.")


def test_the_undeclared_world_differs_from_the_declared_only_in_language(tmp_path):
    raw = tmp_path / "raw" / "trustpilot" / "2026-12-01"
    raw.mkdir(parents=True)
    items = [
        {"kind": "review", "text": 'er sagte "language": "de" laut', "language": "de"},
        {"kind": "review", "text": "Great", "language": "en-GB", "title": "x"},
        {"kind": "aggregate", "language": None, "rating_value": 4.2},
    ]
    lines = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    (raw / "items-s0of1.jsonl").write_text(lines, encoding="utf-8")
    out = tmp_path / "undeclared"
    done = undeclared_world(str(tmp_path / "raw"), "2026-12-01", str(out))
    assert done["files"] == 1
    written = (out / "trustpilot" / "2026-12-01" / "items-s0of1.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in written.splitlines()]
    assert [r["language"] for r in rows] == [None, None, None]
    for before, after in zip(items, rows, strict=True):
        assert {**before, "language": None} == after
