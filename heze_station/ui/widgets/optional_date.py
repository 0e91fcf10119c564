"""A date that may not be known yet: a date field with a box ticked while it is unknown.

The limitation's dates (R5) are asked, never guessed: while the box is ticked the value is None, and the case
shows it as unknown, rather than a date field's default standing in for an answer nobody gave.
"""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ...domain import chinatime


class OptionalDate(QWidget):
    changed = Signal()

    def __init__(self, unknown_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateEdit(QDate(chinatime.today()))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1990, 1, 1))
        self.edit.setMinimumWidth(140)
        self.unknown = QCheckBox(unknown_text)
        self.unknown.setChecked(True)
        self.edit.setEnabled(False)
        self.unknown.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.unknown)
        row.addStretch(1)
        self.setFocusProxy(self.unknown)

    def _toggled(self, unknown: bool) -> None:
        self.edit.setEnabled(not unknown)
        # The mnemonic of its label leads to what can be changed: the date once known, else the box.
        self.setFocusProxy(self.unknown if unknown else self.edit)
        self.changed.emit()

    def value(self) -> date | None:
        return None if self.unknown.isChecked() else self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.unknown.setChecked(value is None)
        self.edit.setDate(QDate(value or chinatime.today()))
