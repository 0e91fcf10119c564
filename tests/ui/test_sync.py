"""Syncing from the main window, against a real city server on loopback, in Chinese as a coordinator sees it.

Enrolment through the dialog, the status-bar indicator through syncing, waiting, offline and back, a stopped sync
that waits for a person, the sync window, and no thread left behind when the window closes.
"""

import re
import time
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QMessageBox

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions, sync, sync_replica
from heze_station.services.sync import SyncState
from heze_station.services.sync_state import SyncStatus
from heze_station.storage import outbox, replica
from heze_station.sync.codes import display_code
from heze_station.ui import sync_labels
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views import sync_window
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.station_sync.helpers import plant
from tests.ui.city import CityServer, open_window, wait_quiet
from tests.ui.conftest import shown_rows, sync_threads
from tests.ui.test_chinese_screens import ENGLISH_WORD, KEY_NAMES, MARKUP, _texts

pytestmark = pytest.mark.usefixtures("no_thread_left")

YES = QMessageBox.ButtonRole.YesRole


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_codes_are_read_as_people_copy_them() -> None:
    assert display_code("8fa5 ww0r d4w0") == "8FA5-WW0R-D4W0"
    assert display_code("8FA5-WWOR-D4W0") == "8FA5-WW0R-D4W0"  # an O typed for the zero
    assert display_code("８ＦＡ５－ＷＷ０Ｒ－Ｄ４Ｗ０") == "8FA5-WW0R-D4W0"  # full-width, from a Chinese input method


def test_enrolling_through_the_dialog_refuses_a_wrong_code_and_joins_with_the_right_one(
    chinese: None, workspace: Workspace, city: CityServer, qtbot
) -> None:
    window = open_window(qtbot, workspace)
    qtbot.waitUntil(lambda: window.sync_indicator.text == "未加入同步")
    assert "加入" in window.sync_indicator.state_button.toolTip()

    window.enrol_action.trigger()
    dialog = window.enrol_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.device_edit.text()  # the computer's host name, ready to keep
    click(qtbot, dialog.ok_button)  # nothing typed: said beside both fields, nothing sent
    assert dialog.error_text("server_url") == "请填写城市服务器地址。"
    assert dialog.error_text("code") == "请填写市局提供的加入码。"
    # Grown by the messages: no field slips under a scroll bar.
    qtbot.waitUntil(lambda: not dialog.scroll.verticalScrollBar().isVisible())
    assert not dialog.certificate.visibleRegion().isEmpty()

    # An address where no server listens: said beside the address.
    qtbot.keyClicks(dialog.server_edit, "127.0.0.1:9")
    qtbot.keyClicks(dialog.code_edit, "AAAA-BBBB-CCCC")
    # (No "busy" check here: a refused connection can answer before the click returns.)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.working and dialog.error_text("server_url") != "", timeout=20_000)
    assert "没有城市服务器应答" in dialog.error_text("server_url")
    assert "http://" in dialog.error_text("server_url")  # typed without one, it was tried as https

    # An unencrypted address on a network: refused before anything is sent, unless marked as trusted.
    assert not dialog.plain_check.isVisible()
    dialog.server_edit.clear()
    qtbot.keyClicks(dialog.server_edit, "http://10.37.17.2:8000")
    assert dialog.plain_check.isVisible()
    assert "不加密" in dialog.plain_warning.text()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.working, timeout=20_000)
    assert "不加密" in dialog.error_text("server_url")

    # The right server (on this computer: plain http is fine), a wrong code: said beside the code; nothing stored.
    dialog.server_edit.clear()
    qtbot.keyClicks(dialog.server_edit, city.url)
    assert not dialog.plain_check.isVisible()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.working, timeout=20_000)
    assert dialog.error_text("server_url") == ""
    assert "加入码错误" in dialog.error_text("code")
    assert sync.sync_status(workspace.context).state is SyncState.NOT_ENROLLED
    assert window.sync_indicator.text == "未加入同步"

    # A code the bureau gave for another station: asked first; No keeps and sends nothing.
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, city.station_code("郓城驿站"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible(), timeout=20_000)
    assert "郓城驿站" in dialog.question.text()
    assert "菏谐驿站" in dialog.question.text()  # this computer's station, as set up
    dialog.question.button(QMessageBox.StandardButton.No).click()
    assert "都没有发送" in dialog.banner.text()
    assert sync.sync_status(workspace.context).state is SyncState.NOT_ENROLLED
    assert workspace.context.station_name == "菏谐驿站"

    # The right code, typed in lower case without dashes; the city's name for the station is taken.
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, city.station_code().replace("-", "").lower())
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        click(qtbot, dialog.ok_button)
        qtbot.waitUntil(lambda: dialog.question is not None and "城区驿站" in dialog.question.text(), timeout=20_000)
        [join] = [each for each in dialog.question.buttons() if dialog.question.buttonRole(each) is YES]
        join.click()
        qtbot.waitUntil(lambda: dialog.enrolment is not None, timeout=20_000)
        assert "城区驿站" in dialog.banner.text()
        assert "城区驿站" in window.windowTitle()  # the city's name for the station, at once
        assert "驿站：城区驿站" in window.who.text()
        assert dialog.ok_button.text() == "完成"
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert window.enrol_dialog is None
    window.enrol_action.trigger()  # it can be opened again (to enrol again with a new code)
    assert window.enrol_dialog is not None
    assert window.enrol_dialog.server_edit.text() == city.url  # what it joined, ready to keep
    window.enrol_dialog.reject()

    wait_quiet(qtbot, window)
    status = sync.sync_status(workspace.context)
    assert status.state is SyncState.UP_TO_DATE
    assert status.station_name == "城区驿站"
    assert status.last_success_at is not None
    assert window.sync_indicator.text.startswith("已同步 ")
    assert [line.kind for line in sync.sync_log(workspace.context)][:2] == ["synced", "enrolled"]


