"""The building blocks every screen shares (ui/kit): what a person notices when they misbehave."""

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import ValidationFailed, refusal
from heze_station.services import case_actions
from heze_station.ui.kit.form import FormDialog
from heze_station.ui.kit.inputs import ChinaTimeEdit
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.ui.conftest import wait_idle


class NameDialog(FormDialog):
    """A form of two fields whose service refuses both, the first with a message of two lines."""

    def __init__(self, workspace: Workspace):
        super().__init__(workspace, "Name", "Save")
        self.name = self.add_field("name", "Name", QLineEdit())
        self.phone = self.add_field("phone", "Phone", QLineEdit())

    def submit(self) -> None:
        self.run(refuse_both)


def refuse_both(_context) -> None:
    raise ValidationFailed(
        [
            refusal("name", "A name is needed.\nType it as on the ID card."),
            refusal("phone", "This phone number is not a mobile number."),
        ]
    )


def test_a_fields_message_goes_when_the_field_is_fixed_and_a_long_one_pushes_the_next_row_down(
    workspace: Workspace, qtbot
) -> None:
    dialog = NameDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("phone") != "")
    assert dialog.error_text("name") == "A name is needed.\nType it as on the ID card."
    assert dialog.focusWidget() is dialog.name  # the first wrong field
    qtbot.waitUntil(lambda: dialog.errors.label("name").height() > 0)
    # The two-line message sits between its field and the next row, never over the phone field.
    message = dialog.errors.label("name")
    message_bottom = message.mapTo(dialog, message.rect().bottomLeft()).y()
    assert message_bottom <= dialog.phone.mapTo(dialog, dialog.phone.rect().topLeft()).y()
    qtbot.keyClicks(dialog.name, "Li")
    assert dialog.error_text("name") == ""  # fixed, so no longer wrong
    assert dialog.error_text("phone") != ""  # untouched, still wrong
    dialog.close()


def test_a_case_file_reloads_for_its_own_case_only(workspace: Workspace, qtbot) -> None:
    first = register(workspace.context, intake_form(1))
    second = register(workspace.context, intake_form(1, employer_serial=2))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    loads: dict[uuid.UUID, int] = {first: 0, second: 0}
    for case_id in (first, second):
        workspace.case_requested.emit(case_id)
    files = {dialog.case_id: dialog for dialog in window.findChildren(CaseDetailDialog)}
    wait_idle(qtbot, workspace)
    for case_id, dialog in files.items():
        dialog.reload = lambda case_id=case_id, original=dialog.reload: (
            loads.__setitem__(case_id, loads[case_id] + 1),
            original(),
        )
    with qtbot.waitSignal(workspace.data_changed) as announced:
        workspace.change(case_actions.perform, first, CaseAction.ACCEPT)
    change = announced.args[0]
    assert change.concerns_case(first)
    assert not change.concerns_case(second)
    assert "case_file" in change.tables
    wait_idle(qtbot, workspace)
    assert loads == {first: 1, second: 0}
    qtbot.waitUntil(lambda: files[first].detail.status.name == "ACCEPTED")
    window.close()


def test_a_time_is_entered_and_read_in_china_time_whatever_the_computers_zone(qtbot, monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        moment = datetime(2026, 12, 3, 9, 30, tzinfo=chinatime.CHINA_TZ)
        edit = ChinaTimeEdit(moment)
        qtbot.addWidget(edit)
        assert edit.text() == "2026-12-03 09:30"
        assert edit.value() == moment
        assert edit.value().astimezone(UTC) == datetime(2026, 12, 3, 1, 30, tzinfo=UTC)
        edit.set_value(moment + timedelta(hours=15))
        assert edit.text() == "2026-12-04 00:30"
    finally:
        monkeypatch.undo()
        time.tzset()
