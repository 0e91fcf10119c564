"""The case file window: one case's parties, facts, deadlines and history, and the buttons that move it on.

Coordinators keep several case files open beside the case list, so this is a non-modal window per case that
reloads itself whenever anything changes. ID numbers stay masked until the coordinator asks to see them (PIPL).
"""

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.audit import AuditAction
from ...domain.cases import TRANSITIONS, CaseAction, CaseStatus, event_label
from ...domain.changes import Change
from ...domain.clocks import CALENDAR_CLOCKS, ClockState, LimitationFacts
from ...domain.errors import DomainError
from ...domain.parties import EmployerKind
from ...domain.performance import InstalmentState, Performance, PerformanceState
from ...domain.personal import PersonalField
from ...domain.text import REASON_MAX
from ...services import audit, case_actions, case_queries
from ...services.case_queries import CaseDetail, RespondentView
from .. import formatting
from ..i18n import domain_text, render
from ..kit import palette
from ..kit.ask import ask_to_discard
from ..kit.form import FormDialog
from ..kit.inputs import date_edit
from ..kit.page import StationView
from ..kit.table import fill, item, make_table
from ..kit.text import plain_label
from ..workspace import Workspace
from .after_mediation_tab import AfterMediationTab
from .agreement_tab import AgreementTab
from .application_signature import ApplicationSignatureBar
from .correction_dialogs import CorrectionBar
from .documents_tab import DocumentsTab
from .limitation_dialog import LimitationDialog
from .mediation_tab import MediationTab


def _asks_first(action: CaseAction) -> bool:
    """An action that needs a written reason, or that ends the case for good, is not done on a single click."""
    target = TRANSITIONS[action].target
    return action.needs_reason or target.is_end_state or target is CaseStatus.CLOSED