def test_the_indicator_shows_syncing_then_changes_waiting_while_offline_and_recovers_on_its_own(
    chinese: None, workspace: Workspace, city: CityServer, qtbot
) -> None:
    context = workspace.context
    case_id = register(context, intake_form(2))
    city.enrol(context, "前台")
    window = open_window(qtbot, workspace)
    indicator = window.sync_indicator
    seen: list[str] = []
    for signal in (window.sync.running_changed, window.sync.progress_changed, window.sync.status_changed):
        signal.connect(lambda *_: seen.append(indicator.text))

    # At start the window syncs on its own: what was registered before goes out.
    qtbot.waitUntil(lambda: indicator.text.startswith("已同步 "), timeout=20_000)
    assert any(text.startswith("正在同步：") for text in seen), seen
    assert any(re.fullmatch(r"正在同步：发送更改 \d+/\d+", text) for text in seen), seen
    assert "已送达城市服务器" in indicator.state_button.toolTip()

    # The server goes away; a change made in the window waits, and the window keeps trying without a new edit.
    city.stop()
    failures: list[object] = []
    window.sync.sync_failed.connect(failures.append)
    workspace.change(case_actions.perform, case_id, CaseAction.ACCEPT)
    offline = r"离线 · \d+ 项更改待发送 · 上次同步 \d\d:\d\d"  # since when: the sync a moment ago
    qtbot.waitUntil(lambda: re.fullmatch(offline, indicator.text) is not None, timeout=20_000)
    qtbot.waitUntil(lambda: len(failures) >= 3, timeout=20_000)  # retried with backoff, no edit needed
    assert all(error.reason.transient for error in failures)  # type: ignore[attr-defined]
    assert "无法连接城市服务器" in indicator.state_button.toolTip()
    pending = sync.sync_status(context).pending_changes
    assert pending > 0

    # The server answers again at the same address: the next retry sends the change.
    city.start()
    qtbot.waitUntil(lambda: indicator.text.startswith("已同步 "), timeout=20_000)
    wait_quiet(qtbot, window)
    status = sync.sync_status(context)
    assert status.state is SyncState.UP_TO_DATE
    assert status.pending_changes == 0
    assert not window.sync.retry_pending

    window.close()
    assert sync_threads() == []


