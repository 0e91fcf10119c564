"""The 统计 page (issue 16, 2): a period's figures, each opening exactly the cases it counts; the returns exported."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableView

from heze_station.domain import periods
from heze_station.domain.statistics import Source, Unit
from heze_station.services.station import StationContext
from heze_station.ui.main_window import MainWindow
from heze_station.ui.workspace import Workspace
from tests.statistics_cases import a_month_of_cases
from tests.ui.conftest import wait_idle

NOVEMBER = periods.month(2026, 11)


@pytest.fixture
def window(chinese: None, station: StationContext, workspace: Workspace, qtbot) -> MainWindow:
    a_month_of_cases(station)
    shown = MainWindow(workspace)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)  # Ctrl+5 is heard by the active window only
    wait_idle(qtbot, workspace)
    qtbot.keyClick(shown, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert shown.pages.currentWidget() is shown.statistics
    shown.statistics.set_period(NOVEMBER)
    wait_idle(qtbot, workspace)
    return shown


def _activate(qtbot, window: MainWindow, table: QTableView, row: int) -> None:
    """Enter on a row, as a coordinator would, and wait until the 案件 page lists what it opened."""
    assert window.cases is not None  # the 案件 page is built at its first visit: its first list loaded before
    wait_idle(qtbot, window.workspace)
    table.setFocus()
    table.selectRow(row)
    with qtbot.waitSignal(window.cases.model.refreshed, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.cases


def _back_to_statistics(qtbot, window: MainWindow) -> None:
    """The 案件 page cleared of the last figure, then the 统计 page again."""
    if window.cases.figure is not None:
        with qtbot.waitSignal(window.cases.model.refreshed, timeout=10_000):
            window.cases.clear_filters.click()
    window.show_page(4)


def test_every_figure_lists_as_many_cases_as_it_counts(window: MainWindow, workspace: Workspace, qtbot) -> None:
    page = window.statistics
    assert page.period_label.text() == "2026年11月1日至2026年11月30日"
    checked = 0
    for index in range(3):  # the three tables of figures
        page.figure_tabs.setCurrentIndex(index)
        table = page.figure_tabs.currentWidget()
        for row, figure in enumerate(page.tables[list(page.tables)[index]].rows):
            if figure.figure.unit not in (Unit.CASES, Unit.SHARE):
                continue
            _back_to_statistics(qtbot, window)
            if figure.figure.source is Source.CLUES:
                table.setFocus()
                table.selectRow(row)
                qtbot.keyClick(table, Qt.Key.Key_Return)
                qtbot.waitUntil(lambda: window.pages.currentWidget() is window.clues, timeout=10_000)
                wait_idle(qtbot, workspace)
                assert len(window.clues.model.rows) == figure.value, figure.figure.key
                continue
            _activate(qtbot, window, table, row)
            assert window.cases.model.total == figure.value, figure.figure.key
            assert window.cases.count_label.text() == f"共{figure.value}件"
            assert window.cases.figure_banner.isVisible()
            checked += 1
    assert checked >= 20
    window.cases.clear_filters.click()
    assert not window.cases.figure_banner.isVisible()


def test_a_group_of_the_cases_received_opens_its_cases(window: MainWindow, qtbot) -> None:
    page = window.statistics
    page.figure_tabs.setCurrentIndex(3)
    rows = page.groups.rows
    collective = next(n for n, row in enumerate(rows) if row.breakdown == "category")
    _activate(qtbot, window, page.figure_tabs.currentWidget(), collective)
    assert window.cases.model.total == rows[collective].count == 3
    assert "受理投诉 · 拖欠工资" in window.cases.figure_banner.text()


def test_the_period_moves_by_its_kind(window: MainWindow, workspace: Workspace, qtbot) -> None:
    page = window.statistics
    page.earlier.click()
    wait_idle(qtbot, workspace)
    assert page.period == periods.month(2026, 10)
    received = {row.figure.key: row.value for row in page.tables["station"].rows}["received"]
    assert received == 1
    page.kind.setCurrentIndex(page.kind.findText("自选日期"))
    assert page.first.isVisible()
    page.last.setDate(page.first.date().addDays(-1))
    assert "结束日期早于开始日期" in page.status.text()


def test_the_monthly_return_is_exported_as_a_workbook(
    window: MainWindow, workspace: Workspace, qtbot, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "月调度表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))
    window.statistics.export_xlsx.click()
    qtbot.waitUntil(lambda: "已导出" in window.statistics.status.text(), timeout=10_000)
    rows = {row[0]: row[1] for row in load_workbook(path)["驿站工作指标"].iter_rows(min_row=3, values_only=True)}
    assert rows["受理投诉"] == 3
