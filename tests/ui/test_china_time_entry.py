"""Issue 15 item 8: times are entered and shown in China time whatever zone the computer is set to."""

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.services import mediation
from heze_station.ui.views.mediation_tab import SessionDialog
from tests.ui.conftest import type_chinese
from tests.ui.test_mediation_agreement import case_id, closed, open_case, submit  # noqa: F401  (a fixture)


@pytest.fixture
def in_new_york() -> Iterator[None]:
    """The laptop's clock set to New York, thirteen hours behind Beijing in December."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_session_time_is_beijing_time_on_a_laptop_set_to_new_york(qtbot, workspace, case_id, in_new_york) -> None:  # noqa: F811
    assert time.localtime().tm_gmtoff != 8 * 3600
    window = open_case(qtbot, workspace, case_id)
    tab = window.mediation_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_session, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, SessionDialog)

    # It opens on the time on the station's wall clock, not New York's.
    shown = datetime.strptime(dialog.held_at.text(), "%Y-%m-%d %H:%M").replace(tzinfo=chinatime.CHINA_TZ)
    assert abs(shown - chinatime.now()) < timedelta(minutes=2)

    # Typed as 9:30 on the first of December, it is 9:30 Beijing time, stored and shown as such.
    dialog.held_at.setFocus()
    dialog.held_at.selectAll()
    qtbot.keyClicks(dialog.held_at, "2026-12-01 09:30")
    assert dialog.held_at.text() == "2026-12-01 09:30"
    for box in (dialog.recorder, dialog.worker_side, dialog.employer_side):
        type_chinese(box, "赵书记员")
    dialog.identity_checked.setChecked(True)
    dialog.rights_notified.setChecked(True)
    submit(qtbot, workspace, dialog)
    assert closed(dialog)

    held = mediation.case_sessions(workspace.context, case_id)[0].held_at
    assert held == datetime(2026, 12, 1, 9, 30, tzinfo=chinatime.CHINA_TZ)
    assert tab.sessions_table.item(0, 0).text().startswith("2026-12-01 09:30")