def test_the_sync_window_shows_the_state_syncs_on_request_and_lists_the_log(
    chinese: None, workspace: Workspace, city: CityServer, qtbot
) -> None:
    city.enrol(workspace.context, "前台")
    window = open_window(qtbot, workspace)
    qtbot.waitUntil(lambda: window.sync_indicator.text.startswith("已同步 "), timeout=20_000)
    wait_quiet(qtbot, window)

    click(qtbot, window.sync_indicator.state_button)  # the indicator opens the window
    sync_window = window.sync_window
    assert sync_window is not None
    assert sync_window.isVisible()
    qtbot.waitUntil(lambda: sync_window.log_model.rowCount() >= 2)
    assert sync_window.station.text() == "城区驿站"
    assert sync_window.server.text() == city.url
    assert sync_window.headline.text().startswith("已同步 ")
    assert not sync_window.progress_row.isVisible()
    assert not sync_window.problem.isVisible()

    before = sync_window.log_model.rowCount()
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        click(qtbot, sync_window.sync_button)
        assert sync_window.progress_row.isVisible()  # progress shows while it runs
        assert not sync_window.sync_button.isEnabled()
    qtbot.waitUntil(lambda: sync_window.log_model.rowCount() == before + 1)
    newest = sync_window.log_model.index(0, 1).data()
    assert newest.startswith("同步完成：")
    assert not sync_window.progress_row.isVisible()

    # Ctrl+Shift+S from the main window syncs too.
    sync_window.close()
    assert window.sync_now_action.shortcut().toString() == "Ctrl+Shift+S"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_quiet(qtbot, window)


def test_a_revoked_computer_stops_syncing_until_a_person_acts(
    chinese: None, workspace: Workspace, city: CityServer, qtbot
) -> None:
    context = workspace.context
    case_id = register(context, intake_form(1))
    city.enrol(context, "丢失的笔记本")
    city.revoke(context)
    window = open_window(qtbot, workspace)
    qtbot.waitUntil(lambda: window.sync_indicator.text == "同步已停止", timeout=20_000)
    wait_quiet(qtbot, window)
    assert not window.sync.retry_pending  # no automatic retry for a refusal that needs a person

    attempts: list[bool] = []
    window.sync.running_changed.connect(attempts.append)
    workspace.change(case_actions.perform, case_id, CaseAction.ACCEPT)
    qtbot.waitUntil(lambda: window.sync.status is not None and window.sync.status.pending_changes > 0)
    wait_quiet(qtbot, window)
    assert attempts == []  # a local edit does not start a sync while stopped
    assert window.sync_indicator.text == "同步已停止"

    window.sync_window_action.trigger()
    sync_window = window.sync_window
    assert sync_window is not None
    qtbot.waitUntil(lambda: sync_window.problem.isVisible())
    assert "市局已停止这台电脑的同步" in sync_window.problem.text()
    assert sync_window.enrol_button.text() == "重新加入(&E)…"
    qtbot.waitUntil(lambda: sync_window.log_model.rowCount() > 0)
    problems = [row for row in sync_window.log_model.rows if row.is_problem]
    assert problems
    assert sync_window.log_model.index(0, 1).data().startswith("同步失败：")

    # Pressing 立即同步 is the person acting: it tries once more (and is refused again, clearly).
    with qtbot.waitSignal(window.sync.sync_failed, timeout=20_000):
        click(qtbot, sync_window.sync_button)
    wait_quiet(qtbot, window)
    assert window.sync_indicator.text == "同步已停止"
    assert not window.sync.retry_pending


