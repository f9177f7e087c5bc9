"""The later rounds' miniatures (``generic_shapes_fourth`` on), merged into
``generic_shapes``: one registration per round, each on its own lines."""

from __future__ import annotations

from tests.spiders.pages.generic_shapes_eighth import EIGHTH_EXPECTED, EIGHTH_SHAPES
from tests.spiders.pages.generic_shapes_fifth import FIFTH_EXPECTED, FIFTH_SHAPES
from tests.spiders.pages.generic_shapes_fourth import FOURTH_EXPECTED, FOURTH_SHAPES
from tests.spiders.pages.generic_shapes_ninth import NINTH_EXPECTED, NINTH_SHAPES
from tests.spiders.pages.generic_shapes_seventh import SEVENTH_EXPECTED, SEVENTH_SHAPES
from tests.spiders.pages.generic_shapes_sixth import SIXTH_EXPECTED, SIXTH_SHAPES
from tests.spiders.pages.generic_shapes_tenth import TENTH_EXPECTED, TENTH_SHAPES

ROUND_SHAPES: dict[str, str] = FOURTH_SHAPES | FIFTH_SHAPES | SIXTH_SHAPES | SEVENTH_SHAPES
ROUND_EXPECTED: dict[str, tuple | None] = (
    FOURTH_EXPECTED | FIFTH_EXPECTED | SIXTH_EXPECTED | SEVENTH_EXPECTED
)
ROUND_SHAPES |= NINTH_SHAPES
ROUND_EXPECTED |= NINTH_EXPECTED
ROUND_SHAPES |= EIGHTH_SHAPES
ROUND_EXPECTED |= EIGHTH_EXPECTED
ROUND_SHAPES |= TENTH_SHAPES
ROUND_EXPECTED |= TENTH_EXPECTED
