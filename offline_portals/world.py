"""A deterministic world of companies and their reviews, for the offline portals.

Everything is derived from ``seed`` and ``anchor`` (the day the stories are
told relative to), so two worlds with the same parameters are identical, and
reviews are generated per company on demand, so a world of 100,000 companies
costs no memory until a page is asked for. ``as_of`` only hides what is newer,
so moving it forward makes new reviews appear on the portals while the old
ones stay as they were (what an incremental crawl needs to see).

The first companies are the stories of ``shared/DOMAIN.md``; their injected
reviews and the time spans of the injected events are the ground truth the
alert detectors are measured against (``World.injected_events``).
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

PORTALS: tuple[str, ...] = ("trustpilot", "opinio", "kununu", "booking", "forum")
SCALES: dict[str, tuple[float, float]] = {
    "trustpilot": (1, 5),
    "opinio": (1, 5),
    "kununu": (1, 5),
    "booking": (1, 10),
    "forum": (1, 5),
}
PAGE_SIZES: dict[str, int] = {
    "trustpilot": 20,
    "opinio": 10,
    "kununu": 10,
    "booking": 25,
    "forum": 15,
}
HISTORY_DAYS = 4 * 365

KUNUNU_CATEGORIES = (
    "Arbeitsatmosphäre",
    "Vorgesetztenverhalten",
    "Gehalt/Sozialleistungen",
    "Kollegenzusammenhalt",
    "Work-Life-Balance",
    "Kommunikation",
)
BOOKING_CATEGORIES = ("Personal", "Ausstattung", "Sauberkeit", "Komfort", "Preis-Leistung", "Lage")


@dataclass(frozen=True)
class Company:
    company_id: str
    name: str
    domain: str
    industry: str
    city: str
    portal_ids: dict[str, str]  # portal -> the company's id/slug there
    portal_names: dict[str, str]  # portal -> how that portal spells the name
    quality: float  # long-run mean stars, 1-5
    reply_rate: float
    volume: float  # reviews per portal per year
    story: str | None = None
    scale_variant: str = "default"  # schema_org markup/scale variant on opinio


@dataclass(frozen=True)
class Review:
    portal: str
    company_id: str
    portal_company_id: str
    review_id: str
    kind: str  # "review" or "mention"
    rating: float | None  # on the portal's scale (SCALES, or the company's variant)
    title: str
    text: str
    language: str
    author_name: str
    author_id: str
    author_review_count: int
    published_at: datetime
    experienced_on: date | None = None
    pros: str | None = None
    cons: str | None = None
    reply_text: str | None = None
    replied_at: datetime | None = None
    verified: bool = False
    sub_ratings: dict[str, float] = field(default_factory=dict)
    reviewer_type: str | None = None
    traveller_type: str | None = None
    thread_id: str | None = None
    injected: str | None = None  # ground truth: which story put it there

    @property
    def stars(self) -> float | None:
        """The rating on a 1-5 scale (None for mentions)."""
        if self.rating is None:
            return None
        lo, hi = SCALES[self.portal]
        return 1 + 4 * (self.rating - lo) / (hi - lo)


@dataclass(frozen=True)
class InjectedEvent:
    company_id: str
    kind: str  # negative_burst, positive_burst, near_duplicate, extortion, divergence,
    #            unanswered_criticism
    portals: tuple[str, ...]
    start: date
    end: date


# --- word pools --------------------------------------------------------------

FIRST = [
    "Anna",
    "Max",
    "Lena",
    "Paul",
    "Mia",
    "Jonas",
    "Laura",
    "Felix",
    "Sophie",
    "Lukas",
    "Marie",
    "Tim",
    "Julia",
    "Jan",
    "Sarah",
    "Leon",
    "Emma",
    "Noah",
    "Hannah",
    "Ben",
    "Lea",
    "Finn",
    "Clara",
    "Elias",
    "Nina",
    "Moritz",
    "Emily",
    "David",
    "Johanna",
    "Tobias",
    "Olivia",
    "James",
    "Grace",
    "Oliver",
    "Chloe",
    "Jack",
    "Ayşe",
    "Mehmet",
    "Zoë",
    "René",
]
LAST = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Smith",
    "Brown",
    "Taylor",
    "Wilson",
    "Yılmaz",
    "O'Brien",
]
CITIES = [
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Düsseldorf",
    "Leipzig",
    "Dortmund",
    "Essen",
    "Bremen",
    "Dresden",
    "Hannover",
    "Nürnberg",
    "Konstanz",
    "Freiburg",
    "Münster",
    "Kiel",
    "Rostock",
    "Augsburg",
]
INDUSTRY_NOUNS = {
    "shop": ["Versand", "Shop", "Markt", "Handel", "Store", "Outlet"],
    "hotel": ["Hotel", "Pension", "Gasthof", "Resort", "Hostel"],
    "employer": ["Technik", "Systeme", "Logistik", "Consulting", "Software", "Bau"],
    "service": ["Haustechnik", "Umzüge", "Reinigung", "Versicherung", "Energie", "Telekom"],
    "coffee": ["Kaffee", "Espresso", "Bohne", "Café"],
}
NAME_STEMS = [
    "Nord",
    "Süd",
    "Alpen",
    "Rhein",
    "Elbe",
    "Stern",
    "Sonnen",
    "Berg",
    "Wald",
    "Blau",
    "Grün",
    "Adler",
    "Falken",
    "Linden",
    "Eichen",
    "Hanse",
    "Isar",
    "Main",
    "Spree",
    "Weser",
    "Mosel",
    "Kraft",
    "Blitz",
    "Prima",
    "Optima",
    "Vita",
    "Nova",
    "Terra",
]
LEGAL = ["GmbH", "AG", "GmbH & Co. KG", "KG", "e.K.", "UG"]

INDUSTRY_PORTALS = {
    "shop": ("trustpilot", "opinio", "forum"),
    "hotel": ("booking", "trustpilot", "opinio"),
    "employer": ("kununu", "trustpilot"),
    "service": ("trustpilot", "opinio", "kununu", "forum"),
    "coffee": ("trustpilot", "opinio", "kununu", "forum"),
}

SUBJECT = {
    "shop": ["die Lieferung", "die Bestellung", "der Kundenservice", "die Ware", "der Versand"],
    "hotel": ["das Zimmer", "das Frühstück", "das Personal", "die Lage", "der Check-in"],
    "employer": ["die Führung", "das Team", "die Bezahlung", "die Einarbeitung", "das Klima"],
    "service": ["der Techniker", "die Beratung", "die Abrechnung", "der Service", "der Termin"],
    "coffee": [
        "die Kaffeemaschine",
        "der Wartungsdienst",
        "die Hotline",
        "der Vertrag",
        "die Abrechnung",
    ],
}
SUBJECT_EN = {
    "shop": ["the delivery", "the order", "customer service", "the product", "shipping"],
    "hotel": ["the room", "breakfast", "the staff", "the location", "check-in"],
    "employer": ["management", "the team", "the pay", "onboarding", "the culture"],
    "service": ["the technician", "the advice", "the invoice", "the service", "the appointment"],
    "coffee": ["the coffee machine", "maintenance", "the hotline", "the contract", "billing"],
}
GOOD_DE = [
    "{s} war {adv} {adj}.",
    "Ich bin mit {s} {adv} zufrieden.",
    "{S} hat {adv} überzeugt.",
    "Für {s} gibt es von mir {n} Daumen hoch.",
    "{S} lief nach {d} Tagen reibungslos.",
    "Besonders {s} hat mir {adv} gefallen.",
    "Gerne wieder, {s} stimmt einfach.",
    "Nach {d} Wochen kann ich sagen: {s} ist {adj}.",
]
BAD_DE = [
    "{s} war {adv} {badj}.",
    "Mit {s} bin ich {adv} unzufrieden.",
    "{S} hat {adv} enttäuscht.",
    "Nach {d} Tagen warte ich immer noch, {s} ist {badj}.",
    "Leider war {s} {adv} {badj}.",
    "{S} kam erst nach {d} Wochen, {adv} ärgerlich.",
    "Nie wieder, {s} ist {badj}.",
    "Auf {n} Mails keine Antwort, {s} ist {badj}.",
]
GOOD_EN = [
    "{s} was {adv_en} {adj_en}.",
    "I am {adv_en} happy with {s}.",
    "{S} {adv_en} impressed me.",
    "After {d} days {s} still works well.",
    "I'd recommend them, {s} was {adj_en}.",
    "{S} arrived within {d} days and was {adj_en}.",
]
BAD_EN = [
    "{s} was {adv_en} {badj_en}.",
    "I am {adv_en} disappointed with {s}.",
    "{S} took {d} weeks and was {badj_en}.",
    "Never again, {s} is {badj_en}.",
    "No answer to {n} emails, {s} was {badj_en}.",
]
ADV = ["wirklich", "sehr", "absolut", "ziemlich", "total", "echt", "durchweg", "insgesamt"]
ADJ = ["super", "klasse", "hervorragend", "top", "freundlich", "schnell", "zuverlässig", "prima"]
BADJ = [
    "schlecht",
    "enttäuschend",
    "langsam",
    "unfreundlich",
    "mangelhaft",
    "chaotisch",
    "unzuverlässig",
    "katastrophal",
]
ADV_EN = ["really", "very", "absolutely", "quite", "truly", "totally"]
ADJ_EN = ["great", "excellent", "friendly", "fast", "reliable", "superb"]
BADJ_EN = ["poor", "disappointing", "slow", "rude", "unreliable", "terrible"]
TITLES_GOOD = ["Sehr zufrieden", "Top Service", "Empfehlenswert", "Alles bestens", "Gerne wieder"]
TITLES_BAD = ["Enttäuscht", "Finger weg", "Nie wieder", "Schlechter Service", "Ärgerlich"]
TITLES_GOOD_EN = ["Very happy", "Great service", "Recommended", "All good"]
TITLES_BAD_EN = ["Disappointed", "Stay away", "Never again", "Poor service"]
REPLIES = [
    "Vielen Dank für Ihr Feedback! Wir melden uns bei Ihnen.",
    "Danke für Ihre Bewertung, wir kümmern uns darum.",
    "Es tut uns leid, bitte kontaktieren Sie unseren Kundenservice.",
    "Thank you for your feedback, our team will get in touch.",
]
KAFFEE_COMPLAINTS = [
    "Die Kaffeemaschine ist seit {d} Wochen defekt und KaffeePartner reagiert nicht.",
    "Kaffee Partner ignoriert seit Monaten jede Reklamation, der Leasingvertrag ist eine Falle.",
    "Wartung versprochen, nie gekommen. {n} Anrufe bei der Hotline, keine Antwort.",
    "Finger weg von Kaffee Partner: Kündigung wird einfach nicht bestätigt.",
    "Wir zahlen seit {d} Monaten Leasing für eine Maschine, die nicht läuft.",
    "Habe den Blogartikel über Kaffee Partner gelesen, bei uns genau das Gleiche.",
    "Kundenservice von KaffeePartner: nicht erreichbar, Rechnungen falsch.",
    "Nach {d} Wochen ohne Kaffee im Büro: Kaffee Partner meldet sich einfach nicht.",
]
EXTORTION = [
    "Wir wollten nur einen kleinen Rabatt, sonst schlechte Bewertung. Jetzt eben so.",
    "Ohne Rabatt gibt es von uns eine schlechte Bewertung, das hatten wir angekündigt.",
    "Refund or I post this everywhere. You did not refund, so here it is.",
    "Ich habe 50% Rabatt verlangt, sonst schlechte Bewertung. Kein Rabatt, also 1 Stern.",
    "Told them: give me a refund or I post a bad review. They refused.",
]
BOUGHT = [
    "Super Shop, schnelle Lieferung! Top!",
    "Super Shop! Schnelle Lieferung, top!",
    "Top Shop, super schnelle Lieferung!",
    "Super schnelle Lieferung, toller Shop! Top!",
    "Schnelle Lieferung, super Shop, top!",
]
MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DETAIL_DE = [
    "Bestellt hatte ich im {month}.",
    "Wir sind seit {years} Jahren Kunde.",
    "Ich wohne in {city}.",
    "Der Termin war um {hour} Uhr.",
    "Erfahrung aus dem {month}.",
    "Empfohlen hat es mir ein Bekannter aus {city}.",
    "Das ist meine {years}. Bestellung.",
]
DETAIL_EN = [
    "I ordered in {month}.",
    "We have been customers for {years} years.",
    "I live near {city}.",
    "The appointment was at {hour} o'clock.",
    "A friend from {city} recommended them.",
]
PII_SNIPPETS = [
    " Erreichbar unter {mail} für Rückfragen.",
    " Rufen Sie mich an: {phone}.",
    " Contact me at {mail}.",
]


def _rng(*parts: object) -> random.Random:
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def _slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "und", "é": "e"})
    out = "".join(c if c.isalnum() else "-" for c in text.lower().translate(table))
    return "-".join(p for p in out.split("-") if p)


STORY_COMPANIES = (
    Company(
        company_id="kaffee-partner",
        name="Kaffee Partner GmbH",
        domain="kaffee-partner.de",
        industry="coffee",
        city="Osnabrück",
        portal_ids={
            "trustpilot": "kaffee-partner.de",
            "opinio": "kaffee-partner-gmbh",
            "kununu": "kaffeepartner",
            "forum": "t-kaffee-partner",
        },
        portal_names={
            "trustpilot": "KaffeePartner",
            "opinio": "Kaffee Partner GmbH",
            "kununu": "Kaffee Partner GmbH",
            "forum": "Kaffee Partner",
        },
        quality=3.1,
        reply_rate=0.0,
        volume=14,
        story="shitstorm",
    ),
    Company(
        company_id="hotel-seeblick",
        name="Hotel Seeblick Konstanz",
        domain="seeblick-konstanz.de",
        industry="hotel",
        city="Konstanz",
        portal_ids={
            "booking": "seeblick-konstanz",
            "trustpilot": "seeblick-konstanz.de",
            "opinio": "hotel-seeblick-konstanz",
        },
        portal_names={
            "booking": "Hotel Seeblick",
            "trustpilot": "Hotel Seeblick Konstanz",
            "opinio": "Seeblick Hotel Konstanz",
        },
        quality=4.3,
        reply_rate=0.8,
        volume=30,
        story="extortion",
    ),
    Company(
        company_id="schnellkauf24",
        name="Schnellkauf24 GmbH",
        domain="schnellkauf24.de",
        industry="shop",
        city="Berlin",
        portal_ids={"trustpilot": "schnellkauf24.de", "opinio": "schnellkauf24"},
        portal_names={"trustpilot": "Schnellkauf24", "opinio": "Schnellkauf 24"},
        quality=2.9,
        reply_rate=0.5,
        volume=30,
        story="bought_praise",
    ),
    Company(
        company_id="elektro-meier",
        name="Elektro Meier GmbH",
        domain="elektro-meier.de",
        industry="service",
        city="Freiburg",
        portal_ids={
            "trustpilot": "elektro-meier.de",
            "opinio": "elektro-meier",
            "kununu": "elektro-meier",
        },
        portal_names={
            "trustpilot": "Elektro Meier",
            "opinio": "Elektro Meier GmbH",
            "kununu": "Elektro Meier GmbH",
        },
        quality=4.5,
        reply_rate=0.95,
        volume=25,
        story="steady",
    ),
    Company(
        company_id="cafe-neustart",
        name="Café Neustart",
        domain="cafe-neustart.de",
        industry="shop",
        city="Leipzig",
        portal_ids={"trustpilot": "cafe-neustart.de"},
        portal_names={"trustpilot": "Café Neustart"},
        quality=4.5,
        reply_rate=1.0,
        volume=0,
        story="new",
    ),
    Company(
        company_id="umzuege-blitz",
        name="Blitz Umzüge KG",
        domain="blitz-umzuege.de",
        industry="service",
        city="Hamburg",
        portal_ids={"trustpilot": "blitz-umzuege.de", "opinio": "blitz-umzuege-kg"},
        portal_names={"trustpilot": "Blitz Umzüge", "opinio": "Blitz Umzuege KG"},
        quality=3.5,
        reply_rate=0.6,
        volume=25,
        story="divergence",
    ),
)

# Story timing, in days before the anchor.
SHITSTORM_START = 42  # burst over two weeks; the company replies after five weeks
EXTORTION_START = 75
BOUGHT_START = 60
DIVERGENCE_START = 200  # from here on opinio shows a very different picture


class World:
    def __init__(
        self,
        seed: int = 7,
        companies: int = 50,
        reviews_per_company: int = 120,
        anchor: date | None = None,
        as_of: datetime | None = None,
    ) -> None:
        self.seed = seed
        self.n_companies = max(companies, len(STORY_COMPANIES))
        self.reviews_per_company = reviews_per_company
        self.anchor = anchor or datetime.now(UTC).date()
        # Never serve reviews from later today: the portals' clock is the real one.
        self.as_of = as_of or min(
            datetime.combine(self.anchor, time(23, 59, 59), UTC), datetime.now(UTC)
        )
        self.start = self.anchor - timedelta(days=HISTORY_DAYS)
        self._cache: dict[tuple[str, str], list[Review]] = {}

    # --- companies -----------------------------------------------------------

    def company(self, index: int) -> Company:
        if index < len(STORY_COMPANIES):
            return STORY_COMPANIES[index]
        return _generated_company(self.seed, index, self.reviews_per_company)

    def companies(self) -> Iterator[Company]:
        for i in range(self.n_companies):
            yield self.company(i)

    @property
    def company_index(self) -> dict[str, int]:
        return _company_index(self)

    def build_indexes(self) -> World:
        """Build the lookups by company id and portal id now (a server does, before
        its first request); they are otherwise built on first use."""
        _company_index(self)
        _portal_index(self)
        return self

    def by_portal_id(self, portal: str, portal_company_id: str) -> Company | None:
        i = _portal_index(self).get((portal, portal_company_id))
        return None if i is None else self.company(i)

    # --- reviews -------------------------------------------------------------

    def reviews(self, portal: str, company: Company) -> list[Review]:
        """Visible reviews and posts of one company on one portal, newest first."""
        key = (portal, company.company_id)
        if key not in self._cache:
            if len(self._cache) > 4096:  # bounded: large worlds stream through
                self._cache.clear()
            self._cache[key] = sorted(
                _generate(self, portal, company), key=lambda r: r.published_at, reverse=True
            )
        return [r for r in self._cache[key] if r.published_at <= self.as_of]

    def iter_reviews(self) -> Iterator[Review]:
        for company in self.companies():
            for portal in company.portal_ids:
                yield from _generate(self, portal, company)

    def aggregate(self, portal: str, company: Company) -> tuple[float, int]:
        """The portal's own displayed score (on its scale) and review count."""
        rated = [r.rating for r in self.reviews(portal, company) if r.rating is not None]
        lo, hi = _scale(company, portal)
        if not rated:
            return (round((lo + hi) / 2, 1), 0)
        if portal == "trustpilot":  # TrustScore: Bayesian with 7 reviews at 3.5 stars
            score = (sum(rated) + 7 * 3.5) / (len(rated) + 7)
        else:
            score = sum(rated) / len(rated)
        return (round(score, 1), len(rated))

    def scale(self, portal: str, company: Company) -> tuple[float, float]:
        return _scale(company, portal)

    def injected_events(self) -> list[InjectedEvent]:
        a = self.anchor
        d = timedelta
        return [
            InjectedEvent(
                "kaffee-partner",
                "negative_burst",
                ("trustpilot", "opinio", "forum"),
                a - d(SHITSTORM_START),
                a - d(SHITSTORM_START - 14),
            ),
            InjectedEvent(
                "kaffee-partner",
                "unanswered_criticism",
                ("trustpilot", "opinio", "forum"),
                a - d(SHITSTORM_START),
                a - d(SHITSTORM_START - 35),
            ),
            InjectedEvent(
                "hotel-seeblick",
                "extortion",
                ("booking", "trustpilot"),
                a - d(EXTORTION_START),
                a - d(EXTORTION_START - 4),
            ),
            InjectedEvent(
                "schnellkauf24",
                "positive_burst",
                ("trustpilot", "opinio"),
                a - d(BOUGHT_START),
                a - d(BOUGHT_START - 4),
            ),
            InjectedEvent(
                "schnellkauf24",
                "near_duplicate",
                ("trustpilot", "opinio"),
                a - d(BOUGHT_START),
                a - d(BOUGHT_START - 4),
            ),
            InjectedEvent(
                "umzuege-blitz", "divergence", ("trustpilot", "opinio"), a - d(DIVERGENCE_START), a
            ),
            *[
                e
                for c in self.companies()
                if c.story and c.story.startswith("gen_")
                for e in _generated_events(self, c)
            ],
        ]


