"""Several computers of one station: they converge whatever the order of their syncs (issue 6, deliverable 7)."""

import contextlib
import itertools
import random

import pytest
from sqlalchemy import update

from heze_station.domain.accounts import StaffRole
from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import IllegalTransition
from heze_station.domain.mediation import AttachmentKind
from heze_station.services import accounts, attachments, case_actions, case_queries, sync
from heze_station.services.station import StationContext
from heze_station.storage.models import Attachment, Case, StaffUser
from tests.factories import intake_form, register
from tests.stations import add_account, open_test_station

from .conftest import Laptops
from .helpers import cases, edit


def work_offline(station: StationContext, rng: random.Random, serial: int) -> None:
    """A morning at one desk: new complaints, decisions on cases already known, notes on facts."""
    for _ in range(2):
        serial += 1
        register(station, intake_form(rng.randint(1, 3), employer_serial=serial))
    known = sorted(cases(station))
    for case_id in rng.sample(known, min(3, len(known))):
        if rng.random() < 0.5:
            edit(station, Case, case_id, facts=f"{station.database.path.parent.name} 记录 {rng.randint(1, 999)}")
        else:
            with contextlib.suppress(IllegalTransition):  # already decided elsewhere: refused, nothing changes
                case_actions.perform(station, case_id, CaseAction.ACCEPT)


def test_two_station_laptops_and_a_mobile_court_converge_in_any_order(laptops: Laptops) -> None:
    rng = random.Random(6)
    devices = [laptops("前台"), laptops("办公室"), laptops("移动仲裁庭")]
    orders = list(itertools.permutations(devices))
    for round_number, order in enumerate(rng.sample(orders, 4)):
        for index, station in enumerate(devices):
            work_offline(station, rng, serial=100 * (index + 1) + 10 * round_number)
        for station in order:
            sync.sync_now(station)
    for station in devices:  # one more pass brings everyone the last ones' changes
        sync.sync_now(station)
    first = cases(devices[0])
    assert len(first) == 4 * 2 * 3
    for station in devices[1:]:
        assert cases(station) == first
    # Conflicts (the same field changed on two desks) are the same everywhere and nothing waits to be sent.
    conflict_ids = {item.id for item in sync.open_conflicts(devices[0])}
    for station in devices:
        assert {item.id for item in sync.open_conflicts(station)} == conflict_ids
        assert sync.sync_status(station).pending_changes == 0


def test_a_scan_attached_on_one_laptop_reaches_the_other_byte_for_byte(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(1))
    scan = bytes(range(256)) * 5000  # 1.2 MiB: more than one upload chunk
    attached = attachments.attach(front, case_id, AttachmentKind.SCAN, "工资条.png", scan)
    report = sync.sync_now(front)
    assert report.uploaded == 1
    assert sync.sync_now(front).uploaded == 0  # confirmed by the server: never sent again
    assert sync.sync_now(court).downloaded == 1
    assert attachments.read(court, attached.id) == scan


def test_a_file_named_by_no_digest_waits_and_the_sync_goes_on(laptops: Laptops) -> None:
    """An attachment row an older program stored as it was pulled, before the city checked that a file's name is a
    digest: a name with a control character made every sync end in a fault; that file now waits, the rest syncs."""
    court = laptops("移动仲裁庭")
    case_id = register(court, intake_form(1))
    attached = attachments.attach(court, case_id, AttachmentKind.SCAN, "工资条.png", b"scan")
    with court.database.transaction() as session:
        session.execute(update(Attachment).where(Attachment.id == attached.id).values(sha256="ab\x01cd"))

    report = sync.sync_now(court)

    assert (report.files_waiting, report.pushed > 0) == (1, True)


def test_what_was_typed_before_enrolment_reaches_the_city(laptops: Laptops, tmp_path) -> None:

    early = open_test_station(tmp_path / "早到的笔记本")
    try:
        case_id = register(early, intake_form(2))
        early.close()
        station = laptops("早到的笔记本")
        court = laptops("移动仲裁庭")
        sync.sync_now(station)
        sync.sync_now(court)
        assert case_id in cases(court)
    finally:
        early.close()


def test_an_account_made_on_one_laptop_signs_in_on_the_others_offline(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    add_account(front, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    sync.sync_now(front)
    sync.sync_now(court)
    folder = court.database.path.parent
    # The court's laptop goes to a construction site with no network: the account is already on it.
    zhang = accounts.sign_in(folder, "zhang", "zhang-password")
    try:
        assert (zhang.user_name, zhang.user_role) == ("zhang的名字", StaffRole.COORDINATOR)
        case_id = register(zhang, intake_form(1, employer_serial=77))
        assert case_queries.case_detail(zhang, case_id).timeline[-1].actor == "zhang的名字"
    finally:
        zhang.close()
    # Disabled in the office: once synced, refused on the court's laptop too.
    (row,) = [row for row in accounts.list_accounts(front) if row.login == "zhang"]
    accounts.set_disabled(front, row.id, True)
    sync.sync_now(front)
    sync.sync_now(court)
    with pytest.raises(accounts.SignInRefused, match="disabled"):
        accounts.sign_in(folder, "zhang", "zhang-password")


def test_the_same_login_made_on_two_laptops_offline_is_shown_to_the_administrator(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    add_account(front, "zhao", StaffRole.COORDINATOR)
    add_account(court, "zhao", StaffRole.MEDIATOR)  # offline, the same login for someone else
    for laptop in (front, court, front):
        sync.sync_now(laptop)
    zhaos = [row for row in accounts.list_accounts(front) if row.login == "zhao"]
    assert [row.role for row in zhaos if not row.shadowed] == [StaffRole.COORDINATOR]  # the older keeps the login
    assert [row.role for row in zhaos if row.shadowed] == [StaffRole.MEDIATOR]


@pytest.mark.parametrize("junk", ["not a key", "A" * 43 + "="])  # the second has a key's form: 32 zero bytes
def test_an_account_whose_key_is_no_key_leaves_every_other_account_signing_in(laptops: Laptops, junk: str) -> None:
    """A key an older program stored as it was pulled (a device synced junk before the city checked its form), or
    a weak point nothing can be sealed to: that account keeps the slot it had on this laptop, and the colleagues
    made since sign in on it as before."""
    front, court = laptops("前台"), laptops("移动仲裁庭")
    add_account(front, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    sync.sync_now(front)
    sync.sync_now(court)
    with court.database.transaction() as session:
        session.execute(update(StaffUser).where(StaffUser.login == "zhang").values(public_key=junk))
    add_account(front, "wang", StaffRole.COORDINATOR, password="wang-password-2026")
    sync.sync_now(front)

    sync.sync_now(court)  # its slots are made again as the accounts stand: no error

    folder = court.database.path.parent
    accounts.sign_in(folder, "wang", "wang-password-2026").close()
    accounts.sign_in(folder, "zhang", "zhang-password").close()
