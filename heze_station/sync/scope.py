"""Checking that a station holds what the server holds for it (F13), bucket by bucket, without sending the rows.

Both sides put every row of the station's scope into one of ``BUCKETS`` buckets by its id and digest each bucket's
(row id, version) pairs. Equal digests: nothing to do. A bucket that differs is repaired alone, by fetching its
rows again, so a disagreement costs a few hundred rows, never a wipe of the station.
"""

import hashlib
import uuid
from collections.abc import Iterable

BUCKETS = 64


def bucket_of(row_id: uuid.UUID) -> int:
    # The last byte of a UUIDv7 is random, so buckets fill evenly whatever the rows' ages.
    return row_id.bytes[-1] % BUCKETS


def digest(rows: Iterable[tuple[uuid.UUID, int]]) -> list[tuple[int, str]]:
    """(row count, SHA-256) per bucket over the (row id, version) pairs that fall in it, in any order."""
    buckets: list[list[str]] = [[] for _ in range(BUCKETS)]
    for row_id, version in rows:
        buckets[bucket_of(row_id)].append(f"{row_id}:{version}")
    return [(len(lines), hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()) for lines in buckets]
