"""GUI fixtures: a Workspace on a fresh database, torn down only after its background work has finished; the zh_CN
catalogue installed; a city server on loopback and another computer of the station, for the sync tests.

Every GUI test must leave nothing behind (``nothing_left_behind``, as napari's conftest checks): no window, no
running timer, no thread. What a test leaves runs on into the next ones, which then fail or crash for no reason
of their own.
"""

import gc
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget

from heze_station import paths
from heze_station.services.station import StationContext
from heze_station.ui import i18n
from heze_station.ui.garbage import GuiThreadCollector
from heze_station.ui.workspace import Workspace
from tests.stations import open_test_station

if TYPE_CHECKING:  # the server and its web framework load only for the tests that use one (the city fixture)
    from tests.ui.city import CityServer

W = TypeVar("W", bound=QWidget)
THREAD_END_SECONDS = 5  # a thread told to stop at the test's end may take a moment to return


@pytest.fixture(autouse=True)
def nothing_left_behind(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a window, a running QTimer or a Python thread it made.

    Autouse, so set up before and torn down after the test's other fixtures (a workspace's worker thread ends in
    its fixture's teardown); pytest-qt has closed the widgets given to ``qtbot.addWidget`` before that. A failed
    test's traceback keeps its widgets: they are only cleared away, its failure says enough.
    """
    windows_before = set(_windows())
    threads_before = set(threading.enumerate())
    started: weakref.WeakSet[QTimer] = weakref.WeakSet()
    start = QTimer.start

    def start_recorded(timer: QTimer, *args: object) -> None:
        started.add(timer)
        # Connected to a signal (textChanged.connect(timer.start)), it gets the signal's arguments: Qt's own start
        # takes none of them, only a time in milliseconds.
        start(timer, *(arg for arg in args if type(arg) is int))

    QTimer.start = start_recorded  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = start  # type: ignore[method-assign]
    running = [timer for timer in list(started) if shiboken6.isValid(timer) and timer.isActive()]
    left = [f"running timer {_named(timer)}" for timer in running]
    for timer in running:
        timer.stop()
    left += [f"window {window!r}" for window in _windows() if window not in windows_before]
    left += [f"thread {thread.name}" for thread in _threads_left(threads_before)]
    for window in _windows():
        if window not in windows_before:
            window.close()
            window.deleteLater()
    call = getattr(request.node, "rep_call", None)
    if left and not (call is not None and call.failed):
        pytest.fail("the test left behind: " + "; ".join(left), pytrace=False)


@pytest.fixture(autouse=True)
def collected_on_gui_thread(nothing_left_behind: None, qapp: QApplication) -> Iterator[None]:
    """Garbage collected by the GUI thread's timer only, as in the app (ui/garbage.py); automatic again after. After
    nothing_left_behind: its timer is among those the test started, and is stopped before they are looked at."""
    garbage = GuiThreadCollector(qapp)
    yield
    garbage.stop()
    garbage.deleteLater()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]  (read by nothing_left_behind)
    return report


def _named(timer: QTimer) -> str:
    parent = timer.parent()
    return f"{timer.objectName() or repr(timer)} of {type(parent).__name__ if parent else 'nothing'}"


def _windows() -> list[QWidget]:
    """The windows that no other widget owns, once everything deleted (deleteLater, garbage) is gone."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    windows = _unowned_windows()
    if windows:  # widgets held only by a reference cycle: the collector frees them (and Qt deletes them)
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        windows = _unowned_windows()
    return windows


def _unowned_windows() -> list[QWidget]:
    # QTipLabel: Qt's one tooltip window, made on the first tooltip and kept for the application's life.
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget.parent() is None and type(widget).__name__ != "QTipLabel"
    ]


def _threads_left(before: set[threading.Thread]) -> list[threading.Thread]:
    new = [thread for thread in threading.enumerate() if thread not in before]
    for thread in new:
        thread.join(timeout=THREAD_END_SECONDS / len(new))
    return [thread for thread in new if thread.is_alive()]


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
