"""The static HTML reputation report (issue #7): league table, company pages, alerts."""

from report.writer import DEFAULT_PAGE_LIMIT, write_report

__all__ = ["DEFAULT_PAGE_LIMIT", "write_report"]