# The server answers from many threads at once: the indexes are built once per
# world, by one thread (at 100,000 companies a build takes ~10 s; built by every
# thread at once, requests queued behind one another past any client timeout).
_INDEX_LOCK = threading.Lock()


def _index(world: World, name: str, build: Callable[[], dict]) -> dict:
    found = world.__dict__.get(name)
    if found is None:
        with _INDEX_LOCK:
            found = world.__dict__.get(name)
            if found is None:
                found = build()
                setattr(world, name, found)
    return found


def _company_index(world: World) -> dict[str, int]:
    return _index(
        world,
        "_company_idx",
        lambda: {c.company_id: i for i, c in enumerate(world.companies())},
    )


def _portal_index(world: World) -> dict[tuple[str, str], int]:
    return _index(
        world,
        "_portal_idx",
        lambda: {
            (p, pid): i for i, c in enumerate(world.companies()) for p, pid in c.portal_ids.items()
        },
    )


def _scale(company: Company, portal: str) -> tuple[float, float]:
    if portal == "opinio" and company.scale_variant == "ten":
        return (1, 10)
    if portal == "opinio" and company.scale_variant == "zero":
        return (0, 5)
    return SCALES[portal]


def _generated_company(seed: int, index: int, per_company: int) -> Company:
    r = _rng(seed, "company", index)
    industry = r.choice(["shop", "shop", "hotel", "employer", "service", "service"])
    stem = r.choice(NAME_STEMS)
    noun = r.choice(INDUSTRY_NOUNS[industry])
    city = r.choice(CITIES)
    legal = r.choice(LEGAL)
    base = f"{stem}{noun.lower()}" if r.random() < 0.4 else f"{stem} {noun}"
    name = f"{base} {city}" if industry == "hotel" else f"{base} {legal}"
    cid = f"{_slug(base)}-{index}"
    domain = f"{_slug(base).replace('-', '')}{index}.de"
    portals = INDUSTRY_PORTALS[industry]
    chosen = [p for p in portals if r.random() < 0.8] or [portals[0]]
    ids = {}
    names = {}
    for p in chosen:
        ids[p] = domain if p == "trustpilot" else f"{_slug(name)}-{index}"
        names[p] = r.choice([name, base, base.replace(" ", ""), f"{base} ({city})"])
    # A few generated companies carry a planted campaign, for detector
    # precision and recall on large worlds; small worlds stay clean.
    story = None
    if index >= 50 and r.random() < 0.02 and set(chosen) - {"forum"}:
        story = r.choice(["gen_negative_burst", "gen_positive_burst"])
    return Company(
        company_id=cid,
        name=name,
        domain=domain,
        industry=industry,
        city=city,
        portal_ids=ids,
        portal_names=names,
        quality=round(r.uniform(2.2, 4.7), 2),
        reply_rate=round(r.uniform(0.1, 0.9), 2),
        volume=per_company / max(1, len(chosen)) / 4 * r.uniform(0.5, 1.5),
        story=story,
        scale_variant=r.choice(["default", "default", "default", "ten", "zero"]),
    )


