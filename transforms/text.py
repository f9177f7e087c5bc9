"""Review text as shown -> clean, comparable, privacy-safe text.

One pass over the column finds the rows any step could change (``_UNTOUCHED``'s
complement: a control character, markup, an ``@``, what a phone number starts with,
a character beyond Latin-1, white space to collapse or trim); the steps run on those
rows only, most texts are kept as they are. HTML unescaping and tag stripping run in
Python only on the rows that contain ``<`` or ``&``; control characters, NFC,
whitespace and the e-mail/phone masks are Arrow kernels.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MASKED_EMAIL = "masked_email"
MASKED_PHONE = "masked_phone"
UNDECODABLE = "undecodable_bytes"
HTML_STRIPPED = "html_stripped"
CONTROL_REMOVED = "control_chars_removed"
FLAGS = (CONTROL_REMOVED, HTML_STRIPPED, UNDECODABLE, MASKED_EMAIL, MASKED_PHONE)

# C0 and C1 control characters and DEL, NUL among them: terminal escapes and bytes no
# reader wants. Tabs and line breaks are white space (collapsed below), not removed.
# A terminal escape goes whole, its parameters with it ("\x1b[31m" leaves nothing, not
# "[31m"): CSI (ESC [ or C1 CSI) up to its final byte, OSC (ESC ]) up to BEL or ST.
_ESCAPE_RE = (
    r"(?:\x{1B}\[|\x{9B})[\x{30}-\x{3F}]*[\x{20}-\x{2F}]*[\x{40}-\x{7E}]"
    r"|\x{1B}\][^\x{07}\x{1B}]{0,500}(?:\x{07}|\x{1B}\\)?"
)
CONTROL_RE = _ESCAPE_RE + r"|[\x{00}-\x{08}\x{0B}\x{0C}\x{0E}-\x{1F}\x{7F}-\x{9F}]"

EMAIL_RE = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
# International (+49 171 1234567, 0049 30 123456) or national with an area code
# (0171 1234567, 030/123 45 67). Dates (23.03.2024) and prices do not match:
# the national form must start with 0 and use spaces, slashes or dashes.
PHONE_RE = (
    r"(?:(?:\+|\b00)[1-9]\d{0,3}[ \-./]?(?:\(0\)[ ]?)?\d{1,5}(?:[ \-/]?\d{2,8}){1,4}"
    r"|\b0[1-9]\d{1,4}(?:[ \-/]\d{2,8}){1,3}\b|\b0[1-9]\d{6,12}\b)"
)
_WS_RE = r"[\s\x{00A0}\x{1680}\x{2000}-\x{200B}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+"
_WIDE_WS = r"\x{00A0}\x{1680}\x{2000}-\x{200B}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"
_WS_CHARS = r"\s" + _WIDE_WS
# A whitespace run other than one plain space: the only runs that need collapsing.
_WS_RUN_RE = f"(?: [{_WS_CHARS}]+|[^\\S ][{_WS_CHARS}]*|[{_WIDE_WS}][{_WS_CHARS}]*)"
# A tag starts with a name, "/", "!" or "?" right after "<": "Preis < 5 und > 3" is text.
_TAG = re.compile(
    r"<\s*(?:br|/p|p|/div|div|li|/li)\b[^>]*>|<[A-Za-z/!?][^<>]{0,500}>", re.IGNORECASE
)
_BLOCK = re.compile(r"<\s*(?:br|/p|p|/div|div|li|/li)\b", re.IGNORECASE)
# A text no step changes has none of these: control characters, C1, NBSP (CONTROL_RE and
# white space up to U+00A0), markup ("<", "&"), "@" (every e-mail), the start of every
# phone number ("+" and a digit, a word starting with 0: PHONE_RE), a character beyond
# Latin-1 (NFC, the wide spaces, U+FFFD), two spaces, a space at either end.
_MAY_CHANGE = r"[\x{00}-\x{1F}\x{7F}-\x{A0}<&@]|[^\x{00}-\x{FF}]|  |^ | $|\+[1-9]|\b0[0-9]"


def _unhtml(value: str) -> str:
    def tag(m: re.Match[str]) -> str:
        return " " if _BLOCK.match(m.group(0)) else ""

    # Tags first, then entities: "&lt;b&gt;" is text the author typed, not markup.
    return html.unescape(_TAG.sub(tag, value))


def clean_text(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, dict[str, pa.Array]]:
    """Clean one text column; returns the text and a boolean mask per flag."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not pa.types.is_string(values.type):
        values = pc.cast(values, pa.string())
    n = len(values)
    touched = pc.fill_null(pc.match_substring_regex(values, _MAY_CHANGE), False)
    if pc.any(touched).as_py():
        cleaned, some = _clean(pc.filter(values, touched))
        values = pc.replace_with_mask(values, touched, cleaned)
        flags = {k: pc.replace_with_mask(_false(n), touched, f) for k, f in some.items()}
    else:
        flags = {k: _false(n) for k in FLAGS}
    values = pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values)
    return values, flags


