"""The 登记 page: a coordinator types a complaint, sees every problem beside its field, and registers the case.

Field checks are pure domain functions, so they run on the GUI thread as the coordinator types; the search for
repeat complaints and the save go through the workspace's background runner.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QVBoxLayout,
    QWidget,
)

from ....domain import chinatime
from ....domain.cases import Category, Employment, IntakeChannel
from ....domain.errors import InvalidInput, ValidationFailed
from ....domain.identifiers import (
    credit_code_checksum_ok,
    normalise_mobile,
    normalise_phone,
    parse_credit_code,
    parse_resident_id,
)
from ....domain.parties import SPECIAL_AUTHORITY, EmployerKind
from ....domain.text import FACTS_MAX
from ....services.intake import (
    AgentEntry,
    CheckedIntake,
    EmployerEntry,
    IntakeForm,
    RegisteredCase,
    RepeatComplaint,
    find_repeat_complaints,
    save,
    validate,
)
from ... import formatting
from ...i18n import render
from ...kit.ask import ask
from ...kit.form import FieldErrors, banner
from ...kit.inputs import EnumCombo, OptionalDate, date_edit
from ...kit.palette import ERROR, MUTED, NAVY, NOTICE_STYLE, SUCCESS_STYLE
from ...kit.text import plain_label
from ...workspace import Workspace
from .roster import RosterImport
from .workers_table import WorkersTable, worker_cell

_CREDIT_CODE_LENGTH = 18

# The page's colours are the app's (kit.palette): red for what is wrong, amber notes, green for what was done.
_STYLE = f"""
QLabel#pageTitle {{ font-size: 20px; font-weight: bold; color: {NAVY}; }}
QLabel#workerMessages, QLabel#status[error="true"] {{ color: {ERROR}; }}
QLabel#hint, QLabel#factsCounter {{ color: {MUTED}; }}
QLabel#factsCounter[error="true"] {{ color: {ERROR}; font-weight: bold; }}
QLabel#collectiveNote {{ {NOTICE_STYLE} }}
QLabel#banner {{ {SUCCESS_STYLE} }}
QGroupBox {{ font-weight: bold; margin-top: 10px; }}
"""


def _checksum_fails(text: str) -> bool:
    """Whether a credit code is well-formed and only its check character is wrong (the case an override may cover)."""
    try:
        # Any reason waives the checksum and nothing else, so this call checks the format alone.
        code = parse_credit_code(text, override_reason="format check")
    except InvalidInput:
        return False
    return not credit_code_checksum_ok(code)


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


# How many workers the confirmation names before "…".
SUMMARY_NAMES = 5


class IntakeView(QWidget):
    """The registration page. Emits ``registered`` with the new case's id once it is saved."""

    registered = Signal(uuid.UUID)
    # The case registered from a form started from something else (a clue the city forwarded), and that thing.
    registered_from = Signal(object, uuid.UUID)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._line_edits: list[QLineEdit] = []
        self._row_labels: list[QLabel] = []
        self._pending: CheckedIntake | None = None
        self._busy = False
        self.origin: object | None = None  # what the form was started from (start_from), linked to its case
        # The open question (confirm the registration, clear or replace the form), kept so that tests can answer it.
        self.question: QMessageBox | None = None
        self.setStyleSheet(_STYLE)
        # Messages that belong to no field (a refusal only the saved records could give) go above the form.
        self.general_errors = banner()
        # Each field's message beside it, keyed as in InvalidInput.field, in the order of the page.
        self.errors = FieldErrors(self.general_errors)

        title = QLabel(self.tr("Register a complaint"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Fields marked * are required. Every entry is checked when you register."))
        subtitle.setObjectName("hint")
        self.banner = plain_label(selectable=True)  # the new case's number
        self.banner.setObjectName("banner")
        self.banner.hide()

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 12, 0)
        content_layout.setSpacing(12)
        content_layout.addWidget(self._complaint_group())
        content_layout.addWidget(self._limitation_group())
        self.workers_table = WorkersTable(self.tr("Workers"), workspace, self._category, self.errors)
        self.workers = self.workers_table.table
        self.roster = RosterImport(workspace, self.workers_table, self._category)
        self.roster.activity.connect(self._set_busy)
        self.roster.said.connect(lambda text, error: self._set_status(text, error=error))
        self.category.currentIndexChanged.connect(self.workers_table.recheck_claims)
        content_layout.addWidget(self.workers_table)
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

        self.status = plain_label(wrap=True)  # it may quote a file name or a clue's reference
        self.status.setObjectName("status")
        self.clear_button = QPushButton(self.tr("C&lear form"))
        self.clear_button.clicked.connect(self.clear_form)
        self.submit_button = QPushButton(self.tr("Check and re&gister"))
        self.submit_button.setToolTip(self.tr("Check the form, then confirm its summary to register (Ctrl+Enter)"))
        self.submit_button.setMinimumWidth(160)
        self.submit_button.clicked.connect(self.submit)
        # Enter in a one-line field does nothing: a complaint is registered only on purpose, by the button or
        # Ctrl+Enter, and after its summary is confirmed.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addWidget(self.general_errors)
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
        self._line_edits.append(edit)
        return edit

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
        """A labelled row whose field has its message underneath (gone once the field is changed); returns the
        row's field widget."""
        focus = focus or field
        label = QLabel(text)
        label.setBuddy(focus)
        label.setContentsMargins(0, 4, 0, 0)
        self._row_labels.append(label)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            with_hint = QWidget()
            column = QVBoxLayout(with_hint)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(hint_label)
            field = with_hint
        cell = self.errors.field(key, field, focus)
        form.addRow(label, cell)
        return cell

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
        self.channel = EnumCombo(list(IntakeChannel), blank=self.tr("Please choose…"))
        self._add_row(form, self.tr("Intake &channel *"), "channel", self._left(self.channel), focus=self.channel)
        self.category = EnumCombo(list(Category), blank=self.tr("Please choose…"))
        width = max(self.channel.sizeHint().width(), self.category.sizeHint().width())
        for combo in (self.channel, self.category):
            combo.setMinimumWidth(width)
        self._add_row(form, self.tr("Ca&tegory *"), "category", self._left(self.category), focus=self.category)
        self.received_on = date_edit()
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
        self.employment = EnumCombo(list(Employment), blank=self.tr("Please choose…"))
        self._add_row(
            form,
            self.tr("E&mployment *"),
            "employment",
            self._left(self.employment),
            focus=self.employment,
            hint=self.tr("Wage arrears are not time-barred while the employment continues; once it ended, a year."),
        )
        self.employment_ended_on = date_edit()
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
        return self.employment.current() is Employment.ENDED

    def _show_employment_end(self) -> None:
        for widget in (self._employment_end_row, self._employment_end_label):
            widget.setVisible(self._employment_ended())

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
            self.errors.set(key, message)

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
            self.errors.set(key, None)
            self._show_reason_row(entry, False)
            return
        if len("".join(text.split())) < _CREDIT_CODE_LENGTH and not finished:
            return  # still typing: judge it once it is complete or the coordinator moves on
        message = None
        try:
            parse_credit_code(text, field=key, override_reason=entry.reason.text() or None)
        except InvalidInput as error:
            message = render(error.message)
        self.errors.set(key, message)
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

    # ---- reading and checking the form -------------------------------------------------------------------------

    def _category(self) -> Category | None:
        return self.category.current()

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
            channel=self.channel.current(),
            category=self.category.current(),
            received_on=self.received_on.date().toPython(),
            knew_on=self.knew_on.value(),
            employment=self.employment.current(),
            employment_ended_on=self.employment_ended_on.date().toPython() if self._employment_ended() else None,
            facts=self.facts.toPlainText(),
            workers=self.workers_table.entries(),
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

    def focus_first(self) -> None:
        """Ctrl+N: typing starts in the form's first field, not in the page list beside it."""
        self.channel.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scroll.ensureWidgetVisible(self.channel)

    def has_content(self) -> bool:
        """Something is typed that is not registered."""
        form = self._read_form()
        form.workers = self.workers_table.filled_entries()
        return form != self._blank_form()

    def error_label(self, key: str) -> QLabel:
        """The red label under the field with this key (as in InvalidInput.field)."""
        return self.errors.label(key)

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.workers_table.clear_marks()
        self.workers_table.refresh()
        self._set_status("")

    def _show_errors(self, errors: list[InvalidInput]) -> None:
        """Every message beside its field (several for one field are listed together), a worker's in its cell;
        the first wrong entry gets the focus."""
        by_cell: dict[tuple[int, int], list[str]] = {}
        elsewhere = []
        for error in errors:
            cell = worker_cell(error.field)
            if cell is not None and cell[0] < self.workers.rowCount():
                by_cell.setdefault(cell, []).append(render(error.message))
            else:
                elsewhere.append(error)
        for (row, column), messages in by_cell.items():
            self.workers_table.mark_cell(row, column, "\n".join(messages))
        self.workers_table.refresh()  # the list of cell errors under the table
        target = self.errors.show(elsewhere)
        first = worker_cell(errors[0].field)
        if first is not None and first in by_cell:
            target = self.workers_table.focus_cell(*first)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        summary = self.tr("Nothing was saved: please correct the {count} marked entries.").format(count=len(errors))
        self._set_status(summary, error=True)
        if target is not None:
            self.scroll.ensureWidgetVisible(target)

    # ---- submitting --------------------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the form; if it is right, look for repeat complaints, then ask to confirm its summary (with any
        repeat pointed out) before saving."""
        if self._busy:
            return
        self.banner.hide()
        self.workers_table.drop_empty_rows()
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
        self._set_busy(self.tr("Looking for cases of the same workers or employer still in hand…"))
        self.workspace.load(find_repeat_complaints, checked, on_done=self._confirm, on_error=self._task_failed)

    def _confirm(self, repeats: list[RepeatComplaint]) -> None:
        if self._pending is None:
            return
        self._set_status(self.tr("Waiting for you to confirm the registration."))
        question = self.tr("Register this complaint as a new case?")
        if repeats:
            lines = "\n".join(
                self.tr("• {number} ({status}): {reason}").format(
                    number=repeat.number, status=formatting.label(repeat.status), reason=render(repeat.reason)
                )
                for repeat in repeats
            )
            question = self.tr(
                "This complaint may repeat {count} case(s) still open or being paid:\n\n{cases}\n\n"
                "Register it as a new case anyway?"
            ).format(count=len(repeats), cases=lines)
        self._ask(
            self.tr("Repeat complaint") if repeats else self.tr("Register the complaint"),
            f"{self._summary(self._pending)}\n\n{question}",
            self.tr("Register anyway") if repeats else self.tr("&Register"),
            self._save,
            on_no=self._not_confirmed,
            warning=bool(repeats),
        )

    def _summary(self, intake: CheckedIntake) -> str:
        """What is about to be registered, in the words the coordinator checks it by."""
        names = [worker.name for worker in intake.workers[:SUMMARY_NAMES]]
        if len(intake.workers) > SUMMARY_NAMES:
            names.append("…")
        return "\n".join(
            [
                self.tr("Category: {category}").format(category=formatting.label(intake.category)),
                self.tr("Workers: {count} ({names})").format(count=len(intake.workers), names="、".join(names)),
                self.tr("Employer: {employer}").format(employer=intake.employer.name),
                self.tr("Amount claimed: {amount}").format(
                    amount=formatting.money(sum(worker.claimed_fen for worker in intake.workers))
                ),
            ]
        )

    def _not_confirmed(self) -> None:
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

    def _ask(
        self,
        title: str,
        text: str,
        yes_text: str,
        on_yes: Callable[[], None],
        *,
        on_no: Callable[[], None] | None = None,
        warning: bool = False,
    ) -> None:
        """A question that does not block, No being the default and Esc; kept in ``question`` while it is open."""
        self.question = ask(self, title, text, on_yes, yes_text=yes_text, on_no=on_no, warning=warning)
        self.question.finished.connect(self._question_closed)

    def _question_closed(self) -> None:
        self.question = None

    # ---- clearing ----------------------------------------------------------------------------------------------

    def clear_form(self) -> None:
        if self.has_content():
            self._ask(
                self.tr("Clear the form"),
                self.tr("Remove everything typed on this page? It has not been registered."),
                self.tr("Clear"),
                self._clear,
            )
        else:
            self._reset()

    def _clear(self) -> None:
        self.banner.hide()
        self._reset()

    def start_from(self, form: IntakeForm, origin: object, note: str) -> None:
        """A new registration filled with what ``origin`` (a clue) already says; the coordinator checks and completes
        it, then registers, and the case is linked to ``origin``. A form being typed is not overwritten unasked."""

        def fill() -> None:
            self._reset()
            self.origin = origin
            self.channel.select(form.channel)
            if form.received_on:
                self.received_on.setDate(QDate(form.received_on))
            self.facts.setPlainText(form.facts)
            self.workers_table.place(form.workers, replace=True)
            self.employer_name.setText(form.employer.name)
            if form.project_name:
                self.project_group.setChecked(True)
                self.project_name.setText(form.project_name)
            self._set_status(note)

        if self.has_content():
            self._ask(
                self.tr("Replace the form"),
                self.tr("Replace what is typed on this page (not yet registered) with the clue's details?"),
                self.tr("Replace"),
                fill,
            )
        else:
            fill()

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
        self.employment.select(None)
        self.channel.select(None)
        self.category.select(None)
        self.facts.clear()
        self.evidence.clear()
        for edit in self._line_edits:
            edit.clear()
        self.workers_table.reset()
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
