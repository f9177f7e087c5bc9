"""Where a page keeps its typed scripts: JSON-LD and JSON state blocks.

Found in one scan of the page text, for every strategy that reads them: each
search of a 2 MB page costs 1-2 ms, as much as a tenth of its parse, so the
structured-data and the embedded-state readers share this one instead of each
looking for its own type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "application/" in the case pages write it ("application/json", "Application/JSON"
# is written by nobody the project has seen; the type of a script is matched
# case-insensitively once its tag is found).
_MARK = "pplication/"
_OPENING = re.compile(
    r"<script\b([^>]*\btype\s*=\s*[\"']?application/(ld\+json|json|x-json)[\"']?[^>]*)>", re.I
)
_END = re.compile(r"</script\s*>", re.I)


@dataclass(frozen=True)
class Script:
    kind: str  # "ld+json" or "json"
    attrs: str  # the opening tag's attributes
    body: int  # where the script's text starts
    end: int  # where it ends: its closing tag, else the end of the page

    def text(self, page: str) -> str:
        return page[self.body : self.end]


def typed_scripts(text: str) -> list[Script]:
    """Every <script type="application/ld+json|json|x-json"> of the page, in order."""
    out: list[Script] = []
    at = text.find(_MARK)
    while at != -1:
        start = text.rfind("<", 0, at)
        m = _OPENING.match(text, start) if start != -1 else None
        if m is None or m.end() <= at:
            at = text.find(_MARK, at + len(_MARK))
            continue
        end = _END.search(text, m.end())
        stop = end.start() if end else len(text)
        kind = m.group(2).lower()
        out.append(Script("ld+json" if kind == "ld+json" else "json", m.group(1), m.end(), stop))
        at = text.find(_MARK, stop)  # a type named inside a script is not a script
    return out
