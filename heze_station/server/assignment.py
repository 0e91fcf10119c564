"""Cases the city assigns to another station (escalation, 提级办理; a clue's case handed over).

Assigning grants the assignee the case row, every row that names the case (``case_id``: claimants, respondents,
evidence, timeline, sessions, agreements, ...), the rows under its agreements and sessions (instalments, shares,
signatures, payments, minutes) and the people, employers and project all these name, so that the case reads whole
at the assignee. Both stations then see and change it; rows either of them adds to the case later are shared with
the other as they are pushed, with the people and employers they name. Nothing of the owner's other cases becomes
visible.

The granted rows get new feed positions, so the assignee's next pull brings them even though its cursor is past
where they were written.
"""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, or_, select, union
from sqlalchemy.orm import Session

from .errors import bad_request, not_found
from .feed import RowWrite, restamp
from .models import RowGrant, Station, SyncRow

CASE_TABLE = "case_file"
# Fields that name a row of the case other than the case itself: the rows under an agreement or a session of it.
UNDER_CASE_ROWS = ("agreement_id", "session_id")
# Fields of a case's rows that name other rows the assignee needs to read the case.
REFERENCES = ("person_id", "agent_id", "employer_id", "payer_id", "project_id")


def assign_case(session: Session, case_id: uuid.UUID, station_id: uuid.UUID) -> int:
    """Grant ``station_id`` the case and its rows; returns how many rows it newly sees."""
    case = session.get(SyncRow, case_id)
    if case is None or case.table_name != CASE_TABLE or case.deleted:
        raise not_found("unknown_case", f"No live case {case_id}.")
    if session.get(Station, station_id) is None:
        raise not_found("unknown_station", f"No station {station_id}.")
    if case.station_id == station_id:
        raise bad_request("own_case", "The case already belongs to that station.")
    sharing = {case.station_id, *session.scalars(select(RowGrant.station_id).where(RowGrant.row_id == case_id))}
    # (Scans of the JSON fields: an administrator's occasional command, not a hot path.)
    children = session.execute(
        select(SyncRow.row_id, SyncRow.fields).where(
            SyncRow.station_id.in_(sharing), SyncRow.fields["case_id"].as_string() == str(case_id)
        )
    ).all()
    parents = [str(row_id) for row_id, _ in children]
    under = session.execute(
        select(SyncRow.row_id, SyncRow.fields).where(
            SyncRow.station_id.in_(sharing),
            or_(*(SyncRow.fields[name].as_string().in_(parents) for name in UNDER_CASE_ROWS)),
        )
    ).all()
    case_rows = [(case_id, case.fields), *children, *under]
    rows = {row_id for row_id, _ in case_rows} | {row for _, fields in case_rows for row in _named(fields)}
    new = _grant(session, {(row_id, station_id) for row_id in rows})
    if new:
        restamp(session, new)
    return len(new)


def joining_shared_cases(written: Sequence[RowWrite]) -> list[RowWrite]:
    """The new rows of a push that may join a case another station shares: those naming a case, agreement or session
    the push did not create, or an agreement or session it created for such a case. (A case the push created is
    shared with no other station yet: most pushes need no look-up at all.)"""
    new = [write for write in written if write.is_new]
    created = {str(write.row_id) for write in new}
    of_older_cases = {str(write.row_id) for write in new if write.fields.get("case_id") not in {None, *created}}
    return [
        write
        for write in new
        if str(write.row_id) in of_older_cases
        or any(
            isinstance(parent := write.fields.get(name), str) and (parent not in created or parent in of_older_cases)
            for name in UNDER_CASE_ROWS
        )
    ]


def share_new_case_rows(session: Session, writes: Sequence[RowWrite]) -> None:
    """Grant rows just added to a shared case (naming it, or an agreement or a session of it), and the people,
    employers and projects they name, to every other station that shares the case."""
    case_of = _cases_of(session, writes)
    if not case_of:
        return
    sharers = session.execute(
        union(
            select(SyncRow.row_id, SyncRow.station_id).where(
                SyncRow.row_id.in_(set(case_of.values())), SyncRow.table_name == CASE_TABLE
            ),
            select(RowGrant.row_id, RowGrant.station_id).where(RowGrant.row_id.in_(set(case_of.values()))),
        )
    ).all()
    stations: dict[uuid.UUID, set[uuid.UUID]] = {}
    for case_id, station in sharers:
        stations.setdefault(case_id, set()).add(station)
    wanted = {
        (row_id, station)
        for write in writes
        if write.row_id in case_of
        # Only a station that shares the case adds to it: naming another station's case id shares nothing.
        if write.station_id in stations.get(case_of[write.row_id], set())
        for row_id in (write.row_id, *_named(write.fields))
        for station in stations[case_of[write.row_id]] - {write.station_id}
    }
    # A person, employer or project written before this push has its place in the feed behind the other stations'
    # cursors: it is placed again to reach them.
    earlier = [row_id for row_id in _grant(session, wanted) if row_id not in case_of]
    if earlier:
        restamp(session, earlier)


def _named(fields: dict[str, Any]) -> set[uuid.UUID]:
    """The people, employers and project a case's row names."""
    return {row_id for name in REFERENCES if (row_id := _row_id(fields.get(name))) is not None}


def _cases_of(session: Session, writes: Sequence[RowWrite]) -> dict[uuid.UUID, uuid.UUID]:
    """The case each write belongs to, by row id: the case it names, or that of the agreement or session it names
    (written in the same push, or before)."""
    case_of = {write.row_id: case for write in writes if (case := _row_id(write.fields.get("case_id"))) is not None}
    parents = {
        write.row_id: parent
        for write in writes
        if write.row_id not in case_of
        for name in UNDER_CASE_ROWS
        if (parent := _row_id(write.fields.get(name))) is not None
    }
    known = dict(case_of)
    earlier = set(parents.values()) - known.keys()
    if earlier:
        stored = session.execute(select(SyncRow.row_id, SyncRow.fields).where(SyncRow.row_id.in_(earlier)))
        known |= {row_id: case for row_id, fields in stored if (case := _row_id(fields.get("case_id"))) is not None}
    return case_of | {row_id: known[parent] for row_id, parent in parents.items() if parent in known}


def _row_id(value: Any) -> uuid.UUID | None:
    """A field's value as the id of the row it names; None when it names none (a device may send anything)."""
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _grant(session: Session, wanted: set[tuple[uuid.UUID, uuid.UUID]]) -> list[uuid.UUID]:
    """Grant each (row, station) not granted yet, of rows that exist and that the station does not own; returns the
    rows newly granted."""
    rows = {row_id for row_id, _ in wanted}
    owners = dict(session.execute(select(SyncRow.row_id, SyncRow.station_id).where(SyncRow.row_id.in_(rows))).all())
    granted = set(session.execute(select(RowGrant.row_id, RowGrant.station_id).where(RowGrant.row_id.in_(rows))).all())
    new = [
        {"row_id": row_id, "station_id": station}
        for row_id, station in sorted(wanted)
        if row_id in owners and owners[row_id] != station and (row_id, station) not in granted
    ]
    if new:
        session.execute(insert(RowGrant), new)
    return sorted({grant["row_id"] for grant in new})
