"""Backups and restoring one: verified copies, thinned by age, restored only when whole, nothing lost on the way."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.audit import AuditAction
from heze_station.domain.backups import Retention, kept
from heze_station.domain.mediation import AttachmentKind
from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts, attachments, audit, backups, case_queries
from heze_station.services.audit import AuditFilter
from heze_station.services.backups import BackupFailed
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage import keyslots
from heze_station.storage.database import Database, is_whole
from heze_station.storage.models import Case
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR, OTHER_PASSWORD, add_account, open_test_station

SCAN = b"%PDF-1.4 scan " + bytes(range(256)) * 20


def case_count(context: StationContext) -> int:
    return case_queries.count_cases(context, CaseFilter())


def test_a_backup_is_a_checked_encrypted_copy_with_the_files_beside_it(station: StationContext) -> None:
    case_id = register(station, intake_form(2))
    attachments.attach(station, case_id, AttachmentKind.SCAN, "欠条.pdf", SCAN)
    info = backups.back_up(station)
    folder = backups.state(station).folder
    copy = folder / info.name / DATABASE_FILE
    assert is_whole(copy, station.database.key)
    assert not is_whole(copy, b"\x00" * 32)  # encrypted: another key opens nothing
    assert b"SQLite format 3" not in copy.read_bytes()[:16]
    assert (folder / info.name / "keyslots.json").exists()
    manifest = json.loads((folder / info.name / "backup.json").read_text())
    assert manifest["cases"] == info.cases == 1
    assert len(manifest["attachments"]) == 1
    assert (folder / "attachments").rglob(manifest["attachments"][0])
    assert backups.state(station).last_at is not None
    assert audit.entries(station, AuditFilter(action=AuditAction.BACKUP_MADE))[0].subject == info.name
    assert [row.name for row in backups.list_backups(station)] == [info.name]


def test_restoring_brings_back_the_backup_and_keeps_the_trail_and_the_current_file(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        first = register(station, intake_form(1, employer_serial=1))
        attachments.attach(station, first, AttachmentKind.SCAN, "欠条.pdf", SCAN)
        info = backups.back_up(station)
        register(station, intake_form(1, employer_serial=2))  # typed after the backup: lost by the restore...
        audit.searched(station, "王")
        for blob in (station.data_dir / "attachments").rglob("*"):
            if blob.is_file():
                blob.unlink()  # the disk lost the scan too

        kept_aside = backups.restore(station, info.name)

        assert case_count(station) == 1  # (the engine opens the restored file)
        assert attachments.read(station, attachments.case_attachments(station, first)[0].id) == SCAN
        # ...but kept aside, whole, where the administrator can find it.
        assert is_whole(kept_aside / DATABASE_FILE, station.database.key)
        trail = [(row.action, row.subject) for row in reversed(audit.entries(station))]
        assert trail[-2:] == [(AuditAction.SEARCHED, "王"), (AuditAction.RESTORED, info.name)]  # carried over
        assert audit.check(station).broken_at is None
        # How the changes since are numbered for the city is settled at the next sync, which learns how far this
        # computer had sent (tests/station_sync/test_restored_laptop.py).
    finally:
        station.close()


def test_restoring_brings_cases_back_and_keeps_the_accounts_as_they_are_now(tmp_path: Path) -> None:
    """Not the backup's: an account disabled since stays disabled, one added since stays, and a password changed
    since (a leaked one) is not put back."""
    folder = tmp_path / "data"
    station = open_test_station(folder)
    try:
        add_account(station, "zhang", StaffRole.COORDINATOR)
        register(station, intake_form(1))
        info = backups.back_up(station)
        zhang = next(row.id for row in accounts.list_accounts(station) if row.login == "zhang")
        accounts.set_disabled(station, zhang, True)
        add_account(station, "li", StaffRole.MEDIATOR, password="li-password-1")
        accounts.change_password(station, ADMINISTRATOR.password, "Qm7-river-lamp-22")
        backups.restore(station, info.name)
    finally:
        station.close()
    for _ in range(2):  # and after the first sign-in has written this laptop's slots from the restored accounts
        with pytest.raises(accounts.SignInRefused, match="disabled"):
            accounts.sign_in(folder, "zhang", OTHER_PASSWORD)
        with pytest.raises(accounts.SignInRefused, match="wrong"):
            accounts.sign_in(folder, "admin", ADMINISTRATOR.password)
        accounts.sign_in(folder, "li", "li-password-1").close()
        station = accounts.sign_in(folder, "admin", "Qm7-river-lamp-22")
        try:
            assert case_count(station) == 1
        finally:
            station.close()


def test_an_old_password_or_a_disabled_account_opens_no_backup_left_on_this_computer(tmp_path: Path) -> None:
    """The database key never changes; a backup kept the slots of its day, so a password leaked and changed since,
    or a coordinator disabled since, opened the backup and with it today's database (a thief showed it). The
    backups this computer reaches lose those slots; the others stay as the backup had them, so that the backup,
    restored on a new computer, signs in as it did. Another computer's backups beside them keep theirs."""
    folder = tmp_path / "data"
    station = open_test_station(folder)
    try:
        add_account(station, "zhang", StaffRole.COORDINATOR)
        add_account(station, "li", StaffRole.MEDIATOR, password="li-password-1")
        made = backups.back_up(station)
        backup_folder = backups.state(station).folder
        (backup_folder / "2026-01-01_000000").mkdir()
        (backup_folder / "2026-01-01_000000" / backups.MANIFEST).write_text(
            json.dumps({"made_at": "2026-01-01T00:00:00+08:00", "station": "another computer's"})
        )
        (backup_folder / "2026-01-01_000000" / "keyslots.json").write_text("their slots")
        zhang = next(row.id for row in accounts.list_accounts(station) if row.login == "zhang")
        accounts.set_disabled(station, zhang, True)
        accounts.change_password(station, ADMINISTRATOR.password, "Qm7-river-lamp-22")
    finally:
        station.close()

    backup = backup_folder / made.name
    assert [slot.login for slot in keyslots.load(backup).accounts] == ["li"]
    for login, password in (("admin", ADMINISTRATOR.password), ("zhang", OTHER_PASSWORD)):
        with pytest.raises(accounts.SignInRefused):  # the backup's slots as a thief would use them
            accounts.sign_in(backup, login, password)
    assert (backup_folder / "2026-01-01_000000" / "keyslots.json").read_text() == "their slots"
    # The laptop lost: its backup on a new computer signs in with a password of its day that still stands.
    backups.restore_on_new_computer(tmp_path / "new", backup)
    for _ in range(2):  # and again, after the first sign-in wrote the slots from the backup's accounts
        accounts.sign_in(tmp_path / "new", "li", "li-password-1").close()


