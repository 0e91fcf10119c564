"""A question that does not block the event loop (a modal exec() would stall the database worker's results)."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


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
    """Yes or No, No being the default and Esc; ``on_yes`` (or ``on_no``) runs with the answer. ``yes_text`` names
    what Yes does ("Register anyway") where a plain "Yes" would be unclear."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, question, QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the question may quote names a person typed
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


def ask_to_discard(window: QDialog, question: str) -> None:
    """Before ``window`` closes with typing in it: Discard closes it, No (or Esc) keeps it open as it is.

    One question per window, kept for the next time it is needed: a window deleted right after an answer took along
    a question still waiting to delete itself, and the program crashed."""
    box = window.findChild(QMessageBox, "discard_question")
    if box is not None:
        box.open()
        return
    box = ask(
        window,
        window.windowTitle(),
        question,
        lambda: QDialog.reject(window),
        yes_text=QCoreApplication.translate("ask", "Discard"),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    box.setObjectName("discard_question")
