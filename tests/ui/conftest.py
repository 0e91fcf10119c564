"""GUI fixtures: a Workspace on a fresh database, torn down only after its background work has finished; the zh_CN
catalogue installed; a city server on loopback and another computer of the station, for the sync tests."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget

from heze_station import paths
from heze_station.services.station import StationContext
from heze_station.ui import i18n
from heze_station.ui.workspace import Workspace
from tests.stations import open_test_station

if TYPE_CHECKING:  # the server and its web framework load only for the tests that use one (the city fixture)
    from tests.ui.city import CityServer

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def workspace(station: StationContext, qtbot) -> Iterator[Workspace]:
    space = Workspace(station)
    yield space
    wait_idle(qtbot, space)
    space.tasks.shutdown()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    catalogue = paths.resource("i18n", "heze_station_zh_CN.qm")
    assert catalogue.exists(), "the compiled catalogue is missing: `make test` builds it with pyside6-lrelease"
    translators = i18n.install(qapp, "zh_CN")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    i18n.install(qapp, "en")


@pytest.fixture
def city(tmp_path: Path) -> Iterator["CityServer"]:
    """A real city server on loopback (tests/ui/city.py), which the test can stop and start again."""
    from tests.ui.city import serve

    with serve(tmp_path) as server:
        yield server


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Callable[[str], StationContext]]:
    """Another computer of the same station (service calls only, no window)."""
    opened: list[StationContext] = []

    def make(name: str) -> StationContext:
        context = open_test_station(tmp_path / name)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def no_thread_left() -> Iterator[None]:
    """Every window is closed (by pytest-qt) before this ends: its sync thread must be gone with it.

    Used by a whole module (``pytestmark = pytest.mark.usefixtures("no_thread_left")``), so it is set up before, and
    torn down after, the test's own fixtures.
    """
    yield
    assert sync_threads() == []


def sync_threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name.startswith("sync")]


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


@contextmanager
def messages_answered(qtbot) -> Iterator[list[str]]:
    """Close every message box that opens meanwhile (a modal one runs its own event loop, so it is looked for from
    a timer), collecting their texts."""
    texts: list[str] = []

    def close_open_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            texts.append(box.text())
            box.done(0)

    timer = QTimer()
    timer.timeout.connect(close_open_box)
    timer.start(20)
    try:
        yield texts
    finally:
        timer.stop()
