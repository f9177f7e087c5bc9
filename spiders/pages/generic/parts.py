"""Parts of a rendered review that sit apart from it: a reply whose text follows its
heading, and the business a review is of when the page is not that business's.

An app store heads the developer's reply with a container of its own
(``<div class="...response">Developer Response <time>``) and puts the reply's text
in the element after it: that element is the reply. A reviewer's page (a Yelp
user's reviews, a Trustpilot profile) shows each review with the business it is
of, named by the markup (``biz-name``, ``business-name``, ``businessUnitName``):
those reviews are of the businesses they name, not of the page, when they name
more than one (one name on every review is the page's own company).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from spiders.pages.generic.counts import count_in_text
from spiders.pages.generic.shown import looks_like_date, rating_in_text

_HEADING_ONLY = 80  # a reply container this short holds its heading and date only
MIN_REPLY = 15
# Matched against lowercased hints: the reviewed business's name or link.
ENTITY_HINT = re.compile(  # a class of its own, not "reviewer-company-name"
    r"(?:^|(?<=[\s_]))(?:biz|business(?:[-_]?unit)?|company|merchant|venue|place|listing)[-_]?(?:name|title|link)"
)
ENTITIES_OF_A_REVIEWERS_PAGE = 2


def _text(el: Any) -> str:
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False).strip()


def reply_body(root: Any, holding: set[Any], is_label: Callable[[str], Any]) -> Any | None:
    """The element after a reply container that holds only the reply's heading
    and date (``is_label``: whether a text is a reply's heading), when it holds the
    reply's text (and not the rating)."""
    if len(_text(root)) > _HEADING_ONLY:
        return None
    for sub in root.iter():
        t = " ".join((sub.text or "").split()) if type(sub.tag) is str else ""
        if len(t) > 3 and not looks_like_date(t) and not is_label(t):
            return None  # the container holds a text of its own: the reply itself
    nxt = root.getnext()
    while nxt is not None and type(nxt.tag) is not str:  # comments
        nxt = nxt.getnext()
    if nxt is None or nxt in holding or len(_text(nxt)) < MIN_REPLY:
        return None
    return nxt


def entity_of(el: Any) -> tuple[str, str | None] | None:
    """(name, link) of the business an element of a review names: its text, and
    the link it is, holds or sits in."""
    name = " ".join(_text(el).split())
    if not name:
        return None
    link = el if el.tag == "a" else next(el.iter("a"), None)
    if link is None:
        link = next((a for a in el.iterancestors("a")), None)
    href = link.get("href") if link is not None else None
    return name[:200], href if href and not href.startswith(("#", "javascript:")) else None


def reviewed_entities(reviews: list[Any]) -> None:
    """Reviews that name the business they are of (``company_url``): of those
    businesses (``listed``) when they name several; else of the page."""
    named = [r for r in reviews if r.strategy == "rendered" and r.company_url]
    if len({r.company_url for r in named}) >= ENTITIES_OF_A_REVIEWERS_PAGE:
        for r in named:
            r.listed = True
        return
    for r in named:
        r.company_name = r.company_url = None


# What a review's "Pros" and "Cons" sections are headed by (lowercased, without ":").
_PROS = re.compile(
    r"pros|liked|vorteile|avantages|points? positifs?|ventajas|pregi|voordelen|"
    r"what do you like(?: best)?\b.*|what i like(?: best)?\b.*|gut am arbeitgeber.*"
)
_CONS = re.compile(
    r"cons|contras?|disliked|nachteile|inconvénients|points? négatifs?|desventajas|difetti|"
    r"nadelen|what do you dislike\b.*|what i dislike\b.*|schlecht am arbeitgeber.*"
)
# Elements the markup names as the pros or the cons (Glassdoor's ``data-test="pros"``).
_NAMED_PART = re.compile(r"(?:^|[\s_-])(pros|cons)(?:$|[\s_-])")
_PART_ATTRS = ("class", "data-test", "data-testid")
_EMPHASIS = frozenset({"h2", "h3", "h4", "h5", "h6", "b", "strong", "dt", "th", "legend"})
_LABEL_CLASS = re.compile(r"bold|heading|label|headline", re.I)
_SEPARATORS = frozenset("·:-–—|•")
MAX_SECTION_TEXTS = 12


def _label(sub: Any, t: str) -> bool:
    """A short heading inside a review ("Likelihood to Recommend", "Overall:")."""
    if len(t) > 60:
        return False
    return (
        t.endswith(":") or sub.tag in _EMPHASIS or bool(_LABEL_CLASS.search(sub.get("class") or ""))
    )


def _field(sub: Any, t: str, author: Callable[[Any], Any] | None) -> bool:
    """A review's date or author, after its "Cons": the end of the section."""
    return (len(t) <= 80 and looks_like_date(t)) or bool(author and author(sub))


def pros_and_cons(
    texts: list[tuple[Any, str]], author: Callable[[Any], Any] | None = None
) -> tuple[list[tuple[Any, str]], dict[str, Any], set[Any]]:
    """A rendered review's texts without its "Pros" and "Cons" sections, those
    sections (``pros``, ``cons``: the texts after each heading up to the next
    heading, date or author (``author``: whether an element's hint names it), one a
    line), and the elements they were read from."""
    rest: list[tuple[Any, str]] = []
    parts: dict[str, list[str]] = {}
    taken: set[Any] = set()
    section: list[str] | None = None
    for sub, t in texts:
        named = _NAMED_PART.search(" ".join(sub.get(a) or "" for a in _PART_ATTRS).lower())
        if named and sub not in taken:  # <p class="pros">, <span data-test="cons">
            parts.setdefault(named.group(1), []).append(t)
            taken.add(sub)
            section = None
            continue
        key = t.rstrip(":·? ").lower() if len(t) <= 80 else ""
        kind = "pros" if _PROS.fullmatch(key) else "cons" if _CONS.fullmatch(key) else None
        # A heading is the whole text of its element ("Points positifs" on a line
        # of the reviewer's own text is what they wrote).
        if kind is not None and kind not in parts and " ".join(_text(sub).split()) == t:
            section = parts[kind] = []
            taken.add(sub)
        elif section is not None and (_label(sub, t) or _field(sub, t, author)):
            section = None
            rest.append((sub, t))
        elif section is not None and len(section) < MAX_SECTION_TEXTS:
            if t not in _SEPARATORS:
                section.append(t)
            taken.add(sub)
        else:
            rest.append((sub, t))
    if not any(parts.values()):
        return texts, {}, set()
    return rest, {k: "\n".join(v) for k, v in parts.items() if v}, taken


# A person's first name, with a second name or an initial: "Julia", "Marco B.", "Anne-Marie".
_PERSON = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]*\.?)?")
MAX_NAME = 30
# eBay's masked buyer with the feedback score after it: "b***r (312)" (a plain name's
# "(2)", "Team (2)", is part of the name).
_SCORE_AFTER = re.compile(r"(?<=\*)(\w?)\s+\(\d{1,3}(?:[.,]\d{3})*\)$")
# Words a review's title is made of, never a reviewer's name ("Excellent", "Five Stars").
_VERDICT = re.compile(
    r"(?i)\b(?:excellent|great|good|super|top|perfect|amazing|awesome|fantastic|wonderful"
    r"|terrible|horrible|awful|bad|poor|nice|ok|okay|fine|best|worst|love|lovely|recommended"
    r"|disappointed|disappointing|stars?|one|two|three|four|five|toll|prima|gut|sehr|schlecht"
    r"|spitze|klasse|empfehlenswert|enttäuscht|enttäuschend|sterne?|génial|parfait"
    r"|avoid|never|again|outstanding|superb|brilliant|exceptional|fabulous|pleasant|highly"
    r"|recommend|loved|worth|value|trip|holiday|vacation|stay|weekend|visit|family|business)\b"
)


