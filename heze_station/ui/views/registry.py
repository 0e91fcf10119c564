"""The 单位与项目 page: employers and construction projects as the ledger (台账), with their cases.

Those with the most open cases come first, as the city follows them up; each shows its risk with the reasons, its
arrears and its latest follow-up, and any column sorts by a click on its header. Selecting one lists its cases
below, and a double-click (or Enter) opens a case; a follow-up is recorded for the selected one, and the ledger
exports to .xlsx.
"""

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.changes import Change
from ...domain.ledger import REPEAT_COMPLAINTS, FollowUpKind, RiskLevel
from ...services import ledger
from ...services.case_queries import CaseFilter, CaseRow, SortColumn, list_cases
from ...services.registry import EmployerRow, list_employers, list_projects
from ...services.station import StationContext
from .. import formatting
from ..i18n import domain_text, render
from ..kit import palette
from ..kit.form import FormDialog
from ..kit.inputs import EnumCombo, date_edit
from ..kit.page import StationView
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..workspace import Workspace

# The cases of one employer or project shown at once; the Cases page finds any of them by name.
CASES_SHOWN = 500
# Wait this long after the last keystroke before filtering, so typing a name runs one query, not one per character.
FILTER_DELAY_MS = 300
# Red marks what the city follows up: repeat complaints, credit codes kept despite a failed checksum, high risk.
MARK_COLOUR = palette.ERROR
# What the ledger shows: employers and projects, their cases and agreements' arrears, the follow-ups.
LEDGER_TABLES = (
    "employer",
    "project",
    "case_file",
    "case_respondent",
    "agreement",
    "agreement_instalment",
    "payment",
    "ledger_follow_up",
)


def _count(value: int) -> str:
    return formatting.locale_number(value)


def _repeat(count: int) -> bool:
    return count >= REPEAT_COMPLAINTS


def _cases_of_row(
    context: StationContext, row_id: uuid.UUID, case_filter: CaseFilter
) -> tuple[uuid.UUID, list[CaseRow]]:
    """The newest cases of one employer or project, tagged with its id so a late answer can be told apart."""
    return row_id, list_cases(context, case_filter, SortColumn.REGISTERED_AT, True, 0, CASES_SHOWN)


class FollowUpDialog(FormDialog):
    """A follow-up of one employer or project: what was done, when, by whom, and a note."""

    def __init__(
        self,
        workspace: Workspace,
        subject: ledger.Subject,
        row: Any,
        parent: QWidget | None = None,
    ):
        super().__init__(
            workspace, self.tr("Follow-up – {name}").format(name=row.name), self.tr("&Record follow-up"), parent
        )
        self.subject, self.row_id = subject, row.id
        self.kind = EnumCombo(list(FollowUpKind))
        self.done_on = date_edit()
        self.done_by = QLineEdit(workspace.context.user_name)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab leaves the note for the buttons, as in every other form
        self.note.setPlaceholderText(self.tr("What was seen, asked or put right"))
        self.add_field("kind", self.tr("&What was done"), self.kind)
        self.add_field("done_on", self.tr("&Date"), self.done_on)
        self.add_field("done_by", self.tr("&By"), self.done_by)
        self.add_field("note", self.tr("&Note"), self.note)
        self.resize(480, 0)

    def submit(self) -> None:
        self.run(
            ledger.record_follow_up,
            self.subject,
            self.row_id,
            self.kind.current(),
            self.done_on.date().toPython(),
            self.done_by.text(),
            self.note.toPlainText(),
        )


