"""What an import run promises: nothing lost silently, each file its own raw file,
re-imports idempotent, --company, --dry-run, and the `ruf import` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from core.settings import ConfigError
from ruf.cli import main
from spiders.imports import import_file, mapping_for, to_yaml
from tests.spiders.import_helpers import (
    DATA,
    RUN_DATE,
    company,
    import_settings,
    raw_items,
    transform_lake,
)

COMPANIES = [company("acme", "ACME GmbH"), company("beta", "Beta AG")]
HEADER = "author,stars,text,date,shop\n"


def _csv(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), "utf-8")
    return path


def _rows(n: int, start: int = 0) -> list[str]:
    return [
        f"Kunde {i},{i % 5 + 1},Bewertung Nummer {i} mit Text.,2025-02-{i % 28 + 1:02d},ACME GmbH\n"
        for i in range(start, start + n)
    ]


def test_imports_never_replace_each_other_and_a_reimport_is_idempotent(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    first = _csv(tmp_path, "first.csv", _rows(120))
    second = _csv(tmp_path, "second.csv", _rows(80, start=120))
    a = import_file(settings, portal="trustpilot", file_path=first, run_date=RUN_DATE)
    b = import_file(settings, portal="trustpilot", file_path=second, run_date=RUN_DATE)
    assert a.path != b.path and Path(a.path).exists() and Path(b.path).exists()
    report, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 200 and report.raw_rows == 200
    again = import_file(settings, portal="trustpilot", file_path=first, run_date=RUN_DATE)
    assert again.path == a.path
    drop = lambda items: [{k: v for k, v in i.items() if k != "fetched_at"} for i in items]  # noqa: E731
    assert drop(raw_items(again.path)) == drop(raw_items(a.path))
    _, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 200


def test_rows_identical_in_every_field_collapse_and_are_counted(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    rows = _rows(4)
    path = _csv(tmp_path, "dupes.csv", [*rows, rows[1], rows[1]])
    report = import_file(settings, portal="trustpilot", file_path=path, run_date=RUN_DATE)
    assert report.identical == 2
    assert any("2 records are identical" in w for w in report.warnings)
    transform_report, lake = transform_lake(settings, monkeypatch)
    assert len(lake["reviews"]) == 4
    assert transform_report.portals["trustpilot"].duplicate_rows == 2


def test_distinct_rows_without_an_id_get_keys_of_their_own(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    same_words = [
        ",5,,2025-03-01,ACME GmbH\n",
        ",1,,2025-03-01,ACME GmbH\n",
        ",3,,2025-03-01,ACME GmbH\n",
    ]
    path = _csv(tmp_path, "no_text.csv", same_words)
    report = import_file(settings, portal="trustpilot", file_path=path, run_date=RUN_DATE)
    keys = {i["extra"]["import_key"] for i in raw_items(report.path)}
    assert len(keys) == 3 and report.identical == 0


def test_distinct_rows_without_an_id_all_reach_the_lake(tmp_path, monkeypatch):
    settings = import_settings(tmp_path, COMPANIES)
    path = _csv(tmp_path, "no_text.csv", [f",{s},,2025-03-01,ACME GmbH\n" for s in (5, 1, 3)])
    import_file(settings, portal="trustpilot", file_path=path, run_date=RUN_DATE)
    _, lake = transform_lake(settings, monkeypatch)
    assert sorted(r["rating_value"] for r in lake["reviews"]) == [1.0, 3.0, 5.0]


def test_a_mapped_field_empty_in_every_row_is_a_warning(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    mapping = tmp_path / "m.yaml"
    fields = {
        "rating_value": "stars",
        "text": "text",
        "published_raw": "date",
        "company_name": "shop",
        "reply_text": "company_reply",
    }
    mapping.write_text(yaml.safe_dump({"fields": fields}), "utf-8")
    path = _csv(tmp_path, "e.csv", _rows(5))
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, mapping=mapping
    )
    assert "reply_text (company_reply) is empty in all 5 records" in report.summary()


def test_company_assigns_every_row_and_says_what_it_overrode(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    rows = [*_rows(3), _rows(1, start=9)[0].replace("ACME GmbH", "Gamma KG")]
    path = _csv(tmp_path, "c.csv", rows)
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, company="beta"
    )
    items = raw_items(report.path)
    assert {(i["portal_company_id"], i["company_name"]) for i in items} == {("beta", "Beta AG")}
    assert items[3]["extra"]["company_in_export"] == {"company_name": "Gamma KG"}
    assert any("--company assigns all records to Beta AG" in w for w in report.warnings)
    with pytest.raises(ConfigError, match="unknown company 'zeta'"):
        import_file(
            settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, company="zeta"
        )


def test_a_dry_run_writes_nothing_and_shows_fill_rates_and_first_items(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    rows = _rows(4)
    rows[2] = "Kunde 2,,Ohne Sterne,2025-02-03,ACME GmbH\n"
    path = _csv(tmp_path, "d.csv", rows)
    report = import_file(
        settings, portal="trustpilot", file_path=path, run_date=RUN_DATE, dry_run=True
    )
    assert report.path is None and not (tmp_path / "data" / "raw").exists()
    text = report.summary()
    assert "dry run: nothing written" in text and "rating_value 75% (3/4)" in text
    assert text.count("\nitem ") == 3 and '"author_name": "Kunde 0"' in text


def test_unknown_portals_and_missing_files_are_one_line_errors(tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    path = _csv(tmp_path, "x.csv", _rows(2))
    with pytest.raises(ConfigError, match="unknown portal 'tripadvisor': add it to"):
        import_file(settings, portal="tripadvisor", file_path=path, run_date=RUN_DATE)
    with pytest.raises(ConfigError, match="export file not found"):
        import_file(settings, portal="trustpilot", file_path=tmp_path / "no.csv", run_date=RUN_DATE)


def test_the_example_mapping_still_reads(tmp_path):
    from core.settings import REPO_ROOT

    for path in sorted((REPO_ROOT / "config" / "import_mappings").glob("*.yaml")):
        settings = import_settings(tmp_path, COMPANIES)
        assert mapping_for(settings, portal="trustpilot", file_path=path, mapping=path).main.fields


def _env(monkeypatch, tmp_path):
    settings = import_settings(tmp_path, COMPANIES)
    monkeypatch.setenv("RUF_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("RUF_RAW_URL", raising=False)
    monkeypatch.delenv("RUF_LAKE_URL", raising=False)
    monkeypatch.setenv("RUF_COMPANIES", str(settings.companies_file))
    monkeypatch.setenv("RUF_PORTALS", str(settings.portals_file))
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", "test-pseudonym-key")
    return settings


def test_ruf_import_shows_saves_and_uses_the_inferred_mapping(tmp_path, monkeypatch, capsys):
    settings = _env(monkeypatch, tmp_path)
    export = DATA / "trustpilot_business_export.csv"
    saved = tmp_path / "tp.yaml"
    argv = ["import", "--portal", "trustpilot", "--show-mapping", "--save-mapping", str(saved)]
    assert main([*argv, "--run-date", RUN_DATE, str(export)]) == 0
    out = capsys.readouterr().out
    assert 'rating_value:      "Review Stars"' in out and "3 items (3 reviews)" in out
    assert saved.read_text("utf-8") == to_yaml(
        mapping_for(settings, portal="trustpilot", file_path=export)
    )
    written = list(
        (settings.data_dir / "raw" / "trustpilot" / RUN_DATE).glob("items-import-*.jsonl")
    )
    assert len(written) == 1
    # Edited by hand, then used: the title now comes from another column.
    edited = re.sub(r'title:\s+"Review Title"', 'title: "Review Content"', saved.read_text("utf-8"))
    saved.write_text(edited, "utf-8")
    rc = main(
        ["import", "--portal", "trustpilot", "--mapping", str(saved), "--dry-run", str(export)]
    )
    out = capsys.readouterr().out
    assert rc == 0 and '"title": "Parcel lost, support did not answer for two weeks."' in out


def test_ruf_import_errors_are_one_line(tmp_path, monkeypatch, capsys):
    _env(monkeypatch, tmp_path)
    export = DATA / "day_first_dates.csv"
    assert main(["import", "--portal", "trustpilot", str(export)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pass --company C" in err
    dry = ["import", "--portal", "trustpilot", "--company", "acme", "--dry-run", str(export)]
    assert main(dry) == 0
    assert main(["import", "--portal", "trustpilot", "--mapping", "nope.yaml", str(export)]) == 2


def test_the_nested_example_mapping_does_what_its_comments_say(tmp_path):
    from core.settings import REPO_ROOT

    settings = import_settings(tmp_path, COMPANIES)
    report = import_file(
        settings,
        portal="trustpilot",
        file_path=DATA / "nested_example.json",
        run_date=RUN_DATE,
        mapping=REPO_ROOT / "config" / "import_mappings" / "nested-example.yaml",
    )
    items = raw_items(report.path)
    first = items[0]
    assert (first["rating_value"], first["published_raw"], first["experienced_raw"]) == (
        "4,5",
        "3 March 2025",
        "2025-3",
    )
    assert (first["company_name"], first["portal_company_id"]) == (
        "Schnellkauf24",
        "schnellkauf24.de",
    )
    assert first["fetched_at"] == "2025-03-25T11:28:26Z" and first["reply_text"] == "Danke!"
    assert (
        items[1]["published_raw"] == "1 March 2025" and "pattern_unmatched" not in items[1]["flags"]
    )
    (agg,) = [i for i in items if i["kind"] == "aggregate"]
    assert (agg["rating_value"], agg["review_count"], agg["company_name"]) == (
        4.1,
        2,
        "Schnellkauf24",
    )
