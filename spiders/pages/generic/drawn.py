"""What a rating element shows inside it: a bare number ("4,2", "4.5(12345)"), or
a rating drawn instead of written: a filled bar's width, filled and empty star
icons, a star image's file name.

``<div class="star-rating"><span style="width:80%">`` is 4 of 5;
``<i class="fa fa-star">`` x4 + ``<i class="fa fa-star-o">`` is 4 of 5 (an icon may be drawn in
nested parts, or state its filled share: ``percentage-star--80``);
``<img src="stars_4_half.png">`` is 4.5. Each reads only the element that names
itself a rating (a class with "star" or "rating") and its own children.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from spiders.pages.generic.counts import count_in_text, packed_rating
from spiders.pages.generic.shown import bare_rating, number_then_scale, rating_in_text

_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*(\d{1,3}(?:\.\d+)?)\s*%")
# An icon left empty: Font Awesome's "fa-star-o" / "far" (regular), "star-empty",
# "jdgm--off", "inactive", "outline".
_EMPTY = re.compile(
    r"empty|outline|inactive|(?:^|[\s_-])(?:o|off|far|fa-regular|grey|gray|blank|unfilled)(?:$|\s)"
)
# Trustindex's "ti-star h", Shopware's "point-partial" (clipped to its share)
_HALF = re.compile(r"half|partial|(?:^|\s)h(?:$|\s)")
# REVIEWS.io's "ricon-percentage-star--80": the share of the icon filled, in percent.
_SHARE = re.compile(r"percent\w*-star-+(\d{1,3})(?:$|\s)")
# An icon marked filled, where the empty ones carry no mark of their own: "star active" x3 +
# "star" x2 is 3 of 5 ("is-filled", "full", "on", "selected"; Trustindex's "ti-star f"), the
# mark glued to the icon's name too: AliExpress's "comet-icon-starreviewfilled" x3 beside
# "comet-icon-starreview" x2, "icon-starFull".
_FILLED = re.compile(
    r"(?:^|[\s_-])(?:active|full|filled|is-filled|fill|on|selected|checked|f)(?:$|\s)|"
    r"star[a-z]*(?:filled|full|active)(?:$|\s)"
)
_EMPTY_MARK = re.compile(r"(?:^|\s)e(?:$|\s)")  # Trustindex's "ti-star e"
_IMAGE = re.compile(r"(?:^|[-_])(\d{1,2})(?:[-_](half|5))?(?:@\dx)?\.(?:png|gif|svg|jpe?g|webp)")
_MIN_ICONS, _MAX_ICONS = 3, 10
_NAMED_SCORE = re.compile(r"(?:rating|score)_?(?:num(?:ber)?|value)(?![a-z])", re.I)
_COUNT_CLASS = re.compile(r"count|total|(?:^|[\s_-])(?:num|number)(?:$|[\s_-])", re.I)
# A score's own class, though it says "number" or "total": rating-number, total-score.
_SCORE_NAMED = re.compile(r"(?:rating|score)[-_]num(?:ber)?(?![a-z])|total[-_]?score", re.I)


def score_text(el: Any) -> tuple[str, str | None, str] | None:
    """<span class="index__score__x1">4,2</span>: a bare number in a score/rating
    element ("factorScore", a category's sub-score, is not the review's rating)."""
    classes = el.get("class") or ""
    if _COUNT_CLASS.search(classes) and not _SCORE_NAMED.search(classes):
        return None  # <span class="rating-count">20</span> is a count
    if len(el):
        return _value_class(el) or _number_and_scale(el)
    number = bare_rating(el.text)
    if number:
        return number, _scale_after(number, el), ""
    number = packed_rating(el.text)  # "4.5(12345)": the count is read off the label
    return (number, None, el.text.strip()) if number else None


def _scale_after(number: str, el: Any) -> str | None:
    """The scale the words right after a score state: its tail, else the next
    element's text (<span>8</span><span>/10</span>)."""
    nxt = el.getnext()
    after = (
        el.tail if el.tail and not el.tail.isspace() else (nxt.text if nxt is not None else None)
    )
    scaled = number_then_scale(number, after) if after else None
    return scaled[1] if scaled else None


def _number_and_scale(el: Any) -> tuple[str, str | None, str] | None:
    """A score element holding only its number and its scale, each in an element of its own
    (``<div class="review-score"><span>10</span><span>/10</span></div>``): the element names
    a score, so a whole number is one too (a gallery's counter "1" "/ 5" names none)."""
    kids = [c for c in el if type(c.tag) is str]
    if len(kids) != 2 or len(kids[0]) or len(kids[1]) or (el.text or "").strip():
        return None
    number = bare_rating(kids[0].text)
    scaled = number_then_scale(number, kids[1].text) if number and kids[1].text else None
    return (number, scaled[1], f"{number} {kids[1].text.strip()}") if scaled else None


