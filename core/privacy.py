"""Author pseudonyms and the erasure ledger, for every stage that needs them.

A pseudonym is the HMAC-SHA256 of ``portal|author`` under the secret key (the
author's id where the portal shows one, else their name, trimmed; first 16 hex
characters): the transform gives it to every item it stores, the erasure
records it in ``<lake>/_erased/authors.jsonl``, and a replay of archived pages
(``ruf crawl --replay``) leaves out the items whose pseudonym is recorded there,
so an erased person's name and texts are not written back into raw items.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from core import storage
from core.settings import ConfigError, Settings

ERASURE_LEDGER = ("_erased", "authors.jsonl")


def pseudonym(key: bytes, portal: str, author: str) -> str:
    """HMAC-SHA256 of ``portal|author`` (id, else name), first 16 hex chars."""
    return hmac.digest(key, f"{portal}|{author}".encode(), "sha256").hex()[:16]


def as_text(value: Any) -> str | None:
    """An item's field as the transform reads it (a JSON value's text), trimmed;
    None for null and blank."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.strip() or None


# Names a portal shows for no one in particular ("Anonymous", "Amazon Customer", "Gast"):
# lower-cased, trimmed of PLACEHOLDER_TRIM. They name no author, so they get no pseudonym:
# one pseudonym for all of them would make one "author" of thousands of people (and
# `ruf erase` of it erase them all).
PLACEHOLDER_TRIM = " .-_*()[]"
PLACEHOLDER_AUTHORS = frozenset(
    (
        "a customer",
        "a google user",
        "a tripadvisor member",
        "acheteur vérifié",
        "amazon customer",
        "anon",
        "anoniem",
        "anonim",
        "anonima",
        "anonimo",
        "anonym",
        "anonyme",
        "anonymer",
        "anonymer benutzer",
        "anonymer gast",
        "anonymer kunde",
        "anonymer nutzer",
        "anonymní",
        "anonymous",
        "anonymous customer",
        "anonymous reviewer",
        "anonymous user",
        "anonymt",
        "anónimo",
        "anônimo",
        "benutzer",
        "client",
        "cliente",
        "customer",
        "deleted",
        "desconocido",
        "ebay user",
        "ein kunde",
        "eine kundin",
        "gast",
        "gelöscht",
        "google user",
        "guest",
        "huésped",
        "inconnu",
        "invité",
        "klant",
        "klient",
        "kunde",
        "kunde/kundin",
        "kundin",
        "n/a",
        "na",
        "none",
        "null",
        "nutzer",
        "ospite",
        "sconosciuto",
        "supprimé",
        "tripadvisor member",
        "tripadvisor-mitglied",
        "unbekannt",
        "unknown",
        "user",
        "usuario",
        "utente",
        "utilisateur",
        "verified buyer",
        "verified customer",
        "verified purchaser",
        "verified reviewer",
        "verified user",
        "verifizierter kunde",
        "verifizierter käufer",
        "аноним",
        "анонимно",
        "анонім",
    )
)


def author_name_of(name: str | None) -> str | None:
    """A shown author name, None when it is blank or a placeholder that names no one."""
    if not name or name.strip(PLACEHOLDER_TRIM).lower() in PLACEHOLDER_AUTHORS:
        return None
    return name


def item_author(author_id: Any, author_name: Any) -> str | None:
    """Whom an item's pseudonym stands for: its author id, else its author's shown name
    (None where it shows no author, or a placeholder)."""
    return as_text(author_id) or author_name_of(as_text(author_name))


def item_pseudonym(key: bytes, portal: str, author_id: Any, author_name: Any) -> str | None:
    """The pseudonym of an item's author (None where the item shows no author)."""
    author = item_author(author_id, author_name)
    return pseudonym(key, portal, author) if author else None


def erased_pseudonyms(settings: Settings) -> frozenset[str]:
    """Every pseudonym recorded in the erasure ledger (empty when nobody was erased)."""
    fs, root = storage.filesystem_for(settings.lake_url, settings)
    path = storage.join(root, *ERASURE_LEDGER)
    if not fs.exists(path):
        return frozenset()
    out = set()
    for n, line in enumerate(storage.read_bytes(fs, path).decode().splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.add(json.loads(line)["author_pseudonym"])
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}, line {n}: not an erasure record ({e})") from None
    return frozenset(out)