def _generated_events(world: World, company: Company) -> list[InjectedEvent]:
    start, end = _gen_campaign_span(world, company)
    kind = company.story.removeprefix("gen_") if company.story else ""
    portals = (_campaign_portal(company),)
    events = [InjectedEvent(company.company_id, kind, portals, start, end)]
    if kind == "positive_burst":  # bought praise copies a handful of texts
        events.append(InjectedEvent(company.company_id, "near_duplicate", portals, start, end))
    if kind == "negative_burst":
        # A burst at a company that rarely replies is also criticism left unanswered.
        burst = [x for x in _generate(world, portals[0], company) if x.injected]
        if sum(x.replied_at is None for x in burst) >= 0.8 * len(burst):
            events.append(
                InjectedEvent(
                    company.company_id,
                    "unanswered_criticism",
                    portals,
                    start,
                    end + timedelta(days=21),
                )
            )
    return events


def _gen_campaign_span(world: World, company: Company) -> tuple[date, date]:
    r = _rng(world.seed, "campaign", company.company_id)
    start = world.anchor - timedelta(days=r.randint(20, 600))
    return start, start + timedelta(days=4)


def _campaign_portal(company: Company) -> str:
    return next(p for p in ("trustpilot", "opinio", "booking", "kununu") if p in company.portal_ids)