def _value_class(el: Any) -> tuple[str, str | None, str] | None:
    """The microformats value-class pattern: ``<span class="rating"><span
    class="value-title" title="4.0"></span></span>``, the value in the one child
    named "value" (its title, else its text)."""
    kids = [c for c in el if type(c.tag) is str]
    if len(kids) != 1 or "value" not in (kids[0].get("class") or ""):
        return None
    number = bare_rating(kids[0].get("title")) or bare_rating(kids[0].text)
    return (number, None, "") if number else None


def drawn_rating(el: Any) -> tuple[str, str | None, str] | None:
    """(value, best, how it is drawn) of a rating element's children, else None."""
    if not len(el):  # <div class="styles_ratingNum__x">3.9</div>: a score, named in camelCase
        return score_text(el) if _NAMED_SCORE.search(el.get("class") or "") else None
    kids = [c for c in el if type(c.tag) is str]
    if not kids or len(kids) > _MAX_ICONS:
        return None
    for kid in kids[:2]:  # the filled bar over the empty one
        style = kid.get("style")
        if style and "width" in style:
            m = _WIDTH.search(style.lower())
            if m and float(m.group(1)) <= 100:
                # 87% of five stars is 4.35: a bar's share is as precise as its percent
                return f"{round(float(m.group(1)) / 20, 2):g}", "5", f"width {m.group(1)}%"
    if len(kids) < _MIN_ICONS:
        return None
    full = half = marked = 0
    share = 0.0  # icons that state their filled share: "percentage-star--80"
    for kid in kids:
        classes = _icon_classes(kid)
        icon = f"{classes} {kid.get('src') or ''}".lower()
        if classes is None or ("star" not in icon and "point" not in icon):
            return None  # not a row of star icons
        if m := _SHARE.search(classes):
            share += int(m.group(1)) / 100 if int(m.group(1)) <= 100 else 0
        elif _HALF.search(classes) or "half" in icon:
            half += 1
        elif not _EMPTY.search(icon) and not _EMPTY_MARK.search(classes):
            full += 1
            marked += _FILLED.search(classes) is not None
    if marked and marked < full:  # the filled ones are marked, the rest are empty
        full = marked
    value = full + half / 2 + share
    if value == 0:
        return None
    return _number(value), str(len(kids)), f"{round(value, 1):g} of {len(kids)} stars"


_ICON_PARTS = 24


def _icon_classes(kid: Any) -> str | None:
    """An icon's classes, lowercased, with its parts' when it is drawn in nested elements
    (Shopware's ``product-review-point`` > ``point-rating point-full`` > a star's svg); None
    when it shows words or a number ("5.0", "Average rating": a summary's parts, no icons)."""
    classes = (kid.get("class") or "").lower()
    if not _ICON_TEXT(kid.text or ""):
        return None
    if not len(kid):
        return classes
    parts = [classes]
    for n, sub in enumerate(kid.iterdescendants()):
        if n >= _ICON_PARTS or not _ICON_TEXT(sub.text or "") or not _ICON_TEXT(sub.tail or ""):
            return None
        if type(sub.tag) is str:
            parts.append((sub.get("class") or "").lower())
    return " ".join(parts)


# An icon's own text: none, a glyph, or a font's ligature ("star", "star_half"), one word.
_ICON_TEXT = re.compile(r"^\s*[^\d\s]{0,12}\s*$").match


_DECIMAL_SCALE = re.compile(r"^\s*/\s*(5|10)[.,]00?\s*$")
_PLAIN_SCALE = re.compile(r"^\s*/\s*(5|10)\s*$")


def scale_in_next(el: Any, number: str) -> tuple[str, str | None, str] | None:
    """``<span>4,89</span><span>/ 5,00</span>`` (Trusted Shops): the scale in the next
    element, written with its decimals, or a plain "/5", "/10" after a number written with
    its own ("4,6" "/5", IMDb's "8.1" "/10", "4.5" "out of 5", or one star "4.7" "★"); a
    gallery's counter "1 / 5" states neither."""
    nxt = el.getnext()
    text = nxt.text if nxt is not None and not (el.tail or "").strip() else None
    m = _DECIMAL_SCALE.match(text) if text else None
    precise = "," in number or "." in number
    if m is None and text and precise:
        m = _PLAIN_SCALE.match(text)
        if m is None and len(nxt) == 0:
            # "4.5" "out of 5" (the scale in words), "4.7" "★" (one star beside it)
            scaled = number_then_scale(number, text)
            if scaled or text.strip() in _ONE_STAR:
                return number, scaled[1] if scaled else None, f"{number} {text.strip()}"
    return (number, m.group(1), f"{number} {text.strip()}") if m else None


