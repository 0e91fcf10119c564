"""Which tables and cases a service's transactions wrote (domain.changes), noted by the outbox's flush hook.

Recording is per thread: the database worker runs one service at a time, and a recording started around it sees
exactly that service's writes. Without a recording (the command line, tests) nothing is noted.
"""

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import Change
from .models import Agreement, Case, MediationSession, SyncRow

_local = threading.local()
# Rows that name their case through a parent: the column holding the parent's id, and the parent's case column.
_CASE_THROUGH = {
    "agreement_id": Agreement.case_id,
    "session_id": MediationSession.case_id,
}


class Recording:
    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.case_ids: set[uuid.UUID] = set()

    @property
    def change(self) -> Change:
        return Change(frozenset(self.tables), frozenset(self.case_ids))


@contextmanager
def recording() -> Iterator[Recording]:
    outer = getattr(_local, "recording", None)
    _local.recording = Recording()
    try:
        yield _local.recording
    finally:
        _local.recording = outer


def note(session: Session, rows: list[SyncRow]) -> None:
    """Note what ``rows`` (written by one flush) touched, when a recording is on."""
    current: Recording | None = getattr(_local, "recording", None)
    if current is None:
        return
    parents: dict[str, set[uuid.UUID]] = {}
    for row in rows:
        current.tables.add(row.__tablename__)
        if isinstance(row, Case):
            current.case_ids.add(row.id)
        elif (case_id := getattr(row, "case_id", None)) is not None:
            current.case_ids.add(case_id)
        else:
            for column in _CASE_THROUGH:
                if (parent := getattr(row, column, None)) is not None:
                    parents.setdefault(column, set()).add(parent)
    for column, ids in parents.items():
        case_column = _CASE_THROUGH[column]
        key = case_column.class_.id
        current.case_ids.update(session.connection().scalars(select(case_column).where(key.in_(ids))))
