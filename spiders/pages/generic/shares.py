"""Shares worded like a rating, "N of M" that counts people or games, not stars:
"about 3 out of 5 shoppers", "4 out of 5 dentists", "Bayern gewinnt 4 von 5 Spielen";
and places in a sequence: "Page 2/10", "Image 1 of 5"."""

from __future__ import annotations

import re

# A share, not a rating: a hedge before the number ("about 3 out of 5", "fast 4 von 5") ...
_HEDGE_BEFORE = re.compile(
    r"\b(?:about|around|almost|nearly|roughly|over|more\s+than|less\s+than|only|"
    r"etwa|rund|fast|knapp|beinahe|ungefähr|über|mehr\s+als|nur|noch|environ|presque|casi|unos)\s*$"
)
# ... or a counted thing after the scale: "4 out of 5 dentists", "4 von 5 Spielen" (not
# "4 von 5 Sternen", "4 out of 5 by Ann", "5/5 Excellent").
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")
_RATING_GOES_ON_WORDS = (
    "star stars stern sterne sternen étoile étoiles estrella estrellas stella stelle ster "
    "sterren gwiazdek gwiazdki point points punkt punkte punkten punkto puntos pontos "
    "bubble bubbles sonnen possible possibles möglichen posibles overall insgesamt gesamt "
    "rating bewertung score note by von from on at in for with mit bei auf für and und et y "
    "e based basierend stimmen votes звезд звёзд звезды звёзды звезда баллов балла балл зірок "
    "зірки бали балів на по от в с за "
)
_RATING_GOES_ON = frozenset(_RATING_GOES_ON_WORDS.split())
_RATING_LABEL = re.compile(r"rat|bewert|score|note|punkt|gave|gab|vergeb|verdict|urteil|:")
# Who or what a share counts, where no plural "-s" tells ("4 von 5 Kunden empfehlen uns").
_COUNTED_WORDS = (
    "people leute menschen personen kunden kundinnen nutzer nutzern käufer käufern gäste "
    "gästen spielen fällen ärzte ärzten zahnärzte patienten eltern klanten mensen klant "
    "clienti persone utenti kunder personer "
)
_COUNTED = frozenset(_COUNTED_WORDS.split())


def _counted_after(low: str, m: re.Match[str]) -> bool:
    """A whole number "of" a scale followed by a word of what is counted: a plural
    ("dentists", "Kunden"), or a sentence before the number ("Bayern gewinnt 4 von 5
    Spielen"); "5 out of 5 Delicious" and "4 von 5 Sternen" stay ratings."""
    if "/" in m.group(0) or not m.group(1).isdigit():
        return False
    after = _WORD_AFTER.match(low, m.end())
    if after is None or after.group(1) in _RATING_GOES_ON:
        return False
    word, before = after.group(1), low[: m.start(1)].strip()
    plural = word in _COUNTED or (
        len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL)
    )
    # Russian and Ukrainian: a word after the scale that is not of stars or points counts
    # ("3 из 5 покупателей рекомендуют")
    plural = plural or "а" <= word[0] <= "я" or word[0] in "ёіїє"
    return plural or (bool(before) and _RATING_LABEL.search(before) is None)


_NOT_PLURAL = ("ss", "us", "is", "ys", "ous")


# A place in a sequence, not a rating: "Page 2/10", "Seite 1 von 5", "Image 1 of 5",
# "Bild 3 / 8", "Step 3 of 5", "Frage 1 von 10".
_POSITION_BEFORE = re.compile(
    r"\b(?:page|seite|pages?|página|pagina|image|img|photo|picture|bild|foto|slide|step|"
    r"schritt|item|frage|question|result|ergebnis|part|teil|chapter|kapitel|episode|folge|"
    r"season|staffel|round|runde|day|tag|week|woche|video|no\.|nr\.|#|"
    r"страница|сторінка|стр\.|фото|изображение|шаг|крок|вопрос|питання|слайд)\s*$"
)


def is_share(low: str, m: re.Match[str]) -> bool:
    """Whether an "N of M" match (``m`` over the lowercased text ``low``) is a share
    or a place in a sequence."""
    before = low[: m.start(1)]
    if _HEDGE_BEFORE.search(before) is not None or _POSITION_BEFORE.search(before) is not None:
        return True
    return _counted_after(low, m)


# A level of something measured, not a rating of it: "Röstgrad 4 / 5", "Schärfegrad: 3 von
# 5", "Intensität 8/10"; a hotel's class ("4-Sterne-Hotel", "Hotelkategorie: 4 Sterne",
# "4.0 star property", "Hôtel 4 étoiles", "Hotel de 4 estrellas");
# what is left in stock ("nur noch 2 von 5 auf Lager").
_MEASURED_BEFORE = re.compile(
    r"(?:röstgrad|röstung|schärfegrad|schärfe|intensität|intensity|stärke|strength|härtegrad|"
    r"säure|acidity|süße|sweetness|roast|level|stufe|grad|difficulty|schwierigkeit|"
    r"hotelkategorie|kategorie|category|klassifizierung|hotel\s+class|h[oô]tel(?:\s+de)?|stock|"
    r"lager)\s*:?\s*$"
)
_MEASURED_AFTER = re.compile(
    r"\s*-?\s*(?:hotel|h[oô]tel|superior|resort|unterkunft|kategorie|category|property|"
    r"accommodation|hostel|hébergement|établissement|alojamiento|struttura|accommodatie|"
    r"auf\s+lager|in\s+stock|left\b|übrig|verfügbar|available)"
)


def measures_another_thing(low: str, m: re.Match[str]) -> bool:
    """Whether a rating-like match (``m`` over the lowercased ``low``, the number its
    first group) is a level, a hotel's class or a stock count."""
    return (
        _MEASURED_BEFORE.search(low, 0, m.start(1)) is not None
        or _MEASURED_AFTER.match(low, m.end()) is not None
    )
