"""The 登记 page: a coordinator types a complaint, sees every problem beside its field, and registers the case.

Field checks are pure domain functions, so they run on the GUI thread as the coordinator types; the search for
repeat complaints and the save go through the workspace's background runner.
"""

import contextlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.audit import REGISTRATION_FORM
from ...domain.cases import (
    COLLECTIVE_MIN_WORKERS,
    REPRESENTATIVES_MAX,
    REPRESENTATIVES_MIN,
    Category,
    Employment,
    IntakeChannel,
    parse_claim,
)
from ...domain.errors import InvalidInput, ValidationFailed
from ...domain.identifiers import (
    ResidentId,
    credit_code_checksum_ok,
    normalise_mobile,
    normalise_phone,
    parse_credit_code,
    parse_resident_id,
)
from ...domain.money import parse_yuan
from ...domain.parties import SPECIAL_AUTHORITY, EmployerKind
from ...domain.personal import PersonalField
from ...domain.text import FACTS_MAX, NAME_MAX, clean_line
from ...services import audit
from ...services.intake import (
    AgentEntry,
    CheckedIntake,
    EmployerEntry,
    IntakeForm,
    RegisteredCase,
    RepeatComplaint,
    WorkerEntry,
    find_repeat_complaints,
    save,
    validate,
)
from ...services.roster import RosterReport, RosterUnreadable, read_roster, write_template
from .. import formatting
from ..i18n import render
from ..kit.inputs import OptionalDate
from ..widgets.masked_column import MaskedColumn
from ..workspace import Workspace
from .roster_import import RosterReportDialog

# Columns of the workers table; the typed ones carry the WorkerEntry attribute used in error keys ("workers.3.phone").
NAME, ID_NUMBER, PHONE, CLAIMED, REPRESENTATIVE, IDENTITY = range(6)
# What the documents print about each worker (issue 14 item 3), after the columns every case needs.
ETHNICITY, ADDRESS, POST, SERVICE_ADDRESS = range(6, 10)
_TYPED_COLUMNS = {
    NAME: "name",
    ID_NUMBER: "id_number",
    PHONE: "phone",
    CLAIMED: "claimed",
    ETHNICITY: "ethnicity",
    ADDRESS: "address",
    POST: "post",
    SERVICE_ADDRESS: "service_address",
}
_COLUMN_OF_FIELD = {attribute: column for column, attribute in _TYPED_COLUMNS.items()}
# The same checks validate() applies, run on one cell as soon as it is edited. An empty phone is judged only on
# submit: whether it is required depends on the whole table (collective cases need only the representatives').
_CELL_CHECKS: dict[int, Callable[[str], object]] = {
    NAME: partial(clean_line, field="name", max_length=NAME_MAX, required=True),
    ID_NUMBER: parse_resident_id,
    PHONE: normalise_mobile,
}
_ERROR_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR_BACKGROUND = QColor("#fdecea")
_CREDIT_CODE_LENGTH = 18

_STYLE = """
QLabel#pageTitle { font-size: 20px; font-weight: bold; color: #1f3a5f; }
QLabel#fieldError, QLabel#workerMessages, QLabel#status[error="true"] { color: #c0392b; }
QLabel#hint, QLabel#factsCounter { color: #666666; }
QLabel#factsCounter[error="true"] { color: #c0392b; font-weight: bold; }
QLabel#collectiveNote { background: #fff4e0; border: 1px solid #f0c36d; border-radius: 3px; padding: 4px 8px; }
QLabel#banner { background: #e7f4ea; color: #1e6b35; border: 1px solid #9fd3ad; border-radius: 4px;
                padding: 8px 12px; font-weight: bold; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QTableWidget[invalid="true"] { border: 1px solid #c0392b; }
QGroupBox { font-weight: bold; margin-top: 10px; }
"""


def _checksum_fails(text: str) -> bool:
    """Whether a credit code is well-formed and only its check character is wrong (the case an override may cover)."""
    try:
        # Any reason waives the checksum and nothing else, so this call checks the format alone.
        code = parse_credit_code(text, override_reason="format check")
    except InvalidInput:
        return False
    return not credit_code_checksum_ok(code)


def _changed(widget: QWidget) -> SignalInstance:
    """The signal a field emits when the coordinator changes it."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, OptionalDate):
        return widget.changed
    raise TypeError(f"no change signal known for {type(widget).__name__}")


def _restyle(widget: QWidget, name: str, value: bool) -> None:
    """Set a property that the page's style sheet matches on, and apply it now."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


@dataclass
class _CreditCodeInput:
    """A credit-code field and its override-reason row, which appears only when the checksum fails."""

    prefix: str  # "employer" or "general_contractor", as in the error keys
    code: QLineEdit
    reason: QLineEdit
    form: QFormLayout
    code_row: QWidget
    reason_row: QWidget
    needs_reason: bool = False


