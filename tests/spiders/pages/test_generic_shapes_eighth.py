"""The generic reader on the eighth round's miniatures (``generic_shapes_eighth``, issue 15):
review widgets shops embed (Okendo, Stamped, REVIEWS.io, Feefo, eKomi, ProvenExpert, a
TrustBox, Elfsight, Magento, Shopware, WooCommerce) and portals' rendered cards: relative dates
in more languages, star icons drawn in parts or stating their share, a number written beside
drawn stars, a scale in words in the next element, Turkish scales, a count in the rating's own
section, and reviewers found by their label, their avatar or their place in a hashed card."""

from __future__ import annotations

from tests.spiders.pages.test_generic_shapes import _read


def _reviews(case: str) -> list:
    return [i for i in _read(case).items if i.kind == "review"]


def _aggregate(case: str):
    (agg,) = [i for i in _read(case).items if i.kind == "aggregate"]
    return agg


def test_widgets_reviewers_dates_and_texts() -> None:
    reviews = _reviews("rendered_widget_okendo")
    assert [(r.author_name, r.title, r.published_raw) for r in reviews] == [
        ("Sarah M.", "Perfect summer shirt", "03/03/2024"),
        ("James P.", "Creases a lot", "02/14/2024"),
    ]
    reviews = _reviews("rendered_woocommerce_reviews")
    assert [(r.author_name, r.text) for r in reviews] == [
        ("Anna", "Beautiful glaze and a steady, even pour."),
        ("Ben", "Drips a little from the spout."),
    ]
    # ProvenExpert's "Empfehlungsquote 98 %" is a share, not its score
    agg = _aggregate("rendered_widget_provenexpert")
    assert (agg.rating_value, agg.review_count) == ("4,92", 148)
