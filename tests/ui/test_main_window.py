"""The main window is shown before the station's records are open, and takes its pages when they are."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from heze_station.domain import chinatime
from heze_station.ui import fonts, formatting
from heze_station.ui.main_window import CASES_PAGE, MainWindow
from heze_station.ui.workspace import Workspace
from tests.ui.conftest import wait_idle


@pytest.fixture
def station_font(qapp: QApplication) -> Iterator[None]:
    """The font the program starts with (fonts.install), whose glyph widths decide what fits on screen."""
    before = qapp.font()
    fonts.install(qapp)
    yield
    qapp.setFont(before)


def test_window_shows_the_station_opening_then_its_pages(
    chinese: None, station_font: None, workspace: Workspace, qtbot
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    opening = [label.text() for label in window.pages.currentWidget().findChildren(QLabel)]
    assert opening == ["正在打开本站的记录…"]
    assert window.windowTitle() == "菏谐驿站"
    # Nothing that needs the records can be started yet.
    assert not window.verify_action.isEnabled()
    assert not window.sync_now_action.isEnabled()
    assert not window.enrol_action.isEnabled()

    # The coordinator already asks for the case search while the records open.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentRow() == CASES_PAGE

    window.attach(workspace)
    wait_idle(qtbot, workspace)
    assert window.pages.count() == 4
    # The pages fit the window's width: it does not jump wider, nor past a 1280-pixel screen, when they arrive.
    assert window.minimumSizeHint().width() <= window.width() == 1280
    assert window.pages.currentWidget() is window.cases  # the page asked for, not the first one
    window.show_page(0)
    assert window.pages.currentWidget() is window.dashboard
    assert formatting.day(chinatime.today()) in window.dashboard.greeting.text()  # the station's data has arrived
    assert workspace.context.station_name in window.windowTitle()
    assert window.verify_action.isEnabled()
    assert window.enrol_action.isEnabled()
    window.close()
