"""The threat corpus through the product: its reviews as raw items of one company,
transformed into a lake, built into a warehouse; a review counts as detected when an
``extortion`` alert names it (``bi.reviews.alert_ids``).

``bench/corpora/threats.yaml`` holds threats (a bad review made conditional on money, a
discount, a refund, something free) and reviews that must not count as one, in German
and English, written apart from the world generator. The baseline is the naive rule of
``bench.detectors`` (the text mentions a discount or a refund).
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().with_name("corpora") / "threats.yaml"
PORTAL = "trustpilot"
COMPANY = "threat-corpus"
NAIVE = re.compile(r"rabatt|refund|discount")


def load_corpus(path: Path | str = CORPUS) -> list[tuple[bool, str, str]]:
    """(is a threat, language, text) of every example."""
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    examples = [
        (label == "threats", language, text)
        for label in ("threats", "not_threats")
        for language, texts in doc[label].items()
        for text in texts
    ]
    odd = [text for _, _, text in examples if not isinstance(text, str)]
    if odd:  # "I said: refund ..." unquoted is a mapping in YAML
        raise ValueError(f"{path}: examples must be texts (quote them): {odd[:3]}")
    return examples


def scores(truth: list[bool], hits: list[bool]) -> dict:
    tp = sum(t and h for t, h in zip(truth, hits, strict=True))
    fp = sum(h and not t for t, h in zip(truth, hits, strict=True))
    fn = sum(t and not h for t, h in zip(truth, hits, strict=True))
    return {
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
    }


def _items(examples: list[tuple[bool, str, str]], now: datetime) -> list[dict]:
    from core.contracts.raw_items import RAW_FIELDS

    stamp = now.isoformat().replace("+00:00", "Z")
    out = []
    for i, (_, language, text) in enumerate(examples):
        item = dict.fromkeys(RAW_FIELDS)
        item.update(
            kind="review",
            portal=PORTAL,
            portal_company_id=COMPANY,
            company_name="Threat Corpus",
            review_id=f"{i + 1:024x}",
            # The corpus does not judge by stars: every example has the same one.
            rating_value=1,
            rating_worst=1,
            rating_best=5,
            text=text,
            language=language,
            author_name=f"Corpus {i + 1}",
            author_id=f"corpus-{i + 1}",
            author_review_count=3,
            published_raw=(now - timedelta(days=i)).isoformat().replace("+00:00", "Z"),
            fetched_at=stamp,
            spider="corpus",
            spider_version="1.0",
            sub_ratings={},
            extra={},
            flags=[],
        )
        out.append(item)
    return out


def run(work_dir: str, corpus_file: str = str(CORPUS)) -> dict:
    """Child task: the corpus through transform and build; precision and recall."""
    import duckdb

    from core.settings import load_settings
    from offline_portals.export import RawFiles
    from transforms.run import transform
    from warehouse.build import build

    examples = load_corpus(corpus_file)
    root = Path(work_dir)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    companies = root / "companies.yaml"
    companies.write_text(
        yaml.safe_dump(
            {
                "companies": [
                    {
                        "company_id": COMPANY,
                        "name": "Threat Corpus",
                        "portals": {
                            PORTAL: {"id": COMPANY, "url": f"http://127.0.0.1/{PORTAL}/{COMPANY}"}
                        },
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    now = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    with RawFiles(str(root / "raw"), now.date(), "corpus") as files:
        for item in _items(examples, now):
            files.write(PORTAL, item)
    settings = load_settings(
        {**os.environ, "RUF_DATA_DIR": str(root), "RUF_COMPANIES": str(companies)}
    )
    transform(settings, run_date=now.date())
    build(settings, full_refresh=True)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        rows = con.execute(
            """
            select r.review_key, bool_or(a.kind = 'extortion') as flagged
            from bi.reviews as r
            left join bi.alerts as a on list_contains(r.alert_ids, a.alert_id)
            group by all
            """
        ).fetchall()
    finally:
        con.close()
    flagged = {key.rpartition(":")[2]: bool(hit) for key, hit in rows}
    missing = [i for i in range(len(examples)) if f"{i + 1:024x}" not in flagged]
    if missing:
        raise RuntimeError(f"{len(missing)} corpus reviews did not reach bi.reviews")
    truth = [t for t, _, _ in examples]
    hits = [flagged[f"{i + 1:024x}"] for i in range(len(examples))]
    naive = [bool(NAIVE.search(text.lower())) for _, _, text in examples]
    wrong = [
        ("missed" if t else "false alarm", text)
        for (t, _, text), h in zip(examples, hits, strict=True)
        if t != h
    ]
    return {
        "examples": len(examples),
        "threats": sum(truth),
        "ruf": scores(truth, hits),
        "naive": scores(truth, naive),
        "wrong": wrong[:40],
    }
