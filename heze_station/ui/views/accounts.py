"""账户 › 本站账户 (administrator): the station's accounts, added, disabled or enabled again, their passwords reset;
and how many idle minutes lock the window. 账户 › 修改我的密码 (everyone): one's own password.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ...domain.accounts import StaffRole
from ...services import accounts
from ...services.accounts import AccountRow, NewAccount
from .. import formatting
from ..kit.ask import ask
from ..kit.form import FormDialog, show_refusal
from ..kit.inputs import EnumCombo
from ..kit.page import StationView
from ..kit.palette import BANNER_STYLE
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..setup import NewPassword, line
from ..sign_in import password_edit
from ..workspace import Workspace


class AccountsWindow(StationView, QDialog):
    lock_minutes_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.setWindowTitle(self.tr("Station accounts"))
        self.model: RowTableModel[AccountRow] = RowTableModel(
            [
                Column(self.tr("Name"), lambda row: row.name, stretch=True),
                Column(self.tr("Login"), lambda row: row.login),
                Column(self.tr("Role"), lambda row: formatting.label(row.role)),
                Column(
                    self.tr("Status"),
                    self._status,
                    foreground=lambda row: "#888888" if row.disabled else "#d35400" if row.shadowed else None,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, self.reset_password)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.banner = QLabel()
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.add_button = QPushButton(self.tr("&Add account…"))
        self.add_button.clicked.connect(self.add_account)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.clicked.connect(lambda: self.reset_password(self.selected()))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(accounts.LOCK_MINUTES_RANGE.start, accounts.LOCK_MINUTES_RANGE.stop - 1)
        self.lock_minutes.setSuffix(self.tr(" minutes"))
        self.lock_minutes.setKeyboardTracking(False)  # one save per finished number, not per digit typed
        lock_caption = QLabel(self.tr("&Lock the window after"))
        lock_caption.setBuddy(self.lock_minutes)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(lock_caption)
        buttons.addWidget(self.lock_minutes)
        buttons.addWidget(QLabel(self.tr("without use")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self._selection_changed()
        workspace.load(accounts.lock_minutes, on_done=self._show_lock_minutes)

    def reload(self) -> None:
        self.workspace.load(accounts.list_accounts, on_done=self._show)

    def _show(self, rows: list[AccountRow]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        fit_columns(self.table)
        for number, row in enumerate(rows):
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(number)

    def _show_lock_minutes(self, minutes: int) -> None:
        self.lock_minutes.setValue(minutes)
        self.lock_minutes.valueChanged.connect(self._save_lock_minutes)

    def _save_lock_minutes(self, minutes: int) -> None:
        self.workspace.change(
            accounts.set_lock_minutes, minutes, on_done=lambda _: self.lock_minutes_changed.emit(minutes)
        )

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0]) if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        own = row is not None and row.id == self.workspace.context.user_id
        self.disable_button.setEnabled(row is not None and not own)
        self.disable_button.setText(self.tr("&Enable") if row is not None and row.disabled else self.tr("&Disable"))
        self.reset_button.setEnabled(row is not None)

    def _status(self, row: AccountRow) -> str:
        if row.disabled:
            return self.tr("Disabled")
        if row.shadowed:
            return self.tr("Cannot sign in: an older account has this login. Disable it and add the person again.")
        return self.tr("Active")

    def add_account(self) -> None:
        dialog = AccountDialog(self.workspace, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def toggle_disabled(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.banner.hide()

        def change() -> None:
            self.workspace.change(
                accounts.set_disabled,
                row.id,
                not row.disabled,
                on_error=lambda error: show_refusal(error, self.banner, self.workspace, self),
            )

        if row.disabled:
            change()
            return
        question = self.tr(
            "Disable the account {login} ({name})? It can no longer sign in on any computer of the station."
        )
        ask(self, self.tr("Disable account"), question.format(login=row.login, name=row.name), change)

    def reset_password(self, row: AccountRow | None) -> None:
        if row is None:
            return
        dialog = ResetPasswordDialog(self.workspace, row, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class AccountDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Add account"), self.tr("Add"), parent)
        self.user_name = self.add_field("user_name", self.tr("&Name:"), line(max_length=50))
        self.login = self.add_field("login", self.tr("&Login:"), line(max_length=32))
        self.role = self.add_field(
            "role", self.tr("&Role:"), EnumCombo([StaffRole.COORDINATOR, StaffRole.MEDIATOR, StaffRole.ADMINISTRATOR])
        )
        self.password = NewPassword(self, "password", self.tr("&Password:"), self.tr("Password a&gain:"))
        self.setMinimumWidth(420)

    def submit(self) -> None:
        if self.password.differs():
            return
        account = NewAccount(self.user_name.text(), self.login.text(), self.password.first.text(), self.role.current())
        self.run(accounts.add_account, account)


class ResetPasswordDialog(FormDialog):
    def __init__(self, workspace: Workspace, row: AccountRow, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Reset password"), self.tr("Reset"), parent)
        self.row = row
        explanation = QLabel(
            self.tr(
                "A new password for {name} ({login}). Tell it to them; they can change it after signing in."
            ).format(name=row.name, login=row.login)
        )
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)
        self.layout_.insertWidget(0, explanation)
        self.password = NewPassword(self, "password", self.tr("New &password:"), self.tr("Password a&gain:"))

    def submit(self) -> None:
        if self.password.differs():
            return
        self.run(accounts.reset_password, self.row.id, self.password.first.text())


class ChangePasswordDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Change my password"), self.tr("Change"), parent)
        self.current = self.add_field("current_password", self.tr("&Current password:"), password_edit())
        self.password = NewPassword(self, "new_password", self.tr("&New password:"), self.tr("New password a&gain:"))

    def submit(self) -> None:
        if self.password.differs():
            return
        self.run(accounts.change_password, self.current.text(), self.password.first.text())
