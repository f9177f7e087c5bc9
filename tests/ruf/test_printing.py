"""What the CLI prints of the pipeline's progress and of the league table."""

from __future__ import annotations

from pipeline.progress import ModelFinished, StepFailed, StepFinished, StepStarted
from ruf.printing import ProgressPrinter, league_table_text


def _row(rank, name, score=70.0, count=100, label="good"):
    low, high = (None, None) if score is None else (score - 5, score + 5)
    return {"rank": rank, "company_id": f"c{rank}", "company_name": name, "score_100": score,
            "score_low": low, "score_high": high, "review_count": count,
            "label": label}  # fmt: skip


def test_best_and_worst_five_without_repeating_a_company():
    rows = [_row(i, f"Company {i}", score=90 - i) for i in range(1, 8)]
    lines = league_table_text(rows).splitlines()
    assert lines[2] == "best:"
    assert lines[3].split()[:3] == ["1", "Company", "1"]
    worst = lines[lines.index("worst:") + 1 :]
    # The best five are 1-5; of the worst five (3-7) only 6 and 7 are not shown yet.
    assert [x.split()[0] for x in worst] == ["6", "7"]
    assert lines[3].split()[3:] == ["89.0", "84.0-94.0", "100", "good"]


def test_an_unscored_company_is_a_dash_not_a_crash():
    unscored = {**_row(None, None, score=None, count=0), "company_id": "new-co", "label": None}
    last = league_table_text([_row(1, "Scored"), unscored]).splitlines()[-1]
    assert last.split() == ["–", "new-co", "–", "–-–", "0"]


def test_no_companies_is_said_in_words():
    assert league_table_text([]) == "no companies with reviews in the warehouse yet"


def test_progress_lines(capsys):
    show = ProgressPrinter(summaries=True)
    show(StepStarted("build"))
    show(ModelFinished("model.ruf.reviews", "success"))
    show(ModelFinished("test.ruf.not_null", "pass"))
    show(ModelFinished("test.ruf.unique", "fail"))
    show(StepFinished("build", 2.04, "warehouse built"))
    show(StepFailed("report", 0.1, "ConfigError: no warehouse"))
    assert capsys.readouterr().err.splitlines() == [
        "[ruf] build ...",
        "[ruf]   dbt model.ruf.reviews: success",
        "[ruf]   dbt test.ruf.unique: fail",
        "[ruf] build done in 2.0s",
        "[ruf]   warehouse built",
    ]
