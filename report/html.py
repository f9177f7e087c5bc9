"""The report's page shell and the formatting every page shares.

Every value from the warehouse goes through ``esc`` (review text is written by
strangers on the internet); the only script is the table sorter below, and the
Content-Security-Policy of every page forbids loading anything from anywhere.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

Row = dict[str, Any]

# Where `ruf docs` (pipeline.stages.docs) writes dbt's static docs, relative to the report.
DOCS_PAGE = "dbt-docs/index.html"
# Where the transform writes each raw run's data-quality page (transforms/quality_page.py).
QUALITY_DIR = "data-docs"
_RUN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def quality_runs(reports_dir: Path) -> list[str]:
    """The run dates that have a data-quality page, newest first (folders named by date only)."""
    folder = reports_dir / QUALITY_DIR
    if not folder.is_dir():
        return []
    runs = [p.name for p in folder.iterdir() if _RUN_DATE.fullmatch(p.name)]
    return sorted((r for r in runs if (folder / r / "index.html").is_file()), reverse=True)


def quality_href(run_date: str, root: str = "") -> str:
    return f"{root}{QUALITY_DIR}/{run_date}/index.html"


# No network at all: no CDN, fonts or images from elsewhere, even if a value slipped through.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# dbt's docs page (written by `ruf docs` into dbt-docs/) is one file of inline scripts
# (AngularJS, which evaluates its templates) that reads manifest.json and catalog.json
# beside it: the same "nothing from elsewhere", with eval and same-origin reads allowed.
# Same-origin images too: before AngularJS fills in an icon's data: URL the browser asks
# for the template text as a relative URL (a harmless 404, not a violation to report).
# Its telemetry (a tracker script from a CDN) is blocked by it.
DOCS_CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: 'self'; font-src data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'"
)


def with_csp(html: str, policy: str) -> str:
    """``html`` with a Content-Security-Policy meta as the first element of its head
    (unchanged if it already declares one)."""
    if re.search(r"<meta[^>]+http-equiv=[\"']?content-security-policy", html, flags=re.I):
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = re.search(r"<head[^>]*>", html, flags=re.I)
    if head is None:  # no head: the meta opens the document (browsers read it there too)
        return meta + html
    return html[: head.end()] + meta + html[head.end() :]


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;
 padding:1rem 1.5rem;color:#222;font-size:17px;line-height:1.45}
a{color:#0b5cad}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none;background:#f6f6f6}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}
table.sortable th[aria-sort=descending]::after{content:" ▼"}
.up{color:#1a7f37}.down{color:#c62828}.flat{color:#777}
.note{background:#fff8e1;border:1px solid #f0d58c;padding:.5rem .8rem}
.review{border-left:3px solid #ddd;padding:.2rem .8rem;margin:.8rem 0}
.review .meta,.meta{color:#555;font-size:.95rem}
.review p{white-space:pre-wrap;margin:.3rem 0}
.suspicious{border-left-color:#9467bd}
.alert{border:1px solid #eee;border-left:4px solid #d62728;padding:.3rem .8rem;margin:.8rem 0}
.kpis{display:flex;gap:2rem;flex-wrap:wrap}.kpis div{min-width:8rem}
.kpis b{display:block;font-size:1.6rem}
code{font-size:.9rem;word-break:break-all}
nav{margin-bottom:1rem}
td.text,td.reply{white-space:pre-wrap;max-width:32rem}
.no-reply{color:#c62828;font-weight:600}
.alert .action{background:#f4f8ff;padding:.3rem .6rem}
ul.alert-topics{columns:2;margin:.2rem 0 .8rem}
details.alert-reviews summary{cursor:pointer;color:#0b5cad;margin:.4rem 0}
button.csv{font:inherit;font-size:.9rem;margin:.3rem 0;cursor:pointer}
svg.chart{max-width:100%;height:auto}
"""

