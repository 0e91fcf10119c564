"""The station's key: made once, kept out of the database, readable by its owner only, and reused."""

import stat
import sys
import uuid
from pathlib import Path

import pytest

from heze_station.documents import issuing, signing
from heze_station.services.station import DATABASE_FILE
from tests import samples
from tests.stations import open_test_station


def test_the_key_is_made_on_first_use_and_reused(tmp_path: Path) -> None:
    first = signing.station_key(tmp_path, samples.STATION_NAME)
    key_bytes = first.key_path.read_bytes()
    second = signing.station_key(tmp_path, samples.STATION_NAME)
    assert second.key_path.read_bytes() == key_bytes
    assert second.certificate.dump() == first.certificate.dump()
    assert samples.STATION_NAME in str(first.certificate.subject.native)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_only_the_owner_can_read_the_key(tmp_path: Path) -> None:
    key = signing.station_key(tmp_path, samples.STATION_NAME)
    assert stat.S_IMODE(key.key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.folder.stat().st_mode) == 0o700


def test_a_lost_certificate_is_remade_for_the_same_key(tmp_path: Path) -> None:
    key = signing.station_key(tmp_path, samples.STATION_NAME)
    key_bytes = key.key_path.read_bytes()
    key.certificate_path.unlink()
    again = signing.station_key(tmp_path, samples.STATION_NAME)
    assert again.key_path.read_bytes() == key_bytes
    assert again.certificate_path.exists()


def test_verify_does_not_create_a_key(tmp_path: Path) -> None:
    assert signing.existing_certificate(tmp_path) is None
    assert not (tmp_path / signing.KEYS_FOLDER).exists()


def test_the_private_key_never_enters_the_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_test_station(data_dir).close()
    key = signing.station_key(data_dir, samples.STATION_NAME)
    issuing.issue(samples.acceptance(), key, uuid.uuid4())
    private = key.key_path.read_text().splitlines()[1]  # a line of the base64 key body
    assert private.encode() not in (data_dir / DATABASE_FILE).read_bytes()
    assert key.key_path.parent != data_dir
