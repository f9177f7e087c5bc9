"""How the CLI shows the pipeline's work: progress on stderr, results on stdout."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from core.settings import Settings
from pipeline.progress import Event, ModelFinished, StepFinished, StepStarted
from pipeline.workflows import RunResult


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class ProgressPrinter:
    """The pipeline's progress callback for a terminal: ``[ruf] <step> ...`` lines.

    ``summaries``: also print each step's one-line summary under it (``ruf run``
    does; a single-stage command prints its summary to stdout at the end instead).
    A failed step prints nothing here: the error itself is the CLI's last line.
    """

    def __init__(self, *, summaries: bool = False) -> None:
        self.summaries = summaries

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            say(f"[ruf] {event.step} ...")
        elif isinstance(event, StepFinished):
            say(f"[ruf] {event.step} done in {event.seconds:.1f}s")
            if self.summaries and event.summary:
                say(f"[ruf]   {event.summary}")
        elif isinstance(event, ModelFinished) and event.status not in ("pass", "skipped"):
            # Models only: the tests are counted in the build summary, and named when they fail.
            say(f"[ruf]   dbt {event.node}: {event.status}")


def _cell(value: Any, spec: str) -> str:
    """``value`` formatted by ``spec``; a missing value (an unscored company) as a dash."""
    if value is None:
        return format("–", spec.split(".")[0].rstrip("df"))
    return format(value, spec)


def league_table_text(rows: Sequence[dict[str, Any]], n: int = 5) -> str:
    """The best and worst ``n`` companies of the league table, as a text table."""
    if not rows:
        return "no companies with reviews in the warehouse yet"
    head = f"{'rank':>4}  {'company':<32} {'score':>5}  {'95% interval':<13} {'reviews':>7}  label"
    lines = [head, "-" * len(head)]

    def fmt(r: dict[str, Any]) -> str:
        name = str(r["company_name"] or r["company_id"])[:32]
        return (
            f"{_cell(r['rank'], '>4')}  {name:<32} {_cell(r['score_100'], '>5.1f')}  "
            f"{_cell(r['score_low'], '>5.1f')}-{_cell(r['score_high'], '<5.1f')}   "
            f"{_cell(r['review_count'], '>7')}  {r['label'] or ''}"
        )

    best = list(rows[:n])
    worst = [r for r in rows[-n:] if r not in best]
    lines += ["best:", *map(fmt, best)]
    if worst:
        lines += ["worst:", *map(fmt, worst)]
    return "\n".join(lines)


def print_run(result: RunResult, settings: Settings) -> int:
    """The end of ``ruf run`` and ``ruf demo``: ranking, where things are, the exit code."""
    print(league_table_text(result.league))
    print(f"\nHTML report: {result.report_path}")
    print(f"warehouse:   {settings.warehouse_path}")
    if not result.ok:
        say("[ruf] some portals failed to crawl (see above); the rest were processed")
        return 1
    return 0