def test_the_network_coming_back_syncs_without_waiting_for_the_retry_timer(
    workspace: Workspace, city: CityServer, qtbot
) -> None:
    city.enrol(workspace.context, "前台")
    city.stop()
    window = open_window(qtbot, workspace, first=600, cap=600, watch_network=True)
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=20_000)  # started: watching the network
    if not window.sync.network_watched:
        window.close()
        pytest.skip("no QNetworkInformation backend on this machine: the retry timer covers reconnection")
    qtbot.waitUntil(lambda: window.sync.retry_pending, timeout=20_000)  # next try in 5-10 minutes
    wait_quiet(qtbot, window)
    city.start()
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        QNetworkInformation.instance().reachabilityChanged.emit(QNetworkInformation.Reachability.Online)
    wait_quiet(qtbot, window)
    assert sync.sync_status(workspace.context).state is SyncState.UP_TO_DATE


def test_sync_screens_read_in_chinese(chinese: None, workspace: Workspace, city: CityServer, qtbot) -> None:
    city.enrol(workspace.context, "前台")
    window: MainWindow = open_window(qtbot, workspace)
    qtbot.waitUntil(lambda: window.sync_indicator.text.startswith("已同步 "), timeout=20_000)
    wait_quiet(qtbot, window)
    window.open_sync_window()
    window.open_conflicts()
    window.open_enrolment()
    wait_quiet(qtbot, window)
    allowed = KEY_NAMES | set(ENGLISH_WORD.findall(workspace.context.user_name))
    english: set[str] = set()
    for root in (window, window.sync_window, window.conflicts_window, window.enrol_dialog):
        for text in _texts(root):  # type: ignore[arg-type]
            shown = MARKUP.sub("", text).replace(city.url, "")
            english.update(word for word in ENGLISH_WORD.findall(shown) if word not in allowed)
    english -= set(ENGLISH_WORD.findall(window.enrol_dialog.device_edit.text()))  # the host name
    assert not english, f"English on a Chinese screen: {sorted(english)}"


def test_records_that_could_not_be_saved_and_a_fault_are_shown_never_as_synced(
    chinese: None, workspace: Workspace, city: CityServer, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    city.enrol(workspace.context, "前台")
    plant(city, "person", {"phone": "13800000000"})  # rows the city's database holds that no station could store
    plant(city, "case_file", {"number": "X", "status": "paid_in_gold"})
    window = open_window(qtbot, workspace)
    indicator = window.sync_indicator
    qtbot.waitUntil(lambda: indicator.quarantined_text == "2 条记录无法保存", timeout=20_000)
    wait_quiet(qtbot, window)
    assert indicator.text.startswith("已同步 ")  # everything else was stored

    click(qtbot, indicator.quarantined_button)  # the badge opens the sync window
    sync_window = window.sync_window
    assert sync_window is not None
    qtbot.waitUntil(lambda: sync_window.log_model.rowCount() >= 2)
    assert sync_window.quarantined.text() == "2"
    assert any(text.startswith("从城市服务器收到的 2 条记录") for _time, text in shown_rows(sync_window.log_model))
    sync_window.close()

    # A fault of the program: a failed sync with its reason, retried by itself; never 已同步.
    def broken(self, pages):
        raise KeyError("370102199001011234")

    monkeypatch.setattr(sync_replica.StationReplica, "apply_pages", broken)
    plant(city, "person", {"name": "张三"})  # something to pull
    with qtbot.waitSignal(window.sync.sync_failed, timeout=20_000):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: indicator.text.startswith("同步出错，稍后自动重试 · 上次同步 "), timeout=20_000)
    assert "没有完成" in indicator.state_button.toolTip()
    assert window.sync.retry_pending
    monkeypatch.undo()
    window.close()


