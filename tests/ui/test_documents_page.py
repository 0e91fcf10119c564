"""Documents from the case file: a signature drawn on the pad, the agreement issued from the menu, previewed,
exported (recorded on the timeline), and the exported file verified from the main window."""

import subprocess
import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.agreements import SignerRole
from heze_station.domain.cases import CaseAction
from heze_station.domain.changes import EVERYTHING
from heze_station.services import agreements, case_actions, case_queries, documents
from heze_station.ui.main_window import MainWindow
from heze_station.ui.views.agreement_dialogs import SignerDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.services.agreement_steps import terms
from tests.stations import add_account, open_test_station
from tests.ui.conftest import wait_idle
from tests.ui.test_signature_pad import LINE, mouse_stroke


def in_mediation(workspace) -> uuid.UUID:
    case = factories.register(workspace.context, factories.intake_form(1, received_on=chinatime.today()))
    case_actions.perform(workspace.context, case, CaseAction.ACCEPT)
    case_actions.perform(workspace.context, case, CaseAction.START_MEDIATION)
    return case


def test_drawn_signature_is_printed_and_the_exported_agreement_verifies(qtbot, workspace, tmp_path: Path) -> None:
    context = workspace.context
    case_id = in_mediation(workspace)
    today = chinatime.today()
    draft = agreements.save_draft(
        context, case_id, terms(context, case_id, today, [(today, "3800")], amount_each="3800")
    ).draft
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.open_case(case_id)
    wait_idle(qtbot, workspace)
    case_window = window._case_windows[case_id]
    tab = case_window.agreement_tab
    case_window.tabs.setCurrentWidget(tab)

    # The worker signs on the pad.
    qtbot.mouseClick(tab.buttons["sign"], Qt.MouseButton.LeftButton)
    signer = tab.dialog
    assert isinstance(signer, SignerDialog)
    signer.open_pad()
    signer.pad.show()
    mouse_stroke(signer.pad.pad, LINE)
    signer.pad.accept()
    assert signer.drawn.label.text() == "drawn on the pad"
    qtbot.mouseClick(signer.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    [signature] = agreements.case_agreements(context, case_id).draft.signatures
    assert signature.image_id is not None
    for role, name in ((SignerRole.EMPLOYER_HANDLER, "王经理"), (SignerRole.MEDIATOR, "李调解")):
        agreements.sign(context, draft.id, role, name)
    agreements.record_employer_seal(context, draft.id)
    agreements.apply_seal(context, draft.id)
    agreements.take_effect(context, draft.id)
    workspace.data_changed.emit(EVERYTHING)
    wait_idle(qtbot, workspace)

    page = case_window.documents_tab
    case_window.tabs.setCurrentWidget(page)
    titles = [action.text() for action in page.menu.actions()]
    assert "Mediation agreement…" in titles
    agreement_action = next(a for a in page.menu.actions() if a.data() == DocumentKind.AGREEMENT.value)
    page.menu.triggered.emit(agreement_action)
    wait_idle(qtbot, workspace)
    preview = page.preview
    assert preview is not None
    assert preview.originals == 3
    assert page.table.rowCount() == 1
    exported = tmp_path / "调解协议书.pdf"
    preview.export_to(exported)
    wait_idle(qtbot, workspace)
    kinds = [event.kind for event in case_queries.case_detail(context, case_id).timeline]
    assert kinds[-2:] == ["document_issued", "document_exported"]

    # The drawn signature is in the PDF as an image; the station seal block is there for the physical seal.
    images = subprocess.run(["pdfimages", "-list", str(exported)], capture_output=True, text=True).stdout
    assert len(images.splitlines()) > 2

    window.verify_document(exported)
    wait_idle(qtbot, workspace)
    verdict = window.verdict_dialog
    assert [label.text() for label in verdict.outcomes] == ["passed", "passed", "passed"]
    issued = documents.case_documents(context, case_id)
    assert [d.kind for d in issued] == [DocumentKind.AGREEMENT]


def test_a_coordinator_prints_a_document_and_is_told_who_makes_a_file_of_it(qtbot, workspace, tmp_path: Path) -> None:
    add_account(workspace.context, "zhang", StaffRole.COORDINATOR)
    coordinator = Workspace(open_test_station(tmp_path / "data", "zhang"))
    try:
        case_id = in_mediation(coordinator)
        case_window = CaseDetailDialog(coordinator, case_id)
        qtbot.addWidget(case_window)
        case_window.show()
        wait_idle(qtbot, coordinator)
        page = case_window.documents_tab
        case_window.tabs.setCurrentWidget(page)
        applications = (DocumentKind.APPLICATION.value, DocumentKind.ORAL_APPLICATION.value)
        application = next(action for action in page.menu.actions() if action.data() in applications)
        page.menu.triggered.emit(application)
        wait_idle(qtbot, coordinator)
        preview = page.preview
        assert preview is not None
        assert preview.print_button.isEnabled()
        assert preview.export_button.isVisible()
        assert not preview.export_button.isEnabled()
        assert "ID numbers" in preview.export_button.toolTip()
    finally:
        wait_idle(qtbot, coordinator)
        coordinator.shutdown()
