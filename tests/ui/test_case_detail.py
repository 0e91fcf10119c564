"""The case file window: what a coordinator sees of a case, and moving it on with the action buttons."""

import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget

from heze_station.domain import chinatime, clocks
from heze_station.domain.accounts import StaffRole
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction, CaseStatus, Employment, event_label, next_status
from heze_station.domain.errors import IllegalTransition
from heze_station.domain.personal import PersonalField
from heze_station.domain.workcalendar import DayKind, WorkCalendar
from heze_station.services import audit, case_actions, case_queries, intake
from heze_station.services.access import NotPermitted
from heze_station.ui import formatting
from heze_station.ui.i18n import domain_text, render
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.stations import add_account, open_test_station
from tests.ui.conftest import type_chinese, wait_idle


def register(workspace: Workspace, workers: int = 1) -> uuid.UUID:
    today = chinatime.today()
    form = factories.intake_form(workers, received_on=today)
    return intake.save(workspace.context, intake.validate(form, today)).case_id


@pytest.fixture
def case_id(workspace: Workspace) -> uuid.UUID:
    return register(workspace)


def open_dialog(qtbot, workspace: Workspace, case_id: uuid.UUID) -> CaseDetailDialog:
    dialog = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, workspace)
    return dialog


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def clock_row(dialog: CaseDetailDialog, clock: clocks.Clock) -> list[str]:
    table = dialog.clocks_table
    row = column(table, 0).index(domain_text(clock.label))
    return [table.item(row, c).text() for c in range(table.columnCount())]


def click(qtbot, dialog: CaseDetailDialog, action: CaseAction) -> None:
    qtbot.mouseClick(dialog.action_buttons[action], Qt.MouseButton.LeftButton)


def test_header_shows_number_and_status_and_personal_data_is_masked_until_revealed(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)
    detail = case_queries.case_detail(workspace.context, case_id)

    assert dialog.number_label.text() == detail.number
    assert detail.number in dialog.windowTitle()
    assert dialog.status_badge.text() == formatting.label(CaseStatus.REGISTERED)
    assert dialog.fields["claimed"].text() == formatting.money(detail.claimed_total_fen)
    full_id, full_phone = detail.claimants[0].id_number, detail.claimants[0].phone
    masked = [masked_id := column(dialog.claimants_table, 1)[0], masked_phone := column(dialog.claimants_table, 4)[0]]
    assert masked_id == full_id[:3] + "*" * 11 + full_id[-4:]
    assert masked_phone == full_phone[:3] + "****" + full_phone[-4:]

    qtbot.mouseClick(dialog.show_ids, Qt.MouseButton.LeftButton)
    assert [column(dialog.claimants_table, 1)[0], column(dialog.claimants_table, 4)[0]] == [full_id, full_phone]
    wait_idle(qtbot, workspace)
    shown = [entry.action for entry in audit.entries(workspace.context)[:3]]
    assert set(shown) == {AuditAction.IDS_REVEALED, AuditAction.PHONES_REVEALED, AuditAction.ACCOUNTS_REVEALED}
    qtbot.mouseClick(dialog.show_ids, Qt.MouseButton.LeftButton)
    assert [column(dialog.claimants_table, 1)[0], column(dialog.claimants_table, 4)[0]] == masked


def test_a_coordinator_is_shown_phones_in_full_but_never_id_numbers(qtbot, tmp_path, workspace) -> None:
    add_account(workspace.context, "li", StaffRole.COORDINATOR)
    coordinator = Workspace(open_test_station(tmp_path / "data", "li"))
    try:
        dialog = open_dialog(qtbot, coordinator, register(coordinator))
        full_phone = case_queries.case_detail(coordinator.context, dialog.case_id).claimants[0].phone
        assert dialog.show_ids.toolTip().endswith(formatting.revealable_text(frozenset({PersonalField.PHONE})) + ".")

        qtbot.mouseClick(dialog.show_ids, Qt.MouseButton.LeftButton)
        assert column(dialog.claimants_table, 4) == [full_phone]
        assert "*" * 11 in column(dialog.claimants_table, 1)[0]  # the ID number stays masked
        wait_idle(qtbot, coordinator)
        with pytest.raises(NotPermitted):  # and the service refuses it, whatever a screen asks for
            audit.revealed(coordinator.context, frozenset({PersonalField.ID_NUMBER}), dialog.case_id)
    finally:
        wait_idle(qtbot, coordinator)
        coordinator.shutdown()


def test_collective_case_is_marked_with_its_worker_count(qtbot, workspace) -> None:
    dialog = open_dialog(qtbot, workspace, register(workspace, workers=12))

    assert dialog.collective_badge.isVisible()
    assert "12" in dialog.collective_badge.text()
    assert dialog.claimants_table.rowCount() == 12


def test_accept_moves_the_case_on_and_starts_the_mediation_clock(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)
    today = chinatime.today()
    mediation = clocks.mediation_clock(today, None, today, workspace.context.calendar)
    events_before = dialog.timeline_table.rowCount()
    assert domain_text(mediation.label) not in column(dialog.clocks_table, 0)
    assert CaseAction.ACCEPT in dialog.action_buttons

    click(qtbot, dialog, CaseAction.ACCEPT)
    wait_idle(qtbot, workspace)

    assert dialog.status_badge.text() == formatting.label(CaseStatus.ACCEPTED)
    assert dialog.timeline_table.rowCount() == events_before + 1
    assert column(dialog.timeline_table, 2)[-1] == domain_text(event_label(CaseAction.ACCEPT))
    acceptance = clocks.acceptance_clock(today, None, today, workspace.context.calendar)
    assert clock_row(dialog, acceptance)[2] == QCoreApplication.translate("CaseDetailDialog", "Done")
    assert clock_row(dialog, mediation)[1] == formatting.day(mediation.due)
    assert CaseAction.ACCEPT not in dialog.action_buttons
    assert CaseAction.START_MEDIATION in dialog.action_buttons
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.ACCEPTED


