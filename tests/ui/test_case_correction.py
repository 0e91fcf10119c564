"""Correcting a case from its case file (issue 15, 3), as a coordinator and an administrator would: a phone set right
with a reason, a worker added and (after an agreement) refused removal, a case voided, the correction synced."""

import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from heze_station.domain import chinatime, periods
from heze_station.domain.accounts import StaffRole
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseStatus, event_label
from heze_station.domain.corrections import CorrectionField
from heze_station.services import audit, case_queries, sync
from heze_station.services import statistics as station_statistics
from heze_station.services.audit import AuditFilter
from heze_station.ui import formatting
from heze_station.ui.i18n import domain_text
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.views.correction_dialogs import AddWorkerDialog, CorrectionDialog, RemoveWorkerDialog
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.services.agreement_steps import agree, mediating, terms
from tests.stations import add_account, open_test_station
from tests.ui.city import CityServer
from tests.ui.conftest import type_chinese, wait_idle


def open_case(qtbot, workspace: Workspace, case_id: uuid.UUID) -> CaseDetailDialog:
    dialog = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, workspace)
    return dialog


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(qtbot, case_file: CaseDetailDialog, kind: type) -> QWidget:
    qtbot.waitUntil(
        lambda: isinstance(case_file.correction_bar.dialog, kind) and case_file.correction_bar.dialog.isVisible()
    )
    return case_file.correction_bar.dialog


def timeline(case_file: CaseDetailDialog) -> list[tuple[str, str]]:
    table = case_file.timeline_table
    return [(table.item(row, 2).text(), table.item(row, 3).text()) for row in range(table.rowCount())]


def correct_phone(qtbot, workspace: Workspace, case_file: CaseDetailDialog, phone: str, reason: str) -> None:
    click(qtbot, case_file.correction_bar.correct_button)
    dialog = opened(qtbot, case_file, CorrectionDialog)
    dialog.field.setCurrentIndex(dialog.field.findData(CorrectionField.PHONE.value))
    assert dialog.line.text() == ""  # typed anew, never shown in full to edit
    qtbot.keyClicks(dialog.line, phone)
    type_chinese(dialog.reason, reason)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)


def test_a_phone_corrected_with_a_reason_shows_masked_on_the_timeline_and_is_audited(qtbot, workspace) -> None:
    case_id = factories.register(workspace.context, factories.intake_form(1, received_on=chinatime.today()))
    case_file = open_case(qtbot, workspace, case_id)

    click(qtbot, case_file.correction_bar.correct_button)
    dialog = opened(qtbot, case_file, CorrectionDialog)
    dialog.field.setCurrentIndex(dialog.field.findData(CorrectionField.PHONE.value))
    qtbot.keyClicks(dialog.line, "13800001234")
    click(qtbot, dialog.ok_button)  # no reason: said beside it, nothing saved
    wait_idle(qtbot, workspace)
    assert dialog.isVisible()
    assert dialog.error_text("reason") != ""
    type_chinese(dialog.reason, "登记时听错一位")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: case_file.correction_bar.dialog is None and len(timeline(case_file)) == 2)

    kind, detail = timeline(case_file)[-1]
    assert kind == domain_text(event_label("case_corrected"))
    assert detail == "工人0: Phone number corrected from “139****0000” to “138****1234”. Reason: 登记时听错一位"
    assert case_queries.case_detail(workspace.context, case_id).claimants[0].phone == "13800001234"
    entry = audit.entries(workspace.context, AuditFilter(action=AuditAction.CASE_CORRECTED))[0]
    assert (entry.user_name, entry.subject) == (workspace.context.user_name, case_file.detail.number)


