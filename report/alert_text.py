"""An alert in plain language: what happened, how unusual it is, what to do.

Built from the alert's row in bi.alerts (its evidence JSON read by key, each key
optional, so a detector that adds or renames a figure still gets a sentence), its
reviews and its topics. No ids, no raw evidence keys: a reputation manager reads it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

Row = dict[str, Any]

KIND_NAMES = {
    "negative_burst": "Burst of bad reviews",
    "positive_burst": "Burst of five-star praise",
    "near_duplicate": "Copied reviews",
    "extortion": "Reviews used as a threat",
    "divergence": "Portals disagree",
    "unanswered_criticism": "Criticism left unanswered",
}


@dataclass(frozen=True)
class AlertText:
    title: str  # "Burst of bad reviews, 2025-04-20 – 2025-05-02"
    what: str  # what happened
    unusual: str  # how unusual it is
    action: str  # what to do


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


def day_words(value: date | datetime | None) -> str:
    if value is None:
        return "now"
    day = value.date() if isinstance(value, datetime) else value
    return f"{day.day} {day:%b} {day.year}"


def _iso(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _evidence(alert: Row) -> dict:
    raw = alert.get("evidence")
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _times(peak: float | None, expected: float | None) -> str:
    """'where about 0.2 would be usual (200 times as many)', or '... almost none before'."""
    if peak is None or expected is None:
        return ""
    if expected < 0.1:
        return "where the months before had almost none"
    ratio = peak / expected
    if ratio < 1.5:
        return f"about as many as usual ({expected:.1f})"
    return f"where about {expected:.1f} would be usual ({ratio:.0f} times as many)"


def _portals(alert: Row) -> str:
    portals = alert.get("portals") or []
    portals = list(portals) if isinstance(portals, list | tuple) else [str(portals)]
    if not portals:
        return ""
    if len(portals) == 1:
        return f" on {portals[0]}"
    return f" on {', '.join(portals[:-1])} and {portals[-1]}"


def describe(alert: Row, unanswered: int | None = None, topics: Sequence[Row] = ()) -> AlertText:
    """The alert's title and three sentences; ``unanswered``: its reviews without reply."""
    kind = alert["kind"]
    ev = _evidence(alert)
    n = alert.get("review_count") or 0
    span = f"between {day_words(alert['started_on'])} and {day_words(alert.get('ended_on'))}"
    ended = alert.get("ended_on")
    title = f"{kind_name(kind)}, {_iso(alert['started_on'])} – {_iso(ended) if ended else 'open'}"
    open_ = unanswered or 0
    about = ", ".join(t["term"] for t in list(topics)[:3])
    about = f" They are about {about}." if about else ""
    if open_:
        them = "the review" if open_ == 1 else f"the {open_} reviews"
        answer = f"Answer {them} still without a reply, the oldest first, and fix what they name."
    elif unanswered is None:
        answer = "Answer the reviews, the oldest first, and fix what they name."
    else:
        answer = "Every review has a reply; check that what they name was fixed."
    window = _number(ev.get("window_days"))
    window_text = f"{window:.0f} days" if window else "a few days"

    if kind == "negative_burst":
        peak = _number(ev.get("peak_negative_in_window"))
        what = f"{n} reviews gave 1 or 2 stars {span}{_portals(alert)}.{about}"
        unusual = (
            f"At the peak {peak or n:.0f} came within {window_text}, "
            + (_times(peak, _number(ev.get("expected_in_window"))) or "far more than usual")
            + "."
        )
        action = answer
    elif kind == "unanswered_criticism":
        deadline = _number(ev.get("reply_deadline_days"))
        days = _number(ev.get("days_without_reply"))
        what = (
            f"{n} bad reviews {span}{_portals(alert)} got no reply within "
            f"{deadline or 21:.0f} days.{about}"
        )
        unusual = (
            f"The company went {days:.0f} days without answering any of them."
            if days is not None
            else "Most criticism of the period is unanswered."
        )
        action = answer
    elif kind == "positive_burst":
        peak = _number(ev.get("peak_in_window"))
        what = f"{n} short five-star reviews from accounts with a single review {span}."
        unusual = (
            f"At the peak {peak or n:.0f} came within {window_text}, "
            + (_times(peak, _number(ev.get("expected_in_window"))) or "far more than usual")
            + "."
        )
        action = (
            "Check whether these reviews were bought or rewarded; they are left out of the "
            "adjusted score. Report them to the portal if they are not genuine."
        )
    elif kind == "near_duplicate":
        cluster = _number(ev.get("cluster_reviews"))
        companies = _number(ev.get("cluster_companies"))
        where = f" (for {companies:.0f} companies)" if companies and companies > 1 else ""
        what = f"{n} reviews of this company {span} use the same words{_portals(alert)}."
        unusual = (
            f"{cluster:.0f} copies of one text appeared within days{where}; genuine reviews "
            "rarely repeat each other."
            if cluster
            else "Genuine reviews rarely repeat each other."
        )
        action = "Report the copies to the portals; they are left out of the adjusted score."
    elif kind == "extortion":
        what = (
            f"{n} reviews {span}{_portals(alert)} make the rating depend on a discount or a refund."
        )
        unusual = "A review used as a threat is against every portal's rules."
        action = (
            "Do not give in; report the reviews to the portal as extortion and keep the "
            "messages. They are left out of the adjusted score."
        )
    elif kind == "divergence":
        high, low = ev.get("high_portal"), ev.get("low_portal")
        hs, ls = _number(ev.get("high_mean_stars")), _number(ev.get("low_mean_stars"))
        days = f"{window:.0f} days" if window else "half-year"
        if high and low and hs is not None and ls is not None:
            what = (
                f"In the last {days} reviews on {low} average {ls:.1f} stars, on {high} "
                f"{hs:.1f} stars."
            )
        else:
            what = f"The company's portals disagree {span}."
        unusual = "A gap this wide between portals is rare by chance."
        action = (
            f"Read what the reviews on {low or 'the lower portal'} complain about, and check "
            f"the reviews on {high or 'the higher portal'} are genuine."
        )
    else:
        what = f"{n} reviews {span}{_portals(alert)}.{about}"
        unusual = "The detector found this pattern unusual for the company."
        action = answer
    return AlertText(title, what, unusual, action)
