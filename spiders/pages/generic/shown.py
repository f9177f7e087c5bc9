"""Ratings, scales, counts and dates as a page shows them, read from short texts.

Pure functions over strings, shared by every strategy: "4,5/5", "4,85/5.00",
"Rated 4.5 out of 5 stars", "Rated 4 stars out of five stars", "4.0 star rating",
"4,1 de 5 estrellas", "N Sterne", "Scored 8.6", "5,6 von 6 Sonnen", star glyphs
("★★★★☆"), class names that encode the value (``bubble_45``, ``a-star-4-5``,
``stars--regular-4``, ``rating-4-5``, ``count-3``), counts ("21,200 ratings",
"5.182 valoraciones", "(90)", rounded: "12.3K Ratings") and whether a text looks
like a date. Values stay as shown (a decimal
comma stays a comma): parsing is the transforms' job.

The patterns are case-sensitive and read the lowercased text: Python's
``re.IGNORECASE`` costs ~10x on alternations like these, and they run on every
short text of a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spiders.pages.generic.counts import rating_before_count
from spiders.pages.generic.shares import is_share, measures_another_thing

_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
# "4.5 out of 5", "4,1 de 5", "4 von 5", "8/10", "4,5 / 5", "3 of 5", "4 sur 5", "4 su 5", "4 z 5",
# "4,5 van de 5", "4,5 uit 5" (nl), "4,5 av 5" (sv, no), "4 ud af 5" (da), "4,5 od 5", "4,5 din 5",
# "4,5 из 5" (ru), "4,5 з 5" (uk);
# the scale is 5, 10 or 100, or 6 with a decimal ("5,6 / 6"; 1/2 cup, 06/11/2014 and 3/199
# photos are not ratings).
RATING_OF = re.compile(
    r"(?<![\d/.,])"
    + _NUM
    + r"\s*(?:out\s+of|von|aus|of|de|sur|su|van(?:\s+de)?|uit|av|(?:ud\s+)?af|od|din|z|из|з|/)"
    r"\s*"
    r"(5|6|10|100)(?:[.,]00?)?"
    r"(?![\d/.,]*\d)(?!\s*%)",
)
# A labelled score on a scale of its own: a critic's "Original Score: 3/4", "Wertung: 7/20".
LABELLED_OF = re.compile(
    r"\b(?:score|rating|note|bewertung|wertung|punkte|grade)\s*:?\s*"
    + _NUM
    + r"\s*/\s*(\d{1,3})(?![\d/.,]*\d)(?!\s*%)"
)
# "Rated 4.5", "4.0 star rating", "5 stars", "4,5 Sterne", "4 étoiles", "5 estrellas", "5-star";
# a booking site's "Scored 8.6", "Mit 8,6 bewertet".
RATED = re.compile(
    r"\b(?:rated|rating|bewertet\s+mit|(?:gesamt|durchschnitts|schul)?note|notendurchschnitt|"
    r"scored|mit(?=\s+\d[\d.,]*\s+bewertet))\s*:?\s*"
    + _NUM
    # "Rated 10 times" is how often, "Rated 5 minutes to boil" how long; "Rated 230 V", "Rated
    # 16 A", "Water rating 5 ATM": an electrical or a technical rating
    + r"(?![\d.,/])(?!\s*(?:times?|mal|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b)"
    r"(?!\s*(?:°|(?:v|a|w|kw|va|kva|mah|ah|ma|hz|atm|bar|psi|kg|lbs?|nm|db|rpm)\b))"
)
# The scale in words: "Rated 4 stars out of five stars", "Mit 4 von fünf Sternen bewertet".
WORD_SCALE = re.compile(
    _NUM
    + r"\s*(?:stars?\s+|sternen?\s+|étoiles?\s+|estrellas?\s+)?(?:out\s+of|von|of|de|sur|su)\s+"
    r"(?:five|fünf|cinq|cinco|cinque|vijf)\s+(?:stars?|sternen?|étoiles?|estrellas?|stelle|sterren)"
    r"(?:\s+rating)?\b"  # "4.5 out of five star rating on Trustpilot"
)
# Japanese: "5つ星のうち4.0" (the scale first: "4.0 of 5 stars").
JA_OF = re.compile(r"(5|10)\s*つ星のうち\s*" + _NUM)
# Turkish, the scale first, the whole text: "5 üzerinden 4,6" ("10 üzerinden 7'si" is a share).
TR_OF = re.compile(r"(5|10)\s+üzerinden\s+" + _NUM + r"(?:\s+(?:yıldız|puan))?$")
# A travel portal's suns, 1 to 6 (HolidayCheck): "5,8 von 6 Sonnen", "5,0 / 6 Sonnen".
# Bare "5 Sonnen" only after a rating label ("Bewertung: 5 Sonnen"; a forecast's suns are weather).
SUNS = re.compile(r"(?<![\d:.,])" + _NUM + r"\s*(?:(von|aus|/)\s*6\s*)?(?:sonnen|sonne)\b")
_SUN_LABEL = re.compile(r"(?:bewertung|bewertet\s+mit|note|rating)\s*:?\s*$")
STARS = re.compile(  # not the "200 points" of "1200 points"
    r"(?<![\d.,])"
    + _NUM
    + r"\s*-?\s*(?:stars?|sterne?n?|étoiles?|etoiles?|estrellas?|stelle|sterren|"
    r"gwiazdk\w*|bubbles?|punkte?n?|points?|estrelas?|stjärnor?|stjerner?|yıldız)\b",
)
# Texts about a share of ratings or a filter, never one rating: "59 percent of
# reviews have 5 stars", "All 4 star reviews", "0 reviews with 2 star rating", "4 & up".
NOT_A_RATING = re.compile(
    r"%|percent|prozent|pourcent|por\s*ciento|\ball\b|\balle\b|reviews?\s+with|"
    r"bewertungen\s+mit|&\s*up|and\s+up|\bup\b|\+\s*$|\bfilter|\bselect|\bwähle|\bchoose",
)
# Class tokens that encode a value: bubble_45, ui_star_rating star_40, a-star-4-5,
# stars--regular-4, rating-4-5, count-3, rating_4_5, stars-50.
_CLASS_VALUE = re.compile(
    r"^(?:[a-z]+[-_])*?(?:bubble|bubbles|stars?|rating|rated|score|count|sterne)"
    r"(?:[-_]+[a-z]+)*[-_]+(\d{1,2})(?:[-_](\d))?$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?$")
_HAS_DIGIT = re.compile(r"\d").search
_NON_DIGITS = re.compile(r"\D").sub
_SIGNED_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?").search

_MONTHS = (
    "jan|feb|mär|mar|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez|"
    "janv|févr|fevr|mars|avr|juin|juil|août|aout|sept|déc|"
    "ene|abr|ago|dic|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    "noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|"
    "avril|juillet|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|"
    "giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|"
    "janeiro|fevereiro|março|junho|julho|setembro|outubro|novembro|dezembro|"
    # Polish, Czech, Russian and Ukrainian, as a date says them ("3 marca", "3. března",
    # "3 марта", "3 березня")
    "maj|stycznia|lutego|kwietnia|czerwca|lipca|sierpnia|września|października|listopada|"
    "grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|"
    "prosince|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|"
    "декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|"
    "листопада|грудня"
)
# "ago" in cs, sk, ru, uk, hu, ro, hr, sr ("před 3 dny", "3 дня назад", "3 дні тому", "3 napja",
# "acum 3 zile", "prije/pre 3 dana"), a unit of time beside it ("před nákupem": before); yesterday.
_MORE_AGO = (
    r"\bp[rř]ed\s+(?:\d+\s+)?(?:sekund|min[uú]t|hodin|dn[yemiaň]|dň|týd[ne]|týžd|měsíc|mesiac|"
    r"rok|let|lety)\w*\b|"
    r"(?:^|\s)(?:\d+\s+)?(?:секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+назад(?!\w)|"
    r"(?:^|\s)(?:\d+\s+)?(?:секунд|хвилин|годин|дн|день|тижд|тижн|місяц|рік|рок)\w*\s+тому(?!\w)|"
    r"(?:^|\s)(?:\d+|egy)\s+(?:másodperce|perce|órája|napja|hete|hónapja|éve)(?!\w)|"
    r"\bacum\s+(?:\d+|o|un)\s+(?:secund|minut|or[aăe]|zi|zile|săptăm|lun|an)\w*|"
    r"\bpr(?:ij)?e\s+(?:\d+\s+)?(?:sekund|minut|sat|dan|tjed|nedelj|mjesec|mesec|godin)\w*|"
    r"(?:^|\s)(?:včera|вчера|вчора|tegnap|wczoraj|ieri|gisteren|jučer|juče)(?!\w)"  # yesterday
)
# "3日前" ends its text or phrase; "2日前に届きました" (arrived 2 days ago) is a sentence.
_CJK_AGO = r"\d+\s*(?:分|時間|小时|日|天|週間|周|か月|ヶ月|个月|年)前(?!\w)"
_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:\b|(?=t\d))|"  # ISO, 2024-03-03T10:15:00Z
    r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b|"  # 21/10/2016, 12.04.2020, 26/10/13
    # Hungarian and Korean, the year first and each part ending in a dot: "2025. 03. 03.",
    # "2025.3.3.", "2025. március 3." (not a version "2024.1.2")
    r"\b(?:19|20)\d{2}\.\s?(?:\d{1,2}\.\s?\d{1,2}\.|(?:január|február|március|április|"
    r"május|június|július|augusztus|szeptember|október|november|december)\s\d{1,2}\.)|"
    # 2024年3月3日, 2024年3月 (ja, zh), 2024년 3월 3일 (ko): a day, or the month alone at the
    # end, not "2023年12月に購入" (bought in December 2023) in a title.
    r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월](?:\s*\d{1,2}\s*[日일]|(?!\w))|"
    rf"{_CJK_AGO}|"  # 3日前, 2週間前 (3 days ago)
    rf"\b\d{{1,2}}\.?\s*(?:de\s+)?(?:{_MONTHS})[a-zäéûç]*\.?,?\s*(?:de\s+)?\d{{4}}\b|"
    rf"\b(?:{_MONTHS})[a-zäéûç]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|"
    rf"\b(?:{_MONTHS})[a-zäéûç]*\.?\s+\d{{4}}\b|"  # Oktober 2025
    r"\b(?:ago|vor|il\s+y\s+a|hace|fa|geleden|yesterday|gestern|hier|ayer|today|heute)\b|"
    r"^past\s+(?:week|month|year|\d{1,2}\s+months)$|"  # eBay's feedback: "Past 6 months"
    # "há uma semana", "2 tygodnie temu", "för 2 veckor sedan", "for en uge siden", "1 hafta önce";
    # "há" ending the text ("Há 3 anos que sou cliente" is a sentence), "temu" after a unit.
    r"\bhá\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|mês|meses|anos?)\W*$|"
    r"\b(?:sekund\w*|minut\w*|godzin\w*|dni|dzień|tydzień|tygodni\w*|miesiąc\w*|miesięcy|rok|lat\w*)"
    r"\s+temu\b|\bför\s+(?:\d+|en|ett)\s+\w+\s+sedan\b|"
    r"\bfor\s+(?:\d+|en|et)\s+\w+\s+siden\b|\b\d+\s+\w+\s+önce\b|" + _MORE_AGO,
)


def rating_in_text(text: str | None) -> tuple[str, str | None] | None:
    """(value, best or None) of one rating stated in a short text, else None."""
    if not text or len(text) > 120:
        return None
    if not _HAS_DIGIT(text):  # every rating shape holds a number, but star glyphs
        return glyph_rating(text) if text[0] in GLYPH_FIRST else None
    if "つ星" in text and (ja := JA_OF.search(text)):
        return (ja.group(2), ja.group(1)) if as_number(ja.group(2)) <= int(ja.group(1)) else None  # type: ignore[operator]
    if "üzerinden" in text and (tr := TR_OF.match(text.strip())):
        return (tr.group(2), tr.group(1)) if as_number(tr.group(2)) <= int(tr.group(1)) else None  # type: ignore[operator]
    low = text.lower()
    if _LETTER_OR_SLASH(low) is None:  # "1.234", "12.04.2020": every shape has a word or "/"
        glyph = _GLYPH_SCORE.match(text) if text[0] in "★⭐" or text[-1] in "★⭐" else None
        return (glyph.group(1) or glyph.group(2), None) if glyph else None  # "★ 4.8"
    m = RATING_OF.search(low)
    if m is not None and not _on_six(m.group(1), m.group(2)):
        m = None  # "6 von 6 Sonnen" is the suns' (below), "3/6" no rating
    m = m or _labelled_of(low) or _word_scale(low) or STARS.search(low)
    m = m or RATED.search(low) or SUNS.search(low)
    if m is None and (score := rating_before_count(low)) and not NOT_A_RATING.search(low):
        return score, None  # "4.7 • 12.3K Ratings": the count is read off the same text
    if m is None or NOT_A_RATING.search(low) or _CURRENCY_AFTER.match(low, m.end()):
        return None
    if _CURRENCY_BEFORE.search(low, 0, m.start(1)):
        return None  # "4,85/5.00 €", "€ 4.50": a price
    if measures_another_thing(low, m):
        return None  # "Röstgrad 4 / 5", "4-Sterne-Hotel"
    if m.re is RATED and m.group(0).startswith("scored") and m.group(0) != low.strip():
        return None  # "Smith scored 9 goals": "Scored 8.6" is a whole label only
    if m.re is SUNS and m.group(2) is None and not _SUN_LABEL.search(low, 0, m.start()):
        return None
    if m.re is SUNS or m.re is WORD_SCALE:
        best = 6 if m.re is SUNS else 5
        return (m.group(1), str(best)) if as_number(m.group(1)) <= best else None  # type: ignore[operator]
    if m.re is STARS and not _POINTS.search(m.group(0)):
        return InStars(m.group(1)), None
    if m.re is not RATING_OF and m.re is not LABELLED_OF:
        return (Grade(m.group(1)) if m.re is RATED and _NOTE(m.group(0)) else m.group(1)), None
    if as_number(m.group(1)) > float(m.group(2)):  # type: ignore[operator]
        return None
    if is_share(low, m):
        return None  # "about 3 out of 5 shoppers", "Bayern gewinnt 4 von 5 Spielen": a share
    return m.group(1), m.group(2)


def _labelled_of(low: str) -> re.Match[str] | None:
    """ "Score: 3/4": a labelled value on a scale of 3 to 100 that holds it."""
    m = LABELLED_OF.search(low) if "/" in low else None
    if m is None or not 3 <= int(m.group(2)) <= 100:
        return None
    return m if as_number(m.group(1)) <= int(m.group(2)) else None  # type: ignore[operator]


class Grade(str):
    """A number after "Note" ("Note 1,2", "Gesamtnote 1,4"): on a German page a school
    grade, 1 best to 6 worst (Jameda, Stiftung Warentest); in French "Note 4,5" is a
    rating like any other, and Swiss grades run the other way (6 best)."""


GRADE_WORST, GRADE_BEST = 6, 1
_NOTE = re.compile(r"(?:gesamt|durchschnitts|schul)?note|notendurchschnitt").match


def as_grade(value: object, lang: str | None) -> bool:
    """Whether a value read after "Note" is a German school grade: a German page's
    (``lang`` "de", "de-DE", "de-AT"; not "de-CH", "de-LI"), from 1 to 6."""
    lang = (lang or "").lower().replace("_", "-")
    if not isinstance(value, Grade) or lang.split("-")[0] != "de" or lang in ("de-ch", "de-li"):
        return False
    v = as_number(value)
    return v is not None and GRADE_BEST <= v <= GRADE_WORST


class InStars(str):
    """A rating shown in stars ("5 stars", "4 Sterne"): a scale of stars, never one
    ``shared_scale`` infers from the page's other ratings (a "Scored 9.0")."""


