# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The ninth round's hand-written miniatures, merged into ``generic_shapes``: how pages embed
review data as state and structured data (issue 15). Frameworks: Next.js App Router's flight
chunks (``self.__next_f.push``), Inertia's ``data-page``, React on Rails' ``data-react-props``,
Astro islands' typed ``props``, SvelteKit's fetched responses, Remix and React Router contexts
(a turbo-stream too), Angular's transfer state (``&q;``-escaped too), ``JSON.parse`` of state,
state in a ``<template>``. Widgets' API responses: Bazaarvoice, Yotpo, Okendo, Stamped,
REVIEWS.io, Feefo, a TrustBox, Shopify's reviews metafields. schema.org's edge cases: ``@type``
arrays, a review's scale only on the aggregate, authors as arrays and strings, dates with a
year and a month, ``@graph`` nodes joined by ``@id``, a review of another product, employer
ratings, "8,5" of "10", entities in JSON-LD text, blocks that repeat reviews, microdata's
``<meta itemprop>``, RDFa's ``schema:`` prefix. The escaping of a state inside a string or an
attribute is written out by ``json.dumps`` and ``html.escape``, as servers do."""

from __future__ import annotations

import html
import json


def _flight(*chunks: str) -> str:
    """Next.js App Router's flight payload: each chunk a ``self.__next_f.push([1, "..."])``."""
    pushes = "".join(f"<script>self.__next_f.push([1,{json.dumps(c)}])</script>" for c in chunks)
    return "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + pushes


def _attr(data: object) -> str:
    """A JSON value in a double-quoted attribute, as a server escapes it."""
    return html.escape(json.dumps(data), quote=True)


_FLIGHT_REVIEWS = (
    '0:["$","$L1",null,{}]\n1:I[4521,["app/page"],"ReviewList"]\n'
    '2:["$","div",null,{"className":"summary","children":["$","$L1",null,{"product":{"name":"Trail Shoe X","rating":{"average":4.4,"count":212}},"reviews":"$3"}]}]\n'
    '3:[{"id":"rv-1","rating":5,"title":"Light and grippy","body":"Great on wet rock.","createdAt":"$D2024-03-03T10:00:00.000Z","author":{"name":"Mia"}},'
    '{"id":"rv-2","rating":2,"ti',
    'tle":"Sole wore out","body":"Worn through after 200 km.","createdAt":"$D2024-02-12T08:30:00.000Z","author":{"name":"Jon"}}]\n'
    "4:T1c,a text chunk, not JSON\n",
)
_INERTIA_PAGE = {
    "component": "Products/Show",
    "props": {
        "product": {"name": "Desk Lamp", "rating": 4.2, "reviews_count": 37},
        "reviews": [
            {
                "id": 91,
                "rating": 5,
                "body": "Warm light & sturdy.",
                "created_at": "2024-03-03T09:00:00Z",
                "user": {"name": "Ola"},
            },
            {
                "id": 92,
                "rating": 3,
                "body": "The switch is stiff.",
                "created_at": "2024-02-01T12:00:00Z",
                "user": {"name": "Ben"},
            },
        ],
    },
    "url": "/products/desk-lamp",
    "version": "a1b2",
}
_RAILS_PROPS = {
    "reviews": [
        {
            "id": 7,
            "stars": 4,
            "comment": "Good value",
            "created_at": "2024-03-03",
            "author_name": "Sven",
        },
        {
            "id": 8,
            "stars": 1,
            "comment": "Arrived broken",
            "created_at": "2024-01-20",
            "author_name": "Lea",
        },
    ],
    "summary": {"average_rating": 2.5, "reviews_count": 2},
}
# Astro's props: every value a [type, value] pair (0 a value or object, 1 an array, 3 a date).
_ASTRO_PROPS = {
    "reviews": [
        1,
        [
            [
                0,
                {
                    "id": [0, "a1"],
                    "rating": [0, 5],
                    "text": [0, "Tastes like home."],
                    "date": [3, "2024-03-03T00:00:00.000Z"],
                    "author": [0, {"name": [0, "Noor"]}],
                },
            ],
            [
                0,
                {
                    "id": [0, "a2"],
                    "rating": [0, 3],
                    "text": [0, "A bit salty."],
                    "date": [3, "2024-02-10T00:00:00.000Z"],
                    "author": [0, {"name": [0, "Raj"]}],
                },
            ],
        ],
    ],
    "aggregate": [0, {"ratingValue": [0, 4.0], "reviewCount": [0, 2]}],
}
_SVELTE_BODY = {
    "average_rating": 4.5,
    "review_count": 2,
    "reviews": [
        {
            "id": "s1",
            "rating": 5,
            "content": "Fast and friendly.",
            "published_at": "2024-03-03T10:00:00Z",
            "reviewer": {"display_name": "Kai"},
        },
        {
            "id": "s2",
            "rating": 4,
            "content": "Good, a little late.",
            "published_at": "2024-02-20T10:00:00Z",
            "reviewer": {"display_name": "Eva"},
        },
    ],
}
_ANGULAR_STATE = {
    "reviews-7": {
        "body": {
            "averageRating": 3.5,
            "totalReviews": 2,
            "reviews": [
                {
                    "reviewId": "n1",
                    "rating": 4,
                    "comment": 'Good "value" & quick',
                    "date": "2024-03-03",
                    "reviewerName": "Ada",
                },
                {
                    "reviewId": "n2",
                    "rating": 3,
                    "comment": "Ok <meh>",
                    "date": "2024-01-05",
                    "reviewerName": "Bo",
                },
            ],
        }
    }
}


