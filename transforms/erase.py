"""Erase one person's data from the lake (GDPR Art. 17): by author pseudonym."""

from __future__ import annotations

import pyarrow.compute as pc

from ruf.settings import ConfigError, Settings
from transforms import lake

ERASABLE = ("reviews", "mentions", "quarantine")


def erase_author(settings: Settings, pseudonym: str) -> dict[str, int]:
    """Remove every review, mention and quarantine row of ``pseudonym``.

    All rewritten partitions are committed together (see ``transforms.lake``).
    Quarantine rows carry the pseudonym inside their scrubbed raw row.
    Returns rows removed per table.
    """
    pseudonym = (pseudonym or "").strip()
    if len(pseudonym) != 16 or any(c not in "0123456789abcdef" for c in pseudonym):
        raise ConfigError(f"not an author pseudonym (16 hex characters): {pseudonym!r}")
    lake.recover(settings)
    fs, root = lake.lake_fs(settings)
    commit = lake.Commit(settings)
    removed = dict.fromkeys(ERASABLE, 0)
    for table in ERASABLE:
        for values in lake.list_partitions(fs, root, table):
            rows = lake.read_partition(fs, root, table, values)
            if table == "quarantine":
                theirs = pc.match_substring(rows.column("raw_row"), f'"{pseudonym}"')
            else:
                theirs = pc.equal(rows.column("author_pseudonym"), pseudonym)
            theirs = pc.fill_null(theirs, False)
            n = pc.sum(theirs).as_py() or 0
            if n:
                commit.put(table, values, rows.filter(pc.invert(theirs)))
                removed[table] += n
    commit.commit()
    return removed
