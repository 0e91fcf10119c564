"""The fields forms are made of: a choice among a domain enum's members, dates and China times, a file to attach.

Dates and times are China's whatever the computer's zone: a laptop set to another zone must not move a mediation
session by hours or a deadline by a day.
"""

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain import chinatime
from .. import formatting

EARLIEST = QDate(1990, 1, 1)  # no labour dispute a station sees started before this
_CHINA_ZONE = QTimeZone(b"Asia/Shanghai")


class EnumCombo(QComboBox):
    """A choice among domain enum members, shown by their translated labels; with ``blank`` (e.g. "Please
    choose…") a first entry that means nothing chosen yet, read as None.

    Qt hands item data back as plain strings, so the member is rebuilt from its value when read.
    """

    def __init__(self, members: list[StrEnum], *, blank: str | None = None):
        super().__init__()
        self.kind = type(members[0])
        if blank is not None:
            self.addItem(blank, "")
        for member in members:
            self.addItem(formatting.label(member), member.value)

    def current(self) -> Any:
        value = self.currentData()
        return self.kind(value) if value else None

    def select(self, member: StrEnum | None) -> None:
        self.setCurrentIndex(self.findData(member.value if member is not None else ""))


def date_edit(value: date | None = None) -> QDateEdit:
    """A date with a calendar, China's today unless given; ``.date().toPython()`` reads it."""
    edit = QDateEdit(QDate(value or chinatime.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(EARLIEST)
    edit.setMinimumWidth(140)
    return edit


class ChinaTimeEdit(QDateTimeEdit):
    """A date and time of day in China time, shown and read as such whatever zone the computer is set to."""

    def __init__(self, value: datetime | None = None):
        super().__init__()
        self.setTimeZone(_CHINA_ZONE)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_value(value or chinatime.now())

    def set_value(self, value: datetime) -> None:
        here = value.astimezone(chinatime.CHINA_TZ)
        self.setDateTime(QDateTime(QDate(here.year, here.month, here.day), QTime(here.hour, here.minute), _CHINA_ZONE))

    def value(self) -> datetime:
        """The moment shown, as an aware datetime in China time."""
        shown = self.dateTime()
        day, time = shown.date(), shown.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=chinatime.CHINA_TZ)


class OptionalDate(QWidget):
    """A date that may not be known yet: a date field with a box ticked while it is unknown.

    The limitation's dates (R5) are asked, never guessed: while the box is ticked the value is None, and the case
    shows it as unknown, rather than a date field's default standing in for an answer nobody gave.
    """

    changed = Signal()

    def __init__(self, unknown_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = date_edit()
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


class ActionRow(QWidget):
    """A field that is a state and a button that changes it: "none" [Choose file…], "on paper" [Draw…]."""

    def __init__(self, state: str, button_text: str, on_click: Callable[[], None]):
        super().__init__()
        self.label = QLabel(state)
        self.button = QPushButton(button_text)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(on_click)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)


class FileField(ActionRow):
    """A file to attach, picked with the system's file dialog; ``path`` is None until one is chosen."""

    def __init__(self, none_text: str, button_text: str, title: str, file_filter: str):
        super().__init__(none_text, button_text, self._choose)
        self.title, self.file_filter = title, file_filter
        self.path: Path | None = None

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.title, "", self.file_filter)
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        self.path = path
        self.label.setText(path.name)


def edited(widget: QWidget) -> SignalInstance | None:
    """The signal a field emits when a person changes it (None for a widget that is not a field)."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):  # QDateEdit is one
        return widget.dateTimeChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, OptionalDate):
        return widget.changed
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return None
