"""A station's scope as digests per bucket, and one bucket's rows again, for the station to compare and repair (F13).

The scope is the pull's: the station's own rows, the city's reference rows and the rows assigned to it, limited to
the tables the station keeps, and to transactions that have finished (the pull's watermark, see feed.py).
"""

import uuid
from collections.abc import Sequence

from sqlalchemy import CompoundSelect, select, union_all
from sqlalchemy.orm import Session

from ..sync.schemas import BucketDigest, ScopeDigest, ScopeRows
from ..sync.scope import bucket_of, digest
from ..sync.tables import SYNCED_TABLES
from .errors import bad_request
from .feed import PAGE_COLUMNS, change_of, feed_state, scope_parts
from .models import SyncRow


def parse_tables(text: str) -> list[str]:
    tables = sorted({name for name in text.split(",") if name})
    unknown = [name for name in tables if name not in SYNCED_TABLES]
    if not tables or unknown:
        raise bad_request(
            "unknown_table",
            f"Name the synced tables to check, separated by commas; unknown: {unknown}.",
            tables=unknown,
        )
    return tables


def _scope(session: Session, station_id: uuid.UUID, tables: Sequence[str], *columns) -> CompoundSelect:
    finished = SyncRow.change_xid < feed_state(session).watermark
    return union_all(*scope_parts(columns, station_id, SyncRow.table_name.in_(tables), finished))


def scope_digest(session: Session, station_id: uuid.UUID, tables: Sequence[str]) -> ScopeDigest:
    rows = session.execute(_scope(session, station_id, tables, SyncRow.row_id, SyncRow.version))
    buckets = digest((row_id, version) for row_id, version in rows)
    return ScopeDigest(buckets=[BucketDigest(rows=count, sha256=sha256) for count, sha256 in buckets])


def bucket_rows(session: Session, station_id: uuid.UUID, tables: Sequence[str], bucket: int) -> ScopeRows:
    ids = [row_id for (row_id,) in session.execute(_scope(session, station_id, tables, SyncRow.row_id))]
    wanted = [row_id for row_id in ids if bucket_of(row_id) == bucket]
    changes = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        changes += [change_of(row) for row in session.execute(select(*PAGE_COLUMNS).where(SyncRow.row_id.in_(chunk)))]
    return ScopeRows(changes=changes)
