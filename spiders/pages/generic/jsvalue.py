"""Read a JavaScript literal (what ``window.__STATE__ = {...}`` assigns) as data.

Nothing runs: this is a parser for the literal subset pages use for state
(objects with unquoted or single-quoted keys, single-quoted strings, trailing
commas, ``undefined``, ``!0``/``!1``, ``void 0``) and for Nuxt 2's
``(function(a,b){return {...}}(1,"x"))``, whose parameters are looked up in
the argument list like variables in a table. Anything else (calls, operators)
raises ``ValueError``.
"""

from __future__ import annotations

import json
import re
from typing import Any

_WS = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_NUMBER = re.compile(r"-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_WORDS = {"true": True, "false": False, "null": None, "undefined": None, "NaN": None}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
MAX_DEPTH = 500


class _Var:
    """A name in the literal, resolved once the IIFE's arguments are known."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class _Reader:
    def __init__(self, text: str, at: int = 0) -> None:
        self.s = text
        self.i = at
        self.depth = 0

    def ws(self) -> None:
        self.i = _WS.match(self.s, self.i).end()  # type: ignore[union-attr]

    def peek(self) -> str:
        self.ws()
        return self.s[self.i : self.i + 1]

    def expect(self, ch: str) -> None:
        if self.peek() != ch:
            raise ValueError(f"expected {ch!r} at {self.i}")
        self.i += 1

    def value(self) -> Any:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ValueError("nested too deeply")
        try:
            return self._value()
        finally:
            self.depth -= 1

    def _value(self) -> Any:
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch in "\"'`":
            return self.string()
        if ch == "!":  # !0 is true, !1 is false (minifiers' booleans)
            self.i += 1
            return not self.value()
        m = _NUMBER.match(self.s, self.i)
        if m:
            self.i = m.end()
            text = m.group(0)
            if text.lower().startswith(("0x", "-0x")):
                return int(text, 16)
            number = float(text)
            return (
                int(number)
                if number.is_integer() and "." not in text and "e" not in text.lower()
                else number
            )
        m = _IDENT.match(self.s, self.i)
        if m:
            self.i = m.end()
            word = m.group(0)
            if word == "void":
                self.value()
                return None
            if word == "Infinity":
                return None
            if word in _WORDS:
                return _WORDS[word]
            return _Var(word)
        raise ValueError(f"unexpected {ch!r} at {self.i}")

    def string(self) -> str:
        quote = self.s[self.i]
        self.i += 1
        out: list[str] = []
        s = self.s
        while True:
            j = self.i
            while j < len(s) and s[j] != quote and s[j] != "\\":
                j += 1
            out.append(s[self.i : j])
            if j >= len(s):
                raise ValueError("unterminated string")
            if s[j] == quote:
                self.i = j + 1
                return "".join(out)
            esc = s[j + 1 : j + 2]
            if esc == "u":
                code = s[j + 2 : j + 6]
                if code.startswith("{"):
                    end = s.index("}", j)
                    out.append(chr(int(s[j + 3 : end], 16)))
                    self.i = end + 1
                    continue
                out.append(chr(int(code, 16)))
                self.i = j + 6
            elif esc == "x":
                out.append(chr(int(s[j + 2 : j + 4], 16)))
                self.i = j + 4
            else:
                out.append(_ESCAPES.get(esc, esc))
                self.i = j + 2

    def key(self) -> str:
        ch = self.peek()
        if ch in "\"'":
            return self.string()
        m = _IDENT.match(self.s, self.i) or _NUMBER.match(self.s, self.i)
        if not m:
            raise ValueError(f"bad key at {self.i}")
        self.i = m.end()
        return m.group(0)

    def obj(self) -> dict:
        self.expect("{")
        out: dict[str, Any] = {}
        while self.peek() != "}":
            k = self.key()
            if self.peek() in ",}":  # shorthand {a}
                out[k] = _Var(k)
            else:
                self.expect(":")
                out[k] = self.value()
            if self.peek() == ",":
                self.i += 1
        self.i += 1
        return out

    def arr(self) -> list:
        self.expect("[")
        out: list[Any] = []
        while self.peek() != "]":
            if self.peek() == ",":  # a hole
                out.append(None)
                self.i += 1
                continue
            out.append(self.value())
            if self.peek() == ",":
                self.i += 1
        self.i += 1
        return out


_IIFE = re.compile(r"\(?\s*function\s*\(([^)]*)\)\s*\{\s*return\s+")


def _bind(value: Any, table: dict[str, Any], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if isinstance(value, _Var):
        return table.get(value.name)
    if isinstance(value, dict):
        return {k: _bind(v, table, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_bind(v, table, depth + 1) for v in value]
    return value


def read_literal(text: str, at: int = 0) -> Any:
    """The literal starting at ``text[at]`` (an object, array or Nuxt 2 IIFE)."""
    if text.startswith("{", at) or text.startswith("[", at):
        try:  # most state is plain JSON: the C decoder first
            return json.JSONDecoder(strict=False).raw_decode(text, at)[0]
        except ValueError:
            pass
    m = _IIFE.match(text, at)
    reader = _Reader(text, m.end() if m else at)
    body = reader.value()
    if not m:
        return _bind(body, {})
    params = [p.strip() for p in m.group(1).split(",") if p.strip()]
    # Skip the rest of the function body to its argument list: "}(" or "})(".
    close = text.find("}", reader.i)
    while close != -1 and not re.match(r"\}\s*\)?\s*\(", text[close:]):
        close = text.find("}", close + 1)
    if close == -1:
        raise ValueError("no argument list after the function")
    args_reader = _Reader(text, text.index("(", close) + 1)
    args: list[Any] = []
    while args_reader.peek() not in (")", ""):
        args.append(_bind(args_reader.value(), {}))
        if args_reader.peek() == ",":
            args_reader.i += 1
    return _bind(body, dict(zip(params, args, strict=False)))
