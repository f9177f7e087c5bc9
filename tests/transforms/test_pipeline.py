"""Raw JSONL -> lake, end to end on World data and hand-written nasty rows."""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from core.contracts import lake_commits
from core.contracts.lake import REVIEWS
from transforms import lake
from transforms.erase import erase_author
from transforms.privacy import pseudonym
from transforms.run import NoRawItems, transform

from .conftest import (
    ANCHOR,
    FETCHED_AT,
    make_settings,
    small_world,
    world_items,
    write_items,
    write_world,
)


def table(settings, name: str) -> pa.Table:
    return lake.read_table(settings, name)


def snapshot(settings) -> dict[str, list]:
    """Every lake table as sorted rows (run end times excluded: they are a log)."""
    out = {}
    for name in ("reviews", "mentions", "aggregates", "quarantine", "runs"):
        t = table(settings, name)
        if name == "runs":
            t = t.drop_columns(["finished_at"])
        out[name] = sorted(json.dumps(r, default=str, sort_keys=True) for r in t.to_pylist())
    return out


GOOD = {
    "kind": "review",
    "portal": "trustpilot",
    "portal_company_id": "kaffee-partner.de",
    "company_name": "KaffeePartner",
    "review_id": "good-1",
    "rating_value": 2,
    "rating_worst": 1,
    "rating_best": 5,
    "title": "Schlecht",
    "text": "Die Maschine ist kaputt. Schreibt mir: max.muster@example.org",
    "language": "de",
    "author_name": "Maximilian Mustermann",
    "author_id": "user-4711",
    "published_raw": "2026-11-01T10:00:00Z",
    "fetched_at": FETCHED_AT,
}


def nasty_rows() -> list:
    def row(**kw):
        return json.dumps({**GOOD, **kw}, ensure_ascii=False)

    return [
        row(),
        row(),  # crawled twice in one batch: a duplicate
        row(review_id="zero", rating_value=0),  # 0 on 1-5
        row(review_id="zero-ok", rating_value=0, rating_worst=0),  # 0 on 0-5 is fine
        row(review_id="na", rating_value="N/A"),
        row(review_id="word", rating_value="gut"),
        row(review_id="comma", rating_value="4,5"),
        row(review_id="feb31", published_raw="31.02.2024"),
        row(review_id="y9999", published_raw="9999-01-01"),
        row(review_id="nodate", published_raw=None),
        row(review_id="who", portal_company_id="nobody", company_name="Niemand & Söhne KG"),
        row(review_id="fuzzy", portal_company_id="other-id", company_name="Kaffee Partner GmbH"),
        row(review_id="nokey", portal_company_id=None),
        row(review_id="portal", portal="yelp"),
        row(review_id="html", text="Gut &amp; g&uuml;nstig<br/>Ruf an: 0171 1234567"),
        '{"kind": "review", "portal": "trustpilot", "author_name": "Broken Bernd", "text": "cut',
        "[1, 2, 3]",
        "",
    ]


