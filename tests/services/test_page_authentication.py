"""Every page of a station's file is authenticated with HMAC-SHA256 (faster to read here than SQLCipher's default
HMAC-SHA512). Files and backups written by earlier versions, in the old format, open with all their records and are
rewritten in the new one; a key that opens neither format changes nothing."""

import os
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts, backups, case_queries
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage import database, settings
from heze_station.storage.database import DatabaseDamaged, DatabaseInUse, DatabaseUnusable, open_database
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR, database_key, open_test_station, station_file

NEW = "HMAC_SHA256"
OLD = "HMAC_SHA512"


def format_of(path: Path, key: bytes) -> str | None:
    """The HMAC with which ``key`` opens the file at ``path`` (None: neither)."""
    for hmac in (NEW, OLD):
        connection = sqlcipher.connect(str(path))
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            connection.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return hmac
        except sqlcipher.DatabaseError:
            pass
        finally:
            connection.close()
    return None


def as_an_earlier_version_wrote_it(path: Path, key: bytes) -> None:
    """Rewrite the encrypted file at ``path`` with the old format's HMAC, as the earlier versions wrote every file."""
    old = path.with_name("old.sqlite3")
    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("ATTACH DATABASE ? AS old KEY ?", (str(old), f"x'{key.hex()}'"))
        connection.execute(f"PRAGMA old.cipher_hmac_algorithm = {OLD}")
        connection.execute("SELECT sqlcipher_export('old')")
        connection.execute("DETACH DATABASE old")
    finally:
        connection.close()
    os.replace(old, path)
    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute(f"PRAGMA cipher_hmac_algorithm = {OLD}")
        connection.execute("PRAGMA journal_mode = WAL")  # as the earlier versions kept it
    finally:
        connection.close()
    assert format_of(path, key) == OLD


def case_count(context: StationContext) -> int:
    return case_queries.count_cases(context, CaseFilter())


def test_a_station_written_by_an_earlier_version_opens_with_its_records_and_is_rewritten_once(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = folder / DATABASE_FILE
    station = open_test_station(folder)
    register(station, intake_form(2))
    station.close()
    key = database_key(folder)
    assert format_of(path, key) == NEW
    as_an_earlier_version_wrote_it(path, key)

    station = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(station) == 1
        register(station, intake_form(1, employer_serial=2))
    finally:
        station.close()

    assert format_of(path, key) == NEW
    assert sorted(entry.name for entry in folder.iterdir() if "sqlite3" in entry.name) == [DATABASE_FILE]
    station = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(station) == 2
    finally:
        station.close()


def test_a_backup_made_by_an_earlier_version_is_restored_in_the_new_format(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        register(station, intake_form(1, employer_serial=1))
        info = backups.back_up(station)
        copy = backups.state(station).folder / info.name / DATABASE_FILE
        assert format_of(copy, station.database.key) == NEW  # snapshots are written in the new format too
        as_an_earlier_version_wrote_it(copy, station.database.key)
        register(station, intake_form(1, employer_serial=2))

        assert [row.name for row in backups.list_backups(station)] == [info.name]
        backups.restore(station, info.name)

        assert case_count(station) == 1
        assert format_of(station.database.path, station.database.key) == NEW
    finally:
        station.close()


def test_a_file_of_an_earlier_version_that_the_key_does_not_open_is_refused_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_test_station(folder).close()
    path = folder / DATABASE_FILE
    as_an_earlier_version_wrote_it(path, database_key(folder))
    before = path.read_bytes()

    with pytest.raises(DatabaseDamaged, match="damaged"):
        open_database(path, b"\x01" * 32)

    assert path.read_bytes() == before
    assert sorted(entry.name for entry in folder.iterdir() if "sqlite3" in entry.name) == [DATABASE_FILE]


def an_earlier_versions_station(folder: Path) -> tuple[Path, bytes]:
    """A station of one case whose file an earlier version wrote: its path and key."""
    station = open_test_station(folder)
    register(station, intake_form(1))
    station.close()
    path = folder / DATABASE_FILE
    key = database_key(folder)
    as_an_earlier_version_wrote_it(path, key)
    return path, key


def opens_with_its_case_in_the_new_format(folder: Path) -> None:
    station = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(station) == 1
    finally:
        station.close()
    assert format_of(folder / DATABASE_FILE, database_key(folder)) == NEW


def test_a_file_another_window_has_open_is_not_rewritten_nor_called_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path, key = an_earlier_versions_station(folder)
    other_window = sqlcipher.connect(str(path), isolation_level=None)
    other_window.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    other_window.execute(f"PRAGMA cipher_hmac_algorithm = {OLD}")
    other_window.execute("SELECT count(*) FROM case_file").fetchone()

    with pytest.raises(DatabaseInUse, match="another window") as refused:
        open_database(path, key)
    assert not backups.restorable(refused.value)  # no backup is offered in place of a whole file
    other_window.execute("INSERT INTO setting (key, value) VALUES ('typed in the other window', '1')")
    other_window.close()

    opens_with_its_case_in_the_new_format(folder)
    with station_file(folder) as database, database.transaction() as session:
        assert settings.get(session, "typed in the other window") == "1"  # nothing it wrote meanwhile was lost


def test_a_rewrite_that_cannot_be_written_is_told_and_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path, key = an_earlier_versions_station(folder)
    in_the_way = path.with_name(path.name + ".encrypting")
    in_the_way.mkdir()  # where the rewritten copy goes: nothing can be written there

    with pytest.raises(DatabaseUnusable, match="could not be written") as refused:
        open_database(path, key)
    assert not backups.restorable(refused.value)
    assert format_of(path, key) == OLD

    in_the_way.rmdir()
    opens_with_its_case_in_the_new_format(folder)


def test_a_copy_that_fails_its_check_is_removed_and_the_file_kept(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "data"
    path, key = an_earlier_versions_station(folder)
    # A copy the disk wrote wrongly cannot be made here on purpose: its check is made to fail instead.
    monkeypatch.setattr(database, "_whole", lambda _connection: False)

    with pytest.raises(DatabaseUnusable, match="could not be written"):
        open_database(path, key)
    assert sorted(entry.name for entry in folder.iterdir() if "sqlite3" in entry.name) == [DATABASE_FILE]
    assert format_of(path, key) == OLD

    monkeypatch.undo()
    opens_with_its_case_in_the_new_format(folder)
