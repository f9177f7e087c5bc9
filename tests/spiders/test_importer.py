"""Importing portal exports: every row becomes a raw item; odd rows are flagged, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from core.contracts.raw_items import RAW_FIELDS
from core.settings import ConfigError, load_settings
from spiders.imports import import_file

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "import_mappings" / "example.yaml"


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RUF_RAW_URL", raising=False)
    return load_settings()


def _mapping(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "mapping.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _read(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_csv_import_keeps_and_flags_odd_rows(settings):
    report = import_file(
        settings,
        portal="trustpilot",
        mapping_path=EXAMPLE,
        file_path=DATA / "export.csv",
        run_date="2026-11-23",
    )
    assert "trustpilot/2026-11-23/items-import-" in report.path
    items = {i["review_id"]: i for i in _read(report.path)}
    assert report.rows == len(items) == 5
    assert all(list(i) == list(RAW_FIELDS) for i in items.values())
    assert items["r-1"]["flags"] == []
    assert items["r-1"]["sub_ratings"] == {"Service": "5"}
    assert items["r-1"]["rating_best"] == 5 and items["r-1"]["portal"] == "trustpilot"
    assert items["r-2"]["rating_value"] == "4,5" and items["r-2"]["flags"] == []
    assert items["r-3"]["flags"] == ["rating_missing"]
    assert set(items["r-4"]["flags"]) == {"undecodable_bytes", "rating_out_of_scale"}
    assert "\ufffd" in items["r-4"]["text"]
    assert items["r-5"]["flags"] == ["date_missing"]
    assert report.flags == {
        "rating_missing": 1,
        "undecodable_bytes": 1,
        "rating_out_of_scale": 1,
        "date_missing": 1,
    }
    assert "5 records" in report.summary()


def test_jsonl_import_keeps_broken_lines(settings, tmp_path):
    report = import_file(
        settings,
        portal="trustpilot",
        mapping_path=_mapping(tmp_path, format="jsonl"),
        file_path=DATA / "export.jsonl",
        run_date="2026-11-23",
    )
    items = _read(report.path)
    assert len(items) == report.rows == 4
    assert items[0]["published_raw"] == 1763600000 and items[0]["flags"] == []
    assert items[1]["published_raw"] == "vor 3 Tagen"
    assert "unparsable_row" in items[2]["flags"] and items[2]["text"] is None
    assert "abgeschnitten" in items[2]["extra"]["import_raw"]
    assert {"company_missing", "rating_out_of_scale"} <= set(items[3]["flags"])
    assert items[3]["portal_company_id"] == "unknown"


def test_json_import_reads_nested_records(settings, tmp_path):
    report = import_file(
        settings,
        portal="opinio",
        mapping_path=_mapping(tmp_path, format="json", records="reviews"),
        file_path=DATA / "export.json",
        run_date="2026-11-23",
    )
    items = _read(report.path)
    assert len(items) == 3
    assert items[0]["flags"] == [] and items[0]["sub_ratings"] == {"Service": 4}
    assert items[1]["flags"] == ["rating_unparsable"]
    assert "unparsable_row" in items[2]["flags"]


def test_bad_mappings_are_config_errors(settings, tmp_path):
    with pytest.raises(ConfigError, match="not raw contract fields: stars"):
        import_file(
            settings,
            portal="trustpilot",
            mapping_path=_mapping(tmp_path, columns={"stars": "x", "portal_company_id": "c"}),
            file_path=DATA / "export.csv",
            run_date="2026-11-23",
        )
    with pytest.raises(ConfigError, match="records"):
        import_file(
            settings,
            portal="trustpilot",
            mapping_path=_mapping(tmp_path, format="json"),
            file_path=DATA / "export.json",
            run_date="2026-11-23",
        )
