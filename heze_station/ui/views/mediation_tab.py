"""The case file's mediation page: sessions with their formalities, the minutes, extensions and attachments."""

import uuid
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import CaseStatus
from ...domain.mediation import AttachmentKind, MinuteKind, PlaceKind
from ...services import attachments, mediation
from ...services.attachments import AttachmentView
from ...services.mediation import SessionForm, SessionView
from .. import formatting
from ..kit.ask import ask
from ..kit.form import FormDialog, show_refusal
from ..kit.inputs import ChinaTimeEdit, EnumCombo, date_edit
from ..kit.palette import BANNER_STYLE
from ..kit.table import fill, make_table, source_row
from ..workspace import Workspace


class SessionDialog(FormDialog):
    """Opening the record of a sitting: when, where, who; the identity check and the notice of rights first."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Record a mediation session"), self.tr("&Record session"), parent)
        self.case_id = case_id
        self.held_at = ChinaTimeEdit()
        self.place_kind = EnumCombo(list(PlaceKind))
        self.place = QLineEdit(workspace.context.station_name)
        self.mediators = QLineEdit(workspace.context.user_name)
        self.recorder = QLineEdit()
        self.worker_side = QLineEdit()
        self.worker_side.setPlaceholderText(self.tr("e.g. the applicant in person, or the elected representatives"))
        self.employer_side = QLineEdit()
        self.employer_side.setPlaceholderText(self.tr("e.g. the employer's authorised handler"))
        self.identity_checked = QCheckBox(self.tr("Both parties' identity documents were checked"))
        self.rights_notified = QCheckBox(
            self.tr("The parties were told their rights and duties and that they may ask a mediator to withdraw")
        )
        self.recusal_note = QLineEdit()
        self.recusal_note.setPlaceholderText(self.tr("Leave empty if nobody asked a mediator to withdraw"))
        self.add_field("held_at", self.tr("&Date and time"), self.held_at)
        self.add_field("place_kind", self.tr("&Where"), self.place_kind)
        self.add_field("place", self.tr("&Place"), self.place)
        self.add_field("mediators", self.tr("&Mediators"), self.mediators)
        self.add_field("recorder", self.tr("Re&corder"), self.recorder)
        self.add_field("worker_side", self.tr("Present for the wor&kers"), self.worker_side)
        self.add_field("employer_side", self.tr("Present for the &employer"), self.employer_side)
        self.add_field("identity_checked", self.tr("Identity check"), self.identity_checked)
        self.add_field("rights_notified", self.tr("Rights and recusal"), self.rights_notified)
        self.add_field("recusal_note", self.tr("Rec&usal request"), self.recusal_note)
        self.resize(560, 0)

    def submit(self) -> None:
        form = SessionForm(
            held_at=self.held_at.value(),
            place_kind=self.place_kind.current(),
            place=self.place.text(),
            mediators=self.mediators.text(),
            recorder=self.recorder.text(),
            worker_side=self.worker_side.text(),
            employer_side=self.employer_side.text(),
            identity_checked=self.identity_checked.isChecked(),
            rights_notified=self.rights_notified.isChecked(),
            recusal_note=self.recusal_note.text(),
        )
        self.run(mediation.record_session, self.case_id, form)


class ExtensionDialog(FormDialog):
    """R4: a longer mediation period, only with both parties' consent written down."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Extend the mediation period"), self.tr("&Extend"), parent)
        self.case_id = case_id
        self.extended_to = date_edit()
        self.worker_consent = QLineEdit()
        self.worker_consent.setPlaceholderText(self.tr("Who agreed for the workers, and how (e.g. signed the minutes)"))
        self.employer_consent = QLineEdit()
        self.employer_consent.setPlaceholderText(self.tr("Who agreed for the employer, and how"))
        self.add_field("extended_to", self.tr("&New end of mediation"), self.extended_to)
        self.add_field("worker_consent", self.tr("&Workers' consent"), self.worker_consent)
        self.add_field("employer_consent", self.tr("Emp&loyer's consent"), self.employer_consent)
        self.resize(520, 0)

    def submit(self) -> None:
        self.run(
            mediation.extend_mediation,
            self.case_id,
            self.extended_to.date().toPython(),
            self.worker_consent.text(),
            self.employer_consent.text(),
        )


