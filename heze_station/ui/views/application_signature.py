"""R1 on the case file: an oral application record waits for the applicant's signature, shown in a bar until it
is captured on the signature pad or given on the printed record (and its scan attached)."""

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...services import oral_application
from ...services.case_queries import CaseDetail
from ..kit.inputs import FileField
from ..kit.text import plain_label
from ..workspace import Workspace
from .collect_signatures import SignatureCollector, Signee

_STYLE = "background: #fff4e0; border: 1px solid #f0c36d; border-radius: 3px; padding: 6px 10px;"


class ApplicationSignatures(SignatureCollector):
    """Each applicant who has yet to sign the oral application record, on the pad or by the scan of the paper."""

    def __init__(self, workspace: Workspace, detail: CaseDetail, parent: QWidget | None = None):
        title = self.tr("Applicants' signatures on the oral application record")
        super().__init__(workspace, title, parent)
        self.case_id = detail.id
        self.scan = FileField(
            self.tr("none"),
            self.tr("C&hoose scan…"),
            self.tr("Scan of the record signed on paper"),
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"),
        )
        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(self.tr("Or signed on paper:")))
        scan_row.addWidget(self.scan, 1)
        self.signer_layout.insertLayout(2, scan_row)
        applicant = self.tr("Applicant")
        self.show_signees(
            [
                Signee(c.person_id, applicant, c.name, None, name_on_file=True)
                for c in detail.claimants
                if c.person_id in detail.application_unsigned
            ]
        )

    def _turn_to(self, signee: Signee | None) -> None:
        self.scan.path = None
        self.scan.label.setText(self.tr("none"))
        super()._turn_to(signee)

    def signed_on_paper(self) -> bool:
        return self.scan.path is not None

    def record(self, signee: Signee, name: str, png: bytes | None) -> None:
        scan = self.scan.path
        done = replace(signee, signed_by=signee.name)
        self.workspace.change(
            oral_application.sign,
            self.case_id,
            signee.key,
            None if scan else png,
            scan,
            on_done=lambda _: self.signed([done if s.key == signee.key else s for s in self.signees]),
            on_error=self.refused,
        )


class ApplicationSignatureBar(QWidget):
    """Shown while the oral application record is not signed: who has yet to sign, and a button to capture it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CaseDetail | None = None
        self.dialog: ApplicationSignatures | None = None
        self.label = plain_label()  # it names the applicant as typed
        self.label.setWordWrap(True)
        self.capture_button = QPushButton(self.tr("Capture t&he applicant's signature…"))
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
        dialog = ApplicationSignatures(self.workspace, self.detail, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