class IntakeView(QWidget):
    """The registration page. Emits ``registered`` with the new case's id once it is saved."""

    registered = Signal(uuid.UUID)
    # The case registered from a form started from something else (a clue the city forwarded), and that thing.
    registered_from = Signal(object, uuid.UUID)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        # Field key (as in InvalidInput.field) -> its error label and the widget to focus, in the order of the page.
        self._error_labels: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self._line_edits: list[QLineEdit] = []
        self._row_labels: list[QLabel] = []
        self._pending: CheckedIntake | None = None
        self._busy = False
        self.origin: object | None = None  # what the form was started from (start_from), linked to its case
        # The open confirmation (repeat complaint, clear form, roster import), kept so that tests can answer it.
        self.question: QMessageBox | None = None
        self.roster_report: RosterReportDialog | None = None
        self._roster_file_name = ""
        self.setStyleSheet(_STYLE)

        title = QLabel(self.tr("Register a complaint"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Fields marked * are required. Every entry is checked when you register."))
        subtitle.setObjectName("hint")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 12, 0)
        content_layout.setSpacing(12)
        content_layout.addWidget(self._complaint_group())
        content_layout.addWidget(self._limitation_group())
        content_layout.addWidget(self._workers_group())
        content_layout.addWidget(self._agent_group())
        content_layout.addWidget(self._employer_group())
        content_layout.addWidget(self._project_group())
        content_layout.addStretch(1)
        # One label column width for every group, so that the fields line up down the whole page.
        label_width = max(label.sizeHint().width() for label in self._row_labels)
        for label in self._row_labels:
            label.setMinimumWidth(label_width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.content)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("C&lear form"))
        self.clear_button.clicked.connect(self.clear_form)
        self.submit_button = QPushButton(self.tr("Check and re&gister"))
        self.submit_button.setDefault(True)
        self.submit_button.setMinimumWidth(160)
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self._reset()

    # ---- building the page -------------------------------------------------------------------------------------

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        return form

    def _line_edit(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        # Enter in a one-line field registers, as the default button of a dialog would.
        edit.returnPressed.connect(self._enter_pressed)
        self._line_edits.append(edit)
        return edit

    def _enter_pressed(self) -> None:
        self.submit_button.click()

    def _add_row(
        self,
        form: QFormLayout,
        text: str,
        key: str,
        field: QWidget,
        *,
        focus: QWidget | None = None,
        hint: str = "",
    ) -> QWidget:
        """A labelled row whose field has its error label underneath; returns the row's field widget."""
        focus = focus or field
        label = QLabel(text)
        label.setBuddy(focus)
        label.setContentsMargins(0, 4, 0, 0)
        self._row_labels.append(label)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            column.addWidget(hint_label)
        column.addWidget(self._error_label(key, focus))
        form.addRow(label, cell)
        # An error disappears as soon as the coordinator changes the field it belongs to.
        _changed(focus).connect(lambda *_: self._show_error(key, None))
        return cell

    def _error_label(self, key: str, focus: QWidget) -> QLabel:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self._error_labels[key] = error
        self._inputs[key] = focus
        return error

    def _enum_combo(self, members: Iterable[StrEnum]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Please choose…"), "")
        for member in members:
            combo.addItem(formatting.label(member), member.value)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setMinimumWidth(140)
        return edit

    def _left(self, widget: QWidget) -> QWidget:
        """A short field that should not stretch across the page."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addStretch(1)
        return box

    def _complaint_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Complaint"))
        form = self._form()
        self.channel = self._enum_combo(IntakeChannel)
        self._add_row(form, self.tr("Intake &channel *"), "channel", self._left(self.channel), focus=self.channel)
        self.category = self._enum_combo(Category)
        width = max(self.channel.sizeHint().width(), self.category.sizeHint().width())
        for combo in (self.channel, self.category):
            combo.setMinimumWidth(width)
        self._add_row(form, self.tr("Ca&tegory *"), "category", self._left(self.category), focus=self.category)
        self.category.currentIndexChanged.connect(self._recheck_claims)
        self.received_on = self._date_edit()
        self._add_row(
            form,
            self.tr("Application &received on *"),
            "received_on",
            self._left(self.received_on),
            focus=self.received_on,
        )

        self.facts = QPlainTextEdit()
        self.facts.setPlaceholderText(
            self.tr("What happened: where and when the workers worked, what is owed, what has been done about it.")
        )
        self.facts.setTabChangesFocus(True)
        self.facts.setMinimumHeight(110)
        self.facts_counter = QLabel()
        self.facts_counter.setObjectName("factsCounter")
        self.facts_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        facts_box = QWidget()
        facts_column = QVBoxLayout(facts_box)
        facts_column.setContentsMargins(0, 0, 0, 0)
        facts_column.setSpacing(2)
        facts_column.addWidget(self.facts)
        facts_column.addWidget(self.facts_counter)
        self._add_row(form, self.tr("&Facts and reasons *"), "facts", facts_box, focus=self.facts)
        self.facts.textChanged.connect(self._count_facts)

        self.evidence = QPlainTextEdit()
        self.evidence.setPlaceholderText(self.tr("One item per line, e.g. attendance sheet, IOU, chat records"))
        self.evidence.setTabChangesFocus(True)
        self.evidence.setFixedHeight(80)
        self._add_row(form, self.tr("E&vidence"), "evidence", self.evidence)
        group.setLayout(form)
        return group

    def _limitation_group(self) -> QGroupBox:
        """R5: what the one-year limitation for arbitration runs from, asked rather than guessed (LDMAL 27)."""
        group = QGroupBox(self.tr("Limitation for arbitration"))
        form = self._form()
        self.knew_on = OptionalDate(self.tr("Not known yet"))
        self._add_row(
            form,
            self.tr("Worker &knew of it on"),
            "knew_on",
            self.knew_on,
            hint=self.tr(
                "When the worker knew or should have known the rights were infringed; it starts the one-year "
                "limitation period. Ask the worker; until it is given the case shows the limitation as unknown."
            ),
        )
        self.employment = self._enum_combo(Employment)
        self._add_row(
            form,
            self.tr("E&mployment *"),
            "employment",
            self._left(self.employment),
            focus=self.employment,
            hint=self.tr("Wage arrears are not time-barred while the employment continues; once it ended, a year."),
        )
        self.employment_ended_on = self._date_edit()
        self._employment_end_row = self._add_row(
            form,
            self.tr("Employment &ended on *"),
            "employment_ended_on",
            self._left(self.employment_ended_on),
            focus=self.employment_ended_on,
        )
        self._employment_end_label = form.labelForField(self._employment_end_row)
        self.employment.currentIndexChanged.connect(self._show_employment_end)
        self._show_employment_end()
        group.setLayout(form)
        return group

    def _employment_ended(self) -> bool:
        return self._chosen(self.employment, Employment) is Employment.ENDED

    def _show_employment_end(self) -> None:
        for widget in (self._employment_end_row, self._employment_end_label):
            widget.setVisible(self._employment_ended())

    def _workers_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Workers"))
        self.add_worker_button = QPushButton(self.tr("&Add worker"))
        self.add_worker_button.setToolTip(self.tr("Add a row for one more worker (Ctrl+Enter or Insert)"))
        self.add_worker_button.clicked.connect(self.add_worker)
        self.remove_worker_button = QPushButton(self.tr("Re&move selected"))
        self.remove_worker_button.setToolTip(self.tr("Remove the rows of the selected cells"))
        self.remove_worker_button.clicked.connect(self.remove_selected_workers)
        self.import_roster_button = QPushButton(self.tr("Import from r&oster…"))
        self.import_roster_button.setToolTip(
            self.tr("Read the workers from an Excel (.xlsx) or CSV roster; every row is checked first")
        )
        self.import_roster_button.clicked.connect(self.choose_roster)
        self.template_button = QPushButton(self.tr("Download roster templat&e…"))
        self.template_button.setToolTip(self.tr("Save an Excel roster with the expected column headings"))
        self.template_button.clicked.connect(self.choose_template_path)
        self.reveal_ids = QCheckBox(self.tr("Show personal &data"))
        self.reveal_ids.setToolTip(
            self.tr("Your account may see in full: {fields}. A cell shows in full while you edit it.").format(
                fields=formatting.revealable_text(audit.revealable(self.workspace.context))
            )
        )
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.add_worker_button)
        toolbar.addWidget(self.remove_worker_button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_roster_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.reveal_ids)

        self.workers = QTableWidget(0, 10)
        self.workers.setHorizontalHeaderLabels(
            [
                self.tr("Name *"),
                self.tr("ID number *"),
                self.tr("Mobile phone"),
                self.tr("Claimed (yuan) *"),
                self.tr("Representative"),
                self.tr("Sex, date of birth"),
                self.tr("Ethnicity"),
                self.tr("Home address"),
                self.tr("Post"),
                self.tr("Address for documents"),
            ]
        )
        self.workers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.workers.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.workers.setMinimumHeight(240)
        self.workers.verticalHeader().setDefaultSectionSize(28)
        header = self.workers.horizontalHeader()
        for column, width in (
            (NAME, 120),
            (ID_NUMBER, 190),
            (PHONE, 140),
            (CLAIMED, 130),
            (REPRESENTATIVE, 110),
            (IDENTITY, 150),
            (ETHNICITY, 70),
            (ADDRESS, 220),
            (POST, 90),
            (SERVICE_ADDRESS, 220),
        ):
            header.resizeSection(column, width)
        self.workers.horizontalHeaderItem(SERVICE_ADDRESS).setToolTip(
            self.tr("Where documents reach the worker, when not at the home address (e.g. the site's dormitory)")
        )
        self._masked = [
            MaskedColumn(self.workers, ID_NUMBER, PersonalField.ID_NUMBER),
            MaskedColumn(self.workers, PHONE, PersonalField.PHONE),
        ]
        self.reveal_ids.toggled.connect(self._reveal_ids)
        self.workers.itemChanged.connect(self._cell_edited)
        self.workers.model().rowsRemoved.connect(self._workers_changed)
        self.workers.itemSelectionChanged.connect(self._update_remove_button)

        self.worker_messages = QLabel()
        self.worker_messages.setObjectName("workerMessages")
        self.worker_messages.setWordWrap(True)
        self.worker_messages.hide()
        self.worker_summary = QLabel()
        self.collective_note = QLabel()
        self.collective_note.setObjectName("collectiveNote")
        self.collective_note.setWordWrap(True)
        self.collective_note.hide()

        layout = QVBoxLayout(group)
        layout.addLayout(toolbar)
        layout.addWidget(self.workers)
        layout.addWidget(self._error_label("workers", self.workers))
        layout.addWidget(self.worker_messages)
        layout.addWidget(self.worker_summary)
        layout.addWidget(self.collective_note)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Insert"):
            shortcut = QShortcut(QKeySequence(keys), group)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_worker)
        return group

    def _agent_group(self) -> QGroupBox:
        """The worker's specially authorised agent: a section of its own, folded away unless ticked."""
        self.agent_group = QGroupBox(self.tr("Worker's authorised agent (optional)"))
        self.agent_group.setCheckable(True)
        self.agent_group.setToolTip(
            self.tr("Tick when a worker of a one-worker case acts through an agent with a letter of authority.")
        )
        body = QWidget()
        form = self._form()
        form.setContentsMargins(0, 0, 0, 0)
        self.agent_name = self._line_edit()
        self._add_row(form, self.tr("Agent's na&me *"), "agent.name", self.agent_name)
        self.agent_id_number = self._line_edit()
        self._add_row(form, self.tr("Agent's ID number *"), "agent.id_number", self.agent_id_number)
        self._check_on_finish(self.agent_id_number, "agent.id_number", parse_resident_id)
        self.agent_phone = self._line_edit()
        self._add_row(form, self.tr("Agent's mobile phone"), "agent.phone", self.agent_phone)
        self._check_on_finish(self.agent_phone, "agent.phone", normalise_mobile)
        self.agent_authority = self._line_edit()
        self._add_row(
            form,
            self.tr("Special authorisation"),
            "agent.authority",
            self.agent_authority,
            hint=self.tr("What the letter of authority lets the agent do, as it is worded there."),
        )
        body.setLayout(form)
        layout = QVBoxLayout(self.agent_group)
        layout.addWidget(body)
        self.agent_group.toggled.connect(body.setVisible)
        return self.agent_group

    def _employer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Employer"))
        form = self._form()
        self.employer_company = QRadioButton(formatting.label(EmployerKind.COMPANY))
        self.employer_individual = QRadioButton(formatting.label(EmployerKind.NATURAL_PERSON))
        self._employer_kind = QButtonGroup(group)
        self._employer_kind.addButton(self.employer_company)
        self._employer_kind.addButton(self.employer_individual)
        kinds = QWidget()
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        kinds_row.addWidget(self.employer_company)
        kinds_row.addWidget(self.employer_individual)
        kinds_row.addStretch(1)
        kind_label = QLabel(self.tr("Kind"))
        self._row_labels.append(kind_label)
        form.addRow(kind_label, kinds)

        self.employer_name = self._line_edit(self.tr("Full name as on the business licence or ID card"))
        self._add_row(form, self.tr("&Name *"), "employer.name", self.employer_name)
        self.employer_credit = self._credit_code_rows(form, "employer")
        self.employer_id_number = self._line_edit()
        self._employer_id_row = self._add_row(form, self.tr("ID number"), "employer.id_number", self.employer_id_number)
        self._check_on_finish(self.employer_id_number, "employer.id_number", parse_resident_id)
        self.legal_representative = self._line_edit()
        self._legal_representative_row = self._add_row(
            form, self.tr("Legal representative"), "employer.legal_representative", self.legal_representative
        )
        self.employer_phone = self._line_edit()
        self._add_row(form, self.tr("Phone"), "employer.phone", self.employer_phone)
        self._check_on_finish(self.employer_phone, "employer.phone", normalise_phone)
        self.employer_address = self._line_edit()
        self._add_row(form, self.tr("Address"), "employer.address", self.employer_address)
        self._employer_form = form
        self.employer_company.toggled.connect(self._show_employer_rows)
        group.setLayout(form)
        return group

    def _project_group(self) -> QGroupBox:
        self.project_group = QGroupBox(self.tr("Construction project (optional)"))
        self.project_group.setCheckable(True)
        self.project_group.setToolTip(
            self.tr("Tick for wages owed on a construction project: the general contractor pays first.")
        )
        body = QWidget()
        form = self._form()
        form.setContentsMargins(0, 0, 0, 0)
        self.project_name = self._line_edit()
        self._add_row(form, self.tr("&Project name"), "project_name", self.project_name)
        self.project_address = self._line_edit()
        self._add_row(form, self.tr("Project address"), "project_address", self.project_address)
        self.contractor_name = self._line_edit()
        self._add_row(form, self.tr("General contractor"), "general_contractor.name", self.contractor_name)
        self.contractor_credit = self._credit_code_rows(form, "general_contractor")
        body.setLayout(form)
        layout = QVBoxLayout(self.project_group)
        layout.addWidget(body)
        # Unticked, the group folds away: most complaints are not about a construction project.
        self.project_group.toggled.connect(body.setVisible)
        return self.project_group

    def _credit_code_rows(self, form: QFormLayout, prefix: str) -> _CreditCodeInput:
        code = self._line_edit(self.tr("18 characters"))
        code_row = self._add_row(form, self.tr("Unified social credit code"), f"{prefix}.credit_code", code)
        reason = self._line_edit(self.tr("e.g. the business licence was checked and really shows this code"))
        reason_row = self._add_row(
            form,
            self.tr("Reason to keep this code *"),
            f"{prefix}.credit_code_override_reason",
            reason,
            hint=self.tr(
                "Some codes from early pilot regions are legal yet fail the check; they are kept only "
                "with a recorded reason."
            ),
        )
        entry = _CreditCodeInput(prefix, code, reason, form, code_row, reason_row)
        form.setRowVisible(reason_row, False)
        code.textEdited.connect(lambda: self._check_credit_code(entry))
        code.editingFinished.connect(lambda: self._check_credit_code(entry, finished=True))
        reason.textEdited.connect(lambda: self._check_credit_code(entry, finished=True))
        return entry

    def _check_on_finish(self, edit: QLineEdit, key: str, check: Callable[..., object]) -> None:
        """Check a one-line field when the coordinator leaves it, so a typo shows before submitting."""

        def run() -> None:
            message = None
            if edit.text().strip():
                try:
                    check(edit.text(), field=key)
                except InvalidInput as error:
                    message = render(error.message)
            self._show_error(key, message)

        edit.editingFinished.connect(run)

    # ---- live reactions ----------------------------------------------------------------------------------------

    def _count_facts(self) -> None:
        length = len(self.facts.toPlainText())
        self.facts_counter.setText(
            self.tr("{count} / {maximum} characters").format(
                count=formatting.locale_number(length), maximum=formatting.locale_number(FACTS_MAX)
            )
        )
        _restyle(self.facts_counter, "error", length > FACTS_MAX)

    def _check_credit_code(self, entry: _CreditCodeInput, *, finished: bool = False) -> None:
        text = entry.code.text()
        key = f"{entry.prefix}.credit_code"
        if not text.strip():
            self._show_error(key, None)
            self._show_reason_row(entry, False)
            return
        if len("".join(text.split())) < _CREDIT_CODE_LENGTH and not finished:
            return  # still typing: judge it once it is complete or the coordinator moves on
        message = None
        try:
            parse_credit_code(text, field=key, override_reason=entry.reason.text() or None)
        except InvalidInput as error:
            message = render(error.message)
        self._show_error(key, message)
        self._show_reason_row(entry, _checksum_fails(text))

    def _show_reason_row(self, entry: _CreditCodeInput, needed: bool) -> None:
        entry.needs_reason = needed
        self._show_credit_rows(entry)

    def _show_credit_rows(self, entry: _CreditCodeInput) -> None:
        shown = entry.prefix != "employer" or self.employer_company.isChecked()
        entry.form.setRowVisible(entry.code_row, shown)
        entry.form.setRowVisible(entry.reason_row, shown and entry.needs_reason)

    def _show_employer_rows(self) -> None:
        company = self.employer_company.isChecked()
        self._show_credit_rows(self.employer_credit)
        self._employer_form.setRowVisible(self._legal_representative_row, company)
        self._employer_form.setRowVisible(self._employer_id_row, not company)

    def _reveal_ids(self, revealed: bool) -> None:
        shown = audit.revealable(self.workspace.context) if revealed else frozenset()
        if shown:
            self.workspace.record(audit.revealed, shown, REGISTRATION_FORM)
        for column in self._masked:
            column.show(shown)

    def _update_remove_button(self) -> None:
        self.remove_worker_button.setEnabled(bool(self.workers.selectionModel().selectedIndexes()))

    # ---- the workers table -------------------------------------------------------------------------------------

    def _append_row(self) -> int:
        row = self._insert_row()
        self._workers_changed()
        return row

    def _insert_row(self) -> int:
        """An empty row at the end, without the table-wide update (a roster adds hundreds at once)."""
        row = self.workers.rowCount()
        with QSignalBlocker(self.workers):
            self.workers.insertRow(row)
            for column in _TYPED_COLUMNS:
                item = QTableWidgetItem("")
                if column == CLAIMED:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.workers.setItem(row, column, item)
            representative = QTableWidgetItem()
            representative.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            representative.setCheckState(Qt.CheckState.Unchecked)
            representative.setToolTip(self.tr("Elected representative (collective cases only)"))
            self.workers.setItem(row, REPRESENTATIVE, representative)
            identity = QTableWidgetItem()
            identity.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            identity.setForeground(QBrush(QColor("#555555")))
            self.workers.setItem(row, IDENTITY, identity)
        return row

    def add_worker(self) -> None:
        """Add a row and start typing the new worker's name."""
        row = self._append_row()
        self.workers.setCurrentCell(row, NAME)
        self.workers.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.workers.editItem(self.workers.item(row, NAME))

    def remove_selected_workers(self) -> None:
        rows = {index.row() for index in self.workers.selectionModel().selectedIndexes()}
        for row in sorted(rows, reverse=True):
            self.workers.removeRow(row)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        self._check_cell(item)
        self._workers_changed()

    def _cell_check(self, column: int) -> Callable[[str], object] | None:
        if column == CLAIMED:  # whether zero may be claimed depends on the category chosen
            return partial(parse_claim, category=self._category())
        return _CELL_CHECKS.get(column)

    def _check_cell(self, item: QTableWidgetItem) -> None:
        column = item.column()
        check = self._cell_check(column)
        if check is not None:
            message, parsed = None, None
            if item.text().strip() or column != PHONE:
                try:
                    parsed = check(item.text())
                except InvalidInput as error:
                    message = render(error.message)
            if column == ID_NUMBER:
                self._show_identity(item.row(), parsed if isinstance(parsed, ResidentId) else None)
            self._mark_cell(item, message)

    def _recheck_claims(self) -> None:
        for row in range(self.workers.rowCount()):
            if self.workers.item(row, CLAIMED).text().strip():
                self._check_cell(self.workers.item(row, CLAIMED))
        self._workers_changed()

    def _show_identity(self, row: int, resident: ResidentId | None) -> None:
        """Sex and birth date read from a valid ID number, so the coordinator can compare them with the card."""
        text = ""
        if resident is not None:
            sex = formatting.label(resident.sex)
            text = self.tr("{sex}, born {birth}").format(sex=sex, birth=formatting.day(resident.birth_date))
        with QSignalBlocker(self.workers):
            self.workers.item(row, IDENTITY).setText(text)

    def _mark_cell(self, item: QTableWidgetItem, message: str | None) -> None:
        """Red with the message as tooltip; a valid ID number's tooltip tells the sex and birth date it encodes."""
        identity = self.workers.item(item.row(), IDENTITY).text() if item.column() == ID_NUMBER else ""
        with QSignalBlocker(self.workers):
            item.setData(_ERROR_ROLE, message)
            item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(_ERROR_BACKGROUND) if message else None)
            item.setToolTip(message or identity)

    def _workers_changed(self) -> None:
        """After any change to the table: the list of cell errors, the count and total, the collective note."""
        self._show_error("workers", None)
        header = self.workers.horizontalHeaderItem
        lines = [
            self.tr("Row {row}, {column}: {message}").format(
                row=row + 1, column=header(column).text().rstrip(" *"), message=message
            )
            for row in range(self.workers.rowCount())
            for column in _TYPED_COLUMNS
            if (message := self.workers.item(row, column).data(_ERROR_ROLE))
        ]
        self.worker_messages.setText("\n".join(lines))
        self.worker_messages.setVisible(bool(lines))

        entries = [entry for entry in self._worker_entries() if entry != WorkerEntry()]
        total = 0
        for entry in entries:
            with contextlib.suppress(InvalidInput):  # its cell shows the error; the total counts what can be read
                total += parse_yuan(entry.claimed, allow_zero=True)
        self.worker_summary.setText(
            self.tr("{count} workers, total claimed {amount}").format(
                count=len(entries), amount=formatting.money(total)
            )
        )
        collective = len(entries) >= COLLECTIVE_MIN_WORKERS
        self.collective_note.setVisible(collective)
        if collective:
            self.collective_note.setText(
                self.tr(
                    "{minimum} or more workers: this is a collective case. The workers elect {low} to {high} "
                    "representatives; tick them in the Representative column ({marked} ticked)."
                ).format(
                    minimum=COLLECTIVE_MIN_WORKERS,
                    low=REPRESENTATIVES_MIN,
                    high=REPRESENTATIVES_MAX,
                    marked=sum(entry.representative for entry in entries),
                )
            )
        self._update_remove_button()

    def _worker_entries(self) -> list[WorkerEntry]:
        def text(row: int, column: int) -> str:
            return self.workers.item(row, column).text()

        return [
            WorkerEntry(
                name=text(row, NAME),
                id_number=text(row, ID_NUMBER),
                phone=text(row, PHONE),
                claimed=text(row, CLAIMED),
                representative=self.workers.item(row, REPRESENTATIVE).checkState() == Qt.CheckState.Checked,
                ethnicity=text(row, ETHNICITY),
                address=text(row, ADDRESS),
                post=text(row, POST),
                service_address=text(row, SERVICE_ADDRESS),
            )
            for row in range(self.workers.rowCount())
        ]

    def _drop_empty_rows(self) -> None:
        """Rows added but never filled in hold nothing; removing them keeps error row numbers equal to table rows."""
        for row, entry in reversed(list(enumerate(self._worker_entries()))):
            if entry == WorkerEntry():
                self.workers.removeRow(row)

    # ---- reading and checking the form -------------------------------------------------------------------------

    def _category(self) -> Category | None:
        value = self.category.currentData()
        return Category(value) if value else None

    def _chosen(self, combo: QComboBox, kind: type[StrEnum]) -> StrEnum | None:
        value = combo.currentData()
        return kind(value) if value else None

    def _credit_code_values(self, entry: _CreditCodeInput) -> tuple[str, str]:
        # A reason typed while the checksum failed is not kept once the code has been corrected.
        return entry.code.text(), entry.reason.text() if entry.needs_reason else ""

    def _read_form(self) -> IntakeForm:
        company = self.employer_company.isChecked()
        credit_code, override_reason = self._credit_code_values(self.employer_credit) if company else ("", "")
        employer = EmployerEntry(
            kind=EmployerKind.COMPANY if company else EmployerKind.NATURAL_PERSON,
            name=self.employer_name.text(),
            credit_code=credit_code,
            credit_code_override_reason=override_reason,
            id_number="" if company else self.employer_id_number.text(),
            legal_representative=self.legal_representative.text() if company else "",
            phone=self.employer_phone.text(),
            address=self.employer_address.text(),
        )
        project = self.project_group.isChecked()
        contractor = None
        if project:
            code, reason = self._credit_code_values(self.contractor_credit)
            contractor = EmployerEntry(
                name=self.contractor_name.text(), credit_code=code, credit_code_override_reason=reason
            )
        return IntakeForm(
            channel=self._chosen(self.channel, IntakeChannel),  # type: ignore[arg-type]
            category=self._chosen(self.category, Category),  # type: ignore[arg-type]
            received_on=self.received_on.date().toPython(),
            knew_on=self.knew_on.value(),
            employment=self._chosen(self.employment, Employment),  # type: ignore[arg-type]
            employment_ended_on=self.employment_ended_on.date().toPython() if self._employment_ended() else None,
            facts=self.facts.toPlainText(),
            workers=self._worker_entries(),
            employer=employer,
            project_name=self.project_name.text() if project else "",
            project_address=self.project_address.text() if project else "",
            general_contractor=contractor,
            evidence=[line for line in self.evidence.toPlainText().splitlines() if line.strip()],
            agent=self._agent_entry(),
        )

    def _agent_entry(self) -> AgentEntry | None:
        if not self.agent_group.isChecked():
            return None
        return AgentEntry(
            name=self.agent_name.text(),
            id_number=self.agent_id_number.text(),
            phone=self.agent_phone.text(),
            authority=self.agent_authority.text(),
        )

    def _blank_form(self) -> IntakeForm:
        today = chinatime.today()
        return IntakeForm(received_on=today, employment=None)

    def _has_content(self) -> bool:
        form = self._read_form()
        form.workers = [entry for entry in form.workers if entry != WorkerEntry()]
        return form != self._blank_form()

    def _worker_cell(self, key: str) -> tuple[int, int] | None:
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "workers" and parts[1].isdigit() and parts[2] in _COLUMN_OF_FIELD:
            return int(parts[1]), _COLUMN_OF_FIELD[parts[2]]
        return None

    def error_label(self, key: str) -> QLabel:
        """The red label under the field with this key (as in InvalidInput.field)."""
        return self._error_labels[key]

    def _show_error(self, key: str, message: str | None) -> None:
        label = self._error_labels[key]
        label.setText(message or "")
        label.setVisible(bool(message))
        _restyle(self._inputs[key], "invalid", bool(message))

    def _clear_errors(self) -> None:
        for key in self._error_labels:
            self._show_error(key, None)
        for row in range(self.workers.rowCount()):
            for column in _TYPED_COLUMNS:
                self._mark_cell(self.workers.item(row, column), None)
        self._set_status("")

    def _show_errors(self, errors: list[InvalidInput]) -> None:
        """Every message beside its field (several for one field are listed together); focus the first."""
        by_key: dict[str, list[str]] = {}
        for error in errors:
            by_key.setdefault(error.field, []).append(render(error.message))
        unplaced = []
        for key, messages in by_key.items():
            cell = self._worker_cell(key)
            if cell is not None and cell[0] < self.workers.rowCount():
                self._mark_cell(self.workers.item(*cell), "\n".join(messages))
            elif key in self._error_labels:
                self._show_error(key, "\n".join(messages))
            else:
                unplaced.extend(messages)
        self._workers_changed()
        # _workers_changed() clears the table-wide message, which belongs to this round of checks: show it again.
        if "workers" in by_key:
            self._show_error("workers", "\n".join(by_key["workers"]))
        summary = self.tr("Nothing was saved: please correct the {count} marked entries.").format(count=len(errors))
        self._set_status("\n".join([summary, *unplaced]), error=True)
        self._focus_first(list(by_key))

    def _focus_first(self, keys: list[str]) -> None:
        page_order = list(self._inputs)

        def position(key: str) -> int:
            base = "workers" if self._worker_cell(key) else key
            return page_order.index(base) if base in page_order else len(page_order)

        first = min(keys, key=position)  # min() keeps the first of equals: worker rows stay in order
        cell = self._worker_cell(first)
        if cell is not None:
            self.workers.setCurrentCell(*cell)
            target = self.workers
        else:
            target = self._inputs.get(first, self.submit_button)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(target)

    # ---- submitting --------------------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the form; if it is right, look for repeat complaints, confirm them, then save."""
        if self._busy:
            return
        self.banner.hide()
        self._drop_empty_rows()
        for entry in (self.employer_credit, self.contractor_credit):
            self._show_reason_row(entry, _checksum_fails(entry.code.text()))
        form = self._read_form()
        self._clear_errors()
        try:
            checked = validate(form, chinatime.today())
        except ValidationFailed as failed:
            self._show_errors(failed.errors)
            return
        self._pending = checked
        self._set_busy(self.tr("Looking for open cases of the same workers or employer…"))
        self.workspace.load(find_repeat_complaints, checked, on_done=self._repeats_found, on_error=self._task_failed)

    def _repeats_found(self, repeats: list[RepeatComplaint]) -> None:
        if not repeats:
            self._save()
            return
        self._set_status(self.tr("Possible repeat complaint: waiting for your decision."))
        lines = "\n".join(
            self.tr("• {number} ({status}): {reason}").format(
                number=repeat.number, status=formatting.label(repeat.status), reason=render(repeat.reason)
            )
            for repeat in repeats
        )
        self._ask(
            self.tr("Repeat complaint"),
            self.tr(
                "This complaint may repeat {count} open case(s):\n\n{cases}\n\nRegister it as a new case anyway?"
            ).format(count=len(repeats), cases=lines),
            self.tr("Register anyway"),
            self._repeat_answered,
        )

    def _repeat_answered(self, register: bool) -> None:
        if register:
            self._save()
            return
        self._set_busy(None)
        self._set_status(self.tr("Not registered. The form is kept as it is."))

    def _save(self) -> None:
        self._set_busy(self.tr("Saving…"))
        self.workspace.change(save, self._pending, on_done=self._saved, on_error=self._task_failed)

    def _saved(self, case: RegisteredCase) -> None:
        origin = self.origin
        self._set_busy(None)
        self._reset()
        self.banner.setText(self.tr("Case {number} has been registered.").format(number=case.number))
        self.banner.show()
        if origin is not None:
            self.registered_from.emit(origin, case.case_id)
        self.registered.emit(case.case_id)

    def _task_failed(self, error: Exception) -> None:
        self._set_busy(None)
        if isinstance(error, ValidationFailed):  # what only the saved records could tell, e.g. a name on file
            self._show_errors(error.errors)
        else:
            self.workspace.show_error(error, self)

    def _set_busy(self, activity: str | None) -> None:
        """While a check or save runs, the form cannot change under it and cannot be sent twice."""
        self._busy = activity is not None
        if not self._busy:
            self._pending = None  # the checked complaint holds ID numbers: keep it no longer than needed
        self.content.setEnabled(not self._busy)
        self.submit_button.setEnabled(not self._busy)
        self.clear_button.setEnabled(not self._busy)
        self._set_status(activity or "")

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        _restyle(self.status, "error", error)

    def _ask(self, title: str, text: str, yes: str, on_answer: Callable[[bool], None]) -> None:
        """A warning with Yes/No, opened without blocking; No is the default and Esc."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.No, self)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no_button = box.button(QMessageBox.StandardButton.No)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)

        def answered() -> None:
            self.question = None
            box.deleteLater()
            on_answer(box.clickedButton() is yes_button)

        box.finished.connect(answered)
        self.question = box
        box.open()

    # ---- importing a roster ------------------------------------------------------------------------------------

    def choose_roster(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import workers from a roster"), "", self.tr("Rosters (*.xlsx *.csv *.xls)")
        )
        if path:
            self.import_roster(Path(path))

    def import_roster(self, path: Path) -> None:
        """Read and check the roster in the background, then show what was found."""
        if self._busy:
            return
        self.banner.hide()
        self._set_busy(self.tr("Reading and checking the roster…"))
        self._roster_file_name = path.name
        # Bound methods, so that the runner drops the result if this page is gone by then.
        self.workspace.tasks.run(
            read_roster, path, self._category(), on_done=self._roster_read, on_error=self._roster_failed
        )

    def _roster_read(self, report: RosterReport) -> None:
        self._set_busy(None)
        self._show_roster_report(RosterReportDialog(self._roster_file_name, report, parent=self))

    def _roster_failed(self, error: Exception) -> None:
        self._set_busy(None)
        if isinstance(error, RosterUnreadable):
            self._show_roster_report(RosterReportDialog(self._roster_file_name, None, error.message, parent=self))
        else:
            self.workspace.show_error(error, self)

    def _show_roster_report(self, dialog: RosterReportDialog) -> None:
        def finished(result: int) -> None:
            self.roster_report = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.report is not None:
                self._take_roster(dialog.report.entries())

        dialog.finished.connect(finished)
        self.roster_report = dialog
        dialog.open()

    def _take_roster(self, entries: list[WorkerEntry]) -> None:
        """Into an empty table at once; a table with workers in it asks whether to replace them or add below."""
        present = [entry for entry in self._worker_entries() if entry != WorkerEntry()]
        if not present:
            self.place_roster(entries, replace=True)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import the roster"),
            self.tr(
                "The table already lists {present} workers. Replace them with the {count} workers of the roster, "
                "or add the roster below them?"
            ).format(present=len(present), count=len(entries)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        append = box.addButton(self.tr("Add below"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(append)

        def answered() -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() in (replace, append):
                self.place_roster(entries, replace=box.clickedButton() is replace)

        box.finished.connect(answered)
        self.question = box
        box.open()

    def place_roster(self, entries: list[WorkerEntry], *, replace: bool) -> None:
        """Put a checked roster's workers into the table, in place of its rows or below them; each cell is checked
        as if typed, and the table-wide summary updated once at the end."""
        if replace:
            self.workers.setRowCount(0)
        else:
            self._drop_empty_rows()
        for entry in entries:
            row = self._insert_row()
            with QSignalBlocker(self.workers):
                for column, attribute in _TYPED_COLUMNS.items():
                    self.workers.item(row, column).setText(getattr(entry, attribute))
                checked = Qt.CheckState.Checked if entry.representative else Qt.CheckState.Unchecked
                self.workers.item(row, REPRESENTATIVE).setCheckState(checked)
            for column in _TYPED_COLUMNS:
                self._check_cell(self.workers.item(row, column))
        self._workers_changed()
        self._set_status(
            self.tr("{count} workers were taken from the roster. Complete the rest of the form, then register.").format(
                count=len(entries)
            )
        )
        self.workers.setCurrentCell(0, NAME)
        self.workers.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_template_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the roster template"),
            self.tr("roster template.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.save_roster_template(Path(path).with_suffix(".xlsx"))

    def save_roster_template(self, path: Path) -> None:
        self.workspace.tasks.run(write_template, path, on_done=self._template_saved, on_error=self._template_failed)

    def _template_saved(self, path: Path) -> None:
        self._set_status(
            self.tr("Roster template saved as {path}. Fill in one worker per row, then import it.").format(path=path)
        )

    def _template_failed(self, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        self._set_status(self.tr("The template could not be saved: {reason}").format(reason=reason), error=True)

    # ---- clearing ----------------------------------------------------------------------------------------------

    def clear_form(self) -> None:
        if self._has_content():
            self._ask(
                self.tr("Clear the form"),
                self.tr("Remove everything typed on this page? It has not been registered."),
                self.tr("Clear"),
                self._clear_answered,
            )
        else:
            self._reset()

    def _clear_answered(self, clear: bool) -> None:
        if clear:
            self.banner.hide()
            self._reset()

    def start_from(self, form: IntakeForm, origin: object, note: str) -> None:
        """A new registration filled with what ``origin`` (a clue) already says; the coordinator checks and completes
        it, then registers, and the case is linked to ``origin``. A form being typed is not overwritten unasked."""

        def fill(replace: bool) -> None:
            if not replace:
                return
            self._reset()
            self.origin = origin
            self.channel.setCurrentIndex(self.channel.findData(form.channel.value if form.channel else ""))
            if form.received_on:
                self.received_on.setDate(QDate(form.received_on))
            self.facts.setPlainText(form.facts)
            self.place_roster(form.workers, replace=True)
            self.employer_name.setText(form.employer.name)
            if form.project_name:
                self.project_group.setChecked(True)
                self.project_name.setText(form.project_name)
            self._set_status(note)

        if self._has_content():
            self._ask(
                self.tr("Replace the form"),
                self.tr("Replace what is typed on this page (not yet registered) with the clue's details?"),
                self.tr("Replace"),
                fill,
            )
        else:
            fill(True)

    def _reset(self) -> None:
        """An empty form: today's dates, one empty worker row, a company employer, no project."""
        self.origin = None
        today = QDate(chinatime.today())
        self.received_on.setMaximumDate(today)
        self.received_on.setDate(today)
        self.employment_ended_on.setMaximumDate(today)
        self.employment_ended_on.setDate(today)
        self.knew_on.edit.setMaximumDate(today)
        self.knew_on.set_value(None)
        self.employment.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        self.facts.clear()
        self.evidence.clear()
        for edit in self._line_edits:
            edit.clear()
        self.workers.setRowCount(0)
        self._append_row()
        self.reveal_ids.setChecked(False)
        self.employer_company.setChecked(True)
        for entry in (self.employer_credit, self.contractor_credit):
            self._show_reason_row(entry, False)
        self._show_employer_rows()
        self.project_group.setChecked(False)
        self.agent_group.setChecked(False)
        self.agent_authority.setText(SPECIAL_AUTHORITY)
        self._clear_errors()
        self._count_facts()
        self.scroll.verticalScrollBar().setValue(0)