def test_a_worker_added_with_his_bank_account_then_after_the_agreement_removal_is_refused(qtbot, workspace) -> None:
    today = chinatime.today()
    case_id = mediating(workspace.context, factories.intake_form(1, received_on=today), None)
    case_file = open_case(qtbot, workspace, case_id)

    click(qtbot, case_file.correction_bar.add_button)
    dialog = opened(qtbot, case_file, AddWorkerDialog)
    type_chinese(dialog.name, "李磊")
    qtbot.keyClicks(dialog.id_number, factories.resident_id(8))
    qtbot.keyClicks(dialog.phone, factories.mobile(8))
    qtbot.keyClicks(dialog.claimed, "3800")
    type_chinese(dialog.bank, "中国农业银行菏泽分行")
    qtbot.keyClicks(dialog.account_number, "6228 4800 1234 5678 9")
    type_chinese(dialog.reason, "同班组工友，登记时漏报")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: case_file.claimants_table.rowCount() == 2)
    assert case_file.fields["claimed"].text() == formatting.money(760_000)
    assert timeline(case_file)[-1][1] == "李磊 joined the case. Reason: 同班组工友，登记时漏报"
    joined = case_queries.case_detail(workspace.context, case_id).claimants[1]
    assert (joined.bank, joined.account_number) == ("中国农业银行菏泽分行", "62284800123456789")
    case_file.claimants_table.setCurrentCell(-1, -1)
    click(qtbot, case_file.correction_bar.remove_button)  # no worker chosen: the bar says so
    assert case_file.correction_bar.remove_hint.isVisible()

    agree(
        workspace.context,
        case_id,
        terms(workspace.context, case_id, today, [(today, "7600")], amount_each="3800"),
        chinatime.now(),
    )
    case_file.reload()
    wait_idle(qtbot, workspace)
    # Removing or adding a worker is no longer offered, and the buttons say why; nor is correcting an amount.
    bar = case_file.correction_bar
    for button in (bar.add_button, bar.remove_button):
        assert not button.isEnabled()
        assert "supersedes" in button.toolTip()
    click(qtbot, bar.correct_button)
    dialog = opened(qtbot, case_file, CorrectionDialog)
    offered = [dialog.field.itemData(index) for index in range(dialog.field.count())]
    assert CorrectionField.PHONE.value in offered
    assert CorrectionField.CLAIMED.value not in offered
    assert CorrectionField.ACCOUNT_NUMBER.value not in offered
    dialog.reject()

    # Were the removal asked for all the same (a form opened before the agreement took effect), it is refused.
    case_file.claimants_table.setCurrentCell(1, 0)
    bar.open_remove_worker()
    dialog = opened(qtbot, case_file, RemoveWorkerDialog)
    type_chinese(dialog.reason, "误加")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    assert dialog.isVisible()
    assert "supersedes" in dialog.banner.text()
    assert case_queries.case_detail(workspace.context, case_id).claimants[1].name == "李磊"
    dialog.reject()


def _tick(qtbot, representatives, row: int) -> None:
    """A click on the row's check box, as a coordinator ticks an elected representative."""
    item = representatives.item(row)
    box = representatives.visualItemRect(item)
    qtbot.mouseClick(representatives.viewport(), Qt.MouseButton.LeftButton, pos=box.topLeft() + QPoint(10, 8))


def test_the_tenth_worker_makes_the_case_collective_with_the_representatives_ticked(qtbot, workspace) -> None:
    case_id = factories.register(workspace.context, factories.intake_form(9, received_on=chinatime.today()))
    case_file = open_case(qtbot, workspace, case_id)
    click(qtbot, case_file.correction_bar.add_button)
    dialog = opened(qtbot, case_file, AddWorkerDialog)
    assert dialog.representatives.count() == 9  # the nine on the case, none representing anyone yet
    type_chinese(dialog.name, "李磊")
    qtbot.keyClicks(dialog.id_number, factories.resident_id(30))
    qtbot.keyClicks(dialog.claimed, "3800")
    type_chinese(dialog.reason, "同班组工友，后来才来")
    click(qtbot, dialog.representative)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    assert dialog.isVisible()  # one representative is not enough: the message says so beside the list
    assert "3 to 5 representatives" in dialog.errors.text("representative")

    _tick(qtbot, dialog.representatives, 0)
    _tick(qtbot, dialog.representatives, 3)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: case_file.claimants_table.rowCount() == 10)
    detail = case_queries.case_detail(workspace.context, case_id)
    assert detail.is_collective
    assert [claimant.name for claimant in detail.claimants if claimant.representative] == ["工人0", "工人3", "李磊"]


