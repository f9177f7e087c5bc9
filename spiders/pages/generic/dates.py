"""Where a rendered review's date is: the element that shows it, the attribute or small
JSON script that keeps it exact, and the dates that are not the review's (a trip's
"Date of stay: March 2024", a product's "Released On: Feb 25, 2022")."""

from __future__ import annotations

import re
from typing import Any

from spiders.pages.generic.shown import looks_like_date
from spiders.pages.generic.texts import text_content


def date_element(block: Any, texts: list[tuple[Any, str]], shown: str | None) -> Any:
    """Where a review keeps the day its shown date stands for: the element showing
    it (``<time datetime="2024-03-03">Reviewed 3 days ago</time>``, one holding only
    that text, the ``<time>`` around it), not another date of the block (a reply's,
    an edit's, a trip's); the whole block when it shows none."""
    if shown is None:
        return block
    for sub, t in texts:
        if t == shown:
            at = sub
            for _ in range(_DATE_LEVELS):
                parent = at.getparent()
                if at is block or parent is None:
                    break
                if parent.tag == "time":
                    return parent
                if " ".join(text_content(parent).split()) == t:
                    sub = parent
                at = parent
            return sub
    return block


_DATE_LEVELS = 2

_DATE_ATTRS = ("datetime", "data-content", "content", "data-time", "title", "data-date")

_DATE_KEYS = frozenset(_DATE_ATTRS)

_SCRIPT_DATE = re.compile(
    r'"(?:publishedDate|datePublished|createdAt|created|date|submittedDate)"\s*:\s*"'
    r'(\d{4}-\d{2}-\d{2}[^"]{0,30})"',
    re.I,
)


def date_attribute(block: Any) -> str | None:
    """A date the block keeps in an attribute (``datetime``, ``data-content``), else
    in a small JSON script of its own (``{"publishedDate": "2020-..."}``)."""
    for sub in block.iter():
        keys = sub.keys() if type(sub.tag) is str else None
        if not keys or _DATE_KEYS.isdisjoint(keys):
            continue
        date = next((sub.get(a) for a in _DATE_ATTRS if looks_like_date(sub.get(a))), None)
        if date:
            return date
    for script in block.iter("script"):
        text = script.text or ""
        if len(text) <= 4000 and "json" in (script.get("type") or ""):
            m = _SCRIPT_DATE.search(text)
            if m:
                return m.group(1)
    return None


# A trip's date, not the review's: "Date of stay: March 2024", "Mar 2024 • Couples"
# (TripAdvisor's trip types), "Aufenthalt: März 2024", "Aufenthaltsdatum: März 2024 • Paare",
# "Date du séjour : mars 2024", "Data del soggiorno: marzo 2024", "Datum van verblijf: maart
# 2024", "Reisgezelschap: Stel · Reisperiode: maart 2024" (Zoover), "Fecha de la estancia:
# marzo de 2024"; or a date right after such a label.
_STAY_WORDS = (
    r"date\s+of\s+(?:stay|visit|experience|travel)|aufenthalt(?:sdatum)?|reisezeitraum|"
    r"reisedatum|besuchsdatum|date\s+du\s+séjour|date\s+de\s+(?:la\s+)?visite|"
    r"data\s+(?:del\s+soggiorno|della\s+visita)|datum\s+van\s+(?:verblijf|bezoek)|"
    r"fecha\s+de\s+(?:la\s+)?(?:estancia|estadía|visita)|data\s+d[ao]\s+(?:estadia|visita)|"
    r"data\s+pobytu|reisperiode|reisgezelschap|reisezeit"
)
_STAY = re.compile(
    rf"^(?:{_STAY_WORDS}|stayed|visited|verreist|gereist|urlaub\s+im)\b|"
    r"[•·]\s*(?:couples?|family|friends|solo|business|traveled\s+\w+|paare?|familie|freunde|"
    r"allein|geschäftlich|en\s+couple|en\s+famille|entre\s+amis|seul|affaires|coppia|"
    r"famiglia|amici|da\s+solo|lavoro|pareja|familia|amigos|negocios)\s*$",
    re.I,
)

_STAY_LABEL = re.compile(rf"^(?:{_STAY_WORDS})\s*:?$", re.I)

