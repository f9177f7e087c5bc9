"""Rows as real exports and hostile pages bring them: no ids, language codes in every
form, control characters (issues 16 and 17)."""

from __future__ import annotations

import pytest

from transforms import lake
from transforms.run import transform

from .conftest import ANCHOR, write_items
from .test_pipeline import GOOD

NO_ID = {**GOOD, "review_id": None, "author_name": None, "author_id": None, "text": "Gut"}


def _reviews(settings) -> list[dict]:
    return lake.read_table(settings, "reviews").to_pylist()


def test_imported_rows_without_an_id_never_merge_unless_identical_in_every_field(settings):
    # Same text, day and author (none): only the importer's key over every mapped field
    # tells them apart; the last two are the same row twice.
    items = [
        {**NO_ID, "rating_value": 5, "extra": {"import_key": "a" * 32}},
        {**NO_ID, "rating_value": 1, "extra": {"import_key": "b" * 32}},
        {**NO_ID, "rating_value": 3, "extra": {"import_key": "c" * 32}},
        {**NO_ID, "rating_value": 3, "extra": {"import_key": "c" * 32}},
    ]
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, items)
    report = transform(settings)
    reviews = _reviews(settings)
    assert sorted(r["rating_value"] for r in reviews) == [1.0, 3.0, 5.0]
    assert {r["review_key"] for r in reviews} == {f"trustpilot:{k * 32}" for k in "abc"}
    assert all(r["portal_review_id"] is None for r in reviews)
    assert report.duplicate_rows == 1


def test_imported_mentions_without_an_id_are_keyed_by_the_import_key(settings):
    mention = {**NO_ID, "kind": "mention", "rating_value": None}
    items = [
        {**mention, "title": "a", "extra": {"import_key": "d" * 32}},
        {**mention, "title": "b", "extra": {"import_key": "e" * 32}},
    ]
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, items)
    transform(settings)
    keys = {r["mention_key"] for r in lake.read_table(settings, "mentions").to_pylist()}
    assert keys == {
        "trustpilot:" + "d" * 32 + ":kaffee-partner",
        "trustpilot:" + "e" * 32 + ":kaffee-partner",
    }


# declared -> (lake language, language flags); trustpilot's languages are de and en.
LANGUAGES = {
    "eng": ("en", []),
    "de-DE": ("de", []),
    " DE ": ("de", []),
    "en_GB": ("en", []),
    "ger": ("de", []),
    "German": ("de", []),
    "Deutsch": ("de", []),
    "fra": ("fr", ["language_not_in_portal"]),
    "xx": ("xx", ["language_unknown", "language_not_in_portal"]),
    "<script>alert(1)</script>": (
        "<script>alert(1)</script>",
        ["language_unknown", "language_not_in_portal"],
    ),
}


def test_declared_languages_are_normalised_and_none_is_quarantined_for_it(settings):
    items = [
        {**GOOD, "review_id": f"lang-{i}", "language": shown} for i, shown in enumerate(LANGUAGES)
    ]
    items.append({**GOOD, "review_id": "und", "language": "und"})
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, items)
    transform(settings)
    assert lake.read_table(settings, "quarantine").num_rows == 0
    by_id = {r["portal_review_id"]: r for r in _reviews(settings)}
    for i, (language, flags) in enumerate(LANGUAGES.values()):
        row = by_id[f"lang-{i}"]
        assert (row["language"], [f for f in row["text_flags"] if "language" in f]) == (
            language,
            flags,
        )
        assert row["language_detected"] is False
    # "und" declares nothing: the language is detected, as for no declaration at all.
    assert by_id["und"]["language_detected"] is True and by_id["und"]["language"] == "de"


@pytest.mark.parametrize("repair", ["mixed_encoding", "nul_removed", "oversized_field"])
def test_a_repair_the_importer_made_stays_visible_on_the_clean_row(settings, repair):
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [{**GOOD, "flags": [repair]}])
    transform(settings)
    [row] = _reviews(settings)
    assert repair in row["text_flags"]


def test_control_characters_and_nul_are_stripped_from_texts_with_a_flag(settings):
    hostile = {
        **GOOD,
        "title": "Rot\x1b[31m!\x1b[0m \x1b]0;title\x07Blau\x9b1;2H",
        "text": "Gut\x00 und\x07 schnell\x9b",
        "pros": "ok",
    }
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [hostile])
    transform(settings)
    [row] = _reviews(settings)
    assert (row["title"], row["text"], row["pros"]) == ("Rot! Blau", "Gut und schnell", "ok")
    assert "control_chars_removed" in row["text_flags"]
