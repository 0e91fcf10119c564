"""The recovery key: shown at setup and copied by hand, and typed in when every password is lost (忘记密码).

The key is never printed (a print job stays on the disk in the printer's spool) nor written to this computer in
clear: the administrator copies it onto the printed sheet (or any paper) and types the copy back, and only then does
the station open. Until a copy is checked it is kept sealed to the administrator's account, and shown again at
their next sign-in if the program closed meanwhile. Without it and without a password, only the city bureau can
open the station's records.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..documents.recovery_sheet import RecoverySheet, build_recovery_sheet
from ..domain import chinatime
from ..services.accounts import recover, same_recovery_key
from .kit.form import FormDialog, banner
from .setup import NewPassword, line
from .sign_in import HINT_STYLE
from .tasks import TaskRunner
from .widgets.print_preview import PrintPreview

KEY_STYLE = (
    "font-family: monospace; font-size: 22px; font-weight: bold; letter-spacing: 2px; padding: 12px;"
    "background: #fffbe6; border: 1px solid #e0c060; border-radius: 4px;"
)


class RecoveryKeyDialog(QDialog):
    def __init__(
        self,
        recovery_key: str,
        station: str,
        administrator: str,
        parent: QWidget | None = None,
        *,
        again: bool = False,
    ):
        """``again``: shown once more at the administrator's sign-in, the program having closed at this step."""
        super().__init__(parent)
        self.recovery_key = recovery_key
        groups = recovery_key.split("-")
        self.sheet = RecoverySheet(station, administrator, len(groups), chinatime.now())
        self.setWindowTitle(self.tr("Recovery key"))
        # The program closed at this step after setup: said first, in the box for what concerns the whole window.
        self.again = banner()
        self.again.setText(
            self.tr(
                "The program closed before a copy of the recovery key was checked, so it is shown once more. "
                "Until a copy is checked it stays on this computer, sealed so that only your password opens it."
            )
        )
        self.again.setVisible(again)
        explanation = QLabel(
            self.tr(
                "The station's records are encrypted. If every password is forgotten, or this computer's key file "
                "is damaged, only this recovery key opens them. It is never printed, and once your copy is checked "
                "it is kept nowhere on this computer: print the sheet to copy it onto (or take any paper), copy the "
                "key by hand, type your copy below to check it, then seal it in an envelope and keep it locked away "
                "from this computer."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(HINT_STYLE)
        # Five groups a line, as the sheet's cells; not selectable: a selection would put the key in the clipboard.
        lines = ["  ".join(groups[start : start + 5]) for start in range(0, len(groups), 5)]
        self.key_label = QLabel("\n".join(line.ljust(len(lines[0])) for line in lines))  # the last, left as on paper
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setStyleSheet(KEY_STYLE)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("&Print the sheet to copy the key onto…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.setAutoDefault(False)  # Enter in the copy below is no request to print
        self.copy = line(max_length=80)
        self.copy.setPlaceholderText("XXXX-XXXX-XXXX-…")
        copy_label = QLabel(self.tr("&Type the key from your paper:"))
        copy_label.setBuddy(self.copy)
        self.copy_state = QLabel("")
        self.copy_state.setStyleSheet(HINT_STYLE)
        self.copy.textChanged.connect(self._check_copy)
        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.again)
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(copy_label)
        layout.addWidget(self.copy)
        layout.addWidget(self.copy_state)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.preview: PrintPreview | None = None

    @property
    def kept(self) -> bool:
        return same_recovery_key(self.copy.text(), self.recovery_key)

    def _check_copy(self) -> None:
        kept = self.kept
        typed = sum(character.isalnum() for character in self.copy.text())
        complete = typed >= sum(character.isalnum() for character in self.recovery_key)
        self.continue_button.setEnabled(kept)
        if kept:
            self.copy_state.setText(self.tr("The copy is right. Keep the paper safe."))
        elif complete:
            self.copy_state.setText(self.tr("The copy differs from the key on the screen: check each group."))
        else:
            self.copy_state.setText("")

    def print_sheet(self) -> None:
        sheet = build_recovery_sheet(self.sheet)
        self.preview = PrintPreview(sheet, title=self.tr("Recovery sheet"), parent=self)
        self.preview.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # not skipped by accident: only Continue, once the key is kept, closes this window
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Closed by the window's own button: once the copy is right that is Continue, before it nothing."""
        if self.kept:
            self.accept()


class RecoveryDialog(FormDialog):
    """忘记密码: the recovery key opens the station, and one account gets a new password and is signed in."""

    def __init__(self, data_dir: Path, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(
            None, self.tr("Forgot password"), self.tr("Set the new password and sign in"), parent, tasks=tasks
        )
        self.data_dir = data_dir
        explanation = QLabel(
            self.tr(
                "Type the recovery key from the sheet it was copied onto when this computer was set up (or, if the "
                "sheet is lost too, the code the city bureau reads out: it starts with CITY), the login of the "
                "account to recover (usually the administrator's) and its new password."
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
