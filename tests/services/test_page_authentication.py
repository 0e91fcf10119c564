"""Every page of a station's file is authenticated with an HMAC: a new file gets the one this machine computes
faster (SHA-256 with the processor's SHA instructions, SHA-512 without), a file keeps the one it was written with.
Files and backups of earlier versions (SHA-512) open with all their records; a key that opens neither changes
nothing; a plain file is encrypted only when no other window has it open."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import func, select

from heze_station.paths import DATABASE_FILE
from heze_station.services import accounts, backups, case_queries
from heze_station.services.case_queries import CaseFilter
from heze_station.services.health import start_check
from heze_station.services.station import StationContext
from heze_station.storage import database, settings
from heze_station.storage.database import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseUnusable,
    fastest_hmac,
    is_plain,
    open_database,
)
from heze_station.storage.models import Case
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR, database_key, open_test_station, plain_station, set_up

SHA256 = "HMAC_SHA256"
SHA512 = "HMAC_SHA512"  # SQLCipher's default, which every earlier version wrote
MASK_SHA_INSTRUCTIONS = ":~0x20000000"  # OPENSSL_ia32cap: OpenSSL ignores the processor's SHA extensions


def format_of(path: Path, key: bytes) -> str | None:
    """The HMAC with which ``key`` opens the file at ``path`` (None: neither)."""
    for hmac in (SHA256, SHA512):
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
    """Rewrite the encrypted file at ``path`` as the earlier versions wrote every file: HMAC-SHA512, in WAL mode."""
    old = path.with_name("old.sqlite3")
    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute(f"PRAGMA cipher_hmac_algorithm = {format_of(path, key)}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("ATTACH DATABASE ? AS old KEY ?", (str(old), f"x'{key.hex()}'"))
        connection.execute(f"PRAGMA old.cipher_hmac_algorithm = {SHA512}")
        connection.execute("SELECT sqlcipher_export('old')")
        connection.execute("DETACH DATABASE old")
    finally:
        connection.close()
    os.replace(old, path)
    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute(f"PRAGMA cipher_hmac_algorithm = {SHA512}")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    assert format_of(path, key) == SHA512


def case_count(context: StationContext) -> int:
    return case_queries.count_cases(context, CaseFilter())


def fastest_in_a_new_process(**environment: str) -> str:
    code = "from heze_station.storage.database import fastest_hmac; print(fastest_hmac())"
    result = subprocess.run(
        [sys.executable, "-c", code], env=os.environ | environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="the processor's flags are read from Linux's /proc")
def test_a_new_file_gets_the_hmac_the_processor_computes_faster(tmp_path: Path) -> None:
    with_sha_instructions = " sha_ni" in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    assert fastest_in_a_new_process() == (SHA256 if with_sha_instructions else SHA512)
    assert fastest_in_a_new_process(OPENSSL_ia32cap=MASK_SHA_INSTRUCTIONS) == SHA512

    folder = tmp_path / "data"
    open_test_station(folder).close()
    assert format_of(folder / DATABASE_FILE, database_key(folder)) == fastest_hmac()


SIGN_IN_AND_COUNT = """
import sys
from pathlib import Path
from heze_station.services import accounts, case_queries
from heze_station.services.case_queries import CaseFilter
from heze_station.storage.database import fastest_hmac
context = accounts.sign_in(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
print(fastest_hmac(), case_queries.count_cases(context, CaseFilter()))
context.close()
"""


def test_a_station_opens_on_a_laptop_that_would_have_chosen_the_other_hmac(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    station = open_test_station(folder)
    register(station, intake_form(1))
    station.close()
    written_with = format_of(folder / DATABASE_FILE, database_key(folder))

    # An older laptop (no SHA instructions) given this station, as a restore from a newer one's backup would.
    opened = subprocess.run(
        [sys.executable, "-c", SIGN_IN_AND_COUNT, str(folder), ADMINISTRATOR.login, ADMINISTRATOR.password],
        env=os.environ | {"OPENSSL_ia32cap": MASK_SHA_INSTRUCTIONS},
        capture_output=True,
        text=True,
        check=True,
    )

    assert opened.stdout.split() == [SHA512, "1"]  # it would write SHA-512 files, and reads this one's case
    assert format_of(folder / DATABASE_FILE, database_key(folder)) == written_with


def test_a_station_written_by_an_earlier_version_opens_with_its_records_and_keeps_its_format(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = folder / DATABASE_FILE
    station = open_test_station(folder)
    register(station, intake_form(2))
    station.close()
    key = database_key(folder)
    as_an_earlier_version_wrote_it(path, key)

    station = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(station) == 1
        register(station, intake_form(1, employer_serial=2))
        with station.database.replica_transaction() as session:  # the connections that store a pull's rows
            assert session.scalar(select(func.count()).select_from(Case)) == 2
        health = start_check(station)
        assert (health.checked, health.damaged) == (True, False)
    finally:
        station.close()

    assert format_of(path, key) == SHA512
    station = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    try:
        assert case_count(station) == 2
    finally:
        station.close()


def test_a_backup_made_by_an_earlier_version_is_restored(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        register(station, intake_form(1, employer_serial=1))
        info = backups.back_up(station)
        copy = backups.state(station).folder / info.name / DATABASE_FILE
        assert format_of(copy, station.database.key) == fastest_hmac()  # a backup is written as a new file is
        as_an_earlier_version_wrote_it(copy, station.database.key)
        register(station, intake_form(1, employer_serial=2))

        assert [row.name for row in backups.list_backups(station)] == [info.name]
        backups.restore(station, info.name)

        assert case_count(station) == 1
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


def test_a_plain_station_another_window_has_open_is_not_encrypted_until_it_closes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    plain_station(folder)
    path = folder / DATABASE_FILE
    other_window = sqlcipher.connect(str(path), isolation_level=None)
    other_window.execute("SELECT count(*) FROM station").fetchone()

    with pytest.raises(DatabaseInUse, match="another window") as refused:
        set_up(folder)
    assert is_plain(path)
    assert not backups.restorable(refused.value)  # no backup is offered in place of a whole file
    other_window.execute("INSERT INTO setting (key, value) VALUES ('typed in the other window', '1')")
    other_window.close()

    context = set_up(folder).context
    try:
        assert not is_plain(path)
        with context.database.transaction() as session:
            assert settings.get(session, "typed in the other window") == "1"  # nothing it wrote was lost
    finally:
        context.close()


def test_an_encrypted_copy_that_fails_its_check_is_removed_and_the_plain_file_kept(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "data"
    plain_station(folder)
    path = folder / DATABASE_FILE
    # A copy the disk wrote wrongly cannot be made here on purpose: its check is made to fail instead.
    monkeypatch.setattr(database, "_whole", lambda _connection: False)

    with pytest.raises(DatabaseUnusable, match="could not be encrypted") as refused:
        set_up(folder)
    assert not backups.restorable(refused.value)
    assert is_plain(path)
    assert sorted(entry.name for entry in folder.iterdir() if "sqlite3" in entry.name) == [DATABASE_FILE]


def test_a_connection_opened_while_a_backup_is_put_in_place_does_not_outlive_it(tmp_path, monkeypatch) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        register(station, intake_form(1, employer_serial=1))
        info = backups.back_up(station)
        as_an_earlier_version_wrote_it(backups.state(station).folder / info.name / DATABASE_FILE, station.database.key)
        register(station, intake_form(1, employer_serial=2))
        replace = os.replace

        def replace_while_a_timer_reads(source, target) -> None:
            if Path(target) == station.database.path:  # the backup about to take the file's place
                case_count(station)  # a connection opened now holds the file it replaces, and that file's HMAC
            replace(source, target)

        monkeypatch.setattr(os, "replace", replace_while_a_timer_reads)
        backups.restore(station, info.name)
        monkeypatch.undo()

        assert case_count(station) == 1  # the backup's case, read from the backup
    finally:
        station.close()
