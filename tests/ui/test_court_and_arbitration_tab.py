"""The case file's court-and-arbitration page: recording what the committee and the court report back, with the
deadlines appearing on the Deadlines page as the dates come in."""

import uuid
from datetime import timedelta

from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind, StepOutcome
from heze_station.domain.cases import CaseAction
from heze_station.domain.clocks import ClockKind
from heze_station.services import after_mediation, case_actions, case_queries
from heze_station.ui import formatting
from heze_station.ui.views.after_mediation_tab import StepDialog, WitnessDialog
from heze_station.ui.views.court_settings import CourtSettingsDialog
from heze_station.ui.views.dashboard import DashboardView
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.services.agreement_steps import agree, mediating, terms
from tests.ui.conftest import show_view, shown_rows, type_chinese, wait_idle
from tests.ui.test_mediation_agreement import closed, open_case, qdate, submit


def referred(workspace: Workspace) -> uuid.UUID:
    received = chinatime.today() - timedelta(days=20)
    case_id = mediating(workspace.context, factories.intake_form(1, received_on=received), received)
    case_actions.perform(workspace.context, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    return case_id


def clock_labels(window) -> list[str]:
    table = window.clocks_table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_committee_dates_are_recorded_and_their_clocks_appear(qtbot, workspace: Workspace) -> None:
    today = chinatime.today()
    case_id = referred(workspace)
    window = open_case(qtbot, workspace, case_id)
    tab = window.after_tab
    window.tabs.setCurrentWidget(tab)
    assert "Small claim" in tab.summary.text()
    assert formatting.money(12 * 2010_00) in tab.summary.text()

    qtbot.mouseClick(tab.step_buttons[(StepKind.ARBITRATION, StepDate.STARTED)], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, StepDialog)
    dialog.day.setDate(qdate(today + timedelta(days=1)))
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("on") == "This date is in the future."
    assert after_mediation.case_steps(workspace.context, case_id).steps == []  # nothing saved

    dialog.day.setDate(qdate(today - timedelta(days=3)))
    submit(qtbot, workspace, dialog)
    assert closed(dialog)
    wait_idle(qtbot, workspace)
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == formatting.day(today - timedelta(days=3))
    labels = clock_labels(window)
    assert "Committee to accept the arbitration application" in labels
    # The next dates the committee may report are offered; the start is not offered twice.
    assert (StepKind.ARBITRATION, StepDate.ACCEPTED) in tab.step_buttons
    assert (StepKind.ARBITRATION, StepDate.STARTED) not in tab.step_buttons

    qtbot.mouseClick(tab.step_buttons[(StepKind.ARBITRATION, StepDate.ACCEPTED)], Qt.MouseButton.LeftButton)
    accepted = tab.dialog
    accepted.day.setDate(qdate(today - timedelta(days=1)))
    submit(qtbot, workspace, accepted)
    wait_idle(qtbot, workspace)
    assert "Arbitral award (45 days)" in clock_labels(window)

    qtbot.mouseClick(tab.step_buttons[(StepKind.ARBITRATION, StepDate.ENDED)], Qt.MouseButton.LeftButton)
    award = tab.dialog
    award.outcome.select(StepOutcome.AWARDED)
    type_chinese(award.reference, "菏劳人仲案字〔2026〕第88号")
    award.day.setDate(qdate(today))
    submit(qtbot, workspace, award)
    wait_idle(qtbot, workspace)
    assert tab.table.item(0, 6).text() == formatting.label(StepOutcome.AWARDED)
    assert tab.table.item(0, 7).text() == "菏劳人仲案字〔2026〕第88号"
    assert not tab.step_buttons
    kinds = {c.kind: c.state for c in case_queries.case_detail(workspace.context, case_id).clocks}
    assert kinds[ClockKind.ARBITRATION_AWARD].value == "done"


def test_witnesses_for_the_referral_are_added_and_removed(qtbot, workspace: Workspace) -> None:
    case_id = referred(workspace)
    window = open_case(qtbot, workspace, case_id)
    tab = window.after_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_witness_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, WitnessDialog)
    type_chinese(dialog.name, "孙立新")
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("address")  # where the committee can summon the witness is required (LDMAL 28)
    type_chinese(dialog.address, "菏泽市牡丹区万福街道幸福里12号")
    submit(qtbot, workspace, dialog)
    assert closed(dialog)
    wait_idle(qtbot, workspace)
    assert tab.witnesses.item(0, 0).text() == "孙立新"
    tab.witnesses.setCurrentCell(0, 0)
    qtbot.mouseClick(tab.remove_witness_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    assert tab.witnesses.rowCount() == 0
    assert after_mediation.case_steps(workspace.context, case_id).witnesses == []


def test_judicial_confirmation_is_planned_from_the_page(qtbot, workspace: Workspace) -> None:
    context = workspace.context
    start = chinatime.today() - timedelta(days=5)
    case_id = mediating(context, factories.intake_form(1, received_on=start), start)
    agree(context, case_id, terms(context, case_id, start, [(start + timedelta(days=60), "3800")], amount_each="3800"),
          factories.at(start, 15))  # fmt: skip
    window = open_case(qtbot, workspace, case_id)
    tab = window.after_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.plan_button.isVisible()
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    assert not tab.plan_button.isVisible()
    assert "Joint application for judicial confirmation" in clock_labels(window)
    assert (StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED) in tab.step_buttons


def test_administrator_sets_the_court_and_the_minimum_wage(qtbot, workspace: Workspace) -> None:
    context = workspace.context
    dialog = CourtSettingsDialog(workspace, after_mediation.court_settings(context))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.court.text() == "菏泽市牡丹区人民法院"
    assert dialog.minimum_wage.text() == "2010"
    dialog.court.clear()
    dialog.minimum_wage.setText("两千")
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("court")
    assert dialog.error_text("minimum_wage")
    assert after_mediation.court_settings(context).court == "菏泽市牡丹区人民法院"  # nothing saved

    type_chinese(dialog.court, "菏泽市定陶区人民法院")
    dialog.minimum_wage.setText("2200")
    submit(qtbot, workspace, dialog)
    assert closed(dialog)
    assert after_mediation.court_settings(context) == after_mediation.CourtSettings("菏泽市定陶区人民法院", 2200_00)


def test_the_workbench_lists_the_committees_overdue_acceptance(qtbot, workspace: Workspace) -> None:
    today = chinatime.today()
    case_id = referred(workspace)
    started = today - timedelta(days=20)
    after_mediation.record_step(workspace.context, case_id, StepKind.ARBITRATION, StepDate.STARTED, started)
    # 5 days, to the next working day when the fifth is at rest: past by now, whatever the day of the week.
    due = workspace.context.calendar.statutory_end(started + timedelta(days=5))
    view = show_view(qtbot, workspace, DashboardView(workspace))
    rows = [row for row in shown_rows(view.due_model) if row[3] == "Committee to accept the arbitration application"]
    assert [row[4:] for row in rows] == [[due.isoformat(), "Overdue", f"{(today - due).days} days overdue"]]
