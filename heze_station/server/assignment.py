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
    rows = _case_rows(session, case, _sharing(session, case))
    new = _grant(session, {(row_id, station_id) for row_id in rows})
    if new:
        restamp(session, new)
    return len(new)


def make_assigned_cases_whole(session: Session) -> int:
    """Grant every station sharing an assigned case what it lacks of it; returns how many rows were granted.

    A server before stop 46 shared only the rows that name the case: the instalments, payments and minutes under an
    agreement or a session one station made never reached the other (whose sync then stopped on the agreement)."""
    cases = session.scalars(
        select(SyncRow).where(SyncRow.table_name == CASE_TABLE, SyncRow.row_id.in_(select(RowGrant.row_id)))
    ).all()
    new: set[uuid.UUID] = set()
    for case in cases:
        sharing = _sharing(session, case)
        rows = _case_rows(session, case, sharing)
        new.update(_grant(session, {(row_id, station) for row_id in rows for station in sharing}))
    if new:
        restamp(session, sorted(new))
    return len(new)


def _sharing(session: Session, case: SyncRow) -> set[uuid.UUID]:
    """The stations that share ``case``: its owner and those it was assigned to."""
    granted = session.scalars(select(RowGrant.station_id).where(RowGrant.row_id == case.row_id))
    return {station for station in (case.station_id, *granted) if station is not None}


def _case_rows(session: Session, case: SyncRow, sharing: set[uuid.UUID]) -> set[uuid.UUID]:
    """The case's rows at the stations sharing it, the rows under its agreements and sessions, and the people,
    employers, projects (and their general contractors) they name. (Scans of the JSON fields: an administrator's
    occasional command, not a hot path.)"""
    children = session.execute(
        select(SyncRow.row_id, SyncRow.fields).where(
            SyncRow.station_id.in_(sharing), SyncRow.fields["case_id"].as_string() == str(case.row_id)
        )
    ).all()
    parents = [str(row_id) for row_id, _ in children]
    under = session.execute(
        select(SyncRow.row_id, SyncRow.fields).where(
            SyncRow.station_id.in_(sharing),
            or_(*(SyncRow.fields[name].as_string().in_(parents) for name in UNDER_CASE_ROWS)),
        )
    ).all()
    case_rows = [(case.row_id, case.fields), *children, *under]
    named = {row for _, fields in case_rows for row in _named(fields)}
    return {row_id for row_id, _ in case_rows} | named | set(_contractors(session, named).values())


def joining_shared_cases(written: Sequence[RowWrite]) -> list[RowWrite]:
    """The rows of a push that may add to a case another station shares: new rows naming a case, agreement or
    session the push did not create (or an agreement or session it created for such a case), and changed rows that
    name a person, employer or project (they may name another than before). A case the push created is shared with
    no other station yet: a push of new cases needs no look-up at all."""
    new = [write for write in written if write.is_new]
    created = {str(write.row_id) for write in new}
    of_older_cases = {str(write.row_id) for write in new if write.fields.get("case_id") not in {None, *created}}

    def joining(write: RowWrite) -> bool:
        if not write.is_new:
            return any(write.fields.get(name) is not None for name in REFERENCES)
        return str(write.row_id) in of_older_cases or any(
            isinstance(parent := write.fields.get(name), str) and (parent not in created or parent in of_older_cases)
            for name in UNDER_CASE_ROWS
        )

    return [write for write in written if joining(write)]


def share_new_case_rows(session: Session, writes: Sequence[RowWrite]) -> None:
    """Grant rows just written to a shared case (naming it, or an agreement or a session of it), and the people,
    employers and projects they name, to every other station that shares the case."""
    case_of = _cases_of(session, writes)
    # Every row of a shared case is granted to some station, the case first: most pushes stop here, after one look.
    shared = set(session.scalars(select(RowGrant.row_id).where(RowGrant.row_id.in_(set(case_of.values())))))
    if not shared:
        return
    sharers = session.execute(
        union(
            select(SyncRow.row_id, SyncRow.station_id).where(SyncRow.row_id.in_(shared)),
            select(RowGrant.row_id, RowGrant.station_id).where(RowGrant.row_id.in_(shared)),
        )
    ).all()
    stations: dict[uuid.UUID, set[uuid.UUID]] = {}
    for case_id, station in sharers:
        stations.setdefault(case_id, set()).add(station)
    joining = []
    for write in writes:
        case = case_of.get(write.row_id)
        sharing = stations.get(case, set()) if case is not None else set()
        # Only a station that shares the case adds to it: naming another station's case id shares nothing.
        if write.station_id in sharing:
            joining.append((write, _named(write.fields), sharing))
    contractors = _contractors(session, {row_id for _, named, _ in joining for row_id in named})
    wanted = {
        (row_id, station)
        for write, named, sharing in joining
        for row_id in (write.row_id, *named, *(contractors[each] for each in named if each in contractors))
        for station in sharing  # _grant skips each row's owner
    }
    # A person, employer or project written before this push has its place in the feed behind the other stations'
    # cursors: it is placed again to reach them.
    earlier = [row_id for row_id in _grant(session, wanted) if row_id not in case_of]
    if earlier:
        restamp(session, earlier)


def _named(fields: dict[str, Any]) -> set[uuid.UUID]:
    """The people, employers and project a case's row names."""
    return {row_id for name in REFERENCES if (row_id := _row_id(fields.get(name))) is not None}


def _contractors(session: Session, named: set[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """The general contractor of each project among ``named``, by project: an agreement may make one pay first
    (R14). One look-up for a whole push."""
    if not named:
        return {}
    projects = session.execute(
        select(SyncRow.row_id, SyncRow.fields["general_contractor_id"].as_string()).where(
            SyncRow.row_id.in_(named), SyncRow.table_name == "project"
        )
    )
    return {project: contractor for project, value in projects if (contractor := _row_id(value)) is not None}


def _cases_of(session: Session, writes: Sequence[RowWrite]) -> dict[uuid.UUID, uuid.UUID]:
    """The case each write belongs to, by row id: the case itself, the case it names, or that of the agreement or
    session it names (written in the same push, or before)."""
    case_of = {write.row_id: write.row_id for write in writes if write.table_name == CASE_TABLE}
    case_of |= {write.row_id: case for write in writes if (case := _row_id(write.fields.get("case_id"))) is not None}
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
        # Only the agreements and sessions of shared cases can matter, and every one of them is granted.
        stored = session.execute(
            select(SyncRow.row_id, SyncRow.fields["case_id"].as_string()).where(
                SyncRow.row_id.in_(earlier), SyncRow.row_id.in_(select(RowGrant.row_id))
            )
        )
        known |= {row_id: case for row_id, value in stored if (case := _row_id(value)) is not None}
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
    """Grant each (row, station) not granted yet, of rows that exist and that another station owns (the city's own
    rows reach every station already); returns the rows newly granted."""
    if not wanted:
        return []
    rows = {row_id for row_id, _ in wanted}
    owners = dict(session.execute(select(SyncRow.row_id, SyncRow.station_id).where(SyncRow.row_id.in_(rows))).all())
    granted = set(session.execute(select(RowGrant.row_id, RowGrant.station_id).where(RowGrant.row_id.in_(rows))).all())
    new = [
        {"row_id": row_id, "station_id": station}
        for row_id, station in sorted(wanted)
        if owners.get(row_id) not in (None, station) and (row_id, station) not in granted
    ]
    if new:
        session.execute(insert(RowGrant), new)
    return sorted({grant["row_id"] for grant in new})
