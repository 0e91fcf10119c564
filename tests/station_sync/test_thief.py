"""A stolen laptop: its data folder, after real use (a case with its workers, a scan, a signed document, a sync,
a search and a backup), gives nothing away without a password or the recovery key."""

import sqlite3
from pathlib import Path

import pytest

from heze_station.domain.mediation import AttachmentKind
from heze_station.services import accounts, attachments, audit, backups, document_index, documents, sync
from heze_station.storage import settings
from tests.factories import intake_form, register

from .conftest import Laptops

SCAN = "欠条：今欠钱多多工资叁仟捌佰元整，身份证号见背面。".encode() * 50


def every_file(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_a_used_data_folder_holds_nothing_personal_or_secret_in_clear(laptops: Laptops) -> None:
    station = laptops("前台")
    form = intake_form(3)
    form.workers[0].name = "钱多多"
    case_id = register(station, form)
    attachments.attach(station, case_id, AttachmentKind.SCAN, "欠条.jpg", SCAN)
    issued = documents.issue_document(station, case_id, documents.issuable(station, case_id)[0])
    assert sync.sync_now(station).pushed > 0
    audit.searched(station, form.workers[0].name)  # the search, in the audit trail
    backup = backups.back_up(station)
    with station.database.transaction() as session:
        secret = settings.get(session, sync.DEVICE_SECRET)
    assert secret
    folder = station.data_dir
    station.close()

    secrets = [secret, SCAN[:40], *(text for worker in form.workers for text in (worker.id_number, worker.phone))]
    names = [worker.name for worker in form.workers] + ["菏泽宏达建筑劳务有限公司1"]
    needles = [value.encode() if isinstance(value, str) else value for value in secrets]
    needles += [name.encode("utf-8") for name in names] + [name.encode("utf-16-le") for name in names]
    files = every_file(folder)
    # The database, the key slots, the scan, the signed document, the signing key; and their backup.
    assert len(files) >= 10
    assert any(path.parent.name == backup.name for path in files)
    found = {str(path.relative_to(folder)) for path in files for needle in needles if needle in path.read_bytes()}
    assert found == set()

    # Plain SQLite sees no database at all; the signing key needs a passphrase.
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(folder / "station.sqlite3").execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert b"ENCRYPTED PRIVATE KEY" in (folder / "keys" / "station-key.pem").read_bytes()
    # The document still verifies without signing in: its id and hash are all verify needs, and neither is personal.
    assert document_index.station_lookup(folder)(issued.id) is not None

    # With the password, everything is there.
    again = accounts.sign_in(folder, "admin", "test-password-1")
    try:
        assert attachments.read(again, attachments.case_attachments(again, case_id)[0].id) == SCAN
    finally:
        again.close()