def author_of(
    values: dict[str, Any], texts: list[tuple[Any, str]], in_reply: set[Any], body: Any
) -> None:
    """The author of a review whose markup names none: the name its link to the
    reviewer's profile shows (Yelp's ``/user_details?userid=``, a map's
    ``/contrib/``), else its heading when that is a person's name above the date line,
    with at most a few short lines between (Airbnb's shape: ``<h3>Julia</h3><div>2 years on
    Airbnb</div><div>March 2024</div>``: one word or two, capitalised), not its title. A
    link in the business's reply (``in_reply``) names the replier, one after the review's
    text (``body``) a replier or a voter ("Tom K. found this helpful"); one that counts
    ("12 reviews") names no one."""
    if "author_name" in values:  # eBay's "b***r (312)": the name without its feedback score
        name = _SCORE_AFTER.sub(r"\1", values["author_name"]) or values["author_name"]
        # PrestaShop's <div class="comment-author">Par Julie</div>, "Verified patient · Jane D."
        by = _BY.match(name) or _VERIFIED_NAME.match(name)
        values["author_name"] = by.group(1) if by and _plain_name(by.group(1)) else name
        return
    for sub, t in texts:
        if sub is body:
            break
        if (
            len(t) <= MAX_NAME
            and t != values.get("title")
            and sub not in in_reply
            and _profile_link(sub)
            and count_in_text(t) is None
        ):
            values["author_name"] = t
            return
    if _title_names(values, texts, body):
        values["author_name"] = values.pop("title")
    elif first := _first_line_name(values, texts, body):
        values["author_name"] = first


