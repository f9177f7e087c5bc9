"""Strategy 3, ratings as the page renders them: text, attributes, class names.

A rating signal is an element that states one rating: ``aria-label="4 star
rating"``, ``title="4.4 out of 5 stars"``, ``data-score="5"``, a class that
encodes it (``bubble_45``), its own text ("4,1 de 5 estrellas"), a number and
the scale after it (<b>4,5</b> von 5), a bare number after a label ("Review
score" "9.0"), or a drawn rating (a bar's width, star icons: ``drawn.py``).
Filters, histograms and forms are not ratings. Each signal's block is its
largest ancestor holding no other signal: a block that also states a count
("21,200 ratings", "(90)") is an aggregate, one with a date or a text is a
review; a card rated on several scales is one review with sub-ratings
(``cards.py``). Differently named aggregates make a list page: one per entry.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from spiders.pages.base import text_of
from spiders.pages.generic.blocks import (
    View,
    hidden,
    may_be_dated,
    read_review,
    reviewish,
    view_of,
)
from spiders.pages.generic.cards import card_review, rating_cards
from spiders.pages.generic.counts import count_after, count_in_text, tallied
from spiders.pages.generic.drawn import (
    drawn_rating,
    image_rating,
    precise_value,
    scale_in_next,
    score_text,
    svg_title_rating,
)
from spiders.pages.generic.entries import aggregate, page_aggregates
from spiders.pages.generic.records import Found, Record
from spiders.pages.generic.shown import (
    GLYPH_FIRST,
    GRADE_BEST,
    GRADE_WORST,
    Grade,
    as_grade,
    bare_rating,
    glyph_rating,
    looks_like_date,
    number_then_scale,
    rating_in_classes,
    rating_in_text,
)
from spiders.pages.generic.texts import iter_texts, text_content
from spiders.pages.generic.values import VALUE_KEYS, value_signal

_HAS_DIGIT = re.compile(r"\d").search
_CLASS_HINT = re.compile(r"star|rating|bubble|score|count-", re.I).search
_SCORE = "score"  # a class naming a score element: its text may be the value
_DRAWN = "drawn"  # a class naming a rating that may be drawn (a bar, star icons)
_STARRY = re.compile(r"star|rating", re.I).search
_CLASSES: dict[str, tuple[str, str | None, str] | str | None] = {}
_NOT_RATING_CLASSES: dict[str, bool] = {}
_UNSEEN = object()
_LABEL = re.compile(
    r"^(?:review\s+score|guest\s+rating|rating|score|bewertung|gesamtbewertung|note|"
    r"puntuación|valutazione|beoordeling|overall|trustscore)\s*:?$",
)  # matched against the lowercased text
_LABEL_INITIALS = frozenset("rRgGsSbBnNpPvVoOtT")
_SAYS_FIRST = _LABEL_INITIALS | GLYPH_FIRST  # how a text without a digit can say something
_NOT_RATINGS = frozenset({"button", "option", "select", "label", "form", "input", "textarea"})
_SKIP = frozenset({"script", "style", "noscript", "template", "title", "head"})
_INLINE = frozenset({"a", "span", "b", "strong", "i", "em", "small", "br", "img", "svg", "time"})
# A histogram's rows and a filter's options show star values, not ratings
# ("a-histogram-row", "c-tp-ratinghistogram-cell", "rating-filter").
_NOT_RATING_CLASS = re.compile(
    r"histogram|distribution|breakdown|(?:^|[\s_-])(?:filters?|sort)(?:$|[\s_-])"
)
_SCORE_CLASS = re.compile(r"(?:^|[\s_-])(?:score|rating|rating-value|review-score)(?:$|[\s_-])")
_OVERALL = re.compile(r"overall[-_]?rating|rating[-_]?overall", re.I).search  # Glassdoor's
MAX_BLOCK_TEXT = 6000


def _excluded(el: Any) -> bool:
    for i, anc in enumerate(el.iterancestors()):
        if i > 6:
            break
        if anc.tag in _NOT_RATINGS or anc.tag in _SKIP or anc.get("role") == "button":
            return True
        if i < 3 and _not_rating_class(anc.get("class")):
            return True
    return el.get("role") == "button" or _not_rating_class(el.get("class"))


def _not_rating_class(classes: str | None) -> bool:
    if not classes:
        return False
    known = _NOT_RATING_CLASSES.get(classes)
    if known is None:
        if len(_NOT_RATING_CLASSES) > 50_000:
            _NOT_RATING_CLASSES.clear()
        known = _NOT_RATING_CLASSES[classes] = bool(_NOT_RATING_CLASS.search(classes))
    return known


def _class_signal(classes: str) -> tuple[str, str | None, str] | str | None:
    """What a class attribute says: a value it encodes, ``_SCORE`` when it names a
    score element whose own text may be the value, else None."""
    if not _CLASS_HINT(classes):
        return None
    found = rating_in_classes(classes)
    if found:
        return found[0], found[1], ""
    if _SCORE_CLASS.search(classes) or _OVERALL(classes):
        return _SCORE
    return _DRAWN if _STARRY(classes) else None


def _class_of(classes: str) -> tuple[str, str | None, str] | str | None:
    # Pages repeat a few hundred class strings over thousands of elements.
    try:
        return _CLASSES[classes]
    except KeyError:
        if len(_CLASSES) > 50_000:
            _CLASSES.clear()
        found = _CLASSES[classes] = _class_signal(classes)
        return found


def _short_text(text: str) -> tuple[str, tuple[str, str | None] | None, bool] | str | None:
    """(The text collapsed, the rating it states, whether it is a label like "Review
    score" before its number), else the bare number it is (a scale may follow), else None."""
    digit = _HAS_DIGIT(text) is not None
    stripped = text.strip()
    if not stripped or (not digit and stripped[0] not in _SAYS_FIRST):
        return None  # most texts: without a digit, only a label or star glyphs say something
    text = " ".join(stripped.split())
    shown = rating_in_text(text)  # a number, or star glyphs ("★★★★☆")
    label = (
        shown is None
        and len(text) <= 24
        and text[0] in _LABEL_INITIALS
        and _LABEL.match(text.lower()) is not None
    )
    if shown or label:
        return text, shown, label
    return bare_rating(stripped) if digit else None


def _signals(root: Any) -> dict[Any, tuple[str, str | None, str]]:
    # One pass in document order asking each element only for what it has (keys() is
    # one call; an XPath over the attributes costs more). Classes, texts: looked up.
    out: dict[Any, tuple[str, str | None, str]] = {}
    no_values = VALUE_KEYS.isdisjoint
    class_of = _CLASSES.get
    # What each short text and attribute value says, read once per page ("Helpful").
    texts: dict[str, tuple[str, tuple[str, str | None] | None, bool] | str | None] = {}
    values: dict[str, tuple[str, str | None] | None] = {}
    unseen = _UNSEEN
    only_class = ["class"]  # most elements' attributes
    body = root.find("body")  # the head shows nothing
    for el in (root if body is None else body).iter(etree.Element):  # no comments
        tag = el.tag
        if tag in _SKIP:
            continue
        keys = el.keys()
        found = None
        if keys:
            if keys != only_class and not no_values(keys):
                found = value_signal(el, keys, values)
            if found is None and "class" in keys:
                cls = el.get("class")
                found = class_of(cls, unseen)
                if found is not None:  # most classes say nothing
                    if found is unseen:
                        found = _class_of(cls)
                    if found is _SCORE:
                        found = score_text(el) or drawn_rating(el)
                    elif found is _DRAWN:
                        found = drawn_rating(el)
                    elif found is not None and el.text and el.text.strip()[:1] in GLYPH_FIRST:
                        # Letterboxd's "rated-5" counts half stars: the glyphs say 2.5
                        glyphs = glyph_rating(el.text.strip(), fewer=True)
                        found = (*glyphs, el.text.strip()) if glyphs else found
            if found is None and "src" in keys and tag == "img":
                found = image_rating(el.get("src") or "")
        if found is None and tag == "svg":
            found = svg_title_rating(el)
        if found is None:
            text = el.text
            if text and len(text) < 80:
                said = texts.get(text, unseen)
                if said is unseen:
                    said = texts[text] = _short_text(text)
                if type(said) is str:  # <b>4,5</b> von 5: the scale in the tail
                    tail = el.tail
                    found = number_then_scale(said, tail) if tail else None
                    found = found or scale_in_next(el, said)
                elif said is not None:
                    text, shown, label = said
                    if label:
                        # "Review score" "9.0": the number is the next element's text,
                        # or its own child's ("TrustScore <strong>4.6</strong>").
                        nxt = el[0] if len(el) else el.getnext()
                        number = bare_rating(text_of(nxt)) if nxt is not None else None
                        if number:  # "Note:" <b>8</b> / 10: the scale after it
                            scaled = number_then_scale(number, nxt.tail) if nxt.tail else None
                            number = Grade(number) if text[:1] in "Nn" and not scaled else number
                            el, shown = nxt, (number, scaled[1] if scaled else None)
                    if shown:
                        found = (shown[0], shown[1], text)
        if found is None and tag in _INLINE:
            # "<a>Full Review</a> | Original Score: 3/4": the words after an inline
            # element state the rating (the element stands for it: its parent holds
            # the review's other parts, a date beside it).
            tail = el.tail
            if tail and len(tail) < 80 and not tail.isspace() and _HAS_DIGIT(tail):
                said = texts.get(tail, unseen)
                if said is unseen:
                    said = texts[tail] = _short_text(tail)
                if type(said) is tuple and said[1] and not said[2]:
                    found = (said[1][0], said[1][1], said[0])
        if found and el not in out and not _excluded(el):
            out[el] = found
    # One rating shown twice (an icon's class and its hidden text): keep the outer.
    for el in list(out):
        for i, anc in enumerate(el.iterancestors()):
            if i > 3:
                break
            if anc in out:
                inner = out.pop(el)
                outer = out[anc]
                # The text with its scale ("5,0 de 5 estrellas") says it as shown.
                out[anc] = (
                    inner if inner[1] and not outer[1] else (*outer[:2], outer[2] or inner[2])
                )
                break
    return _without_hidden_copies(out)


def _hidden(el: Any, seen: dict[Any, bool]) -> bool:
    """Whether one of ``el``'s 9 nearest ancestors (below body) keeps it out of
    sight; ``seen``: what each ancestor was found to be, shared by the signals."""
    for i, anc in enumerate(el.iterancestors()):
        if i > 8 or anc.tag in ("body", "html"):
            return False
        out = seen.get(anc)
        if out is None:
            out = seen[anc] = hidden(anc)
        if out:
            return True
    return False


def _without_hidden_copies(
    signals: dict[Any, tuple[str, str | None, str]],
) -> dict[Any, tuple[str, str | None, str]]:
    """The signals without those out of sight that the page also shows in view."""
    seen: dict[Any, bool] = {}
    hidden = {el for el in signals if _hidden(el, seen)}
    if not hidden:
        return signals
    shown = {signals[el] for el in signals if el not in hidden}
    return {el: v for el, v in signals.items() if el not in hidden or v not in shown}


def _block(el: Any, counts: dict[Any, int]) -> Any:
    block = el
    for anc in el.iterancestors():
        if counts.get(anc, 0) > 1 or anc.tag in ("body", "html", "main"):
            break
        if len(etree.tostring(anc, method="text", encoding="unicode")) > MAX_BLOCK_TEXT:
            break
        block = anc
    return block


def _near(el: Any, block: Any) -> Any:
    """The signal's close surroundings (3 levels up, within its block, below the page's
    body): a count further away (the reviewer's "2 reviews", the press's "12 Testberichte"
    in the section before) is not the rating's count."""
    near = el
    for i, anc in enumerate(el.iterancestors()):
        if i >= 3 or anc.tag in ("body", "html", "main"):
            break
        near = anc
        if anc is block:
            break
    return near


def _near_count(el: Any, near: Any) -> int | None:
    """The count of reviews stated next to a rating (the first short text with one)."""
    for sub, t in iter_texts(near):
        if len(t) <= 60 and sub is not el:
            count = count_in_text(t, sub.tail)  # <b>20</b> Bewertungen
            if count is None and t[-1] == ":" and (nxt := sub.getnext()) is not None:
                count = count_in_text(f"{t} {nxt.text.strip()}") if nxt.text else None
            elif count is None and len(sub) and sub[0].text and _HAS_DIGIT(t):
                # the words in a child: "(1,234 <span class="screen-reader-text">ratings</span>)"
                count = count_in_text(f"{t} {sub[0].text.strip()}")
            if count is not None:  # and a label's number in the next element: "Ratings:" "89"
                return count
    for sub in near.iter(_ICONS):  # <i class="material-icons">chat</i>Commentaires (2)
        tail = sub.tail
        if tail and len(tail) <= 60 and _HAS_DIGIT(tail) and not len(sub) and not sub.text:
            count = count_in_text(" ".join(tail.split()))
            if count is not None:
                return count
    return None


_ICONS = ("i", "svg", "img", "span", "em")  # an icon before its count's words


def read(root: Any) -> Found:
    found = Found()
    signals = _signals(root)
    if not signals:
        return found
    found.saw_ratings = True
    counts: dict[Any, int] = {}
    for el in signals:
        for anc in el.iterancestors():
            counts[anc] = counts.get(anc, 0) + 1
    groups: dict[tuple, list[Record]] = {}
    shapes: dict[tuple, list[tuple[Record, Any]]] = {}  # aggregates and their blocks
    views: dict[Any, View] = {}  # blocks hold several signals
    dated_blocks: dict[Any, bool] = {}  # whether a block shows a date at all
    unread: list[Any] = []  # signals whose own block is no review (a card's sub-ratings)
    for el, (value, best, label) in signals.items():
        block = _block(el, counts)
        count = count_in_text(label) if label else None
        if count is None and label and (after := count_after(label)) and rating_in_text(after[1]):
            count = after[0]  # "4.6 out of 5 stars (2,345)"
        if count is None:
            near = _near(el, block)
            count = _near_count(el, near)
            if count is not None and _dated(near) and _reviewers_count(_view(views, block)):
                count = None  # the reviewer's count of reviews ("Local Guide · 12 reviews")
            elif near is not block and count is None and len(text_content(block)) <= 300:
                # A score deep in a small box (its labels, its count apart): not a review's.
                count = None if may_be_dated(block) else _near_count(el, block)
        if count is not None:
            agg = aggregate(block, *precise_value(el, value, best, label, signals), count)
            shapes.setdefault((el.tag, el.get("class"), block.tag), []).append((agg, block))
            continue
        dated = dated_blocks.get(block)
        if dated is None:
            dated = dated_blocks[block] = may_be_dated(block)
        review = read_review(block, el, value, best, _view(views, block), counts) if dated else None
        if review is not None:
            groups.setdefault((el.tag, el.get("class"), block.tag), []).append(review)
        else:
            unread.append(el)
    for card, members in rating_cards(unread, counts).items():
        review = card_review(card, members, signals, _view(views, card), counts)
        if review is not None:
            groups.setdefault(("card", card.tag, card.get("class")), []).append(review)
    # Reviews repeat one markup; a lone rated, dated block counts only with a text.
    for group in groups.values():
        if len(group) > 1 or all(r.values.get("text") for r in group):
            found.reviews.extend(group)
    found.aggregates = page_aggregates(shapes, others=bool(found.reviews or unread))
    _school_grades(found, root.get("lang"))
    return found


def _school_grades(found: Found, lang: str | None) -> None:
    """A German page's "Note 1,2" is a school grade: 1 is best, 6 worst."""
    for record in (*found.reviews, *found.aggregates):
        if record.rating_best is None and as_grade(record.rating_value, lang):
            record.rating_worst, record.rating_best = GRADE_WORST, GRADE_BEST


def _reviewers_count(view: View) -> bool:
    """A dated block's count is its reviewer's or its post's: the block reads as a review, or
    shows the reviewer's other tallies ("12 friends · 43 reviews", "42 likes")."""
    return reviewish(view) or tallied(view.texts)


def _dated(near: Any) -> bool:
    """A date shown next to the rating: a review's, not an aggregate's."""
    return any(len(t) <= 80 and looks_like_date(t) for _, t in iter_texts(near))


def _view(views: dict[Any, View], block: Any) -> View:
    view = views.get(block)
    if view is None:
        view = views[block] = view_of(block)
    return view