def test_world_batch_is_clean_and_reconciles(settings):
    world = small_world()
    items = write_world(settings.data_dir / "raw", world)
    report = transform(settings)

    expected = Counter(i["kind"] for rows in items.values() for i in rows)
    assert (report.reviews, report.mentions, report.aggregates) == (
        expected["review"],
        expected["mention"],
        expected["aggregate"],
    )
    assert report.quarantined_rows == 0 and report.duplicate_rows == 0
    assert report.raw_rows == sum(expected.values())
    assert "quarantined" in report.summary()

    runs = table(settings, "runs").to_pylist()
    assert {r["portal"] for r in runs} == set(items)
    for r in runs:
        assert r["raw_rows"] == len(items[r["portal"]])
        assert r["raw_rows"] == r["clean_rows"] + r["quarantined_rows"] + r["duplicate_rows"]

    reviews = table(settings, "reviews")
    assert reviews.num_rows == expected["review"]
    assert pc.min(reviews.column("score_100")).as_py() >= 0
    assert pc.max(reviews.column("stars")).as_py() <= 5
    # Every world review lands at its company, whatever name the portal shows.
    truth = {
        (r.portal, r.review_id): r
        for c in world.companies()
        for p in c.portal_ids
        for r in world.reviews(p, c)
    }
    for row in reviews.select(
        ["portal", "portal_review_id", "company_id", "stars", "published_at"]
    ).to_pylist():
        r = truth[(row["portal"], row["portal_review_id"])]
        assert row["company_id"] == r.company_id
        # Review.stars assumes the portal's default scale; some companies use another.
        lo, hi = world.scale(r.portal, world.company(world.company_index[r.company_id]))
        assert row["stars"] == pytest.approx(1 + 4 * (r.rating - lo) / (hi - lo))
        if row["portal"] in ("trustpilot", "booking"):
            assert row["published_at"] == r.published_at.replace(microsecond=0)
    kununu = reviews.filter(pc.equal(reviews.column("portal"), "kununu"))
    assert set(kununu.column("published_precision").to_pylist()) == {"month"}
    assert all(m for m in kununu.column("sub_ratings").to_pylist())
    mentions = table(settings, "mentions")
    assert set(mentions.column("company_id").to_pylist()) <= {
        c.company_id for c in world.companies()
    }
    assert set(mentions.column("language").to_pylist()) == {"de"}


def test_nasty_rows_are_quarantined_with_reasons(settings):
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, nasty_rows())
    report = transform(settings, run_date=ANCHOR)

    reviews = {r["portal_review_id"]: r for r in table(settings, "reviews").to_pylist()}
    assert set(reviews) == {"good-1", "zero-ok", "comma", "fuzzy", "html"}
    assert reviews["comma"]["rating_value"] == 4.5 and reviews["comma"]["rating_raw"] == "4,5"
    assert reviews["zero-ok"]["score_100"] == 0.0
    assert reviews["fuzzy"]["company_id"] == "kaffee-partner"
    assert reviews["html"]["text"] == "Gut & günstig Ruf an: [phone]"
    assert set(reviews["html"]["text_flags"]) == {"html_stripped", "masked_phone"}
    assert reviews["good-1"]["text"].endswith("[email]")
    assert reviews["good-1"]["author_pseudonym"] == pseudonym(
        b"test-pseudonym-key", "trustpilot", "user-4711"
    )

    q = table(settings, "quarantine").to_pylist()
    by_id = {}
    for r in q:
        try:
            by_id[json.loads(r["raw_row"]).get("review_id")] = r["reason_codes"]
        except ValueError:
            by_id.setdefault("broken", []).extend(r["reason_codes"])
        except AttributeError:
            by_id["array"] = r["reason_codes"]
    assert by_id == {
        "zero": ["rating_out_of_scale"],
        "na": ["rating_missing"],
        "word": ["rating_not_numeric"],
        "feb31": ["date_unparsable"],
        "y9999": ["date_in_future"],
        "nodate": ["date_missing"],
        "who": ["unmatched_company"],
        "nokey": ["missing_key_field"],
        "portal": ["unknown_portal"],
        "broken": ["invalid_json"],
        "array": ["invalid_json"],
    }
    assert report.unmatched_companies == ["trustpilot: nobody (Niemand & Söhne KG)"]
    counts = report.portals["trustpilot"]
    assert (counts.raw_rows, counts.clean_rows, counts.quarantined_rows, counts.duplicate_rows) == (
        17,
        5,
        11,
        1,
    )
    run = table(settings, "runs").to_pylist()
    assert [
        (r["raw_rows"], r["clean_rows"], r["quarantined_rows"], r["duplicate_rows"]) for r in run
    ] == [(17, 5, 11, 1)]


