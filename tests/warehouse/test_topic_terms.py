"""The terms of review texts: lemmas, stopwords, phrases, clause breaks, the company's name."""

from __future__ import annotations

import pyarrow as pa
import pytest

from warehouse.topics.models import Lexicon
from warehouse.topics.terms import review_terms
from warehouse.topics.words import OTHER, language_group, name_forms


def terms_of(*texts: str | None, group: str = "de", company: str = "c", names=None) -> list:
    result = review_terms(
        pa.array(list(texts), pa.string()),
        pa.array([company] * len(texts), pa.string()),
        Lexicon(group),
        names or {},
    )
    return [set(t) for t in result.to_pylist()]


def test_german_words_are_lemmatised_and_stopwords_dropped() -> None:
    (terms,) = terms_of("5 Anrufe bei der Hotline, keine Antwort. Die Rechnungen sind falsch.")
    assert {"anruf", "hotline", "anruf hotline", "antwort", "keine antwort"} <= terms
    assert {"rechnung", "falsch", "rechnung falsch"} <= terms
    for dropped in ("bei", "der", "die", "sind", "5", "keine"):
        assert dropped not in terms
    # the comma and the full stop end clauses: no phrase runs across them
    assert "hotline keine" not in terms
    assert not any(t.startswith("antwort rechnung") for t in terms)


def test_phrases_have_up_to_three_words_and_may_hold_a_negation() -> None:
    (terms,) = terms_of("Kündigung wird einfach nicht bestätigt")
    assert "kündigung nicht bestätigen" in terms
    assert "nicht bestätigen" in terms
    assert all(len(t.split()) <= 3 for t in terms)
    assert "nicht" not in terms  # a negation is never a topic alone


def test_punctuation_glued_to_words_still_ends_a_clause() -> None:
    (terms,) = terms_of("Lieferzeit:katastrophal (Akku) kaputt")
    assert {"lieferzeit", "katastrophal", "akku", "kaputt"} <= terms
    assert "lieferzeit katastrophal" not in terms
    assert "akku kaputt" not in terms


def test_english_reviews_are_lemmatised_in_english() -> None:
    (terms,) = terms_of("The chargers stopped working and the couriers never came.", group="en")
    assert {"charger", "courier"} <= terms
    assert "never come" in terms
    assert "the" not in terms


def test_reviews_without_a_language_try_german_then_english() -> None:
    assert language_group(None) == OTHER
    assert language_group("de-AT") == "de"
    (terms,) = terms_of("Lieferzeiten ewig, batteries dead", group=OTHER)
    assert {"lieferzeit", "battery"} <= terms


def test_the_companys_own_name_is_never_its_topic() -> None:
    names = {"kp": name_forms("Kaffee Partner GmbH", "kaffee-partner.de", "KaffeePartner")}
    assert {"kaffee", "partner", "kaffeepartner"} <= names["kp"]
    assert "gmbh" not in names["kp"]
    (terms,) = terms_of(
        "Kaffee Partner ignoriert jede Reklamation. KaffeePartner reagiert nicht.",
        company="kp",
        names=names,
    )
    assert "ignorieren reklamation" in terms
    assert not any(w in t.split() for t in terms for w in ("kaffee", "partner", "kaffeepartner"))
    (other,) = terms_of("Kaffee Partner ignoriert jede Reklamation.", company="x", names=names)
    assert "kaffee partner" in other  # another company may be talked about by name


@pytest.mark.parametrize("text", [None, "", "   ", "!!! 123 ..."])
def test_texts_without_words_have_no_terms(text) -> None:
    assert terms_of(text, "Hotline mies") == [set(), {"hotline", "mies", "hotline mies"}]


def test_a_review_counts_a_term_once() -> None:
    (terms,) = terms_of("Hotline mies. Hotline mies. Hotline!")
    result = review_terms(
        pa.array(["Hotline mies. Hotline mies. Hotline!"]), pa.array(["c"]), Lexicon("de"), {}
    )
    assert sorted(result.to_pylist()[0]) == sorted(terms) == ["hotline", "hotline mies", "mies"]
