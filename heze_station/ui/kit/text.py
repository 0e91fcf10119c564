"""Labels for what a person typed (names, addresses, facts, reasons): always plain text.

A QLabel guesses rich text from a string that looks like markup, so a worker named "<b>李</b>" would show bold, and
an employer's "<h1>" as a heading; every label that may carry typed text is made here.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(
    text: str = "", parent: QWidget | None = None, *, wrap: bool = False, selectable: bool = False
) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