def _first_line_name(values: dict[str, Any], texts: list[tuple[Any, str]], body: Any) -> str | None:
    """A card's first line when it is a person's whole name ("Priya Nair", "Marco B.") or a
    masked one ("J**n") above its date, its classes hashed (a marketplace's, a store's); not
    a link elsewhere than to a profile (a reviewer's page names the business first)."""
    if not texts or texts[0][0] is body or texts[0][1] == values.get("title"):
        return None
    sub, t = texts[0]
    if any(a.tag == "a" for a in (sub, *itertools.islice(sub.iterancestors(), 2))):
        return None
    if len(t) > MAX_NAME or not (_MASKED(t) or (" " in t and _plain_name(t))):
        return None
    shown = values.get("published_raw")
    return t if any(after == shown for _, after in texts[1:_LINES_TO_DATE]) else None


_MASKED = re.compile(r"^[A-Za-zÀ-ÿ]\*{1,6}[A-Za-zÀ-ÿ]?\.?$").match  # "J**n", "k***a"


def _title_names(values: dict[str, Any], texts: list[tuple[Any, str]], body: Any) -> bool:
    """Whether the review's heading is its reviewer's name above the date line."""
    title = values.get("title")
    if not title or len(title) > MAX_NAME or not _PERSON.fullmatch(title):
        return False
    if _VERDICT.search(title):
        return False
    for i, (sub, t) in enumerate(texts[:-1]):
        if t == title:  # a heading the markup names a title stays one
            if "title" in (sub.get("class") or "").lower():
                return False
            # the date line next, or after a few short lines about the reviewer and the
            # rating ("2 years on Airbnb", "Rating, 5 stars", "·"), before the review's text
            for later, after in texts[i + 1 : i + 1 + _LINES_TO_DATE]:
                if later is body or len(after) > _SHORT_LINE:
                    return False
                if after == values.get("published_raw") and looks_like_date(after):
                    return True
            return False
    return False


_LINES_TO_DATE, _SHORT_LINE = 5, 40