def test_unreadable_reply_and_stay_dates_are_kept_null_and_flagged(settings):
    reply = {
        **GOOD,
        "review_id": "reply-odd",
        "reply_text": "Danke!",
        "reply_raw_date": "irgendwann",
        "experienced_raw": "31.02.2024",
    }
    fine = {
        **GOOD,
        "review_id": "reply-ok",
        "reply_text": "Danke!",
        "reply_raw_date": "2026-11-02T08:00:00Z",
    }
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [reply, fine])
    transform(settings, run_date=ANCHOR)
    rows = {r["portal_review_id"]: r for r in table(settings, "reviews").to_pylist()}
    odd, ok = rows["reply-odd"], rows["reply-ok"]
    assert odd["replied_at"] is None and odd["experienced_at"] is None
    assert {"reply_date_unparsable", "experienced_date_unparsable"} <= set(odd["text_flags"])
    assert ok["replied_at"] is not None
    assert "reply_date_unparsable" not in ok["text_flags"]


def test_no_author_name_or_id_anywhere_in_the_lake(settings):
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, nasty_rows())
    items = write_world(settings.data_dir / "raw", small_world(companies=6))
    transform(settings)
    secrets = {"Maximilian Mustermann", "user-4711", "Broken Bernd", "max.muster@example.org"}
    for rows in items.values():
        secrets |= {i["author_id"] for i in rows if i.get("author_id")}
        secrets |= {
            i["author_name"] for i in rows if i.get("author_name") and len(i["author_name"]) > 6
        }
    for name in REVIEWS_AND_ALL:
        dump = json.dumps(table(settings, name).to_pylist(), default=str, ensure_ascii=False)
        leaked = [s for s in secrets if s in dump]
        assert not leaked, (name, leaked[:3])


REVIEWS_AND_ALL = ("reviews", "mentions", "aggregates", "quarantine", "runs")


def test_recrawl_keeps_one_row_and_edits_update_it(settings):
    raw = settings.data_dir / "raw"
    first = {**GOOD, "review_id": "a"}
    other = {**GOOD, "review_id": "b", "text": "Alles gut"}
    write_items(
        raw,
        "trustpilot",
        "2026-11-20",
        [
            {**first, "fetched_at": "2026-11-20T08:00:00Z"},
            {**other, "fetched_at": "2026-11-20T08:00:00Z"},
        ],
    )
    transform(settings)
    before = {r["portal_review_id"]: r for r in table(settings, "reviews").to_pylist()}

    write_items(
        raw,
        "trustpilot",
        "2026-11-23",
        [
            {
                **first,
                "fetched_at": "2026-11-23T08:00:00Z",
                "reply_text": "Wir melden uns.",
                "reply_raw_date": "2026-11-22",
            },
            {**other, "fetched_at": "2026-11-23T08:00:00Z"},
        ],
    )
    transform(settings, run_date=date(2026, 11, 23))
    after = {r["portal_review_id"]: r for r in table(settings, "reviews").to_pylist()}

    assert len(after) == 2
    t20, t23 = datetime(2026, 11, 20, 8, tzinfo=UTC), datetime(2026, 11, 23, 8, tzinfo=UTC)
    for rid in ("a", "b"):
        assert (after[rid]["first_seen_at"], after[rid]["last_seen_at"]) == (t20, t23)
    assert after["a"]["reply_text"] == "Wir melden uns."
    assert after["a"]["content_hash"] != before["a"]["content_hash"]
    assert after["b"]["content_hash"] == before["b"]["content_hash"]

    # Rerunning the older day does not roll the edit back.
    transform(settings, run_date=date(2026, 11, 20))
    again = {r["portal_review_id"]: r for r in table(settings, "reviews").to_pylist()}
    assert again == after


def _partitions_of(settings, review_id: str) -> list[str]:
    fs, root = lake.lake_fs(settings)
    out = []
    for values in lake.list_partitions(fs, root, "reviews"):
        rows = lake.read_partition(fs, root, "reviews", values)
        out += [values["review_month"]] * rows.filter(
            pc.equal(rows.column("portal_review_id"), review_id)
        ).num_rows
    return out


