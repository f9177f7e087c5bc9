"""Ratings, dates and text as real pages show them."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.contracts.lake import UTC_TS
from transforms.dates import parse_dates
from transforms.languages import DETECTABLE, READ_CHARS, detect, word_counts
from transforms.ratings import normalise_ratings, parse_count
from transforms.shown_dates import UNREADABLE, read_words
from transforms.text import clean_text, mask_pii

FETCHED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def rate(value, worst=1, best=5, default=(1.0, 5.0)):
    r = normalise_ratings(
        pa.array([None if value is None else str(value)]),
        pa.array([None if worst is None else str(worst)]),
        pa.array([None if best is None else str(best)]),
        pa.array([default[0]]),
        pa.array([default[1]]),
    )
    return (r.value[0].as_py(), r.score_100[0].as_py(), r.stars[0].as_py(), r.reason[0].as_py())


@pytest.mark.parametrize(
    ("shown", "worst", "best", "value", "score", "stars"),
    [
        ("4", 1, 5, 4.0, 75.0, 4.0),
        ("4,5", 1, 5, 4.5, 87.5, 4.5),
        (" 4.5/5 ", 1, 5, 4.5, 87.5, 4.5),
        ("10 out of 10", 1, 10, 10.0, 100.0, 5.0),
        ("8/10", 1, 5, 8.0, 77.77777777777779, 4.111111111111112),  # shown denominator wins
        ("4 von 5 Sternen", 1, 5, 4.0, 75.0, 4.0),
        ("0", 0, 5, 0.0, 0.0, 1.0),  # 0 is the bottom of a 0-5 scale
        ("2.5", 0, 5, 2.5, 50.0, 3.0),
        ("1", 1, 10, 1.0, 0.0, 1.0),
        ("5", None, None, 5.0, 100.0, 5.0),  # no declared scale: the portal's
        # A German school grade runs down, 6 (worst) to 1 (best): "Note 1,2" is 96 of 100.
        ("1,2", 6, 1, 1.2, 96.0, 4.84),
        ("6", 6, 1, 6.0, 0.0, 1.0),
    ],
)
def test_ratings_on_their_scale(shown, worst, best, value, score, stars):
    assert rate(shown, worst, best) == (value, score, stars, None)


@pytest.mark.parametrize(
    ("shown", "worst", "best", "reason"),
    [
        ("0", 1, 5, "rating_out_of_scale"),  # 0 on a 1-5 scale is an error
        ("6", 1, 5, "rating_out_of_scale"),
        ("11 out of 10", 1, 10, "rating_out_of_scale"),
        ("-1", 0, 5, "rating_out_of_scale"),
        ("N/A", 1, 5, "rating_missing"),
        ("", 1, 5, "rating_missing"),
        (None, 1, 5, "rating_missing"),
        ("k.A.", 1, 5, "rating_missing"),
        ("gut", 1, 5, "rating_not_numeric"),
        ("inf", 1, 5, "rating_not_numeric"),
        ("7", 6, 1, "rating_out_of_scale"),  # a grade is 1 to 6
        ("0,5", 6, 1, "rating_out_of_scale"),
        ("4", 5, 5, "scale_invalid"),
        ("4", "x", 5, "scale_invalid"),
    ],
)
def test_bad_ratings_have_a_reason(shown, worst, best, reason):
    value, score, stars, why = rate(shown, worst, best)
    assert (value, score, stars, why) == (None, None, None, reason)


def test_counts_as_shown():
    got = parse_count(pa.array(["1.234 Bewertungen", "12", None, "keine", "99999999999"]))
    assert got.to_pylist() == [1234, 12, None, None, None]


def when(raw):
    r = parse_dates(pa.array([None if raw is None else str(raw)]), pa.array([FETCHED], UTC_TS))
    return r.at[0].as_py(), r.precision[0].as_py(), r.reason[0].as_py()


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("shown", "at", "precision"),
    [
        ("2024-03-23T10:00:00Z", utc(2024, 3, 23, 10), "second"),
        ("2024-03-23T10:00:00.123Z", utc(2024, 3, 23, 10), "second"),
        ("2024-03-23T10:00:00+01:00", utc(2024, 3, 23, 9), "second"),
        ("2024-03-23 10:00", utc(2024, 3, 23, 10), "second"),
        ("2024-03-23", utc(2024, 3, 23), "day"),
        (1711188000, utc(2024, 3, 23, 10), "second"),
        ("1711188000", utc(2024, 3, 23, 10), "second"),
        (1711188000000, utc(2024, 3, 23, 10), "second"),
        ("1711188000.0", utc(2024, 3, 23, 10), "second"),
        ("3/7/2024", utc(2024, 3, 7), "day"),
        ("12/31/2024", utc(2024, 12, 31), "day"),
        ("23.03.2024", utc(2024, 3, 23), "day"),
        ("1.3.2024", utc(2024, 3, 1), "day"),
        ("23. März 2024", utc(2024, 3, 23), "day"),
        ("23. Maerz 2024", utc(2024, 3, 23), "day"),
        ("Samstag, 23. März 2024", utc(2024, 3, 23), "day"),
        ("Veröffentlicht am 23.03.2024", utc(2024, 3, 23), "day"),
        ("March 23, 2024", utc(2024, 3, 23), "day"),
        ("Mar 23rd, 2024", utc(2024, 3, 23), "day"),
        ("23 March 2024", utc(2024, 3, 23), "day"),
        ("März 2024", utc(2024, 3, 1), "month"),
        ("Mai 2023", utc(2023, 5, 1), "month"),
        ("2024-03", utc(2024, 3, 1), "month"),
        ("vor 3 Tagen", utc(2026, 11, 20), "day"),
        ("vor einer Woche", utc(2026, 11, 16), "day"),
        ("vor einem Tag", utc(2026, 11, 22), "day"),
        ("gestern", utc(2026, 11, 22), "day"),
        ("Heute", utc(2026, 11, 23), "day"),
        ("a week ago", utc(2026, 11, 16), "day"),
        ("3 days ago", utc(2026, 11, 20), "day"),
        ("yesterday", utc(2026, 11, 22), "day"),
        ("vor 2 Stunden", utc(2026, 11, 23, 7), "second"),
        ("vor 3 Monaten", utc(2026, 8, 1), "month"),
        ("2026-11-24T08:00:00Z", utc(2026, 11, 24, 8), "second"),  # within a day: clock skew
        # Exports and real pages (issue 16): the first part is no month, so day first.
        ("21/10/2016", utc(2016, 10, 21), "day"),
        ("21-10-2016", utc(2016, 10, 21), "day"),
        ("2025/12/09", utc(2025, 12, 9), "day"),
        ("12.04.2020 17:02", utc(2020, 4, 12, 17, 2), "second"),  # a clock without zone: UTC
        ("Reviewed in the United States on December 9, 2025", utc(2025, 12, 9), "day"),
        ("Bewertet in Deutschland am 3. März 2024", utc(2024, 3, 3), "day"),
    ],
)
def test_dates_as_shown(shown, at, precision):
    assert when(shown) == (at, precision, None)


@pytest.mark.parametrize(
    ("shown", "reason"),
    [
        ("31.02.2024", "date_unparsable"),
        ("2024-02-30", "date_unparsable"),
        ("2024-03-23T25:00:00Z", "date_unparsable"),
        ("13/13/2024", "date_unparsable"),
        ("9999-12-31", "date_in_future"),
        ("31.12.9999", "date_in_future"),
        ("2026-11-25T10:00:00Z", "date_in_future"),
        ("99999999999999999999", "date_unparsable"),
        # Before any review portal: their own reason (issue 17), not "unparsable".
        ("0001-01-01", "date_too_old"),
        ("1985-03-01", "date_too_old"),
        ("12.06.1989", "date_too_old"),
        ("N/A", "date_unparsable"),
        ("vor langer Zeit", "date_unparsable"),
        ("", "date_missing"),
        (None, "date_missing"),
    ],
)
def test_bad_dates_have_a_reason(shown, reason):
    at, precision, why = when(shown)
    assert (at, precision, why) == (None, None, reason)


def test_relative_dates_count_from_each_rows_fetch():
    fetched = pa.array([FETCHED, utc(2025, 1, 10, 23, 59)], UTC_TS)
    got = parse_dates(pa.array(["gestern", "gestern"]), fetched)
    assert got.at.to_pylist() == [utc(2026, 11, 22), utc(2025, 1, 9)]


def test_date_words_never_guess():
    assert read_words("32. März 2024") == UNREADABLE
    assert read_words("Februar 30") == UNREADABLE


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none()), max_size=20)
)
def test_normalisers_survive_anything(values):
    shown = pa.array([None if v is None else str(v) for v in values], pa.string())
    n = len(shown)
    dates = parse_dates(shown, pa.array([FETCHED] * n, UTC_TS))
    ok_or_reason = [
        a is not None or r is not None
        for a, r in zip(dates.at.to_pylist(), dates.reason.to_pylist(), strict=True)
    ]
    assert all(ok_or_reason)
    r = normalise_ratings(shown, shown, shown, pa.array([1.0] * n), pa.array([5.0] * n))
    for score, reason in zip(r.score_100.to_pylist(), r.reason.to_pylist(), strict=True):
        assert (score is None) != (reason is None)
        assert score is None or 0 <= score <= 100
    clean_text(shown)
    parse_count(shown)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.one_of(st.integers(-10, 20), st.floats(-10, 20)))
def test_rating_scores_stay_in_range(noise, value):
    _, score, stars, reason = rate(f"{value}", 1, 10)
    if reason is None:
        assert 0 <= score <= 100 and 1 <= stars <= 5


def test_text_is_cleaned_and_masked():
    text, flags = clean_text(
        pa.array(
            [
                "Gut &amp; schnell<br>wirklich  <b>top</b>",
                "Mail: anna.mueller@example.org, Tel. +49 171 1234567",
                "Cafe\u0301 am 23.03.2024 für 50 Euro, 4.5/5 seit 2019",
                "Ruf an: 030/123 45 67",
                "kaputt \ufffd text",
                "  \u00a0 ",
                None,
            ]
        )
    )
    assert text.to_pylist() == [
        "Gut & schnell wirklich top",
        "Mail: [email], Tel. [phone]",
        "Café am 23.03.2024 für 50 Euro, 4.5/5 seit 2019",
        "Ruf an: [phone]",
        "kaputt \ufffd text",
        None,
        None,
    ]
    assert flags["html_stripped"].to_pylist()[:2] == [True, False]
    assert flags["masked_email"].to_pylist()[:2] == [False, True]
    assert flags["masked_phone"].to_pylist()[:4] == [False, True, False, True]
    assert flags["undecodable_bytes"].to_pylist()[4] is True
    assert mask_pii("x a@b.de y 0171 1234567") == "x [email] y [phone]"


def test_comparisons_in_text_are_not_taken_for_tags():
    text, _ = clean_text(pa.array(["Preis < 5 Euro und > erwartet <i>gut</i>", "3<4 & 5>2"]))
    assert text.to_pylist() == ["Preis < 5 Euro und > erwartet gut", "3<4 & 5>2"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Das Zimmer war wirklich sehr sauber und das Personal ausgesprochen freundlich.", "de"),
        ("The room was really clean and the staff were extremely friendly and helpful.", "en"),
        ("Sehr gut", "de"),  # short, but clear: langdetect read such texts as anything
        ("Nie wieder!", "de"),
        ("Great service, would buy again", "en"),
        ("Excellent product, fast delivery", "en"),
        ("Produkt angekommen, funktioniert einwandfrei", "de"),  # no frequent word: lingua
        ("Très bon service, livraison rapide", "fr"),
        ("Top", None),  # too short to tell: null, not a guess
        ("ok", None),
        ("", None),
        (None, None),
    ],
)
def test_language_detection_reads_short_reviews_and_does_not_guess(text, language):
    assert detect(pa.array([text, text], pa.string())).to_pylist() == [language, language]


def _word_counts_by_regex(texts: list[str | None]) -> tuple[list[int], list[list[int]]]:
    """What ``word_counts`` must find, the plain way: RE2's ``\\pL`` runs, and each
    language's words counted by regex (as detection counted them before)."""
    from transforms.languages import _WORDS

    t = pc.utf8_lower(
        pc.utf8_slice_codeunits(pc.fill_null(pa.array(texts, pa.string()), ""), 0, READ_CHARS)
    )
    t = pc.binary_join_element_wise(" ", pc.replace_substring_regex(t, r"[^\pL]+", "  "), " ", "")
    letters = pc.utf8_length(pc.replace_substring(t, " ", "")).to_pylist()
    per_language = [
        pc.count_substring_regex(t, " (?:" + "|".join(_WORDS[c].split()) + ") ").to_pylist()
        for c in DETECTABLE
    ]
    return letters, [list(row) for row in zip(*per_language, strict=True)]


