"""The 案件 page as a coordinator uses it: search, filters, scrolling through many cases, sorting, opening a case."""

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QWidget

from heze_station import paths
from heze_station.domain import chinatime
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.changes import EVERYTHING
from heze_station.services import audit, case_actions, intake
from heze_station.services.case_queries import SortColumn
from heze_station.services.intake import WorkerEntry
from heze_station.services.station import StationContext
from heze_station.ui import fonts
from heze_station.ui.views.case_list import COLUMNS, PAGE_SIZE, CaseListView
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, resident_id, worker
from tests.ui.conftest import messages_answered, show_view, type_chinese, wait_idle


def register(station: StationContext, *workers: WorkerEntry, now: datetime | None = None) -> uuid.UUID:
    """Register one complaint through the intake service, as the Register page would."""
    today = chinatime.local_date(now) if now else chinatime.today()
    form = intake_form(received_on=today)
    form.workers = list(workers)
    return intake.save(station, intake.validate(form, today), now=now).case_id


def open_view(qtbot, workspace: Workspace) -> CaseListView:
    return show_view(qtbot, workspace, CaseListView(workspace), height=600)


def column(view: CaseListView, name: str) -> list[str]:
    """What the table shows in one column (by its header), top to bottom, for the rows loaded."""
    model = view.model
    section = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == name)
    return [model.index(row, section).data() for row in range(model.rowCount())]


def claimants(view: CaseListView) -> list[str]:
    return sorted(column(view, "Claimants"))


def erase(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def click_header(qtbot, view: CaseListView, name: str) -> None:
    header = view.table.horizontalHeader()
    section = next(c for c in range(header.count()) if view.model.headerData(c, Qt.Orientation.Horizontal) == name)
    position = QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)


def test_instant_search_by_name_surname_and_id_number(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="张伟明"))
    register(station, worker(2, name="欧阳明辉"))
    register(station, worker(3, name="欧阳小红"))
    register(station, worker(4, name="李娜"))
    everyone = ["张伟明", "李娜", "欧阳小红", "欧阳明辉"]
    view = open_view(qtbot, workspace)
    assert claimants(view) == sorted(everyone)
    assert view.count_label.text() == "4 cases"

    # Three characters or more: the full-text (trigram) index.
    type_chinese(view.search, "张伟明")
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明"])
    assert view.count_label.text() == "1 cases"

    erase(qtbot, view.search)
    qtbot.waitUntil(lambda: claimants(view) == sorted(everyone))

    # A two-character surname is too short for trigrams and goes through the short-query index.
    type_chinese(view.search, "欧阳")
    qtbot.waitUntil(lambda: claimants(view) == ["欧阳小红", "欧阳明辉"])
    assert view.count_label.text() == "2 cases"

    # Six digits from the middle of 李娜's ID number, which no other worker's number contains.
    digits = resident_id(4)[-7:-1]
    assert all(digits not in resident_id(n) for n in (1, 2, 3))
    erase(qtbot, view.search)
    qtbot.keyClicks(view.search, digits)
    qtbot.waitUntil(lambda: claimants(view) == ["李娜"])

    # The clear button in the search box brings everything back.
    view.search.clear()
    qtbot.waitUntil(lambda: claimants(view) == sorted(everyone))
    assert view.count_label.text() == "4 cases"


def test_search_waits_until_typing_pauses(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="张伟明"))
    register(station, worker(2, name="李娜"))
    view = open_view(qtbot, workspace)
    type_chinese(view.search, "李娜")
    # Nothing is queried on the keystroke itself ...
    assert not workspace.tasks.busy
    assert len(claimants(view)) == 2
    # ... only once the short pause has passed.
    qtbot.waitUntil(lambda: claimants(view) == ["李娜"])


def test_status_filter_after_a_case_is_accepted_elsewhere(qtbot, workspace: Workspace, station: StationContext) -> None:
    accepted = register(station, worker(1, name="张伟明"))
    register(station, worker(2, name="李娜"))
    register(station, worker(3, name="王芳芳"))
    view = open_view(qtbot, workspace)
    assert column(view, "Status") == ["Registered"] * 3

    # Accepting it in the case window announces data_changed; the list refreshes by itself.
    workspace.change(case_actions.perform, accepted, CaseAction.ACCEPT)
    qtbot.waitUntil(lambda: sorted(column(view, "Status")) == ["Accepted", "Registered", "Registered"])

    view.status_filter.action(CaseStatus.ACCEPTED).trigger()
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明"])
    assert view.count_label.text() == "1 cases"
    assert view.status_filter.text() == "Accepted"

    view.status_filter.action(CaseStatus.ACCEPTED).trigger()
    view.status_filter.action(CaseStatus.REGISTERED).trigger()
    qtbot.waitUntil(lambda: claimants(view) == ["李娜", "王芳芳"])

    view.status_filter.action(CaseStatus.REGISTERED).trigger()
    qtbot.waitUntil(lambda: len(claimants(view)) == 3)
    assert view.status_filter.text() == "All statuses"


