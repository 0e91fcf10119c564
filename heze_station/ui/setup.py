"""The first start: the station's names as its documents will carry them, and its administrator's account; or,
on a computer that replaces one of the station's, that computer's backup made this one's records.

Also shown once to a station whose records come from a version without sign-in: its records stay, and its
administrator chooses a password.
"""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from ..domain import chinatime
from ..domain.errors import refusal
from ..domain.messages import QT_TRANSLATE_NOOP
from ..services.accounts import NewAccount, StationDetails, set_up
from ..services.station import CITY_ARBITRATION_COMMITTEE
from .kit.ask import ask
from .kit.form import FormDialog
from .sign_in import HINT_STYLE, password_edit
from .tasks import TaskRunner


def line(text: str = "", max_length: int = 100) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    return edit


class NewPassword(QObject):
    """A password typed twice; the form says so under the second field when the two differ."""

    def __init__(self, form: FormDialog, key: str, caption: str, repeat_caption: str):
        super().__init__(form)  # the form's: a widget of its own would be an empty window, never shown nor deleted
        self.form = form
        self.first, self.second = password_edit(), password_edit()
        self.key, self.repeat_key = key, f"{key}_repeat"
        form.add_field(key, caption, self.first)
        form.add_field(self.repeat_key, repeat_caption, self.second)

    def differs(self) -> bool:
        """Whether the two fields differ; if they do, the form says so under the second one."""
        if self.first.text() == self.second.text():
            return False
        self.form.clear_errors()
        self.form.show_errors(
            [refusal(self.repeat_key, QT_TRANSLATE_NOOP("Domain", "The two passwords are not the same."))]
        )
        return True


class SetupDialog(FormDialog):
    restored = Signal(str)  # the name of the backup whose records are now this computer's: its accounts sign in

    def __init__(self, data_dir, tasks: TaskRunner, *, existing_records: bool, parent: QWidget | None = None):
        super().__init__(None, self.tr("Set up this station"), self.tr("Set up and sign in"), parent, tasks=tasks)
        self.data_dir = data_dir
        intro = QLabel(
            self.tr(
                "Welcome. Before the first case, tell heze-station which station this is: its documents carry these "
                "names. Then choose the administrator's login and password; the administrator adds the other "
                "accounts later (账户 › 本站账户)."
            )
        )
        if existing_records:
            intro.setText(
                intro.text()
                + "\n\n"
                + self.tr(
                    "This computer already holds the station's records from an earlier version. They are kept; "
                    "from now on everyone signs in with their own account."
                )
            )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.layout_.insertWidget(0, intro)
        self.restore_button = QPushButton(self.tr("This computer replaces one of the station's: restore its &backup…"))
        self.restore_button.setToolTip(
            self.tr(
                "Choose the backup (a folder named by date and time, in the backups folder or on the USB stick): its "
                "records become this computer's, and its accounts sign in with their passwords."
            )
        )
        self.restore_button.clicked.connect(self._choose_backup)
        self.question: QMessageBox | None = None  # whether to restore the backup chosen, while it is asked
        self.restore_button.setVisible(not existing_records)
        self.layout_.insertWidget(1, self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.station_name = self.add_field("name", self.tr("Station &name:"), line())
        self.station_name.setPlaceholderText(self.tr("e.g. 万福街道菏谐驿站"))
        self.address = self.add_field("address", self.tr("&Address:"), line(max_length=200))
        self.mediation_committee = self.add_field("mediation_committee", self.tr("&Mediation committee:"), line())
        self.mediation_committee.setPlaceholderText(self.tr("e.g. 菏泽市牡丹区万福街道劳动争议调解委员会"))
        self.arbitration_committee = self.add_field(
            "arbitration_committee", self.tr("A&rbitration committee it refers to:"), line(CITY_ARBITRATION_COMMITTEE)
        )
        self.user_name = self.add_field("user_name", self.tr("A&dministrator's name:"), line(max_length=50))
        self.login = self.add_field("login", self.tr("Administrator's &login:"), line("admin", 32))
        self.password = NewPassword(self, "password", self.tr("&Password:"), self.tr("Password a&gain:"))
        self.setMinimumWidth(560)

    def submit(self) -> None:
        if self.password.differs():
            return
        details = StationDetails(
            self.station_name.text(),
            self.address.text(),
            self.mediation_committee.text(),
            self.arbitration_committee.text(),
        )
        administrator = NewAccount(self.user_name.text(), self.login.text(), self.password.first.text())
        self.run(set_up, self.data_dir, details, administrator)

    def _choose_backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The backup to restore"))
        if folder:
            self.restore_from(Path(folder))

    def restore_from(self, backup: Path) -> None:
        """What the backup holds is said first (a shared stick holds other stations' too); put in place once
        confirmed."""
        from ..services import backups  # with the sync and backup services: only if asked

        self.errors.clear()
        self.restore_button.setEnabled(False)

        def failed(error: Exception) -> None:
            self.restore_button.setEnabled(True)
            self._failed(error)

        def restore() -> None:
            self.question = None
            self.tasks.run(
                backups.restore_on_new_computer, self.data_dir, backup, on_done=self.restored.emit, on_error=failed
            )

        def not_this() -> None:
            self.question = None
            self.restore_button.setEnabled(True)

        def confirm(info: backups.BackupInfo) -> None:
            made = chinatime.chinese_date(info.made_at.astimezone(chinatime.CHINA_TZ).date())
            self.question = ask(
                self,
                self.tr("Restore this backup?"),
                self.tr(
                    "Restore the backup of station “{station}” made on {made} ({cases} cases)? Its records and "
                    "accounts become this computer's."
                ).format(station=info.station or self.tr("(name not recorded)"), made=made, cases=info.cases),
                restore,
                yes_text=self.tr("&Restore"),
                on_no=not_this,
            )

        self.tasks.run(backups.backup_in, backup, on_done=confirm, on_error=failed)
