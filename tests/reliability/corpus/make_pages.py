"""Regenerate the nasty pages in ``pages/`` (run once by hand; the bytes are committed).

``python tests/reliability/corpus/make_pages.py``. Pages are schema.org JSON-LD,
the one family any site can serve; every family's own markup is mutated the same
ways at test time from the offline portals' pages.
"""

from __future__ import annotations

import json
from pathlib import Path

PAGES = Path(__file__).parent / "pages"


def _page(ld: str, charset: str = "utf-8", extra: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="{charset}">'
        "<title>Bewertungen</title>\n"
        f'<script type="application/ld+json">{ld}</script></head>\n'
        f"<body><h1>Bewertungen</h1>{extra}</body></html>\n"
    )


def _review(i: int, author: str, body: str, rating: str = "4", day: str = "2024-03-01") -> dict:
    return {
        "@type": "Review",
        "@id": f"r{i}",
        "author": {"@type": "Person", "name": author},
        "datePublished": day,
        "reviewBody": body,
        "name": f"Titel {i}",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": "5",
            "worstRating": "1",
        },
    }


def _ld(name: str, reviews: list[dict]) -> str:
    return json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "LocalBusiness",
            "name": name,
            "aggregateRating": {
                "@type": "AggregateRating",
                "ratingValue": "4,5",
                "bestRating": "5",
                "worstRating": "1",
                "reviewCount": str(len(reviews)),
            },
            "review": reviews,
        },
        ensure_ascii=False,
    )


def main() -> None:
    PAGES.mkdir(exist_ok=True)
    # Latin-1, declared: umlauts are single bytes.
    latin1 = _ld(
        "Bäckerei Müller GmbH",
        [
            _review(1, "Jürgen Weiß", "Brötchen waren frisch, Preis ok."),
            _review(2, "Zoë Brandt", "Öffnungszeiten passen nicht.", "2"),
        ],
    )
    (PAGES / "latin1.html").write_bytes(_page(latin1, "iso-8859-1").encode("latin-1"))
    # Windows-1252, declared: curly quotes, euro sign and dashes live in 0x80-0x9f.
    cp1252 = _ld(
        "„Kaffee & Co“ GmbH",
        [
            _review(1, "Renée Šimon", "Preis 5 € – „fair“ … sagen wir."),
            _review(2, "Ayse K.", "Zu teuer — 12 € für einen Kaffee.", "1"),
        ],
    )
    (PAGES / "cp1252.html").write_bytes(_page(cp1252, "windows-1252").encode("cp1252"))
    # Declared UTF-8 with invalid bytes in an author name and a review body.
    bad = _ld(
        "Kaputt GmbH",
        [
            _review(1, "Bernd XX", "Gut AA aber BB teuer."),
            _review(2, "Clara Z.", "Alles in Ordnung.", "5"),
        ],
    )
    data = _page(bad).encode("utf-8")
    data = data.replace(b"XX", b"\xff\xfe").replace(b"AA", b"\xc3\x28")
    (PAGES / "invalid-utf8.html").write_bytes(data.replace(b"BB", b"\xed\xa0\x80"))
    # JSON-LD with raw control characters inside strings (strict JSON rejects them).
    ctrl = _ld(
        "Steuerzeichen KG",
        [
            _review(1, "Dora Tab", "Zeile eins\nZeile zwei\tTab\x01\x02\x1f Ende"),
            _review(2, "Emil N.", "Normal.", "3"),
        ],
    )
    for escaped, raw in (("\\n", "\n"), ("\\t", "\t"), ("\\u0001", "\x01"), ("\\u0002", "\x02")):
        ctrl = ctrl.replace(escaped, raw)
    ctrl = ctrl.replace("\\u001f", "\x1f")
    (PAGES / "jsonld-control-chars.html").write_bytes(_page(ctrl).encode("utf-8"))
    # Truncated mid JSON-LD: what a dropped connection leaves.
    full = _page(
        _ld(
            "Abgeschnitten AG",
            [
                _review(1, "Frida F.", "Erster Teil ist vollständig."),
                _review(2, "Gustav G.", "Dieser Text wird mitten im Satz abgeschnitten."),
            ],
        )
    ).encode("utf-8")
    (PAGES / "truncated.html").write_bytes(full[: full.find(b"mitten im") + 9])
    # Malformed markup around valid JSON-LD whose values are hostile.
    hostile = _ld(
        'Kaputtes <Markup> & "Quotes"; GmbH',
        [
            _review(
                1, "Hanna H.", "<script>alert(1)</script> Robert'); DROP TABLE reviews;--", "4,5"
            ),
            _review(2, "Ivo I.", "\u202etxt.exe\u202c rechts nach links", "N/A"),
            _review(3, "Jana J.", "Elf Sterne!", "11", "31.02.2024"),
            _review(4, "Kai K.", "Zukunft", "3", "9999-12-31"),
        ],
    )
    # Real sites escape "</" inside JSON-LD; one that does not ends its own script block.
    (PAGES / "jsonld-script-breakout.html").write_bytes(_page(hostile).encode("utf-8"))
    hostile = hostile.replace("</", "<\\/")
    extra = (
        "<div><p>unclosed <b><i>misnested</b></i><table><tr><td>cell"
        "<div id=a><div id=a></table><!-- unclosed comment"
    )
    (PAGES / "malformed.html").write_bytes(_page(hostile, extra=extra).encode("utf-8"))
    (PAGES / "empty.html").write_bytes(b"")
    (PAGES / "binary.html").write_bytes(bytes(range(256)) * 4)


if __name__ == "__main__":
    main()
