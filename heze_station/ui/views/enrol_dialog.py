"""同步 › 加入城市同步…: this computer joins the city server with a one-time code from the city bureau.

The code is read as people copy it (8FA5-WW0R-D4W0, 8fa5 ww0r d4w0, with an O typed for a zero); the address may
come without https://. An unencrypted http:// address (anywhere but this computer) is refused unless the
administrator ticks that it is the city's own closed network, under a warning; a city that runs its own
certificate authority gives its certificate file. The exchange runs on the sync thread with a busy bar; a wrong code
or an address where no server answers is said beside its field. On success the dialog says which station the
computer joined, and the first sync starts.
"""

from PySide6.QtCore import QSysInfo, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import Enrolment, OtherStation, SyncProblem
from ...station_sync.addresses import normalise_url, unencrypted
from ...station_sync.failures import FailureReason
from ...sync.codes import display_code
from ..i18n import render
from ..kit.ask import ask
from ..kit.form import FormDialog
from ..kit.inputs import FileField
from ..kit.palette import BANNER_STYLE, ERROR_STYLE, SUCCESS_STYLE
from ..sync_controller import SyncController
from ..workspace import Workspace

WIDTH = 560


def default_device_name() -> str:
    return QSysInfo.machineHostName()


class EnrolDialog(FormDialog):
    def __init__(self, workspace: Workspace, controller: SyncController, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Join city sync"), self.tr("&Enrol"), parent)
        self.controller = controller
        self.enrolment: Enrolment | None = None
        self.question: QMessageBox | None = None  # whether to join a station by another name, while it is asked
        intro = QLabel(
            self.tr(
                "Type the address of the city server and the one-time enrolment code the city bureau gave you. A code "
                "works once and for 72 hours. Everything already on this computer is kept and sent to the city server."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        status = controller.status
        self.server_edit = QLineEdit((status.server_url if status else None) or "")
        self.server_edit.setPlaceholderText(self.tr("for example 10.37.17.2:8000"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("8FA5-WW0R-D4W0")
        self.code_edit.setMaxLength(40)
        self.device_edit = QLineEdit((status.device_name if status else None) or default_device_name())
        self.device_edit.setToolTip(self.tr("How the city bureau sees this computer in its list, e.g. 前台电脑."))
        self.plain_check = QCheckBox(self.tr("&Trusted local network: allow this unencrypted address"))
        self.plain_warning = QLabel(
            self.tr(
                "This address is not encrypted (http://): the code, this computer's credentials and workers' "
                "personal data would cross the network in clear. Tick this only on the city's own closed network, "
                "never on a construction site's or a hotel's."
            )
        )
        self.plain_warning.setWordWrap(True)
        self.plain_warning.setStyleSheet(ERROR_STYLE)
        self.plain_row = QWidget()
        plain_layout = QVBoxLayout(self.plain_row)
        plain_layout.setContentsMargins(0, 0, 0, 0)
        plain_layout.addWidget(self.plain_warning)
        plain_layout.addWidget(self.plain_check)
        self.certificate = FileField(
            self.tr("the system's (usual)"),
            self.tr("C&hoose…"),
            self.tr("The city server's certificate"),
            self.tr("Certificates (*.pem *.crt *.cer)"),
        )
        self.certificate.setToolTip(
            self.tr("Only when the city runs its own certificates: the certificate file from the city bureau.")
        )
        self.add_field("server_url", self.tr("City &server address"), self.server_edit)
        self.add_field("plain_http", "", self.plain_row, focus=self.plain_check)
        self.add_field("code", self.tr("Enrolment &code"), self.code_edit)
        self.add_field("device_name", self.tr("&Name of this computer"), self.device_edit)
        self.add_field("certificate", self.tr("Certificate"), self.certificate, focus=self.certificate.button)
        self.server_edit.textChanged.connect(self._address_changed)
        self._address_changed(self.server_edit.text())

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_label = QLabel(self.tr("Contacting the city server…"))
        busy_row = QHBoxLayout()
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        self.busy = QWidget()
        self.busy.setLayout(busy_row)
        self.busy.hide()
        self.layout_.insertWidget(self.layout_.indexOf(self.buttons), self.busy)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        controller.enrolment_done.connect(self._joined)
        controller.enrolment_failed.connect(self._refused)
        (self.code_edit if self.server_edit.text() else self.server_edit).setFocus()
        self.setMinimumWidth(WIDTH)
        self.fit()

    def fit(self) -> None:
        """Grow (or shrink) to what is shown now: a message beside a field must not be cut off."""
        self.layout_.activate()
        width = max(self.width(), WIDTH)
        height = self.heightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _address_changed(self, text: str) -> None:
        """The trusted-network choice and its warning show only for an address that would go unencrypted."""
        plain = bool(text.strip()) and unencrypted(normalise_url(text))
        self.form.setRowVisible(self.plain_row.parentWidget(), plain)  # the row: the field with its message
        if not plain:
            self.plain_check.setChecked(False)
        self.fit()

    @property
    def working(self) -> bool:
        return not self.busy.isHidden()

    def submit(self) -> None:
        if self.enrolment is not None:  # the button says 完成 now
            self.accept()
            return
        if self.working:
            return
        self.clear_errors()
        code = display_code(self.code_edit.text())  # shown as it is read: 8fa5 ww0r d4wo -> 8FA5-WW0R-D4W0
        self.code_edit.setText(code)
        missing = [
            (key, text)
            for key, edit, text in (
                ("server_url", self.server_edit, self.tr("Type the address of the city server.")),
                ("code", self.code_edit, self.tr("Type the enrolment code from the city bureau.")),
            )
            if not edit.text().strip()
        ]
        for key, text in reversed(missing):  # the first missing field ends up with the focus
            self.show_field_error(key, text)
        if missing:
            self.fit()
            return
        self._set_working(True)
        self.controller.enrol(
            self.server_edit.text(),
            code,
            self.device_edit.text(),
            plain_http_trusted=self.plain_check.isChecked(),
            certificate=self.certificate.path,
        )

    def _set_working(self, working: bool) -> None:
        self.busy.setVisible(working)
        self.ok_button.setEnabled(not working)
        for edit in (self.server_edit, self.code_edit, self.device_edit):
            edit.setReadOnly(working)
        self.plain_check.setEnabled(not working)
        self.certificate.button.setEnabled(not working)
        self.fit()

    def _joined(self, enrolment: Enrolment) -> None:
        if not self.working:
            return
        self._set_working(False)
        self.enrolment = enrolment
        for edit in (self.server_edit, self.code_edit, self.device_edit):
            edit.setReadOnly(True)
        self.banner.setStyleSheet(SUCCESS_STYLE)
        self.errors.say(
            self.tr(
                "This computer has joined city sync as part of station “{station}”. The first sync is starting now; "
                "its progress shows in the status bar."
            ).format(station=enrolment.station_name or enrolment.server_url)
        )
        self.ok_button.setText(self.tr("Done"))
        self.cancel_button.hide()
        self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit()

    def _refused(self, error: Exception) -> None:
        if not self.working:
            return
        self._set_working(False)
        if isinstance(error, OtherStation):
            self._ask_to_join(error)
            return
        if isinstance(error, SyncProblem):
            key, text = self._where(error)
            if key is None:
                self.errors.say(text)
            else:
                self.show_field_error(key, text)
        else:
            self._failed(error)  # a refusal beside its field or on top, anything else as an unexpected error
        self.fit()

    def _ask_to_join(self, other: OtherStation) -> None:
        """A code for a station by another name: joined only when the administrator says so; nothing is kept or
        sent otherwise."""
        question = "\n\n".join(
            (
                render(other.message),
                self.tr(
                    "Join “{joined}”? If this is not the station this computer works for, answer No: none of this "
                    "computer's cases or accounts is sent, and the city bureau gives you the right code."
                ).format(joined=other.joined),
            )
        )

        def join() -> None:
            self.question = None  # closed, and deleted with its answer
            self._set_working(True)
            self.controller.complete_enrolment(other.pending)

        def decline() -> None:
            self.question = None
            self.errors.say(
                self.tr(
                    "None of this computer's cases or accounts was sent. Ask the city bureau for the code of station "
                    "“{here}”, and tell it that this code, for “{joined}”, was used up."
                ).format(here=other.here, joined=other.joined)
            )
            self.fit()

        self.question = ask(
            self,
            self.tr("Join another station?"),
            question,
            join,
            yes_text=self.tr("&Join"),
            on_no=decline,
            warning=True,
        )

    def show_field_error(self, key: str, text: str) -> None:
        self.errors.set(key, text)
        self.errors.focus(key)
        if key == "code":
            self.code_edit.selectAll()

    def _where(self, problem: SyncProblem) -> tuple[str | None, str]:
        """Which field a refused enrolment is about, and how to say it (the sync wording fits a sync, not this)."""
        reason = problem.reason
        if reason in (FailureReason.INVALID_CODE, FailureReason.THROTTLED):
            return "code", render(problem.message)
        if reason is FailureReason.UNENCRYPTED:
            return "server_url", render(problem.message)
        if reason is FailureReason.UNTRUSTED_CERTIFICATE:
            return "certificate", self.tr(
                "The server at this address did not prove it is the city server: its certificate is not trusted "
                "here. If the city runs its own certificates, choose the certificate file from the city bureau."
            )
        if reason is FailureReason.OFFLINE:
            text = self.tr(
                "No city server answers at this address. Check the address and this computer's network connection, "
                "then try again."
            )
            if "://" not in self.server_edit.text():
                # Typed without a scheme, the address was tried as https://.
                text += " " + self.tr("If the city bureau gave an address starting with http://, type it so.")
            return "server_url", text
        if reason is FailureReason.REFUSED:
            return "server_url", self.tr(
                "The server at this address is not the city sync server (it may be the city's web page or another "
                "website). Check the address with the city bureau."
            )
        if reason is FailureReason.SERVER_ERROR:
            return None, self.tr(
                "The city server had a problem and could not enrol this computer. Nothing was changed; try again in "
                "a few minutes."
            )
        return None, render(problem.message)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.banner.setStyleSheet(BANNER_STYLE)
