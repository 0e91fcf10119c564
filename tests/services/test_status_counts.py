"""The workbench's count of cases in each status, and the case list's total, are read from counts that triggers on
case_file keep (storage.models.CaseStatusCount). After every kind of change they equal the live cases as they
stand: intake, decisions, voiding, a purge, and rows pulled from the city (a new case, a decision, a deletion)."""

import uuid
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.services import archive, case_actions, case_corrections, intake
from heze_station.services.case_queries import CaseFilter, count_cases
from heze_station.services.dashboard import dashboard
from heze_station.services.station import StationContext
from heze_station.storage.models import Case, CaseStatusCount
from tests.factories import at, intake_form

from .replica_steps import case_fields, change, check_every_transaction, pulled, sent_to_the_city


def standing(station: StationContext) -> dict[str, int]:
    """The live cases of each status, counted one by one."""
    with Session(station.database.engine) as session:
        return dict(Counter(session.scalars(select(Case.status).where(Case.deleted_at.is_(None)))))


def kept(station: StationContext) -> dict[str, int]:
    with Session(station.database.engine) as session:
        return dict(session.execute(select(CaseStatusCount.status, CaseStatusCount.live)).all())


@pytest.fixture
def checked(station: StationContext, monkeypatch: pytest.MonkeyPatch) -> StationContext:
    """The station, whose every committed transaction is followed by the comparison of kept and counted."""

    def compare() -> None:
        assert kept(station) == standing(station)

    check_every_transaction(station, monkeypatch, compare)
    return station


def shown(station: StationContext) -> tuple[dict[CaseStatus, int], int]:
    board = dashboard(station)
    return {status: count for status, count in board.counts.items() if count}, count_cases(station, CaseFilter())


def test_the_counts_shown_follow_every_kind_of_change(checked: StationContext, today: date) -> None:
    station = checked
    assert shown(station) == ({}, 0)
    accepted, refused, voided, waiting = (
        intake.save(station, intake.validate(intake_form(employer_serial=n), today), at(today)).case_id
        for n in range(4)
    )
    case_actions.perform(station, accepted, CaseAction.ACCEPT)
    case_actions.perform(station, refused, CaseAction.REFUSE, "不属于本站受理范围")
    case_corrections.void_case(station, voided, "重复登记")
    assert shown(station) == (
        {CaseStatus.REGISTERED: 1, CaseStatus.ACCEPTED: 1, CaseStatus.REFUSED: 1, CaseStatus.VOIDED: 1},
        4,
    )

    # From the city: another laptop's new case, its decision on one of ours, and a case it deleted.
    sent_to_the_city(station)
    fields = case_fields(station, waiting) | {"number": "菏谐调字〔2026〕第9001号", "sequence": 9001}
    pulled(
        station,
        change("case_file", uuid.uuid4(), 1, **fields),
        change("case_file", waiting, 5, decided_on=today.isoformat(), status="accepted"),
    )
    assert shown(station) == (
        {CaseStatus.REGISTERED: 1, CaseStatus.ACCEPTED: 2, CaseStatus.REFUSED: 1, CaseStatus.VOIDED: 1},
        5,
    )
    pulled(station, change("case_file", refused, 6, deleted=True))
    assert shown(station) == ({CaseStatus.REGISTERED: 1, CaseStatus.ACCEPTED: 2, CaseStatus.VOIDED: 1}, 4)


def test_a_purged_file_leaves_the_counts(checked: StationContext, today: date) -> None:
    """A closed file removed at the end of its retention (a tombstone) is no longer counted."""
    station = checked
    case_id = intake.save(station, intake.validate(intake_form(), today), at(today)).case_id
    case_actions.perform(station, case_id, CaseAction.REFUSE, "不属于本站受理范围", now=at(today, 11))
    case_actions.perform(station, case_id, CaseAction.CLOSE, now=at(today, 15))
    assert shown(station) == ({CaseStatus.CLOSED: 1}, 1)

    archive.purge_case(station, case_id, now=at(date(today.year + 6, 12, 31)))

    assert shown(station) == ({}, 0)
