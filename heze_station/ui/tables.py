"""Read-only tables as the case file shows them: whole-row selection, wrapped text, columns fitted to content."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def item(text: str, *, colour: str | None = None, bold: bool = False, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    if colour:
        cell.setForeground(QColor(colour))
    if bold:
        font = cell.font()
        font.setBold(True)
        cell.setFont(font)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def fill(table: QTableWidget, rows: list[list[QTableWidgetItem | str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            table.setItem(row, column, cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell))
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
