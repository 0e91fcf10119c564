"""The main window is shown before the station's records are open, and takes its pages when they are."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.retention import retention_until
from heze_station.services import case_actions
from heze_station.ui import fonts, formatting
from heze_station.ui.main_window import MainWindow
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.stations import ADMINISTRATOR
from tests.ui.conftest import click_row, messages_answered, shown_rows, wait_idle


@pytest.fixture
def station_font(qapp: QApplication) -> Iterator[None]:
    """The font the program starts with (fonts.install), whose glyph widths decide what fits on screen."""
    before = qapp.font()
    fonts.install(qapp)
    yield
    qapp.setFont(before)


def test_window_shows_the_signed_in_persons_station(
    chinese: None, station_font: None, workspace: Workspace, qtbot
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, workspace)
    assert window.pages.count() == 6
    # The pages fit the window's width: not wider than a 1280-pixel screen.
    assert window.minimumSizeHint().width() <= window.width() == 1280
    assert window.pages.currentWidget() is window.dashboard
    assert formatting.day(chinatime.today()) in window.dashboard.greeting.text()  # the station's data has arrived
    assert workspace.context.station_name in window.windowTitle()
    status = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "用户：王管理（管理员）" in status
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.cases
    assert window.verify_action.isEnabled()
    assert window.enrol_action.isVisible()
    assert window.accounts_action.isVisible()
    window.close()


def test_the_administrator_exports_the_unsent_changes_with_his_password(
    chinese: None, workspace: Workspace, qtbot, tmp_path
) -> None:
    register(workspace.context, intake_form(1))  # never sent: this station never joined city sync
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, workspace)
    assert window.export_unsent_action.isVisible()
    path = tmp_path / "未发送的更改.heze"

    window.move_unsent(path, exporting=True)
    dialog = window.handover_dialog
    assert dialog.isVisible()
    assert any("未发送的更改.heze" in label.text() for label in dialog.findChildren(QLabel))
    dialog.password.setText("wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.banner.isVisible)
    assert dialog.banner.text() == "密码不正确。"
    assert not path.exists()

    dialog.password.setText(ADMINISTRATOR.password)
    with messages_answered(qtbot) as messages:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(messages) == 1)
    assert path.exists()
    assert "项未发送的更改已导出到 未发送的更改.heze" in messages[0]


def test_the_archive_of_closed_files_shows_their_retention_end_and_opens_a_file(workspace: Workspace, qtbot) -> None:
    today = chinatime.today()
    case_id = register(workspace.context, intake_form(received_on=today))
    case_actions.perform(workspace.context, case_id, CaseAction.REFUSE, "不属于受理范围")
    case_actions.perform(workspace.context, case_id, CaseAction.CLOSE)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, workspace)

    window.archive_action.trigger()
    archive = window.archive_window
    wait_idle(qtbot, workspace)
    assert shown_rows(archive.model) == [
        [
            f"菏谐调字〔{today.year}〕第0001号",
            "Refused",
            today.isoformat(),
            retention_until(CaseStatus.REFUSED, today, today).isoformat(),
        ]
    ]
    click_row(qtbot, archive.table, 0)
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(archive.table, Qt.Key.Key_Return)
    assert opened.args == [case_id]
    window.close()
