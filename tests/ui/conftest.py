"""GUI fixtures: a Workspace on a fresh database, torn down only after its background work has finished."""

from collections.abc import Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from heze_station.services.station import StationContext
from heze_station.ui.workspace import Workspace

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def workspace(station: StationContext, qtbot) -> Iterator[Workspace]:
    space = Workspace(station)
    yield space
    wait_idle(qtbot, space)
    space.tasks.shutdown()


def wait_idle(qtbot, workspace: Workspace) -> None:
    """Wait (on conditions, never sleeps) until every background task has delivered its result."""
    qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=10_000)


def type_chinese(widget: QWidget, text: str) -> None:
    """Type text as an input method commits it: qtbot.keyClicks aborts on non-ASCII characters."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def show_view(qtbot, workspace: Workspace, view: W, width: int = 1200, height: int = 800) -> W:
    """Show a page as the main window would, and wait until its first data has arrived."""
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    wait_idle(qtbot, workspace)
    return view


def shown_rows(model: QAbstractItemModel) -> list[list[str]]:
    """What a table shows, row by row."""
    return [
        [model.index(row, column).data() for column in range(model.columnCount())] for row in range(model.rowCount())
    ]


def click_row(qtbot, table: QTableView, row: int, *, double: bool = False) -> None:
    centre = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        # QTest sends only the double-click event; a real one follows a press and release on the same row.
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
