"""A table column of personal data (ID numbers, phones, bank accounts): shown masked unless its kind is among those
revealed, while the cell editor always holds the full text, so a person can check what he is typing."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from ...domain.personal import PersonalField
from .. import formatting


class MaskedColumn(QStyledItemDelegate):
    def __init__(self, table: QAbstractItemView, column: int, field: PersonalField):
        super().__init__(table)
        self.field = field
        self.shown: frozenset[PersonalField] = frozenset()
        table.setItemDelegateForColumn(column, self)

    def displayText(self, value: object, locale: QLocale) -> str:
        return formatting.personal(self.field, str(value or ""), self.shown)

    def show(self, shown: frozenset[PersonalField]) -> None:
        self.shown = shown
        self.parent().viewport().update()
