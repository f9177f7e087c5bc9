"""The transform baseline: the same steps as ``transforms.run.transform``, in plain pandas.

What a careful analyst would write without our transforms: read the raw JSON
Lines with pandas (in bounded chunks), parse ratings and the portals' date
forms, clean text with ``str`` methods, resolve companies by exact portal id,
dedupe on the review key, hash authors with HMAC, validate ranges (bad rows go
to a quarantine file with a reason, nothing is dropped silently) and write
hive-partitioned Parquet. It is measured in the same run as the real stage.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import time
from pathlib import Path

import pandas as pd
import yaml

MONTHS_DE = {
    "Januar": "01",
    "Februar": "02",
    "März": "03",
    "April": "04",
    "Mai": "05",
    "Juni": "06",
    "Juli": "07",
    "August": "08",
    "September": "09",
    "Oktober": "10",
    "November": "11",
    "Dezember": "12",
}
TEXT_COLUMNS = ("title", "text", "pros", "cons", "reply_text")
EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
PHONE = r"\+?\d[\d /-]{7,}\d"
CHUNK_ROWS = 200_000


def _company_ids(companies_file: str) -> dict[tuple[str, str], str]:
    data = yaml.load(Path(companies_file).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {
        (portal, str(listing["id"])): c["company_id"]
        for c in data["companies"]
        for portal, listing in (c.get("portals") or {}).items()
    }


def _clean_text(s: pd.Series) -> pd.Series:
    s = s.astype("string")
    s = s.map(html.unescape, na_action="ignore").astype("string")
    s = s.str.replace(r"<[^>]+>", " ", regex=True)
    s = s.str.normalize("NFC")
    s = s.str.replace(EMAIL, "[email]", regex=True)
    s = s.str.replace(PHONE, "[phone]", regex=True)
    return s.str.replace(r"\s+", " ", regex=True).str.strip()


def _parse_published(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """UTC timestamps and their precision from ISO, Unix seconds, `März 2024`, `5. März 2024`."""
    text = raw.astype("string")
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us, UTC]")
    precision = pd.Series("second", index=raw.index, dtype="string")
    number = pd.to_numeric(raw, errors="coerce")
    numeric = number.notna()
    if numeric.any():
        secs = number[numeric].astype("int64")
        secs = secs.where(secs < 10**11, secs // 1000)  # milliseconds
        out[numeric] = pd.to_datetime(secs, unit="s", utc=True)
    iso = text.str.match(r"\d{4}-\d{2}-\d{2}").fillna(False)
    if iso.any():
        out[iso] = pd.to_datetime(text[iso], utc=True, format="ISO8601", errors="coerce")
    german = ~(numeric | iso) & text.notna()
    if german.any():
        g = text[german]
        for name, num in MONTHS_DE.items():
            g = g.str.replace(name, num, regex=False)
        day = g.str.fullmatch(r"\d{1,2}\. \d{2} \d{4}").fillna(False)
        month = g.str.fullmatch(r"\d{2} \d{4}").fillna(False)
        parsed = pd.Series(pd.NaT, index=g.index, dtype="datetime64[us, UTC]")
        parsed[day] = pd.to_datetime(g[day], format="%d. %m %Y", utc=True, errors="coerce")
        parsed[month] = pd.to_datetime(g[month], format="%m %Y", utc=True, errors="coerce")
        out[german] = parsed
        precision[german & text.index.isin(g.index[day])] = "day"
        precision[german & text.index.isin(g.index[month])] = "month"
    return out, precision


def _pseudonyms(portal: pd.Series, author: pd.Series, key: bytes) -> list[str | None]:
    return [
        None
        if a is None or a != a
        else hmac.new(key, f"{p}|{a}".encode(), hashlib.sha256).hexdigest()[:16]
        for p, a in zip(portal, author, strict=True)
    ]


def _transform_chunk(
    df: pd.DataFrame,
    companies: dict[tuple[str, str], str],
    key: bytes,
    seen: set[str],
    now: pd.Timestamp,
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    reasons = pd.Series("", index=df.index, dtype="string")

    def reject(mask: pd.Series, code: str) -> None:
        reasons[mask & (reasons == "")] = code

    rated = df["kind"] != "mention"
    value = pd.to_numeric(
        df["rating_value"].astype("string").str.replace(",", ".", regex=False), errors="coerce"
    )
    worst = pd.to_numeric(df["rating_worst"], errors="coerce")
    best = pd.to_numeric(df["rating_best"], errors="coerce")
    reject(rated & df["rating_value"].isna(), "rating_missing")
    reject(rated & value.isna(), "rating_not_numeric")
    reject(rated & ~(best > worst), "scale_invalid")
    reject(rated & ((value < worst) | (value > best)), "rating_out_of_scale")
    published, precision = _parse_published(df["published_raw"])
    reject(df["published_raw"].isna(), "date_missing")
    reject(published.isna(), "date_unparsable")
    reject(published > now, "date_in_future")
    keys = list(zip(df["portal"], df["portal_company_id"].astype(str), strict=True))
    company_id = pd.Series([companies.get(k) for k in keys], index=df.index, dtype="string")
    reject(company_id.isna(), "unmatched_company")
    bad = reasons != ""
    quarantine = pd.DataFrame(
        {"portal": df["portal"][bad], "kind": df["kind"][bad], "reason": reasons[bad]}
    )
    ok = df[~bad].copy()
    ok["company_id"] = company_id[~bad]
    ok["rating_value"] = value[~bad]
    ok["rating_worst"] = worst[~bad]
    ok["rating_best"] = best[~bad]
    ok["score_100"] = (
        100 * (ok["rating_value"] - ok["rating_worst"]) / (ok["rating_best"] - ok["rating_worst"])
    )
    ok["stars"] = 1 + 4 * ok["score_100"] / 100
    ok["published_at"] = published[~bad]
    ok["published_precision"] = precision[~bad]
    ok["review_month"] = ok["published_at"].dt.strftime("%Y-%m")
    ok["review_key"] = ok["portal"] + ":" + ok["review_id"].astype("string")
    for col in TEXT_COLUMNS:
        ok[col] = _clean_text(ok[col])
    author = ok["author_id"].where(ok["author_id"].notna(), ok["author_name"])
    ok["author_pseudonym"] = _pseudonyms(ok["portal"], author, key)
    ok = ok.drop(columns=["author_name", "author_id", "sub_ratings", "extra", "flags"])
    before = len(ok)
    ok = ok.drop_duplicates("review_key", keep="last")
    ok = ok[[k not in seen for k in ok["review_key"]]]
    seen.update(ok["review_key"])
    return ok, quarantine, before - len(ok)


def run(
    raw_dir: str,
    run_date: str,
    out_dir: str,
    companies_file: str,
    key: str,
    max_rows: int | None = None,
) -> dict:
    """Child task: transform one run's raw items; rows per second over the rows read. With
    ``max_rows``, only a prefix of each raw file (``max_rows`` over all files together, the
    same share of each so every portal is in it): at 10m all of it takes over 20 minutes
    and its rate does not change with the size (it works a chunk at a time)."""
    started = time.perf_counter()
    companies = _company_ids(companies_file)
    now = pd.Timestamp.now(tz="UTC")
    seen: set[str] = set()
    rows = clean = quarantined = duplicates = 0
    files = sorted(Path(raw_dir).glob(f"*/{run_date}/items-*.jsonl"))
    out = Path(out_dir)
    for folder in ("aggregates", "quarantine"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    per_file = -(-max_rows // len(files)) if max_rows and files else None
    for f_no, path in enumerate(files):
        reader = pd.read_json(path, lines=True, chunksize=CHUNK_ROWS, dtype=False, nrows=per_file)
        for c_no, chunk in enumerate(reader):
            rows += len(chunk)
            aggregates = chunk[chunk["kind"] == "aggregate"]
            items = chunk[chunk["kind"] != "aggregate"]
            ok, bad, dups = _transform_chunk(items, companies, key.encode(), seen, now)
            duplicates += dups
            quarantined += len(bad)
            clean += len(ok) + len(aggregates)
            tag = f"{f_no}-{c_no}"
            for kind in ("reviews", "mentions"):
                table = ok[ok["kind"] == kind.removesuffix("s")]
                if len(table):
                    table.drop(columns=["kind"]).to_parquet(
                        out / kind,
                        partition_cols=["portal", "review_month"],
                        compression="zstd",
                        index=False,
                        basename_template=f"part-{tag}-{{i}}.parquet",
                    )
            if len(aggregates):
                agg = aggregates[["portal", "portal_company_id", "rating_value", "review_count"]]
                agg.astype({"rating_value": "float64"}).to_parquet(
                    out / "aggregates" / f"part-{tag}.parquet", index=False, compression="zstd"
                )
            if len(bad):
                bad.to_parquet(out / "quarantine" / f"part-{tag}.parquet", index=False)
    seconds = time.perf_counter() - started
    if rows != clean + quarantined + duplicates:
        raise RuntimeError(f"rows do not add up: {rows} != {clean}+{quarantined}+{duplicates}")
    return {
        "raw_rows": rows,
        "prefix": per_file is not None,
        "clean_rows": clean,
        "quarantined_rows": quarantined,
        "duplicate_rows": duplicates,
        "seconds": seconds,
        "rows_per_second": rows / seconds if seconds else 0.0,
    }
