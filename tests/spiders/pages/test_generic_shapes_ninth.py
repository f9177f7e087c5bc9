# ruff: noqa: E501  (saved markup reads better unwrapped)
"""The generic reader on the ninth round's miniatures (``generic_shapes_ninth``, issue 15):
review data embedded as framework state (flight chunks, attributes, turbo-streams, Astro's
typed props, JSON in a JSON string, Angular's escaping), review widgets' API responses, and
schema.org's edge cases (a review's scale on its aggregate, a review of another product,
entities in JSON-LD kept as written, blocks that repeat reviews)."""

from __future__ import annotations

import json

import pytest

from spiders.pages.generic import state_encodings as enc
from tests.spiders.pages.test_generic_misreadings import _read as _read_body
from tests.spiders.pages.test_generic_shapes import _aggregate, _read, _reviews


def _people(case: str) -> list[tuple]:
    return [(r.author_name, str(r.rating_value), r.text) for r in _reviews(case)]


def test_next_app_router_flight_chunks_are_read_as_rows() -> None:
    agg = _aggregate("next_app_router_flight_chunks")
    assert (agg.rating_value, agg.review_count, agg.company_name) == (4.4, 212, "Trail Shoe X")
    assert not agg.extra.get("listed")  # a React tree's children are no list of entries
    reviews = _reviews("next_app_router_flight_chunks")
    assert [(r.review_id, r.author_name, r.title, r.published_raw) for r in reviews] == [
        ("rv-1", "Mia", "Light and grippy", "2024-03-03T10:00:00.000Z"),
        ("rv-2", "Jon", "Sole wore out", "2024-02-12T08:30:00.000Z"),  # "$D" read as a date
    ]


def test_flight_rows_skip_text_rows_by_their_byte_length() -> None:
    payload = '1:T6,héllo\n2:{"a":1}\n3:I[1,["x"],"Y"]\n4:["$","div",null,{"r":"$2"}]\n'
    rows = enc.flight_rows(payload)
    assert rows == {"2": '{"a":1}', "4": '["$","div",null,{"r":"$2"}]'}
    # row 2 is read where row 4 references it, not again on its own
    assert enc.revive_flight(rows, ["2", "4"]) == [{"r": {"a": 1}}]


@pytest.mark.parametrize(
    ("case", "people"),
    [
        (
            "inertia_data_page_attribute",
            [("Ola", "5", "Warm light & sturdy."), ("Ben", "3", "The switch is stiff.")],
        ),
        ("react_rails_data_props", [("Sven", "4", "Good value"), ("Lea", "1", "Arrived broken")]),
        ("astro_island_props", [("Noor", "5", "Tastes like home."), ("Raj", "3", "A bit salty.")]),
        (
            "sveltekit_fetched_response",
            [("Kai", "5", "Fast and friendly."), ("Eva", "4", "Good, a little late.")],
        ),
        (
            "angular_server_state_escaped",
            [("Ada", "4", 'Good "value" & quick'), ("Bo", "3", "Ok <meh>")],
        ),
        (
            "react_router_turbo_stream",
            [(None, "5", "Boils fast, quiet."), (None, "4", "Lid is flimsy.")],
        ),
    ],
)
def test_state_in_attributes_strings_and_framework_encodings(case: str, people: list) -> None:
    assert _people(case) == people


def test_astro_and_turbo_stream_dates_and_counts() -> None:
    assert [r.published_raw for r in _reviews("astro_island_props")] == [
        "2024-03-03T00:00:00.000Z",
        "2024-02-10T00:00:00.000Z",
    ]
    assert [r.published_raw for r in _reviews("react_router_turbo_stream")] == [
        "2024-03-03T10:00:00Z",  # ["D", ms]
        "2024-02-12T10:00:00Z",
    ]
    agg = _aggregate("react_router_turbo_stream")
    assert (agg.rating_value, agg.review_count, agg.company_name) == (4.5, 2, "Kettle K1")


@pytest.mark.parametrize(
    ("case", "people", "aggregate"),
    [
        (
            "bazaarvoice_api_response",
            [
                ("bakerbee", "5", "Handles stiff dough easily."),
                ("quietplease", "2", "Very loud at high speed."),
            ],
            (4.3, 128),
        ),
        (
            "yotpo_api_response",
            [("Ana P.", "5", "Smooth and strong."), ("Tom R.", "2", "The filter clogs.")],
            (3.5, 2),
        ),
        (
            "okendo_reviews_data",
            [("Liz K.", "5", "Softer after each wash."), ("Mo T.", "3", "Creases a lot.")],
            (4.6, 87),
        ),
        (
            "stamped_widget_data",
            [("Rick D.", "5", "Cedar scent, not greasy."), ("Sam W.", "4", "Bottle leaks a bit.")],
            (4.5, 2),
        ),
        (
            "reviewsio_product_reviews",
            [("Amy B.", "5", "Not chalky at all."), ("Dev S.", "4", "A bit sweet.")],
            ("4.8", 120),
        ),
        (
            "feefo_service_reviews",
            [("Pat", "5", "Plants arrived healthy."), ("Jo", "4", "One pot cracked.")],
            (4.5, 2),
        ),
        (
            "trustbox_business_unit",
            [("Hana", "5", "Switched in a week."), ("Omar", "1", "Billed twice.")],
            (4.3, 5120),
        ),
    ],
)
def test_review_widgets_api_responses(case: str, people: list, aggregate: tuple) -> None:
    assert _people(case) == people
    agg = _aggregate(case)
    assert (agg.rating_value, agg.review_count) == aggregate


