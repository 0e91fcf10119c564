"""Print preview: the signed PDF shown with QtPdf, printed through the real QPrintDialog to a PDF file (the
stand-ins: no physical printer here, so the printers installed are named), copies defaulting to the number of
originals, and exported unchanged; on a computer with no printer, 打印… says so and offers the PDF."""

import subprocess
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QFileDialog

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


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch):
    """The printers installed on this computer, as the system would list them."""

    def installed(names: list[str]) -> None:
        monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: names))

    return installed


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
    qtbot, tmp_path: Path, agreement: issuing.IssuedDocument, printers
) -> None:
    printers(["办公室打印机"])
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


def test_cancelled_print_prints_nothing(qtbot, tmp_path: Path, agreement: issuing.IssuedDocument, printers) -> None:
    printers(["办公室打印机"])
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


def test_without_a_printer_print_says_so_and_exports_the_pdf_named_after_the_document(
    qtbot, tmp_path: Path, agreement: issuing.IssuedDocument, printers
) -> None:
    printers([])  # what the offscreen platform here reports too; a station's laptop may have none installed
    preview = PrintPreview(agreement.pdf, title="调解协议书", originals=3)
    qtbot.addWidget(preview)
    preview.show()
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    box = preview.no_printer
    assert box is not None
    assert box.isVisible()
    assert "No printer is installed on this computer" in box.text()
    assert not isinstance(QApplication.activeModalWidget(), QPrintDialog)

    target = tmp_path / "协议书.pdf"
    offered: list[str] = []

    def save_as() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, save_as)
            return
        offered.append(dialog.selectedFiles()[0])
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, save_as)
    with qtbot.waitSignal(preview.exported) as exported:
        qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)
    assert Path(offered[0]).name == "调解协议书.pdf"
    assert exported.args == [str(target)]
    assert target.read_bytes() == agreement.pdf


def test_without_a_printer_an_account_that_may_not_export_is_told_whom_to_ask(
    qtbot, agreement: issuing.IssuedDocument, printers
) -> None:
    printers([])
    preview = PrintPreview(agreement.pdf, title="调解协议书", no_file="Only a mediator or the administrator…")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    box = preview.no_printer
    assert "Ask a mediator or the administrator" in box.text()
    assert [box.buttonRole(button) for button in box.buttons()] == [box.ButtonRole.RejectRole]  # Close alone