def test_a_computer_clock_a_year_fast_is_told_until_it_is_corrected(
    chinese: None, workspace: Workspace, city: CityServer, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dates recorded, the case numbers' years and the deadlines all come from this computer's date: a clock a
    year off is shown beside the sync state once a sync has measured it, and goes once it is right again."""
    city.enrol(workspace.context, "前台")
    a_year_ms = 365 * 24 * 3600 * 1000
    monkeypatch.setattr(outbox, "local_now_ms", lambda: time.time_ns() // 1_000_000 + a_year_ms)
    window = open_window(qtbot, workspace)
    indicator = window.sync_indicator
    qtbot.waitUntil(lambda: indicator.clock_text == "电脑时钟快 365 天", timeout=20_000)
    assert "校正" in indicator.clock_button.toolTip()
    wait_quiet(qtbot, window)
    click(qtbot, indicator.clock_button)  # the badge opens the sync window, which says the same
    assert window.sync_window is not None
    assert window.sync_window.clock.text().startswith("电脑时钟快 365 天。")

    monkeypatch.undo()  # the date set right in the computer's settings
    with qtbot.waitSignal(window.sync.sync_finished, timeout=20_000):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: indicator.clock_text == "")
    assert window.sync_window.clock.text() == "准确（与城市服务器相差不到 10 分钟）"
    window.close()


@pytest.mark.parametrize(
    ("offset", "shown"),
    [
        (timedelta(hours=-3, seconds=2), "电脑时钟慢 3 小时"),
        (timedelta(minutes=12, milliseconds=-40), "电脑时钟快 12 分钟"),
        (timedelta(days=-7, hours=1), "电脑时钟慢 7 天"),
    ],
)
def test_a_clock_off_reads_in_the_unit_a_person_would_use(chinese: None, offset: timedelta, shown: str) -> None:
    assert sync_labels.clock_text(offset) == shown


@pytest.mark.parametrize(
    ("code", "words", "told"),
    [
        ("invalid_field", "payment.amount_fen must be from 0 to 10000000000", "超出市里能保存的范围"),
        # A code with no words of its own (a row this station may not write so) is told as a change it may not make.
        ("field_fixed", "case_claimant.case_id of row 1 never changes once the row exists", "本驿站无权"),
    ],
)
def test_a_change_the_city_refused_is_told_in_chinese_and_its_server_words_kept_for_the_tooltip(
    chinese: None, workspace: Workspace, code: str, words: str, told: str
) -> None:
    with workspace.context.database.transaction() as session:
        replica.log(session, "rejected", code=code, message=words, tables=[words.split(".")[0]])
    [line] = [line for line in sync.sync_log(workspace.context) if line.kind == "rejected"]
    shown = sync_window.log_text(line)
    assert shown.startswith("城市服务器拒绝了一项更改（")
    assert told in shown
    assert not ENGLISH_WORD.findall(shown)
    assert sync_window.log_detail(line).endswith(words)


def test_a_laptop_offline_for_a_month_says_since_when_and_what_the_city_misses(chinese: None) -> None:
    """A mobile court's laptop off the network for weeks: 离线 alone read the same after a minute and after 30 days."""
    last = chinatime.now() - timedelta(days=30)
    status = SyncStatus(SyncState.OFFLINE, "https://city", "城区驿站", "移动仲裁庭", 240, 0, last)
    assert sync_labels.state_text(status, False, None) == f"离线 · 240 项更改待发送 · 上次同步 {last:%m-%d %H:%M}"
    sentence = sync_labels.state_sentence(status, False)
    assert "上次同步在30天前" in sentence
    assert "未计入城市的统计" in sentence
    moments_ago = SyncStatus(SyncState.OFFLINE, "https://city", "城区驿站", "移动仲裁庭", 0, 0, chinatime.now())
    assert "天前" not in sync_labels.state_sentence(moments_ago, False)
