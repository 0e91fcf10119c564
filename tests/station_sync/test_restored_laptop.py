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
