"""verify: a verdict in three parts for any bytes at all, in-process and through ``heze-station verify``."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from heze_station import cli
from heze_station.documents import issuing, signing, verify
from tests import samples

COMMAND = Path(sys.executable).parent / "heze-station"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("station-data")


@pytest.fixture(scope="module")
def document(data_dir: Path) -> issuing.IssuedDocument:
    key = signing.station_key(data_dir, samples.STATION_NAME)
    return issuing.issue(samples.walk_in_agreement(), key, uuid.uuid4())


@pytest.fixture(scope="module")
def trusted(data_dir: Path, document: issuing.IssuedDocument) -> verify.Trust:
    return verify.Trust(own=signing.station_key(data_dir, samples.STATION_NAME).certificate)


def verdict_for(pdf: bytes, document: issuing.IssuedDocument, trusted: verify.Trust) -> verify.Verdict:
    return verify.verify(pdf, {document.document_id: document.pdf_sha256}.get, trusted)


def flipped(pdf: bytes, position: int) -> bytes:
    changed = bytearray(pdf)
    changed[position] ^= 0x01
    return bytes(changed)


def test_a_genuine_document_passes_all_three(document: issuing.IssuedDocument, trusted: verify.Trust) -> None:
    verdict = verdict_for(document.pdf, document, trusted)
    assert verdict.genuine
    assert verdict.document_id == document.document_id
    assert [check.passed for check in verdict.checks] == [True, True, True]


@pytest.mark.parametrize("where", [0.1, 0.33, 0.5, 0.9, 0.999])
def test_one_flipped_byte_anywhere_is_caught(
    document: issuing.IssuedDocument, trusted: verify.Trust, where: float
) -> None:
    verdict = verdict_for(flipped(document.pdf, int(len(document.pdf) * where)), document, trusted)
    assert not verdict.genuine
    assert not verdict.unchanged.passed
    assert verdict.unchanged.message.render() == "The file differs from the document the station issued."


def test_a_flipped_byte_in_the_signed_content_breaks_the_signature(
    document: issuing.IssuedDocument, trusted: verify.Trust
) -> None:
    verdict = verdict_for(flipped(document.pdf, len(document.pdf) // 3), document, trusted)
    assert not verdict.signature.passed
    assert "altered after signing" in verdict.signature.message.render()
    assert verdict.known.passed  # the id is still readable: the station knows which document was tampered with


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_file(document: issuing.IssuedDocument, trusted: verify.Trust, keep: float) -> None:
    verdict = verdict_for(document.pdf[: int(len(document.pdf) * keep)], document, trusted)
    assert not verdict.signature.passed
    assert not verdict.unchanged.passed
    assert not verdict.genuine


@pytest.mark.parametrize("data", [b"", b"hello", os.urandom(4096), "调解协议书".encode()])
def test_not_a_pdf(data: bytes, document: issuing.IssuedDocument, trusted: verify.Trust) -> None:
    verdict = verdict_for(data, document, trusted)
    assert not any(check.passed for check in verdict.checks)
    assert verdict.signature.message.render() == "This file is not a PDF document."


def test_unsigned_pdf(document: issuing.IssuedDocument, trusted: verify.Trust) -> None:
    verdict = verdict_for(issuing.build_unsigned(samples.walk_in_agreement()), document, trusted)
    assert verdict.signature.message.render() == "The file carries no digital signature."


def test_a_pdf_from_another_station(tmp_path: Path, document: issuing.IssuedDocument, trusted: verify.Trust) -> None:
    other = signing.station_key(tmp_path, "郓城县菏谐驿站")
    foreign = dataclasses_replace_id(samples.acceptance())
    verdict = verdict_for(other.sign(issuing.build_unsigned(foreign)), document, trusted)
    assert [check.passed for check in verdict.checks] == [False, False, False]
    assert "its signer is unknown" in verdict.signature.message.render()
    assert "not in this station's records" in verdict.known.message.render()


def test_something_appended_after_signing(document: issuing.IssuedDocument, trusted: verify.Trust) -> None:
    verdict = verdict_for(document.pdf + b"\n% a note\n", document, trusted)
    assert verdict.signature.message.render() == "Something was added to the file after it was signed."


def dataclasses_replace_id(content):
    import dataclasses

    return dataclasses.replace(content, header=dataclasses.replace(content.header, document_id=uuid.uuid4()))


# --- heze-station verify ------------------------------------------------------------------------------------


def run_verify(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    return subprocess.run(
        [str(COMMAND), "verify", *arguments], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


def test_command_reports_a_tampered_file_in_chinese(
    tmp_path: Path, data_dir: Path, document: issuing.IssuedDocument
) -> None:
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(flipped(document.pdf, len(document.pdf) // 3))
    result = run_verify(str(tampered), "--data-dir", str(data_dir))
    assert result.returncode == cli.VERIFY_NOT_CONFIRMED
    assert "Traceback" not in result.stderr + result.stdout
    assert "数字签名有效：未通过" in result.stdout
    assert "未能确认" in result.stdout


@pytest.mark.parametrize("content", [b"not a pdf", b"%PDF-1.4\n1 0 obj\n<<"])
def test_command_gives_a_verdict_for_garbage(tmp_path: Path, data_dir: Path, content: bytes) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    result = run_verify("--lang", "en", str(path), "--data-dir", str(data_dir))
    assert result.returncode == cli.VERIFY_NOT_CONFIRMED
    assert result.stderr == ""
    assert "Signature valid: FAILED." in result.stdout


def test_command_says_when_the_file_cannot_be_read(tmp_path: Path) -> None:
    result = run_verify(str(tmp_path / "missing.pdf"))
    assert result.returncode == cli.VERIFY_UNREADABLE
    assert "Traceback" not in result.stderr
    assert "missing.pdf" in result.stderr