def _angular_escaped(data: object) -> str:
    """Angular's old TransferState escaping: & " ' < > as &a; &q; &s; &l; &g;."""
    raw = json.dumps(data)
    for char, code in (("&", "&a;"), ('"', "&q;"), ("'", "&s;"), ("<", "&l;"), (">", "&g;")):
        raw = raw.replace(char, code)
    return raw


# React Router 7's turbo-stream: a flat array; objects map "_<key index>" to a value's index.
_TURBO_STREAM = json.dumps(
    [{"_1": 2}, "loaderData", {"_3": 4}, "routes/product.$id", {"_5": 6, "_7": 8},
     "product", {"_9": 10, "_11": 12, "_13": 14}, "reviews", [15, 23],
     "name", "Kettle K1", "averageRating", 4.5, "reviewCount", 2,
     {"_16": 17, "_11": 18, "_19": 20, "_21": 22}, "id", "k1", 5, "text", "Boils fast, quiet.", "createdAt", ["D", 1709460000000],
     {"_16": 24, "_11": 25, "_19": 26, "_21": 27}, "k2", 4, "Lid is flimsy.", ["D", 1707732000000]]
)  # fmt: skip

NINTH_SHAPES: dict[str, str] = {
    # Next.js App Router: the state is a flight payload cut into pushed string chunks; one
    # line is a React tree whose props hold the product's rating, another the reviews it
    # references ("$3"), dates written "$D<iso>"; a chunk ends inside a key.
    "next_app_router_flight_chunks": '<html lang="en"><head><title>Trail Shoe X</title></head><body><div id="root"></div>'
    + _flight(*_FLIGHT_REVIEWS)
    + "</body></html>",
    # Inertia.js (Laravel): the page's props in the root element's data-page attribute.
    "inertia_data_page_attribute": f'<html lang="en"><head><title>Desk Lamp</title></head><body><div id="app" data-page="{_attr(_INERTIA_PAGE)}"></div></body></html>',
    # React on Rails / Webpacker: a component's props in data-react-props.
    "react_rails_data_props": f'<html lang="de"><head><title>Thermoskanne</title></head><body><div data-react-class="ProductReviews" data-react-props="{_attr(_RAILS_PROPS)}"></div></body></html>',
    # An Astro island: its props attribute in Astro's [type, value] encoding.
    "astro_island_props": f'<html lang="en"><head><title>Grandma\'s Soup Co.</title></head><body><astro-island uid="Z1" component-url="/_astro/Reviews.js" component-export="default" renderer-url="/_astro/client.js" props="{_attr(_ASTRO_PROPS)}" ssr client="visible"><div class="reviews"></div></astro-island></body></html>',
    # SvelteKit: a response the server fetched, its body a JSON string inside the JSON.
    "sveltekit_fetched_response": '<html lang="en"><head><title>Bike Repair Shop</title></head><body><script type="application/json" data-sveltekit-fetched data-url="/api/reviews?shop=3" data-ttl="60">'
    + json.dumps({"status": 200, "statusText": "", "headers": {}, "body": json.dumps(_SVELTE_BODY)})
    + "</script></body></html>",
    # Remix: window.__remixContext with the route's loader data.
    "remix_context_loader_data": '<html lang="en"><head><title>Oak Table</title></head><body><script>window.__remixContext = '
    + json.dumps(
        {
            "url": "/p/oak-table",
            "state": {
                "loaderData": {
                    "root": {},
                    "routes/p.$slug": {
                        "product": {
                            "name": "Oak Table",
                            "aggregateRating": {"ratingValue": 4.7, "reviewCount": 31},
                        },
                        "reviews": [
                            {
                                "id": "r9",
                                "rating": 5,
                                "text": "Solid oak, easy assembly.",
                                "createdAt": "2024-03-03T12:00:00Z",
                                "author": "Finn",
                            },
                            {
                                "id": "r8",
                                "rating": 4,
                                "text": "One scratch on a leg.",
                                "createdAt": "2024-02-02T12:00:00Z",
                                "author": "Ida",
                            },
                        ],
                    },
                }
            },
            "future": {},
        }
    )
    + ";</script></body></html>",
    # React Router 7 / Remix single fetch: the loader data streamed as a turbo-stream string.
    "react_router_turbo_stream": '<html lang="en"><head><title>Kettle K1</title></head><body><script>window.__reactRouterContext = {"basename":"/","future":{},"isSpaMode":false};window.__reactRouterContext.stream = new ReadableStream({start(controller){window.__reactRouterContext.streamController = controller;}}).pipeThrough(new TextEncoderStream());</script><script>window.__reactRouterContext.streamController.enqueue('
    + json.dumps(_TURBO_STREAM + "\n")
    + ");</script></body></html>",
    # Angular (v16+): the transfer state as plain JSON in #ng-state.
    "angular_ng_state": '<html lang="en"><head><title>Harbor Cafe</title></head><body><app-root></app-root><script id="ng-state" type="application/json">'
    + json.dumps(_ANGULAR_STATE)
    + "</script></body></html>",
    # Angular Universal (before v16): #serverApp-state with &q; &a; &l; &g; escaping.
    "angular_server_state_escaped": '<html lang="en"><head><title>Harbor Cafe</title></head><body><app-root></app-root><script id="serverApp-state" type="application/json">'
    + _angular_escaped(_ANGULAR_STATE)
    + "</script></body></html>",
    # Redux: window.__PRELOADED_STATE__ = JSON.parse("...") of an escaped string.
    "preloaded_state_json_parse": '<html lang="fr"><head><title>Lampe Nova</title></head><body><script>window.__PRELOADED_STATE__ = JSON.parse('
    + json.dumps(
        json.dumps(
            {
                "product": {
                    "title": "Lampe Nova",
                    "ratingSummary": {"averageRating": 4.0, "totalReviews": 2},
                },
                "reviews": {
                    "items": [
                        {
                            "id": "f1",
                            "rating": 5,
                            "text": "Très belle lumière \u00e0 petit prix",
                            "submittedDate": "2024-03-03",
                            "authorName": "Chlo\u00e9",
                        },
                        {
                            "id": "f2",
                            "rating": 3,
                            "text": "Câble court",
                            "submittedDate": "2024-02-14",
                            "authorName": "Luc",
                        },
                    ]
                },
            }
        )
    )
    + ");</script></body></html>",
    # State kept in a <template> (a client hydrates it later).
    "state_in_template": '<html lang="en"><head><title>Sun Hat</title></head><body><template id="reviews-state"><script type="application/json" id="reviews-data">'
    + json.dumps(
        {
            "reviews": [
                {
                    "id": 1,
                    "rating": 4,
                    "body": "Wide brim, packs flat.",
                    "date": "2024-03-03",
                    "author": {"name": "Pia"},
                },
                {
                    "id": 2,
                    "rating": 2,
                    "body": "Brim is floppy.",
                    "date": "2024-02-01",
                    "author": {"name": "Tom"},
                },
            ]
        }
    )
    + "</script></template></body></html>",
    # Bazaarvoice's API response embedded as the page's state: Results with Rating,
    # SubmissionTime, UserNickname, ReviewText; the product's ReviewStatistics.
    "bazaarvoice_api_response": '<html lang="en-US"><head><title>Stand Mixer</title></head><body><script type="application/json" id="bv-reviews">'
    + json.dumps(
        {
            "HasErrors": False,
            "Offset": 0,
            "TotalResults": 2,
            "Locale": "en_US",
            "Includes": {
                "Products": {
                    "mx-5": {
                        "Id": "mx-5",
                        "Name": "Stand Mixer",
                        "ReviewStatistics": {
                            "AverageOverallRating": 4.3,
                            "TotalReviewCount": 128,
                            "OverallRatingRange": 5,
                            "RecommendedCount": 110,
                        },
                    }
                }
            },
            "Results": [
                {
                    "Id": "bv1",
                    "Rating": 5,
                    "RatingRange": 5,
                    "Title": "Kneads like a pro",
                    "ReviewText": "Handles stiff dough easily.",
                    "SubmissionTime": "2024-03-03T10:01:02.000+00:00",
                    "UserNickname": "bakerbee",
                    "IsRecommended": True,
                    "SecondaryRatings": {"Quality": {"Value": 5, "ValueRange": 5}},
                },
                {
                    "Id": "bv2",
                    "Rating": 2,
                    "RatingRange": 5,
                    "Title": "Loud",
                    "ReviewText": "Very loud at high speed.",
                    "SubmissionTime": "2024-02-12T08:00:00.000+00:00",
                    "UserNickname": "quietplease",
                    "IsRecommended": False,
                },
            ],
        }
    )
    + "</script></body></html>",
    # Yotpo's API response: bottomline's average_score and total_review, reviews with score,
    # content, created_at, user.display_name.
    "yotpo_api_response": '<html lang="en"><head><title>Cold Brew Kit</title></head><body><script>window.yotpoData = '
    + json.dumps(
        {
            "status": {"code": 200},
            "response": {
                "bottomline": {
                    "total_review": 2,
                    "average_score": 3.5,
                    "star_distribution": {"5": 1, "2": 1},
                },
                "reviews": [
                    {
                        "id": 5501,
                        "score": 5,
                        "votes_up": 3,
                        "content": "Smooth and strong.",
                        "title": "Love it",
                        "created_at": "2024-03-03T10:00:00.000Z",
                        "verified_buyer": True,
                        "user": {"user_id": 11, "display_name": "Ana P."},
                    },
                    {
                        "id": 5502,
                        "score": 2,
                        "votes_up": 0,
                        "content": "The filter clogs.",
                        "title": "Meh",
                        "created_at": "2024-02-11T10:00:00.000Z",
                        "verified_buyer": True,
                        "user": {"user_id": 12, "display_name": "Tom R."},
                    },
                ],
            },
        }
    )
    + ";</script></body></html>",
    # Okendo: window.okeReviewsData with a reviewAggregate and reviews by a reviewer.
    "okendo_reviews_data": '<html lang="en-AU"><head><title>Linen Sheet Set</title></head><body><script>window.okeReviewsData = '
    + json.dumps(
        {
            "reviewAggregate": {"averageRating": 4.6, "reviewCount": 87},
            "reviews": [
                {
                    "reviewId": "ok-1",
                    "rating": 5,
                    "title": "So soft",
                    "body": "Softer after each wash.",
                    "dateCreated": "2024-03-03T10:00:00.000Z",
                    "reviewer": {"displayName": "Liz K.", "isVerified": True},
                },
                {
                    "reviewId": "ok-2",
                    "rating": 3,
                    "title": "Creases",
                    "body": "Creases a lot.",
                    "dateCreated": "2024-02-02T10:00:00.000Z",
                    "reviewer": {"displayName": "Mo T.", "isVerified": False},
                },
            ],
        }
    )
    + ";</script></body></html>",
    # Stamped.io: reviewRating, reviewTitle, reviewMessage, reviewDate, author as a string.
    "stamped_widget_data": '<html lang="en"><head><title>Beard Oil</title></head><body><script type="application/json" id="stamped-data">'
    + json.dumps(
        {
            "rating": 4.5,
            "count": 2,
            "data": [
                {
                    "id": 301,
                    "author": "Rick D.",
                    "reviewTitle": "Smells great",
                    "reviewMessage": "Cedar scent, not greasy.",
                    "reviewRating": 5,
                    "reviewDate": "03/03/2024",
                    "reviewVerifiedType": 2,
                },
                {
                    "id": 302,
                    "author": "Sam W.",
                    "reviewTitle": "Okay",
                    "reviewMessage": "Bottle leaks a bit.",
                    "reviewRating": 4,
                    "reviewDate": "02/12/2024",
                    "reviewVerifiedType": 1,
                },
            ],
        }
    )
    + "</script></body></html>",
    # REVIEWS.io: stats.average and stats.count; reviews.data with the reviewer's first and last name.
    "reviewsio_product_reviews": '<html lang="en-GB"><head><title>Protein Bar Box</title></head><body><script>window.__REVIEWS_IO_STATE__ = '
    + json.dumps(
        {
            "stats": {"average": "4.8", "count": "120"},
            "reviews": {
                "total": 120,
                "data": [
                    {
                        "product_review_id": 7001,
                        "rating": 5,
                        "title": "Tasty",
                        "review": "Not chalky at all.",
                        "date_created": "2024-03-03 10:00:00",
                        "reviewer": {
                            "first_name": "Amy",
                            "last_name": "B.",
                            "verified_buyer": "yes",
                        },
                    },
                    {
                        "product_review_id": 7002,
                        "rating": 4,
                        "title": "Good",
                        "review": "A bit sweet.",
                        "date_created": "2024-02-20 09:00:00",
                        "reviewer": {
                            "first_name": "Dev",
                            "last_name": "S.",
                            "verified_buyer": "yes",
                        },
                    },
                ],
            },
        }
    )
    + ";</script></body></html>",
    # Feefo: a service review's rating in its own object, {"min":1,"max":5,"rating":4}, the
    # customer beside it; the summary's rating and its count in the summary's meta.
    "feefo_service_reviews": '<html lang="en-GB"><head><title>Garden Centre Direct</title></head><body><script type="application/json" id="feefo-reviews">'
    + json.dumps(
        {
            "summary": {"meta": {"count": 2}, "rating": {"min": 1.0, "max": 5.0, "rating": 4.5}},
            "reviews": [
                {
                    "url": "https://reviews.example/r/1",
                    "customer": {"display_name": "Pat"},
                    "service": {
                        "id": "f-1",
                        "rating": {"min": 1, "max": 5, "rating": 5},
                        "title": "Quick delivery",
                        "review": "Plants arrived healthy.",
                        "created_at": "2024-03-03T10:00:00.000Z",
                    },
                },
                {
                    "url": "https://reviews.example/r/2",
                    "customer": {"display_name": "Jo"},
                    "service": {
                        "id": "f-2",
                        "rating": {"min": 1, "max": 5, "rating": 4},
                        "title": "Good",
                        "review": "One pot cracked.",
                        "created_at": "2024-02-22T10:00:00.000Z",
                    },
                },
            ],
        }
    )
    + "</script></body></html>",
    # A TrustBox's data: the business unit's trustScore beside its rounded stars, the
    # number of reviews as an object with its total.
    "trustbox_business_unit": '<html lang="en"><head><title>Acme Energy reviews</title></head><body><script type="application/json" id="trustbox-data">'
    + json.dumps(
        {
            "businessUnit": {
                "displayName": "Acme Energy",
                "stars": 4.5,
                "trustScore": 4.3,
                "numberOfReviews": {"total": 5120, "oneStar": 400, "fiveStar": 3300},
            },
            "reviews": [
                {
                    "id": "tp1",
                    "stars": 5,
                    "title": "Easy switch",
                    "text": "Switched in a week.",
                    "createdAt": "2024-03-03T10:00:00Z",
                    "consumer": {"displayName": "Hana"},
                },
                {
                    "id": "tp2",
                    "stars": 1,
                    "title": "Billing mess",
                    "text": "Billed twice.",
                    "createdAt": "2024-02-12T10:00:00Z",
                    "consumer": {"displayName": "Omar"},
                },
            ],
        }
    )
    + "</script></body></html>",
    # Shopify's product JSON: the reviews metafields' rating {scale_min, scale_max, value}
    # and rating_count, on a 1-10 scale here.
    "shopify_reviews_metafield": '<html lang="en"><head><title>Tea Sampler</title></head><body><script type="application/json" id="ProductJson-42">'
    + json.dumps(
        {
            "id": 42,
            "title": "Tea Sampler",
            "handle": "tea-sampler",
            "metafields": {
                "reviews": {
                    "rating": {"scale_min": "1.0", "scale_max": "10.0", "value": "8.6"},
                    "rating_count": 87,
                }
            },
        }
    )
    + "</script></body></html>",
    # JSON-LD: "@type" arrays on the product and on its reviews.
    "json_ld_type_arrays": """<html lang="en"><head><title>Cast Iron Pan</title><script type="application/ld+json">{"@context":"https://schema.org","@type":["Product","IndividualProduct"],"name":"Cast Iron Pan","aggregateRating":{"@type":["AggregateRating"],"ratingValue":"4.6","reviewCount":"41"},"review":[{"@type":["Review","UserReview"],"reviewRating":{"@type":"Rating","ratingValue":"5"},"author":{"@type":"Person","name":"Gus"},"datePublished":"2024-03-03","reviewBody":"Heats evenly."},{"@type":["Review","UserReview"],"reviewRating":{"@type":"Rating","ratingValue":"3"},"author":{"@type":"Person","name":"Ines"},"datePublished":"2024-02-01","reviewBody":"Heavy."}]}</script></head><body></body></html>""",
    # JSON-LD: the reviews state no bestRating (a ratingExplanation instead); the aggregate
    # says the page's scale is 1-10.
    "json_ld_review_scale_on_aggregate": """<html lang="en"><head><title>Ramen Bar</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Restaurant","name":"Ramen Bar","aggregateRating":{"@type":"AggregateRating","ratingValue":"7.9","bestRating":"10","worstRating":"1","ratingCount":"230"},"review":[{"@type":"Review","reviewRating":{"@type":"Rating","ratingValue":"4","ratingExplanation":"Broth too salty, noodles fine."},"author":{"@type":"Person","name":"Yuki"},"datePublished":"2024-03-03","reviewBody":"Too salty for me."},{"@type":"Review","reviewRating":{"@type":"Rating","ratingValue":"9","ratingExplanation":"Best tonkotsu in town."},"author":{"@type":"Person","name":"Leo"},"datePublished":"2024-02-11","reviewBody":"Rich broth."}]}</script></head><body></body></html>""",
    # JSON-LD: authors as an array of persons and as a plain string; dates of a year-month.
    "json_ld_author_array_and_string": """<html lang="en"><head><title>Field Guide</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Book","name":"Field Guide to Mosses","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.5","reviewCount":"2"},"review":[{"@type":"Review","reviewRating":{"ratingValue":5},"author":[{"@type":"Person","name":"Dr. Moss"},{"@type":"Person","name":"A. Lichen"}],"datePublished":"2024-03","reviewBody":"Clear keys."},{"@type":"Review","reviewRating":{"ratingValue":4},"author":"Bryo Fan","datePublished":"2023-11","reviewBody":"Photos could be bigger."}]}</script></head><body></body></html>""",
    # JSON-LD @graph: a LocalBusiness's aggregate, its reviews listed by @id only and
    # written out as nodes of their own that point back at it.
    "json_ld_graph_id_references": """<html lang="en"><head><title>Pine Dental</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"https://pine.example/#webpage","about":{"@id":"https://pine.example/#business"}},{"@type":["LocalBusiness","Dentist"],"@id":"https://pine.example/#business","name":"Pine Dental","url":"https://pine.example/","aggregateRating":{"@id":"https://pine.example/#rating"},"review":[{"@id":"https://pine.example/#review-101"},{"@id":"https://pine.example/#review-102"}]},{"@type":"AggregateRating","@id":"https://pine.example/#rating","ratingValue":4.9,"reviewCount":58,"bestRating":5},{"@type":"Review","@id":"https://pine.example/#review-101","itemReviewed":{"@id":"https://pine.example/#business"},"reviewRating":{"@type":"Rating","ratingValue":5},"author":{"@type":"Person","name":"Kim L."},"datePublished":"2024-03-03","reviewBody":"Painless filling."},{"@type":"Review","@id":"https://pine.example/#review-102","itemReviewed":{"@id":"https://pine.example/#business"},"reviewRating":{"@type":"Rating","ratingValue":4},"author":{"@type":"Person","name":"Ray P."},"datePublished":"2024-02-09","reviewBody":"Long wait, kind staff."}]}</script></head><body></body></html>""",
    # JSON-LD: the page's product with its reviews, and a review of another product (an
    # accessory "customers also reviewed"), which names what it reviews.
    "json_ld_review_of_another_product": """<html lang="en"><head><title>Espresso Machine E2</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Espresso Machine E2","url":"https://shop.example/p/e2","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.4","reviewCount":"96"},"review":[{"@type":"Review","reviewRating":{"ratingValue":"5"},"author":{"name":"Nia"},"datePublished":"2024-03-03","reviewBody":"Crema every time."},{"@type":"Review","reviewRating":{"ratingValue":"4"},"author":{"name":"Oto"},"datePublished":"2024-02-03","reviewBody":"Warm-up is slow."}]}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","itemReviewed":{"@type":"Product","name":"Milk Jug 350ml","url":"https://shop.example/p/jug"},"reviewRating":{"ratingValue":"2"},"author":{"name":"Pol"},"datePublished":"2024-01-15","reviewBody":"Spout drips."}</script></head><body></body></html>""",
    # JSON-LD: an employer's aggregate (EmployerAggregateRating) of an organization.
    "json_ld_employer_aggregate": """<html lang="en"><head><title>Acme Corp reviews</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"EmployerAggregateRating","itemReviewed":{"@type":"Organization","name":"Acme Corp","sameAs":"https://acme.example"},"ratingValue":3.9,"bestRating":5,"worstRating":1,"ratingCount":1523}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"EmployerReview","itemReviewed":{"@type":"Organization","name":"Acme Corp"},"reviewRating":{"ratingValue":4,"bestRating":5},"author":{"@type":"Person","name":"Software Engineer"},"datePublished":"2024-03-03","name":"Good mentors","reviewBody":"Pros: mentors. Cons: pay."}</script></head><body></body></html>""",
    # JSON-LD: a European decimal on a 1-10 scale, "8,5" of "10".
    "json_ld_comma_decimal_ten": """<html lang="nl"><head><title>Hotel Zee</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Hotel","name":"Hotel Zee","aggregateRating":{"@type":"AggregateRating","ratingValue":"8,5","bestRating":"10","worstRating":"1","reviewCount":"312"},"review":[{"@type":"Review","reviewRating":{"ratingValue":"9,0","bestRating":"10"},"author":{"name":"Joost"},"datePublished":"2024-03-03","reviewBody":"Mooi uitzicht."},{"@type":"Review","reviewRating":{"ratingValue":"6,5","bestRating":"10"},"author":{"name":"Els"},"datePublished":"2024-02-03","reviewBody":"Gehorig."}]}</script></head><body></body></html>""",
    # JSON-LD written by a CMS with HTML entities in its text.
    "json_ld_entities_in_text": """<html lang="de"><head><title>Caf&eacute; M&uuml;ller</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness","name":"Caf&eacute; M&uuml;ller","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.5","reviewCount":"2"},"review":[{"@type":"Review","reviewRating":{"ratingValue":"5"},"author":{"name":"Fran&ccedil;ois"},"datePublished":"2024-03-03","name":"&quot;Top&quot;","reviewBody":"Gro&szlig;artiger Kuchen &amp; netter Service."},{"@type":"Review","reviewRating":{"ratingValue":"4"},"author":{"name":"J&#252;rgen"},"datePublished":"2024-02-03","reviewBody":"Lecker, aber &lt;teuer&gt;."}]}</script></head><body></body></html>""",
    # Two JSON-LD blocks (the theme's and a review app's) repeat the same reviews, one with
    # the reviews' @id and one without.
    "json_ld_blocks_repeat_reviews": """<html lang="en"><head><title>Wool Socks</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wool Socks","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.5","reviewCount":"2"},"review":[{"@type":"Review","@id":"https://socks.example/p/wool#review-11","reviewRating":{"ratingValue":"5"},"author":{"name":"Alva"},"datePublished":"2024-03-03","reviewBody":"Warm, no itch."},{"@type":"Review","@id":"https://socks.example/p/wool#review-12","reviewRating":{"ratingValue":"4"},"author":{"name":"Bror"},"datePublished":"2024-02-03","reviewBody":"Thin at the heel."}]}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wool Socks","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.5","reviewCount":"2"},"review":[{"@type":"Review","reviewRating":{"ratingValue":"5"},"author":{"name":"Alva"},"datePublished":"2024-03-03","reviewBody":"Warm, no itch."},{"@type":"Review","reviewRating":{"ratingValue":"4"},"author":{"name":"Bror"},"datePublished":"2024-02-03","reviewBody":"Thin at the heel."}]}</script></head><body></body></html>""",
    # Microdata: ratings, dates and names in <meta itemprop content>, the author a Person item.
    "microdata_meta_ratings": """<html lang="en"><head><title>Hiking Poles</title></head><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Hiking Poles</h1>
<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><meta itemprop="ratingValue" content="4.3"><meta itemprop="bestRating" content="5"><meta itemprop="reviewCount" content="19"><span>4.3 stars, 19 reviews</span></div>
<div itemprop="review" itemscope itemtype="https://schema.org/Review"><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="4"><meta itemprop="bestRating" content="5"></div><div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Vera"></div><meta itemprop="datePublished" content="2024-03-03"><p itemprop="reviewBody">Light, lock firmly.</p></div>
<div itemprop="review" itemscope itemtype="https://schema.org/Review"><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="2"><meta itemprop="bestRating" content="5"></div><div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Walt"></div><meta itemprop="datePublished" content="2024-02-10"><p itemprop="reviewBody">One clip broke.</p></div></div></body></html>""",
    # RDFa with the schema: prefix declared on the page (property="schema:ratingValue").
    "rdfa_schema_prefix": """<html lang="en" prefix="schema: https://schema.org/"><head><title>Lake Cabin</title></head><body><div typeof="schema:LodgingBusiness"><h1 property="schema:name">Lake Cabin</h1>
<div property="schema:aggregateRating" typeof="schema:AggregateRating"><span property="schema:ratingValue">4.8</span> of <span property="schema:bestRating">5</span> (<span property="schema:reviewCount">27</span> reviews)</div>
<div property="schema:review" typeof="schema:Review"><span property="schema:author" typeof="schema:Person"><span property="schema:name">Ulla</span></span><time property="schema:datePublished" datetime="2024-03-03">March 3, 2024</time><div property="schema:reviewRating" typeof="schema:Rating"><span property="schema:ratingValue">5</span></div><p property="schema:reviewBody">Quiet, great sauna.</p></div>
<div property="schema:review" typeof="schema:Review"><span property="schema:author" typeof="schema:Person"><span property="schema:name">Tor</span></span><time property="schema:datePublished" datetime="2024-02-03">February 3, 2024</time><div property="schema:reviewRating" typeof="schema:Rating"><span property="schema:ratingValue">3</span></div><p property="schema:reviewBody">Mosquitoes.</p></div></div></body></html>""",
}

