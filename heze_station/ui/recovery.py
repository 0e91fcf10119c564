"""The recovery key: shown and printed once at setup, and typed in when every password is lost (忘记密码).

The key is shown once. The window cannot be closed or skipped until the administrator confirms it is printed or
written down: without it and without a password, nobody (not even the city bureau) can open the station's records.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..documents.recovery_sheet import RecoverySheet, build_recovery_sheet
from ..domain import chinatime
from ..services.accounts import recover
from .kit.form import FormDialog
from .setup import NewPassword, line
from .sign_in import HINT_STYLE
from .tasks import TaskRunner
from .widgets.print_preview import PrintPreview

KEY_STYLE = (
    "font-family: monospace; font-size: 22px; font-weight: bold; letter-spacing: 2px; padding: 12px;"
    "background: #fffbe6; border: 1px solid #e0c060; border-radius: 4px;"
)


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, station: str, administrator: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sheet = RecoverySheet(station, administrator, recovery_key, chinatime.now())
        self.setWindowTitle(self.tr("Recovery key"))
        explanation = QLabel(
            self.tr(
                "The station's records are encrypted. If every password is forgotten, or this computer's key file "
                "is damaged, only this recovery key opens them. It is shown only now: print the recovery sheet (or "
                "copy the key by hand), seal it in an envelope and keep it locked away from this computer."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(HINT_STYLE)
        groups = recovery_key.split("-")
        self.key_label = QLabel("\n".join("  ".join(groups[start : start + 5]) for start in range(0, len(groups), 5)))
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setStyleSheet(KEY_STYLE)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("&Print the recovery sheet…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.kept = QCheckBox(self.tr("I have printed or copied the recovery &key and will keep it safe"))
        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setEnabled(False)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.preview: PrintPreview | None = None

    def print_sheet(self) -> None:
        sheet = build_recovery_sheet(self.sheet)
        self.preview = PrintPreview(sheet, title=self.tr("Recovery sheet"), on_paper_only=True, parent=self)
        self.preview.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # not skipped by accident: only Continue, once the key is kept, closes this window
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.kept.isChecked():
            event.ignore()
            return
        super().closeEvent(event)


class RecoveryDialog(FormDialog):
    """忘记密码: the recovery key opens the station, and one account gets a new password and is signed in."""

    def __init__(self, data_dir: Path, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(
            None, self.tr("Forgot password"), self.tr("Set the new password and sign in"), parent, tasks=tasks
        )
        self.data_dir = data_dir
        explanation = QLabel(
            self.tr(
                "Type the recovery key from the sheet printed when the station was set up (or, if the sheet is "
                "lost too, the code the city bureau reads out: it starts with CITY), the login of the account to "
                "recover (usually the administrator's) and its new password."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(HINT_STYLE)
        self.layout_.insertWidget(0, explanation)
        self.recovery_key = self.add_field("recovery_key", self.tr("&Recovery key:"), line(max_length=80))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.login = self.add_field("login", self.tr("&Login:"), line(max_length=32))
        self.password = NewPassword(self, "password", self.tr("New &password:"), self.tr("Password a&gain:"))
        self.setMinimumWidth(560)

    def submit(self) -> None:
        if self.password.differs():
            return
        self.run(recover, self.data_dir, self.recovery_key.text(), self.login.text(), self.password.first.text())
