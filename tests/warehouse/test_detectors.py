"""The detectors on hand-made companies, each a case from issue 20: weak bursts at quiet
companies are found; a company's first weeks, a season and a big steady company raise
nothing; a near-duplicate alert never stands on fewer reviews than the minimum; threats
worded many ways are found and refund complaints are not."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest
import yaml

from core.contracts.lake import REVIEWS
from offline_portals.world import Company, Review, World
from tests.warehouse.world_lake import review_row, settings_for, write_table
from warehouse.build import build

pytestmark = pytest.mark.slow

AS_OF = date(2026, 6, 30)
START = date(2024, 1, 1)
FETCHED = datetime.combine(AS_OF, time(22), UTC)
WORLD = World(companies=1, anchor=AS_OF)  # only for the portals' rating scales


def _company(company_id: str, reply_rate: float = 0.0) -> Company:
    return Company(
        company_id=company_id,
        name=company_id.replace("-", " ").title(),
        domain=f"{company_id}.example",
        industry="service",
        city="Kiel",
        portal_ids={"trustpilot": f"{company_id}.example"},
        portal_names={"trustpilot": company_id},
        quality=3.5,
        reply_rate=reply_rate,
        volume=0,
    )


class Lake:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.companies: list[Company] = []
        self.rng = random.Random(20)

    def company(self, company_id: str, reply_rate: float = 0.0) -> Company:
        c = _company(company_id, reply_rate)
        self.companies.append(c)
        return c

    def review(
        self, c: Company, day: date, stars: float, text: str | None = None, replied: bool = False
    ) -> None:
        n = len(self.rows) + 1
        published = datetime.combine(day, time(9 + n % 12, n % 60), UTC)
        self.rows.append(
            review_row(
                WORLD,
                c,
                Review(
                    portal="trustpilot",
                    company_id=c.company_id,
                    portal_company_id=c.portal_ids["trustpilot"],
                    review_id=f"{n:024x}",
                    kind="review",
                    rating=stars,
                    title="",
                    text=text or f"Erfahrung Nummer {n} mit {c.name}, {stars:.0f} Sterne.",
                    language="de",
                    author_name=f"Person {n}",
                    author_id=f"a{n}",
                    author_review_count=self.rng.randint(2, 30),
                    published_at=published,
                    reply_text="Danke!" if replied else None,
                    replied_at=published + timedelta(hours=5) if replied else None,
                ),
                FETCHED,
            )
        )

    def history(self, c: Company, start: date, end: date, per_day, bad_share: float) -> None:
        """Ordinary reviews: ``per_day(day)`` expected a day, ``bad_share`` of them bad."""
        day = start
        while day <= end:
            for _ in range(_poisson(self.rng, per_day(day))):
                bad = self.rng.random() < bad_share
                stars = self.rng.choice([1.0, 2.0]) if bad else self.rng.choice([3.0, 4.0, 5.0])
                self.review(c, day, stars, replied=self.rng.random() < c.reply_rate)
            day += timedelta(days=1)


def _poisson(rng: random.Random, mean: float) -> int:
    n, p, threshold = 0, 1.0, pow(2.718281828459045, -mean)
    while True:
        p *= rng.random()
        if p <= threshold:
            return n
        n += 1


def _scenarios() -> Lake:
    lake = Lake()
    quiet = lake.company("quiet-weak-burst", reply_rate=1.0)
    lake.history(quiet, START, AS_OF, lambda d: 1 / 20, 0.2)
    for i in range(9):  # 9 bad reviews over 12 days: weak, but unusual for this company
        lake.review(quiet, date(2026, 5, 8) + timedelta(days=i * 3 // 2), 1.0, replied=True)

    new = lake.company("new-company", reply_rate=1.0)
    lake.history(new, date(2026, 6, 5), AS_OF, lambda d: 0.6, 0.7)

    season = lake.company("seasonal-hotel", reply_rate=0.5)
    lake.history(season, START, AS_OF, lambda d: 3.0 if d.month in (7, 8) else 0.4, 0.35)

    big = lake.company("big-steady")  # never replies, to anything
    lake.history(big, START, AS_OF, lambda d: 6.0, 0.35)

    # One cluster of copies across two companies (2 + 1), one of 3 at a single company.
    copied = "Bester Laden der Stadt, freundlich, schnell und günstig, gerne wieder!"
    twice, once, thrice = (lake.company(f"copies-{n}") for n in ("twice", "once", "thrice"))
    for c, n in ((twice, 2), (once, 1)):
        for i in range(n):
            lake.review(c, date(2026, 4, 10 + i), 5.0, copied)
    for i in range(3):
        lake.review(
            thrice, date(2026, 3, 2 + i), 5.0, "Super Service, alles bestens, nur zu empfehlen!!"
        )

    threats = {
        "threat-de": "Ich will eine Gutschrift über 50 Euro, ansonsten bekommen Sie von mir "
        "auf allen Portalen einen Stern.",
        "threat-en": "The heating was broken all week. Unless you credit my account for two "
        "nights, I will leave one-star reviews everywhere.",
        "threat-discount": "I expect a discount for this mess, otherwise everyone on Google "
        "will hear about it.",
        "complaint-refund": "Die Rückerstattung dauerte sechs Wochen, ansonsten war alles in "
        "Ordnung. Zwei Sterne.",
        "complaint-discount": "They offered a discount for the noise, otherwise I would have "
        "given one star.",
    }
    for company_id, text in threats.items():
        lake.review(lake.company(company_id), date(2026, 6, 10), 1.0, text)
    return lake


def companies_file(path: Path, lake: Lake) -> Path:
    """The companies config of a scenario lake (trustpilot ids)."""
    path.write_text(
        yaml.safe_dump(
            {
                "companies": [
                    {
                        "company_id": c.company_id,
                        "name": c.name,
                        "portals": {
                            "trustpilot": {
                                "id": c.portal_ids["trustpilot"],
                                "url": f"http://127.0.0.1:8765/trustpilot/{c.company_id}",
                            }
                        },
                    }
                    for c in lake.companies
                ]
            }
        )
    )
    return path


@pytest.fixture(scope="module")
def alerts(tmp_path_factory) -> dict[str, list[dict]]:
    root: Path = tmp_path_factory.mktemp("detectors")
    lake = _scenarios()
    write_table(root / "lake", "reviews", lake.rows, REVIEWS)
    companies = companies_file(root / "companies.yaml", lake)
    build(settings_for(root, companies))
    con = duckdb.connect(str(root / "warehouse" / "ruf.duckdb"), read_only=True)
    cur = con.execute("select * from bi.alerts order by company_id, kind, started_on")
    cols = [d[0] for d in cur.description]
    found: dict[str, list[dict]] = {}
    for row in cur.fetchall():
        alert = dict(zip(cols, row, strict=True))
        found.setdefault(alert["company_id"], []).append(alert)
    con.close()
    return found


def _kinds(alerts: dict, company_id: str) -> list[str]:
    return [a["kind"] for a in alerts.get(company_id, [])]


def test_a_weak_burst_at_a_quiet_company_is_found(alerts):
    bursts = [a for a in alerts.get("quiet-weak-burst", []) if a["kind"] == "negative_burst"]
    assert len(bursts) == 1, alerts.get("quiet-weak-burst")
    burst = bursts[0]
    assert burst["started_on"] <= date(2026, 5, 8) <= burst["ended_on"]
    evidence = json.loads(burst["evidence"])
    assert 8 <= evidence["negative_reviews"] <= 12
    assert evidence["expected_in_window"] < 2 and evidence["surprise"] >= 6


def test_a_company_s_first_weeks_raise_no_burst(alerts):
    assert "negative_burst" not in _kinds(alerts, "new-company")


def test_a_season_is_not_a_burst(alerts):
    assert _kinds(alerts, "seasonal-hotel") == []


def test_a_big_steady_company_that_never_replies_raises_nothing(alerts):
    assert _kinds(alerts, "big-steady") == []


def test_near_duplicates_never_alert_below_the_minimum_cluster(alerts):
    assert _kinds(alerts, "copies-twice") == []
    assert _kinds(alerts, "copies-once") == []
    (alert,) = alerts["copies-thrice"]
    assert alert["kind"] == "near_duplicate" and alert["review_count"] == 3
    assert json.loads(alert["evidence"])["company_reviews"] == 3


def test_threats_worded_many_ways_are_found(alerts):
    for company_id in ("threat-de", "threat-en", "threat-discount"):
        assert "extortion" in _kinds(alerts, company_id), company_id


def test_complaints_about_refunds_and_discounts_are_not_threats(alerts):
    assert _kinds(alerts, "complaint-refund") == []
    assert _kinds(alerts, "complaint-discount") == []