# --- review generation -------------------------------------------------------


def _fill(r: random.Random, template: str, industry: str, en: bool) -> str:
    s = r.choice(SUBJECT_EN[industry] if en else SUBJECT[industry])
    return template.format(
        s=s,
        S=s[0].upper() + s[1:],
        adv=r.choice(ADV),
        adj=r.choice(ADJ),
        badj=r.choice(BADJ),
        adv_en=r.choice(ADV_EN),
        adj_en=r.choice(ADJ_EN),
        badj_en=r.choice(BADJ_EN),
        d=r.randint(2, 30),
        n=r.randint(2, 9),
    )


def _text(r: random.Random, stars: float, industry: str, en: bool) -> tuple[str, str]:
    good = stars >= 3.5
    if en:
        pool, titles = (GOOD_EN, TITLES_GOOD_EN) if good else (BAD_EN, TITLES_BAD_EN)
    else:
        pool, titles = (GOOD_DE, TITLES_GOOD) if good else (BAD_DE, TITLES_BAD)
    sentences = [_fill(r, t, industry, en) for t in r.sample(pool, k=r.randint(2, 4))]
    # A personal detail, as real reviewers add one: without it, short template
    # texts repeat by chance in large worlds and look like copied campaigns.
    detail = r.choice(DETAIL_EN if en else DETAIL_DE)
    sentences.insert(
        r.randrange(len(sentences) + 1),
        detail.format(
            month=r.choice(MONTHS_EN if en else MONTHS_DE),
            city=r.choice(CITIES),
            years=r.randint(2, 15),
            hour=r.randint(7, 20),
        ),
    )
    return r.choice(titles), " ".join(sentences)