# Sort a table by the clicked header; cells may carry a numeric data-sort value.
SORT_JS = r"""
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[col];
        var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
        var n = parseFloat(v);
        return isNaN(n) || v.trim() === '' ? v.trim().toLowerCase() : n;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        var c = x < y ? -1 : x > y ? 1 : 0;
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
// Every table with data-csv gets a button that downloads it (in its current order) as
// CSV. Cells may carry the exact value in data-csv; text that a spreadsheet would run
// as a formula (= + - @ first) is prefixed with an apostrophe.
document.querySelectorAll('table[data-csv]').forEach(function (table) {
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'csv';
  button.textContent = 'Download CSV';
  table.parentNode.insertBefore(button, table);
  button.addEventListener('click', function () {
    var lines = Array.prototype.map.call(table.rows, function (row) {
      return Array.prototype.map.call(row.cells, function (cell) {
        var exact = cell.hasAttribute('data-csv');
        var v = exact ? cell.getAttribute('data-csv') : cell.textContent.trim();
        if (!exact && /^[=+\-@]/.test(v)) { v = "'" + v; }
        return '"' + v.replace(/"/g, '""') + '"';
      }).join(',');
    });
    var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv'});
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = (document.body.getAttribute('data-page') || 'report') + '-' +
      table.getAttribute('data-csv') + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
});
"""


def esc(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def page(
    title: str,
    body: str,
    *,
    root: str = "",
    sortable: bool = False,
    name: str = "report",
    docs_link: bool = False,
) -> str:
    """A whole page; ``name`` starts the file names of its CSV downloads; ``docs_link``: the
    nav links the dbt docs (written by ``ruf docs``)."""
    script = f"<script>{SORT_JS}</script>" if sortable or "data-csv=" in body else ""
    docs = f' · <a href="{root}{DOCS_PAGE}">Warehouse docs (dbt)</a>' if docs_link else ""
    return (
        "<!doctype html>\n"
        '<html lang="de"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>"
        f'<body data-page="{esc(re.sub(r"[^A-Za-z0-9._-]", "_", name))}">'
        f'<nav><a href="{root}index.html">League table</a> · '
        f'<a href="{root}alerts.html">Alerts</a>{docs}</nav>'
        f"{body}{script}</body></html>\n"
    )


def company_href(company_id: str, root: str = "") -> str:
    """The company page's path; ids are slugs, anything else becomes ``_``."""
    return f"{root}companies/{re.sub(r'[^A-Za-z0-9._-]', '_', company_id)}.html"


def alert_anchor(alert_id: str) -> str:
    return f"alert-{alert_id}"


def num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def trend_arrow(trend: float | None) -> str:
    """An arrow for the 30-day trend; changes under 2 points count as flat."""
    if trend is None:
        return '<span class="flat">–</span>'
    if trend >= 2:
        return f'<span class="up" title="+{trend:.1f} in 30 days">▲ +{trend:.1f}</span>'
    if trend <= -2:
        return f'<span class="down" title="{trend:.1f} in 30 days">▼ {trend:.1f}</span>'
    return f'<span class="flat" title="{trend:+.1f} in 30 days">► {trend:+.1f}</span>'


def change_arrow(change: float | None, what: str) -> str:
    """A score change in points with an arrow; under 2 points counts as flat."""
    if change is None:
        return '<span class="flat">–</span>'
    cls, arrow = ("up", "▲") if change >= 2 else ("down", "▼") if change <= -2 else ("flat", "►")
    tip = esc(f"{change:+.1f} points {what}".strip())
    return f'<span class="{cls}" title="{tip}">{arrow} {change:+.1f}</span>'


def reply_time(hours: float | None) -> str:
    if hours is None:
        return "–"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.1f} days"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f}%"


def as_list(value: Any) -> list[str]:
    """A list column (or JSON/comma text, if a view ever delivers it as text)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except ValueError:
            pass
    return [p.strip() for p in text.split(",") if p.strip()]


def day_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
