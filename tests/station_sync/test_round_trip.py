"""The plain path: what one laptop types reaches the others of its station through the city server."""

from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.services import case_actions, sync
from heze_station.services.station import StationContext
from heze_station.storage.models import Case
from tests.factories import intake_form, register

from .conftest import Laptops


def case_row(station: StationContext, case_id) -> Case | None:
    with station.database.transaction() as session:
        return session.get(Case, case_id)


def test_a_case_registered_on_one_laptop_appears_on_another_and_an_edit_comes_back(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(2))
    report = sync.sync_now(front)
    assert report.pushed > 0
    assert report.rejected == 0
    sync.sync_now(court)
    arrived = case_row(court, case_id)
    assert arrived is not None
    assert arrived.status is CaseStatus.REGISTERED
    case_actions.perform(court, case_id, CaseAction.ACCEPT)
    sync.sync_now(court)
    sync.sync_now(front)
    assert case_row(front, case_id).status is CaseStatus.ACCEPTED
    for station in (front, court):
        status = sync.sync_status(station)
        assert status.state is sync.SyncState.UP_TO_DATE
        assert status.pending_changes == 0
        assert status.open_conflicts == 0
