"""Items as the generic spider writes them (issue 15), through the transform: the
page's locale (``extra.locale``) decides the order of day and month, relative dates
count back from each item's ``fetched_at``, and stay and reply dates read the same way.

The pages are hand-written miniatures read by the real generic reader and written
as its pipeline writes raw JSON Lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import yaml

from core.settings import REPO_ROOT, Settings
from spiders.pages import parse_page
from spiders.pipelines import item_record, to_raw_item
from transforms import lake
from transforms.run import transform

from .conftest import make_settings, write_items

PORTAL = "shop"
FETCHED = "2026-11-23T09:00:00Z"
RUN_DATE = "2026-11-23"

PAGES = {
    # A US page: 3/4/2024 is 4 March.
    "diner-us": """<html lang="en-US"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"LocalBusiness","name":"Blue Door Diner",
"review":[{"@type":"Review","author":{"name":"Ana B."},"reviewRating":{"ratingValue":"5"},
"datePublished":"3/4/2024","reviewBody":"Best pancakes in town."},
{"@type":"Review","author":{"name":"Tom C."},"reviewRating":{"ratingValue":"2"},
"datePublished":"a week ago","reviewBody":"Cold coffee, slow service."}]}
</script></head><body></body></html>""",
    # The same numbers on a British page: 3 April; an epoch in milliseconds.
    "diner-gb": """<html lang="en-GB"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"LocalBusiness","name":"Blue Door Diner",
"review":[{"@type":"Review","author":{"name":"Ana B."},"reviewRating":{"ratingValue":"5"},
"datePublished":"3/4/2024","reviewBody":"Best pancakes in town."},
{"@type":"Review","author":{"name":"Jo P."},"reviewRating":{"ratingValue":4},
"datePublished":1538052669000,"reviewBody":"Fine breakfast."}]}
</script></head><body></body></html>""",
    # A German shop's page state: "vor 3 Tagen", "Oktober 2025", 3/4/2024 day first.
    "roesterei": """<html lang="de"><body><script>window.__STATE__ = {shop:{name:'Rösterei',
rating:{value:4.5,count:'3'}},reviews:[{id:'r-1',stars:5,body:'Sehr guter Kaffee',
created:'vor 3 Tagen'},{id:'r-2',stars:2,body:'Zu bitter',created:'Oktober 2025'},
{id:'r-3',stars:4,body:'Gut verpackt',created:'3/4/2024'}]};</script></body></html>""",
    # Ratings only rendered, dates in words.
    "bakery": """<html lang="en-US"><body><h1>Corner Bakery</h1><ul>