# A link to a reviewer's profile (href or a button's data-href), not to an action
# on it or on the site ("/users/4711/follow", "/users/sign_in", "/members/report").
_PROFILE = re.compile(
    r"/user_details\b|/users?/|/gp/profile/|/profile/|/members?/|/contrib/|/reviewers?/|/people/"
)
_ACTION = re.compile(
    r"/(?:sign_?(?:in|up|out)|log_?(?:in|out)|register|join|follow|unfollow|report|flag"
    r"|message|messages|contact|block|edit|settings|password|new)(?:$|[/?#.])"
)
# A business's profile ("/company/profile/acme"), not a reviewer's.
_BUSINESS = re.compile(
    r"/(?:compan(?:y|ies)|business(?:es)?|biz|brands?|shops?|stores?|sellers?|merchants?"
    r"|vendors?|places?|hotels?|venues?|restaurants?)/"
)
_PROFILE_LEVELS = 3


def _profile_link(el: Any) -> bool:
    """Whether an element is, or sits in, a link to a reviewer's profile."""
    for _ in range(_PROFILE_LEVELS):
        if el is None:
            return False
        href = el.get("href") or el.get("data-href")
        if href and _PROFILE.search(href.lower()):
            return _ACTION.search(href.lower()) is None and _BUSINESS.search(href.lower()) is None
        el = el.getparent()
    return False


# A reviewer's job or status beside the review, never its text (Glassdoor's avatar label).
_ABOUT_REVIEWER = re.compile(
    r"avatar|job-?title|employee-?(?:role|status)|(?:reviewer|author|user)[-_]?(?:role|position|job)"
).search


def may_be_text(t: str, hint: str) -> bool:
    """Whether a text may be the review's own: not about the reviewer or the rating
    ("Local Guide · 12 reviews", "5 stars", a job title), nor a line of votes, a verdict
    ("No, I would not recommend this to a friend") or a short field ("Used the software
    for: 1-2 years", "Fit: True to size")."""
    low = t.lower()
    if _VOTES(low) or (len(t) <= 80 and (_RECOMMENDS(low) or _FIELD_LINE(t))):
        return False  # "87 people found this review helpful"
    return not rating_in_text(t) and count_in_text(t) is None and not _ABOUT_REVIEWER(hint)


# A line about the review's votes, not its text.
_VOTES = re.compile(
    r"found\s+(?:this|it)\s+(?:review\s+)?(?:helpful|useful)|(?:fanden|fand)\s+(?:das|diese)"
    r"\s+\w*\s*hilfreich|people\s+found|personen\s+fanden|was\s+this\s+(?:review\s+)?helpful"
).search
# A reviewer's verdict of recommending, the whole line: "I would recommend this to a friend",
# "No, I would not recommend this to a friend", "Would recommend: Yes", "Ich würde dieses
# Produkt weiterempfehlen", "Je recommande ce produit", "Recomendaría este producto".
_RECOMMENDS = re.compile(
    r"^(?:(?:yes|no|ja|nein|oui|non|sí|si),?\s+)?(?:(?:i|ich|je)\s+)?(?:would|würde|"
    r"ne\s+)?\s*(?:not\s+|nicht\s+)?(?:recommend\w*|(?:\w+\s+){0,2}weiterempfehlen|"
    r"recommande|recomendar\w*|consiglio|consiglierei|raad\w*\s+\w+\s+aan)\b[^.!?]{0,40}$"
).match
# A short field beside the review, a label and a few words with no sentence's end: "Used the
# software for: 1-2 years", "Fit: True to size", "Company size: 51-200 employees".
_FIELD_LINE = re.compile(r"^[^\W\d][\w '/-]{1,30}:\s+(?:\S+\s*){1,5}(?<![.!?…])$").match


