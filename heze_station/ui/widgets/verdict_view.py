"""The answer to "is this PDF genuine?", shown as the three checks of ``documents.verify`` and a conclusion."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...documents.verify import CHECK_NAMES, FAILED, PASSED, Verdict
from ...domain.messages import Message
from ..i18n import render

PASSED_STYLE = "color: #1b5e20; font-weight: bold"
FAILED_STYLE = "color: #b00020; font-weight: bold"


class VerdictDialog(QDialog):
    def __init__(self, file_name: str, verdict: Verdict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify document"))
        grid = QGridLayout()
        self.outcomes: list[QLabel] = []
        self.details: list[QLabel] = []
        for row, (name, check) in enumerate(zip(CHECK_NAMES, verdict.checks, strict=True)):
            outcome = QLabel(render(Message(PASSED if check.passed else FAILED)))
            outcome.setStyleSheet(PASSED_STYLE if check.passed else FAILED_STYLE)
            detail = QLabel(render(check.message))
            detail.setWordWrap(True)
            grid.addWidget(QLabel(render(Message(name))), row, 0)
            grid.addWidget(outcome, row, 1)
            grid.addWidget(detail, row, 2)
            self.outcomes.append(outcome)
            self.details.append(detail)
        grid.setColumnStretch(2, 1)
        self.conclusion = QLabel(render(verdict.conclusion))
        self.conclusion.setWordWrap(True)
        self.conclusion.setStyleSheet(PASSED_STYLE if verdict.genuine else FAILED_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(file_name))
        layout.addLayout(grid)
        layout.addWidget(self.conclusion)
        layout.addWidget(buttons)
        self.resize(640, 240)
