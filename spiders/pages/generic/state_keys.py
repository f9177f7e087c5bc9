"""The keys a page's embedded state names review parts by, lowercased: the
state finder (``state``) matches an object's lowercased keys against these."""

from __future__ import annotations

RATING_KEYS = (
    "ratingvalue", "rating", "overallrating", "ratingoverall", "stars", "starrating",
    "reviewrating", "review_rating", "userrating", "trustscore", "averagerating",
    "avgrating", "average_rating", "averagescore", "rating_value", "score", "reviewscore",
)  # fmt: skip
COUNT_KEYS = (
    "reviewcount", "numberofreviews", "review_count", "reviewscount", "totalreviews",
    "total_reviews", "numreviews", "num_reviews", "reviews_count", "user_ratings_total",
    "ratingcount", "rating_count", "numberofratings", "ratingscount", "totalcount",
    "totalratings", "count",
)  # fmt: skip
TEXT_KEYS = (
    "reviewbody", "text", "body", "reviewtext", "review_text", "comment", "content",
    "message", "description", "review",
)  # fmt: skip
# What makes an object with a rating a review rather than a product card: a body.
BODY_KEYS = ("reviewbody", "text", "body", "reviewtext", "review_text", "comment", "content",
              "message", "review", "pros", "cons")  # fmt: skip
TITLE_KEYS = ("title", "headline", "reviewheader", "reviewtitle", "summary", "name")
DATE_KEYS = (
    "datepublished", "publisheddate", "published_date", "createdat", "created_at",
    "created", "reviewdatetime", "reviewdate", "review_date", "submitteddate", "date",
    "time", "timecreated", "time_created", "createddatetime", "postedat", "publishedat",
    "datecreated", "submissiontime", "dates", "updatedat",
)  # fmt: skip
AUTHOR_KEYS = ("author", "user", "consumer", "reviewer", "profile", "owner")
AUTHOR_NAME_KEYS = (
    "authorname", "author_name", "consumername", "reviewername", "reviewer_name",
    "username", "user_name", "displayname", "nickname",
)  # fmt: skip
NAME_KEYS = ("displayname", "name", "nickname", "username", "fullname", "markupdisplayname")
ID_KEYS = ("reviewid", "review_id", "id", "encid", "uuid", "reviewuuid")
REPLY_KEYS = ("reply", "response", "ownerresponse", "owner_response", "businessreply",
               "companyreply", "employerresponse", "review_reply")  # fmt: skip
ENTITY_NAME_KEYS = ("displayname", "name", "shortname", "businessname", "title")
BEST_KEYS = ("bestrating", "best", "max", "maxrating", "scale", "outof")
PAGE_DATE_KEYS = ("publisheddate", "datepublished")
RATING_SET = frozenset(RATING_KEYS)
PAGE_DATE_SET = frozenset(PAGE_DATE_KEYS)
