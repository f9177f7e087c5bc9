"""What every page family shares: the result type, decoding, item building.

Pages arrive as bytes in whatever encoding the portal chose; extraction must
never raise on them, so everything here degrades to a flag or a problem.
"""

from __future__ import annotations

import codecs
import html
import re
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from core.contracts.raw_items import RawItem

# Written into every raw item; bump when extraction changes what it emits
# (1.1: the generic strategies, extra.strategy and extra.locale).
SPIDER_VERSION = "1.1"
UNDECODABLE = "undecodable_bytes"
RATING_FROM_TEXT = "rating_from_text"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_COUNT = re.compile(r"\d[\d.,\u202f\u00a0 ]*").search
_NON_DIGITS = re.compile(r"\D").sub
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?").search
_TAG = re.compile(r"<(?:link|a)\b[^>]*>", re.I)
_TAG_OPEN = re.compile(r"<(?:link|a)\b", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


@dataclass
class PageResult:
    items: list[RawItem]  # reviews / mentions / the aggregate found on this page
    next_url: str | None  # absolute URL of the next listing page, else None
    declared_review_count: int | None  # what the page says the company has
    problems: list[str] = field(default_factory=list)  # layout problems (fail the crawl)


@dataclass
class Context:
    """The facts about one fetched page that every item of it carries."""

    family: str
    portal: str
    url: str
    fetched_at: str
    response_sha256: str
    undecodable: bool = False

    def item(self, kind: str, portal_company_id: str, **values: Any) -> RawItem:
        item = RawItem(
            kind=kind,  # type: ignore[arg-type]
            portal=self.portal,
            portal_company_id=portal_company_id,
            source_url=self.url,
            fetched_at=self.fetched_at,
            spider=self.family,
            spider_version=SPIDER_VERSION,
            response_sha256=self.response_sha256,
            **values,
        )
        if self.undecodable and _has_replacement(item):
            item.flags.append(UNDECODABLE)
        return item


def _has_replacement(item: RawItem) -> bool:
    for value in vars(item).values():
        if isinstance(value, str) and "\ufffd" in value:
            return True
        if isinstance(value, dict) and any("\ufffd" in str(v) for v in value.items()):
            return True
    return False


def decode(body: bytes, encoding: str | None = None) -> tuple[str, bool]:
    """The page as text and whether some bytes could not be decoded.

    Order: a byte-order mark, the encoding the response declared, a <meta>
    charset, else UTF-8 with a Windows-1252 fallback (what browsers assume
    for undeclared legacy pages)."""
    text, undecodable, _ = _decode(body, encoding)
    return text, undecodable


@dataclass
class Page:
    """One fetched page, decoded; ``root()`` parses it (once) when a family needs a tree."""

    body: bytes
    text: str
    undecodable: bool
    utf8: bool  # text is exactly body decoded as UTF-8, without a BOM

    def root(self) -> Any:
        """The page's root element, or None. Clean UTF-8 is parsed from the
        bytes, which lxml reads faster than a str holding non-ASCII text (a
        page opening with an XML declaration keeps the str path's handling)."""
        if self.utf8 and not self.text.startswith("<?xml"):
            try:
                return etree.fromstring(self.body, _UTF8_PARSER)
            except (etree.ParserError, etree.XMLSyntaxError, ValueError):
                pass  # the str path below decides what an unreadable page gives
        return parse_html(self.text)


MAX_GUNZIPPED = 64 * 1024 * 1024


def gunzipped(body: bytes) -> bytes:
    """A page saved gzip-compressed (``page.html.gz`` over file://) as its HTML; a
    body that only starts like gzip, or would unpack past 64 MiB, stays as it is."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_GUNZIPPED)
    except zlib.error:
        return body
    return out or body


def read_page(body: bytes, encoding: str | None = None) -> Page:
    body = gunzipped(body)
    text, undecodable, name = _decode(body, encoding)
    return Page(body, text, undecodable, name == "utf-8" and not undecodable)


def _decode(body: bytes, encoding: str | None) -> tuple[str, bool, str]:
    """(text, undecodable, the codec used)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return (*_decode_with(body, name), name)
    name = _codec(encoding)
    if name is None:
        m = _META_CHARSET.search(body[:4096])
        name = _codec(m.group(1).decode("ascii", "replace")) if m else None
    if name is not None:
        return (*_decode_with(body, name), name)
    try:
        return body.decode("utf-8"), False, "utf-8"
    except UnicodeDecodeError:
        return (*_decode_with(body, "cp1252"), "cp1252")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # Browsers read "latin-1" pages as Windows-1252, and so do we.
    return "cp1252" if found in ("iso8859-1", "latin-1", "ascii") else found


def _decode_with(body: bytes, name: str) -> tuple[str, bool]:
    try:
        return body.decode(name), False
    except UnicodeDecodeError:
        return body.decode(name, errors="replace"), True
    except Exception:  # a codec that cannot decode at all (e.g. utf-16 odd length)
        return body.decode("utf-8", errors="replace"), True


def clean(text: str | None) -> str | None:
    """Collapse whitespace; None for empty."""
    if not text:
        return None
    return " ".join(text.split()) or None


def page_number(url: str) -> int:
    value = parse_qs(urlsplit(url).query).get("page", ["1"])[0]
    return int(value) if value.isdigit() and int(value) > 0 else 1


def with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["page"] = str(page)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def rel_next(text: str, url: str, within: list[tuple[int, int]] | None = None) -> str | None:
    """href of the first <link rel=next> or <a rel=next>, absolute; found
    without parsing the document (``within``: the (start, stop) stretches of
    the text to read, by default all of it).

    Only tags holding the word "next" can qualify, so the search jumps from one
    "next" to the next: the <link>/<a> tag around it starts at the first such
    tag opening after the last ">" before it (what a left-to-right scan of
    <link ...>/<a ...> tags would have found there)."""
    seen = -1  # start of the last tag examined
    for start, stop in within if within is not None else ((0, len(text)),):
        at = text.find("next", start, stop)
        while at != -1:
            # Only a tag opening between the last ">" and the word can hold it (a
            # search past the word would read on through scripts for every "next").
            opening = _TAG_OPEN.search(text, text.rfind(">", 0, at) + 1, at)
            m = _TAG.match(text, opening.start()) if opening else None
            if m is not None and m.start() != seen:
                seen = m.start()
                tag = m.group(0)
                attrs = {a.lower(): (v1 or v2 or v3) for a, v1, v2, v3 in _ATTR.findall(tag)}
                if "next" in attrs.get("rel", "").lower().split() and attrs.get("href"):
                    return urljoin(url, html.unescape(attrs["href"]))
            at = text.find("next", at + 4, stop)
    return None


def to_int(text: Any) -> int | None:
    """A displayed count ("1.234", "1,234", "123 Bewertungen") as an int."""
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, int):
        return text
    if isinstance(text, float):
        return int(text)
    m = _COUNT(str(text))
    if not m:
        return None
    digits = _NON_DIGITS("", m.group(0))
    return int(digits) if digits else None


