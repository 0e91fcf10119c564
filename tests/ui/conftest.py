"""GUI fixtures: a Workspace on a fresh database, torn down only after its background work has finished."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from heze_station.services.station import StationContext
from heze_station.ui.workspace import Workspace


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
