"""The 线索 page (issue 16, 4): a clue from the city worked off step by step, as a coordinator does it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from heze_station.domain import chinatime, periods
from heze_station.domain.audit import AuditAction
from heze_station.domain.clues import ClueStep
from heze_station.services import audit
from heze_station.services.station import StationContext
from heze_station.ui.main_window import CLUES_PAGE, MainWindow
from heze_station.ui.views.clues_view import CallbackDialog, ClueStepDialog
from heze_station.ui.views.intake import CLAIMED, NAME, PHONE
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.services.test_clues import forwarded
from tests.ui.conftest import type_chinese, wait_idle


@pytest.fixture
def window(chinese: None, station: StationContext, workspace: Workspace, qtbot) -> MainWindow:
    forwarded(station, "GZQX-2026-0001", due_on=chinatime.today())
    shown = MainWindow(workspace)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)  # the page shortcuts answer in the active window only
    wait_idle(qtbot, workspace)
    qtbot.keyClick(shown, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert shown.pages.currentIndex() == CLUES_PAGE
    wait_idle(qtbot, workspace)
    return shown


def _dialog(qtbot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5_000)
    return QApplication.activeModalWidget()


def test_a_clue_is_worked_off_and_the_worker_called_back(window: MainWindow, workspace: Workspace, qtbot) -> None:
    page = window.clues
    [clue] = page.model.rows
    assert "今日到期" in page.model.index(0, 1).data()
    assert page.details.text().startswith("反映内容：2026年8月至10月工资未发。")
    assert not page.callback_button.isEnabled()
    for wanted in (ClueStep.VERIFYING, ClueStep.EMPLOYER_CONTACTED):
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a clue: its next step
        dialog = _dialog(qtbot, ClueStepDialog)
        dialog.step.select(wanted)
        with qtbot.waitSignal(workspace.data_changed):
            qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
        wait_idle(qtbot, workspace)
    page.step_button.click()
    dialog = _dialog(qtbot, ClueStepDialog)
    dialog.step.select(ClueStep.SETTLED)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # nothing typed: refused at the fields
    qtbot.waitUntil(lambda: dialog.error_text("workers_paid") != "", timeout=5_000)
    assert dialog.error_text("recovered")
    dialog.recovered.setText("12,500")
    dialog.workers.setValue(3)
    with qtbot.waitSignal(workspace.data_changed):
        dialog.ok_button.click()
    wait_idle(qtbot, workspace)
    assert page.selected().step is ClueStep.SETTLED
    assert "为3名劳动者追回¥12,500.00" in page.details.text()
    assert page.model.index(0, 1).data() == chinatime.today().isoformat()  # closed: no countdown
    page.callback_button.click()
    dialog = _dialog(qtbot, CallbackDialog)
    worker = page.selected().worker_name
    assert worker not in dialog.windowTitle(), "the taskbar and other programs see a window's title"
    assert worker in [label.text() for label in dialog.findChildren(QLabel)]
    type_chinese(dialog.note, "工人确认已收到。")
    with qtbot.waitSignal(workspace.data_changed):
        dialog.ok_button.click()
    wait_idle(qtbot, workspace)
    assert "回访：工人确认已收到。" in page.details.text()
    assert not page.callback_button.isEnabled()

    window.show_page(4)
    window.statistics.set_period(periods.containing(periods.PeriodKind.MONTH, chinatime.today()))
    wait_idle(qtbot, workspace)
    rows = window.statistics.tables["station"].rows
    closed = next(n for n, row in enumerate(rows) if row.figure.key == "clues_closed")
    assert rows[closed].value == 1
    table = window.statistics.figure_tabs.widget(0)
    table.setFocus()
    table.selectRow(closed)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CLUES_PAGE, timeout=10_000)
    wait_idle(qtbot, workspace)
    assert [row.id for row in page.model.rows] == [clue.id]
    assert page.only_banner.isVisible()


def test_a_clue_turned_into_a_case_fills_the_registration_and_is_linked_to_the_case(
    window: MainWindow, station: StationContext, workspace: Workspace, qtbot
) -> None:
    page = window.clues
    [clue] = page.model.rows
    page.case_button.click()
    assert window.pages.currentWidget() is window.intake
    intake = window.intake
    assert intake.channel.currentText() == "平台转办"
    assert intake.facts.toPlainText() == "2026年8月至10月工资未发。"
    assert [intake.workers.item(0, column).text() for column in (NAME, PHONE, CLAIMED)] == [
        "王五",
        "13905301234",
        "12500",  # as the cell keeps it
    ]
    assert intake.employer_name.text() == "菏泽宏达建筑劳务有限公司"
    assert intake.project_name.text() == "幸福里三期"
    assert "GZQX-2026-0001" in intake.status.text()
    assert intake.origin == clue
    case_id = register(station, intake_form(1, received_on=chinatime.today()))  # as the completed form registers
    with qtbot.waitSignal(workspace.data_changed):
        intake.registered_from.emit(clue, case_id)
    window.show_page(CLUES_PAGE)
    wait_idle(qtbot, workspace)
    assert page.selected().step is ClueStep.CASE_OPENED
    assert "案件：菏谐调字" in page.details.text()
    window.close_discarding()  # registered through the services, not the form's button: the form still holds it


def test_the_workers_phone_is_masked_until_shown_and_showing_it_is_audited(
    window: MainWindow, station: StationContext, workspace: Workspace, qtbot
) -> None:
    page = window.clues
    assert "劳动者电话：139****1234" in page.details.text()
    page.show_personal.setChecked(True)
    assert "劳动者电话：13905301234" in page.details.text()
    wait_idle(qtbot, workspace)
    shown = [row for row in audit.entries(station) if row.action is AuditAction.PHONES_REVEALED]
    assert [row.subject for row in shown] == ["Wage-arrears clues"]
    page.show_personal.setChecked(False)
    assert "139****1234" in page.details.text()
