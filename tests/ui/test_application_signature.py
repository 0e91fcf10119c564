"""Issue 14 item 5 on the case file: a phone application's record waits for the applicant's signature, which is
captured on the pad from the bar that says so."""

from PySide6.QtCore import Qt

from heze_station.domain.cases import CaseEvent, IntakeChannel
from heze_station.services import case_queries
from heze_station.ui.views.application_signature import ApplicationSignatures
from tests import factories
from tests.ui.conftest import wait_idle
from tests.ui.test_mediation_agreement import open_case
from tests.ui.test_signature_pad import LINE, mouse_stroke


def test_the_phone_applicant_signs_on_the_pad_and_the_record_counts_as_signed(qtbot, workspace) -> None:
    form = factories.intake_form(1)
    form.channel = IntakeChannel.PHONE
    case_id = factories.register(workspace.context, form)
    window = open_case(qtbot, workspace, case_id)
    bar = window.signature_bar
    qtbot.waitUntil(bar.isVisible)
    assert "awaits the applicant's signature (工人0)" in bar.label.text()

    qtbot.mouseClick(bar.capture_button, Qt.MouseButton.LeftButton)
    dialog = bar.dialog
    assert isinstance(dialog, ApplicationSignatures)
    assert dialog.heading.text() == "Now signing: 工人0 (Applicant)"
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Nothing is signed yet" in dialog.problem.text()

    mouse_stroke(dialog.pad, LINE)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    assert dialog.missing.text() == "Nothing is missing."
    assert dialog.list.item(0).text().startswith("✓")
    dialog.close()
    qtbot.waitUntil(lambda: not bar.isVisible())
    kinds = [event.kind for event in case_queries.case_detail(workspace.context, case_id).timeline]
    assert CaseEvent.APPLICATION_SIGNED in kinds


def test_a_written_application_shows_no_bar(qtbot, workspace) -> None:
    form = factories.intake_form(1)
    form.channel = IntakeChannel.LETTER
    window = open_case(qtbot, workspace, factories.register(workspace.context, form))
    wait_idle(qtbot, workspace)
    assert window.detail is not None
    assert not window.signature_bar.isVisible()
