"""The sign-in window: at the start, when the window locks itself (Ctrl+L, idle), and to switch user.

It only asks; the Session (ui/session.py) checks the password on its worker and answers with :meth:`refuse` or by
closing the window. While a check runs the fields are read-only, so a second Enter cannot start a second one.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import DEMO_PASSWORD, REVOKED_LAPTOP
from .i18n import domain_text

TITLE_STYLE = "font-size: 20px; font-weight: bold; color: #1f3a5f;"
HINT_STYLE = "color: #555; background: #f4f6f8; border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px;"
ERROR_STYLE = "color: #b03a2e;"


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class SignInDialog(QDialog):
    submitted = Signal(str, str)  # login, password
    quit_requested = Signal()
    recovery_requested = Signal()

    def __init__(
        self,
        *,
        login: str = "",
        locked: bool = False,
        revoked: bool = False,
        disabled: bool = False,
        demo: bool = False,
        parent: QWidget | None = None,
    ):
        """``locked``: the program is locked, by ``login`` (or to switch user, when empty); ``revoked``: because the
        city blocked this laptop; ``disabled``: because the administrator disabled the account that was signed in."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("heze-station · sign in"))
        title = QLabel(self.tr("菏谐驿站 · labour-dispute mediation"))
        title.setStyleSheet(TITLE_STYLE)
        if revoked:
            subtitle = domain_text(REVOKED_LAPTOP)
        elif disabled:
            subtitle = self.tr(
                "Locked: the administrator disabled the account that was signed in. Another account may sign in."
            )
        elif locked:
            subtitle = self.tr("Locked. Sign in again to go on, or sign in as another account to switch user.")
        else:
            subtitle = self.tr("Sign in with your account to open the station's records.")
        explanation = QLabel(subtitle)
        explanation.setWordWrap(True)
        self.login = QLineEdit(login)
        self.login.setMaxLength(32)
        self.password = password_edit()
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        login_caption, password_caption = QLabel(self.tr("&Login:")), QLabel(self.tr("&Password:"))
        login_caption.setBuddy(self.login)
        password_caption.setBuddy(self.password)
        form.addRow(login_caption, self.login)
        form.addRow(password_caption, self.password)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.forgot_button = self.buttons.addButton(self.tr("&Forgot password…"), QDialogButtonBox.ButtonRole.HelpRole)
        self.forgot_button.setEnabled(False)  # until the station's records can be opened (Session)
        self.forgot_button.clicked.connect(self.recovery_requested)
        self.buttons.accepted.connect(self._submit)
        self.quit_button.clicked.connect(self.quit_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(form)
        if demo:
            hint = QLabel(
                self.tr(
                    "Demo station: sign in as {admin} (administrator), {coordinator} (coordinator) or {mediator} "
                    "(mediator), each with the password {password}."
                ).format(admin="demo", coordinator="zhang", mediator="li", password=DEMO_PASSWORD)
            )
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if login else self.login).setFocus()

    def _submit(self) -> None:
        if not self.login.text().strip():
            self.refuse(self.tr("Please enter your login."))
            self.login.setFocus()
            return
        self.set_busy(True)
        self.message.hide()
        self.submitted.emit(self.login.text(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.login, self.password):
            widget.setReadOnly(busy)
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def refuse(self, message: str) -> None:
        """The check said no: say why, empty the password and let the person type it again."""
        self.set_busy(False)
        self.message.setText(message)
        self.message.show()
        self.password.clear()
        self.password.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc would close a dialog, leaving neither a window nor a way back: it only clears the password here.
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.password.clear()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the sign-in window (its title bar's ×) is asking to quit, as its Quit button does.
        event.ignore()
        self.quit_requested.emit()
