"""The workbench's counts lead to their cases: a tile, clicked or entered with the keyboard, opens the case list
filtered by it; a deadline group lists the cases with such a deadline. An agreement still being paid counts as open."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from heze_station.domain import chinatime
from heze_station.domain.changes import EVERYTHING
from heze_station.domain.clocks import ClockState
from heze_station.domain.performance import PerformanceState
from heze_station.services.station import StationContext
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.status_choice import OpenCases
from heze_station.ui.workspace import Workspace
from tests.factories import at, intake_form, register
from tests.services.agreement_steps import agree, mediating, terms
from tests.ui.conftest import shown_rows, wait_idle

WORKBENCH = 0


@pytest.fixture
def window(station: StationContext, workspace: Workspace, qtbot) -> MainWindow:
    """A registered case, one in mediation, and one whose agreement's instalment is overdue."""
    today = chinatime.today()
    start = today - timedelta(days=20)
    register(station, intake_form(employer_serial=1, received_on=today))
    mediating(station, intake_form(employer_serial=2, received_on=today), None)
    owed = mediating(station, intake_form(employer_serial=3, received_on=start), start)
    form = terms(station, owed, start, [(station.calendar.last_working_day_before(today), "3800")], amount_each="3800")
    agree(station, owed, form, at(start, 16))
    shown = MainWindow(workspace)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    wait_idle(qtbot, workspace)
    return shown


def listed(window: MainWindow) -> list[str]:
    return sorted(row[2] for row in shown_rows(window.cases.model))


def back_to_workbench(qtbot, window: MainWindow, workspace: Workspace) -> None:
    window.show_page(WORKBENCH)
    wait_idle(qtbot, workspace)


def test_an_overdue_instalment_counts_as_open_and_its_tile_lists_the_case(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    board = window.dashboard
    assert board.summary.text().startswith("Open cases: 3.")
    assert board.tiles[OpenCases.ALL].figure.text() == "3"
    assert board.tiles[PerformanceState.IN_DEFAULT].figure.text() == "1"
    assert board.tiles[PerformanceState.PERFORMING].figure.text() == "0"

    with qtbot.waitSignal(window.cases.model.refreshed, timeout=10_000):
        qtbot.mouseClick(board.tiles[PerformanceState.IN_DEFAULT], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.cases
    assert window.cases.status_filter.chosen() == [PerformanceState.IN_DEFAULT]
    assert [row[-2] for row in shown_rows(window.cases.model)] == ["In default"]

    # With the keyboard: the tile takes the focus, Enter (or Space) opens its cases.
    back_to_workbench(qtbot, window, workspace)
    board.tiles[OpenCases.ALL].setFocus()
    with qtbot.waitSignal(window.cases.model.refreshed, timeout=10_000):
        qtbot.keyClick(board.tiles[OpenCases.ALL], Qt.Key.Key_Return)
    assert window.cases.status_filter.chosen() == [OpenCases.ALL]
    assert window.cases.model.total == 3


def test_a_deadline_group_lists_the_cases_with_such_a_deadline(qtbot, window: MainWindow, workspace: Workspace) -> None:
    board = window.dashboard
    overdue = board.deadline_groups[ClockState.OVERDUE]
    assert overdue.text() == "Overdue: 1"
    assert not board.deadline_groups[ClockState.DUE_TODAY].isEnabled()  # nothing in it

    overdue.setFocus()
    with qtbot.waitSignal(window.cases.model.refreshed, timeout=10_000):
        qtbot.keyClick(overdue, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is window.cases
    assert window.cases.figure_banner.isVisible()
    assert "Overdue" in window.cases.figure_banner.text()
    assert [row[-2] for row in shown_rows(window.cases.model)] == ["In default"]


def test_the_workbench_lists_sort_by_a_click_on_a_header(
    qtbot, window: MainWindow, workspace: Workspace, station: StationContext
) -> None:
    month_ago = chinatime.today() - timedelta(days=30)
    register(station, intake_form(employer_serial=4, received_on=month_ago), on=month_ago)
    workspace.data_changed.emit(EVERYTHING)
    table = window.dashboard.due_table
    model = window.dashboard.due_model
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    header = table.horizontalHeader()
    due_on = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Due on")
    centre = QPoint(header.sectionViewportPosition(due_on) + header.sectionSize(due_on) // 2, header.height() // 2)
    days = [row[due_on] for row in shown_rows(model)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    first = [row[due_on] for row in shown_rows(model)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    second = [row[due_on] for row in shown_rows(model)]
    assert len(set(days)) > 1
    assert sorted([first, second]) == [sorted(days), sorted(days, reverse=True)]
