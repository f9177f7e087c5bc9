"""The threat corpus (bench/corpora/threats.yaml, written apart from the world generator)
through the product, raw items to warehouse: the extortion alerts name at least 90% of
its threats and are right at least 90% of the time."""

from __future__ import annotations

import pytest

from bench.threat_corpus import CORPUS, load_corpus, run

pytestmark = pytest.mark.slow


def test_the_corpus_has_both_languages_and_both_kinds():
    examples = load_corpus(CORPUS)
    kinds = {(threat, language) for threat, language, _ in examples}
    assert kinds == {(True, "de"), (True, "en"), (False, "de"), (False, "en")}
    assert sum(t for t, _, _ in examples) >= 100
    assert sum(not t for t, _, _ in examples) >= 100


def test_threats_are_found_and_complaints_left_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_PSEUDONYM_KEY", "test-key-not-secret")
    result = run(str(tmp_path / "corpus"))
    ruf = result["ruf"]
    assert ruf["recall"] >= 0.9, result["wrong"]
    assert ruf["precision"] >= 0.9, result["wrong"]
    # The keyword rule it replaces fires on complaints and misses most threats.
    assert result["naive"]["precision"] < ruf["precision"]
    assert result["naive"]["recall"] < ruf["recall"]
