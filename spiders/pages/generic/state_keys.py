"""The keys a page's embedded state names review parts by, folded (lowercased, without
``_`` and ``-``: ``average_score``, ``averageScore`` and ``AverageScore`` are one key): the
state finder (``state``) matches an object's folded keys against these."""

from __future__ import annotations

# A precise score before the stars it is drawn as (a TrustScore 4.3 is shown as 4.5 stars).
RATING_KEYS = (
    "ratingvalue", "rating", "overallrating", "ratingoverall", "trustscore", "stars",
    "starrating", "reviewrating", "review_rating", "userrating", "averagerating",
    "avgrating", "average_rating", "averagescore", "rating_value", "score", "reviewscore",
    "averageoverallrating", "average",
)  # fmt: skip
# Keys that are a rating only beside a count: an "average" of something else is common.
AGGREGATE_ONLY_KEYS = frozenset({"average"})
COUNT_KEYS = (
    "reviewcount", "numberofreviews", "review_count", "reviewscount", "totalreviews",
    "total_reviews", "numreviews", "num_reviews", "reviews_count", "user_ratings_total",
    "ratingcount", "rating_count", "numberofratings", "ratingscount", "totalcount",
    "totalratings", "totalreviewcount", "total_review", "count",
)  # fmt: skip
TEXT_KEYS = (
    "reviewbody", "text", "body", "reviewtext", "review_text", "comment", "content",
    "message", "description", "review", "reviewmessage",
)  # fmt: skip
# What makes an object with a rating a review rather than a product card: a body.
BODY_KEYS = ("reviewbody", "text", "body", "reviewtext", "review_text", "comment", "content",
              "message", "review", "reviewmessage", "pros", "cons")  # fmt: skip
TITLE_KEYS = ("title", "headline", "reviewheader", "reviewtitle", "summary", "name")
DATE_KEYS = (
    "datepublished", "publisheddate", "published_date", "createdat", "created_at",
    "created", "reviewdatetime", "reviewdate", "review_date", "submitteddate", "date",
    "time", "timecreated", "time_created", "createddatetime", "postedat", "publishedat",
    "datecreated", "submissiontime", "dates", "updatedat",
)  # fmt: skip
AUTHOR_KEYS = ("author", "user", "consumer", "customer", "reviewer", "profile", "owner")
AUTHOR_NAME_KEYS = (
    "authorname", "author_name", "consumername", "reviewername", "reviewer_name",
    "username", "user_name", "displayname", "nickname", "usernickname",
)  # fmt: skip
NAME_KEYS = ("displayname", "name", "nickname", "username", "fullname", "markupdisplayname")
ID_KEYS = ("reviewid", "review_id", "id", "encid", "uuid", "reviewuuid")
REPLY_KEYS = ("reply", "response", "ownerresponse", "owner_response", "businessreply",
               "companyreply", "employerresponse", "review_reply")  # fmt: skip
# The business a review's own object names (Trustpilot's review-info state).
BUSINESS_NAME_KEYS = ("businessunitdisplayname", "businessname", "companyname")
ENTITY_NAME_KEYS = ("displayname", "name", "shortname", "businessname", "title")
BEST_KEYS = ("bestrating", "best", "max", "maxrating", "scale", "outof", "scale_max", "ratingrange",
             "overallratingrange")  # fmt: skip
PAGE_DATE_KEYS = ("publisheddate", "datepublished")


def fold(key: str) -> str:
    """A key as these tables write it: ``display_name`` -> ``displayname``."""
    low = key.lower()
    return low.replace("_", "").replace("-", "") if "_" in low or "-" in low else low


def _folded(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold(k) for k in keys))


RATING_KEYS, COUNT_KEYS, TEXT_KEYS, BODY_KEYS, TITLE_KEYS, DATE_KEYS = map(
    _folded, (RATING_KEYS, COUNT_KEYS, TEXT_KEYS, BODY_KEYS, TITLE_KEYS, DATE_KEYS)
)
AUTHOR_KEYS, AUTHOR_NAME_KEYS, NAME_KEYS, ID_KEYS, REPLY_KEYS = map(
    _folded, (AUTHOR_KEYS, AUTHOR_NAME_KEYS, NAME_KEYS, ID_KEYS, REPLY_KEYS)
)
ENTITY_NAME_KEYS, BEST_KEYS, PAGE_DATE_KEYS = map(
    _folded, (ENTITY_NAME_KEYS, BEST_KEYS, PAGE_DATE_KEYS)
)
RATING_SET = frozenset(RATING_KEYS)
PAGE_DATE_SET = frozenset(PAGE_DATE_KEYS)
