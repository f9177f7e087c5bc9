"""The raw reader takes its columns from the raw item contract (core.contracts.raw_items)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pyarrow as pa

from core.contracts.raw_items import EXTRA_KEYS, JSON_FIELDS, RAW_FIELDS, TEXT_FIELDS, RawItem
from transforms import rawread


def _item() -> RawItem:
    return RawItem(
        kind="review",
        portal="kununu",
        portal_company_id="acme",
        rating_value=4.5,
        verified=True,
        sub_ratings={"Arbeitsatmosphäre": "4,5"},
        title="Gut",
        extra={"reviewer_type": "employee", "pending": False, "thread_title": "x"},
        flags=["rating_from_text"],
    )


def test_every_field_of_the_contract_is_read_in_both_read_paths(tmp_path) -> None:
    item = asdict(_item())
    line = json.dumps(item, ensure_ascii=False)
    # The fast path (DuckDB read_json over the file) and the careful one (line by line).
    path = tmp_path / "items-all.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    piece = rawread.RawFile("kununu", "2026-11-23", str(path))
    fast = rawread._read_json([piece], {piece: str(path)})
    careful = rawread.extract(pa.table({"line": pa.array([line + "\n"], pa.large_string())}))
    for table in (fast, careful):
        row = table.to_pylist()[0]
        # Every field but extra is a column of its own; extra is read key by key.
        assert set(RAW_FIELDS) - {"extra"} <= set(row)
        assert set(TEXT_FIELDS) | set(JSON_FIELDS) | {"extra"} == set(RAW_FIELDS)
        assert row["rating_value"] == "4.5" and row["verified"] == "true"
        assert row["rating_best"] == "5"  # the contract's default scale
        assert json.loads(row["sub_ratings"]) == {"Arbeitsatmosphäre": "4,5"}
        assert json.loads(row["flags"]) == ["rating_from_text"]
        assert row["reviewer_type"] == "employee" and row["pending"] == "false"


def test_the_extra_keys_read_are_keys_the_contract_names() -> None:
    assert set(rawread.EXTRA_FIELDS) <= set(EXTRA_KEYS)
