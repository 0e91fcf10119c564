"""The case file's documents page: issue a document from the case, preview and print it, reprint what was issued.

Issuing signs and stores the document in the background; the preview shows the stored bytes, and every print
and export is written to the case's timeline. A reprint prints the same stored bytes, never a rebuilt document.
"""

import uuid

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from ...documents.content import DocumentKind
from ...services import documents, serving
from ...services.documents import IssuedView
from ...services.serving import Servable
from .. import formatting
from ..kit.form import show_refusal
from ..kit.palette import BANNER_STYLE
from ..kit.table import fill, make_table, source_row
from ..workspace import Workspace
from .service_dialog import ServiceDialog


class DocumentsTab(QWidget):
    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.issued: list[IssuedView] = []
        self.preview: QWidget | None = None

        self.issue_button = QPushButton(self.tr("&Issue document"))
        self.issue_button.setAutoDefault(False)
        self.menu = QMenu(self)
        self.menu.triggered.connect(lambda action: self.issue(action.data()))
        self.issue_button.setMenu(self.menu)
        self.serve_button = QPushButton(self.tr("Record &service…"))
        self.serve_button.setAutoDefault(False)
        self.serve_button.setToolTip(self.tr("A document reached a party: record how, and print its proof of service"))
        self.serve_button.clicked.connect(self.open_service)
        self.servable: Servable | None = None
        self.dialog: ServiceDialog | None = None
        self.reprint_button = QPushButton(self.tr("Reprint se&lected…"))
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.table = make_table(
            [self.tr("Document"), self.tr("Verification code"), self.tr("Issued at"), self.tr("Issued by")]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.reprint_selected)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BANNER_STYLE)
        self.error.hide()
        note = QLabel(
            self.tr(
                "Each document is signed with the station's key and carries a QR code and a verification code. "
                "Reprints use the document as it was issued."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7580;")
        bar = QHBoxLayout()
        bar.addWidget(self.issue_button)
        bar.addWidget(self.serve_button)
        bar.addWidget(self.reprint_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self._selection_changed()

    def show_case(self) -> None:
        self.workspace.load(documents.issuable, self.case_id, on_done=self._fill_menu, on_error=self._failed)
        self.workspace.load(documents.case_documents, self.case_id, on_done=self._show, on_error=self._failed)
        self.workspace.load(serving.servable, self.case_id, on_done=self._servable, on_error=self._failed)

    def _servable(self, servable: Servable) -> None:
        self.servable = servable
        self.serve_button.setEnabled(bool(servable.documents))

    def _fill_menu(self, kinds: list[DocumentKind]) -> None:
        self.menu.clear()
        for kind in kinds:
            action = self.menu.addAction(formatting.label(kind) + "…")
            action.setData(kind.value)

    def _show(self, issued: list[IssuedView]) -> None:
        self.issued = issued
        fill(
            self.table,
            [[d.title, d.verification_code, formatting.moment(d.issued_at), d.issued_by] for d in issued],
        )
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.reprint_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def issue(self, kind: str) -> None:
        self.error.hide()
        self.issue_button.setEnabled(False)
        self.workspace.change(
            documents.issue_document, self.case_id, DocumentKind(kind), on_done=self._issued, on_error=self._failed
        )

    def _issued(self, issued: IssuedView) -> None:
        self.issue_button.setEnabled(True)
        self.open_preview(issued)

    def open_service(self) -> None:
        if self.servable is None or not self.servable.documents:
            return
        self.error.hide()
        dialog = ServiceDialog(self.workspace, self.case_id, self.servable, self)
        dialog.accepted.connect(lambda: self.open_preview(dialog.result_value))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def reprint_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_preview(self.issued[source_row(self.table, rows[0].row())])

    def open_preview(self, issued: IssuedView) -> None:
        self.workspace.load(
            documents.pdf_of, issued.id, on_done=lambda pdf: self._preview(issued, pdf), on_error=self._failed
        )

    def _preview(self, issued: IssuedView, pdf: bytes) -> None:
        # Imported on first use: QtPdf is a large library the window does not need until a document is shown.
        from ..widgets.print_preview import PrintPreview

        no_file = ""
        if self.workspace.context.user_role not in documents.record_exported.required_roles:
            no_file = self.tr(
                "Only a mediator or the administrator makes a file of a document: it names the parties by their ID "
                "numbers. Print it for them instead."
            )
        preview = PrintPreview(pdf, title=issued.title, originals=issued.originals, no_file=no_file, parent=self)
        preview.printed.connect(lambda copies: self.workspace.change(documents.record_printed, issued.id, copies))
        preview.exported.connect(lambda path: self.workspace.change(documents.record_exported, issued.id, path))
        preview.finished.connect(preview.deleteLater)
        self.preview = preview
        preview.open()

    def _failed(self, error: Exception) -> None:
        self.issue_button.setEnabled(True)
        show_refusal(error, self.error, self.workspace, self)
