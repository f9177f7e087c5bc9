"""The mapping language: paths into nested records, records selectors, templates,
regular expressions, constants, date formats; and its errors, each one line."""

from __future__ import annotations

import pytest

from core.settings import ConfigError
from spiders.imports import load_mapping, mapping_from_dict, to_yaml
from spiders.imports.mapping import parse_spec, resolve
from spiders.imports.paths import MISSING, Record, get, parse_path, select

DOC = {
    "business": {"name": "ACME", "id": "acme-1"},
    "meta": {"extracted_date": "2025-03-25T11:28:26"},
    "companies": [
        {"name": "A", "reviews": [{"stars": 5, "dates": {"publishedDate": "2025-01-01"}}]},
        {"name": "B", "reviews": [{"stars": 2}, {"stars": 3, "reply": {"message": "Sorry"}}]},
    ],
    "body": '{"reviews": [{"rating": 4, "user": {"name": "Alexis B."}}]}',
}


def _value(path: str, record: dict, ancestors=(), root=None):
    return get(Record(record, tuple(ancestors), root, "$"), parse_path(path))


def test_dotted_paths_and_indexes():
    rec = {"dates": {"publishedDate": "2025-01-01"}, "reviews": [{"rating": 4}, {"rating": 2}]}
    assert _value("dates.publishedDate", rec) == "2025-01-01"
    assert _value("reviews[0].rating", rec) == 4
    assert _value("reviews[-1].rating", rec) == 2
    assert _value("reviews[*].rating", rec) == [4, 2]
    assert _value("reviews[5].rating", rec) is MISSING and _value("nope.x", rec) is MISSING


def test_a_column_named_with_dots_is_found_as_it_is():
    # Flattened exports (a CSV column "dates.publishedDate") used to become null silently.
    assert _value("dates.publishedDate", {"dates.publishedDate": "2025-01-01"}) == "2025-01-01"
    assert _value("a.b.c", {"a": {"b.c": 3}}) == 3
    assert _value('a["b.c"]', {"a": {"b.c": 3}}) == 3
    assert _value("Rating", {"rating": "5"}) == "5"  # one clear match ignoring case


def test_selectors_reach_nested_lists_with_the_parents_reachable():
    records = select(DOC, parse_path("companies[*].reviews[*]"))
    assert [r.value["stars"] for r in records] == [5, 2, 3]
    assert [get(r, parse_path("^.name")) for r in records] == ["A", "B", "B"]
    assert get(records[0], parse_path("$.business.name")) == "ACME"
    assert get(records[2], parse_path("reply.message")) == "Sorry"
    assert records[1].where == "companies[1].reviews[0]"


def test_a_json_string_inside_the_file_is_read_as_json():
    (record,) = select(DOC, parse_path("body.reviews[*]"))
    assert get(record, parse_path("user.name")) == "Alexis B."


def test_a_single_object_is_one_record():
    (record,) = select(DOC, parse_path("business"))
    assert record.value == {"name": "ACME", "id": "acme-1"}
    assert len(select({"rating": 4.5}, None)) == 1 and len(select([{"a": 1}, {"a": 2}], None)) == 2