_WORDY = st.lists(
    st.one_of(
        st.sampled_from(["und", "the", "très", "è", "für", "Sehr", "GUT", "con", "una", "nicht"]),
        st.sampled_from([" ", "  ", ", ", "!", "1", "_", "-", "\n", "\u00a0", "\u2019", "ß"]),
        st.text(max_size=6),  # any code points: letters of other scripts, marks, emoji
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.one_of(st.none(), _WORDY), min_size=1, max_size=20))
def test_frequent_words_are_counted_as_a_regex_over_the_letters_would(texts):
    """word_counts reads UTF-8 bytes with numpy; it counts what a regex over the text does."""
    letters, counts = word_counts(pa.array(texts, pa.string()), DETECTABLE)
    want_letters, want_counts = _word_counts_by_regex(texts)
    assert letters.tolist() == want_letters
    assert counts.tolist() == want_counts


@settings(max_examples=40, deadline=None)
@given(
    key=st.binary(min_size=1, max_size=100),
    authors=st.lists(
        st.one_of(
            st.none(),
            st.just("  "),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), max_size=30
            ),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_pseudonyms_over_a_column_are_the_hmac_of_each_author(key, authors):
    """The column's pseudonyms (computed in DuckDB) are core.privacy's HMAC, per row; keys
    longer than a block (64 bytes) too; a blank author or a placeholder has none."""
    from core.privacy import item_pseudonym
    from transforms.privacy import pseudonymise

    n = len(authors)
    got = pseudonymise(
        key, pa.array(["trustpilot"] * n), pa.nulls(n, pa.string()), pa.array(authors, pa.string())
    ).to_pylist()
    want = [item_pseudonym(key, "trustpilot", None, a) for a in authors]
    assert got == want


_PIECES = [
    *"ab Zü0123456789+-/.@&<>;é",
    *["\t", "\n", "\x00", "\x1b", "\x85", "\xa0", "\u2003", "\ufffd", "e\u0301", "&amp;"],
    *["<br>", "<b>", "a@b.de", "+49 171 1234567", "030/123 45 67", "  "],
]
_TEXTY = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.one_of(st.none(), _TEXTY), max_size=12))
def test_text_cleaning_skips_only_rows_no_step_would_change(values):
    """Cleaning runs on the rows that may change; the rest are kept as they are: the
    result and every flag are those of every step run on every row."""
    from transforms.text import _clean

    arr = pa.array(values, pa.string())
    got, got_flags = clean_text(arr)
    every, every_flags = _clean(arr)
    every = pc.if_else(pc.equal(every, ""), pa.scalar(None, pa.string()), every)
    assert got.to_pylist() == every.to_pylist()
    assert {k: f.to_pylist() for k, f in got_flags.items()} == {
        k: f.to_pylist() for k, f in every_flags.items()
    }