def _author(r: random.Random, portal: str, pool_key: str) -> tuple[str, str]:
    first, last = r.choice(FIRST), r.choice(LAST)
    style = r.random()
    name = f"{first} {last}" if style < 0.5 else f"{first} {last[0]}." if style < 0.85 else first
    author_id = hashlib.blake2b(
        f"{portal}|{pool_key}|{name}|{r.random()}".encode(), digest_size=8
    ).hexdigest()
    return name, author_id


def _review_id(r: random.Random, portal: str) -> str:
    if portal == "trustpilot":
        return f"{r.getrandbits(96):024x}"
    # At least 60 random bits each: ids stay unique in a world of 10M reviews.
    if portal == "booking":
        return str(10**17 + r.getrandbits(60))
    if portal == "kununu":
        return f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}-{r.getrandbits(16):04x}"
    if portal == "forum":
        return f"p{r.getrandbits(60)}"
    return f"r{r.getrandbits(60):015x}"


def _rating(portal: str, stars: float, company: Company) -> float:
    lo, hi = _scale(company, portal)
    value = lo + (stars - 1) / 4 * (hi - lo)
    if portal == "kununu":
        return round(value, 1)
    if portal == "opinio" and company.scale_variant == "zero":
        return round(value * 2) / 2
    return float(round(value))


