"""What every view shares: the open station, the background runner, and one "data changed" signal.

Views never call each other to refresh: a change made through :meth:`Workspace.change` announces itself once,
with what it touched (domain.changes.Change: the tables and cases written), and every view that shows data
reloads on that signal when the change concerns it (ui.kit.page).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.changes import Change
from ..domain.errors import DomainError
from .i18n import render
from .tasks import TaskRunner, is_alive

if TYPE_CHECKING:  # the database layer loads after the window is on screen (app.py)
    from ..services.station import StationContext

log = logging.getLogger(__name__)


class Workspace(QObject):
    data_changed = Signal(object)  # a domain.changes.Change
    case_requested = Signal(uuid.UUID)

    def __init__(self, context: StationContext, *, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.demo = demo
        self.tasks = TaskRunner(self)

    def load(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``service(context, *args)`` in the background and hand its result to ``on_done``."""
        self.tasks.run(service, self.context, *args, on_done=on_done, on_error=on_error or self.show_error)

    def change(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Like :meth:`load`, for a service that writes; announces ``data_changed`` with what it wrote after it
        succeeded."""
        from ..services.changes import run_noting_changes  # the database layer loads after the window (app.py)

        def done(outcome: tuple[Any, Change]) -> None:
            result, change = outcome
            # The change is committed: every view must hear of it, even if the window that asked is gone.
            try:
                if is_alive(on_done):
                    on_done(result)
            finally:
                self.data_changed.emit(change)

        self.tasks.run(
            run_noting_changes, service, self.context, *args, on_done=done, on_error=on_error or self.show_error
        )

    def record(self, service: Callable[..., Any], *args: Any) -> None:
        """Run an audit-trail ``service(context, *args)`` in the background (services.audit): what a person saw
        or did without changing anything. Nobody waits for it; a failure is logged, never put in their way."""
        self.tasks.run(service, self.context, *args, on_done=lambda _result: None, on_error=_not_recorded)

    def show_error(self, error: Exception, parent: QWidget | None = None) -> None:
        show_error(error, parent)

    def shutdown(self) -> None:
        self.tasks.shutdown()
        self.context.close()


def _not_recorded(error: Exception) -> None:
    log.error("an audit entry could not be written", exc_info=error)


def show_error(error: Exception, parent: QWidget | None = None) -> None:
    """A refusal as a warning with its message; anything else as an unexpected error, logged with its traceback."""
    title = QCoreApplication.translate("Workspace", "Could not complete this")
    if isinstance(error, DomainError):
        _warn(parent, title, render(error.message))
        return
    log.error("unexpected error in a background task", exc_info=error)
    QMessageBox.critical(
        parent,
        title,
        QCoreApplication.translate(
            "Workspace",
            "An unexpected error occurred and nothing was saved. Please try again; if it happens again, "
            "tell the city bureau's support and mention: {error}",
        ).format(error=type(error).__name__),
    )


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning whose text is shown as typed: it may quote a name or a folder a person chose."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
