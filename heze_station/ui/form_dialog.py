"""A small dialog for one use case: fields in a form, each with its message beside it, saved in the background.

Every mediation and agreement form works the same way: the person fills in fields, presses the default button
(Enter), the service runs on the database worker, and either the dialog closes or each refusal appears under
its field and the first wrong field gets the focus. Nothing is saved until every field is right.
"""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import chinatime
from ..domain.errors import DomainError, InvalidInput, ValidationFailed
from . import formatting
from .i18n import render
from .tasks import TaskRunner
from .workspace import Workspace, show_error

ERROR_STYLE = "color: #b03a2e;"
BANNER_STYLE = "color: #b03a2e; background: #fdecea; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"


def date_edit(value: QDate | None = None) -> QDateEdit:
    edit = QDateEdit(value or QDate(chinatime.today()))  # China's today, not the laptop's zone's
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def ask(parent: QWidget, title: str, question: str, on_yes: Callable[[], None]) -> QMessageBox:
    """A yes/no question that does not block the event loop: ``on_yes`` runs if the person answers yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, question, buttons, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: QAbstractButton) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box


def error_text(error: DomainError) -> str:
    """Every message of a refusal, one per line (a form-less action may be refused for several reasons)."""
    if isinstance(error, ValidationFailed):
        return "\n".join(render(each.message) for each in error.errors)
    return render(error.message)


class EnumCombo(QComboBox):
    """A choice among domain enum members, shown by their translated labels.

    Qt hands item data back as plain strings, so the member is rebuilt from its value when read.
    """

    def __init__(self, members: list[StrEnum]):
        super().__init__()
        self.kind = type(members[0])
        for member in members:
            self.addItem(formatting.label(member), member.value)

    def current(self) -> Any:
        return self.kind(self.currentData())

    def select(self, member: StrEnum) -> None:
        self.setCurrentIndex(self.findData(member.value))


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


def show_refusal(error: Exception, banner: QLabel, workspace: Workspace, parent: QWidget) -> None:
    """How a page (not a form) reports a failed action: the rules' refusal in its banner, anything else as an
    unexpected error."""
    if isinstance(error, DomainError):
        banner.setText(error_text(error))
        banner.show()
    else:
        workspace.show_error(error, parent)


class FormDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace | None,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
    ):
        """``workspace``: the open station its services run on; without one (before any station is open, as in the
        setup step), the services run on ``tasks`` and are not given a station."""
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self.setWindowTitle(title)
        self.setModal(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.buttons)
        self._errors: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}
        self.result_value: Any = None

    def add_field(self, key: str, caption: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        """A row: the caption (its mnemonic focuses the widget), the widget, and a hidden message under it."""
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption_label = QLabel(caption)
        caption_label.setBuddy(focus or widget)
        self.form.addRow(caption_label, field)
        self._errors[key] = error
        self._focus[key] = focus or widget
        return widget

    def run(self, service: Callable[..., Any], *args: Any) -> None:
        """Save through ``service`` in the background: close on success, show every refusal otherwise."""
        self.clear_errors()
        self.ok_button.setEnabled(False)
        if self.workspace is not None:
            self.workspace.change(service, *args, on_done=self._done, on_error=self._failed)
        else:
            self.tasks.run(service, *args, on_done=self._done, on_error=self._failed)

    def submit(self) -> None:  # overridden: read the widgets, then self.run(service, ...)
        raise NotImplementedError

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.ok_button.setEnabled(True)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        # While it was disabled, focus may have passed over Cancel, which took the default: Enter must save again.
        self.ok_button.setDefault(True)
        if isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
        elif isinstance(error, InvalidInput):
            self.show_errors([error])
        elif isinstance(error, DomainError):
            self._banner(render(error.message))
        else:
            show_error(error, self)

    def show_errors(self, errors: list[InvalidInput]) -> None:
        """Each message under its field; messages for fields without a row (table rows, the whole form) on top."""
        general = []
        first = None
        for error in errors:
            key, _, row = error.field.partition(".")
            label = self._errors.get(error.field) or self._errors.get(key)
            text = render(error.message)
            row_number = row.split(".")[0]
            if label is not None and error.field not in self._errors and row_number.isdigit():
                # A message about one row of a table field ("instalment.2") says which row.
                text = QCoreApplication.translate("FormDialog", "Row {row}: {message}").format(
                    row=row_number, message=text
                )
            if label is None:
                general.append(text)
                continue
            label.setText(f"{label.text()}\n{text}" if not label.isHidden() and label.text() else text)
            label.show()
            first = first or self._focus.get(error.field) or self._focus.get(key)
        if general:
            self._banner("\n".join(general))
        if first is not None:
            first.setFocus()

    def error_text(self, key: str) -> str:
        """What the dialog says beside ``key`` (empty when it is fine)."""
        label = self._errors[key]
        return "" if label.isHidden() else label.text()

    def _banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def clear_errors(self) -> None:
        self.banner.hide()
        for label in self._errors.values():
            label.clear()
            label.hide()