class ActionDialog(QDialog):
    """Asks before an action that cannot be undone: for the written reason it needs (R2, R10), or for a yes."""

    def __init__(self, action: CaseAction, case_number: str, draft: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(formatting.label(action))
        layout = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(formatting.label(action))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit: QPlainTextEdit | None = None
        if action.needs_reason:
            prompt = QLabel(
                self.tr('&Reason for "{action}" (case {number}). It is recorded in the case file.').format(
                    action=formatting.label(action), number=case_number
                )
            )
            prompt.setWordWrap(True)
            self.reason_edit = QPlainTextEdit(draft)
            self.reason_edit.setTabChangesFocus(True)
            prompt.setBuddy(self.reason_edit)
            self.counter = QLabel()
            self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
            hint = QLabel(self.tr("Ctrl+Enter to confirm, Esc to cancel."))
            hint.setStyleSheet(f"color: {palette.MUTED};")
            footer = QHBoxLayout()
            footer.addWidget(hint)
            footer.addStretch(1)
            footer.addWidget(self.counter)
            layout.addWidget(prompt)
            layout.addWidget(self.reason_edit, 1)
            layout.addLayout(footer)
            self.reason_edit.textChanged.connect(self._check)
            # Enter is a line break in the reason; Ctrl+Enter confirms, as in a chat window.
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, self._confirm)
            self._check()
            self.resize(460, 240)
        else:
            question = QLabel(
                self.tr('"{action}" for case {number}? This cannot be undone.').format(
                    action=formatting.label(action), number=case_number
                )
            )
            question.setWordWrap(True)
            layout.addWidget(question)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip() if self.reason_edit else ""

    def _check(self) -> None:
        length = len(self.reason())
        too_long = length > REASON_MAX
        self.counter.setText(self.tr("{length} / {maximum}").format(length=length, maximum=REASON_MAX))
        self.counter.setStyleSheet(
            f"color: {palette.ERROR}; font-weight: bold;" if too_long else f"color: {palette.MUTED};"
        )
        self.ok_button.setEnabled(length > 0 and not too_long)

    def _confirm(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()


class NoticeDialog(FormDialog):
    """R2: the day the written notice of a refusal reached the applicant."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Notice of refusal served"), self.tr("&Record"), parent)
        self.case_id = case_id
        self.served_on = date_edit()
        self.add_field("served_on", self.tr("&Served on"), self.served_on)

    def submit(self) -> None:
        self.run(case_actions.record_notice_served, self.case_id, self.served_on.date().toPython())


class CaseDetailDialog(StationView, QDialog):
    """The case file of ``case_id``: loads in the background, reloads when its own case (or a party) changed."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.case_id = case_id
        workspace.record(audit.about_case, AuditAction.CASE_VIEWED, case_id)
        self.shown: frozenset[PersonalField] = frozenset()  # personal data shown in full (PIPL: masked by default)
        self.detail: CaseDetail | None = None
        self.action_dialog: ActionDialog | None = None
        self.action_buttons: dict[CaseAction, QPushButton] = {}
        self._busy = False
        # A reason typed for an action that then failed, or whose dialog was cancelled, is offered again, not lost.
        self._drafts: dict[CaseAction, str] = {}
        self.setWindowTitle(self.tr("Case file"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.mediation_tab = MediationTab(workspace, case_id)
        self.agreement_tab = AgreementTab(workspace, case_id)
        self.after_tab = AfterMediationTab(workspace, case_id)
        self.documents_tab = DocumentsTab(workspace, case_id)
        self.tabs.addTab(self._parties_page(), self.tr("&Parties"))
        self.tabs.addTab(self._facts_page(), self.tr("&Facts and evidence"))
        self._clocks_tab = self.tabs.addTab(self._clocks_page(), self.tr("&Deadlines"))
        self.tabs.addTab(self.mediation_tab, self.tr("&Mediation"))
        self.tabs.addTab(self.agreement_tab, self.tr("A&greement and payments"))
        self.tabs.addTab(self.after_tab, self.tr("Court and a&rbitration"))
        self.tabs.addTab(self.documents_tab, self.tr("Doc&uments"))
        self.tabs.addTab(self._timeline_page(), self.tr("&Timeline"))

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(palette.BANNER_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.actions_bar = QHBoxLayout()
        close_button = QPushButton(self.tr("Close window"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.close)
        footer = QHBoxLayout()
        footer.addWidget(QLabel(self.tr("Actions:")))
        footer.addLayout(self.actions_bar)
        footer.addStretch(1)
        footer.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 10)
        layout.addWidget(self._header())
        body = QVBoxLayout()
        body.setContentsMargins(12, 4, 12, 0)
        body.addWidget(self.error_label)
        self.signature_bar = ApplicationSignatureBar(workspace)
        body.addWidget(self.signature_bar)
        body.addWidget(self.tabs, 1)
        body.addLayout(footer)
        layout.addLayout(body, 1)
        self.resize(1000, 720)

        self.refresh()

    # -- building ------------------------------------------------------------------------------------------------

    def _header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("caseHeader")
        header.setStyleSheet(
            f"#caseHeader {{ background: #f7f8fa; border-bottom: 3px solid {palette.OFFICIAL_RED}; }}"
            f"#caseHeader QLabel[role='caption'] {{ color: {palette.MUTED}; }}"
        )
        self.number_label = plain_label(wrap=True, selectable=True)
        self.number_label.setText(self.tr("Loading…"))
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setStyleSheet(f"color: {palette.NAVY};")
        self.number_label.setWordWrap(False)
        self.status_badge = QLabel()
        self.status_badge.hide()
        self.collective_badge = QLabel()
        self.collective_badge.setStyleSheet(
            f"color: {palette.OFFICIAL_RED}; border: 1px solid {palette.OFFICIAL_RED}; border-radius: 4px;"
            " padding: 2px 8px;"
        )
        self.collective_badge.hide()
        self.status_reason = plain_label(wrap=True, selectable=True)
        self.status_reason.hide()

        title = QHBoxLayout()
        title.addWidget(self.number_label)
        title.addSpacing(8)
        title.addWidget(self.status_badge)
        title.addWidget(self.collective_badge)
        title.addStretch(1)

        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)

        def place(key: str, caption: str, row: int, column: int, span: int = 1) -> None:
            caption_label = QLabel(caption)
            caption_label.setProperty("role", "caption")
            self.fields[key] = plain_label(wrap=True, selectable=True)
            grid.addWidget(caption_label, row, column)
            grid.addWidget(self.fields[key], row, column + 1, 1, span)

        captions = [
            ("category", self.tr("Category")),
            ("channel", self.tr("Channel")),
            ("registered", self.tr("Registered")),
            ("received", self.tr("Application received")),
            ("workers", self.tr("Workers")),
            ("claimed", self.tr("Total claimed")),
            ("knew", self.tr("Knew of the dispute")),
        ]
        per_row = 4
        for index, (key, caption) in enumerate(captions):
            row, column = divmod(index, per_row)
            place(key, caption, row, column * 2)
        # A project name can be long: it gets a row of its own rather than squeezing the dates beside it.
        place("project", self.tr("Project"), 2, 0, span=per_row * 2 - 1)
        for column in range(per_row):
            grid.setColumnStretch(column * 2 + 1, 1)

        layout = QVBoxLayout(header)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addLayout(title)
        layout.addWidget(self.status_reason)
        layout.addLayout(grid)
        return header

    def _parties_page(self) -> QWidget:
        self.claimants_heading = QLabel()
        self.claimants_heading.setStyleSheet("font-weight: bold;")
        self.show_ids = QCheckBox(self.tr("&Show personal data"))
        self.show_ids.setToolTip(
            self.tr(
                "ID numbers, phones and bank accounts are personal information; show them only when needed. "
                "Your account may see in full: {fields}."
            ).format(fields=formatting.revealable_text(audit.revealable(self.workspace.context)))
        )
        self.show_ids.toggled.connect(self._ids_toggled)
        self.claimants_table = make_table(
            [
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Sex"),
                self.tr("Date of birth"),
                self.tr("Phone"),
                self.tr("Claimed"),
                self.tr("Representative"),
            ]
        )
        self.respondents_heading = QLabel(self.tr("Respondents"))
        self.respondents_heading.setStyleSheet("font-weight: bold;")
        self.respondents_box = QHBoxLayout()

        self.correction_bar = CorrectionBar(self.workspace, self.claimants_table)
        self.correction_bar.changed.connect(self._show)
        top = QHBoxLayout()
        top.addWidget(self.claimants_heading)
        top.addStretch(1)
        top.addWidget(self.correction_bar)
        top.addWidget(self.show_ids)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.claimants_table, 3)
        layout.addWidget(self.respondents_heading)
        layout.addLayout(self.respondents_box)
        return page

    def _facts_page(self) -> QWidget:
        self.facts_text = QPlainTextEdit()
        self.facts_text.setReadOnly(True)
        self.evidence_list = QListWidget()
        facts_heading = QLabel(self.tr("Facts and reasons"))
        facts_heading.setBuddy(self.facts_text)
        evidence_heading = QLabel(self.tr("Evidence"))
        evidence_heading.setBuddy(self.evidence_list)
        for heading in (facts_heading, evidence_heading):
            heading.setStyleSheet("font-weight: bold;")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(facts_heading)
        layout.addWidget(self.facts_text, 3)
        layout.addWidget(evidence_heading)
        layout.addWidget(self.evidence_list, 2)
        return page

    def _clocks_page(self) -> QWidget:
        self.clocks_table = make_table(
            [self.tr("Deadline"), self.tr("Due"), self.tr("State"), self.tr("Time left"), self.tr("Note")]
        )
        explanation = QLabel(
            self.tr(
                "Working days follow the official holiday calendar; other periods are calendar days. "
                "The day the period starts is not counted."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(f"color: {palette.MUTED};")
        self.limitation_facts = QLabel()
        self.limitation_facts.setWordWrap(True)
        limitation_button = QPushButton(self.tr("&Limitation facts…"))
        limitation_button.setAutoDefault(False)
        limitation_button.clicked.connect(self.open_limitation_dialog)
        limitation_row = QHBoxLayout()
        limitation_row.addWidget(self.limitation_facts, 1)
        limitation_row.addWidget(limitation_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.clocks_table, 1)
        layout.addLayout(limitation_row)
        layout.addWidget(explanation)
        return page

    def _timeline_page(self) -> QWidget:
        self.timeline_table = make_table([self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Details")])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.timeline_table)
        return page

    # -- loading and showing -------------------------------------------------------------------------------------

    def concerns(self, change: Change) -> bool:
        # Parties are shared between cases: a worker's or employer's name corrected elsewhere shows here too.
        return change.concerns_case(self.case_id) or change.touches("person", "employer", "project", "station")

    def reload(self) -> None:
        self.workspace.load(case_queries.case_detail, self.case_id, on_done=self._show, on_error=self._load_failed)

    def _load_failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):  # e.g. the case was deleted meanwhile
            self._show_error(render(error.message))
            self._set_actions([])
        else:
            self.workspace.show_error(error, self)

    def _show(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("{number} – case file").format(number=detail.number))
        self._show_header(detail)
        self._show_parties()
        self.facts_text.setPlainText(detail.facts)
        self.evidence_list.clear()
        if detail.evidence:
            self.evidence_list.addItems([f"{n}. {text}" for n, text in enumerate(detail.evidence, start=1)])
        else:
            self.evidence_list.addItem(self.tr("No evidence listed."))
        self._show_clocks(detail)
        fill(
            self.timeline_table,
            [
                [
                    item(formatting.moment(event.at)),
                    item(event.actor),
                    item(domain_text(event_label(event.kind))),
                    item(render(event.shown)),
                ]
                for event in detail.timeline
            ],
        )
        self._set_actions(detail.actions)
        self.correction_bar.show_case(detail)
        self.signature_bar.show_case(detail)
        self.mediation_tab.show_case(detail.status)
        self.agreement_tab.show_case(detail)
        self.after_tab.show_case()
        self.documents_tab.show_case()

    def _show_header(self, detail: CaseDetail) -> None:
        self.number_label.setText(detail.number)
        owed = detail.owed
        # An agreement still being paid is not the end of the case: the badge says how its payments stand.
        self.status_badge.setText(formatting.label(owed.state if owed else detail.status))
        colour = palette.PERFORMANCE[owed.state].ink if owed else palette.STATUSES[detail.status].ink
        self.status_badge.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 4px; padding: 3px 10px; font-weight: bold;"
        )
        self.status_badge.show()
        workers = len(detail.claimants)
        self.collective_badge.setText(self.tr("Collective dispute · {count} workers").format(count=workers))
        self.collective_badge.setVisible(detail.is_collective)
        self.status_reason.setText(self.tr("Reason: {reason}").format(reason=detail.status_reason))
        self.status_reason.setVisible(bool(detail.status_reason))
        values = {
            "category": formatting.label(detail.category),
            "channel": formatting.label(detail.channel),
            "registered": formatting.moment(detail.registered_at),
            "received": formatting.day(detail.received_on),
            "workers": formatting.locale_number(workers),
            "claimed": formatting.money(detail.claimed_total_fen),
            "project": detail.project_name or "—",
            "knew": formatting.known_day(detail.knew_on),
        }
        for key, value in values.items():
            self.fields[key].setText(value)

    def _personal(self, field: PersonalField, text: str | None) -> str:
        return formatting.personal(field, text, self.shown) or "—"

    def _ids_toggled(self, shown: bool) -> None:
        self.shown = audit.revealable(self.workspace.context) if shown else frozenset()
        if shown:
            self.workspace.record(audit.revealed, self.shown, self.case_id)
        self._show_parties()

    def _show_parties(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.claimants_heading.setText(self.tr("Claimants ({count})").format(count=len(detail.claimants)))
        fill(
            self.claimants_table,
            [
                [
                    item(claimant.name, bold=claimant.representative),
                    item(self._personal(PersonalField.ID_NUMBER, claimant.id_number)),
                    item(formatting.label(claimant.sex) if claimant.sex else ""),
                    item(formatting.day(claimant.birth_date)),
                    item(self._personal(PersonalField.PHONE, claimant.phone)),
                    item(formatting.money(claimant.claimed_fen), right=True),
                    item(self.tr("✔ Representative") if claimant.representative else "", colour=palette.OFFICIAL_RED),
                ]
                for claimant in detail.claimants
            ],
        )
        while self.respondents_box.count():
            old = self.respondents_box.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        for respondent in detail.respondents:
            self.respondents_box.addWidget(self._respondent_card(respondent), 1)
        if len(detail.respondents) == 1:
            # One card alone would stretch across the whole window; keep it to a readable width.
            self.respondents_box.addStretch(1)

    def _respondent_card(self, respondent: RespondentView) -> QGroupBox:
        card = QGroupBox(formatting.label(respondent.role))
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form = QFormLayout(card)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def add(caption: str, text: str, note: str = "") -> None:
            value = plain_label(wrap=True, selectable=True)
            value.setText(text or "—")
            if not note:
                form.addRow(caption, value)
                return
            warning = plain_label(wrap=True, selectable=True)
            warning.setText(note)
            warning.setStyleSheet(f"color: {palette.WARNING};")
            field = QVBoxLayout()
            field.setSpacing(2)
            field.addWidget(value)
            field.addWidget(warning)
            form.addRow(caption, field)

        add(self.tr("Name", "of an employer: company name or person"), respondent.name)
        add(self.tr("Kind"), formatting.label(respondent.kind))
        if respondent.kind is EmployerKind.NATURAL_PERSON:
            add(self.tr("ID number"), self._personal(PersonalField.ID_NUMBER, respondent.id_number))
        else:
            override = respondent.credit_code_override_reason
            note = (
                self.tr("This code fails the check-character test; accepted because: {reason}").format(reason=override)
                if override
                else ""
            )
            add(self.tr("Credit code"), respondent.credit_code or "", note)
            add(self.tr("Legal representative"), respondent.legal_representative)
        if respondent.kind is EmployerKind.NATURAL_PERSON:
            add(self.tr("Phone"), self._personal(PersonalField.PHONE, respondent.phone))
        else:  # a company's switchboard is not personal information
            add(self.tr("Phone"), respondent.phone)
        add(self.tr("Address"), respondent.address)
        return card

    def _show_clocks(self, detail: CaseDetail) -> None:
        rows = []
        for clock in detail.clocks:
            state, left = formatting.clock_state(clock), formatting.time_left(clock)
            colour = palette.CLOCKS[clock.state].ink
            overdue = clock.state is ClockState.OVERDUE
            note = ""
            if clock.kind in CALENDAR_CLOCKS and not self.workspace.context.calendar.covers(clock.due):
                note = self.tr("Estimate: the official holiday calendar for this period is not yet published.")
            rows.append(
                [
                    item(domain_text(clock.label)),
                    item(formatting.day(clock.due) or "—"),
                    item(state, colour=colour, bold=overdue),
                    item(left, colour=colour, bold=overdue),
                    item(note, colour=palette.WARNING),
                ]
            )
        fill(self.clocks_table, rows)
        self.limitation_facts.setText(self._limitation_text(detail.limitation))
        alert = any(clock.state in palette.ALERT_CLOCKS for clock in detail.clocks)
        # An invalid colour gives the tab back its normal one.
        self.tabs.tabBar().setTabTextColor(self._clocks_tab, QColor(palette.OFFICIAL_RED) if alert else QColor())

    def _set_actions(self, actions: list[CaseAction]) -> None:
        while self.actions_bar.count():
            self.actions_bar.takeAt(0).widget().deleteLater()
        self.action_buttons = {}
        for action in actions:
            button = QPushButton(formatting.label(action) + ("…" if _asks_first(action) else ""))
            # Enter must never move a case on by accident.
            button.setAutoDefault(False)
            button.setEnabled(not self._busy)
            button.clicked.connect(lambda _checked=False, chosen=action: self.request(chosen))
            self.actions_bar.addWidget(button)
            self.action_buttons[action] = button
        if self.detail is not None and self.detail.status is CaseStatus.REFUSED and not self.detail.notice_served_on:
            # R2: the refusal is not finished until the applicant has it in writing.
            notice = QPushButton(self.tr("Notice of refusal served…"))
            notice.setAutoDefault(False)
            notice.clicked.connect(self.open_notice_dialog)
            self.actions_bar.addWidget(notice)
        owed = self.detail.owed if self.detail is not None else None
        if owed is not None:
            self._add_payment_step(owed)
        if not self.actions_bar.count():
            voided = self.detail is not None and self.detail.status is CaseStatus.VOIDED
            self.actions_bar.addWidget(
                QLabel(self.tr("none: this case was voided") if voided else self.tr("none: this case is finished"))
            )

    def _add_payment_step(self, owed: Performance) -> None:
        """The next step of an agreement still owed money: record what was paid, and say what is owed by when."""
        pay = QPushButton(self.tr("Record payment…"))
        pay.setAutoDefault(False)
        pay.clicked.connect(self.record_payment)
        self.actions_bar.insertWidget(0, pay)
        if owed.state is PerformanceState.IN_DEFAULT and owed.defaulted_since is not None:
            overdue = sum(i.outstanding_fen for i in owed.instalments if i.state is InstalmentState.IN_DEFAULT)
            text = self.tr("In default since {day}, {amount} overdue: follow it up, or refer the case").format(
                day=formatting.day(owed.defaulted_since), amount=formatting.money(overdue)
            )
        elif owed.next_due is not None:
            text = self.tr("Being paid: {amount} due on {day}").format(
                amount=formatting.money(owed.next_due.outstanding_fen), day=formatting.day(owed.next_due.due_on)
            )
        else:
            return
        note = plain_label(text, wrap=True)  # wrapped: beside the buttons, it must not widen the window
        note.setStyleSheet(f"color: {palette.PERFORMANCE[owed.state].ink};")
        self.actions_bar.addWidget(note)

    def record_payment(self) -> None:
        self.tabs.setCurrentWidget(self.agreement_tab)
        self.agreement_tab.open_payment()

    def _limitation_text(self, facts: LimitationFacts) -> str:
        text = self.tr("Knew of it on {knew}; {employment}").format(
            knew=formatting.known_day(facts.knew_on), employment=formatting.label(facts.employment)
        )
        if facts.employment_ended_on:
            text += self.tr(" on {day}").format(day=formatting.day(facts.employment_ended_on))
        if facts.suspension:
            text += self.tr("; suspended {start} to {end}: {reason}").format(
                start=formatting.day(facts.suspension.start),
                end=formatting.known_day(facts.suspension.end),
                reason=facts.suspension.reason,
            )
        return text

    def open_limitation_dialog(self) -> None:
        if self.detail is None:
            return
        self.limitation_dialog = LimitationDialog(self.workspace, self.case_id, self.detail.limitation, self)
        self.limitation_dialog.finished.connect(self.limitation_dialog.deleteLater)
        self.limitation_dialog.open()

    def open_notice_dialog(self) -> None:
        self.notice_dialog = NoticeDialog(self.workspace, self.case_id, self)
        self.notice_dialog.finished.connect(self.notice_dialog.deleteLater)
        self.notice_dialog.open()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- acting ----------------------------------------------------------------------------------------------------

    def request(self, action: CaseAction) -> None:
        """What the action's button does: ask for a reason or a yes where needed, then perform."""
        if self.detail is None:
            return
        if not _asks_first(action):
            self.perform(action)
            return
        dialog = ActionDialog(action, self.detail.number, self._drafts.get(action, ""), self)
        dialog.accepted.connect(lambda: self.perform(action, dialog.reason()))
        dialog.rejected.connect(lambda: self._drafts.update({action: dialog.reason()}))
        dialog.finished.connect(self._action_dialog_closed)
        self.action_dialog = dialog
        dialog.open()

    def reject(self) -> None:
        """Esc or closing the window: a minutes entry typed and not yet added is not thrown away without asking."""
        if not self.mediation_tab.entry_typed():
            super().reject()
            return
        self.tabs.setCurrentWidget(self.mediation_tab)
        ask_to_discard(
            self, self.tr("The minutes entry you typed has not been added. Close the case file and discard it?")
        )

    def _action_dialog_closed(self) -> None:
        if self.action_dialog is not None:
            self.action_dialog.deleteLater()
            self.action_dialog = None

    def perform(self, action: CaseAction, reason: str = "") -> None:
        """Apply ``action`` in the background; a refusal by the rules shows in the window and changes nothing."""
        self.error_label.hide()
        if reason:
            self._drafts[action] = reason
        self._set_busy(True)
        self.workspace.change(
            case_actions.perform, self.case_id, action, reason, on_done=self._performed, on_error=self._failed
        )

    def _performed(self, detail: CaseDetail) -> None:
        self._drafts.clear()
        self._set_busy(False)
        self._show(detail)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            self._show_error(render(error.message))
        else:
            self.workspace.show_error(error, self)

    def _set_busy(self, busy: bool) -> None:
        """One action at a time: a double click must not accept a case twice."""
        self._busy = busy
        for button in self.action_buttons.values():
            button.setEnabled(not busy)
