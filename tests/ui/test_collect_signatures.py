"""Issue 15 item 7: one "collect signatures" flow walks the agreement's signers in order, with the pad, and always
says who is still missing; closing keeps what was signed."""

import uuid

import pytest
from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.domain.agreements import PayerRole
from heze_station.domain.cases import CaseStatus
from heze_station.services import agreements, case_queries
from heze_station.ui.views.collect_signatures import AgreementSignatures
from tests import factories
from tests.services.agreement_steps import mediating, terms
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_mediation_agreement import answer_yes, closed, open_case
from tests.ui.test_signature_pad import LINE, mouse_stroke


@pytest.fixture
def case_id(workspace) -> uuid.UUID:
    """Three workers on a building site; the general contractor pays first: six people sign."""
    today = chinatime.today()
    case = mediating(workspace.context, factories.construction_form(3, received_on=today), None)
    form = terms(workspace.context, case, today, [(today, "9000")], amount_each="3000")
    form.payer_role = PayerRole.GENERAL_CONTRACTOR
    agreements.save_draft(workspace.context, case, form)
    return case


def open_collector(qtbot, workspace, case_id) -> tuple[object, AgreementSignatures]:
    window = open_case(qtbot, workspace, case_id)
    tab = window.agreement_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.buttons["collect"], Qt.MouseButton.LeftButton)
    collector = tab.collector
    assert isinstance(collector, AgreementSignatures)
    qtbot.waitExposed(collector)
    return window, collector


def sign_current(qtbot, workspace, collector: AgreementSignatures, name: str = "") -> None:
    if name:
        collector.name.clear()
        type_chinese(collector.name, name)
    mouse_stroke(collector.pad, LINE)
    qtbot.mouseClick(collector.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)


def test_signing_three_of_six_then_closing_keeps_them_and_shows_three_missing(qtbot, workspace, case_id) -> None:
    window, collector = open_collector(qtbot, workspace, case_id)
    assert collector.list.count() == 6
    assert collector.missing_names()[:3] == ["工人0", "工人1", "工人2"]
    assert collector.missing.text().startswith("Still missing (8):")  # six signatures and two seals

    # The first worker signs under his own name, prefilled and not to be typed over.
    assert collector.heading.text().startswith("Now signing: 工人0")
    assert collector.name.text() == "工人0"
    assert collector.name.isReadOnly()
    # An empty pad is not a signature.
    qtbot.mouseClick(collector.sign_button, Qt.MouseButton.LeftButton)
    assert "Nothing is signed yet" in collector.problem.text()
    sign_current(qtbot, workspace, collector)
    assert collector.list.item(0).text().startswith("✓")
    assert collector.name.text() == "工人1"

    # The second worker is not here yet: skipped for later, the third signs, and the walk goes on.
    qtbot.mouseClick(collector.skip_button, Qt.MouseButton.LeftButton)
    assert collector.name.text() == "工人2"
    assert "(later)" in collector.list.item(1).text()
    sign_current(qtbot, workspace, collector)
    assert collector.heading.text().startswith("Now signing: ")
    assert "Employer's handler" in collector.heading.text()
    sign_current(qtbot, workspace, collector, "王经理")

    # The contractor signs through its legal representative, whom the file knows; the mediator is not named yet.
    assert collector.missing_names() == ["工人1", "刘建国", ""]
    assert "工人1 has not signed" in collector.missing.text()
    assert "The general contractor's handler has not signed." in collector.missing.text()
    assert "No mediator has signed." in collector.missing.text()
    collector.close()

    # Closing kept the three signatures; the page says who is still missing.
    tab = window.agreement_tab
    qtbot.waitUntil(lambda: tab.people.rowCount() == 3)
    assert "工人1 has not signed" in tab.summary.text()
    draft = agreements.case_agreements(workspace.context, case_id).draft
    assert [slot.signed for slot in draft.signers] == [True, False, True, True, False, False]


def test_completing_every_signature_and_seal_brings_the_agreement_into_effect(qtbot, workspace, case_id) -> None:
    window, collector = open_collector(qtbot, workspace, case_id)
    assert not collector.effect.isEnabled()
    for _worker in range(3):
        sign_current(qtbot, workspace, collector)
    sign_current(qtbot, workspace, collector, "王经理")
    # The general contractor's handler signs by an agent's authority on paper: nothing drawn here.
    collector.name.clear()
    type_chinese(collector.name, "刘总")
    collector.on_paper.setChecked(True)
    qtbot.mouseClick(collector.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    # The mediator is, by default, whoever is signed in.
    assert collector.name.text() == workspace.context.user_name
    sign_current(qtbot, workspace, collector)
    assert collector.done_label.isVisible()
    assert collector.missing_names() == []

    for button in (collector.employer_seal, collector.seal):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, workspace)
    assert collector.missing.text() == "Nothing is missing."
    assert collector.effect.isEnabled()
    qtbot.mouseClick(collector.effect, Qt.MouseButton.LeftButton)
    answer_yes(qtbot, collector.question)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: closed(collector))

    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.AGREEMENT
    tab = window.agreement_tab
    qtbot.waitUntil(lambda: "In effect since" in tab.summary.text())
    assert tab.people.rowCount() == 6
    # At a laptop's size the six signatures show at once: the tables scroll together, not each on its own.
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.people.isVisible())
    assert tab.people.verticalScrollBar().maximum() == 0
    assert tab.people.viewport().height() >= sum(tab.people.rowHeight(row) for row in range(6))