def test_a_review_whose_date_moves_to_another_month_is_kept_once(settings):
    """A relative date ("vor 3 Tagen") read on another day can put the same review in
    another month: the lake keeps one row, in the latest version's month."""
    raw = settings.data_dir / "raw"
    moving = {**GOOD, "review_id": "moving", "published_raw": "2026-10-31T22:00:00Z"}
    staying = {**GOOD, "review_id": "staying", "published_raw": "2026-10-15T10:00:00Z"}
    write_items(
        raw,
        "trustpilot",
        "2026-11-20",
        [
            {**moving, "fetched_at": "2026-11-20T08:00:00Z"},
            {**staying, "fetched_at": "2026-11-20T08:00:00Z"},
        ],
    )
    transform(settings)
    assert _partitions_of(settings, "moving") == ["2026-10"]

    later = {
        **moving,
        "published_raw": "2026-11-01T09:00:00Z",
        "fetched_at": "2026-11-23T08:00:00Z",
    }
    write_items(raw, "trustpilot", "2026-11-23", [later])
    report = transform(settings, run_date=date(2026, 11, 23))
    assert report.clean_rows == 1
    assert _partitions_of(settings, "moving") == ["2026-11"]
    assert _partitions_of(settings, "staying") == ["2026-10"]  # its partition was rewritten
    row = (
        table(settings, "reviews")
        .filter(pc.equal(table(settings, "reviews").column("portal_review_id"), "moving"))
        .to_pylist()[0]
    )
    assert row["first_seen_at"] == datetime(2026, 11, 20, 8, tzinfo=UTC)
    assert row["last_seen_at"] == datetime(2026, 11, 23, 8, tzinfo=UTC)

    # An older fetch replayed later loses to the newer version already in the lake.
    write_items(raw, "trustpilot", "2026-11-24", [{**moving, "fetched_at": "2026-11-19T08:00:00Z"}])
    transform(settings, run_date=date(2026, 11, 24))
    assert _partitions_of(settings, "moving") == ["2026-11"]
    row = (
        table(settings, "reviews")
        .filter(pc.equal(table(settings, "reviews").column("portal_review_id"), "moving"))
        .to_pylist()[0]
    )
    assert row["first_seen_at"] == datetime(2026, 11, 19, 8, tzinfo=UTC)


def test_versions_in_different_slices_of_one_batch_are_deduplicated(settings, monkeypatch):
    """A batch read in several slices (a big run) still keeps one row per review: the
    latest fetch, or on equal fetch times the later file's, spanning every fetch."""
    monkeypatch.setattr("transforms.rawread.SLICE_BYTES", 1)  # one raw file per slice
    raw = settings.data_dir / "raw"
    a = {**GOOD, "review_id": "a", "published_raw": "2026-10-31T22:00:00Z"}
    write_items(
        raw,
        "trustpilot",
        "2026-11-23",
        [{**a, "fetched_at": "2026-11-23T08:00:00Z"}],
        shard="s1of3",
    )
    write_items(
        raw,
        "trustpilot",
        "2026-11-23",
        [{**a, "fetched_at": "2026-11-23T07:00:00Z", "published_raw": "2026-11-02T08:00:00Z"}],
        shard="s2of3",
    )
    write_items(
        raw,
        "trustpilot",
        "2026-11-23",
        [{**a, "fetched_at": "2026-11-23T08:00:00Z", "title": "Später bearbeitet"}],
        shard="s3of3",
    )
    report = transform(settings, run_date=date(2026, 11, 23))
    counts = report.portals["trustpilot"]
    assert (counts.raw_rows, counts.clean_rows, counts.duplicate_rows) == (3, 1, 2)
    assert _partitions_of(settings, "a") == ["2026-10"]
    (row,) = table(settings, "reviews").to_pylist()
    assert row["title"] == "Später bearbeitet"
    assert row["first_seen_at"] == datetime(2026, 11, 23, 7, tzinfo=UTC)
    assert row["last_seen_at"] == datetime(2026, 11, 23, 8, tzinfo=UTC)


def test_rerun_yields_the_same_lake(settings):
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, nasty_rows())
    write_world(settings.data_dir / "raw", small_world(companies=6))
    transform(settings)
    once = snapshot(settings)
    transform(settings)
    assert snapshot(settings) == once
    assert sum(len(v) for v in once.values()) > 500


