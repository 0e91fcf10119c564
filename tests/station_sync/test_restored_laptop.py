"""A laptop whose data file no longer opens: its administrator puts the latest backup in its place, and the next
sync brings back what the laptop had sent after that backup, while what is typed after the restore reaches the city
once, under fresh sequence numbers."""

from pathlib import Path

import pytest

from heze_station.domain.accounts import StaffRole
from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts, backups, sync
from heze_station.services.backups import BackupFailed
from heze_station.storage.database import DatabaseDamaged
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR, add_account

from .conftest import Laptops
from .helpers import cases


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
