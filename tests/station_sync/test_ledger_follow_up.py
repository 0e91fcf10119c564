"""A follow-up of the ledger recorded on one laptop reaches the others of its station (and so the city)."""

from heze_station.domain import chinatime
from heze_station.domain.ledger import FollowUpKind
from heze_station.services import sync
from heze_station.services.ledger import Subject, record_follow_up
from heze_station.services.registry import list_employers
from tests.factories import intake_form, register

from .conftest import Laptops


def test_a_follow_up_syncs_to_the_other_laptop_of_the_station(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    register(front, intake_form(received_on=chinatime.today()))
    employer = list_employers(front)[0]
    record_follow_up(front, Subject.EMPLOYER, employer.id, FollowUpKind.VISIT, chinatime.today(), "李调解", "走访工地")

    report = sync.sync_now(front)
    assert report.rejected == 0
    sync.sync_now(court)

    latest = list_employers(court)[0].latest_follow_up
    assert latest is not None
    assert (latest.kind, latest.done_by, latest.note) == (FollowUpKind.VISIT, "李调解", "走访工地")
    assert sync.sync_status(court).open_conflicts == 0
