"""Strategy 2, embedded JSON state: a generic finder that walks any page state
(``state_sources``) for objects that look like reviews and aggregates, so a new
portal's state needs no new code.

* a review: a rating-like value (``rating``, ``stars``, ``ratingOverall``, "5/5")
  next to a date-like or text-like sibling (``createdAt``, ``reviewBody``);
* an aggregate: a rating next to a count (``reviewCount``, ``numberOfReviews``,
  ``user_ratings_total``) and no review text.

Apollo and Relay caches are normalised objects joined by ``{"__ref": key}``;
refs are followed through every cache on the page (with cycles cut), so a
review's ``author`` reads as the user it points to. An aggregate inside a list
belongs to a listed entity (similar businesses), not to the page.
"""

from __future__ import annotations

from typing import Any

from spiders.pages.generic import state_keys as K
from spiders.pages.generic.records import Found, Record
from spiders.pages.generic.scripts import Layout
from spiders.pages.generic.shown import as_number, rating_in_text
from spiders.pages.generic.state_sources import blobs

MAX_DEPTH = 80
MAX_NODES = 400_000

# The keys met so far, and those that are rating-like or a page's date once
# lowercased: states repeat a few hundred keys over thousands of objects, so an
# object is told apart by two set operations instead of lowercasing its keys.
_SEEN: set[str] = set()
_RATING_RAW: set[str] = set()
_DATED_RAW: set[str] = set()


def _learn(keys: Any) -> None:
    if len(_SEEN) > 200_000:
        _SEEN.clear()
        _RATING_RAW.clear()
        _DATED_RAW.clear()
    for k in keys:
        if k in _SEEN:
            continue
        _SEEN.add(k)
        low = k.lower() if isinstance(k, str) else ""
        if low in K.RATING_SET:
            _RATING_RAW.add(k)
        if low in K.PAGE_DATE_SET:
            _DATED_RAW.add(k)


def _lower_keys(d: dict) -> dict[str, str]:
    return {k.lower(): k for k in d if isinstance(k, str)}


