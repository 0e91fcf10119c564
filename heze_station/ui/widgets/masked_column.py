"""A table column of personal data (ID numbers, phones, bank accounts): shown masked unless its kind is among those
revealed. The cell editor holds the full text a person typed, so that he can check it; a value the station already
kept (``stored_item``) is not his to read unless revealed: its editor opens empty, to type a new one, and left
empty keeps it. Ctrl+C copies what the cell shows, never more."""

from PySide6.QtCore import QAbstractItemModel, QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QTableWidgetItem, QWidget

from ...domain.personal import PersonalField
from .. import formatting

# Set on a cell whose value came from the station's store rather than from the person typing (stored_item).
STORED = Qt.ItemDataRole.UserRole + 40

Index = QModelIndex | QPersistentModelIndex


def stored_item(text: str) -> QTableWidgetItem:
    """A cell holding a kept value of a masked column."""
    item = QTableWidgetItem(text)
    item.setData(STORED, bool(text))
    return item


class MaskedColumn(QStyledItemDelegate):
    def __init__(self, table: QAbstractItemView, column: int, field: PersonalField):
        super().__init__(table)
        self.table = table
        self.column = column
        self.field = field
        self.shown: frozenset[PersonalField] = frozenset()
        table.setItemDelegateForColumn(column, self)
        table.installEventFilter(self)  # before the view's own Ctrl+C, which copies the model's full value

    def displayText(self, value: object, locale: QLocale) -> str:
        return formatting.personal(self.field, str(value or ""), self.shown)

    def show(self, shown: frozenset[PersonalField]) -> None:
        self.shown = shown
        self.table.viewport().update()

    def _hidden(self, index: Index) -> bool:
        return self.field not in self.shown and bool(index.data(STORED))

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if self._hidden(index) and isinstance(editor, QLineEdit):
            editor.clear()
            editor.setPlaceholderText(self.displayText(index.data(), QLocale()))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        hidden = self._hidden(index) and isinstance(editor, QLineEdit)
        if hidden and not editor.text().strip():
            return  # nothing typed over the kept value: it stays
        super().setModelData(editor, model, index)
        if hidden:
            # Typed here: his to read from now on. Marked after the value is in: a change of the cell puts the
            # cell's value back into its open editor.
            model.setData(index, False, STORED)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.table:
            return super().eventFilter(watched, event)  # the keys of the delegate's own editors
        if isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy):
            index = self.table.currentIndex()
            if index.column() == self.column:
                QGuiApplication.clipboard().setText(self.displayText(index.data(), QLocale()))
                return True
        return False
