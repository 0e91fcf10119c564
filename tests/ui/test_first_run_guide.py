"""A new station's workbench says what to do first, each step with a button that does it, and the guide goes once
the first case is registered."""

from datetime import datetime, time

from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.services import intake
from heze_station.ui.main_window import MainWindow
from heze_station.ui.widgets import first_run_guide
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form
from tests.stations import add_account, open_test_station
from tests.ui.conftest import wait_idle


def open_window(qtbot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, workspace)
    return window


def step_button(window: MainWindow, text: str) -> first_run_guide.StepButton:
    return next(button for buttons in window.dashboard.first_run.buttons for button in buttons if button.text() == text)


def test_the_register_step_opens_the_register_page_and_the_guide_goes_with_the_first_case(
    chinese: None, workspace: Workspace, qtbot
) -> None:
    window = open_window(qtbot, workspace)
    guide = window.dashboard.first_run
    assert guide.isVisible()
    assert not window.dashboard.activity.isVisible()
    assert window.height() == 768
    titles = [guide.steps.itemAtPosition(row, 1).itemAt(0).widget().text() for row in range(guide.steps.rowCount())]
    assert titles == [
        "检查驿站信息和印章（设置）",
        "添加工作人员账户",
        "登记第一件投诉",
        "连接市平台同步",
        "看看演示站",
    ]

    qtbot.mouseClick(step_button(window, "登记第一件投诉（Ctrl+N）"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.intake

    checked = intake.validate(intake_form(), chinatime.today())
    workspace.change(intake.save, checked, datetime.combine(chinatime.today(), time(9), chinatime.CHINA_TZ))
    wait_idle(qtbot, workspace)
    window.show_page(0)
    wait_idle(qtbot, workspace)
    assert not guide.isVisible()
    assert window.dashboard.activity.isVisible()
    assert window.height() == 768  # the guide went before the deadlines came: the window never outgrew the screen
    window.close()


def test_the_administrators_steps_open_his_windows(chinese: None, workspace: Workspace, qtbot) -> None:
    window = open_window(qtbot, workspace)

    qtbot.mouseClick(step_button(window, "本站账户…"), Qt.MouseButton.LeftButton)
    assert window.accounts_window is not None
    assert window.accounts_window.isVisible()
    window.accounts_window.close()
    qtbot.mouseClick(step_button(window, "加入城市同步…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.enrol_dialog is not None and window.enrol_dialog.isVisible())
    window.enrol_dialog.reject()
    window.close()


def test_a_coordinator_is_told_the_administrator_does_his_steps(chinese: None, station, qtbot) -> None:
    add_account(station, "zhang", StaffRole.COORDINATOR)
    coordinator = Workspace(open_test_station(station.data_dir, "zhang"))
    try:
        window = open_window(qtbot, coordinator)
        guide = window.dashboard.first_run
        accounts_step = guide.steps.itemAtPosition(1, 2).layout()
        shown = [accounts_step.itemAt(index).widget() for index in range(accounts_step.count())]
        assert [widget.text() for widget in shown if widget.isVisible()] == ["由驿站管理员完成。"]
        assert step_button(window, "登记第一件投诉（Ctrl+N）").isVisible()
        window.close()
    finally:
        wait_idle(qtbot, coordinator)
        coordinator.tasks.shutdown()
        coordinator.context.close()


def test_the_demo_step_starts_the_program_again_on_the_demo_station(
    chinese: None, workspace: Workspace, qtbot, monkeypatch
) -> None:
    started: list[tuple[str, list[str]]] = []

    class Process:
        @staticmethod
        def startDetached(program: str, arguments: list[str]) -> tuple[bool, int]:
            started.append((program, arguments))
            return True, 4242

    monkeypatch.setattr(first_run_guide, "QProcess", Process)
    window = open_window(qtbot, workspace)

    qtbot.mouseClick(step_button(window, "打开演示站"), Qt.MouseButton.LeftButton)

    _program, arguments = started[0]
    assert arguments[-5:] == ["--demo", "--data-dir", str(workspace.context.data_dir), "--lang", "zh_CN"]
    assert arguments[:2] == ["-m", "heze_station"]
    window.close()
