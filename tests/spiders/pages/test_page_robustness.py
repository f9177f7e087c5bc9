"""Bad bytes never crash a page object: encodings, invalid UTF-8, random input."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spiders.pages import FAMILIES, PageResult, parse_page
from spiders.pages.base import UNDECODABLE, decode
from tests.spiders.pages import regen

WORLD = regen.world()
PAGES = {
    "trustpilot": regen.render_page(WORLD, "trustpilot", "kaffee-partner"),
    "schema_org": regen.render_page(WORLD, "opinio", "stern-telekom-10"),
    "kununu": regen.render_page(WORLD, "kununu", "kaffee-partner"),
    "booking": regen.render_page(WORLD, "booking", "hotel-seeblick"),
    "forum": regen.render_page(WORLD, "forum", "eichen-handel-8"),
}


def _parse(family: str, body: bytes, url: str | None = None, encoding: str | None = None):
    return parse_page(
        family,
        body,
        url or PAGES[family][0],
        portal=regen.PORTAL_OF_FAMILY[family],
        fetched_at=regen.FETCHED_AT,
        response_sha256=hashlib.sha256(body).hexdigest(),
        encoding=encoding,
    )


def _content(items: list) -> list:
    """Items without the body hash, which differs with the bytes."""
    return [replace(i, response_sha256=None) for i in items]


def test_latin1_and_cp1252_pages_decode_by_their_declaration() -> None:
    _, html = PAGES["kununu"]
    utf8 = _parse("kununu", html.encode())
    declared = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("cp1252")
    from_meta = _parse("kununu", declared)
    from_header = _parse("kununu", html.encode("cp1252"), encoding="windows-1252")
    same = [_content(r.items) for r in (utf8, from_meta, from_header)]
    assert same[0] == same[1] == same[2]
    assert any("ä" in (i.text or "") + str(i.sub_ratings) for i in utf8.items)


def test_undeclared_legacy_bytes_fall_back_to_windows_1252() -> None:
    text, broken = decode("Bewertung: „gut“ für 5 €".encode("cp1252"))
    assert (text, broken) == ("Bewertung: „gut“ für 5 €", False)


def test_invalid_utf8_is_replaced_and_only_affected_items_are_flagged() -> None:
    _, html = PAGES["booking"]
    result = _parse("booking", html.encode())
    victim = next(i for i in result.items if i.kind == "review")
    body = html.encode().replace(victim.title.encode(), victim.title.encode() + b"\xff\xfe", 1)
    broken = _parse("booking", body)
    flagged = [i for i in broken.items if UNDECODABLE in i.flags]
    assert [i.review_id for i in flagged] == [victim.review_id]
    assert flagged[0].title == victim.title + "\ufffd\ufffd"
    assert len(broken.items) == len(result.items)


def test_json_ld_with_control_characters_and_deep_nesting() -> None:
    body = (
        b'<script type="application/ld+json">{"@type":"Review","reviewBody":"a\tb\nc",'
        b'"reviewRating":{"ratingValue":"4"}}</script>'
    )
    (review,) = _parse("schema_org", body).items
    assert (review.text, review.rating_value) == ("a\tb\nc", "4")
    deep = b'<script type="application/ld+json">' + b"[" * 100_000 + b"</script>"
    result = _parse("schema_org", deep)
    assert result.items == [] and result.problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(family=st.sampled_from(FAMILIES), body=st.binary(max_size=3000))
def test_random_bytes_never_raise(family: str, body: bytes) -> None:
    assert isinstance(_parse(family, body), PageResult)


@st.composite
def mutated_page(draw):
    family = draw(st.sampled_from(FAMILIES))
    body = bytearray(PAGES[family][1].encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(body) - 1)))
        action = draw(st.sampled_from(["cut", "delete", "insert", "truncate"]))
        if action == "truncate":
            del body[at:]
        elif action == "delete":
            del body[at : at + draw(st.integers(1, 400))]
        elif action == "insert":
            body[at:at] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=40),
                    st.sampled_from(
                        [b"<", b"</script>", b'"', b"{", b"[" * 5000, b"\xff", b"<!--", b"&#0;"]
                    ),
                )
            )
        else:
            body[at : at + 1] = b""
    return family, bytes(body)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated_page())
def test_mutated_real_pages_never_raise(case: tuple[str, bytes]) -> None:
    family, body = case
    result = _parse(family, body)
    assert isinstance(result, PageResult)
    assert all(isinstance(p, str) for p in result.problems)


def test_a_saved_gzipped_page_keeps_its_declared_locale() -> None:
    """A page saved as page.html.gz is read gunzipped, its ``lang`` too: the transforms
    read its 05/10/2016 by that locale (fr: 5 October)."""
    page = (
        '<!doctype html><html lang="fr-FR"><head><title>Avis</title></head><body>'
        '<div class="review"><span class="author">Julie</span><span class="date">05/10/2016'
        '</span><span class="stars" title="Noté 4 sur 5">4/5</span><p>Très bien, merci.</p>'
        "</div></body></html>"
    ).encode()
    for body in (page, gzip.compress(page)):
        result = parse_page(
            "generic",
            body,
            "file:///saved/avis.html.gz",
            portal="generic",
            fetched_at="2026-11-23T09:00:00Z",
            response_sha256=hashlib.sha256(body).hexdigest(),
        )
        reviews = [i for i in result.items if i.kind == "review"]
        assert reviews, result.problems
        assert {r.extra.get("locale") for r in reviews} == {"fr-FR"}