def _get(d: dict, low: dict[str, str], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for k in keys:
        real = low.get(k)
        if real is not None:
            v = d[real]
            if v is not None and v != "":
                return real, v
    return None, None


class _Walker:
    def __init__(self) -> None:
        self.refs: dict[str, Any] = {}
        self.found = Found()
        self.nodes = 0
        self.dates: list[Any] = []  # dates of no review: a one-review page's own date
        # Reviews by the list holding them: a page's reviews are one list; others
        # ("relevantReviews", "topReviews") repeat some of them.
        self.lists: dict[Any, list[Record]] = {}

    def add_cache(self, data: Any, depth: int = 0) -> None:
        """Remember every normalised cache (Apollo, Relay) in the state: a dict whose
        values are mostly objects with a __typename or __id."""
        # One pass over the values: count the typed records, keep the containers.
        # (State is decoded JSON: plain dicts and lists, told apart by type().)
        kind = type(data)
        if depth > 6 or (kind is not dict and kind is not list):
            return
        inner: list[Any] = []
        typed = 0
        for v in data.values() if kind is dict else data:
            of = type(v)
            if of is dict:
                inner.append(v)
                if "__typename" in v or "__id" in v:
                    typed += 1
            elif of is list:
                inner.append(v)
        if kind is dict and len(data) >= 2 and typed * 2 >= len(data):
            self.refs.update((k, v) for k, v in data.items() if isinstance(v, dict))
            return  # a cache's entries are records, not caches of their own
        if depth < 6:
            for v in inner:
                self.add_cache(v, depth + 1)

    def deref(self, value: Any) -> Any:
        seen = 0
        while isinstance(value, dict) and len(value) <= 2 and seen < 5:
            key = value.get("__ref") or value.get("__id") if len(value) == 1 else value.get("__ref")
            if not isinstance(key, str) or key not in self.refs:
                break
            value = self.refs[key]
            seen += 1
        return value

    def walk(self, data: Any, depth: int = 0, listed: Any = False, seen: set | None = None) -> None:
        """``listed``: the key of the list the object is in (False: in none)."""
        seen = set() if seen is None else seen
        if self.refs and type(data) is dict and len(data) <= 2:
            data = self.deref(data)
        if depth > MAX_DEPTH or self.nodes > MAX_NODES or id(data) in seen:
            return
        self.nodes += 1
        if type(data) is list:
            seen.add(id(data))
            inner = listed or True
            for v in data:
                if type(v) is dict or type(v) is list:
                    self.walk(v, depth + 1, inner, seen)
            return
        if type(data) is not dict:
            return
        seen.add(id(data))
        keys = data.keys()
        if not _SEEN.issuperset(keys):
            _learn(keys)
        # Most objects of a state hold no rating-like key: they are only walked through.
        low = _lower_keys(data) if not _RATING_RAW.isdisjoint(keys) else None
        kind = self.classify(data, low) if low is not None else None
        if kind == "review":
            self.lists.setdefault(listed, []).append(self.review(data, low))
            self.found.saw_ratings = True
            return  # its parts are not reviews of their own
        if kind == "aggregate":
            self.found.aggregates.append(self.aggregate(data, low, listed is not False))
            self.found.saw_ratings = True
        elif not _DATED_RAW.isdisjoint(keys):
            low = low or _lower_keys(data)
            _, date = _get(data, low, K.PAGE_DATE_KEYS)
            if isinstance(date, str | int):
                self.dates.append(date)
        for k, v in data.items():
            kind_of = type(v)
            if kind_of is list:
                self.walk(v, depth + 1, k, seen)
            elif kind_of is dict:
                self.walk(v, depth + 1, listed, seen)

    def rating(self, data: dict, low: dict[str, str]) -> tuple[Any, Any, str | None]:
        """(value, best, key) of the rating-like value, else (None, None, None)."""
        for k in K.RATING_KEYS:
            real = low.get(k)
            if real is None:
                continue
            v = self.deref(data[real])
            if isinstance(v, dict):
                vlow = _lower_keys(v)
                _, inner = _get(v, vlow, ("ratingvalue", "value", "rating", "average", "score"))
                _, best = _get(v, vlow, K.BEST_KEYS)
                if _rating_like(inner):
                    return inner, best, real
                continue
            if isinstance(v, str):
                shown = rating_in_text(v)
                if shown and "/" in v:
                    return shown[0], shown[1], real
            if _rating_like(v):
                return v, None, real
        return None, None, None

    def classify(self, data: dict, low: dict[str, str]) -> str | None:
        _, _, key = self.rating(data, low)
        if key is None:
            return None
        _, count = _get(data, low, K.COUNT_KEYS)
        inner = self.deref(data[key])
        if count is None and isinstance(inner, dict):  # rating: {value: 4.5, count: 128}
            count = _get(inner, _lower_keys(inner), K.COUNT_KEYS)[1]
        has_text = any(isinstance(data.get(low.get(k, "")), str | dict) for k in K.BODY_KEYS)
        has_date = _get(data, low, K.DATE_KEYS)[1] is not None
        if _count_like(count) and not (has_text and has_date):
            return "aggregate"
        if has_date or has_text:
            return "review"
        return None

    def review(self, data: dict, low: dict[str, str]) -> Record:
        value, best, key = self.rating(data, low)
        values: dict[str, Any] = {}
        _, title = _get(data, low, K.TITLE_KEYS)
        text = None
        for k in K.TEXT_KEYS:
            real = low.get(k)
            if real is not None:
                text = _text(self.deref(data[real]))
                if text:
                    break
        # Pros and cons are parts of their own (employer reviews); a summary is the
        # text only of a review that has nothing else.
        for part in ("pros", "cons"):
            real = low.get(part)
            if real is not None and _text(self.deref(data[real])):
                values[part] = _text(self.deref(data[real]))
        if text is None and not values:
            _, text = _get(data, low, ("summary",))
            text = _text(text)
        values["title"] = _text(title) if title is not text else None
        values["text"] = text
        values["published_raw"] = _date(self.deref(_get(data, low, K.DATE_KEYS)[1]))
        _, dates = _get(data, low, ("dates",))
        if isinstance(dates, dict):
            values["experienced_raw"] = _date(
                _get(dates, _lower_keys(dates), ("experienceddate",))[1]
            )
        _, rid = _get(data, low, K.ID_KEYS)
        values["review_id"] = str(rid) if isinstance(rid, str | int) and rid != "" else None
        _, name = _get(data, low, K.AUTHOR_NAME_KEYS)
        _, author = _get(data, low, K.AUTHOR_KEYS)
        author = self.deref(author)
        if isinstance(author, dict):
            alow = _lower_keys(author)
            name = name or _get(author, alow, K.NAME_KEYS)[1]
            aid = _get(author, alow, ("id", "encid", "userid", "uuid"))[1]
            values["author_id"] = str(aid) if isinstance(aid, str | int) else None
        elif isinstance(author, str):
            name = name or author
        values["author_name"] = name if isinstance(name, str) else None
        _, lang = _get(data, low, ("language", "lang", "locale"))
        values["language"] = lang if isinstance(lang, str) else None
        _, reply = _get(data, low, K.REPLY_KEYS)
        if reply is None:  # bizUserPublicReply, companyResponse, ...
            reply = next(
                (data[k] for lk, k in low.items() if ("reply" in lk or "response" in lk)
                 and isinstance(data[k], dict | str) and data[k]),
                None,
            )  # fmt: skip
        reply = self.deref(reply)
        if isinstance(reply, dict):
            rlow = _lower_keys(reply)
            values["reply_text"] = _text(
                _get(reply, rlow, ("message", "text", "comment", "body", "content"))[1]
            )
            values["reply_raw_date"] = _date(self.deref(_get(reply, rlow, K.DATE_KEYS)[1]))
        elif isinstance(reply, str):
            values["reply_text"] = reply
            _, rdate = _get(data, low, ("review_reply_created", "replydate", "reply_date"))
            values["reply_raw_date"] = _date(rdate)
        subs = {
            k: v
            for k, v in data.items()
            if k != key and k.lower().startswith("rating") and _rating_like(v)
        }
        if subs:
            values["sub_ratings"] = subs
        return Record(
            "review",
            "embedded_json",
            rating_value=value,
            rating_best=best or _get(data, low, K.BEST_KEYS)[1],
            values={k: v for k, v in values.items() if v is not None},
        )

    def aggregate(self, data: dict, low: dict[str, str], listed: bool) -> Record:
        value, best, _ = self.rating(data, low)
        counts = {k: data[low[k]] for k in K.COUNT_KEYS if k in low and _count_like(data[low[k]])}
        inner = next((self.deref(data[low[k]]) for k in K.RATING_KEYS if k in low), None)
        if not counts and isinstance(inner, dict):
            ilow = _lower_keys(inner)
            counts = {
                k: inner[ilow[k]] for k in K.COUNT_KEYS if k in ilow and _count_like(inner[ilow[k]])
            }
        review_count = next(
            (int(v) for k, v in counts.items() if "review" in k or k == "user_ratings_total"), None
        )
        rating_count = next((int(v) for k, v in counts.items() if "rating" in k), None)
        if review_count is None and rating_count is None and counts:
            review_count = int(next(iter(counts.values())))
        _, name = _get(data, low, K.ENTITY_NAME_KEYS)
        _, url = _get(data, low, ("url", "websiteurl", "website", "link"))
        return Record(
            "aggregate",
            "embedded_json",
            rating_value=value,
            rating_best=best or _get(data, low, K.BEST_KEYS)[1],
            review_count=review_count if review_count is not None else rating_count,
            rating_count=rating_count,
            company_name=name if isinstance(name, str) else None,
            company_url=url if isinstance(url, str) else None,
            listed=listed,
        )


def _rating_like(v: Any) -> bool:
    if isinstance(v, bool) or v is None:
        return False
    n = as_number(v) if isinstance(v, int | float) or (isinstance(v, str) and len(v) <= 8) else None
    # Ratings start at 1 (0.5 on half-star scales); 0-1 values are shares (0.62 recommend).
    return (
        n is not None
        and 0.5 <= n <= 100
        and (not isinstance(v, str) or bool(rating_in_text(f"{v} stars") or "/" in v))
    )


def _count_like(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return v >= 0
    return isinstance(v, str) and v.isdigit()


def _text(v: Any) -> str | None:
    if isinstance(v, str):
        return v or None
    if isinstance(v, dict):  # Yelp: {"full": "...", "language": "en"}
        for k in ("full", "text", "plain", "value", "raw", "body"):
            if isinstance(v.get(k), str) and v[k]:
                return v[k]
    return None


def _date(v: Any) -> Any:
    if isinstance(v, str | int | float) and not isinstance(v, bool):
        return v if v != "" else None
    if isinstance(v, dict):  # {"publishedDate": ...}, Yelp's {"localDateTimeForBusiness": ...}
        ranked = sorted(v.items(), key=lambda kv: not any(w in str(kv[0]).lower() for w in _FIRST))
        for _, inner in ranked:
            if isinstance(inner, str) and inner[:1].isdigit():
                return inner
    return None


_FIRST = ("publish", "created", "submitted", "posted")


def _page_reviews(groups: list[list[Record]]) -> list[Record]:
    """The largest list of reviews, and every other list that repeats none of it: a
    list sharing reviews with it is a highlight ("relevantReviews"), not more reviews."""
    if not groups:
        return []
    groups.sort(key=len, reverse=True)
    out = list(groups[0])
    ids = {r.values.get("review_id") for r in out} - {None}
    for group in groups[1:]:
        if not ids & {r.values.get("review_id") for r in group}:
            out.extend(group)
    return out


def read(text: str, url: str, page: Layout | None = None) -> Found:
    walker = _Walker()
    notes: list[str] = []
    sources = list(blobs(text, notes, url, page))
    for _, data in sources:
        walker.add_cache(data)
    for _, data in sources:
        try:
            walker.walk(data)
        except RecursionError:
            notes.append(f"embedded state nested too deeply to read ({url})")
    found = walker.found
    found.reviews = _page_reviews(list(walker.lists.values()))
    found.notes += notes
    if len(found.reviews) == 1 and "published_raw" not in found.reviews[0].values and walker.dates:
        # A single-review page keeps the review's dates apart from it (Vue's review-dates).
        found.reviews[0].values["published_raw"] = walker.dates[0]
    return found
