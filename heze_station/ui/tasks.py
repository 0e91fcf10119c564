"""Running service calls off the GUI thread.

All database work goes to one worker thread, so SQLite writes are serialised and the window never freezes;
results come back to the GUI thread through a queued signal (the pattern of Anki's taskman).
"""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


def is_alive(callback: Callable[..., object] | None) -> bool:
    """A callback bound to a widget that Qt has already deleted must not run."""
    owner = getattr(callback, "__self__", None)
    return callback is not None and (not isinstance(owner, QObject) or shiboken6.isValid(owner))


class TaskRunner(QObject):
    # Emitted from the worker thread; Qt queues it to this object's (the GUI) thread.
    _completed = Signal(object, object, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, thread_name: str = "database"):
        super().__init__(parent)
        # One worker: database writes are serialised, and so are network runs (each on a runner of its own).
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._pending = 0
        self._completed.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(function, *args)
        future.add_done_callback(lambda done: self._completed.emit(done, on_done, on_error))
        return future

    def _deliver(self, future: Future, on_done: Callback | None, on_error: Callable[[Exception], None] | None) -> None:
        self._pending -= 1
        try:
            error = future.exception()
            if error is None:
                if is_alive(on_done):
                    on_done(future.result())
            elif is_alive(on_error):
                on_error(error)  # type: ignore[arg-type]
            else:
                log.error("background task failed", exc_info=error)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