NINTH_EXPECTED: dict[str, tuple | None] = {
    "next_app_router_flight_chunks": (("4.4", 212, "5"), ["5", "2"], "embedded_json", "2024-03-03T10:00:00.000Z"),
    "inertia_data_page_attribute": (("4.2", 37, "5"), ["5", "3"], "embedded_json", "2024-03-03T09:00:00Z"),
    "react_rails_data_props": (("2.5", 2, "5"), ["4", "1"], "embedded_json", "2024-03-03"),
    "astro_island_props": (("4.0", 2, "5"), ["5", "3"], "embedded_json", "2024-03-03T00:00:00.000Z"),
    "sveltekit_fetched_response": (("4.5", 2, "5"), ["5", "4"], "embedded_json", "2024-03-03T10:00:00Z"),
    "remix_context_loader_data": (("4.7", 31, "5"), ["5", "4"], "embedded_json", "2024-03-03T12:00:00Z"),
    "react_router_turbo_stream": (("4.5", 2, "5"), ["5", "4"], "embedded_json", "2024-03-03T10:00:00Z"),
    "angular_ng_state": (("3.5", 2, "5"), ["4", "3"], "embedded_json", "2024-03-03"),
    "angular_server_state_escaped": (("3.5", 2, "5"), ["4", "3"], "embedded_json", "2024-03-03"),
    "preloaded_state_json_parse": (("4.0", 2, "5"), ["5", "3"], "embedded_json", "2024-03-03"),
    "state_in_template": (None, ["4", "2"], "embedded_json", "2024-03-03"),
    "bazaarvoice_api_response": (("4.3", 128, "5"), ["5", "2"], "embedded_json", "2024-03-03T10:01:02.000+00:00"),
    "yotpo_api_response": (("3.5", 2, "5"), ["5", "2"], "embedded_json", "2024-03-03T10:00:00.000Z"),
    "okendo_reviews_data": (("4.6", 87, "5"), ["5", "3"], "embedded_json", "2024-03-03T10:00:00.000Z"),
    "stamped_widget_data": (("4.5", 2, "5"), ["5", "4"], "embedded_json", "03/03/2024"),
    "reviewsio_product_reviews": (("4.8", 120, "5"), ["5", "4"], "embedded_json", "2024-03-03 10:00:00"),
    "feefo_service_reviews": (("4.5", 2, "5.0"), ["5", "4"], "embedded_json", "2024-03-03T10:00:00.000Z"),
    "trustbox_business_unit": (("4.3", 5120, "5"), ["5", "1"], "embedded_json", "2024-03-03T10:00:00Z"),
    "shopify_reviews_metafield": None,  # an aggregate only: test_generic_shapes_ninth
    "json_ld_type_arrays": (("4.6", 41, "5"), ["5", "3"], "json_ld", "2024-03-03"),
    "json_ld_review_scale_on_aggregate": (("7.9", 230, "10"), ["4", "9"], "json_ld", "2024-03-03"),
    "json_ld_author_array_and_string": (("4.5", 2, "5"), ["5", "4"], "json_ld", "2024-03"),
    "json_ld_graph_id_references": (("4.9", 58, "5"), ["5", "4"], "json_ld", "2024-03-03"),
    "json_ld_review_of_another_product": (("4.4", 96, "5"), ["5", "4", "2"], "json_ld", "2024-03-03"),
    "json_ld_employer_aggregate": (("3.9", 1523, "5"), ["4"], "json_ld", "2024-03-03"),
    "json_ld_comma_decimal_ten": (("8,5", 312, "10"), ["9,0", "6,5"], "json_ld", "2024-03-03"),
    "json_ld_entities_in_text": (("4.5", 2, "5"), ["5", "4"], "json_ld", "2024-03-03"),
    "json_ld_blocks_repeat_reviews": (("4.5", 2, "5"), ["5", "4"], "json_ld", "2024-03-03"),
    "microdata_meta_ratings": (("4.3", 19, "5"), ["4", "2"], "microdata", "2024-03-03"),
    "rdfa_schema_prefix": (("4.8", 27, "5"), ["5", "3"], "rdfa", "2024-03-03"),
}  # fmt: skip
