"""Recording the service of a document from the case's documents page (issue 14 item 4): on the employer too, at
an address typed when none is on file, by post with its tracking number; the receipt is issued and previewed, and
the case's timeline says who was served, when and how."""

import uuid

from PySide6.QtCore import Qt

from heze_station.documents.content import DocumentKind
from heze_station.domain.cases import CaseAction, CaseEvent
from heze_station.domain.service import ServiceMethod
from heze_station.services import case_actions, case_queries, documents
from heze_station.ui.views.service_dialog import ServiceDialog
from tests import factories
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_mediation_agreement import closed, open_case, submit

HOME = "曹县青菏街道12号"


def refused_with_notice(workspace) -> uuid.UUID:
    form = factories.intake_form(1)
    form.workers[0].address = HOME
    form.employer.address = ""  # not given at intake
    case_id = factories.register(workspace.context, form)
    case_actions.perform(workspace.context, case_id, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    documents.issue_document(workspace.context, case_id, DocumentKind.REFUSAL)
    return case_id


def test_the_employer_is_served_by_post_at_a_typed_address(qtbot, workspace) -> None:
    case_id = refused_with_notice(workspace)
    window = open_case(qtbot, workspace, case_id)
    page = window.documents_tab
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.serve_button.isEnabled())

    qtbot.mouseClick(page.serve_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ServiceDialog)
    assert dialog.address.text() == HOME  # the worker's address on file is offered
    dialog.recipient.setCurrentIndex(1)  # the employer, with no address on file
    assert dialog.address.text() == ""
    employer = dialog.recipient.currentText()
    submit(qtbot, workspace, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("address") == f"No address of service for {employer}: enter where the document was served."

    type_chinese(dialog.address, "菏泽市牡丹区中华路1号")
    dialog.method.select(ServiceMethod.POST)
    assert dialog.tracking_number.isEnabled()
    assert not dialog.witnesses.isEnabled()
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("tracking_number") == "Give the tracking number of the posted document."
    assert [d.kind for d in documents.case_documents(workspace.context, case_id)] == [DocumentKind.REFUSAL]

    qtbot.keyClicks(dialog.tracking_number, "1151234567890")
    submit(qtbot, workspace, dialog)
    assert closed(dialog)
    qtbot.waitUntil(lambda: page.preview is not None)
    kinds = [d.kind for d in documents.case_documents(workspace.context, case_id)]
    assert kinds == [DocumentKind.REFUSAL, DocumentKind.SERVICE_RECEIPT]
    timeline = case_queries.case_detail(workspace.context, case_id).timeline
    [served] = [event.detail for event in timeline if event.kind == CaseEvent.DOCUMENT_SERVED]
    assert served.startswith(f"不予受理通知书 → {employer}，")
    assert served.endswith("邮寄送达（1151234567890），菏泽市牡丹区中华路1号")


def test_nothing_to_serve_before_a_notice_is_issued(qtbot, workspace) -> None:
    case_id = factories.register(workspace.context, factories.intake_form(1))
    window = open_case(qtbot, workspace, case_id)
    page = window.documents_tab
    window.tabs.setCurrentWidget(page)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: page.servable is not None)
    assert not page.serve_button.isEnabled()
