"""The transforms' normalisers on hostile and generated input: a value or a reason, never a crash.

Property-based (hypothesis) over ``transforms.ratings``, ``transforms.dates``,
``transforms.text`` and ``transforms.privacy``, plus the seed corpus of nasty
cases in ``corpus/``. The transforms' own tests check the documented forms
(tests/transforms/); these check what must hold for *any* input.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, timedelta

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.reliability_support import corpus
from transforms import dates, ratings, shown_dates, text
from transforms.privacy import pseudonym, scrub_raw_row
from transforms.rawread import extract, split_lines

FETCHED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RATING_REASONS = {
    ratings.RATING_MISSING,
    ratings.RATING_NOT_NUMERIC,
    ratings.RATING_OUT_OF_SCALE,
    ratings.SCALE_INVALID,
}
DATE_REASONS = {dates.DATE_MISSING, dates.DATE_UNPARSABLE, dates.DATE_IN_FUTURE, dates.DATE_TOO_OLD}
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as strangers write it: any code point, with a bias to the troublemakers.
NASTY_CHARS = st.sampled_from(
    ["<", ">", "&", ";", "'", '"', "\x00", "\u202e", "\u200f", "\ufffd", "\n", "\t", "€", "ß"]
)
hostile_text = st.lists(
    st.one_of(st.characters(exclude_categories=("Cs",)), NASTY_CHARS), max_size=60
).map("".join)
shown_values = st.one_of(
    st.none(),
    hostile_text,
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(-20, 20, places=2).map(lambda d: str(d).replace(".", ",")),
)


def _ts(n: int) -> pa.Array:
    return pa.array([FETCHED] * n, pa.timestamp("us", tz="UTC"))


# --- ratings ---------------------------------------------------------------------


def _normalise(values: list, worst: list, best: list) -> ratings.Ratings:
    n = len(values)
    as_text = pa.array([None if v is None else str(v) for v in values], pa.string())
    return ratings.normalise_ratings(
        as_text,
        pa.array([None if v is None else str(v) for v in worst], pa.string()),
        pa.array([None if v is None else str(v) for v in best], pa.string()),
        pa.array([1.0] * n),
        pa.array([5.0] * n),
    )


@pytest.mark.parametrize("case", corpus("ratings")["cases"], ids=repr)
def test_rating_corpus_gives_the_number_or_the_reason(case):
    r = _normalise([case["value"]], [case["worst"]], [case["best"]])
    expect = case["expect"]
    if isinstance(expect, str):
        assert r.reason.to_pylist() == [expect]
        assert r.value.to_pylist() == [None]
    else:
        assert r.reason.to_pylist() == [None]
        assert r.value.to_pylist() == [pytest.approx(expect)]


@PROPERTY
@given(
    st.lists(
        st.tuples(shown_values, st.sampled_from(["0", "0.5", "1", None, "x"]), shown_values),
        min_size=1,
        max_size=40,
    )
)
def test_any_shown_rating_is_a_number_on_its_scale_or_has_a_reason(rows):
    values, worst, best = (list(c) for c in zip(*rows, strict=True))
    r = _normalise(values, worst, best)
    for value, lo, hi, score, stars, reason in zip(
        r.value.to_pylist(),
        r.worst.to_pylist(),
        r.best.to_pylist(),
        r.score_100.to_pylist(),
        r.stars.to_pylist(),
        r.reason.to_pylist(),
        strict=True,
    ):
        if reason is None:
            assert lo != hi and min(lo, hi) <= value <= max(lo, hi)  # a grade runs down
            assert 0.0 <= score <= 100.0 and 1.0 <= stars <= 5.0
        else:
            assert reason in RATING_REASONS
            assert value is None and score is None


@PROPERTY
@given(st.integers(1, 10), st.integers(0, 9), st.sampled_from([",", "."]))
def test_decimal_comma_and_point_read_the_same_on_a_1_to_10_scale(whole, tenth, sep):
    shown = f"{whole}{sep}{tenth}"
    r = _normalise([shown], ["1"], ["10"])
    number = whole + tenth / 10
    if number <= 10:
        assert r.reason.to_pylist() == [None]
        assert r.value.to_pylist() == [pytest.approx(number)]
    else:  # 10,5 on a 1-10 scale
        assert r.reason.to_pylist() == [ratings.RATING_OUT_OF_SCALE]


# --- dates -----------------------------------------------------------------------


def _parse_dates(raw: list) -> dates.ParsedDates:
    arr = pa.array([None if v is None else str(v) for v in raw], pa.string())
    return dates.parse_dates(arr, _ts(len(raw)))


@pytest.mark.parametrize("case", corpus("dates")["cases"], ids=repr)
def test_date_corpus_gives_the_day_or_the_reason(case):
    p = _parse_dates([case["raw"]])
    expect = case["expect"]
    if "-" in expect and expect[0].isdigit():
        assert p.reason.to_pylist() == [None]
        assert p.at.to_pylist()[0].date() == date.fromisoformat(expect)
    else:
        assert p.reason.to_pylist() == [expect]


@PROPERTY
@given(st.lists(st.one_of(shown_values, st.dates().map(str)), min_size=1, max_size=40))
def test_any_shown_date_is_a_past_utc_time_or_has_a_reason(raw):
    p = _parse_dates(raw)
    limit = FETCHED + timedelta(days=1)
    for at, precision, reason in zip(
        p.at.to_pylist(), p.precision.to_pylist(), p.reason.to_pylist(), strict=True
    ):
        if reason is None:
            assert at.tzinfo is not None and at.utcoffset() == timedelta(0)
            assert at.year >= dates.EARLIEST_YEAR and at <= limit
            assert precision in ("second", "day", "month")
        else:
            assert reason in DATE_REASONS


@PROPERTY
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1990, 9999))
def test_day_month_year_is_that_day_or_unparsable_never_rolled_over(d, m, y):
    p = _parse_dates([f"{d:02d}.{m:02d}.{y}"])
    try:
        real = date(y, m, d)
    except ValueError:  # 31.02., 29.02. of a common year: never moved to March
        assert p.reason.to_pylist() == [dates.DATE_UNPARSABLE]
        return
    if real > FETCHED.date() + timedelta(days=1):
        assert p.reason.to_pylist() == [dates.DATE_IN_FUTURE]
    else:
        assert p.reason.to_pylist() == [None]
        assert p.at.to_pylist()[0].date() == real


@PROPERTY
@given(hostile_text)
def test_date_words_never_raise(shown):
    found = shown_dates.read_words(shown_dates.strip_wording(shown))
    assert found.precision in ("second", "day", "month", None)


# --- text ------------------------------------------------------------------------


@pytest.mark.parametrize("case", corpus("texts")["cases"], ids=repr)
def test_text_corpus_keeps_the_words_and_drops_the_danger(case):
    cleaned, flags = text.clean_text(pa.array([case["text"]], pa.string()))
    out = cleaned.to_pylist()[0]
    if case.get("empty"):
        assert out is None
        return
    assert case["keeps"] in out
    if "absent" in case:
        assert case["absent"] not in out
    if "flag" in case:
        assert flags[case["flag"]].to_pylist() == [True]


emails = st.builds(
    "{}.{}@{}.{}".format,
    st.from_regex(r"[a-z]{2,10}", fullmatch=True),
    st.from_regex(r"[a-z]{2,10}", fullmatch=True),
    st.from_regex(r"[a-z]{3,10}", fullmatch=True),
    st.sampled_from(["de", "org", "com"]),
)
phones = st.builds("+49 171 {}".format, st.integers(1_000_000, 9_999_999))


@PROPERTY
@given(st.lists(st.tuples(hostile_text, emails, phones, hostile_text), min_size=1, max_size=20))
def test_any_text_comes_out_clean_with_emails_and_phones_masked(rows):
    texts = [f"{a} {mail} {b} {phone}." for a, mail, phone, b in rows]
    cleaned, flags = text.clean_text(pa.array(texts, pa.string()))
    assert len(cleaned) == len(texts)
    for (_, mail, phone, _), out in zip(rows, cleaned.to_pylist(), strict=True):
        assert out is not None
        assert mail not in out and phone not in out
        assert unicodedata.is_normalized("NFC", out)
        assert out == out.strip() and "  " not in out
    # Masked, or gone with a stray "<...>" that read as a tag: either way flagged.
    masked = flags[text.MASKED_EMAIL].to_pylist()
    stripped = flags[text.HTML_STRIPPED].to_pylist()
    assert all(m or s for m, s in zip(masked, stripped, strict=True))


@PROPERTY
@given(st.lists(st.one_of(st.none(), hostile_text), min_size=1, max_size=40))
def test_any_text_column_keeps_its_length_and_never_raises(values):
    cleaned, flags = text.clean_text(pa.array(values, pa.string()))
    assert len(cleaned) == len(values)
    assert all(len(mask) == len(values) for mask in flags.values())


# --- raw rows: reading and scrubbing -------------------------------------------------


@PROPERTY
@given(st.lists(st.binary(max_size=80), max_size=30))
def test_any_bytes_split_into_rows_with_every_non_blank_line_kept(lines):
    data = b"\n".join(lines)
    arr, _ = split_lines(data)
    table = extract(pa.table({"line": arr}))
    decoded = data.decode("utf-8", errors="replace").split("\n")
    expected = [x for x in decoded if x.strip("\r\n\t ")]
    # Nothing dropped silently: every non-blank line is a row, valid or not.
    assert table.num_rows == len(expected)
    assert set(table.column("_valid").to_pylist()) <= {True, False}


author_names = st.from_regex(r"Zq[A-Za-zÄÖÜäöüß]{3,12} [A-Z][a-zäöü]{2,12}", fullmatch=True)


@PROPERTY
@given(author_names, st.from_regex(r"zq[0-9a-f]{12}", fullmatch=True), hostile_text, emails)
def test_scrubbed_quarantine_rows_hold_no_author_and_no_email(name, author_id, body, mail):
    item = {
        "kind": "review",
        "portal": "opinio",
        "author_name": name,
        "author_id": author_id,
        "text": f"{body} {mail}",
    }
    key = b"test-key"
    for line in (json.dumps(item, ensure_ascii=False), json.dumps(item)[:-7]):  # whole, cut
        out = scrub_raw_row(key, line)
        assert name not in out and author_id not in out and mail not in out
    scrubbed = json.loads(scrub_raw_row(key, json.dumps(item)))
    assert scrubbed["author_pseudonym"] == pseudonym(key, "opinio", author_id)