def _clean(values: pa.Array) -> tuple[pa.Array, dict[str, pa.Array]]:
    """Every step, over the rows that may change."""
    n = len(values)
    flags: dict[str, pa.Array] = {}

    flags[CONTROL_REMOVED] = pc.fill_null(pc.match_substring_regex(values, CONTROL_RE), False)
    if pc.any(flags[CONTROL_REMOVED]).as_py():
        values = pc.replace_substring_regex(values, CONTROL_RE, "")

    markup = pc.fill_null(pc.match_substring_regex(values, r"[<&]"), False)
    if pc.any(markup).as_py():
        before = pc.filter(values, markup)
        after = pa.array([_unhtml(v) for v in before.to_pylist()], pa.string())
        changed = pc.fill_null(pc.not_equal(after, before), False)
        flags[HTML_STRIPPED] = pc.replace_with_mask(_false(n), markup, changed)
        values = pc.replace_with_mask(values, markup, after)
    else:
        flags[HTML_STRIPPED] = _false(n)

    # Latin-1 text is NFC already (no combining marks, no singletons): only
    # rows with a character beyond U+00FF can change.
    wide = pc.fill_null(pc.match_substring_regex(values, r"[^\x{00}-\x{FF}]"), False)
    if pc.any(wide).as_py():
        values = pc.replace_with_mask(
            values, wide, pc.utf8_normalize(pc.filter(values, wide), form="NFC")
        )
    flags[UNDECODABLE] = pc.fill_null(pc.match_substring(values, "\ufffd"), False)

    flags[MASKED_EMAIL] = pc.fill_null(pc.match_substring_regex(values, EMAIL_RE), False)
    if pc.any(flags[MASKED_EMAIL]).as_py():
        values = pc.replace_substring_regex(values, EMAIL_RE, "[email]")
    flags[MASKED_PHONE] = pc.fill_null(pc.match_substring_regex(values, PHONE_RE), False)
    if pc.any(flags[MASKED_PHONE]).as_py():
        values = pc.replace_substring_regex(values, PHONE_RE, "[phone]")

    # Only runs other than one plain space need collapsing (much cheaper for RE2).
    values = pc.utf8_trim_whitespace(pc.replace_substring_regex(values, _WS_RUN_RE, " "))
    return values, flags


def null_if_blank(values: pa.Array) -> pa.Array:
    """Trimmed text; null where nothing is left."""
    t = pc.utf8_trim_whitespace(values)
    return pc.if_else(pc.equal(t, ""), pa.scalar(None, pa.string()), t)


def _false(n: int) -> pa.Array:
    return pa.array(np.zeros(n, dtype=bool))


def mask_pii(value: str) -> str:
    """Mask e-mail addresses and phone numbers in one string (raw rows kept in quarantine)."""
    return _phone_py().sub("[phone]", _email_py().sub("[email]", value))


@lru_cache(maxsize=1)
def _email_py() -> re.Pattern[str]:
    return re.compile(EMAIL_RE)


@lru_cache(maxsize=1)
def _phone_py() -> re.Pattern[str]:
    return re.compile(PHONE_RE)