def test_registration_date_range(qtbot, workspace: Workspace, station: StationContext) -> None:
    now = chinatime.now()
    register(station, worker(1, name="张伟明"), now=now - timedelta(days=60))
    register(station, worker(2, name="李娜"), now=now)
    view = open_view(qtbot, workspace)
    assert claimants(view) == ["张伟明", "李娜"]

    # The range starts as the last 30 days, switched off until the coordinator ticks it.
    assert not view.date_from.isEnabled()
    qtbot.mouseClick(view.date_range, Qt.MouseButton.LeftButton)
    assert view.date_from.isEnabled()
    qtbot.waitUntil(lambda: claimants(view) == ["李娜"])

    view.date_from.setDate(now.date() - timedelta(days=90))
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明", "李娜"])
    view.date_to.setDate(now.date() - timedelta(days=1))
    qtbot.waitUntil(lambda: claimants(view) == ["张伟明"])

    # Moved on to later days by typing the start first: it is past the old end, and is taken as typed.
    for edit, day in ((view.date_from, now.date()), (view.date_to, now.date() + timedelta(days=1))):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, day.isoformat())
        assert edit.date().toPython() == day
    qtbot.waitUntil(lambda: claimants(view) == ["李娜"])


def test_nothing_found_shows_a_message_and_a_way_back(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="张伟明"))
    view = open_view(qtbot, workspace)
    assert view.table.isVisible()

    type_chinese(view.search, "没有这个人")
    qtbot.waitUntil(lambda: view.empty_message.isVisible())
    assert not view.table.isVisible()
    assert "No cases match" in view.empty_message.text()
    assert view.count_label.text() == "0 cases"

    qtbot.mouseClick(view.empty_clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.isVisible())
    assert view.search.text() == ""
    assert claimants(view) == ["张伟明"]


def test_an_empty_station_says_where_cases_come_from(qtbot, workspace: Workspace) -> None:
    view = open_view(qtbot, workspace)
    assert view.empty_message.isVisible()
    assert "Register page" in view.empty_message.text()
    assert not view.empty_clear.isVisible()


def test_many_cases_are_loaded_a_page_at_a_time(qtbot, workspace: Workspace, station: StationContext) -> None:
    for serial in range(450):
        register(station, worker(serial))
    view = open_view(qtbot, workspace)
    assert view.count_label.text() == "450 cases"
    assert view.model.rowCount() == PAGE_SIZE
    # Newest first.
    assert column(view, "Case number")[0].endswith("第0450号")

    # Jumping to the end of the table fetches the next page, and then the last.
    first_row = view.table.visualRect(view.model.index(0, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * PAGE_SIZE)
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == 450)
    wait_idle(qtbot, workspace)
    assert not view.model.canFetchMore()
    numbers = column(view, "Case number")
    assert len(set(numbers)) == 450
    assert numbers[-1].endswith("第0001号")
    assert view.count_label.text() == "450 cases"


def test_clicking_a_header_sorts_in_the_database(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="张伟明", claimed="1000"))
    register(station, worker(2, name="李娜", claimed="5000"))
    register(station, worker(3, name="王芳芳", claimed="300"))
    view = open_view(qtbot, workspace)
    assert column(view, "Claimants") == ["王芳芳", "李娜", "张伟明"]  # newest first

    # Amounts sort largest first on the first click, then smallest first.
    click_header(qtbot, view, "Claimed")
    qtbot.waitUntil(lambda: column(view, "Claimed")[0] == "¥5,000.00")
    assert column(view, "Claimed") == ["¥5,000.00", "¥1,000.00", "¥300.00"]
    click_header(qtbot, view, "Claimed")
    qtbot.waitUntil(lambda: column(view, "Claimed")[0] == "¥300.00")
    alignment = view.model.index(0, COLUMNS.index(SortColumn.CLAIMED)).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def test_collective_claimants_show_the_first_name_and_the_group_size(
    qtbot, workspace: Workspace, station: StationContext
) -> None:
    workers = [worker(n, name="张伟明" if n == 0 else f"工友{n}", representative=n < 3) for n in range(23)]
    register(station, *workers)
    view = open_view(qtbot, workspace)
    assert column(view, "Claimants") == ["张伟明 and others, 23 workers"]
    assert column(view, "Claimed") == ["¥87,400.00"]  # 23 x 3,800


