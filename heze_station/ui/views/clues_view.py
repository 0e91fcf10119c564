"""The 线索 page: the wage-arrears clues the city assigned to the station, and working each one off (scenario 5).

Open clues first, by the city's deadline (coloured like the workbench's deadlines); the selected clue's details
beneath. One button moves the clue on by the step it can take next (核实, 联系用人单位, 结果); a settled or
otherwise closed clue gets its call back to the worker (回访). "Turned into a case" opens the 登记 page filled from
the clue; the case is linked once it is registered.
"""

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime, clues
from ...domain.audit import WAGE_CLUES
from ...domain.changes import Change
from ...domain.clues import ClueStep
from ...domain.personal import PersonalField
from ...services import audit
from ...services import clues as clue_service
from ...services.clues import ClueRow, StepForm
from .. import formatting
from ..kit import palette
from ..kit.form import FormDialog, show_refusal
from ..kit.inputs import EnumCombo, date_edit
from ..kit.page import StationView
from ..kit.palette import BANNER_STYLE
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..kit.text import plain_label
from ..workspace import Workspace


class ClueStepDialog(FormDialog):
    """The next step of one clue: which (where there is a choice), the day, and what that step needs."""

    def __init__(self, workspace: Workspace, clue: ClueRow, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Clue {ref}").format(ref=clue.platform_ref), self.tr("&Save"), parent)
        self.clue = clue
        steps = [step for step in clues.next_steps(clue.step) if step is not ClueStep.CASE_OPENED]
        self.step = EnumCombo(steps)
        self.add_field("step", self.tr("S&tep"), self.step)
        self.on = date_edit()
        self.add_field("on", self.tr("&Date"), self.on)
        self.recovered = QLineEdit()
        self.recovered.setPlaceholderText(self.tr("yuan"))
        self.add_field("recovered", self.tr("Amount &recovered"), self.recovered)
        self.workers = QSpinBox()
        self.workers.setRange(0, clue_service.WORKERS_MAX)
        self.add_field("workers_paid", self.tr("&Workers paid"), self.workers)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.add_field("note", self.tr("What was &found"), self.note)
        self.step.currentIndexChanged.connect(self._step_changed)
        self._step_changed()

    def _step_changed(self) -> None:
        settled = self.step.current() is ClueStep.SETTLED
        for widget in (self.recovered, self.workers):
            widget.setEnabled(settled)

    def submit(self) -> None:
        form = StepForm(
            step=self.step.current(),
            on=self.on.date().toPython(),
            note=self.note.toPlainText(),
            recovered=self.recovered.text(),
            workers_paid=self.workers.value(),
        )
        self.run(clue_service.record_step, self.clue.id, form)


class CallbackDialog(FormDialog):
    """The call back to the worker (回访) once the clue has an outcome."""

    def __init__(self, workspace: Workspace, clue: ClueRow, parent: QWidget | None = None):
        # The worker's name inside the window, not in its title, which the taskbar and every other program see.
        super().__init__(workspace, self.tr("Call back the worker"), self.tr("&Save"), parent)
        self.clue = clue
        self.form.addRow(self.tr("Worker"), plain_label(clue.worker_name))
        self.on = date_edit()
        self.add_field("on", self.tr("&Called on"), self.on)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.add_field("note", self.tr("What the wor&ker said"), self.note)

    def submit(self) -> None:
        self.run(clue_service.record_callback, self.clue.id, self.on.date().toPython(), self.note.toPlainText())


class CluesView(StationView, QWidget):
    """The clue list and the selected clue; reloads when shown and whenever a change was saved anywhere."""

    # A clue to register as a case: the 登记 page is filled from it (main window).
    case_wanted = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.model: RowTableModel[ClueRow] = RowTableModel(self._columns(), self)
        self.table = row_table(self.model, lambda _row: self.next_step())
        self.table.setAccessibleName(self.tr("Wage-arrears clues"))
        self.empty = QLabel(self.tr("No clues yet. Clues the city forwards from the national platform appear here."))
        self.empty.setStyleSheet("color: #555;")
        # The clues behind a figure of the 统计 page, listed until "Show all clues".
        self.only: frozenset[uuid.UUID] | None = None
        self.only_banner = QLabel()
        self.only_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.only_banner.setStyleSheet("background: #e8eef6; border: 1px solid #b8c7db; padding: 4px 8px;")
        self.show_all = QPushButton(self.tr("Show &all clues"))
        self.show_all.clicked.connect(lambda: self.show_only("", None))
        only_row = QHBoxLayout()
        only_row.addWidget(self.only_banner, 1)
        only_row.addWidget(self.show_all)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # the platform's words, shown as they are
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        # A worker's phone is personal information: masked until shown, and showing it is audited (as in a case).
        self.shown: frozenset[PersonalField] = frozenset()
        self.show_personal = QCheckBox(self.tr("&Show personal data"))
        self.show_personal.toggled.connect(self._personal_toggled)
        self.step_button = QPushButton(self.tr("&Next step…"))
        self.case_button = QPushButton(self.tr("Register as a &case…"))
        self.callback_button = QPushButton(self.tr("Call &back…"))
        self.step_button.clicked.connect(self.next_step)
        self.case_button.clicked.connect(self._register_case)
        self.callback_button.clicked.connect(self.call_back)
        buttons = QHBoxLayout()
        for button in (self.step_button, self.case_button, self.callback_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.show_personal)
        layout = QVBoxLayout(self)
        layout.addLayout(only_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        for widget in (self.only_banner, self.show_all):
            widget.hide()
        self._show_selected()

    def _columns(self) -> list[Column[ClueRow]]:
        def deadline(row: ClueRow) -> str:
            if row.clock is None:
                return formatting.day(row.due_on)
            return f"{formatting.day(row.due_on)}（{formatting.time_left(row.clock)}）"

        def colour(row: ClueRow) -> str | None:
            return palette.CLOCKS[row.clock.state].ink if row.clock else None

        return [
            Column(self.tr("Platform no."), lambda row: row.platform_ref),
            Column(self.tr("City's deadline"), deadline, foreground=colour),
            Column(self.tr("Worker"), lambda row: row.worker_name),
            Column(
                self.tr("Employer / project"),
                lambda row: " / ".join(filter(None, [row.employer_name, row.project_name])),
                stretch=True,
            ),
            Column(
                self.tr("Amount"), lambda row: formatting.money(row.amount_fen) if row.amount_fen else "", number=True
            ),
            Column(self.tr("Progress"), lambda row: formatting.label(row.step)),
        ]

    def concerns(self, change: Change) -> bool:
        return change.touches("wage_clue", "clue_record")

    def reload(self) -> None:
        self.workspace.load(clue_service.list_clues, on_done=self._arrived)

    def show_only(self, caption: str, clue_ids: frozenset[uuid.UUID] | None) -> None:
        """List only ``clue_ids`` (the clues behind a figure), named by ``caption``; None lists every clue."""
        self.only = clue_ids
        self.only_banner.setText(self.tr("Clues behind the figure: {caption}").format(caption=caption))
        for widget in (self.only_banner, self.show_all):
            widget.setVisible(clue_ids is not None)
        self.reload()

    def _arrived(self, rows: list[ClueRow]) -> None:
        if self.only is not None:
            rows = [row for row in rows if row.id in self.only]
        current = self.selected()
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        ids = [row.id for row in rows]
        self.table.selectRow(ids.index(current.id) if current and current.id in ids else 0)
        self._show_selected()

    def selected(self) -> ClueRow | None:
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def select(self, clue_id: uuid.UUID) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == clue_id:
                self.table.selectRow(number)

    def _show_selected(self) -> None:
        clue = self.selected()
        self.banner.hide()
        self.step_button.setEnabled(bool(clue and clues.next_steps(clue.step)))
        self.case_button.setEnabled(bool(clue and ClueStep.CASE_OPENED in clues.next_steps(clue.step)))
        self.callback_button.setEnabled(bool(clue and clue.step.is_closed and clue.called_back_on is None))
        if clue is None:
            self.details.clear()
            return
        lines = [
            self.tr("Reported: {summary}").format(summary=clue.summary or "—"),
            self.tr("Worker's phone: {phone}").format(
                phone=formatting.personal(PersonalField.PHONE, clue.worker_phone, self.shown) or "—"
            ),
        ]
        if clue.note:
            lines.append(self.tr("Found: {note}").format(note=clue.note))
        if clue.step is ClueStep.SETTLED:
            lines.append(
                self.tr("Recovered {amount} for {count} workers").format(
                    amount=formatting.money(clue.recovered_fen), count=clue.workers_paid
                )
            )
        if clue.case_number:
            lines.append(self.tr("Case: {number}").format(number=clue.case_number))
        if clue.called_back_on:
            lines.append(
                self.tr("Called back on {day}: {note}").format(
                    day=formatting.day(clue.called_back_on), note=clue.callback_note
                )
            )
        self.details.setText("\n".join(lines))

    def _personal_toggled(self, shown: bool) -> None:
        self.shown = audit.revealable(self.workspace.context) & {PersonalField.PHONE} if shown else frozenset()
        if self.shown:
            self.workspace.record(audit.revealed, self.shown, WAGE_CLUES)
        self._show_selected()

    def next_step(self) -> None:
        clue = self.selected()
        if clue is not None and clues.next_steps(clue.step):
            ClueStepDialog(self.workspace, clue, self).open()

    def call_back(self) -> None:
        clue = self.selected()
        if clue is not None and self.callback_button.isEnabled():
            CallbackDialog(self.workspace, clue, self).open()

    def _register_case(self) -> None:
        clue = self.selected()
        if clue is not None:
            self.case_wanted.emit(clue)

    def link_case(self, clue: ClueRow, case_id: uuid.UUID) -> None:
        """The case registered from ``clue``: the clue is closed as turned into that case."""
        form = StepForm(ClueStep.CASE_OPENED, on=chinatime.today(), case_id=case_id)
        self.workspace.change(clue_service.record_step, clue.id, form, on_error=self._refused)

    def _refused(self, error: Exception) -> None:
        show_refusal(error, self.banner, self.workspace, self)