_POINTS = re.compile(r"punkt|point")


def _word_scale(low: str) -> re.Match[str] | None:
    """WORD_SCALE when it is all the text says, but for "rated"/"mit ... bewertet"
    around it (a headline "Mit 3 von fünf Sternen bewertet: Der neue Tatort" is news)."""
    m = WORD_SCALE.search(low)
    rest = f"{low[: m.start()]} {low[m.end() :]}".split() if m else None
    return m if m and len(" ".join(rest)) <= _WORD_SCALE_REST else None


_WORD_SCALE_REST = 16  # "mit bewertet", "rated", "calificado con"
# A currency sign or code right after a rating's scale or right before its number.
_CURRENCY_AFTER = re.compile(r"\s*(?:[€$£¥₹]|(?:eur|usd|gbp|chf|sek|nok|dkk|pln|czk|brl)\b)")
_CURRENCY_BEFORE = re.compile(r"(?:[€$£¥₹]|\b(?:eur|usd|gbp|chf|sek|nok|dkk|pln|czk|brl))\s*$")


_LETTER_OR_SLASH = re.compile(r"[a-zа-яёіїє/]").search  # Latin or Cyrillic
# One star glyph beside a score written with its decimal, up to 5: "★ 4.92", "4,8 ⭐" (not a
# repository's "★ 12" stars, a count).
_GLYPH_SCORE = re.compile(
    r"^[★⭐]\s*([0-4][.,]\d{1,2}|5[.,]00?)$|^([0-4][.,]\d{1,2}|5[.,]00?)\s*[★⭐]$"
)
# Star glyphs: "★★★★☆", "★★★½☆", "⭐⭐⭐⭐⭐" (filled, an optional half, empty).
_GLYPHS = re.compile("^([★⭐✭✮]*)([½⯪⯨]?)([☆✩✰]*)$")
GLYPH_FIRST = frozenset("★⭐✭✮½⯪⯨☆✩✰")


