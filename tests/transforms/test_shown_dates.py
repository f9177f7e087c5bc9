"""Dates as real pages show them (``transforms.shown_dates`` through
``transforms.dates``), from the forms the saved real pages and exports carry."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest

from core.contracts.lake import UTC_TS
from transforms.date_words import MONTHS, by_word
from transforms.dates import parse_dates, parse_shown_date
from transforms.shown_dates import (
    DAY_FIRST,
    MONTH_FIRST,
    date_order,
    month_first,
    read_words,
    strip_wording,
)

FETCHED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("Reviewed in Germany on 3 March 2024", "en-us", (at(2024, 3, 3), "day")),
        ("Reviewed in the United States on August 2, 2021", "en-us", (at(2021, 8, 2), "day")),
        ("Reviewed in India 🇮🇳 on 21 November 2023", None, (at(2023, 11, 21), "day")),
        ("Revisado en España el 25 de agosto de 2017", "es-es", (at(2017, 8, 25), "day")),
        ("Rezension aus Deutschland vom 3. März 2024", "de-de", (at(2024, 3, 3), "day")),
        ("Bewertet in Deutschland am 3. März 2024", None, (at(2024, 3, 3), "day")),
        ("Commenté en France le 3 mars 2024", "fr-fr", (at(2024, 3, 3), "day")),
        ("Veröffentlicht am 23.03.2024", "de", (at(2024, 3, 23), "day")),
        ("Published: 2024-03-23T10:00:00Z", None, (at(2024, 3, 23, 10), "second")),
        ("Date of experience: March 2024", "en", (at(2024, 3, 1), "month")),
        ("Samstag, 23. März 2024", "de", (at(2024, 3, 23), "day")),
        ("Oktober 2025", "de", (at(2025, 10, 1), "month")),
        ("Sep 22, 2025", "en-US", (at(2025, 9, 22), "day")),
        ("September 3, 2023", "en-US", (at(2023, 9, 3), "day")),
        ("27. September 2018", "de", (at(2018, 9, 27), "day")),
        ("23. Juni 2016 um 17:21 Uhr", "de-DE", (at(2016, 6, 23, 17, 21), "second")),
        ("Tue, 21 Nov 2023 21:41:08 GMT", None, (at(2023, 11, 21, 21, 41, 8), "second")),
        # Numeric dates: the locale says which part is the day; a part over 12 decides.
        ("3/4/2024", "en-US", (at(2024, 3, 4), "day")),
        ("3/4/2024", "en-GB", (at(2024, 4, 3), "day")),
        ("3/4/2024", "de", (at(2024, 4, 3), "day")),
        ("3/4/2024", "fr", (at(2024, 4, 3), "day")),
        ("3/4/2024", None, (at(2024, 3, 4), "day")),  # no locale: month first, as US exports
        ("3.4.2024", "de", (at(2024, 4, 3), "day")),
        ("3.4.2024", "en-US", (at(2024, 4, 3), "day")),  # dots are day first everywhere
        ("3-4-2024", "en-US", (at(2024, 3, 4), "day")),
        ("3-4-2024", None, (at(2024, 4, 3), "day")),
        ("21/10/2016", "en-US", (at(2016, 10, 21), "day")),
        ("21/10/2016", None, (at(2016, 10, 21), "day")),
        ("4/13/2024", "de", (at(2024, 4, 13), "day")),
        ("21-10-2016", None, (at(2016, 10, 21), "day")),
        ("2025/12/09", None, (at(2025, 12, 9), "day")),
        ("3.4.24", "de", (at(2024, 4, 3), "day")),
        ("03/2024", "de", (at(2024, 3, 1), "month")),
        ("11/21/2023 21:41:08", None, (at(2023, 11, 21, 21, 41, 8), "second")),
        ("03/04/2024 10:00 AM", None, (at(2024, 3, 4, 10), "second")),
        ("03/04/2024 10:00 AM", "en-GB", (at(2024, 4, 3, 10), "second")),
        ("12.04.2020 17:02", "de", (at(2020, 4, 12, 17, 2), "second")),
        ("von lupa am 26/10/13, 03:48 pm", "de", (at(2013, 10, 26, 15, 48), "second")),
        ("2018-09-27T14:51:09+0200", None, (at(2018, 9, 27, 12, 51, 9), "second")),
        ("2025-09-22T16:46:34-05:00", None, (at(2025, 9, 22, 21, 46, 34), "second")),
        ("2020-02-21 15:23:13 UTC", None, (at(2020, 2, 21, 15, 23, 13), "second")),
        ("2025-08-23T21:11:05.447", None, (at(2025, 8, 23, 21, 11, 5), "second")),
        ("2020-11-27", None, (at(2020, 11, 27), "day")),
        (1497657494, None, (at(2017, 6, 16, 23, 58, 14), "second")),
        ("1538052669000", None, (at(2018, 9, 27, 12, 51, 9), "second")),
        # Relative dates count back from the fetch.
        ("a week ago", "en", (at(2026, 11, 16), "day")),
        ("vor 3 Tagen", "de", (at(2026, 11, 20), "day")),
        ("vor einer Woche", "de", (at(2026, 11, 16), "day")),
        ("il y a 2 mois", "fr", (at(2026, 9, 1), "month")),
        ("hace 3 días", "es", (at(2026, 11, 20), "day")),
        ("2 ore fa", "it", (at(2026, 11, 23, 7, 30), "second")),
        ("3 dagen geleden", "nl", (at(2026, 11, 20), "day")),
        ("in the last week", "en", (at(2026, 11, 16), "day")),
        ("yesterday", "en", (at(2026, 11, 22), "day")),
        ("2 hours ago", "en", (at(2026, 11, 23, 7, 30), "second")),
    ],
)
def test_shown_dates(text, locale, expected) -> None:
    assert parse_shown_date(text, locale, FETCHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "n/a",
        "31.02.2024",
        "13/13/2024",
        "31/02/2024 10:00",
        "2025/13/01",
        "Keine Kommentare",
        "12 points",
        "1/2",
        "Februar 30",
        "32. März 2024",
        True,
    ],
)
def test_unreadable_dates_are_none_not_errors(text) -> None:
    assert parse_shown_date(text, "de", FETCHED) == (None, None)


@pytest.mark.parametrize(
    ("shown", "rest"),
    [
        ("Reviewed in the United States on December 9, 2025", "december 9, 2025"),
        ("Reviewed in India 🇮🇳 on 21 November 2023", "21 november 2023"),
        ("Bewertet in Deutschland am 3. März 2024", "3. märz 2024"),
        ("Reviewed on 3 March 2024", "3 march 2024"),
        ("posted 12.04.2020 17:02", "12.04.2020 17:02"),
        ("am Freitag, 1. März 2024", "1. märz 2024"),
        ("December 9, 2025", "december 9, 2025"),  # nothing around it
        ("il y a 2 mois", "il y a 2 mois"),  # a date, not wording
    ],
)
def test_the_wording_around_a_date_is_cut_off(shown, rest) -> None:
    assert strip_wording(shown) == rest


@pytest.mark.parametrize(
    ("locale", "order"),
    [
        ("en-US", MONTH_FIRST),
        ("en_us", MONTH_FIRST),
        ("en-GB", DAY_FIRST),
        ("de-AT", DAY_FIRST),
        ("fr", DAY_FIRST),
        (None, None),
        ("  ", None),
    ],
)
def test_the_locale_says_which_part_is_the_month(locale, order) -> None:
    assert date_order(locale) == order
    assert month_first(locale) == (order == MONTH_FIRST)


def test_relative_words_are_how_far_back_not_a_time() -> None:
    assert read_words("vor 3 Tagen") == (None, 3 * 86_400, "day")
    assert read_words("vor langer Zeit") == (None, None, None)


def test_one_column_reads_each_row_in_its_own_locale() -> None:
    shown = pa.array(["3/4/2024", "3/4/2024", "3/4/2024", "vor 3 Tagen", "vor 3 Tagen"])
    fetched = pa.array([FETCHED, FETCHED, FETCHED, FETCHED, at(2025, 1, 2, 8)], UTC_TS)
    locale = pa.array(["en-US", "de", None, "de", None])
    got = parse_dates(shown, fetched, locale)
    assert got.at.to_pylist() == [
        at(2024, 3, 4),
        at(2024, 4, 3),
        at(2024, 3, 4),
        at(2026, 11, 20),
        at(2024, 12, 30),
    ]
    assert got.reason.to_pylist() == [None] * 5


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # Polish, Czech, Russian and Ukrainian month names as a date says them (genitive).
        ("11 lutego 2025", "pl", (at(2025, 2, 11), "day")),
        ("3 maja 2025", "pl", (at(2025, 5, 3), "day")),
        ("31 października 2024 r.", "pl", (at(2024, 10, 31), "day")),
        ("11 lutego 2025 o 14:30", "pl", (at(2025, 2, 11, 14, 30), "second")),
        ("Dodano 1 września 2024", "pl", (at(2024, 9, 1), "day")),
        ("wtorek, 11 lutego 2025", "pl", (at(2025, 2, 11), "day")),
        ("3. března 2024", "cs", (at(2024, 3, 3), "day")),
        ("1. listopadu 2024 v 9:05", "cs", (at(2024, 11, 1, 9, 5), "second")),
        ("Přidáno dne 3. září 2024", "cs", (at(2024, 9, 3), "day")),
        ("5 марта 2024", "ru", (at(2024, 3, 5), "day")),
        ("5 марта 2024 г.", "ru", (at(2024, 3, 5), "day")),
        ("Отзыв от 28 декабря 2023", "ru", (at(2023, 12, 28), "day")),
        ("вторник, 5 марта 2024", "ru", (at(2024, 3, 5), "day")),
        ("12 березня 2025", "uk", (at(2025, 3, 12), "day")),
        ("12 жовтня 2024 р.", "uk", (at(2024, 10, 12), "day")),
        # ... and on their own with the year (nominative): month precision.
        ("marzec 2025", "pl", (at(2025, 3, 1), "month")),
        ("maj 2025", "pl", (at(2025, 5, 1), "month")),
        ("březen 2024", "cs", (at(2024, 3, 1), "month")),
        ("январь 2024", "ru", (at(2024, 1, 1), "month")),
        ("листопад 2024", "uk", (at(2024, 11, 1), "month")),
        # Hungarian: the year first, each part ending in a dot.
        ("2025. 03. 03.", "hu", (at(2025, 3, 3), "day")),
        ("2025.3.3.", "hu", (at(2025, 3, 3), "day")),
        ("2025. 02. 11. 14:22", "hu", (at(2025, 2, 11, 14, 22), "second")),
        ("2025. március 3.", "hu", (at(2025, 3, 3), "day")),
        ("2025. márc. 3.", "hu", (at(2025, 3, 3), "day")),
        ("2024. szeptember 30.", "hu", (at(2024, 9, 30), "day")),
        ("2025. május", "hu", (at(2025, 5, 1), "month")),
        # Polish relative dates ("temu", ago), counted back from the fetch.
        ("3 dni temu", "pl", (at(2026, 11, 20), "day")),
        ("2 tygodnie temu", "pl", (at(2026, 11, 9), "day")),
        ("tydzień temu", "pl", (at(2026, 11, 16), "day")),
        ("dwa dni temu", "pl", (at(2026, 11, 21), "day")),
        ("2 godziny temu", "pl", (at(2026, 11, 23, 7, 30), "second")),
        ("miesiąc temu", "pl", (at(2026, 10, 1), "month")),
        ("5 lat temu", "pl", (at(2021, 11, 1), "month")),
    ],
)
def test_shown_dates_in_more_languages(text, locale, expected) -> None:
    assert parse_shown_date(text, locale, FETCHED) == expected


@pytest.mark.parametrize("text", ["31 lutego 2025", "2025. 13. 03.", "2025. 02. 30.", "dni temu"])
def test_impossible_days_in_more_languages_are_none(text) -> None:
    assert parse_shown_date(text, None, FETCHED) == (None, None)


def test_a_month_name_names_one_month_in_every_language() -> None:
    assert MONTHS["maj"] == MONTHS["maja"] == MONTHS["mai"] == MONTHS["május"] == 5
    assert MONTHS["listopad"] == MONTHS["листопад"] == MONTHS["november"] == 11
    assert MONTHS["lipiec"] == 7 and MONTHS["июнь"] == 6 and MONTHS["červenec"] == 7
    with pytest.raises(ValueError, match="lis"):
        by_word({11: "listopad lis"}, {7: "lis"})
