"""Tables: read-only ones, every one sortable by a click on its header, and those typed into cell by cell.

- ``RowTableModel`` + ``row_table``: a long list of frozen service rows, described column by column (the case
  list, the ledger, the workbench); cheap for tens of thousands of rows.
- ``make_table`` + ``item`` + ``fill``: the small tables of the case file (parties, payments, sessions), a
  ``QTableWidget`` filled at once.
- ``CellTable``: a table of a form typed into cell by cell (the workers' amounts of an agreement, its instalments).

A read-only table is one stop of Tab, its rows gone through with the arrow keys: Qt's Tab went from cell to cell
and round the table forever, so the fields after it could not be reached from the keyboard.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

R = TypeVar("R")

# Rows whose contents size a table's columns (Qt's default, 1,000, runs Python for every cell of them).
ROWS_MEASURED = 100


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
    # What a click on the header sorts by (figures, levels, dates: largest first); None sorts by the text shown.
    sort_key: Callable[[R], Any] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen service rows, described column by column; cheap for tens of thousands of rows.

    A table that allows sorting sorts it by a header click; the sort holds when new rows arrive, and no sort (the
    header's third click) is the order the service gave."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._given: list[R] = []  # in the service's order
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def columns(self) -> list[Column[R]]:
        return self._columns

    @property
    def rows(self) -> list[R]:
        return self._rows

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._given = rows
        self._rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: list[R]) -> list[R]:
        if self._sort is None:
            return rows
        number, order = self._sort
        column = self._columns[number]
        key = column.sort_key or column.text
        # Stable, also reversed: rows that tie keep the service's order (most open cases first).
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._sorted(self._given)
        # The selected row stays selected where it moved to.
        position = {id(row): number for number, row in enumerate(self._rows)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved, [self.index(position[id(before[index.row()])], index.column()) for index in moved]
        )
        self.layoutChanged.emit()

    def row(self, index: QModelIndex | QPersistentModelIndex) -> R:
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.InitialSortOrderRole:
            # The first click on a figure's header puts the largest on top: what the ledger is read for.
            keyed = self._columns[section].sort_key is not None
            return Qt.SortOrder.DescendingOrder if keyed else Qt.SortOrder.AscendingOrder
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
    table.setTabKeyNavigation(False)
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
    sortable(table)
    return table


def fit_columns(table: QTableView, widest: int = 360) -> None:
    """Size columns to their contents, but keep a long company name from pushing the rest off screen."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for section in range(header.count()):
        if header.sectionResizeMode(section) is QHeaderView.ResizeMode.Interactive:
            header.resizeSection(section, min(header.sectionSize(section), widest))


def fit_rows(table: QTableView, most: int = 8) -> None:
    """As tall as its rows (one at least, ``most`` at most, then it scrolls): a page of several small tables then
    scrolls as a whole, rather than each table showing a row of its own and a scroll bar."""
    table.resizeRowsToContents()
    rows = table.model().rowCount() if table.model() is not None else 0
    shown = [table.rowHeight(row) for row in range(min(rows, most))] or [table.verticalHeader().defaultSectionSize()]
    frame = 2 * table.frameWidth()
    # Room for a horizontal scroll bar always: it comes and goes with the window's width, after this measure.
    scroll = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + sum(shown) + frame + scroll)


def sortable(table: QTableView) -> None:
    """Sorted by a click on a header: largest figures first, smallest on the second click, as given on the third."""
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # no sort until a click: the service's order
    header.setSortIndicatorClearable(True)
    table.setSortingEnabled(True)


_SOURCE_ROW = Qt.ItemDataRole.UserRole + 50  # where a sorted QTableWidget keeps each row's place in ``fill``


def make_table(headers: list[str]) -> QTableWidget:
    """A small read-only table, sortable by its headers; ``source_row`` maps a shown row to the row given."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    sortable(table)
    return table


def item(text: str | int, *, colour: str | None = None, bold: bool = False, right: bool = False) -> QTableWidgetItem:
    """A cell; a whole number is kept as one, so the column sorts 2 before 10."""
    cell = QTableWidgetItem()
    cell.setData(Qt.ItemDataRole.DisplayRole, text)
    if colour:
        cell.setForeground(QColor(colour))
    if bold:
        font = cell.font()
        font.setBold(True)
        cell.setFont(font)
    if right or isinstance(text, int):
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def fill(table: QTableWidget, rows: list[list[QTableWidgetItem | str]]) -> None:
    """Replace the table's rows, in the order given until a person sorts by a header (the sort then holds)."""
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)  # sorting while items go in would move rows under the loop
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            cell = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
            if column == 0:
                cell.setData(_SOURCE_ROW, row)
            table.setItem(row, column, cell)
    table.setSortingEnabled(sorting)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()


def source_row(table: QTableWidget, shown_row: int) -> int:
    """The position in the rows given to ``fill`` of the row shown at ``shown_row`` (after any sort)."""
    cell = table.item(shown_row, 0)
    return cell.data(_SOURCE_ROW) if cell is not None else shown_row


class CellTable(QTableWidget):
    """A table typed into cell by cell: Tab goes to the next cell as in a spreadsheet, also from a cell being
    edited, and from the last cell on to the next field (Shift+Tab from the first to the field before).

    ``changed`` tells that it was changed: a cell typed into, a field in a cell (a date, a choice) set, a row added
    or removed; a form asks before it throws that away, as it does for its other fields (inputs.edited)."""

    changed = Signal()

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None):
        super().__init__(rows, columns, parent)
        self.itemChanged.connect(self.changed)
        self.model().rowsInserted.connect(self.changed)
        self.model().rowsRemoved.connect(self.changed)

    def setCellWidget(self, row: int, column: int, widget: QWidget) -> None:
        super().setCellWidget(row, column, widget)
        from .inputs import edited  # the form kit: loaded with the first form, not with the workbench's tables

        signal = edited(widget)
        if signal is not None:
            signal.connect(self.changed)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._at_edge(next):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        forward = hint is QAbstractItemDelegate.EndEditHint.EditNextItem
        if (forward or hint is QAbstractItemDelegate.EndEditHint.EditPreviousItem) and self._at_edge(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            QWidget.focusNextPrevChild(self, forward)
            return
        super().closeEditor(editor, hint)

    def _at_edge(self, forward: bool) -> bool:
        """At the last cell shown (the first, going back): a column hidden (the bank's, for cash) is no cell."""
        rows = [row for row in range(self.rowCount()) if not self.isRowHidden(row)]
        columns = [column for column in range(self.columnCount()) if not self.isColumnHidden(column)]
        if not rows or not columns:
            return True
        edge = (rows[-1], columns[-1]) if forward else (rows[0], columns[0])
        return (self.currentRow(), self.currentColumn()) == edge