# A date of the thing reviewed or of the reviewer, never the review's: "Released On: Feb 25,
# 2022", "Member since 2019", "Gegründet 1998".
_OTHER_DATE = re.compile(
    r"^(?:released(?:\s+on)?|release\s+date|erschienen|erscheinungsdatum|opened|eröffnet|"
    r"founded|gegründet|member\s+since|mitglied\s+seit|joined|available\s+from|erhältlich\s+ab)"
    r"\b",
    re.I,
)


def other_date(text: str, before: str) -> bool:
    """Whether a date shown in a review's block is a product's or a reviewer's."""
    return bool(_OTHER_DATE.match(text) or _OTHER_DATE.match(before))


def stay_date(text: str, before: str) -> bool:
    """Whether a date the review shows is the trip's (``before``: the text before it)."""
    return bool(_STAY.search(text) or _STAY_LABEL.match(before))


_SHORT_DATE = re.compile(r"\d").search


def short_date(tail: str) -> bool:
    """A short text after an element that may be a date ("<a>Jane S</a> Mar 3, 2024")."""
    return len(tail) <= 40 and _SHORT_DATE(tail) is not None and looks_like_date(tail.strip())


# The day of the order or the experience after the review's own in one line: "Avis du
# 12/03/2025 suite à une commande du 02/03/2025" (Avis Vérifiés), "Bewertet am 12.03.2025 nach
# Kauf am 02.03.2025", "Reviewed on March 12, 2025 after a purchase on March 2, 2025".
_THEN_ORDERED = re.compile(
    r"[,;]?\s+(?:suite\s+à\s+(?:une|votre|sa)\s+(?:commande|achat|expérience|visite)\s+d[ue]|"
    r"(?:nach|zu)\s+(?:dem|einem|ihrem|seinem)?\s*(?:kauf|einkauf|bestellung|besuch)\s+(?:vom|am)|"
    r"(?:after|following)\s+(?:a|an|the|their|his|her)?\s*(?:purchase|order|visit|stay)\s+(?:on|of)|"
    r"tras\s+(?:una|la|su)\s+(?:compra|pedido|visita)\s+(?:del?|el)|"
    r"dopo\s+(?:un|l'|il)\s*(?:acquisto|ordine)\s+del|na\s+(?:een\s+)?(?:aankoop|bestelling)\s+op)"
    r"\s+(?=[^.]{0,20}\d)",
    re.I,
)


# The reviewer's name and the date in one line, split by a bar or a dot: AliExpress's "J***n |
# 03 Mar 2024", "Anna K. · 3 days ago" (the name has no digit nor comma; a label, a weekday,
# a place "Lisbon, Portugal" or a trip's type "Couples" is no name).
_NAME_THEN_DATE = re.compile(r"^([^\d|·•:,]{1,30}?)\s+[|·•]\s+(?=\S)")
_NOT_A_NAME = re.compile(
    r"^(?:couples?|family|friends|solo|business|paare?|familie|freunde|allein|"
    r"verified|verifiziert|vérifié|verificad|posted|reviewed|updated|edited|written|"
    r"geschrieben|bewertet|publié|publicado|pubblicato|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|"
    r"do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim)\b",
    re.I,
)


# The last of the dashes that part a reviewer's line: "Software Engineer (Former Employee) -
# Austin, TX - March 3, 2024" (a job site's): the date after it, when the rest shows none.
_LAST_DASH = re.compile(r"\s[-–]\s(?!.*\s[-–]\s)")


def review_dates(text: str) -> dict[str, str]:
    """A review's shown date line as ``published_raw``, and the order's or the visit's day
    after it, in the same line, as ``experienced_raw``; a name before the date, split from it
    by a bar or a dot ("J***n | 03 Mar 2024"), as ``author_name``; the date alone after the
    dashes of a reviewer's line ("Sales Associate - Denver, CO - March 3, 2024")."""
    named = _NAME_THEN_DATE.match(text) if len(text) <= 80 else None
    if named and not _NOT_A_NAME.match(named.group(1)) and looks_like_date(text[named.end() :]):
        return {**review_dates(text[named.end() :]), "author_name": named.group(1).strip()}
    last = _LAST_DASH.search(text) if " - " in text or " – " in text else None
    if last and looks_like_date(text[last.end() :]) and not looks_like_date(text[: last.start()]):
        return review_dates(text[last.end() :])  # "Sales Associate - Denver, CO - March 3, 2024"
    m = _THEN_ORDERED.search(text) if len(text) > 20 else None
    if m is None or not looks_like_date(text[: m.start()]):
        return {"published_raw": text}
    return {"published_raw": text[: m.start()], "experienced_raw": text[m.end() :]}