def _make(
    world: World,
    r: random.Random,
    portal: str,
    company: Company,
    published: datetime,
    stars: float | None,
    *,
    text: str | None = None,
    title: str | None = None,
    language: str | None = None,
    injected: str | None = None,
    author_count: int | None = None,
    reply_after: timedelta | None = None,
    kind: str = "review",
) -> Review:
    en = (
        (language == "en") if language else (portal not in ("kununu", "forum") and r.random() < 0.3)
    )
    lang = "en" if en else "de"
    if text is None:
        title, text = _text(r, stars if stars is not None else 2.0, company.industry, en)
        if r.random() < 0.02:
            first, last = r.choice(FIRST), r.choice(LAST)
            text += r.choice(PII_SNIPPETS).format(
                mail=f"{_slug(first)}.{_slug(last)}@example.org",
                phone=f"+49 171 {r.randint(1000000, 9999999)}",
            )
    name, author_id = _author(r, portal, company.company_id)
    rating = None if stars is None else _rating(portal, stars, company)
    reply_text = replied_at = None
    if reply_after is not None:
        reply_text, replied_at = r.choice(REPLIES), published + reply_after
    elif kind == "review" and r.random() < company.reply_rate:
        reply_text = r.choice(REPLIES)
        replied_at = published + timedelta(hours=r.randint(4, 24 * 10))
    if replied_at is not None and replied_at > world.as_of:
        reply_text = replied_at = None
    sub: dict[str, float] = {}
    pros = cons = None
    reviewer_type = traveller_type = None
    experienced = None
    if portal == "kununu" and stars is not None:
        sub = {c: round(min(5, max(1, stars + r.uniform(-1, 1))), 1) for c in KUNUNU_CATEGORIES}
        reviewer_type = r.choices(["employee", "applicant", "apprentice"], [0.7, 0.2, 0.1])[0]
        pros, cons = (
            ("Nette Kollegen", "Wenig Weiterbildung")
            if stars >= 3
            else ("Sicherer Arbeitsplatz", "Chaotische Führung")
        )
    if portal == "booking" and stars is not None:
        sub = {
            c: float(min(10, max(1, round(rating + r.uniform(-1.5, 1.5)))))
            for c in BOOKING_CATEGORIES
        }
        traveller_type = r.choice(["Paar", "Familie", "Alleinreisend", "Geschäftsreisend"])
        pros, cons = text, (None if stars >= 4 else "Zu teuer für das Gebotene.")
        experienced = (published - timedelta(days=r.randint(2, 40))).date()
    if portal == "trustpilot":
        experienced = (published - timedelta(days=r.randint(0, 20))).date()
    return Review(
        portal=portal,
        company_id=company.company_id,
        portal_company_id=company.portal_ids[portal],
        review_id=_review_id(r, portal),
        kind=kind,
        rating=rating,
        title=title or "",
        text=text,
        language=lang,
        author_name=name,
        author_id=author_id,
        author_review_count=author_count if author_count is not None else r.randint(1, 40),
        published_at=published,
        experienced_on=experienced,
        pros=pros,
        cons=cons,
        reply_text=reply_text,
        replied_at=replied_at,
        verified=r.random() < 0.6,
        sub_ratings=sub,
        reviewer_type=reviewer_type,
        traveller_type=traveller_type,
        thread_id=company.portal_ids[portal] if portal == "forum" else None,
        injected=injected,
    )


