"""Finding cases on the 案件 page: several words, why a case is listed, several statuses at once, columns whole."""

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions
from heze_station.services.case_queries import SortColumn
from heze_station.services.intake import WorkerEntry
from heze_station.services.station import StationContext
from heze_station.ui.views.case_list import COLUMNS, FOUND_IN, CaseListView
from heze_station.ui.workspace import Workspace
from tests.factories import resident_id, worker
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_case_list import claimants, column, erase, open_view, register

BORN_1966 = resident_id(7, date(1966, 3, 2), "371724")


def search(qtbot, view: CaseListView, text: str) -> None:
    erase(qtbot, view.search)
    type_chinese(view.search, text)
    qtbot.waitUntil(lambda: view.model.query.filter.text == text)
    wait_idle(qtbot, view.workspace)


def click_choice(qtbot, view: CaseListView, text: str) -> None:
    """Tick or untick an entry of the status filter's menu with the mouse; the menu stays open."""
    menu: QMenu = view.status_filter.menu()
    if not menu.isVisible():
        menu.popup(view.status_filter.mapToGlobal(QPoint(0, view.status_filter.height())))
        qtbot.waitExposed(menu)
    action = next(action for action in menu.actions() if action.text() == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert menu.isVisible()


def test_several_words_find_cases_with_all_of_them_and_say_where(
    qtbot, workspace: Workspace, station: StationContext
) -> None:
    register(station, WorkerEntry(name="李磊", id_number=BORN_1966, phone="13953012345", claimed="5000"))
    register(station, worker(2, name="李四"), worker(3, name="王磊"))
    register(station, worker(4, name="李娜"))
    view = open_view(qtbot, workspace)
    found_in = COLUMNS.index(FOUND_IN)
    assert view.table.isColumnHidden(found_in)  # nothing searched, nothing to explain

    search(qtbot, view, "李 磊")
    assert claimants(view) == ["李四 and others, 2 workers", "李磊"]
    assert not view.table.isColumnHidden(found_in)
    assert sorted(column(view, "Found in")) == ["Name: 李四, 王磊", "Name: 李磊"]

    # Two fragments of one ID number: found, and shown masked but for what was typed.
    search(qtbot, view, "371724 1966")
    assert claimants(view) == ["李磊"]
    assert column(view, "Found in") == ["ID number: 3717241966****015X"]
    assert view.count_label.text() == "1 cases"

    search(qtbot, view, "李 王 娜")
    assert view.model.total == 0
    assert "No cases match" in view.empty_message.text()


def test_a_long_employer_is_shown_whole_or_in_its_tooltip(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="李磊"))
    view = open_view(qtbot, workspace)
    respondent = COLUMNS.index(SortColumn.RESPONDENT)
    name = view.model.index(0, respondent).data()
    assert view.model.index(0, respondent).data(Qt.ItemDataRole.ToolTipRole) == name
    # The employer's name (16 characters) is shown whole, and the table uses the page's width.
    assert view.table.columnWidth(respondent) >= view.table.sizeHintForColumn(respondent)
    header = view.table.horizontalHeader()
    assert header.length() >= view.table.viewport().width() - 2


def test_the_status_filter_takes_several_statuses_and_all_open(
    qtbot, workspace: Workspace, station: StationContext
) -> None:
    accepted = register(station, worker(1, name="张伟明"))
    register(station, worker(2, name="李娜"))
    refused = register(station, worker(3, name="王芳芳"))
    case_actions.perform(station, accepted, CaseAction.ACCEPT)
    case_actions.perform(station, refused, CaseAction.REFUSE, "不属于劳动争议")
    view = open_view(qtbot, workspace)

    click_choice(qtbot, view, "Accepted")
    click_choice(qtbot, view, "Refused")
    view.status_filter.menu().close()
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明", "王芳芳"])
    assert view.status_filter.toolTip() == "Accepted, Refused"  # on its face as far as it fits
    assert {status for status in column(view, "Status")} == {"Accepted", "Refused"}

    click_choice(qtbot, view, "Accepted")
    click_choice(qtbot, view, "Refused")
    click_choice(qtbot, view, "All open")
    view.status_filter.menu().close()
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明", "李娜"])
    assert view.status_filter.text() == "All open"

    qtbot.mouseClick(view.clear_filters, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(claimants(view)) == 3)
    assert view.status_filter.chosen() == []