_ONE_STAR = frozenset("★⭐")


# A marketplace's feedback (eBay's): a verdict of three, "Positive feedback rating".
_VERDICTS = {"negative": "1", "neutral": "2", "positive": "3"}
_FEEDBACK = re.compile(r"^(positive|neutral|negative)\s+feedback\s+rating$", re.I)


def feedback_verdict(label: str) -> tuple[str, str] | None:
    """A positive, neutral or negative feedback as a rating of 3, 2 or 1 of 3."""
    m = _FEEDBACK.match(label.strip()) if len(label) <= 40 else None
    return (_VERDICTS[m.group(1).lower()], "3") if m else None


def svg_title_rating(el: Any) -> tuple[str, str | None, str] | None:
    """An inline picture that says its rating in its own <title> (``<svg><title>4.5 of 5
    bubbles</title></svg>``): a rating only with its scale, as a label would say it."""
    for sub in el:
        if sub.tag == "title":
            text = " ".join((sub.text or "").split())
            found = rating_in_text(text) if 0 < len(text) <= 120 else None
            return (found[0], found[1], text) if found and found[1] else None
    return None


def image_rating(src: str) -> tuple[str, str | None, str] | None:
    """A star image named for its value: ``stars_4.png``, ``stars/small_4_half.png``,
    ``bubble_45.gif``."""
    low = src.lower()
    if "star" not in low and "rating" not in low and "bubble" not in low:
        return None
    m = _IMAGE.search(low.rsplit("/", 1)[-1])
    if m is None:
        return None
    whole = int(m.group(1))
    if m.group(2):
        value = whole + 0.5
    elif len(m.group(1)) == 2 and whole % 5 == 0 and 10 <= whole <= 50:
        value = whole / 10  # bubble_45: tenths
    elif whole <= 5:
        value = whole
    else:
        return None
    return _number(value), None, src


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


_WHOLE = re.compile(r"^\d{1,2}$")
_PRECISE = re.compile(r"^\d{1,2}[.,]\d{1,2}$")
_PRECISE_LEVELS = 3
_DRAWN_SAID = re.compile(r"^\d+(?:\.\d)? of \d+ stars$|^width [\d.]+%$")  # what drawn_rating says
_PRECISE_SAID = 24  # "TrustScore 4.6 out of 5", not a sentence about another thing


def precise_value(
    el: Any, value: str, best: str | None, label: str, signals: dict[Any, tuple]
) -> tuple[str, str | None]:
    """(value, best) of an aggregate: a whole value read off a class (an older
    Trustpilot's ``star-rating count-5``, its stars rounded) gives way to the precise
    number shown next to it ("TrustScore 4.6 out of 5"), within half a star of it:
    the only one in the nearest ancestor that shows one (several are sub-scores,
    "Location 4.4 out of 5"), said on its own, and with no count of its own (another
    entry's, "4.6 out of 5 · 88 reviews"); beside stars drawn, a decimal written bare in an
    element of no note too (REVIEWS.io's "4.85" beside 4.8 drawn, Vivino's "4.2")."""
    drawn = bool(label) and _DRAWN_SAID.match(label) is not None
    if (label and not drawn) or not (drawn or _WHOLE.match(value)):
        return value, best
    anc = el
    for _ in range(_PRECISE_LEVELS):
        anc = anc.getparent()
        if anc is None:
            break
        shown = [
            (sub, other)
            for sub in anc.iter()
            if sub is not el
            and (other := signals.get(sub)) is not None
            and (other[2] or drawn)  # stars drawn in halves: a score shown beside them
            and _PRECISE.match(other[0])
        ]
        if not shown and drawn:  # a number written beside the drawing, in no element of note
            shown = [
                (sub, (said, None, said))
                for sub in anc.iter(etree.Element)
                if not len(sub) and (said := (sub.text or "").strip()) and _PRECISE.match(said)
            ]
        if not shown:
            continue
        sub, other = shown[0]
        if (
            len(shown) == 1
            and len(other[2]) <= _PRECISE_SAID
            and other[1] in (best, None, "5")
            and abs(float(other[0].replace(",", ".")) - float(value)) <= 0.5
            and not _counted(sub, anc)
        ):
            return other[0], other[1] or best
        break
    return value, best


def _counted(sub: Any, anc: Any) -> bool:
    """Whether the part of ``anc`` holding ``sub`` states a count of its own."""
    if sub is anc:
        return False
    while sub.getparent() is not anc:
        sub = sub.getparent()
    return any(count_in_text(t) is not None for t in sub.itertext() if len(t) <= 60)