def _at(day: date, r: random.Random) -> datetime:
    return datetime.combine(day, time(r.randint(6, 22), r.randint(0, 59), r.randint(0, 59)), UTC)


def _stars(r: random.Random, mean: float) -> float:
    return float(min(5, max(1, round(r.gauss(mean, 0.9)))))


def _generate(world: World, portal: str, company: Company) -> list[Review]:
    r = _rng(world.seed, world.anchor, "reviews", portal, company.company_id)
    out: list[Review] = []
    years = HISTORY_DAYS / 365
    n = int(company.volume * years * (0.6 if portal == "forum" else 1.0))
    mean = company.quality
    if company.story == "divergence" and portal == "opinio":
        mean = 3.3
    for _ in range(n):
        day = world.start + timedelta(days=r.randrange(HISTORY_DAYS))
        m = mean
        if (
            company.story == "divergence"
            and portal == "opinio"
            and day >= (world.anchor - timedelta(days=DIVERGENCE_START))
        ):
            m = 1.6
        if company.story == "divergence" and portal == "trustpilot":
            m = 4.6
        is_mention = portal == "forum" and r.random() < 0.4
        out.append(
            _make(
                world,
                r,
                portal,
                company,
                _at(day, r),
                None if is_mention else _stars(r, m),
                kind="mention" if is_mention else "review",
            )
        )
    out.extend(_story_reviews(world, r, portal, company))
    return out