def glyph_rating(text: str, fewer: bool = False) -> tuple[str, str | None] | None:
    """(value, best) of a text that is only star glyphs, 3 to 10 of them (1 to 10 when
    its element's class says it is a rating: ``fewer``). Without empty glyphs the scale
    is not shown ("★★½", Letterboxd's 2.5): best is None but for 5 or 10 glyphs."""
    m = _GLYPHS.match(text.replace(" ", "").replace("\ufe0f", ""))
    if m is None:
        return None
    full, half, empty = (len(g) for g in m.groups())
    if full == 3 and not half + empty and " " in text:
        return None  # "★ ★ ★": an asterism, a separator between paragraphs
    if not full + half or not (1 if fewer or (half and full) else 3) <= full + half + empty <= 10:
        return None
    shown = full + half + empty
    return f"{full + half / 2:g}", str(shown) if empty or shown in (5, 10) else None


def rating_in_classes(classes: str | None) -> tuple[str, str | None] | None:
    """A value encoded in class names: bubble_45 -> 4.5, a-star-4-5 -> 4.5, count-3 -> 3."""
    if not classes:
        return None
    tokens = classes.split()
    starry = any(
        "star" in t.lower() or "rating" in t.lower() or "bubble" in t.lower() for t in tokens
    )
    for token in tokens:
        m = _CLASS_VALUE.match(token)
        if m is None or not starry:
            continue
        whole, half = m.group(1), m.group(2)
        if half is not None:
            return f"{int(whole)}.{half}", None
        n = int(whole)
        if len(whole) == 2 and n % 5 == 0 and 10 <= n <= 50:
            return f"{n // 10}.{n % 10}", None  # bubble_45: tenths of a 5-point scale
        if 0 <= n <= 5 or (0 <= n <= 10 and "10" in token):
            return str(n), None
    return None


