"""Score the warehouse's alerts against ground truth (World.injected_events()).

An alert matches an event when company and kind are equal and their time spans
overlap, allowing ``slack_days`` on either side. Precision is the share of alerts
of a kind that match an event; recall the share of events matched by an alert.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

import duckdb


class Event(Protocol):
    company_id: str
    kind: str
    start: date
    end: date


@dataclass(frozen=True)
class KindScore:
    kind: str
    alerts: int
    events: int
    matched_alerts: int
    matched_events: int

    @property
    def precision(self) -> float | None:
        return self.matched_alerts / self.alerts if self.alerts else None

    @property
    def recall(self) -> float | None:
        return self.matched_events / self.events if self.events else None


def _overlaps(a_start: date, a_end: date, e: Event, slack: timedelta) -> bool:
    return a_start <= e.end + slack and e.start - slack <= a_end


def evaluate(
    con: duckdb.DuckDBPyConnection, events: Iterable[Event], *, slack_days: int = 3
) -> dict[str, KindScore]:
    """Per-kind precision and recall of ``bi.alerts`` in ``con`` against ``events``."""
    events = list(events)
    alerts = con.execute("select company_id, kind, started_on, ended_on from bi.alerts").fetchall()
    slack = timedelta(days=slack_days)
    kinds = sorted({e.kind for e in events} | {a[1] for a in alerts})
    out = {}
    for kind in kinds:
        ev = [e for e in events if e.kind == kind]
        al = [a for a in alerts if a[1] == kind]
        matched_alerts = sum(
            any(e.company_id == c and _overlaps(s, t, e, slack) for e in ev) for c, _, s, t in al
        )
        matched_events = sum(
            any(e.company_id == c and _overlaps(s, t, e, slack) for c, _, s, t in al) for e in ev
        )
        out[kind] = KindScore(kind, len(al), len(ev), matched_alerts, matched_events)
    return out


def format_scores(scores: dict[str, KindScore]) -> str:
    def pct(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:5.2f}"

    lines = [f"{'kind':22} {'alerts':>6} {'events':>6} {'precision':>9} {'recall':>6}"]
    for s in scores.values():
        lines.append(
            f"{s.kind:22} {s.alerts:6d} {s.events:6d} {pct(s.precision):>9} {pct(s.recall):>6}"
        )
    return "\n".join(lines)