@pytest.mark.parametrize(
    ("spec", "record", "value", "flags"),
    [
        ("{year}-{month}", {"year": 2024, "month": 3}, "2024-3", []),
        ("{month} {year}", {"year": "2025", "month": "Oktober"}, "Oktober 2025", []),
        ("{year}-{month}", {"year": 2024, "month": ""}, None, []),  # half a date is none
        (
            {"path": "url", "regex": r"/review/([^/?]+)"},
            {"url": "https://www.trustpilot.com/review/acme.de?page=2"},
            "acme.de",
            [],
        ),
        (
            {"path": "date", "regex": r"on (?P<value>.+)$"},
            {"date": "Reviewed in the United States on December 9, 2025"},
            "December 9, 2025",
            [],
        ),
        (
            {"path": "date", "regex": r"on (.+)$"},
            {"date": "9 Dec 2025"},
            "9 Dec 2025",
            ["pattern_unmatched"],
        ),
        ({"value": 10}, {}, 10, []),
        (7, {}, 7, []),
        (
            {"path": "badge", "map": {"Verified Purchase": True}},
            {"badge": "verified purchase"},
            True,
            [],
        ),
        (
            {"path": "d", "date_format": "%d.%m.%Y %H:%M"},
            {"d": "12.04.2020 17:02"},
            "2020-04-12T17:02:00",
            [],
        ),
        ({"path": "d", "date_format": ["%d/%m/%Y", "%Y"]}, {"d": "21/10/2016"}, "2016-10-21", []),
        (
            {"path": "d", "date_format": "%d/%m/%Y"},
            {"d": "yesterday"},
            "yesterday",
            ["date_format_mismatch"],
        ),
        (["text.full", "body", "comment"], {"body": "", "comment": "Fine."}, "Fine.", []),
        ("photos[*].caption", {"photos": [{"caption": "a"}, {"caption": "b"}]}, "a\nb", []),
    ],
)
def test_field_specs(spec, record, value, flags):
    got = resolve(parse_spec(spec, "test"), Record(record, (), record, "$"))
    assert got == (value, flags)


def test_the_first_importers_mappings_read_as_before():
    m = mapping_from_dict(
        {
            "format": "csv",
            "encoding": "utf-8",
            "delimiter": ";",
            "columns": {"portal_company_id": "company_slug", "sub_ratings.Service": "svc"},
            "constants": {"kind": "review", "rating_worst": 1, "rating_best": 5},
        },
        "old.yaml",
    )
    assert (m.format, m.encoding, m.delimiter, m.main.kind) == ("csv", "utf-8", ";", "review")
    assert set(m.main.fields) == {"portal_company_id", "sub_ratings.Service"}
    assert m.main.constants == {"rating_worst": 1, "rating_best": 5}
    old = mapping_from_dict({"records": "reviews", "columns": {"title": "t"}}, "old.yaml")
    assert [r.value for r in select({"reviews": [{"t": 1}]}, old.main.records)] == [{"t": 1}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"fields": {"stars": "x"}}, "not raw contract fields: stars"),
        ({"fields": {"portal": "x"}}, "the portal is given on the command line"),
        ({"fieldz": {}}, "unknown key"),
        ({"format": "xlsx"}, "format must be one of"),
        ({"kind": "rant"}, "kind must be one of"),
        ({"fields": {"title": "a..b"}}, "empty name"),
        ({"fields": {"title": "a[x"}}, "bad \\[...\\]"),
        ({"fields": {"title": {"path": "a", "regex": "("}}}, "regex"),
        ({"fields": {"title": {"path": "a", "template": "{b}"}}}, "exactly one of"),
        ({"fields": {"title": {"pat": "a"}}}, "unknown key"),
        ({"aggregate": {"fields": {}}}, "maps no fields"),
    ],
)
def test_bad_mappings_are_one_line_config_errors(data, message):
    with pytest.raises(ConfigError, match=message):
        mapping_from_dict(data, "m.yaml")


def test_a_mapping_file_round_trips_through_yaml(tmp_path):
    data = {
        "format": "json",
        "records": "companies[*].reviews[*]",
        "fields": {
            "rating_value": "stars",
            "published_raw": {"path": "dates.publishedDate", "date_format": "%Y-%m-%d"},
            "company_name": "^.name",
            "reply_text": "reply.message",
            "title": "{a} {b}",
        },
        "constants": {"rating_best": 10},
        "aggregate": {"records": "$", "fields": {"rating_value": "business.rating"}},
    }
    m = mapping_from_dict(data, "m.yaml")
    path = tmp_path / "m.yaml"
    path.write_text(to_yaml(m), "utf-8")
    again = load_mapping(path)
    assert (again.main, again.aggregate) == (m.main, m.aggregate)
    assert again.aggregate.records.text == "$"


def test_mapping_files_that_are_not_yaml_or_not_there(tmp_path):
    with pytest.raises(ConfigError, match="import mapping not found"):
        load_mapping(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("fields: [unclosed", "utf-8")
    with pytest.raises(ConfigError, match="is not valid YAML"):
        load_mapping(bad)
