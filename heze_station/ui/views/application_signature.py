"""R1 on the case file: an oral application record waits for the applicant's signature, shown in a bar until it
is captured on the signature pad or given on the printed record (and its scan attached)."""

import uuid

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from ...services import oral_application
from ...services.case_queries import CaseDetail
from ..kit.form import FormDialog
from ..kit.inputs import ActionRow, FileField
from ..kit.text import plain_label
from ..widgets.signature_pad import SignatureDialog
from ..workspace import Workspace

_STYLE = "background: #fff4e0; border: 1px solid #f0c36d; border-radius: 3px; padding: 6px 10px;"


class ApplicationSignatureDialog(FormDialog):
    def __init__(self, workspace: Workspace, detail: CaseDetail, parent: QWidget | None = None):
        title = self.tr("Applicant's signature on the oral application record")
        super().__init__(workspace, title, self.tr("&Record signature"), parent)
        self.case_id = detail.id
        self.worker = QComboBox()
        for claimant in detail.claimants:
            if claimant.person_id in detail.application_unsigned:
                self.worker.addItem(claimant.name, claimant.person_id)
        self.image: bytes | None = None
        self.drawn = ActionRow(self.tr("not drawn"), self.tr("&Draw on the pad…"), self.open_pad)
        self.scan = FileField(
            self.tr("none"),
            self.tr("C&hoose scan…"),
            self.tr("Scan of the record signed on paper"),
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"),
        )
        self.add_field("worker", self.tr("&Applicant"), self.worker)
        self.add_field("file", self.tr("Signature on the pad"), self.drawn, focus=self.drawn.button)
        self.add_field("scan", self.tr("Or signed on paper"), self.scan, focus=self.scan.button)
        self.resize(480, 0)

    def open_pad(self) -> None:
        self.pad = SignatureDialog(self.worker.currentText(), self.tr("applicant"), self)
        self.pad.accepted.connect(self._drawn)
        self.pad.open()

    def _drawn(self) -> None:
        self.image = self.pad.png
        self.drawn.label.setText(self.tr("drawn on the pad"))

    def submit(self) -> None:
        person_id: uuid.UUID | None = self.worker.currentData()
        self.run(oral_application.sign, self.case_id, person_id, self.image, self.scan.path)


class ApplicationSignatureBar(QWidget):
    """Shown while the oral application record is not signed: who has yet to sign, and a button to capture it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CaseDetail | None = None
        self.dialog: ApplicationSignatureDialog | None = None
        self.label = plain_label()  # it names the applicant as typed
        self.label.setWordWrap(True)
        self.capture_button = QPushButton(self.tr("Capture the applicant's si&gnature…"))
        self.capture_button.setAutoDefault(False)
        self.capture_button.clicked.connect(self.open_dialog)
        self.setStyleSheet(_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.capture_button)
        self.hide()

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        names = "、".join(c.name for c in detail.claimants if c.person_id in detail.application_unsigned)
        self.label.setText(
            self.tr("The record of the oral application awaits the applicant's signature ({names}).").format(
                names=names
            )
        )
        self.setVisible(bool(detail.application_unsigned))

    def open_dialog(self) -> None:
        if self.detail is None:
            return
        dialog = ApplicationSignatureDialog(self.workspace, self.detail, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
