"""Cases the city assigns to another station (escalation, 提级办理; a clue's case handed over).

Assigning grants the assignee the case row, every row that names the case (``case_id``: claimants, respondents,
evidence, timeline, sessions, agreements, ...) and the people, employers and project those rows name, so that the
case reads whole at the assignee. Both stations then see and change it; rows either of them adds to the case later
are shared with the other as they are pushed. Nothing of the owner's other cases becomes visible.

The granted rows get new feed positions, so the assignee's next pull brings them even though its cursor is past
where they were written.
"""

import uuid
from collections.abc import Iterable

from sqlalchemy import insert, select, union
from sqlalchemy.orm import Session

from .errors import bad_request, not_found
from .feed import RowWrite, restamp
from .models import RowGrant, Station, SyncRow

CASE_TABLE = "case_file"
# Fields of a case's rows that name other rows the assignee needs to read the case.
REFERENCES = ("person_id", "employer_id", "project_id")


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
    # (A scan of the JSON field: an administrator's occasional command, not a hot path.)
    children = session.execute(
        select(SyncRow.row_id, SyncRow.fields).where(
            SyncRow.station_id.in_(sharing), SyncRow.fields["case_id"].as_string() == str(case_id)
        )
    ).all()
    referenced = {
        uuid.UUID(fields[name])
        for _, fields in [(case_id, case.fields), *children]
        for name in REFERENCES
        if isinstance(fields.get(name), str)
    }
    rows = {case_id, *(row_id for row_id, _ in children), *referenced}
    already = set(
        session.scalars(select(RowGrant.row_id).where(RowGrant.row_id.in_(rows), RowGrant.station_id == station_id))
    )
    existing = set(session.scalars(select(SyncRow.row_id).where(SyncRow.row_id.in_(rows))))
    new = sorted((rows & existing) - already)
    if new:
        session.execute(insert(RowGrant), [{"row_id": row_id, "station_id": station_id} for row_id in new])
        restamp(session, new)
    return len(new)


def share_new_case_rows(session: Session, writes: Iterable[RowWrite]) -> None:
    """Grant rows just added to a shared case to every other station that shares the case."""
    by_case: dict[uuid.UUID, list[RowWrite]] = {}
    for write in writes:
        case_id = write.fields.get("case_id")
        if isinstance(case_id, str):
            try:
                by_case.setdefault(uuid.UUID(case_id), []).append(write)
            except ValueError:
                continue
    if not by_case:
        return
    sharers = session.execute(
        union(
            select(SyncRow.row_id, SyncRow.station_id).where(
                SyncRow.row_id.in_(by_case), SyncRow.table_name == CASE_TABLE
            ),
            select(RowGrant.row_id, RowGrant.station_id).where(RowGrant.row_id.in_(by_case)),
        )
    ).all()
    stations: dict[uuid.UUID, set[uuid.UUID]] = {}
    for case_id, station in sharers:
        stations.setdefault(case_id, set()).add(station)
    grants = [
        {"row_id": write.row_id, "station_id": station}
        for case_id, writes_of_case in by_case.items()
        for write in writes_of_case
        # Only a station that shares the case adds to it: naming another station's case id shares nothing.
        if write.station_id in stations.get(case_id, set())
        for station in stations[case_id] - {write.station_id}
    ]
    if grants:
        session.execute(insert(RowGrant), grants)
