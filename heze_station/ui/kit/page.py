"""A page or window that shows the station's data: loads when shown, reloads on the changes that concern it.

A hidden page does not query for nobody: a change that concerns it marks it stale, and it reloads when it is shown
again. Each view says what concerns it (``concerns``: the tables it reads, or its one case), so saving a payment
does not reload the employers' ledger, and an open case file reloads only when its own case changed.

    class LedgerPage(StationView, QWidget):
        def __init__(self, workspace):
            super().__init__()
            self.watch(workspace)
        def concerns(self, change): return change.touches("employer", "project", "case_file")
        def reload(self): ...
"""

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ...domain.changes import Change
from ..workspace import Workspace


class StationView:
    """Mixed into a QWidget (listed first: ``class Page(StationView, QWidget)``); call :meth:`watch` once."""

    workspace: Workspace
    _stale = True
    # Pages whose contents move with the date or the clock (the workbench's deadlines) load again at every show.
    reload_on_every_show = False

    def watch(self, workspace: Workspace) -> None:
        self.workspace = workspace
        workspace.data_changed.connect(self._data_changed)

    def concerns(self, change: Change) -> bool:
        """Whether ``change`` alters what this view shows; every change, unless the view says otherwise."""
        return True

    def reload(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Load now (a person asked, or the page became visible)."""
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale or self.reload_on_every_show:
            self.refresh()

    def _data_changed(self, change: Any) -> None:
        if not self.concerns(change):
            return
        widget: QWidget = self  # type: ignore[assignment]
        if widget.isVisible():
            self.refresh()
        else:
            self._stale = True
