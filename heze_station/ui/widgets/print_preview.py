"""Print preview of an issued document, printing through the system dialog, and exporting the PDF.

The preview shows the stored, signed PDF bytes with QtPdf; printing renders those same pages, so the paper is
what the preview shows. The print dialog's number of copies starts at the number of originals (an agreement is
made in three: one for each party and one for the file). On a computer with no printer installed, 打印… says so
and offers the PDF to print on another one. ``printed`` and ``exported`` tell the caller, which writes them to the
case timeline.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QStandardPaths, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Pages go to the printer as images at this resolution: sharp on paper, and an A4 page stays near 35 MB
# (a 1200 dpi "high resolution" printer would otherwise ask for over 500 MB a page).
PRINT_DPI = 300
POINTS_PER_INCH = 72


def _high_resolution_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


class PrintPreview(QDialog):
    printed = Signal(int)  # number of copies sent to the printer
    exported = Signal(str)  # path of the file written

    def __init__(
        self,
        pdf: bytes,
        *,
        title: str,
        originals: int = 1,
        printer_factory: Callable[[], QPrinter] = _high_resolution_printer,
        no_file: str = "",
        parent: QWidget | None = None,
    ):
        """``no_file``: why this account may not make a file of it: Export PDF is shown disabled with the reason,
        and the print dialog offers no printing to a file."""
        super().__init__(parent)
        self.no_file = no_file
        self.pdf = pdf
        self.title = title
        self.no_printer: QMessageBox | None = None
        self.originals = max(1, originals)
        self._printer_factory = printer_factory
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=title))
        # The document reads from the buffer for as long as it is shown: both live as long as the dialog.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages_label = QLabel(self.tr("{pages} pages").format(pages=self.document.pageCount()))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_document)
        self.export_button.clicked.connect(self._ask_and_export)
        close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        if no_file:
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(no_file)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.resize(860, 700)  # fits a 1366x768 laptop; the pages scroll

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> bool:
        """Open the system print dialog (copies = originals) and print if the user confirms it."""
        if not QPrinterInfo.availablePrinterNames():
            self._say_no_printer()
            return False
        printer = self._printer_factory()
        printer.setDocName(self.title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        # The PDF pages carry their own GB/T 9704 margins: draw them edge to edge, unscaled.
        printer.setFullPage(True)
        printer.setCopyCount(self.originals)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.title))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, not self.no_file)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        copies = printer.copyCount()
        if not self._render(printer, copies):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))
            return False
        self.printed.emit(copies)
        return True

    def _say_no_printer(self) -> None:
        """Without a printer, Qt's dialog offered only printing to a file, in a folder nobody chose, and printing
        failed with no reason given: said plainly here, with the PDF to print on a computer that has one."""
        cannot = self.tr("No printer is installed on this computer, so the document cannot be printed here.")
        if self.no_file:
            then = self.tr("Ask a mediator or the administrator to export it as a PDF file and print it elsewhere.")
        else:
            then = self.tr("Export it as a PDF file and print it on a computer that has a printer.")
        self.no_printer = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Print {title}").format(title=self.title),
            f"{cannot}\n\n{then}",
            QMessageBox.StandardButton.Close,
            self,
        )
        if not self.no_file:
            export = self.no_printer.addButton(self.tr("&Export PDF…"), QMessageBox.ButtonRole.AcceptRole)
            export.clicked.connect(self._ask_and_export)
            self.no_printer.setDefaultButton(export)
        self.no_printer.open()

    def _render(self, printer: QPrinter, copies: int) -> bool:
        # A printer that cannot make copies itself (a PDF file, some drivers) gets the pages that many times.
        repeats = 1 if printer.supportsMultipleCopies() else copies
        painter = QPainter()
        if not painter.begin(printer):
            return False
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        first = True
        for _ in range(repeats):
            for page in range(self.document.pageCount()):
                if not first:
                    printer.newPage()
                first = False
                points = self.document.pagePointSize(page)
                size = QSize(
                    round(points.width() * PRINT_DPI / POINTS_PER_INCH),
                    round(points.height() * PRINT_DPI / POINTS_PER_INCH),
                )
                painter.drawImage(QRectF(target), self.document.render(page, size))
        painter.end()
        return True

    def export_to(self, path: Path) -> None:
        """Write the document's bytes unchanged: the digital signature stays valid in the copy."""
        path.write_bytes(self.pdf)
        self.exported.emit(str(path))

    def _ask_and_export(self) -> None:
        # In the Documents folder: a name alone was put in the program's working folder, often not one to write in.
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(folder / f"{self.title}.pdf"), self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return
        try:
            self.export_to(Path(name))
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Export PDF"), self.tr("The file could not be written: {reason}").format(reason=error)
            )
