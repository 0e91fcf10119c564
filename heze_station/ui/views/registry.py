"""The 单位与项目 page: employers and construction projects as a repeat-complaint ledger (台账), with their cases.

Those with the most open cases come first, as the city follows them up; selecting one lists its cases below, and a
double-click (or Enter) opens a case. Also home of the small read-only table model the workbench uses too.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.case_queries import CaseFilter, CaseRow, SortColumn, list_cases
from ...services.registry import EmployerRow, list_employers, list_projects
from ...services.station import StationContext
from .. import formatting
from ..workspace import Workspace

R = TypeVar("R")

# An employer or project with this many complaints is a repeat-complaint one: the city keeps it on its ledger.
REPEAT_COMPLAINTS = 2
# The cases of one employer or project shown at once; the Cases page finds any of them by name.
CASES_SHOWN = 500
# Wait this long after the last keystroke before filtering, so typing a name runs one query, not one per character.
FILTER_DELAY_MS = 300
# Rows whose contents size a table's columns (Qt's default, 1,000, runs Python for every cell of them).
ROWS_MEASURED = 100
# Red marks what the city follows up: repeat complaints, credit codes kept despite a failed checksum.
MARK_COLOUR = "#b03a2e"


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a :class:`RowTableModel`: its title and how a row shows in it."""

    title: str
    text: Callable[[R], str]
    foreground: Callable[[R], str | None] | None = None
    background: Callable[[R], str | None] | None = None
    bold: Callable[[R], bool] | None = None
    tooltip: Callable[[R], str] | None = None
    number: bool = False  # right-aligned, as figures are read
    stretch: bool = False  # takes the width left over: the long names, not the short figures


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen service rows, described column by column; cheap for tens of thousands of rows."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    @property
    def columns(self) -> list[Column[R]]:
        return self._columns

    @property
    def rows(self) -> list[R]:
        return self._rows

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: QModelIndex | QPersistentModelIndex) -> R:
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long names are cut off in narrow columns: the whole text is a hover away.
            return column.tooltip(row) if column.tooltip else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            colour = column.foreground(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            colour = column.background(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole and column.bold and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


def row_table(model: RowTableModel[Any], open_row: Callable[[Any], None] | None = None) -> QTableView:
    """A table as every list in the program behaves: whole rows, one at a time, read-only; Enter or double-click
    calls ``open_row`` with the row's data."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Columns fit the first rows: measuring every row of a long list held the window up (1,400 rows: 0.3 s).
    header.setResizeContentsPrecision(ROWS_MEASURED)
    for section, column in enumerate(model.columns):
        if column.stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
    if open_row is not None:
        # "activated" is Enter on the current row or a double-click, depending on the platform's habit.
        table.activated.connect(lambda index: open_row(model.row(index)))
    return table


def fit_columns(table: QTableView, widest: int = 360) -> None:
    """Size columns to their contents, but keep a long company name from pushing the rest off screen."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for section in range(header.count()):
        if header.sectionResizeMode(section) is QHeaderView.ResizeMode.Interactive:
            header.resizeSection(section, min(header.sectionSize(section), widest))


def _count(value: int) -> str:
    return formatting.locale_number(value)


def _repeat(count: int) -> bool:
    return count >= REPEAT_COMPLAINTS


def _cases_of_row(
    context: StationContext, row_id: uuid.UUID, case_filter: CaseFilter
) -> tuple[uuid.UUID, list[CaseRow]]:
    """The newest cases of one employer or project, tagged with its id so a late answer can be told apart."""
    return row_id, list_cases(context, case_filter, SortColumn.REGISTERED_AT, True, 0, CASES_SHOWN)


class LedgerPane(QWidget):
    """One tab: a filterable list of employers or projects above the cases of the selected one."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        service: Callable[..., list[Any]],
        columns: Sequence[Column[Any]],
        cases_of: Callable[[Any], CaseFilter],
        placeholder: str,
        hint: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
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

        self.cases_title = QLabel(hint)
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
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
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
        self.setTabOrder(self.filter, self.table)
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
        position = next((number for number, row in enumerate(rows) if row.id == selected), None)
        if position is None:
            self._show_cases(None)
        else:
            self.table.selectRow(position)  # announces the selection, which reloads its cases

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._selected = self.model.row(indexes[0])
            self.workspace.load(
                _cases_of_row, self._selected.id, self._cases_of(self._selected), on_done=self._cases_arrived
            )

    def _cases_arrived(self, result: tuple[uuid.UUID, list[CaseRow]]) -> None:
        row_id, cases = result
        if self._selected is not None and self._selected.id == row_id:  # the person may have moved on meanwhile
            self._show_cases(self._selected, cases)

    def _show_cases(self, row: Any | None, cases: list[CaseRow] | None = None) -> None:
        cases = cases or []
        if row is None:
            self._selected = None
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


class RegistryView(QWidget):
    """Two tabs, Employers and Projects; reloads whenever a change was saved anywhere."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
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
            )

        self.employers = LedgerPane(
            workspace,
            service=list_employers,
            columns=[
                Column(self.tr("Employer"), lambda row: row.name, stretch=True),
                Column(self.tr("Kind"), lambda row: formatting.label(row.kind)),
                Column(
                    self.tr("Unified social credit code"),
                    self._credit_code,
                    tooltip=lambda row: self._credit_code_tip(row),
                    foreground=lambda row: MARK_COLOUR if row.credit_code_overridden else None,
                ),
                counts(lambda row: row.open_case_count, open_column),
                counts(lambda row: row.case_count, all_column),
            ],
            cases_of=lambda row: CaseFilter(employer_id=row.id),
            placeholder=self.tr("Name or credit code"),
            hint=self.tr("Select an employer above to see its cases."),
        )
        self.projects = LedgerPane(
            workspace,
            service=list_projects,
            columns=[
                Column(self.tr("Project"), lambda row: row.name, stretch=True),
                Column(self.tr("Address"), lambda row: row.address),
                Column(self.tr("General contractor"), lambda row: row.general_contractor),
                counts(lambda row: row.open_case_count, open_column),
                counts(lambda row: row.case_count, all_column),
                Column(self.tr("Workers involved"), lambda row: _count(row.workers_involved), number=True),
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
                "complaints are marked in red and kept on the repeat-complaint ledger."
            ).format(count=REPEAT_COMPLAINTS)
        )
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.tabs)
        workspace.data_changed.connect(self._data_changed)

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

    def reload(self) -> None:
        self.employers.reload()
        self.projects.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def _data_changed(self) -> None:
        # A hidden page reloads when it is shown again; no need to query for nobody.
        if self.isVisible():
            self.reload()
