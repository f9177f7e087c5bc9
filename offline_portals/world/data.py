"""The world's word lists and stories, read once from the YAML files in ``data/``.

A file that is missing a section, or whose section holds something other than text
where text is expected (an unquoted ``no`` is a boolean in YAML), stops the world
with one line naming the file and the key, not with a wrong world.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().with_name("data")


class WorldDataError(ValueError):
    """A data file of the world is missing or malformed."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.yaml`` (parsed once per process)."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise WorldDataError(f"{path}: cannot read the world's data ({exc})") from exc
    if not isinstance(doc, dict):
        raise WorldDataError(f"{path}: expected a mapping at the top")
    return doc


def section(name: str, *keys: str) -> Any:
    """The value under ``keys`` in ``data/<name>.yaml``."""
    value: Any = load(name)
    for depth, key in enumerate(keys):
        if not isinstance(value, dict) or key not in value:
            where = ".".join(keys[: depth + 1])
            raise WorldDataError(f"{DATA_DIR / name}.yaml: missing {where}")
        value = value[key]
    return value


def words(name: str, *keys: str) -> tuple[str, ...]:
    """A non-empty list of texts under ``keys``, as a tuple."""
    value = section(name, *keys)
    if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
        where = ".".join(keys)
        raise WorldDataError(f"{DATA_DIR / name}.yaml: {where} must be a non-empty list of texts")
    return tuple(value)


def text(name: str, *keys: str) -> str:
    """One text under ``keys``."""
    value = section(name, *keys)
    if not isinstance(value, str):
        raise WorldDataError(f"{DATA_DIR / name}.yaml: {'.'.join(keys)} must be a text")
    return value


def words_by(name: str, *keys: str) -> dict[str, tuple[str, ...]]:
    """A mapping of lists of texts under ``keys`` (e.g. subjects by industry)."""
    value = section(name, *keys)
    if not isinstance(value, dict):
        raise WorldDataError(f"{DATA_DIR / name}.yaml: {'.'.join(keys)} must be a mapping")
    return {str(k): words(name, *keys, k) for k in value}
