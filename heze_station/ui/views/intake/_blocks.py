"""Stand-ins for the building blocks of ui/kit (FieldErrors, EnumCombo, date_edit, ask), with their signatures, until
that package is merged; then this module goes and the intake page imports them from ui/kit."""

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ....domain import chinatime
from ....domain.errors import InvalidInput
from ... import formatting
from ...i18n import render
from ...widgets.optional_date import OptionalDate

ERROR_STYLE = "color: #b03a2e;"


class FieldErrors:
    def __init__(self, banner_label: QLabel):
        self.banner = banner_label
        self._labels: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}

    def field(self, key: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        message = QLabel()
        message.setObjectName("fieldError")
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        message.setStyleSheet(ERROR_STYLE)
        message.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        self._labels[key] = message
        self._focus[key] = focus or widget
        signal = edited(focus or widget)
        if signal is not None:
            signal.connect(lambda *_: self.set(key, None))
        return box

    def label(self, key: str) -> QLabel:
        return self._labels[key]

    def text(self, key: str) -> str:
        label = self._labels[key]
        return "" if label.isHidden() else label.text()

    def set(self, key: str, message: str | None) -> None:
        label = self._labels[key]
        label.setText(message or "")
        label.setVisible(bool(message))

    def clear(self) -> None:
        self.banner.hide()
        for key in self._labels:
            self.set(key, None)

    def show(self, errors: list[InvalidInput], *, keep: bool = False) -> QWidget | None:
        if not keep:
            self.clear()
        general = []
        first = None
        for error in errors:
            key, _, row = error.field.partition(".")
            label_key = error.field if error.field in self._labels else key
            text = render(error.message)
            row_number = row.split(".")[0]
            if label_key == key and error.field != key and row_number.isdigit():
                text = QCoreApplication.translate("FormDialog", "Row {row}: {message}").format(
                    row=row_number, message=text
                )
            if label_key not in self._labels:
                general.append(text)
                continue
            shown = self.text(label_key)
            self.set(label_key, f"{shown}\n{text}" if shown else text)
            first = first or self._focus[label_key]
        if general:
            self.say("\n".join(general))
        if first is not None:
            first.setFocus()
        return first

    def say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()


class EnumCombo(QComboBox):
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
    edit = QDateEdit(QDate(value or chinatime.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1990, 1, 1))
    edit.setMinimumWidth(140)
    return edit


def ask(
    parent: QWidget,
    title: str,
    question: str,
    on_yes: Callable[[], None],
    *,
    yes_text: str | None = None,
    on_no: Callable[[], None] | None = None,
    warning: bool = False,
) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, question, QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if yes_text is None:
        yes_button = box.addButton(QMessageBox.StandardButton.Yes)
    else:
        yes_button = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no_button = box.button(QMessageBox.StandardButton.No)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is yes_button:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(answered)
    box.open()
    return box


def edited(widget: QWidget) -> SignalInstance | None:
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, OptionalDate):
        return widget.changed
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return None
