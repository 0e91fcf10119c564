"""文书 › 核验文书 on a station that joined the city: another station's certified document is confirmed, a document
signed by a key the city never certified is refused, each with its reason."""

from pathlib import Path

from heze_station.documents import issuing, signing
from heze_station.server import ca
from heze_station.services import trust
from heze_station.storage import replica
from heze_station.ui.main_window import MainWindow
from tests import samples
from tests.documents.test_city_verify import authority_in, enrolled
from tests.ui.conftest import wait_idle


def joined_city(workspace, folder: Path) -> ca.CityCa:
    """The station as a sync leaves it once the city's root arrived."""
    authority = authority_in(folder)
    with workspace.context.database.transaction() as session:
        replica.keep_city_root(session, ca.fingerprint(authority.certificate), authority.root_pem)
    trust.write_file(workspace.context)
    return authority


def verdict_on(qtbot, workspace, path: Path):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.verify_document(path)
    wait_idle(qtbot, workspace)
    return window.verdict_dialog


def test_another_stations_document_is_confirmed(qtbot, workspace, tmp_path: Path) -> None:
    authority = joined_city(workspace, tmp_path / "ca")
    path = tmp_path / "郓城县驿站的受理通知书.pdf"
    path.write_bytes(enrolled(tmp_path / "郓城", authority, "郓城县菏谐驿站").issue().pdf)

    verdict = verdict_on(qtbot, workspace, path)

    assert [label.text() for label in verdict.outcomes] == ["passed"] * 3
    assert verdict.details[0].text() == "Digitally signed by 郓城县菏谐驿站; the signature is intact."
    assert verdict.conclusion.text().startswith("Genuine")


def test_a_document_signed_by_an_uncertified_key_is_refused(qtbot, workspace, tmp_path: Path) -> None:
    joined_city(workspace, tmp_path / "ca")
    path = tmp_path / "forged.pdf"
    path.write_bytes(
        signing.station_key(tmp_path / "stranger", "城区驿站").sign(issuing.build_unsigned(samples.acceptance()))
    )

    verdict = verdict_on(qtbot, workspace, path)

    assert [label.text() for label in verdict.outcomes] == ["FAILED"] * 3
    assert "its signer is unknown" in verdict.details[0].text()
    assert verdict.conclusion.text().startswith("Not confirmed")