def _bought_review(
    world: World, r: random.Random, portal: str, company: Company, day: date
) -> Review:
    """Bought praise: five stars, a copied short text, an account with one review."""
    return _make(
        world,
        r,
        portal,
        company,
        _at(day, r),
        5.0,
        text=r.choice(BOUGHT),
        title="Top",
        language="de",
        injected="positive_burst",
        author_count=1,
    )


def _story_reviews(world: World, r: random.Random, portal: str, company: Company) -> list[Review]:
    a = world.anchor
    out: list[Review] = []
    if company.story == "shitstorm" and portal in ("trustpilot", "opinio", "forum"):
        count = {"trustpilot": 26, "opinio": 14, "forum": 14}[portal]
        start = a - timedelta(days=SHITSTORM_START)
        for i in range(count):
            day = start + timedelta(days=min(13, int(r.expovariate(1 / 4))))
            # Real people, not a copy-paste campaign: each adds their own words.
            text = " ".join(
                [
                    _fill(r, r.choice(KAFFEE_COMPLAINTS), "coffee", False),
                    *(_fill(r, t, "coffee", False) for t in r.sample(BAD_DE, k=r.randint(1, 2))),
                ]
            )
            mention = portal == "forum" and i % 2 == 0
            # The company wakes up after five weeks and answers the burst.
            reply_after = (start + timedelta(days=35 + r.randint(0, 4))) - datetime.combine(
                day, time(0), UTC
            ).date()
            out.append(
                _make(
                    world,
                    r,
                    portal,
                    company,
                    _at(day, r),
                    None if mention else r.choice([1.0, 1.0, 1.0, 2.0]),
                    text=text,
                    title=r.choice(TITLES_BAD),
                    language="de",
                    injected="negative_burst",
                    kind="mention" if mention else "review",
                    reply_after=None if mention else reply_after,
                )
            )
    if company.story == "extortion" and portal in ("booking", "trustpilot"):
        start = a - timedelta(days=EXTORTION_START)
        for i in range(4 if portal == "booking" else 3):
            day = start + timedelta(days=r.randint(0, 4))
            text = EXTORTION[(i * 2 + (portal == "booking")) % len(EXTORTION)]
            out.append(
                _make(
                    world,
                    r,
                    portal,
                    company,
                    _at(day, r),
                    1.0,
                    text=text,
                    title=r.choice(TITLES_BAD),
                    language="en" if "refund" in text else "de",
                    injected="extortion",
                )
            )
    if company.story == "bought_praise" and portal in ("trustpilot", "opinio"):
        start = a - timedelta(days=BOUGHT_START)
        for _ in range(28 if portal == "trustpilot" else 12):
            day = start + timedelta(days=r.randint(0, 4))
            out.append(_bought_review(world, r, portal, company, day))
    if company.story == "new" and portal == "trustpilot":
        for back, stars in ((9, 5.0), (3, 4.0)):
            out.append(
                _make(
                    world,
                    r,
                    portal,
                    company,
                    _at(a - timedelta(days=back), r),
                    stars,
                    language="de",
                )
            )
    if company.story and company.story.startswith("gen_") and portal == _campaign_portal(company):
        start, _ = _gen_campaign_span(world, company)
        negative = company.story == "gen_negative_burst"
        for _ in range(r.randint(15, 30)):
            day = start + timedelta(days=r.randint(0, 4))
            if negative:
                out.append(
                    _make(
                        world,
                        r,
                        portal,
                        company,
                        _at(day, r),
                        r.choice([1.0, 2.0]),
                        language="de",
                        injected="negative_burst",
                    )
                )
            else:
                out.append(_bought_review(world, r, portal, company, day))
    return out


def companies_config(world: World, base_url: str = "${RUF_PORTALS_URL}") -> dict:
    """The tracked-companies config for this world (what `config/companies.yaml` holds)."""
    from offline_portals import routes

    out = []
    for c in world.companies():
        out.append(
            {
                "company_id": c.company_id,
                "name": c.name,
                "domain": c.domain,
                "industry": c.industry,
                "aliases": sorted({n for n in c.portal_names.values() if n != c.name}),
                "portals": {
                    p: {"id": pid, "url": base_url + routes.company_path(p, pid)}
                    for p, pid in c.portal_ids.items()
                },
            }
        )
    return {"companies": out}