def test_widget_scales_and_dates() -> None:
    assert [r.published_raw for r in _reviews("reviewsio_product_reviews")] == [
        "2024-03-03 10:00:00",  # date_created
        "2024-02-20 09:00:00",
    ]
    bazaarvoice = _reviews("bazaarvoice_api_response")
    assert [(str(r.rating_best), "scale_inferred" in r.flags) for r in bazaarvoice] == [
        ("5", False),  # its RatingRange
        ("5", False),
    ]
    agg = _aggregate("feefo_service_reviews")
    assert str(agg.rating_best) == "5.0"  # the summary's {"min": 1.0, "max": 5.0}
    # Shopify's reviews metafields: the scale is the metafield's scale_max, not inferred
    (agg,) = _read("shopify_reviews_metafield").items
    assert (agg.kind, agg.rating_value, agg.rating_best, agg.review_count) == (
        "aggregate",
        "8.6",
        "10.0",
        87,
    )
    assert "scale_inferred" not in agg.flags


def test_an_average_without_a_count_is_no_rating() -> None:
    body = '<script type="application/json" id="stats">{"reviewStats":{"average":3.2,"label":"Average delivery days"}}</script>'
    assert [i for i in _read_body("average_alone", body).items if i.rating_value is not None] == []
    body = '<div data-config="{&quot;score&quot;:12,&quot;level&quot;:4}"></div>'
    assert _read_body("config_attribute", body).items == []


def test_a_reviews_scale_is_its_aggregates_when_it_states_none() -> None:
    reviews = _reviews("json_ld_review_scale_on_aggregate")
    assert [(r.rating_value, r.rating_best) for r in reviews] == [("4", "10"), ("9", "10")]
    assert all("scale_inferred" in r.flags for r in reviews)
    # on a page of 1-5 the reviews stay on 1-5
    assert [r.rating_best for r in _reviews("json_ld_type_arrays")] == [5, 5]


def test_a_review_of_another_product_is_that_products() -> None:
    reviews = _reviews("json_ld_review_of_another_product")
    page = [r for r in reviews if not r.extra.get("listed")]
    assert [(r.author_name, r.company_name) for r in page] == [
        ("Nia", "Espresso Machine E2"),
        ("Oto", "Espresso Machine E2"),
    ]
    (other,) = [r for r in reviews if r.extra.get("listed")]
    assert (other.author_name, other.company_name, other.portal_company_id) == (
        "Pol",
        "Milk Jug 350ml",
        "jug",
    )


def test_json_ld_text_with_entities_is_kept_as_written() -> None:
    # Raw items keep a text's entities (docs/contracts/raw-items.md): the transforms
    # read them, as they do a rendered text's.
    reviews = _reviews("json_ld_entities_in_text")
    assert [(r.author_name, str(r.rating_value), r.title, r.text) for r in reviews] == [
        (
            "Fran&ccedil;ois",
            "5",
            "&quot;Top&quot;",
            "Gro&szlig;artiger Kuchen &amp; netter Service.",
        ),
        ("J&#252;rgen", "4", None, "Lecker, aber &lt;teuer&gt;."),
    ]


def test_blocks_that_repeat_reviews_give_each_once() -> None:
    reviews = _reviews("json_ld_blocks_repeat_reviews")
    assert [(r.author_name, r.review_id) for r in reviews] == [("Alva", "11"), ("Bror", "12")]
    assert not any(r.extra.get("listed") for r in reviews)  # the same product named twice


def test_two_reviews_with_ids_and_the_same_words_are_two() -> None:
    review = '{{"@type":"Review","@id":"https://x.example/p#review-{}","reviewRating":{{"ratingValue":"5"}},"author":"Anonymous","datePublished":"2024-03-03","reviewBody":"Great!"}}'
    body = (
        '<script type="application/ld+json">{"@type":"Product","name":"P","review":['
        + ",".join(review.format(n) for n in (1, 2))
        + "]}</script>"
    )
    assert [r.review_id for r in _read_body("same_words", body).items] == ["1", "2"]


@pytest.mark.parametrize(
    ("case", "authors"),
    [
        ("json_ld_author_array_and_string", ["Dr. Moss", "Bryo Fan"]),
        ("json_ld_graph_id_references", ["Kim L.", "Ray P."]),
        ("microdata_meta_ratings", ["Vera", "Walt"]),
        ("rdfa_schema_prefix", ["Ulla", "Tor"]),
        ("remix_context_loader_data", ["Finn", "Ida"]),
        ("preloaded_state_json_parse", ["Chloé", "Luc"]),
        ("state_in_template", ["Pia", "Tom"]),
    ],
)
def test_structured_data_and_state_give_their_authors(case: str, authors: list[str]) -> None:
    assert [r.author_name for r in _reviews(case)] == authors


def test_turbo_stream_and_astro_decoders() -> None:
    stream = [{"_1": 2, "_3": -1}, "a", [4], "gone", {"_5": 6}, "b", ["D", 0]]
    assert enc.is_turbo_stream(stream)
    assert enc.revive_turbo_stream(stream) == {"a": [{"b": "1970-01-01T00:00:00Z"}], "gone": None}
    assert enc.is_astro_props({"x": [1, [[0, 1], [0, {"y": [0, 2]}]]]})
    assert enc.revive_astro({"x": [1, [[0, 1], [0, {"y": [0, 2]}]]]}) == {"x": [1, {"y": 2}]}
    assert not enc.is_astro_props({"x": [1, 2, 3]})
    assert json.loads(enc.unescape_angular("{&q;a&q;:&q;&l;b&g; &a;amp;&q;}")) == {"a": "<b> &amp;"}
