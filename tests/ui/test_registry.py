"""The 单位与项目 page: the repeat-complaint ledger of employers and projects, their cases, the filter."""

from dataclasses import replace

from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions, intake
from heze_station.services.intake import EmployerEntry
from heze_station.ui.views.registry import LedgerPane, RegistryView
from heze_station.ui.workspace import Workspace
from tests.factories import credit_code, intake_form, register
from tests.ui.conftest import click_row, show_view, shown_rows, type_chinese, wait_idle

HONGDA = "菏泽宏达建筑劳务有限公司1"
FOOD = "单县鑫源食品加工厂"
FOOD_FORM = replace(intake_form(), employer=EmployerEntry(name=FOOD, credit_code=credit_code(3)))


def open_view(qtbot, workspace: Workspace) -> RegistryView:
    return show_view(qtbot, workspace, RegistryView(workspace))


def names(pane: LedgerPane) -> list[str]:
    return [row[0] for row in shown_rows(pane.model)]


def case_numbers(pane: LedgerPane) -> list[str]:
    return [row[0] for row in shown_rows(pane.cases_model)]


def test_selecting_an_employer_lists_its_cases_which_open_on_double_click(qtbot, workspace: Workspace) -> None:
    first, second = register(workspace.context, intake_form()), register(workspace.context, intake_form())
    case_actions.perform(workspace.context, first, CaseAction.REFUSE, "重复投诉")
    register(workspace.context, FOOD_FORM)
    view = open_view(qtbot, workspace)
    pane = view.employers

    # Two complaints about Hongda put it on top, its figures marked as a repeat complaint.
    assert [[row[0], row[10], row[11], row[3], row[4]] for row in shown_rows(pane.model)] == [
        [HONGDA, "Company or organisation", credit_code(1), "1", "2"],
        [FOOD, "Company or organisation", credit_code(3), "1", "1"],
    ]
    assert pane.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("Repeat complaints")
    assert pane.cases_title.text() == "Select an employer above to see its cases."

    click_row(qtbot, pane.table, 0)
    wait_idle(qtbot, workspace)

    year = chinatime.today().year
    assert pane.cases_title.text() == f"Cases of {HONGDA} (2)"
    # Newest first: number, status, claimants, respondents, (registered,) claimed.
    assert [row[:4] + row[5:] for row in shown_rows(pane.cases_model)] == [
        [f"菏谐调字〔{year}〕第0002号", "Registered", "工人0", HONGDA, "¥3,800.00"],
        [f"菏谐调字〔{year}〕第0001号", "Refused", "工人0", HONGDA, "¥3,800.00"],
    ]

    click_row(qtbot, pane.table, 1)
    wait_idle(qtbot, workspace)
    assert case_numbers(pane) == [f"菏谐调字〔{year}〕第0003号"]

    click_row(qtbot, pane.table, 0)
    wait_idle(qtbot, workspace)
    with qtbot.waitSignal(workspace.case_requested) as opened:
        click_row(qtbot, pane.cases, 1, double=True)
    assert opened.args == [first]
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(pane.cases, Qt.Key.Key_Up)
        qtbot.keyClick(pane.cases, Qt.Key.Key_Return)
    assert opened.args == [second]


def test_the_filter_narrows_the_list(qtbot, workspace: Workspace) -> None:
    register(workspace.context, intake_form())
    register(workspace.context, FOOD_FORM)
    view = open_view(qtbot, workspace)
    pane = view.employers
    assert sorted(names(pane)) == sorted([HONGDA, FOOD])
    assert pane.shown.text() == "2 shown"

    type_chinese(pane.filter, "食品")
    qtbot.waitUntil(lambda: names(pane) == [FOOD])
    assert pane.shown.text() == "1 shown"

    pane.filter.clear()
    qtbot.keyClicks(pane.filter, credit_code(1)[-5:])
    qtbot.keyClick(pane.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(pane) == [HONGDA])

    pane.filter.clear()
    type_chinese(pane.filter, "没有这家单位")
    qtbot.waitUntil(lambda: names(pane) == [])
    assert pane.shown.text() == "0 shown"


def test_projects_tab_lists_projects_and_their_cases(qtbot, workspace: Workspace) -> None:
    contractor = EmployerEntry(name="山东鲁西建工集团有限公司", credit_code=credit_code(900))
    on_site = replace(
        intake_form(workers=3), project_name="牡丹花园二期", project_address="人民路", general_contractor=contractor
    )
    case_id = register(workspace.context, on_site)
    register(workspace.context, intake_form())  # no project
    view = open_view(qtbot, workspace)

    qtbot.keyClick(view.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentWidget() is view.projects
    pane = view.projects
    assert [[row[0], row[11], row[12], *row[3:6]] for row in shown_rows(pane.model)] == [
        ["牡丹花园二期", "人民路", contractor.name, "1", "1", "3"]
    ]

    click_row(qtbot, pane.table, 0)
    wait_idle(qtbot, workspace)
    assert pane.cases_model.rows[0].id == case_id
    assert shown_rows(pane.cases_model)[0][2] == "工人0 and others, 3 workers"


def test_a_saved_change_reloads_the_list_and_keeps_the_selection(qtbot, workspace: Workspace) -> None:
    register(workspace.context, intake_form())
    register(workspace.context, FOOD_FORM)
    view = open_view(qtbot, workspace)
    pane = view.employers
    click_row(qtbot, pane.table, names(pane).index(FOOD))
    wait_idle(qtbot, workspace)
    assert len(case_numbers(pane)) == 1

    checked = intake.validate(FOOD_FORM, chinatime.today())
    workspace.change(intake.save, checked)
    qtbot.waitUntil(lambda: len(case_numbers(pane)) == 2)
    wait_idle(qtbot, workspace)

    assert names(pane) == [FOOD, HONGDA]  # two complaints now: on top
    assert pane.cases_title.text() == f"Cases of {FOOD} (2)"
    assert pane.table.selectionModel().selectedRows()[0].row() == 0


def test_cases_of_an_employer_filtered_away_meanwhile_are_not_shown(qtbot, workspace: Workspace) -> None:
    register(workspace.context, intake_form())
    register(workspace.context, FOOD_FORM)
    view = open_view(qtbot, workspace)
    pane = view.employers

    # Enter runs the filter at once; the click lands on the old list before the filtered one has arrived.
    type_chinese(pane.filter, "食品")
    qtbot.keyClick(pane.filter, Qt.Key.Key_Return)
    click_row(qtbot, pane.table, names(pane).index(HONGDA))
    wait_idle(qtbot, workspace)

    assert names(pane) == [FOOD]
    assert case_numbers(pane) == []
    assert pane.cases_title.text() == "Select an employer above to see its cases."