def test_enter_and_double_click_open_the_case(qtbot, workspace: Workspace, station: StationContext) -> None:
    first = register(station, worker(1, name="张伟明"))
    newest = register(station, worker(2, name="李娜"))
    view = open_view(qtbot, workspace)

    # Keyboard only: Ctrl+F's entry point, Down into the results, Enter. (focusWidget rather than hasFocus:
    # the test window need not be the active one.)
    view.focus_search()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.focusWidget() == view.table
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [newest]

    # Select the second row with the mouse, then Enter.
    second = view.table.visualRect(view.model.index(1, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert opened.args == [first]

    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert opened.args == [first]

    # Up from the first row goes back to the search box.
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert view.focusWidget() == view.search


def test_a_refresh_keeps_the_filter_and_the_selection(qtbot, workspace: Workspace, station: StationContext) -> None:
    register(station, worker(1, name="张伟明"))
    chosen = register(station, worker(2, name="李娜"))
    register(station, worker(3, name="李娜娜"))
    view = open_view(qtbot, workspace)
    type_chinese(view.search, "李娜")
    qtbot.waitUntil(lambda: claimants(view) == ["李娜", "李娜娜"])
    view.table.selectRow(view.model.row_of(chosen))

    register(station, worker(4, name="李娜美"))
    workspace.data_changed.emit(EVERYTHING)
    qtbot.waitUntil(lambda: claimants(view) == ["李娜", "李娜娜", "李娜美"])
    assert view.model.case_id(view.table.currentIndex().row()) == chosen


def test_the_filtered_list_is_exported_to_a_workbook(
    qtbot, workspace: Workspace, station: StationContext, tmp_path: Path, monkeypatch
) -> None:
    register(station, worker(1, name="李磊"))
    register(station, worker(2, name="王芳"), worker(3), worker(4))
    view = open_view(qtbot, workspace)
    type_chinese(view.search, "王芳")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=5_000)
    path = tmp_path / "案件.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))
    view.export_button.click()
    qtbot.waitUntil(lambda: path.exists() and view.export_button.isEnabled(), timeout=10_000)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Case number", "Registered", "Applicant")
    assert [row[2:4] for row in rows[1:]] == [("王芳", 3)]  # what the search found, and only that
    assert "exported" in view.count_label.text()
    exported = [row for row in audit.entries(station) if row.action is AuditAction.EXPORTED]
    assert (exported[0].subject, exported[0].details) == ("Case list", {"rows": 1})


def test_an_export_to_a_folder_gone_says_so_in_words_and_leaves_nothing(
    chinese: None, qtbot, workspace: Workspace, station: StationContext, tmp_path: Path, monkeypatch
) -> None:
    register(station, worker(1, name="李磊"))
    view = open_view(qtbot, workspace)
    stick = tmp_path / "U盘"  # pulled out after the folder was chosen
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(stick / "案件.xlsx"), ""))
    with messages_answered(qtbot) as texts:
        view.export_button.click()
        qtbot.waitUntil(lambda: bool(texts) and view.export_button.isEnabled(), timeout=10_000)
    [text] = texts
    assert str(stick) in text
    assert "拔出" in text  # what may have happened, in words
    assert "Error" not in text  # not the exception's name
    assert not stick.exists()


@pytest.fixture
def own_font(qapp) -> Iterator[None]:
    """The program's own font, as ui.fonts installs it: wider than the tests' default, as a coordinator sees it."""
    previous = qapp.font()
    font = QFontDatabase.addApplicationFont(str(paths.resource("fonts", fonts.FONT_FILE)))
    qapp.setFont(QFont(QFontDatabase.applicationFontFamilies(font)[0], fonts.POINT_SIZE))
    yield
    qapp.setFont(previous)


def test_a_long_name_gives_way_so_the_amount_and_the_status_stay_in_sight(
    chinese: None, own_font: None, qtbot, workspace: Workspace, station: StationContext
) -> None:
    """At a laptop's width (the list beside the side bar at 1366x768) one minority name and one long company name
    pushed 请求金额 off the list."""
    today = chinatime.today()
    form = intake_form(received_on=today)
    form.workers = [worker(0, name="买买提·艾力·阿不都热合曼·吐尔逊·库尔班江")]
    form.employer.name = "菏泽市牡丹区鑫源劳务分包有限责任公司第三工程项目部"
    intake.save(station, intake.validate(form, today))
    view = show_view(qtbot, workspace, CaseListView(workspace), width=1366 - 150, height=700)
    header = view.table.horizontalHeader()
    assert header.length() <= view.table.viewport().width()
    claimed = COLUMNS.index(SortColumn.CLAIMED)
    assert header.sectionViewportPosition(claimed) + header.sectionSize(claimed) <= view.table.viewport().width()
    assert header.sectionSize(claimed) >= view.table.fontMetrics().horizontalAdvance("¥3,800.00")
