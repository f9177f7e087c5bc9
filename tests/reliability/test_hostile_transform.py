"""Hostile raw items through ``transforms.run.transform``: every row clean or quarantined
with its reason, counted, and nothing personal kept.

The seed corpus (ratings, dates, texts, company names) plus broken lines
(not JSON, cut in half, invalid UTF-8, unknown portal) is written next to a
world's ordinary items (``offline_portals.export.write_raw``). The transforms' own
tests cover each documented form (tests/transforms/).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from offline_portals.export import write_raw
from tests.reliability.reliability_support import (
    ANCHOR,
    corpus,
    decoded_texts,
    find_leaks,
    hostile_items,
    lake_table,
    personal_data_in_raw,
    pipeline_env,
    raw_line_count,
    settings_for,
    small_world,
    write_lines,
)
from transforms.run import transform

PORTAL = "opinio"


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile")
    world = small_world()
    settings = settings_for(pipeline_env(data, world))
    write_raw(world, data / "raw", ANCHOR)
    cases = hostile_items(world, PORTAL)
    write_lines(
        data / "raw" / PORTAL / ANCHOR.isoformat() / "items-hostile.jsonl",
        [line for line, _, _ in cases],
    )
    report = transform(settings, run_date=ANCHOR, portals=[PORTAL])
    return data, world, cases, report


def _quarantined_by_line(data: Path) -> dict[str, list[str]]:
    rows = lake_table(data / "lake", "quarantine")
    return {r["raw_row"]: r["reason_codes"] for r in rows}


def test_every_hostile_row_ends_clean_or_quarantined_with_its_reason(hostile_run):
    data, _, cases, _ = hostile_run
    quarantine = lake_table(data / "lake", "quarantine")
    hostile_q = [r for r in quarantine if r["source_file"].endswith("items-hostile.jsonl")]
    reviews = {r["review_key"]: r for r in lake_table(data / "lake", "reviews")}
    by_id: dict[str, list[str]] = {}
    unidentified: list[list[str]] = []
    for r in hostile_q:
        try:
            row = json.loads(r["raw_row"])
            by_id[row["review_id"]] = r["reason_codes"]
        except (ValueError, KeyError, TypeError):
            unidentified.append(r["reason_codes"])
    outcomes = Counter()
    for line, expect, what in cases:
        try:
            review_id = json.loads(line.decode("utf-8", errors="replace")).get("review_id")
        except (ValueError, AttributeError):
            review_id = None
        if expect is None:
            assert f"{PORTAL}:{review_id}" in reviews, f"{what}: expected clean"
            assert review_id not in by_id, f"{what}: clean but quarantined {by_id.get(review_id)}"
            outcomes["clean"] += 1
        elif review_id in by_id:
            assert expect in by_id[review_id], f"{what}: {by_id[review_id]}"
            outcomes[expect] += 1
        else:  # lines that are no JSON object carry no id
            assert expect == "invalid_json", what
            outcomes[expect] += 1
    assert outcomes["invalid_json"] == len(unidentified) + sum(
        1 for codes in by_id.values() if "invalid_json" in codes
    )
    assert sum(outcomes.values()) == len(cases)
    print("\nhostile rows by outcome:", dict(sorted(outcomes.items())))


def test_hostile_text_is_kept_as_inert_text(hostile_run):
    data, _, _, _ = hostile_run
    reviews = {r["review_key"]: r for r in lake_table(data / "lake", "reviews")}
    for i, case in enumerate(corpus("texts")["cases"]):
        row = reviews[f"{PORTAL}:text-{i}"]
        if case.get("empty"):
            assert row["text"] is None
            continue
        assert case["keeps"] in row["text"]
        if "absent" in case:
            assert case["absent"] not in row["text"]
    flagged = reviews[f"{PORTAL}:bytes-0"]
    assert "undecodable_bytes" in flagged["text_flags"]
    assert "\ufffd" in flagged["text"]


def test_every_raw_row_is_accounted_for_per_portal(hostile_run):
    data, _, _, report = hostile_run
    lines = {PORTAL: raw_line_count(data / "raw")[PORTAL]}
    runs = {r["portal"]: r for r in lake_table(data / "lake", "runs")}
    quarantine = Counter(
        Path(r["source_file"]).parent.parent.name for r in lake_table(data / "lake", "quarantine")
    )
    print()
    for portal, n in sorted(lines.items()):
        c = report.portals[portal]
        run = runs[portal]
        print(
            f"{portal:<11} raw={n:>5} clean={c.clean_rows:>5} quarantined={c.quarantined_rows:>4} "
            f"duplicates={c.duplicate_rows:>4}"
        )
        assert c.raw_rows == n == c.clean_rows + c.quarantined_rows + c.duplicate_rows
        assert (run["raw_rows"], run["clean_rows"], run["quarantined_rows"]) == (
            c.raw_rows,
            c.clean_rows,
            c.quarantined_rows,
        )
        assert quarantine[portal] == c.quarantined_rows
    assert report.portals[PORTAL].quarantined_rows > 30  # the corpus did reach quarantine


def test_no_author_email_or_phone_in_the_lake(hostile_run):
    data, _, _, _ = hostile_run
    needles = personal_data_in_raw(data / "raw")
    assert any("@" in n for n in needles) and any(n.startswith("+49") for n in needles)
    assert any(n.startswith("Hostile Author") for n in needles)
    leaks = find_leaks(decoded_texts(data / "lake"), needles)
    assert not leaks, leaks[:20]