def link_title(
    values: dict[str, Any], texts: list[tuple[Any, str]], in_reply: set[Any], body: Any, rid: Any
) -> None:
    """A review's title shown as the link to the review's own page, its id in the
    address (TripAdvisor's ``<a href="/ShowUserReviews-g1-d2-r901234.html">``)."""
    if "title" in values or not rid or len(rid) < 4:
        return
    edge = "0-9" if rid.isdigit() else "0-9a-z"  # "-r901234": a numeric id after its letter
    own = re.compile(rf"(?<![{edge}]){re.escape(rid.lower())}(?![{edge}])")
    for sub, t in texts:
        if sub is body or sub in in_reply or len(t) > 200 or looks_like_date(t):
            continue
        link = sub
        for _ in range(2):
            if link is None or link.tag == "a":
                break
            link = link.getparent()
        href = link.get("href") if link is not None and link.tag == "a" else None
        if href and own.search(href.lower()):
            values["title"] = t
            return


# A reviewer named after a "By" of its own (PowerReviews: <span>By</span> <span>Sam</span>),
# in one text ("By Sam K.", "von Max M."), or in the button that opens their profile (Bazaarvoice:
# <button aria-label="Sam K."><h3>Sam K.</h3></button>), not a button's action.
_BY_LABEL = re.compile(
    r"^(?:by|von|par|por|door|di|av|przez|(?:written|posted|reviewed|submitted|review)\s+by|"
    r"(?:bewertung|rezension)\s+von|avis\s+de|recensione\s+di)\s*:?$"
)
_ON = frozenset(("on", "am", "le", "el", "il", "op", "em", "den"))  # a name "on" its date
# Words before "on" a date that name no one: "Posted on", "Bewertet am", "Publié le".
_DATE_VERB = re.compile(
    r"(?i)^(?:posted|reviewed|published|updated|edited|written|submitted|added|commented|"
    r"created|verfasst|bewertet|geschrieben|veröffentlicht|gepostet|aktualisiert|publié|écrit|"
    r"publicado|escrito|pubblicato|scritto|geplaatst|geschreven)\b"
).match
_BY = re.compile(r"^(?:By|by|Par|par|Von|von|Por|por|Door|door)\s+(.+)$")
_VERIFIED_NAME = re.compile(
    r"^(?:[Vv]erified\s+(?:patient|buyer|customer|reviewer|purchaser|owner|guest|client)|"
    r"[Vv]erifizierte[rs]?\s+\w+)\s*[·•|:-]\s*(.+)$"
)
_ACTION_WORDS = re.compile(
    r"(?i)\b(?:read|more|show|report|helpful|yes|no|share|reply|load|next|previous|write"
    r"|see|sort|filter|close|open|menu|translate|follow|like|flag|cancel|submit|search)\b"
)


def named_by(sub: Any, t: str, before: str) -> str | None:
    """The reviewer's name a text shows after a "By" or in a naming button, else None."""
    if len(t) > MAX_NAME:
        return None
    # The cheap questions first: most texts of a review have no "By" and no button.
    labelled = _BY_LABEL.match(before.lower()) is not None
    by = _BY.match(t)
    named = by is not None and _plain_name(by.group(1))
    if not labelled and not named and sub.tail and sub.tail.strip().lower() in _ON:
        # Shopify's byline: <strong>Jane</strong> on <strong>Mar 03, 2024</strong>
        nxt = sub.getnext()
        dated = nxt is not None and nxt.text and looks_like_date(nxt.text.strip())
        return t if dated and _plain_name(t) and not _DATE_VERB(t) else None
    button = None
    if not labelled and not named:
        button = next(
            (a for a in (sub, *itertools.islice(sub.iterancestors(), 2)) if a.tag == "button"),
            None,
        )
        if button is None or _ACTION_WORDS.search(t):
            return None
    if looks_like_date(t) or rating_in_text(t) or count_in_text(t):
        return None
    if labelled:
        return t
    if named:
        return by.group(1)  # type: ignore[union-attr]
    return t if button.get("aria-label") == t or _plain_name(t) else None


def _plain_name(t: str) -> bool:
    return _PERSON.fullmatch(t) is not None and _VERDICT.search(t) is None