def test_big_files_cut_into_slices_for_worker_processes_give_the_same_lake(tmp_path, monkeypatch):
    """A big run is cut into slices (big files into pieces at line ends) that run in
    parallel processes: the same lake rows, quarantine (raw lines found again by their
    row number) and counts as the whole run read at once in this process."""
    lakes = {}
    for name, workers, slice_bytes in (("whole", "1", 1 << 30), ("pieces", "2", 20_000)):
        monkeypatch.setenv("RUF_TRANSFORM_WORKERS", workers)
        monkeypatch.setattr("transforms.rawread.SLICE_BYTES", slice_bytes)
        settings = make_settings(tmp_path / name)
        raw = settings.data_dir / "raw"
        items = write_world(raw, small_world(companies=6))
        # Nasty lines (blank, broken, not objects) in the middle of a file that is cut.
        lines = [json.dumps(i, ensure_ascii=False) for i in items["trustpilot"]]
        half = len(lines) // 2
        write_items(raw, "trustpilot", ANCHOR, [*lines[:half], *nasty_rows(), *lines[half:]])
        write_items(raw, "trustpilot", ANCHOR, nasty_rows()[:3], shard="zz-again")
        report = transform(settings)
        assert report.duplicate_rows > 0 and report.quarantined_rows > 0
        quarantine = table(settings, "quarantine").drop_columns(["quarantined_at", "source_file"])
        lakes[name] = (
            {n: table(settings, n) for n in ("reviews", "mentions", "aggregates")},
            sorted(json.dumps(r, sort_keys=True) for r in quarantine.to_pylist()),
            report.summary().rsplit(";", 1)[0],
        )
    big = max(p.stat().st_size for p in (tmp_path / "pieces").rglob("items-*.jsonl"))
    assert big > 3 * 20_000, "the test needs a file that is cut into pieces"
    assert lakes["pieces"][1] == lakes["whole"][1]
    assert lakes["pieces"] == lakes["whole"]


def test_erase_author_removes_reviews_mentions_and_quarantine(settings):
    raw = settings.data_dir / "raw"
    write_items(
        raw,
        "trustpilot",
        ANCHOR,
        [
            {**GOOD, "review_id": "keep", "author_id": "someone-else"},
            {**GOOD, "review_id": "x1"},
            {**GOOD, "review_id": "x2", "rating_value": "N/A"},
        ],
    )
    write_items(
        raw,
        "forum",
        ANCHOR,
        [
            {
                **GOOD,
                "kind": "mention",
                "portal": "forum",
                "portal_company_id": "t-kaffee-partner",
                "review_id": "p1",
                "rating_value": None,
                "published_raw": "gestern",
            },
        ],
    )
    transform(settings)
    who = pseudonym(b"test-pseudonym-key", "trustpilot", "user-4711")
    assert erase_author(settings, who) == {
        "raw_items": 2,
        "reviews": 1,
        "mentions": 0,
        "quarantine": 1,
    }
    assert [r["portal_review_id"] for r in table(settings, "reviews").to_pylist()] == ["keep"]
    assert table(settings, "quarantine").num_rows == 0
    forum_who = pseudonym(b"test-pseudonym-key", "forum", "user-4711")
    assert erase_author(settings, forum_who) == {
        "raw_items": 1,
        "reviews": 0,
        "mentions": 1,
        "quarantine": 0,
    }
    assert table(settings, "mentions").num_rows == 0


