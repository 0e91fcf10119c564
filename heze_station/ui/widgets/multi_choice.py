"""A button that chooses several of a list at once (the case list's statuses), summarised on its face.

Its menu stays open while choices are ticked (by mouse, Space or Enter), so choosing three statuses is three
clicks, not three trips through the menu; Esc or a click outside closes it.
"""

from collections.abc import Hashable, Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

# The button's face: a Chinese status or two, the rest is in its tooltip (the filter row fits 1280 pixels).
FACE_CHARACTERS = 8


class _StayOpenMenu(QMenu):
    """A menu whose checkable entries toggle without closing it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in keys and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)


class MultiChoice(QPushButton):
    """Choose any number of ``choices`` ((key, label) pairs, separators where a key is None); none chosen reads
    ``nothing``, which means no restriction."""

    changed = Signal()

    def __init__(
        self, choices: Sequence[tuple[Hashable | None, str]], nothing: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._nothing = nothing
        self._actions: dict[Hashable, QAction] = {}
        menu = _StayOpenMenu(self)
        for key, label in choices:
            if key is None:
                menu.addSeparator()
                continue
            action = menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self._actions[key] = action
        self.setMenu(menu)
        # Read like the combo boxes beside it: the choice on the left, the menu's arrow on the right.
        self.setStyleSheet("MultiChoice { text-align: left; padding: 3px 24px 3px 6px; }")
        metrics = self.fontMetrics()
        # Room for the menu's arrow and the margins besides the text.
        self._chrome = 2 * metrics.horizontalAdvance("中")
        face = max(metrics.horizontalAdvance("中" * FACE_CHARACTERS), metrics.horizontalAdvance(nothing))
        self.setMinimumWidth(face + self._chrome)
        self._show_chosen()

    def action(self, key: Hashable) -> QAction:
        return self._actions[key]

    def chosen(self) -> list[Hashable]:
        """The keys ticked, in the menu's order."""
        return [key for key, action in self._actions.items() if action.isChecked()]

    def choose(self, keys: Iterable[Hashable]) -> None:
        """Tick exactly ``keys``; ``changed`` is emitted once, if anything changed."""
        wanted = set(keys)
        before = self.chosen()
        for key, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(key in wanted)
            action.blockSignals(False)
        self._show_chosen()
        if self.chosen() != before:
            self.changed.emit()

    def _toggled(self) -> None:
        self._show_chosen()
        self.changed.emit()

    def _show_chosen(self) -> None:
        labels = [action.text() for action in self._actions.values() if action.isChecked()]
        whole = self.tr(", ").join(labels) if labels else self._nothing
        room = self.minimumWidth() - self._chrome
        # The button is as wide as its "nothing chosen"; a longer choice shows as far as it fits.
        self.setText(self.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideRight, room) if labels else whole)
        self.setToolTip(whole)
        self.setAccessibleName(whole)
