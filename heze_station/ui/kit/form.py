"""Forms: each field with its message under it, and the dialog for one use case built on them.

Every form works the same way, the intake page and each dialog alike: the person fills in fields and saves; the
service runs on the database worker and either it is done or each refusal appears under its field (the row grows
with it, a two-line message included) and the first wrong field gets the focus. A message goes away as soon as
its field is changed. Nothing is saved until every field is right.
"""

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, InvalidInput, ValidationFailed
from ..i18n import render
from ..tasks import TaskRunner
from ..workspace import Workspace, show_error
from .ask import ask_to_discard
from .inputs import edited
from .palette import BANNER_STYLE, ERROR_STYLE


def error_text(error: DomainError) -> str:
    """Every message of a refusal, one per line (a form-less action may be refused for several reasons)."""
    if isinstance(error, ValidationFailed):
        return "\n".join(render(each.message) for each in error.errors)
    return render(error.message)


def banner() -> QLabel:
    """The red box above a form or page for what concerns no single field; hidden until it has something to say."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what people typed
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_refusal(error: Exception, banner: QLabel, workspace: Workspace, parent: QWidget) -> None:
    """How a page (not a form) reports a failed action: the rules' refusal in its banner, anything else as an
    unexpected error."""
    if isinstance(error, DomainError):
        banner.setText(error_text(error))
        banner.show()
    else:
        workspace.show_error(error, parent)


class FieldErrors:
    """The messages of a form's fields, each under its field, and the banner for the rest.

    ``field(key, widget)`` wraps a widget with its (hidden) message; ``show(errors)`` places a refusal's messages
    by their field keys ("name", or "workers.3.phone" for row 3 of a table field).
    """

    def __init__(self, banner_label: QLabel, shown: Callable[[], None] | None = None):
        """``shown``: a method of the dialog, called when a message appears (it grows to keep every field in sight);
        held weakly, as the dialog holds these messages."""
        self.banner = banner_label
        self._shown_method = weakref.WeakMethod(shown) if shown is not None else None
        self._labels: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}

    def field(self, key: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        """``widget`` with its message beneath; the message clears once the field (``focus``) is edited."""
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

    def _shown(self) -> None:
        method = self._shown_method() if self._shown_method is not None else None
        if method is not None:
            method()

    def alias(self, key: str, same_as: str) -> None:
        """Messages about ``key`` (e.g. the whole "instalments" list) appear where those of ``same_as`` do."""
        self._labels[key] = self._labels[same_as]
        self._focus[key] = self._focus[same_as]

    def label(self, key: str) -> QLabel:
        return self._labels[key]

    def text(self, key: str) -> str:
        """What the form says beside ``key`` (empty when it is fine)."""
        label = self._labels[key]
        return "" if label.isHidden() else label.text()

    def set(self, key: str, message: str | None) -> None:
        """Say ``message`` beside ``key``, or take its message away."""
        label = self._labels[key]
        label.setText(message or "")
        label.setVisible(bool(message))
        if message:
            self._shown()

    def focus(self, key: str) -> None:
        self._focus[key].setFocus()

    def clear(self) -> None:
        self.banner.hide()
        for key in self._labels:
            self.set(key, None)

    def show(self, errors: list[InvalidInput], *, keep: bool = False) -> QWidget | None:
        """Each message under its field, messages for fields without one on the banner; returns the first wrong
        field (focused). ``keep`` adds to what is shown instead of starting afresh."""
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
                # A message about one row of a table field ("instalment.2") says which row.
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
        """Put ``text`` on the banner."""
        self.banner.setText(text)
        self.banner.show()
        self._shown()


TITLE_BAR = 40  # pixels the window's frame takes above a dialog's contents


class FittingScroll(QScrollArea):
    """A form that scrolls only once it is taller than the screen: as large as its contents up to the screen's
    height less room for the window's frame and buttons, so a long form never grows past a laptop's 768 pixels."""

    ROOM = 160  # the title bar, the banner and the buttons

    def __init__(self, contents: QWidget):
        super().__init__()
        self.setWidget(contents)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The fields take the focus, not the area around them: a dialog opened on its first field, not on nothing.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        wanted = self.widget().sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        tallest = screen.height() - self.ROOM if screen is not None else wanted.height()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        return QSize(wanted.width() + scrollbar, min(wanted.height(), tallest))

    def minimumSizeHint(self) -> QSize:
        # As tall as the fields (up to the screen), never less: a dialog given only its width (resize(480, 0)) is
        # clamped to this, and with a scroll area's few pixels it opened 122 pixels tall, its fields out of sight.
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class FormDialog(QDialog):
    """A dialog for one use case: fields in a form, saved in the background through a service."""

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
        self.banner = banner()
        self.errors = FieldErrors(self.banner, self._grow_later)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.fields = QWidget()
        self.fields.setLayout(self.form)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.banner)
        self.scroll = FittingScroll(self.fields)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None
        self.typed = False  # a person changed a field since the dialog showed: closing it unsaved asks first
        self._added: list[QWidget] = []  # the fields' widgets, in the order they were added
        self._shown = False

    def _grow_later(self) -> None:
        # Once the messages are laid out: grown then, the dialog keeps every field out from under a scroll bar.
        QTimer.singleShot(0, self, self._fit_height)

    def _fit_height(self) -> None:
        """Taller by what the fields now lack (messages appeared under them), up to the screen's height: the
        fields scroll only beyond it."""
        viewport = self.scroll.viewport()
        needed = self.fields.heightForWidth(viewport.width()) if self.fields.hasHeightForWidth() else -1
        lacking = max(needed, self.fields.sizeHint().height()) - viewport.height()
        tallest = self.screen().availableGeometry().height() - TITLE_BAR
        if lacking > 0 and self.height() < tallest:
            self.resize(self.width(), min(self.height() + lacking, tallest))

    def showEvent(self, event: QShowEvent) -> None:
        # A wrapped text (an introduction) is taller the narrower the dialog: Qt sizes a dialog at its preferred
        # width, then narrows it to fit the screen, and the fields below lose what the text gained.
        needed = self.layout_.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
        if not self._shown:  # once: shown again after the screen was locked, the dialog keeps what was typed
            self._shown = True
            self.typed = False  # what the dialog filled in itself is nobody's typing
            self._buttons_after_the_fields()
        super().showEvent(event)

    def _buttons_after_the_fields(self) -> None:
        """The buttons are made before the fields a dialog adds: Tab went to OK and Cancel first, and the dialog
        opened on OK. The fields come first, and the dialog opens on the first of them (unless it chose one)."""
        if not self._added:
            return
        QWidget.setTabOrder(self._added[-1], self.buttons)
        focusable = [each for each in self._added if each.focusProxy() or each.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if focusable and not self.fields.isAncestorOf(self.focusWidget() or self):
            focusable[0].setFocus()

    def done(self, result: int) -> None:
        self.typed = False  # closed, saved or discarded: nothing typed in it is left to ask about (unsaved_work)
        super().done(result)

    def reject(self) -> None:
        """Esc, Cancel or closing the window: what a person typed is not thrown away without asking."""
        if not self.typed:
            super().reject()
            return
        ask_to_discard(self, self.tr("What you typed here has not been saved. Close and discard it?"))

    def add_field(self, key: str, caption: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        """A row: the caption (its mnemonic focuses the widget), the widget, and its message under it."""
        caption_label = QLabel(caption)
        caption_label.setBuddy(focus or widget)
        self._added.append(focus or widget)
        self.form.addRow(caption_label, self.errors.field(key, widget, focus))
        signal = edited(focus or widget)  # a table in a box with its buttons is the field itself
        if signal is not None:
            signal.connect(self._typed_in)
        return widget

    def _typed_in(self, *_: object) -> None:
        self.typed = True

    def run(self, service: Callable[..., Any], *args: Any) -> None:
        """Save through ``service`` in the background: close on success, show every refusal otherwise."""
        self.errors.clear()
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
            self.errors.say(render(error.message))
        else:
            show_error(error, self)

    def show_errors(self, errors: list[InvalidInput]) -> None:
        self.errors.show(errors)

    def error_text(self, key: str) -> str:
        """What the dialog says beside ``key`` (empty when it is fine)."""
        return self.errors.text(key)

    def clear_errors(self) -> None:
        self.errors.clear()