def test_an_erased_author_stays_erased_through_raw_reruns_and_new_crawls(settings, monkeypatch):
    raw = settings.data_dir / "raw"
    theirs = [
        {**GOOD, "review_id": "x1", "author_name": "Anna A", "author_id": "user-1"},
        {**GOOD, "review_id": "x2", "author_name": "Anna A", "author_id": " user-1 "},
    ]
    # Quarantined, and naming no portal: its pseudonym comes from the folder's portal.
    unrated = {k: v for k, v in theirs[0].items() if k != "portal"}
    unrated.update(review_id="x0", rating_value="N/A")
    others = [{**GOOD, "review_id": "keep", "author_id": "someone-else"}]
    path = write_items(raw, "trustpilot", ANCHOR, [*others, *theirs, unrated, "", others[0]])
    transform(settings)
    assert table(settings, "quarantine").num_rows == 1
    write_items(raw, "kununu", ANCHOR, [])  # an empty raw file (a replay with no pages)
    who = pseudonym(b"test-pseudonym-key", "trustpilot", "user-1")
    monkeypatch.setattr("transforms.rawread.SLICE_BYTES", 300)  # big files are read in pieces

    removed = erase_author(settings, who)
    monkeypatch.undo()

    assert removed == {"raw_items": 3, "reviews": 2, "mentions": 0, "quarantine": 1}
    # Their items are cut out of the raw file; the other lines keep their bytes.
    left = path.read_text(encoding="utf-8").splitlines()
    assert "user-1" not in path.read_text(encoding="utf-8")
    assert [json.loads(x)["review_id"] for x in left if x] == ["keep", "keep"]
    assert erase_author(settings, who)["reviews"] == 0  # erasing twice is harmless

    # The portal still shows the review: the next crawl brings it, the next
    # transform keeps it out (quarantined or not).
    later = "2026-11-24"
    write_items(raw, "trustpilot", later, [*others, *theirs, unrated])
    report = transform(settings)

    assert [r["portal_review_id"] for r in table(settings, "reviews").to_pylist()] == ["keep"]
    assert table(settings, "quarantine").num_rows == 0
    assert report.erased_rows == 3 and "3 of erased authors" in report.summary()
    run = next(r for r in table(settings, "runs").to_pylist() if r["run_date"] == later)
    assert (run["raw_rows"], run["clean_rows"], run["duplicate_rows"], run["erased_rows"]) == (
        4,
        1,
        0,
        3,
    )


def test_an_erase_waits_for_a_running_transform_to_commit(settings):
    # A transform rewrites partitions from what it read: an erase in between would
    # be undone by its commit. Both take the lake's writer lock.
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [GOOD])
    transform(settings)
    who = pseudonym(b"test-pseudonym-key", "trustpilot", "user-4711")
    done: list = []
    with lake_commits.writer(settings):  # as a transform holds it
        erasing = threading.Thread(target=lambda: done.append(erase_author(settings, who)))
        erasing.start()
        erasing.join(timeout=2)
        assert erasing.is_alive() and not done
        assert table(settings, "reviews").num_rows == 1
    erasing.join(timeout=60)
    assert done and done[0]["reviews"] == 1
    assert table(settings, "reviews").num_rows == 0


def test_older_partitions_without_new_columns_stay_readable(settings):
    write_items(
        settings.data_dir / "raw",
        "trustpilot",
        "2026-11-20",
        [{**GOOD, "review_id": "old", "fetched_at": "2026-11-20T08:00:00Z"}],
    )
    transform(settings)
    # Rewrite the partition as an older writer would have: without a column.
    fs, root = lake.lake_fs(settings)
    part = lake.list_partitions(fs, root, "reviews")[0]
    path = lake.partition_path(root, "reviews", part) + "/" + lake.PART_FILE
    import pyarrow.parquet as pq

    pq.write_table(pq.read_table(path).drop_columns(["response_sha256"]), path)
    write_items(settings.data_dir / "raw", "trustpilot", ANCHOR, [{**GOOD, "review_id": "new"}])
    transform(settings, run_date=ANCHOR)
    rows = table(settings, "reviews")
    assert rows.schema == REVIEWS
    assert sorted(rows.column("portal_review_id").to_pylist()) == ["new", "old"]


def test_missing_raw_input_is_a_clear_error(settings):
    with pytest.raises(NoRawItems, match="no raw items"):
        transform(settings, run_date=ANCHOR)


def test_world_items_cover_every_kind():
    items = world_items(small_world(companies=6))
    kinds = Counter(i["kind"] for rows in items.values() for i in rows)
    assert kinds["review"] and kinds["mention"] and kinds["aggregate"]
