"""Attachments (F11): chunked, resumable upload verified by SHA-256; nothing is ever overwritten."""

import hashlib
import os

from .conftest import Server

CHUNK = 64 * 1024


def announce(device, data: bytes, media_type: str = "application/pdf"):
    return device.http.post(
        "/v1/attachments",
        json={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "media_type": media_type},
    )


def send(device, sha256: str, data: bytes, offset: int):
    return device.http.put(
        f"/v1/attachments/{sha256}/content",
        params={"offset": offset},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def upload_from(device, data: bytes, offset: int, stop_at: int | None = None) -> dict:
    sha256 = hashlib.sha256(data).hexdigest()
    status = {}
    while offset < (stop_at or len(data)):
        answer = send(device, sha256, data[offset : offset + CHUNK], offset)
        assert answer.status_code == 200, answer.text
        status = answer.json()
        offset = status["received"]
    return status


def test_an_upload_cut_at_60_percent_resumes_where_it_stopped_and_downloads_intact(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    scan = os.urandom(10 * CHUNK + 123)
    sha256 = hashlib.sha256(scan).hexdigest()
    assert announce(device, scan).json()["received"] == 0

    upload_from(device, scan, 0, stop_at=6 * CHUNK)  # the laptop's connection dies here
    status = announce(device, scan).json()  # later: ask how far it got
    assert (status["received"], status["complete"]) == (6 * CHUNK, False)
    status = upload_from(device, scan, status["received"])

    assert status["complete"]
    whole = device.http.get(f"/v1/attachments/{sha256}/content")
    assert whole.content == scan
    tail = device.http.get(f"/v1/attachments/{sha256}/content", headers={"Range": f"bytes={len(scan) - 1000}-"})
    assert tail.status_code == 206
    assert tail.content == scan[-1000:]
    assert tail.headers["Content-Range"] == f"bytes {len(scan) - 1000}-{len(scan) - 1}/{len(scan)}"


def test_a_chunk_at_the_wrong_offset_is_refused_with_the_offset_to_use(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    data = os.urandom(3 * CHUNK)
    sha256 = hashlib.sha256(data).hexdigest()
    announce(device, data)
    upload_from(device, data, 0, stop_at=CHUNK)

    answer = send(device, sha256, data[2 * CHUNK :], 2 * CHUNK)

    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "offset_mismatch"
    assert answer.json()["error"]["details"] == {"received": CHUNK}


def test_bytes_that_do_not_match_their_hash_are_discarded(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    claimed = os.urandom(2 * CHUNK)
    other = os.urandom(2 * CHUNK)
    sha256 = hashlib.sha256(claimed).hexdigest()
    announce(device, claimed)

    send(device, sha256, other[:CHUNK], 0)
    answer = send(device, sha256, other[CHUNK:], CHUNK)

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "hash_mismatch"
    status = device.http.get(f"/v1/attachments/{sha256}").json()
    assert (status["received"], status["complete"]) == (0, False)
    assert device.http.get(f"/v1/attachments/{sha256}/content").status_code == 409
    assert upload_from(device, claimed, 0)["complete"]  # the right bytes still go through afterwards


def test_a_complete_attachment_is_never_overwritten(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    original = os.urandom(CHUNK)
    sha256 = hashlib.sha256(original).hexdigest()
    announce(device, original)
    upload_from(device, original, 0)

    again = send(device, sha256, os.urandom(CHUNK), 0)
    wrong_size = device.http.post(
        "/v1/attachments", json={"sha256": sha256, "size": 5, "media_type": "application/pdf"}
    )

    assert again.status_code == 200
    assert again.json()["complete"]
    assert wrong_size.status_code == 409
    assert wrong_size.json()["error"]["code"] == "size_mismatch"
    assert device.http.get(f"/v1/attachments/{sha256}/content").content == original


def test_an_attachment_over_the_size_limit_is_refused(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    answer = device.http.post(
        "/v1/attachments",
        json={"sha256": "0" * 64, "size": server.settings.max_attachment_bytes + 1, "media_type": "image/png"},
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "attachment_too_large"
    assert device.http.get(f"/v1/attachments/{'0' * 64}").status_code == 404


def test_another_station_cannot_read_or_extend_an_upload(server: Server) -> None:
    owner = server.device(server.create_station("城区驿站"))
    stranger = server.device(server.create_station("开发区驿站"))
    data = os.urandom(2 * CHUNK)
    sha256 = hashlib.sha256(data).hexdigest()
    announce(owner, data)
    upload_from(owner, data, 0, stop_at=CHUNK)

    assert stranger.http.get(f"/v1/attachments/{sha256}").status_code == 404
    assert send(stranger, sha256, data[CHUNK:], CHUNK).status_code == 404
    upload_from(owner, data, CHUNK)
    assert stranger.http.get(f"/v1/attachments/{sha256}/content").status_code == 404


def test_a_second_station_with_the_same_file_proves_it_by_uploading_and_then_reads_the_kept_copy(
    server: Server,
) -> None:
    first = server.device(server.create_station("城区驿站"))
    second = server.device(server.create_station("开发区驿站"))
    data = os.urandom(2 * CHUNK)
    sha256 = hashlib.sha256(data).hexdigest()
    announce(first, data)
    upload_from(first, data, 0)

    status = announce(second, data).json()
    assert (status["received"], status["complete"]) == (0, False)  # knowing the hash is not enough
    assert second.http.get(f"/v1/attachments/{sha256}/content").status_code == 409
    upload_from(second, data, 0)

    assert second.http.get(f"/v1/attachments/{sha256}/content").content == data