def test_only_the_administrator_voids_and_the_voided_case_leaves_the_figures(qtbot, workspace, tmp_path) -> None:
    case_id = factories.register(workspace.context, factories.intake_form(1, received_on=chinatime.today()))
    add_account(workspace.context, "zhang", StaffRole.COORDINATOR)
    coordinator = Workspace(open_test_station(tmp_path / "data", "zhang"))
    try:
        assert not open_case(qtbot, coordinator, case_id).correction_bar.void_button.isVisibleTo(None)
    finally:
        wait_idle(qtbot, coordinator)
        coordinator.shutdown()

    case_file = open_case(qtbot, workspace, case_id)
    click(qtbot, case_file.correction_bar.void_button)
    dialog = case_file.correction_bar.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_chinese(dialog.reason, "同一投诉重复登记")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: case_file.status_badge.text() == formatting.label(CaseStatus.VOIDED))
    assert case_file.clocks_table.rowCount() == 0
    assert not case_file.correction_bar.correct_button.isEnabled()
    month = periods.month(chinatime.today().year, chinatime.today().month)
    values = {
        row.figure.key: row.value
        for table in station_statistics.report(workspace.context, month).tables
        for row in table.rows
    }
    assert (values["received"], values["voided"]) == (0, 1)


@pytest.mark.usefixtures("no_thread_left")
def test_a_correction_reaches_the_other_computers_of_the_station(
    qtbot, workspace: Workspace, city: CityServer, other_laptop
) -> None:
    court = other_laptop("court")
    city.enrol(workspace.context, "前台")
    city.enrol(court, "移动仲裁庭")
    case_id = factories.register(workspace.context, factories.intake_form(1))
    sync.sync_now(workspace.context)
    case_file = open_case(qtbot, workspace, case_id)
    correct_phone(qtbot, workspace, case_file, "13800001234", "换号")
    sync.sync_now(workspace.context)
    sync.sync_now(court)
    there = case_queries.case_detail(court, case_id)
    assert there.claimants[0].phone == "13800001234"
    assert there.timeline[-1].kind == "case_corrected"


def test_of_two_workers_with_one_name_the_one_chosen_is_the_one_removed(qtbot, workspace) -> None:
    """Two 张伟 on a building site: the dialogs tell them apart by their place in the list, and removing the one
    chosen (in a table sorted another way) removes that one, not the first of the name."""
    form = factories.intake_form(3, received_on=chinatime.today())
    for entry, claimed in zip(form.workers, ("3800", "9999", "1200"), strict=True):
        entry.name, entry.claimed = "张伟", claimed
    form.workers[2].name = "李磊"
    case_id = factories.register(workspace.context, form)
    second = case_queries.case_detail(workspace.context, case_id).claimants[1].person_id
    case_file = open_case(qtbot, workspace, case_id)
    case_file.claimants_table.sortItems(2, Qt.SortOrder.DescendingOrder)  # another order than the case's list
    [shown] = [row for row in range(3) if case_file.claimants_table.item(row, 5).text() == formatting.money(999_900)]
    case_file.claimants_table.setCurrentCell(shown, 0)
    click(qtbot, case_file.correction_bar.remove_button)
    dialog = opened(qtbot, case_file, RemoveWorkerDialog)
    assert dialog.person_id == second
    assert "张伟 (no. 2 in the list)" in [label.text() for label in dialog.findChildren(QLabel)]
    type_chinese(dialog.reason, "登记重复")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, workspace)
    left = case_queries.case_detail(workspace.context, case_id).claimants
    assert [(claimant.name, claimant.claimed_fen) for claimant in left] == [("张伟", 380_000), ("李磊", 120_000)]

    click(qtbot, case_file.correction_bar.correct_button)
    correction = opened(qtbot, case_file, CorrectionDialog)
    subjects = [correction.subject.itemText(index) for index in range(correction.subject.count())]
    assert subjects[:2] == ["Worker: 张伟", "Worker: 李磊"]  # one 张伟 is left: named as before
    correction.reject()
