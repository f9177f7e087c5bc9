"""Great Expectations quarantine and the data-quality page; the same transform on S3 (moto)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from types import SimpleNamespace

import pyarrow as pa
import pytest

from core.contracts.lake import REVIEWS
from transforms import lake
from transforms.row_checks import check_rows
from transforms.run import transform
from transforms.validate import ValidationFailed, check_batch, summarise

from .conftest import ANCHOR, make_settings, write_items
from .test_pipeline import GOOD

LANGS = {"trustpilot": ("de", "en"), "kununu": ("de",)}


def review_rows(n: int = 3, overrides: dict[int, dict] | None = None) -> pa.Table:
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    base = {f.name: None for f in REVIEWS}
    base.update(
        review_key="trustpilot:x",
        portal="trustpilot",
        company_id="c",
        portal_company_id="c",
        rating_value=4.0,
        rating_worst=1.0,
        rating_best=5.0,
        score_100=75.0,
        stars=4.0,
        language="de",
        published_at=now,
        published_precision="day",
        content_hash="h",
        fetched_at=now,
        first_seen_at=now,
        last_seen_at=now,
        review_month="2026-11",
    )
    rows = [{**base, "review_key": f"trustpilot:{i}"} for i in range(n)]
    for i, kw in (overrides or {}).items():
        rows[i].update(kw)
    return pa.Table.from_pylist(rows, schema=REVIEWS)


def test_rows_breaking_a_rule_are_flagged_by_expectation_and_column_with_the_value():
    rows = review_rows(
        4,
        {
            1: {"score_100": 150.0},
            2: {"portal": "kununu", "language": "en"},
            3: {"stars": 6.2, "published_precision": "year", "company_id": None},
        },
    )
    failures, checks = check_rows("reviews", rows, sorted(LANGS), datetime.now(UTC))
    assert failures == {
        1: [
            (
                "gx:expect_column_values_to_be_between:score_100",
                "score_100 150.0 not between 0 and 100",
            )
        ],
        # Several broken rules: in the order GX reports them (by column).
        3: [
            ("gx:expect_column_values_to_not_be_null:company_id", "company_id missing"),
            ("gx:expect_column_values_to_be_between:stars", "stars 6.2 not between 1 and 5"),
            (
                "gx:expect_column_values_to_be_in_set:published_precision",
                "published_precision 'year' not in [second, day, month]",
            ),
        ],
    }  # a language outside its portal's list is no expectation of GX: kept (flagged)
    by_rule = {c.rule: c for c in checks}
    assert by_rule["score_100 between 0 and 100"].failed == 1
    assert by_rule["score_100 between 0 and 100"].examples == [
        "score_100 150.0 not between 0 and 100"
    ]
    assert by_rule["review_key not null"].failed == 0 and by_rule["review_key not null"].rows == 4


def _ctx():
    return SimpleNamespace(languages=LANGS, now=datetime.now(UTC))


def test_great_expectations_checks_what_every_slice_keeps():
    now = datetime.now(UTC)
    summaries = [summarise("reviews", review_rows(3), sorted(LANGS), now) for _ in range(2)]
    checks = check_batch(_ctx(), summaries)
    rules = {c.rule for c in checks}
    assert "Great Expectations, 2 slice summaries: stars between 1 and 5" in rules
    assert "Great Expectations, 6 sampled rows: the lake's columns, exactly" in rules
    assert all(c.failed == 0 for c in checks)


def test_a_batch_of_one_small_slice_has_gx_check_every_row_once_per_rule():
    """A daily run: one validation over all its rows, no summary expectations besides."""
    from transforms.row_checks import rules as rules_of

    now = datetime.now(UTC)
    checks = check_batch(_ctx(), [summarise("reviews", review_rows(4), sorted(LANGS), now)])
    assert len(checks) == len(rules_of("reviews", sorted(LANGS), now))
    assert {c.rows for c in checks} == {4}
    assert "Great Expectations, all 4 rows: review_key unique" in {c.rule for c in checks}


def test_great_expectations_failures_stop_the_run(monkeypatch):
    now = datetime.now(UTC)
    repeated = summarise(
        "reviews", review_rows(3, {2: {"review_key": "trustpilot:0"}}), sorted(LANGS), now
    )
    with pytest.raises(ValidationFailed, match="expect_column_values_to_be_unique on review_key"):
        check_batch(_ctx(), [repeated])
    # A row no row check caught (here: made after them) is caught in GX's summary.
    late = summarise("reviews", review_rows(2, {1: {"stars": 7.0}}), sorted(LANGS), now)
    with pytest.raises(ValidationFailed, match="expect_column_values_to_be_between on stars"):
        check_batch(_ctx(), [late])

    from transforms import validate

    original = validate._frame
    # A writer that lost a column: the rows GX sees lack it.
    monkeypatch.setattr(validate, "_frame", lambda t, s: original(t, s).drop(columns=["verified"]))
    with pytest.raises(ValidationFailed, match="expect_table_columns_to_match_set"):
        check_batch(_ctx(), [summarise("reviews", review_rows(2), sorted(LANGS), now)])


def test_language_outside_the_portal_is_kept_flagged_and_noted_on_the_page(settings):
    write_items(
        settings.data_dir / "raw",
        "kununu",
        ANCHOR,
        [
            {
                **GOOD,
                "portal": "kununu",
                "portal_company_id": "kaffeepartner",
                "review_id": "fr",
                "language": "fr",
            },
            {**GOOD, "portal": "kununu", "portal_company_id": "kaffeepartner", "review_id": "de"},
        ],
    )
    report = transform(settings)
    assert lake.read_table(settings, "quarantine").num_rows == 0
    reviews = {r["portal_review_id"]: r for r in lake.read_table(settings, "reviews").to_pylist()}
    assert reviews["fr"]["language"] == "fr"
    assert "language_not_in_portal" in reviews["fr"]["text_flags"]
    assert "language_not_in_portal" not in reviews["de"]["text_flags"]
    runs = lake.read_table(settings, "runs").to_pylist()
    assert [(r["raw_rows"], r["clean_rows"], r["quarantined_rows"]) for r in runs] == [(2, 2, 0)]
    docs = report.data_docs
    assert docs == settings.reports_dir / "data-docs" / ANCHOR.isoformat() / "index.html"
    page = docs.read_text()
    assert "language in the portal&#x27;s languages" in page and "kununu: fr" in page
    assert "noted (rows kept)" in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_raw_and_lake_on_s3(tmp_path, monkeypatch):
    import boto3
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        for k, v in {
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }.items():
            monkeypatch.setenv(k, v)
        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="ruf")
        s = make_settings(
            tmp_path, raw_url="s3://ruf/raw", lake_url="s3://ruf/lake", s3_endpoint_url=endpoint
        )
        local = write_items(
            tmp_path / "staging",
            "trustpilot",
            ANCHOR,
            [
                {**GOOD, "review_id": "s3-1"},
                {**GOOD, "review_id": "s3-2", "rating_value": "N/A"},
            ],
        )
        from core.storage import filesystem_for

        fs, root = filesystem_for(s.raw_url, s)
        fs.put(str(local), f"{root}/trustpilot/{ANCHOR}/items-all.jsonl")

        report = transform(s)
        assert (report.clean_rows, report.quarantined_rows) == (1, 1)
        lake_fs, lake_root = filesystem_for(s.lake_url, s)
        files = lake_fs.glob(f"{lake_root}/reviews/portal=trustpilot/*/*.parquet")
        assert len(files) == 1
        assert lake.read_table(s, "reviews").column("portal_review_id").to_pylist() == ["s3-1"]
        transform(s)  # rerun on S3 is idempotent too
        assert lake.read_table(s, "reviews").num_rows == 1
        assert lake.read_table(s, "quarantine").num_rows == 1
    finally:
        server.stop()
