"""The data-quality page of a run date: what the checks saw, self-contained and inert.

Written from the transform's own check results (``Check``), never from a third-party
renderer: every value is HTML-escaped (portal data is hostile input: a declared
``language`` may be ``<script>...``), a Content-Security-Policy allows no script, no
connection and no resource from anywhere (inline style and data: images only), and the
page loads nothing. One page per run date: ``<reports>/data-docs/<run date>/index.html``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from core import storage
from transforms.disk import writing

PAGE = "index.html"
# At most this many distinct failing values are shown per check.
EXAMPLES = 20
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 2em; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.passed { color: #1a7f37; } .failed { color: #b42318; } .noted { color: #9a6700; }
code { background: #f4f4f4; padding: 0 .2em; white-space: pre-wrap; word-break: break-all; }
"""


@dataclass
class Check:
    """One rule over one table: how many rows it saw and failed, and some failing values.

    ``quarantines``: failing rows go to quarantine (else the rule only notes them)."""

    table: str
    rule: str
    rows: int = 0
    failed: int = 0
    quarantines: bool = True
    examples: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.table, self.rule)

    def add(self, other: Check) -> None:
        self.rows += other.rows
        self.failed += other.failed
        for value in other.examples:
            if len(self.examples) >= EXAMPLES:
                break
            if value not in self.examples:
                self.examples.append(value)


def merged(checks: list[Check]) -> list[Check]:
    """One check per table and rule, over every chunk and slice (first-seen order)."""
    out: dict[tuple[str, str], Check] = {}
    for c in checks:
        if c.key in out:
            out[c.key].add(c)
        else:
            out[c.key] = Check(c.table, c.rule, quarantines=c.quarantines)
            out[c.key].add(c)
    return list(out.values())


def render(run_date: str, checks: list[Check]) -> str:
    """The page, as text. Every value from the data goes through ``escape``."""
    sections = []
    tables = list(dict.fromkeys(c.table for c in checks))
    for table in tables:
        rows = []
        for c in (c for c in checks if c.table == table):
            if c.failed == 0:
                status = '<span class="passed">passed</span>'
            elif c.quarantines:
                status = '<span class="failed">rows quarantined</span>'
            else:
                status = '<span class="noted">noted (rows kept)</span>'
            examples = ", ".join(f"<code>{escape(v)}</code>" for v in c.examples)
            rows.append(
                f"<tr><td>{escape(c.rule)}</td><td>{status}</td><td class='n'>{c.rows:,}</td>"
                f"<td class='n'>{c.failed:,}</td><td>{examples}</td></tr>"
            )
        sections.append(
            f"<h2>{escape(table)}</h2><table><thead><tr><th>check</th><th>result</th>"
            "<th>rows</th><th>failed</th><th>failing values (some)</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    failed = sum(1 for c in checks if c.failed)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        "<meta name='referrer' content='no-referrer'>"
        f"<title>ruf data quality, run {escape(run_date)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>Data quality, run {escape(run_date)}</h1>"
        f"<p>{len(checks)} checks, {failed} with failing rows. Rows that fail a quarantining "
        "check are in the lake's quarantine table with the reason and the value.</p>"
        f"{''.join(sections)}</body></html>"
    )


def write(reports_dir: Path, run_date: str, checks: list[Check]) -> Path | None:
    """Write the run date's page (replacing whatever pages were there); its path."""
    if not checks:
        return None
    fs, site = storage.filesystem_for(str(reports_dir / "data-docs" / run_date))
    # Pages of an earlier run (or of an older renderer) go: only this page is the truth.
    for old in storage.glob(fs, storage.join(site, "*.html")):
        if not old.endswith("/" + PAGE):
            storage.remove(fs, old)
    page = storage.join(site, PAGE)
    with writing(page):
        storage.write_bytes_atomic(fs, page, render(run_date, merged(checks)).encode("utf-8"))
    return Path(page)
