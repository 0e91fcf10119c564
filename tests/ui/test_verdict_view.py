"""The verify dialog shows each check as the person needs it: which passed, which failed, and why."""

import uuid

from heze_station.documents import issuing, signing, verify
from heze_station.ui.widgets.verdict_view import VerdictDialog
from tests import samples


def test_a_tampered_document_shows_which_checks_failed(qtbot, tmp_path) -> None:
    key = signing.station_key(tmp_path, samples.STATION_NAME)
    document = issuing.issue(samples.acceptance(), key, uuid.uuid4())
    tampered = bytearray(document.pdf)
    tampered[len(tampered) // 3] ^= 0x01
    verdict = verify.verify(
        bytes(tampered), {document.document_id: document.pdf_sha256}.get, verify.Trust(own=key.certificate)
    )
    dialog = VerdictDialog("受理通知书.pdf", verdict)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [label.text() for label in dialog.outcomes] == ["FAILED", "passed", "FAILED"]
    assert "altered after signing" in dialog.details[0].text()
    assert dialog.details[2].text() == "The file differs from the document the station issued."
    assert dialog.conclusion.text().startswith("Not confirmed")


def test_a_genuine_document_is_confirmed(qtbot, tmp_path) -> None:
    key = signing.station_key(tmp_path, samples.STATION_NAME)
    document = issuing.issue(samples.acceptance(), key, uuid.uuid4())
    verdict = verify.verify(
        document.pdf, {document.document_id: document.pdf_sha256}.get, verify.Trust(own=key.certificate)
    )
    dialog = VerdictDialog("受理通知书.pdf", verdict)
    qtbot.addWidget(dialog)
    assert [label.text() for label in dialog.outcomes] == ["passed"] * 3
    assert dialog.conclusion.text().startswith("Genuine")