def bare_rating(text: str | None) -> str | None:
    """A text that is only a rating-shaped number ("9.0", "4,5")."""
    if text and _BARE_NUMBER.match(text.strip()):
        return text.strip()
    return None


# The scale after a number: " out of 10", "/5", " von 5 Sternen" (not "/5/2024").
_SCALE_AFTER = re.compile(
    r"^\s*(?:out\s+of|von|aus|of|de|sur|su|van(?:\s+de)?|uit|av|(?:ud\s+)?af|od|din|из|з|/)\s*"
    r"(5|6|10|100)(?:[.,]00?)?(?![\d/.,]*\d)",
    re.I,
)


def _on_six(number: str, scale: str) -> bool:
    """Whether a scale of 6 holds this number: a travel portal's "5,6 / 6", shown with its
    decimal ("3/6" is a fraction or a date)."""
    return scale != "6" or (("," in number or "." in number) and as_number(number) <= 6)  # type: ignore[operator]


def number_then_scale(number: str, tail: str) -> tuple[str, str, str] | None:
    """<b>4,5</b> von 5, <span>8.6</span> out of 10: (the number, the scale the words
    after it give, both as shown), else None."""
    if len(tail) > 40:
        return None
    m = _SCALE_AFTER.match(tail)
    if m is None or not _on_six(number, m.group(1)):
        return None
    return number, m.group(1), f"{number} {' '.join(tail.split())}"


