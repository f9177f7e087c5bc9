"""The sizes `make bench` knows, and how much of each world every stage samples."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    companies: int
    reviews_per_company: int
    parse_companies: int  # companies whose listing pages are rendered and parsed
    crawl_companies: int  # companies crawled over HTTP
    query_companies: int  # companies the company-page queries are timed for
    query_repeats: int  # timed runs per query and company (p50/p95 over all of them)
    new_review_days: int  # as_of moves this far for the incremental build (~1% of 4 years)
    parse_seconds: float = 1.0  # timed passes over each family's pages last at least this long
    crawl_warmup: bool = True  # a first crawl fills the server's review cache for both crawlers
    workers: int = 0  # processes for generating raw items; 0 = one per CPU
    pandas_rows: int | None = None  # the pandas baseline reads only this many raw rows

    def as_dict(self) -> dict:
        return asdict(self)


SCALES: dict[str, Scale] = {
    "small": Scale(
        "small",
        companies=60,
        reviews_per_company=60,
        parse_companies=12,
        crawl_companies=12,
        query_companies=5,
        query_repeats=5,
        new_review_days=15,
        parse_seconds=0.3,
        crawl_warmup=False,
    ),
    "1m": Scale(
        "1m",
        companies=10_000,
        reviews_per_company=100,
        parse_companies=60,
        crawl_companies=150,
        query_companies=20,
        query_repeats=10,
        new_review_days=15,
    ),
    "10m": Scale(
        "10m",
        companies=100_000,
        reviews_per_company=100,
        parse_companies=60,
        crawl_companies=300,
        query_companies=20,
        query_repeats=10,
        new_review_days=15,
        pandas_rows=1_000_000,  # all 9.3M rows took 1,310 s at the same rate
    ),
}
