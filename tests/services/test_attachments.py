"""Attachments: bytes stored once by their hash beside the database, damaged or missing files reported plainly."""

import uuid

import pytest

from heze_station.domain.errors import DomainError, InvalidInput, NotFound
from heze_station.domain.mediation import AttachmentKind
from heze_station.services import attachments
from heze_station.services.station import StationContext
from heze_station.storage.blobs import sha256_hex
from tests.factories import intake_form, register

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    return register(station, intake_form(1))


def stored_files(station: StationContext) -> list:
    return [path for path in station.blobs.root.rglob("*") if path.is_file()]


def test_attachment_is_stored_once_by_hash_and_reads_back(station: StationContext, case_id) -> None:
    first = attachments.attach(station, case_id, AttachmentKind.PHOTO, "C:\\工地\\现场照片.jpg", PHOTO)
    again = attachments.attach(station, case_id, AttachmentKind.SCAN, "同一张.jpg", PHOTO)
    assert first.filename == "现场照片.jpg"  # the folder it came from is not kept
    assert first.media_type == "image/jpeg"
    assert [path.name for path in stored_files(station)] == [sha256_hex(PHOTO)]
    assert attachments.read(station, first.id) == attachments.read(station, again.id) == PHOTO


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "The file is empty."), (b"x" * (attachments.MAX_BYTES + 1), "larger than 20 MB")],
    ids=["empty", "too-large"],
)
def test_empty_or_huge_files_are_refused(station: StationContext, case_id, data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        attachments.attach(station, case_id, AttachmentKind.SCAN, "scan.pdf", data)
    assert stored_files(station) == []


def test_damaged_or_missing_bytes_are_reported_not_returned(station: StationContext, case_id) -> None:
    attached = attachments.attach(station, case_id, AttachmentKind.RECEIPT, "回单.png", PHOTO)
    (path,) = stored_files(station)
    path.write_bytes(PHOTO[:-1] + b"\x00")
    with pytest.raises(DomainError, match="damaged"):
        attachments.read(station, attached.id)
    path.unlink()
    with pytest.raises(NotFound, match="not on this computer"):
        attachments.read(station, attached.id)
