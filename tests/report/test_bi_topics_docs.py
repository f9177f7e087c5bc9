"""docs/bi.md, "Topics": its SQL runs on a real built warehouse and answers its question."""

from __future__ import annotations

import json
import re

import pytest

from core.settings import REPO_ROOT
from ruf.query import run_query

DOC = REPO_ROOT / "docs" / "bi.md"


def topic_examples() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Topics", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def test_the_topics_section_has_two_examples() -> None:
    assert len(topic_examples()) == 2


@pytest.mark.slow
def test_kaffee_partner_complaints_and_burst_topics(real_warehouse) -> None:
    complaints, bursts = (
        json.loads(run_query(real_warehouse.settings, sql, "json")) for sql in topic_examples()
    )
    terms = {w for r in complaints for w in r["term"].split()}
    assert {"hotline", "wartungsdienst"} <= terms
    assert [r["review_count"] for r in complaints] == sorted(
        (r["review_count"] for r in complaints), reverse=True
    )
    kaffee = [r for r in bursts if r["company_name"] == "Kaffee Partner GmbH"]
    assert kaffee and all(r["example"] for r in kaffee)
    assert all(r["review_count"] <= r["alert_reviews"] for r in bursts)
