"""What a rendered rating's block says besides the rating: the review's date,
author, title, text, the business's reply and the review's id.

The block's texts (each element's own text, in page order) are told apart by
what they look like (a date) and by the hints the markup gives in class names,
``data-hook``, ``data-testid`` and ``itemprop``: an author's name, a title.
A reply by the business sits in a container of its own ("reply", "response",
"answer"): its text is the reply, never the review's text, however long. The
review's text is the longest remaining text, read whole: with its line breaks
and every paragraph of the container holding it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spiders.pages.generic.counts import count_in_text
from spiders.pages.generic.dates import (
    date_attribute,
    date_element,
    other_date,
    review_dates,
    short_date,
    stay_date,
)
from spiders.pages.generic.parts import (
    ENTITY_HINT,
    author_of,
    entity_of,
    link_title,
    may_be_text,
    named_by,
    pros_and_cons,
    reply_body,
)
from spiders.pages.generic.records import Record
from spiders.pages.generic.shown import looks_like_date, pick_date, rating_in_text
from spiders.pages.generic.texts import SKIP, body_of, iter_texts, shown_text, text_content

# Matched against lowercased hints (re.IGNORECASE costs ~10x on every element).
_AUTHOR_HINT = re.compile(  # "autore", "auteur", "autor"; "nom", "nombre", "naam", "nick"
    r"author|autor|auteur|verfasser|reviewer|user-?name|profile-name|consumer|__user(?:$|\s)|"
    r"commenter|display-?name|screen-?name|avatar-block__title|review-by(?:$|\s)|"  # Booking's
    r"(?<![a-z])(?:name|nom|nome|nombre|naam|nick(?:name)?)(?![a-z])"
)
# "review-header", not a colour utility's "link--header-color"; Bootstrap's heading class "h4".
_TITLE_HINT = re.compile(r"title|headline|header(?![-_]+colou?r)|(?:^|\s)h[1-6](?:$|\s)")
_REPLY_HINT = re.compile(
    r"repl(?:y|ies)|response(?!ive)|answer|antwort|respuesta|r[ée]ponse|risposta"
)
# "reply-content", "response-text", not a utility class "text-gray-70".
_REPLY_TEXT_HINT = re.compile(r"(?:content|text|body|message)(?![-_]+(?:gray|grey|\w*\d))")
# An element named as a review's text: "review-text", "rating-text", "reviewBody" (not
# Bootstrap's "text-muted").
_SCREEN_READER = re.compile(r"visually-?hidden|sr-only|screen-reader-text").search
# A portal's verification label: "Verified Purchase", "Verifizierter Kauf".
_VERIFIED = re.compile(
    r"^(?:verified\s+(?:purchase|buyer|customer|reviewer|owner|guest|stay)|verifizierte[rs]?\s+"
    r"(?:kauf|käufer|kunde|bewertung)|achat\s+vérifié|compra\s+verificada|acquisto\s+verificato)"
).match
_TEXT_NAMED = re.compile(
    r"(?:review|comment|feedback|rating|post|entry|opinion)[-_]?(?:text|body|content|message)"
)
_REPLY_LABEL = re.compile(
    r"(?:response|reply|comment|antwort|stellungnahme|réponse|respuesta|risposta|reactie)\s+"
    r"(?:from|by|of|des|der|von|vom|du|de|di|del|van)\b|"
    r"(?:owner|business|company|seller|host|developer|vendor)(?:'s)?\s+(?:response|reply)",
    re.I,
)
_HIDDEN_CLASS = re.compile(r"popover|lightbox|modal|tooltip|preload")
# Elements inside a text: a title's link or a body's paragraph keep their container's part.
_INLINE = frozenset({"a", "span", "b", "strong", "i", "em", "small", "u", "mark", "font", "q"})
_TEXTUAL = _INLINE | {"p", "br", "sup", "sub"}
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MIN_TEXT = 15  # shorter is a label or a name, not what the reviewer wrote


_HINT_ATTRS = ("class", "data-hook", "data-testid", "data-test", "data-qa", "itemprop")
_ID_ATTRS = ("data-review-id", "data-reviewid")  # TripAdvisor's: data-reviewid
_ONLY_CLASS = ["class"]
_HIDING_CLASSES: dict[str, bool] = {}  # class string -> whether it hides (pages repeat them)


def hint_of(el: Any, keys: list[str] | None = None) -> str:
    """What the markup says an element is (its class, data-hook, data-testid, data-test,
    data-qa and itemprop), lowercased."""
    keys = el.keys() if keys is None else keys
    if keys == _ONLY_CLASS:  # most elements
        return el.get("class").lower()
    return " ".join([el.get(a) for a in _HINT_ATTRS if a in keys]).lower()


def _in_heading(sub: Any) -> bool:
    parent = sub.getparent()
    return sub.tag in _HEADINGS or (parent is not None and parent.tag in _HEADINGS)


def reviewish(view: View) -> bool:
    """A block that reads as a review: a date and a text of some length (a count in
    it is the reviewer's, "Local Guide · 12 reviews", not the rating's)."""
    dated = any(len(t) <= 80 and looks_like_date(t) for _, t in view.texts)
    return dated and any(len(t) >= 40 and count_in_text(t) is None for _, t in view.texts)


def _hints(sub: Any, block: Any) -> str:
    """An element's hint, and its parent's when that is inline (a title's text in a span of
    the link) or wraps only this element (a plugin's ``<div class="glsr-review-author">
    <span class="glsr-tag-value">Emma</span></div>``)."""
    hint = hint_of(sub)
    parent = sub.getparent()
    wraps = parent is not None and (len(parent) == 1 and not (parent.text or "").strip())
    if parent is not None and parent is not block and (parent.tag in _INLINE or wraps):
        hint = f"{hint} {hint_of(parent)}"
    return hint


def hidden(el: Any, keys: list[str] | None = None) -> bool:
    """Kept out of sight: a copy for an image viewer or a tooltip, ``hidden``, display:none."""
    keys = el.keys() if keys is None else keys
    if not keys:
        return False
    if "hidden" in keys:
        return True
    if "class" in keys:
        classes = el.get("class")
        hides = _HIDING_CLASSES.get(classes)
        if hides is None:
            if len(_HIDING_CLASSES) > 50_000:
                _HIDING_CLASSES.clear()
            hides = _HIDING_CLASSES[classes] = _HIDDEN_CLASS.search(classes.lower()) is not None
        if hides:
            return True
    return "style" in keys and "display:none" in el.get("style").replace(" ", "")


_CLASS_FACTS: dict[str, tuple[bool, bool]] = {}


def _class_facts(classes: str) -> tuple[bool, bool]:
    """(hides, names a reply) of an element whose only attribute is this class."""
    facts = _CLASS_FACTS.get(classes)
    if facts is None:
        if len(_CLASS_FACTS) > 50_000:
            _CLASS_FACTS.clear()
        low = classes.lower()
        facts = _CLASS_FACTS[classes] = (
            _HIDDEN_CLASS.search(low) is not None,
            _REPLY_HINT.search(low) is not None,
        )
    return facts


@dataclass
class View:
    """A block read once: the texts it shows, and its reply containers (outermost)."""

    texts: list[tuple[Any, str]] = field(default_factory=list)
    replies: list[Any] = field(default_factory=list)


def view_of(block: Any) -> View:
    view = View()
    skipped: set[Any] = set()  # out of sight
    in_reply: set[Any] = set()
    for sub in block.iter():
        if type(sub.tag) is not str or sub.tag in SKIP or sub in skipped:
            continue
        keys = sub.keys()
        if keys and sub is not block:
            if keys == _ONLY_CLASS:  # most elements: what their class says, looked up
                hides, replying = _class_facts(sub.get("class"))
            else:
                hides = hidden(sub, keys)
                replying = not hides and bool(_REPLY_HINT.search(hint_of(sub, keys)))
            if hides:
                skipped.update(sub.iter())
                continue
            if replying and sub not in in_reply:
                view.replies.append(sub)
                in_reply.update(sub.iter())
        text = sub.text
        label = text and sub is not block and _SCREEN_READER(sub.get("class") or "")
        if label and sub.tail and not sub.tail.isspace() and not len(sub):
            # "<h3><span class="visually-hidden">Review from</span> John D</h3>": a label
            # for screen readers; what follows it is its container's text.
            view.texts.append((sub.getparent(), " ".join(sub.tail.split())))
            continue
        if text and not text.isspace():
            text = " ".join(text.split())
            view.texts.append((sub, text))
            # A reply named by its label, in markup that names nothing ("Response
            # from the owner" in hashed classes): the label's container is the reply.
            if len(text) <= 60 and sub not in in_reply and _REPLY_LABEL.match(text):
                root = _labelled_reply(sub, block, len(text))
                if root is not None:
                    view.replies.append(root)
                    in_reply.update(root.iter())
        tail = sub.tail
        # "<p><b>Overall:</b> We use it daily ...</p>": the words after a label are
        # its container's text.
        long_tail = tail and len(tail) >= MIN_TEXT and not tail.isspace()
        if tail and sub is not block and (long_tail or short_date(tail)):
            view.texts.append((sub.getparent(), " ".join(tail.split())))
    return view


def _labelled_reply(label: Any, block: Any, size: int) -> Any:
    """The container a reply's label heads: the first one around it holding more
    than the label and its date (the reply's text)."""
    el = label.getparent()
    while el is not None and el is not block:
        if len(text_content(el)) > size + 30:
            return el
        el = el.getparent()
    return None


def _reply_parts(view: View, signal: Any) -> tuple[list[Any], set[Any]]:
    """The block's reply containers that do not hold the rating itself, and every
    element inside them."""
    holding = set(signal.iterancestors())
    roots = [r for r in view.replies if r not in holding and r is not signal]
    inside: set[Any] = set()
    for root in roots:
        inside.update(root.iter())
    # A heading and its date ("Developer Response"), then the reply's text after it.
    bodies = [reply_body(r, holding | {signal}, _REPLY_LABEL.match) for r in roots]
    for b in [b for b in bodies if b is not None]:
        inside.update(b.iter())
    return [b if b is not None else r for r, b in zip(roots, bodies, strict=True)], inside


def _reply_text_of(reply: Any) -> Any:
    """The part of a reply container holding its text, not the replier's name or
    the label: the part named as its content, else the one with the longest text."""
    longest: tuple[Any, str] | None = None
    heading: set[Any] = set()  # the label and what holds it: no part of the text
    for sub in reply.iter():
        if type(sub.tag) is not str or sub is reply:
            continue
        if _REPLY_TEXT_HINT.search(hint_of(sub)):
            return sub
        text = " ".join((sub.text or "").split())
        if _REPLY_LABEL.match(text):  # its heading ("Stellungnahme von Muster GmbH")
            heading.update(a for a in (sub, *sub.iterancestors()) if reply in a.iterancestors())
            continue
        if longest is None or len(text) > len(longest[1]):
            longest = (sub, text)
    if longest is None or len(longest[1]) < MIN_TEXT:
        return reply
    return body_of(longest[0], reply, heading)


def _reply_date(replies: list[Any]) -> str | None:
    for reply in replies:
        for _, t in iter_texts(reply):
            if len(t) <= 80 and looks_like_date(t):
                return t
    return None


def unmarked_text(el: Any, known: set[str | None]) -> str | None:
    """The text a review's element shows that none of its properties names (a
    microdata review with its text in a plain <div>): the longest such text, whole."""
    best: tuple[Any, str] | None = None
    for sub, t in iter_texts(el):
        if sub.get("itemprop") or sub.get("property") or t in known or len(t) < MIN_TEXT:
            continue
        if (best is None or len(t) > len(best[1])) and not looks_like_date(t):
            best = (sub, t)
    if best is None or rating_in_text(best[1]):
        return None
    return shown_text(body_of(best[0], el, set())) or best[1]


def may_be_dated(block: Any) -> bool:
    """Whether a block shows a date anywhere (a text, an attribute, a small JSON
    script): without one it is no review (``read_review`` would return None), so
    it is not read whole. A page's rated product cards and carousels are many."""
    for _, t in iter_texts(block):
        if len(t) <= 80 and looks_like_date(t):
            return True
    for sub in block.iter():  # the words after a label, as view_of reads them
        tail = sub.tail if sub is not block else None
        long = tail and len(tail) >= MIN_TEXT and looks_like_date(" ".join(tail.split()))
        if long or (tail and short_date(tail)):
            return True
    return date_attribute(block) is not None


def _short_sentence(el: Any, text: str, marked: bool) -> bool:
    """A short text that is still the reviewer's: "Great.", "Arrived fast." in a paragraph
    of its own or an element named as the text (not a label: "Verified Purchase")."""
    said = marked or el.tag in ("p", "q", "blockquote")
    return said and len(text) >= 2 and text[-1] in ".!?…" and not text[0].isdigit()


def review_id(block: Any, counts: dict[Any, int]) -> str | None:
    """The review's id: a ``data-review-id`` on the block or on an element around it
    that holds this review only; else their ``id``: the one the others are made of
    ("R2K", "R2K-review-card", "customer_review-R2K"), else the block's own."""
    chain = [block]
    for anc in block.iterancestors():
        if counts.get(anc, 0) > 1 or anc.tag in ("body", "html", "main") or len(chain) > 3:
            break
        chain.append(anc)
    rid = next((e.get(a) for e in chain for a in _ID_ATTRS if e.get(a)), None)
    if rid is None:
        ids = [e.get("id") or e.get("data-id") for e in chain]
        ids = [i for i in ids if i]
        common = [i for i in ids if all(i in other for other in ids)]
        rid = min(common, key=len) if len(ids) > 1 and common else (ids[0] if ids else None)
    return rid.removeprefix("review-").removeprefix("review_") if rid else None


def read_review(
    block: Any, signal: Any, value: str, best: str | None, view: View, counts: dict[Any, int]
) -> Record | None:
    """The review a rated block shows, or None when it shows no date (a product
    card, a hotel's class: a rating with no date is not a review)."""
    replies, in_reply = _reply_parts(view, signal)
    texts, values, taken = pros_and_cons(
        view.texts, lambda s: _AUTHOR_HINT.search(_hints(s, block))
    )
    body: tuple[Any, str] | None = None
    body_marked = False
    entity = None  # the business the review is of, on a reviewer's page
    stay, last = None, ""  # a trip's date ("Date of stay: March 2024") gives way to another
    line_name = None  # a name before the date in its line ("J***n | 03 Mar 2024"): the last resort
    for sub, t in texts:
        if sub in in_reply:
            continue
        hint, last, before = _hints(sub, block), t, last
        if len(t) <= 40 and _VERIFIED(t.lower()):
            values["verified"] = True  # "Verified Purchase": the portal's label, no text
        elif "published_raw" not in values and len(t) <= 80 and looks_like_date(t):
            if other_date(t, before):
                continue  # "Released On: Feb 25, 2022"
            if stay_date(t, before):
                stay = stay or t
            else:
                dates = review_dates(t)  # and the order's day after it, if shown
                line_name = dates.pop("author_name", None)
                values.update(dates)
        elif entity is None and len(t) <= 120 and ENTITY_HINT.search(hint):
            entity = entity_of(sub)
        elif "author_name" not in values and len(t) <= 60 and _AUTHOR_HINT.search(hint):
            values["author_name"] = t
        elif "author_name" not in values and (name := named_by(sub, t, before)):
            values["author_name"] = name
        elif (
            "title" not in values
            and len(t) <= 200
            and ((_TITLE_HINT.search(hint) and "avatar" not in hint) or _in_heading(sub))
            and not rating_in_text(t)
        ):
            values["title"] = t
        else:
            # The text its markup names ("rating-text") over a longer line about the
            # reviewer ("Gesetzlich versichert · Alter: unter 30"); else the longest.
            marked = _TEXT_NAMED.search(hint) is not None
            longer = body is None or (marked, len(t)) > (body_marked, len(body[1]))
            # "Local Guide · 12 reviews", "5 stars": about the reviewer or the rating
            if longer and may_be_text(t, hint):
                body, body_marked = (sub, t), marked
            continue
        taken.add(sub)
    if stay and "published_raw" not in values:
        values["published_raw"] = stay
    rid = review_id(block, counts)
    link_title(values, texts, in_reply, body[0] if body else None, rid)
    author_of(values, texts, in_reply, body[0] if body else None)
    if line_name and "author_name" not in values:
        values["author_name"] = line_name
    at = date_element(block, texts, values.get("published_raw"))
    date = pick_date(values.get("published_raw"), lambda: date_attribute(at))
    if date is None:
        return None
    values["published_raw"] = date
    # The text's container holds no rating ("Full Review | Original Score: 3/4" beside it).
    taken.update(a for a in signal.iterancestors() if a is not block)
    text = shown_text(body_of(body[0], block, taken)) or body[1] if body else ""
    if len(text) >= MIN_TEXT or (body and _short_sentence(body[0], text, body_marked)):
        values["text"] = text
    reply = "\n".join(filter(None, (shown_text(_reply_text_of(r)) for r in replies)))
    if reply:
        values["reply_text"] = reply
        reply_date = _reply_date(replies) or _reply_date([r for r in view.replies if r in in_reply])
        if reply_date:
            values["reply_raw_date"] = reply_date
    if rid:
        values["review_id"] = rid
    record = Record("review", "rendered", rating_value=value, rating_best=best, values=values)
    if entity and entity[1]:
        record.company_name, record.company_url = entity
    return record