<li class="review"><span class="name">Ana B.</span><div role="img" aria-label="5 star rating">
</div><span class="date">a week ago</span><p class="comment">Lovely bread, friendly staff.</p></li>
<li class="review"><span class="name">Tom C.</span><div role="img" aria-label="2 star rating">
</div><span class="date">Reviewed in Germany on 3 March 2024</span>
<p class="comment">Waited forty minutes for a cold croissant.</p></li></ul></body></html>""",
}


def shop_settings(tmp_path) -> Settings:
    portals = yaml.safe_load((REPO_ROOT / "config" / "portals.yaml").read_text("utf-8"))
    portals["portals"][PORTAL] = {
        "family": "generic",
        "base_url": "http://127.0.0.1:8765/shop",
        "scale": [1, 5],
        "languages": [],
    }
    companies = [
        {
            "company_id": slug,
            "name": slug.title(),
            "portals": {PORTAL: {"id": slug, "url": f"http://127.0.0.1:8765/shop/{slug}"}},
        }
        for slug in PAGES
    ]
    (tmp_path / "portals.yaml").write_text(yaml.safe_dump(portals), "utf-8")
    (tmp_path / "companies.yaml").write_text(yaml.safe_dump({"companies": companies}), "utf-8")
    return make_settings(
        tmp_path / "data",
        companies_file=tmp_path / "companies.yaml",
        portals_file=tmp_path / "portals.yaml",
    )


def generic_items(fetched_at: str = FETCHED) -> list[dict]:
    """What the generic spider writes for the pages, one JSON object per item."""
    out = []
    for slug, body in PAGES.items():
        got = parse_page(
            "generic",
            body.encode(),
            f"http://127.0.0.1:8765/shop/{slug}",
            portal=PORTAL,
            fetched_at=fetched_at,
            response_sha256="0" * 64,
        )
        assert got.problems == [], (slug, got.problems)
        out += [item_record(to_raw_item(i)) for i in got.items]
    return out


def published(settings: Settings) -> dict[tuple[str, str], tuple[datetime, str]]:
    rows = lake.read_table(settings, "reviews").to_pylist()
    return {
        (r["portal_company_id"], r["text"]): (r["published_at"], r["published_precision"])
        for r in rows
    }


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_generic_items_reach_the_lake_with_the_dates_their_pages_show(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    items = generic_items()
    assert {i["extra"]["locale"] for i in items} == {"en-US", "en-GB", "de"}
    write_items(settings.raw_url, PORTAL, RUN_DATE, items)
    report = transform(settings)
    assert report.quarantined_rows == 0
    assert published(settings) == {
        ("diner-us", "Best pancakes in town."): (at(2024, 3, 4), "day"),
        ("diner-us", "Cold coffee, slow service."): (at(2026, 11, 16), "day"),
        ("diner-gb", "Best pancakes in town."): (at(2024, 4, 3), "day"),
        ("diner-gb", "Fine breakfast."): (at(2018, 9, 27, 12, 51, 9), "second"),
        ("roesterei", "Sehr guter Kaffee"): (at(2026, 11, 20), "day"),
        ("roesterei", "Zu bitter"): (at(2025, 10, 1), "month"),
        ("roesterei", "Gut verpackt"): (at(2024, 4, 3), "day"),
        ("bakery", "Lovely bread, friendly staff."): (at(2026, 11, 16), "day"),
        ("bakery", "Waited forty minutes for a cold croissant."): (at(2024, 3, 3), "day"),
    }


def test_relative_dates_count_from_each_items_own_fetch(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    earlier = [i for i in generic_items("2026-11-02T22:00:00Z") if i["kind"] == "review"]
    write_items(settings.raw_url, PORTAL, "2026-11-02", earlier)
    transform(settings)
    got = published(settings)
    assert got[("roesterei", "Sehr guter Kaffee")] == (at(2026, 10, 30), "day")
    assert got[("diner-us", "Cold coffee, slow service.")] == (at(2026, 10, 26), "day")
    assert got[("roesterei", "Gut verpackt")] == (at(2024, 4, 3), "day")


def test_stay_and_reply_dates_read_in_the_items_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    base = next(i for i in generic_items() if i["portal_company_id"] == "diner-gb")
    rows = []
    for n, (locale, stay, reply) in enumerate(
        [
            ("en-GB", "3/4/2024", "2 days ago"),
            ("en-US", "3/4/2024", "vor 2 Stunden"),
            ("de-DE", "Oktober 2025", "12.04.2020 17:02"),
            ("fr", "il y a 2 mois", "irgendwann"),
        ]
    ):
        extra = {**base["extra"], "locale": locale}
        rows.append(
            {
                **base,
                "text": f"stay {n}",
                "experienced_raw": stay,
                "reply_text": "Thank you!",
                "reply_raw_date": reply,
                "extra": extra,
            }
        )
    write_items(settings.raw_url, PORTAL, RUN_DATE, [json.dumps(r) for r in rows])
    transform(settings)
    got = {
        r["text"]: (
            r["experienced_at"],
            r["replied_at"],
            "reply_date_unparsable" in r["text_flags"],
        )
        for r in lake.read_table(settings, "reviews").to_pylist()
    }
    assert got == {
        "stay 0": (at(2024, 4, 3), at(2026, 11, 21), False),
        "stay 1": (at(2024, 3, 4), at(2026, 11, 23, 7), False),
        "stay 2": (at(2025, 10, 1), at(2020, 4, 12, 17, 2), False),
        "stay 3": (at(2026, 9, 1), None, True),
    }


def test_shown_dates_of_the_readers_newer_languages_reach_the_lake(tmp_path, monkeypatch):
    """The generic reader keeps Polish, Czech, Russian, Ukrainian and Hungarian dates as
    shown ("11 lutego 2025", "2025. 03. 03."); their rows land, none in quarantine."""
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    base = next(i for i in generic_items() if i["portal_company_id"] == "diner-gb")
    shown = {
        "pl": ("11 lutego 2025", "3 dni temu"),
        "cs": ("3. března 2024", "březen 2024"),
        "ru": ("5 марта 2024 г.", "5 марта 2024"),
        "uk": ("12 березня 2025", "листопад 2024"),
        "hu": ("2025. 03. 03.", "2025. március 1."),
    }
    rows = [
        {
            **base,
            "text": f"review {locale}",
            "published_raw": published_raw,
            "experienced_raw": experienced_raw,
            "extra": {**base["extra"], "locale": locale},
        }
        for locale, (published_raw, experienced_raw) in shown.items()
    ]
    write_items(settings.raw_url, PORTAL, RUN_DATE, rows)
    report = transform(settings)
    assert report.quarantined_rows == 0
    got = {
        r["text"]: (r["published_at"], r["published_precision"], r["experienced_at"])
        for r in lake.read_table(settings, "reviews").to_pylist()
    }
    assert got == {
        "review pl": (at(2025, 2, 11), "day", at(2026, 11, 20)),
        "review cs": (at(2024, 3, 3), "day", at(2024, 3, 1)),
        "review ru": (at(2024, 3, 5), "day", at(2024, 3, 5)),
        "review uk": (at(2025, 3, 12), "day", at(2024, 11, 1)),
        "review hu": (at(2025, 3, 3), "day", at(2025, 3, 1)),
    }


# Dates the generic reader keeps as shown, each with the day it stands for on FETCHED: a
# rendered page's (the reader's date patterns accept them) and JSON-LD's (kept as written).
RENDERED_DATES = {
    "há uma semana": (at(2026, 11, 16), "day"),
    "há 3 dias": (at(2026, 11, 20), "day"),
    "för 2 veckor sedan": (at(2026, 11, 9), "day"),
    "for 2 uger siden": (at(2026, 11, 9), "day"),
    "for 3 dager siden": (at(2026, 11, 20), "day"),
    "1 hafta önce": (at(2026, 11, 16), "day"),
    "2024年3月3日": (at(2024, 3, 3), "day"),
    "2024年3月3日に日本でレビュー済み": (at(2024, 3, 3), "day"),
    "2024년 3월 3일": (at(2024, 3, 3), "day"),
    "2025. 3. 3. 오후 2:30": (at(2025, 3, 3, 14, 30), "second"),
    "3日前": (at(2026, 11, 20), "day"),
    "5時間前": (at(2026, 11, 23, 4), "second"),
    "Past 6 months": (at(2026, 5, 1), "month"),
}
JSON_LD_DATES = {
    "вчера": (at(2026, 11, 22), "day"),
    "3 дня назад": (at(2026, 11, 20), "day"),
    "3 дні тому": (at(2026, 11, 20), "day"),
    "před 3 dny": (at(2026, 11, 20), "day"),
    "3 napja": (at(2026, 11, 20), "day"),
    "wczoraj": (at(2026, 11, 22), "day"),
}


def _read(slug: str, body: str) -> list[dict]:
    got = parse_page(
        "generic",
        body.encode(),
        f"http://127.0.0.1:8765/shop/{slug}",
        portal=PORTAL,
        fetched_at=FETCHED,
        response_sha256="0" * 64,
    )
    assert got.problems == [], got.problems
    return [item_record(to_raw_item(i)) for i in got.items]


def _rendered_page(lang: str, dates) -> str:
    """A page in ``lang`` of reviews rendered with each shown date, each named in its text."""
    rendered = "".join(
        f'<li class="review"><span class="name">Ana {chr(65 + n)}</span>'
        f'<div role="img" aria-label="4 star rating"></div><span class="date">{shown}</span>'
        f'<p class="comment">Lovely bread, visit {shown}.</p></li>'
        for n, shown in enumerate(dates)
    )
    return f'<html lang="{lang}"><body><h1>Bakery</h1><ul>{rendered}</ul></body></html>'


def test_relative_and_east_asian_dates_the_reader_keeps_reach_the_lake(tmp_path, monkeypatch):
    """Portuguese, Swedish, Danish, Norwegian, Turkish, Japanese and Korean dates (and eBay's
    "Past 6 months") a rendered page shows, and Russian, Ukrainian, Czech, Hungarian and
    Polish relative ones its JSON-LD says, read by the real reader and transformed: every
    row lands, none in quarantine."""
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    reviews = [
        {
            "@type": "Review",
            "author": {"name": f"Ivan {n}"},
            "reviewRating": {"ratingValue": "4"},
            "datePublished": shown,
            "reviewBody": f"Good coffee, visit {shown}.",
        }
        for n, shown in enumerate(JSON_LD_DATES)
    ]
    ld = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": "D",
        "review": reviews,
    }
    items = _read("bakery", _rendered_page("ja", RENDERED_DATES))
    items += _read(
        "diner-gb",
        f'<html lang="ru"><head><script type="application/ld+json">{json.dumps(ld)}</script>'
        "</head><body></body></html>",
    )
    kept = {i["published_raw"] for i in items if i["kind"] == "review"}
    assert kept == set(RENDERED_DATES) | set(JSON_LD_DATES)
    write_items(settings.raw_url, PORTAL, RUN_DATE, items)
    report = transform(settings)
    assert report.quarantined_rows == 0
    got = {text.split("visit ")[1][:-1]: day for (_, text), day in published(settings).items()}
    assert got == {**RENDERED_DATES, **JSON_LD_DATES}


def _shop_review(author: str, shown: str, stars: int, body: str) -> str:
    return (
        '<li itemscope itemtype="http://schema.org/Review" itemprop="review">'
        f'<p itemprop="author">{author}</p><p class="review-date">{shown}</p>'
        '<p itemscope itemtype="http://schema.org/Rating" itemprop="reviewRating">'
        f'<span itemprop="ratingValue">{stars}</span>/<span itemprop="bestRating">5</span></p>'
        f'<p itemprop="description">{body}</p></li>'
    )


def test_a_page_without_a_locale_reads_its_dates_in_the_order_its_other_dates_show(
    tmp_path, monkeypatch
):
    """A shop page that declares no language shows "21/10/2016" (day first: there is no
    21st month), so its "05/10/2016" is 5 October, not 10 May; a page whose dates can
    all be read both ways stays month first, as before."""
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    day_first_page = (
        '<html><body><div itemscope itemtype="http://schema.org/Product">'
        '<h1 itemprop="name">Housse de chaise</h1><ul>'
        + _shop_review("Anonyme", "21/10/2016", 5, "Tissus de qualité, je recommande.")
        + _shop_review("Anonyme", "05/10/2016", 4, "Belle couleur et taille adéquate.")
        + _shop_review("Anonyme", "07/01/2017", 5, "Donne un style cocon au salon.")
        + "</ul></div></body></html>"
    )
    either_way_page = day_first_page.replace("21/10/2016", "11/10/2016")
    items = [
        {**i, "response_sha256": sha}
        for slug, body, sha in (
            ("roesterei", day_first_page, "1" * 64),
            ("bakery", either_way_page, "2" * 64),
        )
        for i in _read(slug, body)
    ]
    assert {i["extra"].get("locale") for i in items} == {None}
    write_items(settings.raw_url, PORTAL, RUN_DATE, items)
    assert transform(settings).quarantined_rows == 0
    got = {(slug, text[:5]): day for (slug, text), day in published(settings).items()}
    assert got == {
        ("roesterei", "Tissu"): (at(2016, 10, 21), "day"),
        ("roesterei", "Belle"): (at(2016, 10, 5), "day"),
        ("roesterei", "Donne"): (at(2017, 1, 7), "day"),
        ("bakery", "Tissu"): (at(2016, 11, 10), "day"),
        ("bakery", "Belle"): (at(2016, 5, 10), "day"),
        ("bakery", "Donne"): (at(2017, 7, 1), "day"),
    }


# Dates after a verb or label and relative ones, by page language: the day (or month) on FETCHED.
WORDED_DATES = {
    "en-US": {"Reviewed March 3, 2024": "2024-03-03", "Written March 5, 2024": "2024-03-05"},
    "de": {"vom 03.03.2024": "2024-03-03", "Bewertung vom 3. März 2024": "2024-03-03"},
    "it": {"Pubblicata il 3 marzo 2024": "2024-03-03"},
    "sv": {"Publicerad 3 mars 2024": "2024-03-03"},
    "pl": {"Data opinii: 3 marca 2024": "2024-03-03", "wczoraj": "2026-11-22"},
    "sk": {"pred 2 dňami": "2026-11-21", "pred týždňom": "2026-11-16", "pred mesiacom": "2026-10",
           "včera": "2026-11-22"},
    "ro": {"acum 3 zile": "2026-11-20", "acum o săptămână": "2026-11-16", "ieri": "2026-11-22"},
    "hr": {"prije 3 dana": "2026-11-20", "prije tjedan dana": "2026-11-16"},
    "cs": {"před 3 dny": "2026-11-20", "před týdnem": "2026-11-16"},
    "ru": {"3 дня назад": "2026-11-20", "неделю назад": "2026-11-16", "вчера": "2026-11-22"},
    "uk": {"3 дні тому": "2026-11-20", "тиждень тому": "2026-11-16"},
    "hu": {"3 napja": "2026-11-20", "2 hete": "2026-11-09", "egy éve": "2025-11",
           "tegnap": "2026-11-22"},
}  # fmt: skip


def _on(day: str) -> tuple[datetime, str]:
    """ "2024-03-03" -> that day, "2025-11" -> that month, as the lake holds them."""
    return at(*map(int, (day + "-01").split("-")[:3])), "day" if day.count("-") == 2 else "month"


def test_worded_and_relative_dates_of_rendered_pages_reach_the_lake(tmp_path, monkeypatch):
    """ConsumerAffairs', TripAdvisor's, Trusted Shops', Booking's dates after a verb or label and
    relative ones in more languages, through reader and transform: all land, none quarantined."""
    monkeypatch.setenv("RUF_TRANSFORM_WORKERS", "1")
    settings = shop_settings(tmp_path)
    shown = {d: _on(day) for dates in WORDED_DATES.values() for d, day in dates.items()}
    items = [i for lg, d in WORDED_DATES.items() for i in _read("bakery", _rendered_page(lg, d))]
    assert {i["published_raw"] for i in items} == set(shown)
    write_items(settings.raw_url, PORTAL, RUN_DATE, items)
    assert transform(settings).quarantined_rows == 0
    got = {text.split("visit ")[1][:-1]: day for (_, text), day in published(settings).items()}
    assert got == shown
