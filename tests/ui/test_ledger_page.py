"""The ledger on the 单位与项目 page: risk and reasons, a follow-up recorded from the keyboard, sorting by a click on
a header, and the export read back."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView

from heze_station.domain.ledger import FollowUpKind
from heze_station.ui.views.registry import FollowUpDialog, RegistryView
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.ui.conftest import click_row, show_view, shown_rows, type_chinese, wait_idle

RISK, REASONS, ARREARS, FOLLOW_UP = 1, 2, 8, 9  # columns of the employers' table


def three_employers(workspace: Workspace, today: date) -> None:
    """1: one open complaint (its claim outstanding: medium); 2: two recent ones (medium); 3: a collective dispute
    (high)."""
    register(workspace.context, intake_form(employer_serial=1, received_on=today))
    for _ in range(2):
        register(workspace.context, intake_form(employer_serial=2, received_on=today - timedelta(days=5)))
    register(workspace.context, intake_form(10, employer_serial=3, received_on=today))


def click_header(qtbot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def names(view: RegistryView) -> list[str]:
    return [row[0][-1] for row in shown_rows(view.employers.model)]


def test_each_employer_shows_its_risk_and_reasons_and_a_header_click_sorts(
    qtbot, workspace: Workspace, today: date
) -> None:
    three_employers(workspace, today)
    view = show_view(qtbot, workspace, RegistryView(workspace))
    pane = view.employers
    rows = {row[0][-1]: row for row in shown_rows(pane.model)}
    assert [rows[name][RISK] for name in "123"] == ["Medium", "Medium", "High"]
    assert rows["2"][REASONS] == "Arrears outstanding ¥7,600.00；2 complaints within 90 days"
    assert rows["3"][REASONS] == "Collective dispute；Arrears outstanding ¥38,000.00"
    assert names(view) == ["2", "1", "3"]  # as listed: most open cases first, then by name

    click_row(qtbot, pane.table, 1)  # employer 1 stays selected wherever sorting moves it
    wait_idle(qtbot, workspace)
    click_header(qtbot, pane.table, RISK)
    assert names(view) == ["3", "2", "1"]  # highest risk first; ties keep the listed order
    click_header(qtbot, pane.table, RISK)
    assert names(view) == ["2", "1", "3"]
    click_header(qtbot, pane.table, ARREARS)
    assert names(view) == ["3", "2", "1"]  # largest arrears first
    assert pane.model.rows[pane.table.selectionModel().selectedRows()[0].row()].name.endswith("1")
    click_header(qtbot, pane.table, ARREARS)
    click_header(qtbot, pane.table, ARREARS)  # the third click: as listed again
    assert names(view) == ["2", "1", "3"]

    # A reload (a change saved anywhere) keeps the sort.
    click_header(qtbot, pane.table, RISK)
    register(workspace.context, intake_form(employer_serial=4, received_on=today))
    pane.reload()
    wait_idle(qtbot, workspace)
    assert names(view)[0] == "3"


def test_a_follow_up_is_recorded_from_the_keyboard_and_shown_as_the_latest(
    qtbot, workspace: Workspace, today: date
) -> None:
    register(workspace.context, intake_form(received_on=today))
    view = show_view(qtbot, workspace, RegistryView(workspace))
    pane = view.employers
    assert not pane.follow_up.isEnabled()
    click_row(qtbot, pane.table, 0)
    wait_idle(qtbot, workspace)
    assert pane.follow_up.isEnabled()

    pane.follow_up.click()
    dialog = pane.findChild(FollowUpDialog)
    qtbot.waitExposed(dialog)
    assert dialog.done_by.text() == workspace.context.user_name
    dialog.kind.select(FollowUpKind.RECTIFICATION_ASKED)
    qtbot.keyClick(dialog.done_by, Qt.Key.Key_Return)  # Enter saves: refused, the note is missing
    qtbot.waitUntil(lambda: dialog.error_text("note") != "")
    assert dialog.error_text("note") == "Say what they were asked to put right."
    assert QApplication.focusWidget() is dialog.note

    type_chinese(dialog.note, "限期12月20日前结清工资")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.done_by, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_rows(pane.model)[0][FOLLOW_UP] != "")
    wait_idle(qtbot, workspace)

    assert shown_rows(pane.model)[0][FOLLOW_UP] == f"Rectification asked {today.isoformat()}"
    tip = pane.model.index(0, FOLLOW_UP).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{workspace.context.user_name}: 限期12月20日前结清工资"
    # The selected employer's risk and follow-up in full, under the list.
    assert pane.detail.textFormat() is Qt.TextFormat.PlainText
    assert pane.detail.text() == (
        "Risk Medium: Arrears outstanding ¥3,800.00\n"
        f"Latest follow-up: Rectification asked on {today.isoformat()} by {workspace.context.user_name}. "
        "限期12月20日前结清工资"
    )


def test_an_employer_named_like_markup_is_shown_as_typed(qtbot, workspace: Workspace, today: date) -> None:
    form = intake_form(received_on=today)
    register(workspace.context, replace(form, employer=replace(form.employer, name="<b>宏达</b>劳务")))
    view = show_view(qtbot, workspace, RegistryView(workspace))
    click_row(qtbot, view.employers.table, 0)
    wait_idle(qtbot, workspace)
    assert view.employers.cases_title.textFormat() is Qt.TextFormat.PlainText
    assert "<b>宏达</b>劳务" in view.employers.cases_title.text()


def test_the_ledger_exports_to_a_workbook(
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch, today: date
) -> None:
    three_employers(workspace, today)
    view = show_view(qtbot, workspace, RegistryView(workspace))
    path = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))

    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exported" in view.status.text())
    wait_idle(qtbot, workspace)

    assert view.status.text() == f"3 employers and projects exported to {path}"
    sheet = load_workbook(path)["Employers"]
    lines = list(sheet.iter_rows(min_row=3, values_only=True))
    assert sorted((line[0][-1], line[4]) for line in lines) == [("1", "Medium"), ("2", "Medium"), ("3", "High")]
