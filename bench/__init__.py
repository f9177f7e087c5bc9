"""`make bench`: every pipeline stage measured next to a baseline from the same run.

The benchmark generates a world with the offline-portal generator, runs each
stage (parse, crawl, transform, build, query, detectors) in a child process so
its peak memory can be read, measures a baseline for every figure (bare lxml,
a do-nothing Scrapy spider, plain pandas, one DuckDB scan, ...) and writes
``bench/results.json`` plus a table on stdout. A stage whose entry point is not
importable is reported as "stage not available", never faked.

    python -m bench --scale small|1m|10m
"""
