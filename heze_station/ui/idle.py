"""Noticing that nobody has touched the program for a while, so the window can lock itself.

An application-wide event filter notes the time of every key press, click and mouse movement; a timer compares
it with the limit every few seconds. Cheap: the filter only stores a number.
"""

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)

_CHECK_EVERY_SECONDS = 5.0


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._limit = 0.0
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        QApplication.instance().installEventFilter(self)

    def start(self, limit_seconds: float) -> None:
        """Emit ``idle`` once after ``limit_seconds`` without input (counted from now)."""
        self._limit = limit_seconds
        self._last_input = time.monotonic()
        # Every 5 seconds is precise enough for minutes; a shorter limit is checked as often as it is long.
        self._timer.start(int(min(_CHECK_EVERY_SECONDS, limit_seconds) * 1000))

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if time.monotonic() - self._last_input >= self._limit:
            self._timer.stop()
            self.idle.emit()
