"""SIGTERM (a logout, a shutdown, ``kill`` on Linux) ends the program as quitting does: the session finishes (the
backup at closing, the workers stopped, the database closed). Python's default ended it on the spot. Windows sends no
SIGTERM at a logout (Qt hears the session's end itself); this is not what covers it there.

A handler of Python's runs only when the interpreter runs, which it does not while Qt waits for events: the signal
also writes a byte to a socket (``signal.set_wakeup_fd``) whose notifier wakes Qt's loop, and the handler runs with
the Python code that wakes.
"""

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class TerminationWatch(QObject):
    def __init__(self, parent: QObject, end: Callable[[], None]) -> None:
        super().__init__(parent)
        self._woken_by, self._written_to = socket.socketpair()
        for end_of_pair in (self._woken_by, self._written_to):
            end_of_pair.setblocking(False)
        signal.set_wakeup_fd(self._written_to.fileno())
        signal.signal(signal.SIGTERM, lambda _number, _frame: end())
        self._notifier = QSocketNotifier(self._woken_by.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._woken_by.recv(64)  # the signals' bytes: their handlers have run as this method began