def test_a_new_computer_takes_a_backup_as_its_records_but_a_computer_with_records_refuses(tmp_path: Path) -> None:
    old = open_test_station(tmp_path / "lost")
    try:
        register(old, intake_form(1))
        attachments.attach(old, register(old, intake_form(1, employer_serial=2)), AttachmentKind.SCAN, "欠条.pdf", SCAN)
        made = backups.back_up(old)
    finally:
        old.close()
    backup = tmp_path / "lost" / "backups" / made.name
    half_copied = tmp_path / "U盘" / made.name
    half_copied.mkdir(parents=True)
    (half_copied / "backup.json").write_bytes((backup / "backup.json").read_bytes())
    with pytest.raises(BackupFailed, match=f"incomplete: {DATABASE_FILE}"):
        backups.restore_on_new_computer(tmp_path / "new", half_copied)
    assert not (tmp_path / "new" / DATABASE_FILE).exists()
    assert backups.backup_in(backup).station == "菏谐驿站"
    with pytest.raises(BackupFailed, match="already holds"):
        backups.restore_on_new_computer(tmp_path / "lost", backup)
    assert backups.restore_on_new_computer(tmp_path / "new", backup) == made.name
    new = accounts.sign_in(tmp_path / "new", ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(new) == 2
        [scan] = [
            a for case in case_queries.list_cases(new, CaseFilter()) for a in attachments.case_attachments(new, case.id)
        ]
        assert attachments.read(new, scan.id) == SCAN
    finally:
        new.close()


def test_two_laptops_backing_up_to_one_usb_stick_keep_each_their_own(tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    front, court = open_test_station(tmp_path / "front"), open_test_station(tmp_path / "court")
    try:
        for laptop, serial in ((front, 1), (court, 2)):
            backups.set_folder(laptop, stick)
            attachments.attach(laptop, register(laptop, intake_form(1, employer_serial=serial)), AttachmentKind.SCAN,
                               "欠条.pdf", SCAN + bytes([serial]))  # fmt: skip
        now = chinatime.now()
        made = backups.back_up(front, now=now - timedelta(minutes=5))
        theirs = backups.back_up(court, now=now)
        same_second = backups.back_up(court, now=now - timedelta(minutes=5))  # the same name as the front desk's
        assert [info.name for info in backups.list_backups(front)] == [made.name]
        assert {info.name for info in backups.list_backups(court)} == {theirs.name, same_second.name}
        assert same_second.name != made.name
        assert len(list((stick / "attachments").glob("??/??/*"))) == 2  # each laptop's scan, kept for its backup
    finally:
        front.close(), court.close()
    (tmp_path / "front" / DATABASE_FILE).write_bytes(b"damaged")
    restored, _ = backups.restore_latest(tmp_path / "front", ADMINISTRATOR.login, ADMINISTRATOR.password, stick)
    assert restored == made.name


def test_a_backup_made_while_the_clock_was_a_year_ahead_is_not_taken_for_the_latest(tmp_path: Path) -> None:
    """A flat clock battery: the backup dated next year must not win over those made since (nor stop the daily one)."""
    station = open_test_station(tmp_path / "data")
    try:
        register(station, intake_form(1, employer_serial=1))
        ahead = backups.back_up(station, now=chinatime.now() + timedelta(days=365))
        assert backups.back_up_if_due(station) is not None, "the daily backup is due, not a year away"
        for serial in range(2, 6):
            register(station, intake_form(1, employer_serial=serial))
        latest = backups.back_up(station)
        listed = [info.name for info in backups.list_backups(station)]
        assert listed[0] == latest.name
        assert ahead.name in listed
    finally:
        station.close()
    (tmp_path / "data" / DATABASE_FILE).write_bytes(b"damaged")
    restored, _ = backups.restore_latest(tmp_path / "data", ADMINISTRATOR.login, ADMINISTRATOR.password)
    assert restored == latest.name
    station = open_test_station(tmp_path / "data")
    try:
        assert case_count(station) == 5
    finally:
        station.close()


def test_a_damaged_backup_or_another_stations_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    other = open_test_station(tmp_path / "other")
    try:
        register(station, intake_form(1))
        damaged = backups.back_up(station)
        copy = backups.state(station).folder / damaged.name / DATABASE_FILE
        data = bytearray(copy.read_bytes())
        data[len(data) // 2] ^= 0xFF
        copy.write_bytes(bytes(data))
        foreign = backups.back_up(other)
        foreign_folder = backups.state(other).folder / foreign.name
        foreign_folder.rename(backups.state(station).folder / "2020-01-01_000000")
        register(station, intake_form(1, employer_serial=5))
        for name in (damaged.name, "2020-01-01_000000", "no-such-backup", "../data"):
            with pytest.raises(BackupFailed):
                backups.restore(station, name)
        assert case_count(station) == 2
        assert not list(station.data_dir.glob("before-restore-*"))
    finally:
        station.close()
        other.close()


def test_a_backup_whose_audit_trail_was_altered_is_not_restored(station: StationContext) -> None:
    audit.searched(station, "一")
    info = backups.back_up(station)
    copy = backups.state(station).folder / info.name / DATABASE_FILE
    altered = Database(copy, station.database.key)
    with altered.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        connection.exec_driver_sql("UPDATE audit_entry SET subject = '二' WHERE action = 'searched'")
    altered.close()
    with pytest.raises(BackupFailed, match="audit trail"):
        backups.restore(station, info.name)


def test_old_backups_are_thinned_and_their_files_go_with_them(station: StationContext) -> None:
    backups.set_retention(station, Retention(daily=2, weekly=1, monthly=1))
    start = datetime(2026, 9, 1, 2, tzinfo=UTC)
    case_id = register(station, intake_form(1))
    attachments.attach(station, case_id, AttachmentKind.SCAN, "扫描.pdf", SCAN)
    backups.back_up(station, now=start)
    store = backups.state(station).folder / "attachments"
    orphan = store / "ab" / "cd" / ("abcd" + "0" * 60)  # a file no backup names any more
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"old")
    for day in range(1, 40):
        backups.back_up(station, now=start + timedelta(days=day))
    names = [row.name for row in backups.list_backups(station)]
    assert names == ["2026-10-10_100000", "2026-10-09_100000"]
    assert not orphan.exists()
    assert len([path for path in store.rglob("*") if path.is_file()]) == 1  # the scan, named by both


def test_retention_keeps_the_newest_of_each_day_week_and_month() -> None:
    times = [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=6 * step) for step in range(4 * 365)]
    keep = kept(times, Retention())
    assert max(times) in keep
    assert len(keep) <= 7 + 4 + 12
    days = {chinatime.local_date(moment) for moment in keep}
    assert len(days) == len(keep)  # never two of one (China) day


def test_the_automatic_backup_runs_daily_and_at_closing_after_a_change(station: StationContext) -> None:
    assert backups.back_up_if_due(station) is not None  # never backed up: due
    assert backups.back_up_if_due(station) is None
    assert backups.back_up_if_due(station, closing=True) is None  # nothing changed
    register(station, intake_form(1))
    assert backups.back_up_if_due(station, closing=True) is not None


def test_an_automatic_backup_to_a_missing_usb_stick_is_kept_for_the_administrator(
    station: StationContext, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    backups.set_folder(station, stick)
    stick.rmdir()
    stick.write_bytes(b"")  # the stick is gone; something else has the name
    assert backups.back_up_if_due(station) is None
    assert backups.state(station).failed_at is not None
    with pytest.raises(BackupFailed, match="could not be written"):
        backups.back_up(station)


KILLED_BACKUP = """
import sys
from pathlib import Path
from heze_station.services import backups
from tests.stations import ADMINISTRATOR, OTHER_PASSWORD, add_account, open_test_station
station = open_test_station(Path(sys.argv[1]))
print("open", flush=True)
while True:
    backups.back_up(station)
"""


def test_a_backup_killed_halfway_leaves_whole_backups_and_a_whole_station(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    station = open_test_station(folder)
    for serial in range(30):
        register(station, intake_form(3, employer_serial=serial))
    key = station.database.key
    backup_folder = backups.state(station).folder
    station.close()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_BACKUP, str(folder)], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    assert process.stdout.readline().strip() == "open"
    deadline = time.monotonic() + 60
    while not list(backup_folder.glob(".*.partial")) and time.monotonic() < deadline:
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait()
    for path in backup_folder.iterdir():
        if path.is_dir() and path.name[0].isdigit():
            assert is_whole(path / DATABASE_FILE, key), path.name
    station = open_test_station(folder)
    try:
        assert case_count(station) == 30
        backups.back_up(station)
        assert not list(backup_folder.glob(".*.partial"))  # the next backup clears what the killed one left
        with station.database.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Case)) == 30
    finally:
        station.close()