def test_refuse_asks_for_a_reason_and_records_it(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)

    click(qtbot, dialog, CaseAction.REFUSE)
    asked = dialog.action_dialog
    assert asked is not None
    assert asked.isVisible()
    assert not asked.ok_button.isEnabled()
    type_chinese(asked.reason_edit, "   ")
    assert not asked.ok_button.isEnabled()
    asked.reason_edit.clear()
    type_chinese(asked.reason_edit, "不属于劳动争议调解范围")
    assert asked.ok_button.isEnabled()
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)

    assert dialog.status_badge.text() == formatting.label(CaseStatus.REFUSED)
    assert column(dialog.timeline_table, 3)[-1] == "不属于劳动争议调解范围"
    assert "不属于劳动争议调解范围" in dialog.status_reason.text()
    stored = case_queries.case_detail(workspace.context, case_id)
    assert stored.status is CaseStatus.REFUSED
    assert stored.status_reason == "不属于劳动争议调解范围"


def test_cancelling_the_reason_dialog_changes_nothing(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)
    events_before = dialog.timeline_table.rowCount()

    click(qtbot, dialog, CaseAction.REFUSE)
    asked = dialog.action_dialog
    type_chinese(asked.reason_edit, "证据不足")
    qtbot.keyClick(asked, Qt.Key.Key_Escape)
    wait_idle(qtbot, workspace)

    assert not asked.isVisible()
    assert dialog.isVisible()
    assert dialog.status_badge.text() == formatting.label(CaseStatus.REGISTERED)
    assert dialog.timeline_table.rowCount() == events_before
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.REGISTERED

    # What was typed is offered again when the coordinator comes back to it.
    click(qtbot, dialog, CaseAction.REFUSE)
    assert dialog.action_dialog.reason() == "证据不足"


def test_an_illegal_action_shows_the_rule_in_the_window_and_changes_nothing(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)
    assert not dialog.error_label.isVisible()
    with pytest.raises(IllegalTransition) as refused:
        next_status(CaseStatus.REGISTERED, CaseAction.CLOSE)

    dialog.perform(CaseAction.CLOSE)
    wait_idle(qtbot, workspace)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == render(refused.value.message)
    assert dialog.status_badge.text() == formatting.label(CaseStatus.REGISTERED)
    assert all(button.isEnabled() for button in dialog.action_buttons.values())
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.REGISTERED


def test_acceptance_deadline_follows_the_official_calendar(qtbot, workspace, case_id) -> None:
    today = chinatime.today()
    # An official holiday on the next working day pushes the decision one working day later.
    holiday = WorkCalendar.weekends_only().add_working_days(today, 1)
    calendar = WorkCalendar({holiday: DayKind.HOLIDAY}, published_until=today + timedelta(days=90))
    workspace.context.calendar = calendar
    dialog = open_dialog(qtbot, workspace, case_id)
    expected = clocks.acceptance_clock(today, None, today, calendar)
    assert expected.due != clocks.acceptance_clock(today, None, today, WorkCalendar.weekends_only()).due

    _, due, *_, note = clock_row(dialog, expected)

    assert due == formatting.day(expected.due)
    assert note == ""


def test_acceptance_deadline_beyond_the_published_calendar_is_marked_as_an_estimate(qtbot, workspace, case_id) -> None:
    workspace.context.calendar = WorkCalendar.weekends_only()
    dialog = open_dialog(qtbot, workspace, case_id)
    today = chinatime.today()

    note = clock_row(dialog, clocks.acceptance_clock(today, None, today, workspace.context.calendar))[-1]

    assert note != ""


def test_reloads_when_the_case_is_changed_elsewhere(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)

    # Another window accepts the case: the news arrives only through workspace.data_changed.
    workspace.change(case_actions.perform, case_id, CaseAction.ACCEPT)
    wait_idle(qtbot, workspace)

    assert dialog.status_badge.text() == formatting.label(CaseStatus.ACCEPTED)


def test_escape_closes_the_window_and_frees_it(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)

    with qtbot.waitSignal(dialog.destroyed):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_an_unknown_limitation_shows_as_such_and_is_given_later_on_the_case(qtbot, workspace, case_id) -> None:
    dialog = open_dialog(qtbot, workspace, case_id)
    detail = case_queries.case_detail(workspace.context, case_id)
    limitation = next(c for c in detail.clocks if c.kind is clocks.ClockKind.LIMITATION)
    assert dialog.fields["knew"].text() == "unknown"
    assert clock_row(dialog, limitation)[1:4] == ["—", "Unknown", "ask the worker: see the limitation facts"]

    dialog.tabs.setCurrentIndex(2)
    dialog.open_limitation_dialog()
    facts = dialog.limitation_dialog
    qtbot.mouseClick(facts.knew_on.unknown, Qt.MouseButton.LeftButton)
    facts.knew_on.edit.setDate(chinatime.today() - timedelta(days=20))
    facts.employment.select(Employment.CONTINUES)
    with qtbot.waitSignal(facts.finished):
        qtbot.mouseClick(facts.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)

    detail = case_queries.case_detail(workspace.context, case_id)
    assert detail.knew_on == chinatime.today() - timedelta(days=20)
    qtbot.waitUntil(lambda: dialog.fields["knew"].text() == detail.knew_on.isoformat())
    row = clock_row(dialog, next(c for c in detail.clocks if c.kind is clocks.ClockKind.LIMITATION))
    assert row[2:4] == ["Not running", "not time-barred while the employment continues"]
    assert dialog.limitation_facts.text().endswith("Employment continues")
