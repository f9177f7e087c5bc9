"""Dates as real pages show them (``transforms.shown_dates``), from the forms the
saved real pages and exports carry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.shown_dates import parse_shown_date

FETCHED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("Reviewed in Germany on 3 March 2024", "en-us", (at(2024, 3, 3), "day")),
        ("Reviewed in the United States on August 2, 2021", "en-us", (at(2021, 8, 2), "day")),
        ("Revisado en España el 25 de agosto de 2017", "es-es", (at(2017, 8, 25), "day")),
        ("Rezension aus Deutschland vom 3. März 2024", "de-de", (at(2024, 3, 3), "day")),
        ("Commenté en France le 3 mars 2024", "fr-fr", (at(2024, 3, 3), "day")),
        ("Oktober 2025", "de", (at(2025, 10, 1), "month")),
        ("Sep 22, 2025", "en-US", (at(2025, 9, 22), "day")),
        ("September 3, 2023", "en-US", (at(2023, 9, 3), "day")),
        ("27. September 2018", "de", (at(2018, 9, 27), "day")),
        ("23. Juni 2016 um 17:21 Uhr", "de-DE", (at(2016, 6, 23, 17, 21), "second")),
        ("3/4/2024", "en-US", (at(2024, 3, 4), "day")),
        ("3/4/2024", "en-GB", (at(2024, 4, 3), "day")),
        ("3.4.2024", "de", (at(2024, 4, 3), "day")),
        ("21/10/2016", "en-US", (at(2016, 10, 21), "day")),  # a day over 12 decides
        ("12.04.2020 17:02", "de", (at(2020, 4, 12, 17, 2), "second")),
        ("von lupa am 26/10/13, 03:48 pm", "de", (at(2013, 10, 26, 15, 48), "second")),
        ("2018-09-27T14:51:09+0200", None, (at(2018, 9, 27, 12, 51, 9), "second")),
        ("2025-09-22T16:46:34-05:00", None, (at(2025, 9, 22, 21, 46, 34), "second")),
        ("2020-02-21 15:23:13 UTC", None, (at(2020, 2, 21, 15, 23, 13), "second")),
        ("2025-08-23T21:11:05.447", None, (at(2025, 8, 23, 21, 11, 5), "second")),
        ("2020-11-27", None, (at(2020, 11, 27), "day")),
        (1497657494, None, (at(2017, 6, 16, 23, 58, 14), "second")),
        ("1538052669000", None, (at(2018, 9, 27, 12, 51, 9), "second")),
        ("a week ago", "en", (at(2026, 11, 16), "day")),
        ("vor 3 Tagen", "de", (at(2026, 11, 20), "day")),
        ("vor einer Woche", "de", (at(2026, 11, 16), "day")),
        ("il y a 2 mois", "fr", (at(2026, 9, 1), "month")),
        ("hace 3 días", "es", (at(2026, 11, 20), "day")),
        ("in the last week", "en", (at(2026, 11, 16), "day")),
        ("yesterday", "en", (at(2026, 11, 22), "day")),
        ("2 hours ago", "en", (at(2026, 11, 23, 7, 30), "second")),
    ],
)
def test_shown_dates(text, locale, expected) -> None:
    assert parse_shown_date(text, locale, FETCHED) == expected


@pytest.mark.parametrize(
    "text", ["", None, "n/a", "31.02.2024", "13/13/2024", "Keine Kommentare", True]
)
def test_unreadable_dates_are_none_not_errors(text) -> None:
    assert parse_shown_date(text, "de", FETCHED) == (None, None)
