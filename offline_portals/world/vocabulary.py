"""The words reviews and companies are made of, from ``data/names.yaml`` and
``data/phrases.yaml``: names, places, sentence templates, titles, replies.

Sentence templates take ``{s}``/``{S}`` (the subject, lower/upper case), ``{adv}``,
``{adj}``, ``{badj}`` (and their ``_en`` twins), ``{d}`` (days or weeks) and ``{n}``
(a small count); details take ``{month}``, ``{city}``, ``{years}`` and ``{hour}``.
"""

from __future__ import annotations

from offline_portals.world.data import text, words, words_by

FIRST = words("names", "first_names")
LAST = words("names", "last_names")
CITIES = words("names", "cities")
NAME_STEMS = words("names", "name_stems")
INDUSTRY_NOUNS = words_by("names", "industry_nouns")
LEGAL = words("names", "legal_forms")
INDUSTRY_PORTALS = words_by("names", "industry_portals")

SUBJECT = words_by("phrases", "subjects", "de")
SUBJECT_EN = words_by("phrases", "subjects", "en")
GOOD_DE = words("phrases", "sentences", "good", "de")
BAD_DE = words("phrases", "sentences", "bad", "de")
GOOD_EN = words("phrases", "sentences", "good", "en")
BAD_EN = words("phrases", "sentences", "bad", "en")
ADV = words("phrases", "adverbs", "de")
ADV_EN = words("phrases", "adverbs", "en")
ADJ = words("phrases", "good_adjectives", "de")
ADJ_EN = words("phrases", "good_adjectives", "en")
BADJ = words("phrases", "bad_adjectives", "de")
BADJ_EN = words("phrases", "bad_adjectives", "en")
TITLES_GOOD = words("phrases", "titles", "good", "de")
TITLES_BAD = words("phrases", "titles", "bad", "de")
TITLES_GOOD_EN = words("phrases", "titles", "good", "en")
TITLES_BAD_EN = words("phrases", "titles", "bad", "en")
DETAIL_DE = words("phrases", "details", "de")
DETAIL_EN = words("phrases", "details", "en")
MONTHS_DE = words("phrases", "months", "de")
MONTHS_EN = words("phrases", "months", "en")
PII_SNIPPETS = words("phrases", "pii_snippets")
REPLIES = words("phrases", "replies")
KUNUNU_PROS_CONS_GOOD = words("phrases", "kununu_pros_cons", "good")
KUNUNU_PROS_CONS_BAD = words("phrases", "kununu_pros_cons", "bad")
BOOKING_CONS_BAD = text("phrases", "booking_cons_bad")
BOOKING_TRAVELLER_TYPES = words("phrases", "booking_traveller_types")
