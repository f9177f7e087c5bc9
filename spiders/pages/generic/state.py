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
from spiders.pages.generic.jsondata import loads
from spiders.pages.generic.records import Found, Record
from spiders.pages.generic.scripts import Layout
from spiders.pages.generic.shown import rating_in_text
from spiders.pages.generic.state_sources import MAX_SCAN, blobs, ratingish
from spiders.pages.generic.state_values import (
    COUNT_PARTS,
    count_of,
    counts_of,
    date_value,
    lower_keys,
    pick,
    rating_like,
    text_value,
)

MAX_DEPTH = 80
MAX_NODES = 400_000
_JSON_OPENINGS = ("{", "[")

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
        low = K.fold(k) if isinstance(k, str) else ""
        if low in K.RATING_SET:
            _RATING_RAW.add(k)
        if low in K.PAGE_DATE_SET:
            _DATED_RAW.add(k)


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

    def walk(
        self, data: Any, depth: int = 0, listed: Any = False, seen: set | None = None,
        parent: dict | None = None,
    ) -> None:  # fmt: skip
        """``listed``: the key of the list the object is in (False: in none); ``parent``:
        the object holding this one."""
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
        low = lower_keys(data) if not _RATING_RAW.isdisjoint(keys) else None
        kind = self.classify(data, low) if low is not None else None
        if kind == "review":
            self.lists.setdefault(listed, []).append(self.review(data, low, parent))
            self.found.saw_ratings = True
            return  # its parts are not reviews of their own
        if kind == "aggregate":
            self.found.aggregates.append(self.aggregate(data, low, listed is not False))
            self.found.saw_ratings = True
        elif not _DATED_RAW.isdisjoint(keys):
            low = low or lower_keys(data)
            _, date = pick(data, low, K.PAGE_DATE_KEYS)
            if isinstance(date, str | int):
                self.dates.append(date)
        for k, v in data.items():
            kind_of = type(v)
            if kind_of is list:
                self.walk(v, depth + 1, k, seen)
            elif kind_of is dict:
                self.walk(v, depth + 1, listed, seen, data)
            elif kind_of is str and v[:1] in _JSON_OPENINGS and ratingish(v, 0, MAX_SCAN):
                # JSON inside a string: a fetched response's body (SvelteKit), a cached payload.
                try:
                    inner = loads(v)
                except (ValueError, RecursionError):
                    continue
                self.walk(inner, depth + 1, listed, seen)

    def rating(self, data: dict, low: dict[str, str]) -> tuple[Any, Any, str | None]:
        """(value, best, key) of the rating-like value, else (None, None, None)."""
        for k in K.RATING_KEYS:
            real = low.get(k)
            if real is None:
                continue
            v = self.deref(data[real])
            if isinstance(v, dict):
                vlow = lower_keys(v)
                _, inner = pick(v, vlow, ("ratingvalue", "value", "rating", "average", "score"))
                _, best = pick(v, vlow, K.BEST_KEYS)
                if rating_like(inner):
                    return inner, best, real
                continue
            if isinstance(v, str):
                shown = rating_in_text(v)
                if shown and "/" in v:
                    return shown[0], shown[1], real
            if rating_like(v):
                return v, None, real
        return None, None, None

    def classify(self, data: dict, low: dict[str, str]) -> str | None:
        _, _, key = self.rating(data, low)
        if key is None:
            return None
        count = self.count(data, low, key)
        if K.fold(key) in K.AGGREGATE_ONLY_KEYS:
            return "aggregate" if count is not None else None
        has_text = any(isinstance(data.get(low.get(k, "")), str | dict) for k in K.BODY_KEYS)
        has_date = pick(data, low, K.DATE_KEYS)[1] is not None
        if count is not None and not (has_text and has_date):
            return "aggregate"
        if has_date or has_text:
            return "review"
        return None

    def count(self, data: dict, low: dict[str, str], key: str) -> int | None:
        """The count beside a rating: its own, the rating object's ({value: 4.5, count:
        128}), or a summary's meta beside it ({meta: {count: 2}, rating: {...}})."""
        count = count_of(pick(data, low, K.COUNT_KEYS)[1])
        inner = self.deref(data[key])
        if count is None and isinstance(inner, dict):
            count = count_of(pick(inner, lower_keys(inner), K.COUNT_KEYS)[1])
        for part in COUNT_PARTS:
            meta = data.get(low.get(part, ""))
            if count is None and isinstance(meta, dict):
                count = count_of(pick(meta, lower_keys(meta), K.COUNT_KEYS)[1])
        return count

    def review(self, data: dict, low: dict[str, str], parent: dict | None = None) -> Record:
        value, best, key = self.rating(data, low)
        values: dict[str, Any] = {}
        _, title = pick(data, low, K.TITLE_KEYS)
        text = None
        for k in K.TEXT_KEYS:
            real = low.get(k)
            if real is not None:
                text = text_value(self.deref(data[real]))
                if text:
                    break
        # Pros and cons are parts of their own (employer reviews); a summary is the
        # text only of a review that has nothing else.
        for part in ("pros", "cons"):
            real = low.get(part)
            if real is not None and text_value(self.deref(data[real])):
                values[part] = text_value(self.deref(data[real]))
        if text is None and not values:
            _, text = pick(data, low, ("summary",))
            text = text_value(text)
        values["title"] = text_value(title) if title is not text else None
        values["text"] = text
        values["published_raw"] = date_value(self.deref(pick(data, low, K.DATE_KEYS)[1]))
        _, dates = pick(data, low, ("dates",))
        if isinstance(dates, dict):
            values["experienced_raw"] = date_value(
                pick(dates, lower_keys(dates), ("experienceddate",))[1]
            )
        _, rid = pick(data, low, K.ID_KEYS)
        values["review_id"] = str(rid) if isinstance(rid, str | int) and rid != "" else None
        name, values["author_id"] = self.author(data, low)
        if name is None and parent is not None:  # a rated part beside its entry's author (Feefo)
            name, values["author_id"] = self.author(parent, lower_keys(parent))
        values["author_name"] = name
        _, business = pick(data, low, K.BUSINESS_NAME_KEYS)
        company = business if isinstance(business, str) and business.strip() else None
        _, lang = pick(data, low, ("language", "lang", "locale"))
        values["language"] = lang if isinstance(lang, str) else None
        _, reply = pick(data, low, K.REPLY_KEYS)
        if reply is None:  # bizUserPublicReply, companyResponse, ...
            reply = next(
                (data[k] for lk, k in low.items() if ("reply" in lk or "response" in lk)
                 and isinstance(data[k], dict | str) and data[k]),
                None,
            )  # fmt: skip
        reply = self.deref(reply)
        if isinstance(reply, dict):
            rlow = lower_keys(reply)
            values["reply_text"] = text_value(
                pick(reply, rlow, ("message", "text", "comment", "body", "content"))[1]
            )
            values["reply_raw_date"] = date_value(self.deref(pick(reply, rlow, K.DATE_KEYS)[1]))
        elif isinstance(reply, str):
            values["reply_text"] = reply
            _, rdate = pick(data, low, ("reviewreplycreated", "replydate"))
            values["reply_raw_date"] = date_value(rdate)
        subs = {
            k: v
            for k, v in data.items()
            if k != key and k.lower().startswith("rating") and rating_like(v)
        }
        if subs:
            values["sub_ratings"] = subs
        return Record(
            "review",
            "embedded_json",
            rating_value=value,
            rating_best=best or pick(data, low, K.BEST_KEYS)[1],
            company_name=company,
            values={k: v for k, v in values.items() if v is not None},
        )

    def author(self, data: dict, low: dict[str, str]) -> tuple[str | None, str | None]:
        """(name, id) of the author an object names."""
        _, name = pick(data, low, K.AUTHOR_NAME_KEYS)
        author_id = None
        _, author = pick(data, low, K.AUTHOR_KEYS)
        author = self.deref(author)
        if isinstance(author, dict):
            alow = lower_keys(author)
            name = name or pick(author, alow, K.NAME_KEYS)[1]
            if name is None:  # {first_name: "Amy", last_name: "B."}
                parts = [pick(author, alow, (k,))[1] for k in ("firstname", "lastname")]
                name = " ".join(p for p in parts if isinstance(p, str)) or None
            aid = pick(author, alow, ("id", "encid", "userid", "uuid"))[1]
            author_id = str(aid) if isinstance(aid, str | int) else None
        elif isinstance(author, str):
            name = name or author
        return (name if isinstance(name, str) else None), author_id

    def aggregate(self, data: dict, low: dict[str, str], listed: bool) -> Record:
        value, best, _ = self.rating(data, low)
        counts = counts_of(data, low)
        inner = next((self.deref(data[low[k]]) for k in K.RATING_KEYS if k in low), None)
        if not counts and isinstance(inner, dict):
            counts = counts_of(inner, lower_keys(inner))
        for part in COUNT_PARTS:
            meta = data.get(low.get(part, ""))
            if not counts and isinstance(meta, dict):
                counts = counts_of(meta, lower_keys(meta))
        review_count = next(
            (v for k, v in counts.items() if "review" in k or k == "userratingstotal"), None
        )
        rating_count = next((v for k, v in counts.items() if "rating" in k), None)
        if review_count is None and rating_count is None and counts:
            review_count = next(iter(counts.values()))
        _, name = pick(data, low, K.ENTITY_NAME_KEYS)
        _, url = pick(data, low, ("url", "websiteurl", "website", "link"))
        return Record(
            "aggregate",
            "embedded_json",
            rating_value=value,
            rating_best=best or pick(data, low, K.BEST_KEYS)[1],
            review_count=review_count if review_count is not None else rating_count,
            rating_count=rating_count,
            company_name=name if isinstance(name, str) else None,
            company_url=url if isinstance(url, str) else None,
            listed=listed,
        )


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
