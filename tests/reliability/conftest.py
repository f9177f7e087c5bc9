"""Fixtures of the reliability suite."""

from __future__ import annotations

import pytest

from tests.reliability.reliability_support import (
    CORPUS,
    DAY1,
    TRANSFORM_CHILD,
    pipeline_env,
    run_child,
    two_raw_runs,
)


@pytest.fixture(scope="session")
def corpus_pages() -> dict[str, bytes]:
    """The committed nasty pages, by file name."""
    return {p.name: p.read_bytes() for p in sorted((CORPUS / "pages").glob("*.html"))}


@pytest.fixture(scope="session")
def lake_after_day1(tmp_path_factory):
    """A data dir with two raw runs and the lake after the first, and the world."""
    data = tmp_path_factory.mktemp("lake-day1")
    world = two_raw_runs(data)
    result = run_child({**pipeline_env(data, world), "RUN_DATE": DAY1.isoformat()}, TRANSFORM_CHILD)
    assert result.returncode == 0, result.stderr[-3000:]
    return data, world