class MediationTab(QWidget):
    """Sessions on top, the selected session's minutes below with a line to add to them."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.status: CaseStatus | None = None
        self.sessions: list[SessionView] = []
        self.dialog: FormDialog | None = None

        self.sessions_table = make_table(
            [self.tr("Held at"), self.tr("Place"), self.tr("Mediators"), self.tr("Minutes"), self.tr("Present")]
        )
        self.sessions_table.itemSelectionChanged.connect(self._show_minutes)
        self.new_session = QPushButton(self.tr("&New session…"))
        self.new_session.clicked.connect(self.open_session_dialog)
        self.extend = QPushButton(self.tr("E&xtend period…"))
        self.extend.clicked.connect(self.open_extension_dialog)
        self.attach = QPushButton(self.tr("Attach photo or &scan…"))
        self.attach.clicked.connect(self.choose_attachment)
        buttons = QHBoxLayout()
        for button in (self.new_session, self.extend, self.attach):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.minutes_heading = QLabel(self.tr("Minutes"))
        self.minutes_heading.setStyleSheet("font-weight: bold;")
        self.minutes_table = make_table([self.tr("No."), self.tr("Entry"), self.tr("Speaker"), self.tr("Text")])
        self.kind = EnumCombo(list(MinuteKind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.corrects = QComboBox()
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("Speaker"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What was said, proposed or decided"))
        self.text.setMaximumHeight(80)
        self.adding = False  # an entry is being saved
        self.add_entry = QPushButton(self.tr("&Add to minutes"))
        self.add_entry.clicked.connect(self.submit_entry)
        self.sign = QPushButton(self.tr("Parties have s&igned the minutes…"))
        self.sign.clicked.connect(self.confirm_signed)
        for button in (self.add_entry, self.sign):
            button.setAutoDefault(False)
        entry = QHBoxLayout()
        entry.addWidget(self.kind)
        entry.addWidget(self.corrects)
        entry.addWidget(self.speaker)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.text, 1)
        column = QVBoxLayout()
        column.addWidget(self.add_entry)
        column.addWidget(self.sign)
        entry_row.addLayout(column)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BANNER_STYLE)
        self.error.hide()

        self.attachments_label = QLabel()
        self.attachments_label.setWordWrap(True)
        self.attachments_label.setStyleSheet("color: #4a5058;")

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.sessions_table, 2)
        layout.addWidget(self.minutes_heading)
        layout.addWidget(self.minutes_table, 3)
        layout.addLayout(entry)
        layout.addLayout(entry_row)
        layout.addWidget(self.error)
        layout.addWidget(self.attachments_label)
        self._kind_changed()

    # -- loading ---------------------------------------------------------------------------------------------------

    def show_case(self, status: CaseStatus) -> None:
        self.status = status
        self.workspace.load(mediation.case_sessions, self.case_id, on_done=self._show_sessions)
        self.workspace.load(attachments.case_attachments, self.case_id, on_done=self._show_attachments)

    def _show_sessions(self, sessions: list[SessionView]) -> None:
        selected = self._selected()
        self.sessions = sessions
        fill(
            self.sessions_table,
            [
                [
                    formatting.moment(s.held_at),
                    f"{formatting.label(s.place_kind)} · {s.place}",
                    s.mediators,
                    self.tr("signed") if s.signed_at else self.tr("open, {n} entries").format(n=len(s.minutes)),
                    f"{s.worker_side} / {s.employer_side}",
                ]
                for s in sessions
            ],
        )
        mediating = self.status is CaseStatus.IN_MEDIATION
        self.new_session.setEnabled(mediating)
        self.extend.setEnabled(mediating)
        ids = [s.id for s in sessions]
        row = ids.index(selected.id) if selected and selected.id in ids else len(sessions) - 1
        if row >= 0:
            self.sessions_table.selectRow(row)
        self._show_minutes()

    def _show_attachments(self, files: list[AttachmentView]) -> None:
        names = "、".join(f"{formatting.label(f.kind)}：{f.filename}" for f in files)
        self.attachments_label.setText(self.tr("Attachments: {names}").format(names=names or self.tr("none")))

    def entry_typed(self) -> bool:
        """A minutes entry is typed and not yet added."""
        return bool(self.text.toPlainText().strip())

    def _selected(self) -> SessionView | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        shown = source_row(self.sessions_table, rows[0].row()) if rows else None
        return self.sessions[shown] if shown is not None and shown < len(self.sessions) else None

    def _show_minutes(self) -> None:
        session = self._selected()
        minutes = session.minutes if session else []
        fill(
            self.minutes_table,
            [
                [
                    str(m.number),
                    formatting.label(m.kind)
                    + (self.tr(" of no. {n}").format(n=m.corrects_number) if m.corrects_number else ""),
                    m.speaker,
                    m.text,
                ]
                for m in minutes
            ],
        )
        self.corrects.clear()
        for m in minutes:
            self.corrects.addItem(self.tr("corrects no. {n}").format(n=m.number), m.id)
        signed = bool(session and session.signed_at)
        self.minutes_heading.setText(
            self.tr("Minutes of {moment} (signed: only corrections can be added)").format(
                moment=formatting.moment(session.held_at)
            )
            if signed and session
            else self.tr("Minutes")
        )
        if signed:
            self.kind.select(MinuteKind.CORRECTION)
        for widget in (self.kind, self.speaker, self.text, self.add_entry):
            widget.setEnabled(session is not None)
        self.sign.setEnabled(session is not None and not signed and bool(minutes))
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.corrects.setVisible(self.kind.current() is MinuteKind.CORRECTION)

    # -- acting ----------------------------------------------------------------------------------------------------

    def open_session_dialog(self) -> None:
        self._open(SessionDialog(self.workspace, self.case_id, self))

    def open_extension_dialog(self) -> None:
        self._open(ExtensionDialog(self.workspace, self.case_id, self))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def submit_entry(self) -> None:
        session = self._selected()
        if session is None or self.adding:
            return
        kind = self.kind.current()
        corrects = self.corrects.currentData() if kind is MinuteKind.CORRECTION else None
        self.error.hide()
        # Until it is saved: a double click recorded the entry twice, and signed minutes keep both for good.
        self.adding = True
        self.add_entry.setEnabled(False)
        self.workspace.change(
            mediation.add_minute,
            session.id,
            kind,
            self.text.toPlainText(),
            self.speaker.text(),
            corrects,
            on_done=self._entry_added,
            on_error=self._entry_refused,
        )

    def _entry_added(self, _session: SessionView) -> None:
        self.text.clear()
        self._entry_done()

    def _entry_refused(self, error: Exception) -> None:
        self._entry_done()
        self._failed(error)

    def _entry_done(self) -> None:
        self.adding = False
        self.add_entry.setEnabled(self._selected() is not None)

    def confirm_signed(self) -> None:
        session = self._selected()
        if session is None:
            return
        self.question = ask(
            self,
            self.tr("Minutes signed"),
            self.tr(
                "Have the parties read the minutes and signed every page (以上笔录我已看过，与我所说一致)? "
                "After this the minutes can only be corrected by new entries."
            ),
            lambda: self.workspace.change(mediation.sign_minutes, session.id, on_error=self._failed),
        )

    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a photo or scan"), "", self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)")
        )
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        session = self._selected()
        kind = AttachmentKind.SCAN if path.suffix.lower() == ".pdf" else AttachmentKind.PHOTO
        owner = session.id if session else None
        self.workspace.change(attachments.attach_file, self.case_id, kind, path, owner, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        show_refusal(error, self.error, self.workspace, self)
