"""What the pipeline tells its caller while it works: events through one callback.

The pipeline never prints. A caller passes ``progress``, a function that takes
one event; the CLI prints the events as ``[ruf] ...`` lines, Airflow logs them.
Steps come as a ``StepStarted`` followed by a ``StepFinished`` (with the
stage's one-line summary) or a ``StepFailed``; the dbt build adds one
``ModelFinished`` per model and test as it finishes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class StepStarted:
    step: str


@dataclass(frozen=True)
class StepFinished:
    step: str
    seconds: float
    summary: str | None = None


@dataclass(frozen=True)
class StepFailed:
    step: str
    seconds: float
    error: str


@dataclass(frozen=True)
class ModelFinished:
    """One dbt node (model, data test, unit test) is done, with dbt's status word."""

    node: str
    status: str


Event = StepStarted | StepFinished | StepFailed | ModelFinished
Progress = Callable[[Event], None]


def ignore(event: Event) -> None:
    """The default callback: a caller that does not want progress gets none."""


@dataclass
class Step:
    """What the body of ``step()`` hands back: the summary of the finished step."""

    summary: str | None = None


@contextmanager
def step(progress: Progress, name: str) -> Iterator[Step]:
    """Announce ``name``, time it, and announce how it ended (the error re-raised)."""
    started = time.monotonic()
    progress(StepStarted(name))
    done = Step()
    try:
        yield done
    except BaseException as exc:
        progress(StepFailed(name, time.monotonic() - started, f"{type(exc).__name__}: {exc}"))
        raise
    progress(StepFinished(name, time.monotonic() - started, done.summary))
