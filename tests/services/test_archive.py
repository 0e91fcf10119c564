"""The archive of closed files (R13): listed with their retention end, and nothing purged before it."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from heze_station.domain import chinatime
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.errors import IllegalTransition
from heze_station.domain.retention import retention_until
from heze_station.services import archive, audit, case_actions, case_queries
from heze_station.services.station import StationContext
from heze_station.storage.models import Case
from tests.factories import at, intake_form, register


def closed_case(station: StationContext, serial: int, *steps: tuple[CaseAction, str], on: date) -> uuid.UUID:
    case_id = register(station, intake_form(employer_serial=serial, received_on=on), on=on)
    for action, reason in steps:
        case_actions.perform(station, case_id, action, reason, now=at(on, 11))
    case_actions.perform(station, case_id, CaseAction.CLOSE, now=at(on, 15))
    return case_id


@pytest.fixture
def cases(station: StationContext) -> dict[str, uuid.UUID]:
    day = chinatime.today() - timedelta(days=3)
    return {
        "refused": closed_case(station, 1, (CaseAction.REFUSE, "不属于受理范围"), on=day - timedelta(days=1)),
        "arbitration": closed_case(
            station, 2, (CaseAction.ACCEPT, ""), (CaseAction.REFER_ARBITRATION, "调解期满未达成协议"), on=day
        ),
        "open": register(station, intake_form(employer_serial=3)),
    }


def test_closed_files_are_listed_with_their_retention_end(station: StationContext, cases: dict) -> None:
    day = chinatime.today() - timedelta(days=3)
    refused_on = day - timedelta(days=1)
    listed = archive.archive(station)
    # Ten years from the referral, five from the refusal, each from its own date (tests/domain/test_retention.py
    # counts the years, 29 February included): the refusal falls in the year before on the 4th of January.
    assert [(row.case_id, row.outcome, row.closed_on, row.retention_until) for row in listed] == [
        (
            cases["arbitration"],
            CaseStatus.REFERRED_ARBITRATION,
            day,
            retention_until(CaseStatus.REFERRED_ARBITRATION, day, day),
        ),
        (cases["refused"], CaseStatus.REFUSED, refused_on, retention_until(CaseStatus.REFUSED, refused_on, refused_on)),
    ]
    assert [row.retention_until.year - row.closed_on.year for row in listed] == [10, 5]


def test_nothing_is_purged_before_its_retention_end(station: StationContext, cases: dict) -> None:
    refused = next(row for row in archive.archive(station) if row.case_id == cases["refused"])
    with pytest.raises(IllegalTransition, match=f"must be kept until {refused.retention_until.isoformat()}"):
        archive.purge_case(station, cases["refused"])
    with pytest.raises(IllegalTransition, match="Only a closed file"):
        archive.purge_case(station, cases["open"], now=at(date(2099, 1, 1)))
    # The last day of retention is still kept; the day after, the file may go.
    with pytest.raises(IllegalTransition):
        archive.purge_case(station, cases["refused"], now=at(refused.retention_until, 23))
    assert case_queries.case_detail(station, cases["refused"]).status is CaseStatus.CLOSED

    archive.purge_case(station, cases["refused"], now=at(refused.retention_until + timedelta(days=1)))
    with station.database.transaction() as session:
        assert session.scalar(select(Case.deleted_at).where(Case.id == cases["refused"])) is not None
    assert [row.case_id for row in archive.archive(station)] == [cases["arbitration"]]
    assert audit.entries(station)[0].action is AuditAction.CASE_PURGED
