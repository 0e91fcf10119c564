"""Print preview: the signed PDF shown with QtPdf, printed through the real QPrintDialog to a PDF file (the one
stand-in: no physical printer here), copies defaulting to the number of originals, and exported unchanged."""

import subprocess
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from heze_station.documents import issuing, signing
from heze_station.ui.widgets.print_preview import PrintPreview
from tests import samples


@pytest.fixture(scope="module")
def agreement(tmp_path_factory: pytest.TempPathFactory) -> issuing.IssuedDocument:
    key = signing.station_key(tmp_path_factory.mktemp("station"), samples.STATION_NAME)
    return issuing.issue(samples.walk_in_agreement(), key, uuid.uuid4())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def file_printer(path: Path):
    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


def answer_print_dialog(seen: dict, *, accept: bool) -> None:
    """Once the print dialog is up, note what it offers and press OK (or Cancel) as a person would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(10, answer)
            return
        seen["copies"] = dialog.printer().copyCount()
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)


def test_preview_shows_every_page(qtbot, tmp_path: Path, agreement: issuing.IssuedDocument) -> None:
    preview = PrintPreview(agreement.pdf, title="调解协议书", originals=agreement.originals)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    (tmp_path / "agreement.pdf").write_bytes(agreement.pdf)
    assert preview.page_count() == pdf_pages(tmp_path / "agreement.pdf") > 1
    assert str(preview.page_count()) in preview.pages_label.text()


def test_print_defaults_to_the_number_of_originals_and_prints_them(
    qtbot, tmp_path: Path, agreement: issuing.IssuedDocument
) -> None:
    output = tmp_path / "printed.pdf"
    preview = PrintPreview(agreement.pdf, title="调解协议书", originals=3, printer_factory=file_printer(output))
    qtbot.addWidget(preview)
    seen: dict = {}
    answer_print_dialog(seen, accept=True)
    with qtbot.waitSignal(preview.printed) as printed:
        assert preview.print_document()
    assert seen["copies"] == 3
    assert printed.args == [3]
    # A PDF "printer" cannot make copies itself, so each original is printed in full.
    assert pdf_pages(output) == 3 * preview.page_count()


def test_cancelled_print_prints_nothing(qtbot, tmp_path: Path, agreement: issuing.IssuedDocument) -> None:
    output = tmp_path / "printed.pdf"
    preview = PrintPreview(agreement.pdf, title="调解协议书", originals=3, printer_factory=file_printer(output))
    qtbot.addWidget(preview)
    answer_print_dialog({}, accept=False)
    with qtbot.assertNotEmitted(preview.printed):
        assert not preview.print_document()
    assert not output.exists()


def test_export_writes_the_signed_bytes_unchanged(qtbot, tmp_path: Path, agreement: issuing.IssuedDocument) -> None:
    preview = PrintPreview(agreement.pdf, title="调解协议书")
    qtbot.addWidget(preview)
    target = tmp_path / "协议书.pdf"
    with qtbot.waitSignal(preview.exported) as exported:
        preview.export_to(target)
    assert exported.args == [str(target)]
    assert target.read_bytes() == agreement.pdf
    result = subprocess.run(["pdfsig", str(target)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in result.stdout
