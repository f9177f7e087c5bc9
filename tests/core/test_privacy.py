"""One pseudonym for one author, whoever computes it: ``core.privacy`` (the
crawl's replay) gives what the transform gives (``transforms.privacy``), and
reads the erasure ledger ``transforms.erase`` writes."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from core.privacy import ERASURE_LEDGER, erased_pseudonyms, item_pseudonym, pseudonym
from core.settings import ConfigError, load_settings
from transforms import privacy
from transforms.erase import erased_authors

KEY = b"test-key"
ROWS = [  # portal, author_id, author_name
    ("trustpilot", "5f1c0a", "Ann Lee"),
    ("trustpilot", None, "Ann Lee"),
    ("trustpilot", "  ", "  Ann Lee "),
    ("kununu", None, "Ann Lee"),
    ("opinio", 4711, None),
    ("opinio", None, None),
    ("forum", "", ""),
    ("trustpilot", None, "Anonymous"),  # a placeholder names no one
    ("amazon", None, " Amazon Customer "),
    ("kununu", None, "(anonym)"),
    ("kununu", "u7", "Anonym"),  # the id still names someone
]


def test_the_pseudonym_is_the_transforms_own() -> None:
    assert pseudonym(KEY, "trustpilot", "Ann Lee") == privacy.pseudonym(
        KEY, "trustpilot", "Ann Lee"
    )
    ids = pa.array([None if r[1] is None else str(r[1]) for r in ROWS], pa.string())
    names = pa.array([r[2] for r in ROWS], pa.string())
    portals = pa.array([r[0] for r in ROWS], pa.string())
    expected = privacy.item_pseudonyms(KEY, portals, portals, ids, names).to_pylist()
    assert [item_pseudonym(KEY, *r) for r in ROWS] == expected
    assert expected[5:10] == [None] * 5  # no author shown, or a placeholder: none
    assert expected[-1] == pseudonym(KEY, "kununu", "u7")


def test_a_placeholder_name_gets_no_pseudonym_in_the_quarantine_either() -> None:
    """ "Anonymous" on thousands of reviews is no one: one pseudonym for all of them would
    make one author of them (and ``ruf erase`` of it erase them all)."""
    for name in ("Anonymous", "Amazon Customer", "Gast", "Anonyme", "A Google User"):
        line = json.dumps({"portal": "trustpilot", "author_name": name, "text": "ok"})
        row = json.loads(privacy.scrub_raw_row(KEY, line))
        assert row["author_name"] is None and "author_pseudonym" not in row, name
    line = json.dumps({"portal": "trustpilot", "author_name": "Ann Lee", "text": "ok"})
    assert json.loads(privacy.scrub_raw_row(KEY, line))["author_pseudonym"] == pseudonym(
        KEY, "trustpilot", "Ann Lee"
    )


def test_the_ledger_is_read_as_the_erasure_wrote_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RUF_DATA_DIR", str(tmp_path))
    settings = load_settings()
    assert erased_pseudonyms(settings) == frozenset()
    ledger = tmp_path / "lake" / ERASURE_LEDGER[0] / ERASURE_LEDGER[1]
    ledger.parent.mkdir(parents=True)
    lines = [{"author_pseudonym": "0123456789abcdef", "erased_at": "2026-11-23T10:00:00+00:00"}]
    lines.append({"author_pseudonym": "fedcba9876543210", "erased_at": "2026-11-24T10:00:00+00:00"})
    ledger.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert (
        erased_pseudonyms(settings)
        == erased_authors(settings)
        == {
            "0123456789abcdef",
            "fedcba9876543210",
        }
    )
    ledger.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1: not an erasure record"):
        erased_pseudonyms(settings)
