"""A laptop whose data file no longer opens: its administrator puts the latest backup in its place, and the next
sync brings back what the laptop had sent after that backup, while what is typed after the restore reaches the city
once, under fresh sequence numbers."""

from datetime import timedelta
from pathlib import Path

import pytest

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.paths import DATABASE_FILE
from heze_station.server import auth
from heze_station.server.models import SyncRow
from heze_station.services import accounts, backups, sync
from heze_station.services.backups import BackupFailed
from heze_station.storage.database import DatabaseDamaged
from tests.factories import intake_form, register
from tests.server.conftest import Server
from tests.stations import ADMINISTRATOR, add_account, join_city

from .conftest import Laptops
from .helpers import cases
from .test_failures import device_id, problem
from .test_scenario import server_station


def damage(folder: Path) -> None:
    """The first page (the schema) unreadable: the file no longer opens."""
    path = folder / DATABASE_FILE
    data = bytearray(path.read_bytes())
    data[100:200] = bytes(100)
    path.write_bytes(bytes(data))


def test_the_latest_backup_replaces_a_file_that_no_longer_opens_and_sync_brings_back_what_it_missed(
    laptops: Laptops, tmp_path: Path
) -> None:
    laptop, other = laptops("前台"), laptops("移动仲裁庭")
    folder = laptop.data_dir
    add_account(laptop, "zhang", StaffRole.COORDINATOR, password="zhang-password")
    before = register(laptop, intake_form(1, employer_serial=1))
    sync.sync_now(laptop)
    backups.back_up(laptop)
    after = register(laptop, intake_form(1, employer_serial=2))  # sent, but not in the backup
    sync.sync_now(laptop)
    laptop.close()
    for path in (folder / f"{DATABASE_FILE}-wal", folder / f"{DATABASE_FILE}-shm"):
        path.unlink(missing_ok=True)
    damage(folder)
    with pytest.raises(DatabaseDamaged):
        accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)

    with pytest.raises(BackupFailed, match="administrator"):
        backups.restore_latest(folder, "zhang", "zhang-password")
    with pytest.raises(accounts.SignInRefused):
        backups.restore_latest(folder, ADMINISTRATOR.login, "wrong-password")
    with pytest.raises(BackupFailed, match="No backup"):
        backups.restore_latest(folder, ADMINISTRATOR.login, ADMINISTRATOR.password, tmp_path / "empty-usb-stick")
    name, kept = backups.restore_latest(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    assert (kept / DATABASE_FILE).exists()  # the damaged file, kept aside

    restored = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert set(cases(restored)) == {before}
        typed_after_restore = register(restored, intake_form(1, employer_serial=3))
        sync.sync_now(restored)  # no "copied laptop" refusal: numbering goes on after what the city has
        sync.sync_now(restored)
        assert set(cases(restored)) == {before, after, typed_after_restore}
        assert sync.sync_status(restored).pending_changes == 0
        sync.sync_now(other)
        assert set(cases(other)) == {before, after, typed_after_restore}
        assert name in {backup.name for backup in backups.list_backups(restored)}
    finally:
        restored.close()


def row_ids(station, *tables: str) -> dict[str, set[str]]:
    with station.database.transaction() as session:
        connection = session.connection()
        return {name: {row[0] for row in connection.exec_driver_sql(f"SELECT id FROM {name}")} for name in tables}


def test_a_backup_put_back_by_choice_gets_what_the_laptop_had_sent_since_from_the_next_sync(laptops: Laptops) -> None:
    laptop = laptops("前台")
    before = register(laptop, intake_form(2, employer_serial=1))
    sync.sync_now(laptop)
    backup = backups.back_up(laptop)
    after = register(laptop, intake_form(3, employer_serial=2))  # sent, but not in the backup
    sync.sync_now(laptop)
    tables = ("case_file", "case_claimant", "person", "employer", "case_respondent", "timeline_event")
    sent = row_ids(laptop, *tables)

    backups.restore(laptop, backup.name)
    assert set(cases(laptop)) == {before}
    sync.sync_now(laptop)
    # The city kept everything this laptop sent after the backup: all of it comes back, parties and timeline too.
    assert set(cases(laptop)) == {before, after}
    assert row_ids(laptop, *tables) == sent
    assert sync.sync_status(laptop).pending_changes == 0


def test_a_backup_holding_unsent_changes_put_back_after_more_was_done_syncs_them_all(laptops: Laptops) -> None:
    """A mobile court offline for a day: yesterday's backup holds a case not yet sent; today's work was sent since.
    Put back, its numbering would have left a gap the city refuses at every sync."""
    court = laptops("移动仲裁庭")
    sync.sync_now(court)
    unsent = register(court, intake_form(2, employer_serial=1))
    backup = backups.back_up(court)
    later = register(court, intake_form(1, employer_serial=2))
    sync.sync_now(court)

    backups.restore(court, backup.name)
    register(court, intake_form(1, employer_serial=3))
    report = sync.sync_now(court)
    assert report.rejected == 0
    assert sync.sync_status(court).pending_changes == 0
    assert {unsent, later} <= set(cases(court))


def test_a_backup_made_before_the_laptop_was_enrolled_again_keeps_the_present_enrolment(
    laptops: Laptops, server: Server
) -> None:
    """Found again and enrolled with a new code: a backup of before holds the credentials the city revoked."""
    laptop = laptops("找回的笔记本")
    first = register(laptop, intake_form(1, employer_serial=1))
    sync.sync_now(laptop)
    backup = backups.back_up(laptop, now=chinatime.now() + timedelta(hours=1))  # and its clock a little ahead
    with server.database.transaction() as session:
        auth.revoke_device(session, device_id(laptop))
    problem(laptop)
    join_city(laptop, server.url, server.enrol_code(server_station(server, "城区驿站")), "找回的笔记本")
    since = register(laptop, intake_form(1, employer_serial=2))
    sync.sync_now(laptop)
    newer = backups.back_up(laptop)
    assert [each.name for each in backups.list_backups(laptop)] == [newer.name, backup.name]  # made after more work

    backups.restore(laptop, backup.name)
    typed = register(laptop, intake_form(1, employer_serial=3))
    sync.sync_now(laptop)
    assert sync.sync_status(laptop).pending_changes == 0
    assert {first, since, typed} <= set(cases(laptop))
    with server.database.transaction() as session:
        assert session.get(SyncRow, typed) is not None


def test_a_backup_from_before_an_account_of_another_laptop_arrived_is_put_back_with_that_account(
    laptops: Laptops,
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    backup = backups.back_up(court)  # before the front desk's accounts (and its station row) reached the court
    add_account(front, "li", StaffRole.MEDIATOR, password="li-password-1")
    sync.sync_now(front)
    sync.sync_now(court)
    folder = court.data_dir
    backups.restore(court, backup.name)
    court.close()
    accounts.sign_in(folder, "li", "li-password-1").close()


def test_a_new_computer_takes_the_backup_of_a_laptop_that_sent_more_after_it_and_syncs_on(
    laptops: Laptops, tmp_path: Path
) -> None:
    """The laptop broke a day after its last backup, having sent a day's work since: the new computer signs in on
    the backup, works, and syncs, the day's work coming back from the city."""
    old = laptops("坏了的笔记本")
    sync.sync_now(old)
    backup = backups.back_up(old)
    after_backup = register(old, intake_form(1, employer_serial=1))
    sync.sync_now(old)
    old.close()
    new_folder = tmp_path / "新电脑"
    backups.restore_on_new_computer(new_folder, old.data_dir / "backups" / backup.name)
    new = accounts.sign_in(new_folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        typed = register(new, intake_form(1, employer_serial=2))
        assert sync.sync_now(new).rejected == 0
        assert sync.sync_status(new).pending_changes == 0
        assert {after_backup, typed} <= set(cases(new))
    finally:
        new.close()
