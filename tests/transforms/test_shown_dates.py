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


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # Portuguese, Swedish, Danish, Norwegian and Turkish relative dates (FETCHED: 23
        # November 2026, 09:30 UTC); days and weeks are days, months and years months.
        ("há uma semana", "pt-BR", (at(2026, 11, 16), "day")),
        ("há 3 dias", "pt", (at(2026, 11, 20), "day")),
        ("há 2 meses", "pt", (at(2026, 9, 1), "month")),
        ("há 5 horas", "pt", (at(2026, 11, 23, 4, 30), "second")),
        ("för 2 veckor sedan", "sv", (at(2026, 11, 9), "day")),
        ("för en månad sedan", "sv", (at(2026, 10, 1), "month")),
        ("för 10 minuter sedan", "sv", (at(2026, 11, 23, 9, 20), "second")),
        ("för ett ögonblick sedan", "sv", (at(2026, 11, 23), "day")),
        ("for 2 uger siden", "da", (at(2026, 11, 9), "day")),
        ("for et år siden", "da", (at(2025, 11, 1), "month")),
        ("for 3 dager siden", "no", (at(2026, 11, 20), "day")),
        ("for en uke siden", "nb", (at(2026, 11, 16), "day")),
        ("1 hafta önce", "tr", (at(2026, 11, 16), "day")),
        ("3 gün önce", "tr", (at(2026, 11, 20), "day")),
        ("2 saat önce", "tr", (at(2026, 11, 23, 7, 30), "second")),
        # Russian, Ukrainian, Czech, Hungarian and Polish ones (JSON-LD keeps them as written).
        ("3 дня назад", "ru", (at(2026, 11, 20), "day")),
        ("неделю назад", "ru", (at(2026, 11, 16), "day")),
        ("вчера", "ru", (at(2026, 11, 22), "day")),
        ("2 роки тому", "uk", (at(2024, 11, 1), "month")),
        ("вчора", "uk", (at(2026, 11, 22), "day")),
        ("před 3 dny", "cs", (at(2026, 11, 20), "day")),
        ("před týdnem", "cs", (at(2026, 11, 16), "day")),
        ("včera", "cs", (at(2026, 11, 22), "day")),
        ("3 napja", "hu", (at(2026, 11, 20), "day")),
        ("egy hónapja", "hu", (at(2026, 10, 1), "month")),
        ("tegnap", "hu", (at(2026, 11, 22), "day")),
        ("wczoraj", "pl", (at(2026, 11, 22), "day")),
        # Japanese, Chinese and Korean: the marks after year, month and day, a clock after
        # the half of the day (오후, 午後: afternoon), the words around the date.
        ("2024年3月3日", "ja", (at(2024, 3, 3), "day")),
        ("2024年3月3日に日本でレビュー済み", "ja", (at(2024, 3, 3), "day")),
        ("2023年5月12日にアメリカ合衆国でレビュー済み", "ja", (at(2023, 5, 12), "day")),
        ("2024年3月3日(日) 14:30", "ja", (at(2024, 3, 3, 14, 30), "second")),
        ("2024年3月3日 午後2:30", "ja", (at(2024, 3, 3, 14, 30), "second")),
        ("投稿日：2024年3月3日", "ja", (at(2024, 3, 3), "day")),
        ("２０２４年３月３日", "ja", (at(2024, 3, 3), "day")),
        ("2024年3月", "zh", (at(2024, 3, 1), "month")),
        ("2024년 3월 3일", "ko", (at(2024, 3, 3), "day")),
        ("2024년 3월 3일 오전 9:05", "ko", (at(2024, 3, 3, 9, 5), "second")),
        ("2025. 3. 3. 오후 2:30", "ko", (at(2025, 3, 3, 14, 30), "second")),
        ("2025. 3. 3. 오후 12:10", "ko", (at(2025, 3, 3, 12, 10), "second")),
        ("3日前", "ja", (at(2026, 11, 20), "day")),
        ("2週間前", "ja", (at(2026, 11, 9), "day")),
        ("5時間前", "ja", (at(2026, 11, 23, 4, 30), "second")),
        ("1か月前", "ja", (at(2026, 10, 1), "month")),
        ("3天前", "zh", (at(2026, 11, 20), "day")),
        ("3일 전", "ko", (at(2026, 11, 20), "day")),
        # eBay's feedback period, as far back as it reaches, as "in the last week" is.
        ("Past month", "en-US", (at(2026, 10, 1), "month")),
        ("Past 6 months", "en-US", (at(2026, 5, 1), "month")),
        ("Past year", "en-US", (at(2025, 11, 1), "month")),
        # What was done on the date, in the words of the portals the reader keeps them from:
        # Zoover's "Geschreven op ...", and the same in French, Italian and Spanish.
        ("Geschreven op 12 maart 2024", "nl-NL", (at(2024, 3, 12), "day")),
        ("Geplaatst op 3 januari 2025", "nl-NL", (at(2025, 1, 3), "day")),
        ("Écrit le 5 mars 2024", "fr-FR", (at(2024, 3, 5), "day")),
        ("Scritto il 5 marzo 2024", "it-IT", (at(2024, 3, 5), "day")),
        ("Escrito el 5 de marzo de 2024", "es-ES", (at(2024, 3, 5), "day")),
    ],
)
def test_shown_dates_in_the_readers_latest_forms(text, locale, expected) -> None:
    assert parse_shown_date(text, locale, FETCHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024年2月30日",
        "2024年13月",
        "2024년 3월 3일 오후 13:30",
        "2025. 3. 3. 오후 0:30",
        "2024年12月に購入",  # bought in December 2024: no review's date
        "2日前に届きました",  # arrived 2 days ago: a sentence
        "3日後",  # in 3 days
        "há muito tempo",
        "för länge sedan",
        "Há 3 anos que sou cliente",
        "3 days",
    ],
)
def test_impossible_forms_of_the_latest_languages_are_none(text) -> None:
    assert parse_shown_date(text, None, FETCHED) == (None, None)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # A date after a verb or label, with or without "on"/"am"/"il"/"den" (FETCHED: 23
        # November 2026, 09:30 UTC): ConsumerAffairs', TripAdvisor's, ProvenExpert's, Trusted
        # Shops', Booking's wording, and the like in the languages the transforms know.
        ("Reviewed March 3, 2024", "en-US", (at(2024, 3, 3), "day")),
        ("Written March 5, 2024", "en", (at(2024, 3, 5), "day")),
        ("Date of stay: March 2024", "en", (at(2024, 3, 1), "month")),
        ("vom 03.03.2024", "de", (at(2024, 3, 3), "day")),
        ("Bewertung vom 3. März 2024", "de", (at(2024, 3, 3), "day")),
        ("schrieb am 9. März 2024", "de", (at(2024, 3, 9), "day")),
        ("Datum der Bewertung: 03.03.2024", "de", (at(2024, 3, 3), "day")),
        ("Avis du 3 mars 2024", "fr", (at(2024, 3, 3), "day")),
        ("Pubblicata il 3 marzo 2024", "it", (at(2024, 3, 3), "day")),
        ("Recensione del 3 marzo 2024", "it", (at(2024, 3, 3), "day")),
        ("Opinión del 3 de marzo de 2024", "es", (at(2024, 3, 3), "day")),
        ("Publicerad 3 mars 2024", "sv", (at(2024, 3, 3), "day")),
        ("Publicerad den 12 augusti 2024", "sv", (at(2024, 8, 12), "day")),
        ("Anmeldt 3. marts 2024", "da", (at(2024, 3, 3), "day")),
        ("Publisert 3. desember 2024", "no", (at(2024, 12, 3), "day")),
        ("Data opinii: 3 marca 2024", "pl", (at(2024, 3, 3), "day")),
        ("Відгук від 12 березня 2025", "uk", (at(2025, 3, 12), "day")),
        ("Verreist als Paar • Juli 2024", "de", (at(2024, 7, 1), "month")),  # a trip, its month
        ("Verreist als Paar • Juni 2025 • 1 Woche", "de", (at(2025, 6, 1), "month")),
        ("3 March 2024 · 2 helpful votes", "en-GB", (at(2024, 3, 3), "day")),
        ("Aufenthaltsdatum: März 2024 • Paare", "de", (at(2024, 3, 1), "month")),
        ("Reisgezelschap: Stel · Reisperiode: maart 2024", "nl", (at(2024, 3, 1), "month")),
        # Slovak, Romanian, Croatian, Serbian and Bosnian relative dates.
        ("pred 2 dňami", "sk", (at(2026, 11, 21), "day")),
        ("pred týždňom", "sk", (at(2026, 11, 16), "day")),
        ("pred mesiacom", "sk", (at(2026, 10, 1), "month")),
        ("pred 2 rokmi", "sk", (at(2024, 11, 1), "month")),
        ("pred 10 minútami", "sk", (at(2026, 11, 23, 9, 20), "second")),
        ("včera", "sk", (at(2026, 11, 22), "day")),
        ("acum 3 zile", "ro", (at(2026, 11, 20), "day")),
        ("acum o săptămână", "ro", (at(2026, 11, 16), "day")),
        ("acum 3 luni", "ro", (at(2026, 8, 1), "month")),
        ("acum 5 ore", "ro", (at(2026, 11, 23, 4, 30), "second")),
        ("ieri", "ro", (at(2026, 11, 22), "day")),
        ("prije 3 dana", "hr", (at(2026, 11, 20), "day")),
        ("prije tjedan dana", "hr", (at(2026, 11, 16), "day")),
        ("prije 2 tjedna", "bs", (at(2026, 11, 9), "day")),
        ("prije godinu dana", "hr", (at(2025, 11, 1), "month")),
        ("prije sat vremena", "hr", (at(2026, 11, 23, 8, 30), "second")),
        ("pre 3 dana", "sr", (at(2026, 11, 20), "day")),
        ("jučer", "hr", (at(2026, 11, 22), "day")),
        ("juče", "sr", (at(2026, 11, 22), "day")),
    ],
)
def test_dates_after_words_and_relative_dates_of_more_languages(text, locale, expected) -> None:
    assert parse_shown_date(text, locale, FETCHED) == expected


@pytest.mark.parametrize(
    "text",
    ["Reviewed by Anna", "vom Hersteller", "Verreist als Paar • 1 Woche", "pred nákupom", "acum"],
)
def test_words_around_no_date_stay_unreadable(text) -> None:
    assert parse_shown_date(text, None, FETCHED) == (None, None)
