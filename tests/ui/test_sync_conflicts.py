"""A real conflict, made by two computers of one station changing the same case, settled in the conflict view.

The mobile court's laptop (service calls) accepts a complaint while the front desk computer (the window) accepts it
and starts mediating; the court syncs first, so the front desk's sync meets a conflict on the case's status.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.personal import PersonalField
from heze_station.services import case_actions, case_queries, sync
from heze_station.services.station import StationContext
from heze_station.services.sync import ConflictItem
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.conflicts import ConflictDetail
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.ui.city import CityServer, open_window, wait_quiet
from tests.ui.conftest import shown_rows

pytestmark = pytest.mark.usefixtures("no_thread_left")


def conflicting_window(
    qtbot, workspace: Workspace, city: CityServer, other_laptop: Callable[[str], StationContext]
) -> tuple[MainWindow, StationContext, object]:
    front = workspace.context
    court = other_laptop("court")
    city.enrol(front, "前台")
    city.enrol(court, "移动仲裁庭")
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    sync.sync_now(court)
    case_actions.perform(court, case_id, CaseAction.ACCEPT)
    sync.sync_now(court)
    case_actions.perform(front, case_id, CaseAction.ACCEPT)  # typed here, while the court's step is on its way
    case_actions.perform(front, case_id, CaseAction.START_MEDIATION)
    window = open_window(qtbot, workspace)  # syncs at start: meets the conflict
    qtbot.waitUntil(lambda: window.sync_indicator.conflicts_text == "1 个冲突", timeout=20_000)
    wait_quiet(qtbot, window)
    return window, court, case_id


def test_a_conflict_from_two_laptops_is_shown_side_by_side_and_settled_by_keeping_this_computers_value(
    chinese: None, workspace: Workspace, city: CityServer, other_laptop, qtbot
) -> None:
    window, court, case_id = conflicting_window(qtbot, workspace, city, other_laptop)
    number = case_queries.case_detail(workspace.context, case_id).number
    assert window.sync_indicator.text.startswith("已同步 ")
    assert "两台电脑" in window.sync_indicator.conflicts_button.toolTip()

    qtbot.mouseClick(window.sync_indicator.conflicts_button, Qt.MouseButton.LeftButton)  # the badge opens them
    view = window.conflicts_window
    assert view is not None
    assert view.isVisible()
    qtbot.waitUntil(lambda: len(view.items) == 1)
    assert [view.model.index(0, column).data() for column in range(2)] == [number, "状态"]
    detail = view.detail
    assert detail.heading.text() == f"{number} · 状态"
    assert "两台电脑在同步之前都修改了“状态”" in detail.explanation.text()
    assert detail.mine_box.title() == "本机的值"
    assert detail.mine_value.text() == "调解中"
    assert detail.mine_where.text() == "在本机录入。"
    assert detail.mine_when.text().startswith("录入时间：20")
    assert detail.server_box.title() == "城市服务器上的值"
    assert detail.server_value.text() == "已受理"
    assert detail.server_when.text().startswith("城市服务器记录时间：20")
    buttons = [detail.keep_mine_button, detail.keep_server_button, detail.edit_button]
    assert [button.text() for button in buttons] == ["保留本机的值", "保留服务器的值", "修改为…"]
    assert all(button.isVisible() for button in buttons)

    # 修改为… offers the statuses by name (a status is chosen, not typed); then the person keeps their own value.
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    assert isinstance(detail.editor, QComboBox)
    assert detail.editor.currentText() == "调解中"
    assert detail.edit_caption.text() == "“状态”的新值："
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    assert not detail.edit_area.isVisible()

    syncs: list[bool] = []
    window.sync.running_changed.connect(lambda running: syncs.append(running))
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        qtbot.mouseClick(detail.keep_mine_button, Qt.MouseButton.LeftButton)
    wait_quiet(qtbot, window)
    qtbot.waitUntil(lambda: view.items == [] and view.empty.isVisible())
    # The choice left in one sync: settling did not also arm the debounce of a local change for a second one.
    assert syncs == [True, False]
    assert not window.sync._debounce.isActive()
    assert view.empty.text() == "没有待处理的冲突。"
    assert window.sync_indicator.conflicts_text == ""
    assert sync.open_conflicts(workspace.context) == []
    status = sync.sync_status(workspace.context)
    assert status.open_conflicts == 0
    assert status.pending_changes == 0

    # The choice reached the server: the court's laptop gets the mediation and no open conflict.
    sync.sync_now(court)
    assert case_queries.case_detail(court, case_id).status is CaseStatus.IN_MEDIATION
    assert sync.open_conflicts(court) == []
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.IN_MEDIATION


def test_a_conflict_is_settled_with_a_value_chosen_in_the_edit_field(
    chinese: None, workspace: Workspace, city: CityServer, other_laptop, qtbot
) -> None:
    window, court, case_id = conflicting_window(qtbot, workspace, city, other_laptop)
    window.conflicts_action.trigger()
    view = window.conflicts_window
    assert view is not None
    qtbot.waitUntil(lambda: len(view.items) == 1)
    detail = view.detail
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    assert isinstance(detail.editor, QComboBox)

    # A status no step of the machine reaches from 已受理 is refused with the reason; the conflict stays.
    detail.editor.setCurrentIndex(detail.editor.findText("不予受理"))
    qtbot.mouseClick(detail.save_edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.banner.isVisible())
    assert "不能一步变为“不予受理”" in detail.banner.text(), detail.banner.text()
    assert len(view.items) == 1
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.ACCEPTED

    detail.editor.setCurrentIndex(detail.editor.findText("已撤回"))  # a step that needs a written reason
    qtbot.mouseClick(detail.save_edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "书面理由" in detail.banner.text())

    detail.editor.setCurrentIndex(detail.editor.findText("调解中"))
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        qtbot.mouseClick(detail.save_edit_button, Qt.MouseButton.LeftButton)
    wait_quiet(qtbot, window)
    qtbot.waitUntil(lambda: view.items == [])
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.IN_MEDIATION
    sync.sync_now(court)
    assert case_queries.case_detail(court, case_id).status is CaseStatus.IN_MEDIATION
    assert sync.open_conflicts(court) == []

    # The settlement is in the sync log, in words.
    window.open_sync_window()
    log = window.sync_window
    assert log is not None
    qtbot.waitUntil(lambda: any("冲突已处理" in (text or "") for text in _log_texts(log)))
    assert any(text == "案件状态的冲突已处理：改为新的值。" for text in _log_texts(log)), _log_texts(log)


def _log_texts(window) -> list[str]:
    return [what for _time, what in shown_rows(window.log_model)]


def test_a_conflict_over_a_phone_or_an_id_number_is_compared_masked_until_shown_in_full(qtbot) -> None:
    revealed: list[tuple[frozenset, object]] = []
    detail = ConflictDetail(revealable=frozenset({PersonalField.PHONE}))  # a coordinator's
    qtbot.addWidget(detail)
    detail.revealed.connect(lambda fields, where: revealed.append((fields, where)))

    def conflict(field: str, mine: str, theirs: str) -> ConflictItem:
        now = datetime.now(UTC)
        case_id = uuid.uuid4()
        return ConflictItem(
            uuid.uuid4(), "field", "person", uuid.uuid4(), field, case_id, "菏谐调字〔2026〕1号", "工人0", None,
            theirs, mine, True, now, now,
        )  # fmt: skip

    phone = conflict("phone", "13812345678", "13812349999")
    detail.show()
    detail.show_item(phone)
    assert [detail.mine_value.text(), detail.server_value.text()] == ["138****5678", "138****9999"]
    detail.edit_button.click()
    assert detail.editor.text() == ""  # a masked value is not handed out in the editor either
    detail.show_personal.click()
    assert [detail.mine_value.text(), detail.server_value.text()] == ["13812345678", "13812349999"]
    assert revealed == [(frozenset({PersonalField.PHONE}), phone.case_id)]

    detail.show_item(conflict("id_number", "37172419660101123X", "371724196601011245"))
    assert detail.mine_value.text() == "371***********123X"
    assert not detail.show_personal.isVisible()  # a coordinator may not see ID numbers in full