_RELATIVE = re.compile(
    r"\b(?:ago|vor|il\s+y\s+a|hace|fa|geleden|yesterday|gestern|hier|ayer|today|heute|há|temu|"
    rf"sedan|siden|önce)\b|{_CJK_AGO}|{_MORE_AGO}"
)


def pick_date(shown: str | None, attribute: Callable[[], str | None]) -> str | None:
    """A review's date: the one it shows, but the one its markup keeps
    (``attribute``: ``<time datetime>``) when it shows none or one relative to the
    day the page was seen ("Reviewed 3 days ago")."""
    if shown is not None and _RELATIVE.search(shown.lower()) is None:
        return shown
    return attribute() or shown


_DATED: dict[str, bool] = {}  # what each short text of the page being read was found to be


def looks_like_date(text: str | None) -> bool:
    # A review's texts are asked again for each block around them: read once per page.
    if not text or len(text) > 80:
        return False
    known = _DATED.get(text)
    if known is None:
        if len(_DATED) > 20_000:  # a caller outside the generic reader never forgets
            _DATED.clear()
        known = _DATED[text] = _DATE.search(text.lower()) is not None
    return known


def forget_page() -> None:
    """Drop what was learnt of the last page's texts (called as each page starts)."""
    _DATED.clear()


def as_number(value: object) -> float | None:
    """A shown value as a float for comparisons only ("4,5" -> 4.5)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    m = _SIGNED_NUMBER(str(value))
    return float(m.group(0).replace(",", ".")) if m else None


def scale_for(value: object, best: object, worst: object = None) -> tuple[object, object, bool]:
    """(worst, best, inferred): the scale the page states, else the smallest of 5, 10 and
    100 that holds the value (a 9.0 with no stated scale is on 1-10)."""
    inferred = False
    if best is None:
        v = as_number(value)
        best = 5
        if v is not None and v > 5:
            best, inferred = (10, True) if v <= 10 else (100, True)
    if worst is None:  # a shown 0 ("User score 0 out of 10") is on a scale from 0
        worst = 0 if as_number(value) == 0 else 1
    return worst, best, inferred


_LANG = re.compile(
    rb"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)""", re.I
)
_OG_LOCALE = re.compile(
    rb"""<meta[^>]+property\s*=\s*["']og:locale["'][^>]*content\s*=\s*["']([A-Za-z_-]{2,10})""",
    re.I,
)


def page_locale(body: bytes) -> str | None:
    """The page's declared language/locale (``<html lang>``, else og:locale), so the
    transforms can tell 3/4/2024 (en-US: March 4) from 3.4.2024 (de: 3 April)."""
    head = body[:65536]
    m = _LANG.search(head) or _OG_LOCALE.search(head)
    return m.group(1).decode("ascii").replace("_", "-") if m else None