class LedgerPane(QWidget):
    """One tab: a filterable, sortable list of employers or projects above the cases of the selected one."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        subject: ledger.Subject,
        service: Callable[..., list[Any]],
        columns: Sequence[Column[Any]],
        cases_of: Callable[[Any], CaseFilter],
        placeholder: str,
        hint: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.subject = subject
        self._service = service
        self._cases_of = cases_of
        self._hint = hint
        self._selected: Any | None = None  # the EmployerRow or ProjectRow whose cases are shown

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter)
        self.shown = QLabel()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.filter.returnPressed.connect(self.reload)

        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.table = row_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.follow_up = QPushButton(self.tr("Record follow-&up…"))
        self.follow_up.setEnabled(False)
        self.follow_up.clicked.connect(self.record_follow_up)

        # The selected one's risk and latest follow-up in full: a note is longer than any column.
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # notes and names as typed
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cases_title = QLabel(hint)
        self.cases_title.setTextFormat(Qt.TextFormat.PlainText)  # it names an employer as typed at intake
        self.cases_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.cases_model: RowTableModel[CaseRow] = RowTableModel(self._case_columns(), self)
        self.cases = row_table(self.cases_model, lambda case: workspace.case_requested.emit(case.id))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.shown)
        filter_row.addWidget(self.follow_up)
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.detail)
        bottom_layout.addWidget(self.cases_title)
        bottom_layout.addWidget(self.cases)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.filter, self.follow_up)
        self.setTabOrder(self.follow_up, self.table)
        self.setTabOrder(self.table, self.cases)

    def _case_columns(self) -> list[Column[CaseRow]]:
        return [
            Column(self.tr("Case number"), lambda case: case.number),
            Column(
                self.tr("Status"),
                lambda case: formatting.label(case.status),
                bold=lambda case: case.status.is_open,
            ),
            Column(self.tr("Claimants"), lambda case: formatting.claimants(case.claimant_summary, case.worker_count)),
            Column(self.tr("Respondents"), lambda case: case.respondent_summary, stretch=True),
            Column(self.tr("Registered"), lambda case: formatting.moment(case.registered_at)),
            Column(self.tr("Claimed"), lambda case: formatting.money(case.claimed_total_fen), number=True),
        ]

    def reload(self) -> None:
        self._filter_timer.stop()
        self.workspace.load(self._service, self.filter.text(), on_done=self._rows_arrived)

    def _rows_arrived(self, rows: list[Any]) -> None:
        selected = self._selected.id if self._selected else None
        self.model.set_rows(rows)
        self.shown.setText(self.tr("{count} shown").format(count=_count(len(rows))))
        fit_columns(self.table)
        # Keep the selection (and the cases below) across a reload when the row is still listed.
        position = next((number for number, row in enumerate(self.model.rows) if row.id == selected), None)
        if position is None:
            self._show_cases(None)
        else:
            self.table.selectRow(position)  # announces the selection, which reloads its cases

    def _detail(self, row: Any) -> str:
        reasons = _reasons(row) or self.tr("nothing outstanding")
        risk = self.tr("Risk {level}: {reasons}").format(level=formatting.label(row.risk.level), reasons=reasons)
        follow_up = row.latest_follow_up
        if follow_up is None:
            latest = self.tr("No follow-up recorded yet.")
        else:
            latest = self.tr("Latest follow-up: {kind} on {day} by {who}. {note}").format(
                kind=formatting.label(follow_up.kind),
                day=formatting.day(follow_up.done_on),
                who=follow_up.done_by,
                note=follow_up.note,
            )
        return f"{risk}\n{latest}"

    def record_follow_up(self) -> None:
        if self._selected is None:  # the button is disabled then; a shortcut may still fire
            return
        dialog = FollowUpDialog(self.workspace, self.subject, self._selected, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # saved, it announces data_changed, which reloads the ledger with the new follow-up

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._selected = self.model.row(indexes[0])
            self.follow_up.setEnabled(True)
            self.detail.setText(self._detail(self._selected))
            self.workspace.load(
                _cases_of_row, self._selected.id, self._cases_of(self._selected), on_done=self._cases_arrived
            )

    def _cases_arrived(self, result: tuple[uuid.UUID, list[CaseRow]]) -> None:
        row_id, cases = result
        if self._selected is not None and self._selected.id == row_id:  # the person may have moved on meanwhile
            self._show_cases(self._selected, cases)

    def _show_cases(self, row: Any | None, cases: list[CaseRow] | None = None) -> None:
        cases = cases or []
        self.follow_up.setEnabled(row is not None)
        if row is None:
            self._selected = None
            self.detail.clear()
            self.cases_title.setText(self._hint)
        elif row.case_count > len(cases):
            self.cases_title.setText(
                self.tr("Cases of {name}: the latest {shown} of {count}").format(
                    name=row.name, shown=_count(len(cases)), count=_count(row.case_count)
                )
            )
        else:
            self.cases_title.setText(
                self.tr("Cases of {name} ({count})").format(name=row.name, count=_count(row.case_count))
            )
        self.cases_model.set_rows(cases)
        fit_columns(self.cases)


def _latest_follow_up(row: Any) -> str:
    follow_up = row.latest_follow_up
    return f"{formatting.label(follow_up.kind)} {formatting.day(follow_up.done_on)}" if follow_up else ""


def _follow_up_tip(row: Any) -> str:
    follow_up = row.latest_follow_up
    return f"{follow_up.done_by}: {follow_up.note}" if follow_up else ""


def _reasons(row: Any) -> str:
    return ledger.reasons_text(row.risk, domain_text)


class RegistryView(StationView, QWidget):
    """Two tabs, Employers and Projects; reloads whenever a change was saved anywhere."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        repeat_tip = self.tr("Repeat complaints: this one is kept on the ledger and followed up.")
        open_column = self.tr("Open cases")
        all_column = self.tr("All cases")

        def counts(count_of: Callable[[Any], int], title: str) -> Column[Any]:
            return Column(
                title,
                lambda row: _count(count_of(row)),
                foreground=lambda row: MARK_COLOUR if _repeat(count_of(row)) else None,
                bold=lambda row: _repeat(count_of(row)),
                tooltip=lambda row: repeat_tip if _repeat(count_of(row)) else "",
                number=True,
                sort_key=count_of,
            )

        self.employers = LedgerPane(
            workspace,
            subject=ledger.Subject.EMPLOYER,
            service=list_employers,
            # What the ledger is read for first; who the employer is (kind, code) last.
            columns=[
                Column(self.tr("Employer"), lambda row: row.name, stretch=True),
                *self._risk_columns(),
                counts(lambda row: row.open_case_count, open_column),
                counts(lambda row: row.case_count, all_column),
                *self._ledger_columns(),
                Column(self.tr("Kind"), lambda row: formatting.label(row.kind)),
                Column(
                    self.tr("Unified social credit code"),
                    self._credit_code,
                    tooltip=lambda row: self._credit_code_tip(row),
                    foreground=lambda row: MARK_COLOUR if row.credit_code_overridden else None,
                ),
            ],
            cases_of=lambda row: CaseFilter(employer_id=row.id),
            placeholder=self.tr("Name or credit code"),
            hint=self.tr("Select an employer above to see its cases."),
        )
        self.projects = LedgerPane(
            workspace,
            subject=ledger.Subject.PROJECT,
            service=list_projects,
            columns=[
                Column(self.tr("Project"), lambda row: row.name, stretch=True),
                *self._risk_columns(),
                counts(lambda row: row.open_case_count, open_column),
                counts(lambda row: row.case_count, all_column),
                Column(
                    self.tr("Workers involved"),
                    lambda row: _count(row.workers_involved),
                    number=True,
                    sort_key=lambda row: row.workers_involved,
                ),
                *self._ledger_columns(),
                Column(self.tr("Address"), lambda row: row.address),
                Column(self.tr("General contractor"), lambda row: row.general_contractor),
            ],
            cases_of=lambda row: CaseFilter(project_id=row.id),
            placeholder=self.tr("Project, address or general contractor"),
            hint=self.tr("Select a project above to see its cases."),
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.employers, self.tr("&Employers"))
        self.tabs.addTab(self.projects, self.tr("&Projects"))
        explanation = QLabel(
            self.tr(
                "Employers and projects with the most open cases come first; those with {count} or more "
                "complaints are marked in red and kept on the repeat-complaint ledger. Risk is high for an "
                "agreement in default, an open collective dispute or large arrears; medium for arrears or repeat "
                "complaints within 90 days. Click a column's header to sort by it."
            ).format(count=REPEAT_COMPLAINTS)
        )
        explanation.setWordWrap(True)
        self.export_button = QPushButton(self.tr("E&xport ledger…"))
        self.export_button.clicked.connect(self.export)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a file name of the person's choosing
        top = QHBoxLayout()
        top.addWidget(explanation, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)

    def export(self) -> None:
        """Both lists to an .xlsx file of the person's choosing, written in the background."""
        suggested = self.tr("{station} ledger {day}.xlsx").format(
            station=self.workspace.context.station_name, day=formatting.day(chinatime.today())
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the ledger"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return
        path = Path(name)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.workspace.load(
            ledger.export_ledger,
            path,
            domain_text,
            on_done=lambda count: self.status.setText(
                self.tr("{count} employers and projects exported to {file}").format(count=_count(count), file=str(path))
            ),
        )

    def _risk_columns(self) -> list[Column[Any]]:
        return [
            Column(
                self.tr("Risk"),
                lambda row: formatting.label(row.risk.level),
                foreground=lambda row: palette.RISKS[row.risk.level],
                bold=lambda row: row.risk.level is RiskLevel.HIGH,
                tooltip=lambda row: "\n".join(render(reason) for reason in row.risk.reasons),
                sort_key=lambda row: row.risk.level,
            ),
            Column(self.tr("Reasons"), _reasons),
        ]

    def _ledger_columns(self) -> list[Column[Any]]:
        """What puts an employer or project on the ledger, the same for both, and its latest follow-up."""

        def figure(title: str, value: Callable[[Any], int], text: Callable[[int], str] = _count) -> Column[Any]:
            return Column(title, lambda row: text(value(row)), number=True, sort_key=value)

        return [
            figure(self.tr("Complaints within 90 days"), lambda row: row.facts.recent_complaints),
            figure(self.tr("Open collective cases"), lambda row: row.facts.open_collective_cases),
            figure(self.tr("Agreements in default"), lambda row: row.facts.agreements_in_default),
            figure(self.tr("Arrears outstanding"), lambda row: row.facts.arrears_fen, formatting.money),
            Column(
                self.tr("Latest follow-up"),
                _latest_follow_up,
                tooltip=_follow_up_tip,
                sort_key=lambda row: row.latest_follow_up.done_on.toordinal() if row.latest_follow_up else 0,
            ),
        ]

    def _credit_code(self, row: EmployerRow) -> str:
        if not row.credit_code:
            return ""
        if row.credit_code_overridden:
            return self.tr("{code} (checksum override)").format(code=row.credit_code)
        return row.credit_code

    def _credit_code_tip(self, row: EmployerRow) -> str:
        if row.credit_code_overridden:
            return self.tr(
                "This code fails the national checksum and was kept on purpose, with a recorded reason "
                "(some early pilot-region codes do)."
            )
        return row.credit_code or ""

    def concerns(self, change: Change) -> bool:
        return change.touches(*LEDGER_TABLES)

    def reload(self) -> None:
        self.employers.reload()
        self.projects.reload()
