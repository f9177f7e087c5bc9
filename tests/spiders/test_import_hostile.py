"""Hostile and broken exports: the bad row is flagged and kept on its own, the others are
imported as if it were not there, and nothing ends in a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spiders.imports import import_file
from tests.spiders.import_helpers import (
    RUN_DATE,
    company,
    import_settings,
    raw_items,
    transform_lake,
)

HEADER = "name,stars,text,date\n"


def _rows(n: int = 6) -> list[str]:
    return [
        f'Reviewer {i},{i % 5 + 1},"Text number {i}, fine.",2025-01-{i + 1:02d}\n' for i in range(n)
    ]


def _json_row(i: int) -> str:
    return json.dumps(
        {"name": f"R{i}", "stars": 4, "text": f"Review number {i}, all fine.", "date": "2025-01-02"}
    )


def _import(tmp_path: Path, name: str, body: bytes):
    settings = import_settings(tmp_path, [company("acme", "ACME GmbH")])
    path = tmp_path / name
    path.write_bytes(body)
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, company="acme"
    )
    return settings, report, raw_items(report.path)


def _good(items: list[dict]) -> list[dict]:
    return [i for i in items if "unparsable_row" not in i["flags"]]


def test_an_unterminated_quote_does_not_swallow_the_next_rows(tmp_path, monkeypatch):
    rows = _rows()
    rows[2] = 'Reviewer 2,3,"Text that never ends, 2025-01-03\n'
    settings, _, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    bad = [i for i in items if "unparsable_row" in i["flags"]]
    assert len(bad) == 1 and "csv_unterminated_quote" in bad[0]["flags"]
    assert bad[0]["extra"]["import_error"] == "CSV line 4: unterminated quote"
    assert bad[0]["extra"]["import_raw"].startswith("Reviewer 2,3,")
    # Every other row is read whole; no author name ended up inside another text.
    assert [i["author_name"] for i in _good(items)] == [f"Reviewer {i}" for i in (0, 1, 3, 4, 5)]
    assert all("Reviewer" not in (i["text"] or "") for i in items)
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 5
    (q,) = lake["quarantine"]
    assert "Reviewer 3" not in q["raw_row"]  # the neighbours' names stay out of quarantine


def test_a_quote_closed_mid_field_is_its_rows_problem_only(tmp_path):
    rows = _rows()
    rows[1] = 'Reviewer 1,2,"quoted" and then more,2025-01-02\n'
    _, report, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    assert report.flags["csv_malformed_quote"] == 1 and len(_good(items)) == 5


def test_multi_line_quoted_texts_are_not_mistaken_for_broken_rows(tmp_path):
    rows = _rows()
    rows[1] = 'Reviewer 1,2,"First line,\nsecond line, with a comma\nthird",2025-01-02\n'
    _, report, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    assert "unparsable_row" not in report.flags
    assert items[1]["text"] == "First line,\nsecond line, with a comma\nthird"


def test_a_200_kb_field_is_cut_and_flagged_and_the_rest_imported(tmp_path, monkeypatch):
    rows = _rows()
    long_text = "The delivery was late and nobody answered the phone. " * 4000  # 212 KB
    rows[3] = f'Reviewer 3,4,"{long_text}",2025-01-04\n'
    settings, report, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    assert report.items == {"review": 6} and report.flags == {"oversized_field": 1}
    assert "oversized_field" in items[3]["flags"] and len(items[3]["text"]) == 100_000
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 6


def test_100000_levels_of_nesting_in_a_json_lines_row(tmp_path, monkeypatch):
    lines = [_json_row(i) for i in range(4)]
    lines.insert(2, "[" * 100_000 + "]" * 100_000)
    settings, _, items = _import(tmp_path, "export.jsonl", "\n".join(lines).encode())
    bad = [i for i in items if "unparsable_row" in i["flags"]]
    assert len(bad) == 1 and "json_too_deep" in bad[0]["flags"]
    assert "nested deeper than" in bad[0]["extra"]["import_error"]
    assert [i["author_name"] for i in _good(items)] == ["R0", "R1", "R2", "R3"]
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 4 and len(lake["quarantine"]) == 1


def test_100000_levels_of_nesting_in_one_element_of_a_json_list(tmp_path):
    good = [_json_row(i) for i in range(3)]
    body = "[" + ",".join([good[0], "[" * 100_000 + "]" * 100_000, good[1], good[2]]) + "]"
    _, report, items = _import(tmp_path, "export.json", body.encode())
    assert report.flags.get("json_too_deep") == 1
    assert [i["author_name"] for i in _good(items)] == ["R0", "R1", "R2"]


def test_a_json_line_that_is_not_json_is_kept_on_its_own(tmp_path):
    lines = [_json_row(0), '{"name": "R1", "stars": 4, "text": "cut off', _json_row(2)]
    _, report, items = _import(tmp_path, "export.jsonl", "\n".join(lines).encode())
    assert report.flags.get("json_invalid") == 1
    assert [i["author_name"] for i in _good(items)] == ["R0", "R2"]


def test_a_truncated_json_list_keeps_what_is_there(tmp_path):
    body = "[" + _json_row(0) + ', {"name": "R1", "sta'
    _, report, items = _import(tmp_path, "export.json", body.encode())
    assert [i["author_name"] for i in _good(items)] == ["R0"]
    assert report.flags.get("unparsable_row") == 1


def test_nul_bytes_are_removed_and_flagged(tmp_path, monkeypatch):
    rows = _rows()
    rows[1] = 'Rev\x00iewer 1,2,"Text\x00 with NUL",2025-01-02\n'
    settings, report, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    assert report.flags == {"nul_removed": 1}
    assert items[1]["author_name"] == "Reviewer 1" and items[1]["text"] == "Text with NUL"
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 6


def test_nul_characters_escaped_in_json_are_removed_too(tmp_path):
    lines = [
        json.dumps({"name": "X", "stars": 4, "text": "Good \u0000service", "date": "2025-01-02"}),
        json.dumps({"name": "Y", "stars": 5, "text": "Clean and quick.", "date": "2025-01-03"}),
    ]
    _, report, items = _import(tmp_path, "export.jsonl", "\n".join(lines).encode())
    assert items[0]["text"] == "Good service" and items[0]["flags"] == ["nul_removed"]
    assert items[1]["flags"] == [] and report.flags == {"nul_removed": 1}


def test_mixed_encodings_are_read_per_row_and_flagged(tmp_path, monkeypatch):
    head = b"name;stars;text;date\n"
    utf8 = "Jürgen;5;Größe passt, schöne Grüße;2025-01-02\n".encode()
    cp1252 = "Björn;4;Qualität gut, Lieferung spät;2025-01-03\n".encode("cp1252")
    again = "Jana;3;Größe passt nicht ganz, sonst gut;2025-01-04\n".encode()
    settings, report, items = _import(tmp_path, "export.csv", head + utf8 + cp1252 + again)
    assert report.flags == {"mixed_encoding": 1}
    assert items[1]["author_name"] == "Björn" and items[1]["text"] == "Qualität gut, Lieferung spät"
    assert "mixed_encoding" not in items[0]["flags"] and items[2]["text"].startswith("Größe")
    assert any("read as cp1252" in w for w in report.warnings)
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 3


def test_a_whole_cp1252_file_is_no_problem_of_its_rows(tmp_path):
    body = "name;stars;text;date\nBjörn;4;Qualität gut;2025-01-03\n".encode("cp1252")
    _, report, items = _import(tmp_path, "export.csv", body)
    assert report.encoding == "cp1252" and items[0]["text"] == "Qualität gut" and not report.flags


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_bom_and_utf16_exports(tmp_path, codec):
    body = (HEADER + "".join(_rows(3))).encode(codec)
    _, report, items = _import(tmp_path, "export.csv", body)
    assert [i["author_name"] for i in items] == ["Reviewer 0", "Reviewer 1", "Reviewer 2"]
    assert not report.flags


def test_a_ragged_row_is_kept_and_flagged(tmp_path):
    rows = _rows()
    rows[4] = "Reviewer 4,5\n"
    _, report, items = _import(tmp_path, "export.csv", (HEADER + "".join(rows)).encode())
    assert report.flags["csv_field_count"] == 1 and items[4]["rating_value"] == "5"


def test_a_file_that_is_no_json_at_all_is_one_line_of_error(tmp_path):
    from core.settings import ConfigError

    with pytest.raises(ConfigError, match="is not valid JSON"):
        _import(tmp_path, "export.json", b'{"reviews": [1, 2,,]}')


def test_yaml_that_would_build_objects_is_refused(tmp_path):
    from core.settings import ConfigError

    body = b"reviews: !!python/object/apply:os.system ['echo hacked']\n"
    with pytest.raises(ConfigError, match="not valid YAML"):
        _import(tmp_path, "export.yaml", body)


def test_control_characters_are_flagged_and_kept_for_the_transform(tmp_path):
    lines = [
        json.dumps(
            {"name": "X", "stars": 1, "text": "Bad \u001b[31mservice\u0007", "date": "2025-01-02"}
        ),
        json.dumps({"name": "Y", "stars": 5, "text": "Clean\tand\nquick.", "date": "2025-01-03"}),
    ]
    _, report, items = _import(tmp_path, "export.jsonl", "\n".join(lines).encode())
    assert (
        items[0]["text"] == "Bad \u001b[31mservice\u0007"
    )  # as exported: stripping is the transform's
    assert items[0]["flags"] == ["control_characters"]
    assert items[1]["flags"] == []  # tabs and line breaks are text
    assert report.flags == {"control_characters": 1}


def test_a_mapping_file_that_would_build_objects_is_refused_and_runs_nothing(tmp_path):
    from core.settings import ConfigError
    from spiders.imports import mapping_for

    settings = import_settings(tmp_path, [company("acme", "ACME GmbH")])
    export = tmp_path / "export.csv"
    export.write_text(HEADER + "".join(_rows(2)), encoding="utf-8")
    witness = tmp_path / "hacked"
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        f"format: csv\nrecords: !!python/object/apply:os.system ['touch {witness}']\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="not valid YAML"):
        mapping_for(settings, portal="trustpilot", file_path=export, mapping=mapping)
    with pytest.raises(ConfigError, match="not valid YAML"):
        import_file(
            settings, portal="trustpilot", file_path=export, run_date=RUN_DATE, mapping=mapping
        )
    assert not witness.exists()
