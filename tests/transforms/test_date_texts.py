"""Date texts the transform must read (issue 16): exports and pages write them like this."""

from __future__ import annotations

import pytest

from transforms.date_texts import parse_numeric_forms, without_place_prefix
from transforms.date_words import parse_date_text


@pytest.mark.parametrize(
    ("shown", "rest"),
    [
        ("Reviewed in the United States on December 9, 2025", "December 9, 2025"),
        ("Reviewed in Germany on 3 March 2024", "3 March 2024"),
        ("Reviewed in India 🇮🇳 on 21 November 2023", "21 November 2023"),
        ("Bewertet in Deutschland am 3. März 2024", "3. März 2024"),
        ("December 9, 2025", "December 9, 2025"),  # no prefix: as it was
        ("Reviewed on 3 March 2024", "Reviewed on 3 March 2024"),  # no place: dates.py's
    ],
)
def test_the_place_prefix_is_cut_off(shown, rest):
    assert without_place_prefix(shown) == rest


def test_what_is_left_reads_with_the_existing_parser():
    rest = without_place_prefix("Reviewed in the United States on December 9, 2025")
    assert parse_date_text(rest) == ("abs", 2025, 12, 9, "day")


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("11/21/2023 21:41:08", (2023, 11, 21)),  # Outscraper: month first, with a clock
        ("12.04.2020 17:02", (2020, 4, 12)),  # chefkoch.de: day first with dots
        ("26/10/13, 03:48 pm", (2013, 10, 26)),  # phpBB: the first part is no month
        ("2025/12/09", (2025, 12, 9)),
        ("21-10-2016", (2016, 10, 21)),
        ("21/10/2016", (2016, 10, 21)),
        ("03/04/2024 10:00 AM", (2024, 3, 4)),  # slashes, ambiguous: month first (US)
        ("Tue, 21 Nov 2023 21:41:08 GMT", (2023, 11, 21)),
    ],
)
def test_numeric_forms_read_to_the_day(shown, day):
    assert parse_numeric_forms(shown) == ("abs", *day, "day")


@pytest.mark.parametrize(
    "shown", ["31/02/2024 10:00", "2025/13/01", "vor 3 Tagen", "12 points", "", "1/2"]
)
def test_what_is_not_such_a_date_is_none(shown):
    assert parse_numeric_forms(shown) is None
