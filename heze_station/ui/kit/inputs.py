"""The fields forms are made of: a choice among a domain enum's members, dates and China times, a file to attach.

Dates and times are China's whatever the computer's zone: a laptop set to another zone must not move a mediation
session by hours or a deadline by a day.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent
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
LATEST = QDate(2999, 12, 31)  # the last day a record may hold: the city refuses later ones (sync/fields.py)
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


class TypedDateEntry:
    """Typing a whole date into a date field gives that date, as a person types it on a form.

    Qt's date fields edit one section at a time, which loses what people type in three common ways:
    - with the whole field selected (Ctrl+A), the first digit replaces the whole text and is refused, so the year is
      never typed and "2025-03-05" becomes this year's 3 March;
    - with the cursor before a full section (Home, a click), the digit does not fit and is refused;
    - once four digits fill the year, Qt moves on to the month by itself, and the "-" typed next skips the month
      too, so "2025-03-05 08:15" becomes 2025-12-03 05:08.
    Here a digit typed over the whole field, or before a section, overwrites that section, and the separators typed
    just after Qt moved on are taken as done. "/" and "." do what "-" does, so "2025/3/5" and "2025.3.5", the other
    ways dates are written in China, read the same. A separator that does not follow the section (a ":" in the
    date), or that would leave a year of fewer than four digits behind to be dropped, is not a move.
    """

    _moved_to = -1  # the section Qt moved on to by itself, after a digit filled the one before

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _MODIFIER_KEYS:  # Shift pressed on its way to a "/" or ":" is no keystroke of its own
            super().keyPressEvent(event)
            return
        moved_to, self._moved_to = self._moved_to, -1
        typed = event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if plain and typed.isascii() and typed.isdecimal():
            self._overwrite_from_here()
            section = self.currentSectionIndex()
            super().keyPressEvent(event)
            if self.currentSectionIndex() == section + 1:
                self._moved_to = section + 1
        elif plain and len(typed) == 1 and not typed.isalnum() and typed.isprintable():
            self._next_section(event, moved_to)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._moved_to = -1  # Qt's move belongs to the last visit; Tab selects a section afresh
        super().focusInEvent(event)

    def _overwrite_from_here(self) -> None:
        line = self.lineEdit()
        if line.selectedText() == line.text():
            self.setSelectedSection(self.sectionAt(0))
        elif not line.hasSelectedText() and _starts_section(line.text(), line.cursorPosition()):
            self.setSelectedSection(self.currentSection())

    def _next_section(self, event: QKeyEvent, moved_to: int) -> None:
        section = self.currentSectionIndex()
        if section == moved_to and self.lineEdit().hasSelectedText():
            self._moved_to = moved_to  # Qt has moved on already; a second "-" typed by mistake moves no further
            return
        separators = _SECTION_BREAK.split(self.displayFormat())[1:-1]
        if section >= len(separators) or not _same_separator(event.text(), separators[section]):
            return
        year = QDateTimeEdit.Section.YearSection
        if self.currentSection() is year and len(self.sectionText(year)) < 4:
            return
        # Qt moves on for the separator of its display format only: it is handed that one.
        forwarded = QKeyEvent(
            event.type(), event.key(), event.modifiers(), separators[section], event.isAutoRepeat(), event.count()
        )
        super().keyPressEvent(forwarded)
        event.setAccepted(forwarded.isAccepted())


_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
_SECTION_BREAK = re.compile(r"[yMdHm]+")  # the sections of the display formats here; what lies between are separators
_DATE_SEPARATORS = "-/."


def _same_separator(typed: str, expected: str) -> bool:
    return typed == expected or (typed in _DATE_SEPARATORS and expected in _DATE_SEPARATORS)


def _starts_section(text: str, position: int) -> bool:
    return position < len(text) and text[position].isdigit() and (position == 0 or not text[position - 1].isdigit())


class DateEdit(TypedDateEntry, QDateEdit):
    pass


def date_edit(value: date | None = None) -> QDateEdit:
    """A date with a calendar, China's today unless given; ``.date().toPython()`` reads it."""
    edit = DateEdit(QDate(value or chinatime.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(EARLIEST)
    edit.setMaximumDate(LATEST)
    edit.setMinimumWidth(140)
    return edit


def date_range(one: QDateEdit, other: QDateEdit) -> tuple[date, date]:
    """The days from the earlier to the later of two date fields, whichever way round they stand.

    A range filter's fields do not bound each other: each refused a date past the other, so a range moved to later
    days by typing its start first kept the old start without a word; and it is backwards for a moment while the
    second date is typed.
    """
    first, last = sorted((one.date().toPython(), other.date().toPython()))
    return first, last


class ChinaTimeEdit(TypedDateEntry, QDateTimeEdit):
    """A date and time of day in China time, shown and read as such whatever zone the computer is set to."""

    def __init__(self, value: datetime | None = None):
        super().__init__()
        self.setTimeZone(_CHINA_ZONE)
        self.setMaximumDate(LATEST)
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
    """A file to attach, picked with the system's file dialog; ``path`` is None until one is chosen. ``changed``:
    one was chosen (a form asks before it throws that away, as for what was typed)."""

    changed = Signal()

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
        self.changed.emit()


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
    if isinstance(widget, QCheckBox):
        return widget.toggled
    # A field made of others (OptionalDate; kit.table.CellTable, whose cells hold dates and choices) says so itself.
    changed = getattr(widget, "changed", None)
    return changed if isinstance(changed, SignalInstance) else None
