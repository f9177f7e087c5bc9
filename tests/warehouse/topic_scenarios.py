"""Hand-written scenarios for the topic models, worded apart from the world generator.

Three companies over 200 days: a quiet electronics shop (Voltwerk) whose customers
suddenly complain about delivery times, its customer service and batteries (German), a
gadget shop (Brightline) with an English burst about chargers, couriers and refunds,
and a restaurant (Gasthaus Linde) that stays as it was. None of these words occurs in
offline_portals' phrase lists; the texts are written here, in several phrasings each.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import yaml

from core.contracts.lake import REVIEWS
from core.settings import Settings
from tests.warehouse.world_lake import settings_for, write_table

AS_OF = date(2025, 6, 1)
BURST_START = AS_OF - timedelta(days=20)


@dataclass(frozen=True)
class Company:
    company_id: str
    name: str
    domain: str
    industry: str
    language: str
    calm: tuple[str, ...]  # what its usual reviews say (3 of these a review)
    grumbles: tuple[str, ...]  # its usual bad reviews
    burst: tuple[str, ...] = ()  # the complaints of its burst, one review each


VOLTWERK = Company(
    "voltwerk",
    "Voltwerk Technik GmbH",
    "voltwerk.de",
    "shop",
    "de",
    calm=(
        "Bestellung kam gut verpackt an.",
        "Preis und Leistung stimmen.",
        "Die Kopfhörer klingen toll.",
        "Bezahlung per Rechnung hat problemlos geklappt.",
        "Der Fernseher läuft seit Wochen ohne Murren.",
        "Übersichtlicher Shop mit fairen Preisen.",
        "Das Tablet war wie beschrieben.",
        "Die Beratung am Telefon war kompetent.",
    ),
    grumbles=(
        "Karton war eingedrückt, Ware zum Glück heil.",
        "Versandkosten finde ich zu hoch.",
        "Die Farbe des Gehäuses weicht vom Foto ab.",
    ),
    burst=(
        "Die Lieferzeit von drei Wochen ist eine Frechheit, der Kundendienst meldet sich nicht.",
        "Akku nach zehn Tagen defekt. Kundendienst? Fehlanzeige.",
        "Der Akku hält keine zwei Stunden durch, die Lieferzeit war auch viel zu lang.",
        "Lieferzeit ewig, Akku kaputt, Kundendienst unfreundlich.",
        "Nach endloser Lieferzeit kam ein Gerät mit aufgeblähtem Akku.",
        "Kundendienst verweist nur auf den Hersteller, der Akku lädt nicht mehr.",
        "Wer kurze Lieferzeiten erwartet, wird enttäuscht. Kundendienst antwortet nie.",
        "Ersatzakku bestellt, Lieferzeit unbekannt, Kundendienst ratlos.",
        "Der Akku ist nach einer Woche hinüber und beim Kundendienst hebt keiner ab.",
        "Akkus schwächeln nach Tagen, der Kundendienst ignoriert meine Mails.",
        "Die angegebene Lieferzeit stimmte nicht, der Akku war tiefentladen.",
        "Drei Anfragen an den Kundendienst wegen dem Akku, keine Reaktion. Lieferzeit: mies.",
    ),
)

BRIGHTLINE = Company(
    "brightline",
    "Brightline Gadgets Ltd",
    "brightline-gadgets.co.uk",
    "shop",
    "en",
    calm=(
        "Lovely little speaker for the kitchen.",
        "The smartwatch pairs with my phone in seconds.",
        "Checkout was quick and painless.",
        "Good value compared with the high street.",
        "The lamp looks exactly like the photos.",
        "Helpful live chat before I bought.",
    ),
    grumbles=(
        "The box arrived a bit battered.",
        "Colour is darker than on the website.",
    ),
    burst=(
        "The charger stopped working after two days and I am still waiting for my refund.",
        "Courier left the parcel in the rain, charger soaked, no refund offered.",
        "Refund promised three weeks ago, nothing yet. The charger overheats.",
        "Second charger also dead. The courier never even rang the bell.",
        "Where is my refund? The courier marked it delivered but nothing came.",
        "Charger melted the cable. Asked for a refund twice.",
        "The courier lost my order and the refund request is ignored.",
        "Faulty charger, rude courier, refund still pending.",
        "My refund has not arrived, and the replacement charger sparks.",
        "Cheap charger that buzzes loudly; the courier was a day late and the refund is missing.",
    ),
)

LINDE = Company(
    "gasthaus-linde",
    "Gasthaus Linde",
    "gasthaus-linde.de",
    "restaurant",
    "de",
    calm=(
        "Das Schnitzel war riesig und knusprig.",
        "Die Bedienung war aufmerksam.",
        "Schöner Biergarten unter alten Bäumen.",
        "Die Portionen sind ordentlich.",
        "Hausgemachter Kuchen, sehr lecker.",
        "Reservierung hat problemlos geklappt.",
    ),
    grumbles=(
        "Wir mussten lange auf das Essen warten.",
        "Die Suppe war lauwarm.",
        "Es war sehr laut im Gastraum.",
    ),
)

COMPANIES = (VOLTWERK, BRIGHTLINE, LINDE)


def _key(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _row(company: Company, portal: str, n: int, day: date, stars: float, text: str) -> dict:
    at = datetime.combine(day, time(10 + n % 8, (7 * n) % 60), UTC)
    fetched = datetime.combine(AS_OF, time(23), UTC)
    review_id = _key(company.company_id, n)
    row = dict.fromkeys(REVIEWS.names)
    row.update(
        review_key=f"{portal}:{review_id}",
        portal=portal,
        portal_review_id=review_id,
        company_id=company.company_id,
        portal_company_id=company.domain,
        rating_value=stars,
        rating_worst=1.0,
        rating_best=5.0,
        score_100=25 * (stars - 1),
        stars=stars,
        text=text,
        language=company.language,
        author_pseudonym=_key("author", company.company_id, n),
        author_review_count=1 + n % 4,
        published_at=at,
        published_precision="second",
        text_flags=[],
        content_hash=_key(stars, text),
        source_url=f"http://127.0.0.1:8765/{portal}/review/{company.domain}#{review_id}",
        fetched_at=fetched,
        first_seen_at=fetched,
        last_seen_at=fetched,
        review_month=at.strftime("%Y-%m"),
    )
    return row


def scenario_rows(seed: int = 19) -> list[dict]:
    """Every review of the three companies: a quiet history, then the bursts."""
    rng = random.Random(seed)
    rows = []
    for company in COMPANIES:
        n = 0
        for day_index in range(200, 0, -3):
            day = AS_OF - timedelta(days=day_index)
            n += 1
            portal = ("trustpilot", "opinio")[n % 2]
            if rng.random() < 0.15:  # a grumble and a calm word: no two alike in a week
                text = f"{rng.choice(company.grumbles)} {rng.choice(company.calm)}"
                stars = rng.choice((1.0, 2.0))
            else:
                text, stars = " ".join(rng.sample(company.calm, 3)), rng.choice((4.0, 5.0))
            rows.append(_row(company, portal, n, day, stars, text))
        for i, text in enumerate(company.burst):
            n += 1
            day = BURST_START + timedelta(days=i // 2)
            rows.append(_row(company, ("trustpilot", "opinio")[i % 2], n, day, 1.0, text))
    return rows


def write_scenario(root: Path) -> Settings:
    """The scenario's lake and companies file under ``root``; settings to build it."""
    write_table(root / "lake", "reviews", scenario_rows(), REVIEWS)
    companies = [
        {
            "company_id": c.company_id,
            "name": c.name,
            "domain": c.domain,
            "industry": c.industry,
            "aliases": [],
            "portals": {
                p: {"id": c.domain, "url": f"${{RUF_PORTALS_URL}}/{p}/review/{c.domain}"}
                for p in ("trustpilot", "opinio")
            },
        }
        for c in COMPANIES
    ]
    path = root / "companies.yaml"
    path.write_text(yaml.safe_dump({"companies": companies}, allow_unicode=True))
    return settings_for(root, path)