def to_float(value: Any) -> float | None:
    """A shown rating ("4,2", 4, "8.0") as a float, for consistency checks only."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    m = _NUMBER(str(value))
    return float(m.group(0).replace(",", ".")) if m else None


def missing_reviews_problem(
    items: list[RawItem], declared: int | None, url: str, what: str = "reviews"
) -> list[str]:
    found = sum(1 for i in items if i.kind != "aggregate")
    if found == 0 and declared:
        return [f"no {what} found although the page declares {declared} ({url})"]
    return []


_PARSER = etree.HTMLParser(recover=True, no_network=True, collect_ids=False)
_UTF8_PARSER = etree.HTMLParser(recover=True, no_network=True, encoding="utf-8", collect_ids=False)


def parse_html(text: str) -> Any:
    """The page's root element, or None. Plain lxml.etree elements: lxml.html's
    Python-level element classes cost more than the parse when every review
    element is visited."""
    try:
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        try:  # e.g. an XML declaration in a str: let lxml sniff bytes instead
            return etree.fromstring(text.encode("utf-8", "replace"), _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None


_CONTENT_ONLY = (etree._Comment, etree._ProcessingInstruction)


def _text_content(el: Any) -> str:
    """All text inside ``el`` (what tostring(method="text") gives). Up to a few
    children with no children of their own (the common ``<h3><a>title</a></h3>``)
    are read directly: tostring costs ~3 us a call, more than the loop."""
    if len(el) <= 4:
        parts = [el.text or ""]
        for child in el:
            if type(child.tag) is str:
                if len(child):
                    break
                parts.append(child.text or "")
            elif not isinstance(child, _CONTENT_ONLY):
                break  # an entity reference: let libxml2 say what it holds
            parts.append(child.tail or "")  # a comment's text is not shown, its tail is
        else:
            return "".join(parts)
    # tostring(method="text") is C-level; itertext() costs ~6x more per element.
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def text_of(el: Any) -> str | None:
    """An element's visible text, whitespace collapsed; None when empty."""
    if el is None:
        return None
    text = el.text if len(el) == 0 else _text_content(el)
    if not text:
        return None
    return " ".join(text.split()) or None
