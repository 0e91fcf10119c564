"""The agreement form asks what the case's category needs to word the agreement: nothing more for wages, what
the sum is paid for in an "other" dispute, the medical part of a work-injury sum; typed from the keyboard."""

import uuid

import pytest
from PySide6.QtCore import Qt

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, Category
from heze_station.services import agreements, case_actions
from heze_station.ui.views.agreement_dialogs import AgreementDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.ui.conftest import type_chinese
from tests.ui.test_mediation_agreement import closed, fill_share, open_case, submit


def mediating(workspace: Workspace, category: Category) -> uuid.UUID:
    form = factories.intake_form(1, received_on=chinatime.today())
    form.category = category
    case = factories.register(workspace.context, form)
    case_actions.perform(workspace.context, case, CaseAction.ACCEPT)
    case_actions.perform(workspace.context, case, CaseAction.START_MEDIATION)
    return case


def agreement_dialog(qtbot, workspace: Workspace, case_id: uuid.UUID) -> tuple[CaseDetailDialog, AgreementDialog]:
    """The terms dialog opened from the case's agreement page, each worker's amount filled in."""
    window = open_case(qtbot, workspace, case_id)
    window.tabs.setCurrentWidget(window.agreement_tab)
    qtbot.mouseClick(window.agreement_tab.buttons["draft"], Qt.MouseButton.LeftButton)
    dialog = window.agreement_tab.dialog
    assert isinstance(dialog, AgreementDialog)
    fill_share(dialog, 0, "3800")
    return window, dialog


def test_a_work_injury_agreement_asks_for_its_medical_part(qtbot, workspace: Workspace) -> None:
    case_id = mediating(workspace, Category.WORK_INJURY)
    window, dialog = agreement_dialog(qtbot, workspace, case_id)
    assert dialog.isVisible()
    assert not dialog.subject.isVisible()
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("medical") == "Enter the amount."
    assert agreements.case_agreements(workspace.context, case_id).draft is None

    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # the caption's mnemonic
    assert dialog.medical.hasFocus()
    qtbot.keyClicks(dialog.medical, "2500")
    submit(qtbot, workspace, dialog)

    assert closed(dialog)
    assert agreements.case_agreements(workspace.context, case_id).draft.medical_fen == 2500_00
    assert "Of which work-injury medical costs: ¥2,500.00" in window.agreement_tab.summary.text()


def test_an_other_agreement_asks_what_the_sum_is_paid_for(qtbot, workspace: Workspace) -> None:
    case_id = mediating(workspace, Category.OTHER)
    window, dialog = agreement_dialog(qtbot, workspace, case_id)
    assert dialog.isVisible()
    assert not dialog.medical.isVisible()
    submit(qtbot, workspace, dialog)
    assert dialog.error_text("subject") == "This field is required."

    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.subject.hasFocus()
    type_chinese(dialog.subject, "未休年休假工资")
    submit(qtbot, workspace, dialog)

    assert closed(dialog)
    assert agreements.case_agreements(workspace.context, case_id).draft.subject == "未休年休假工资"
    assert "Paid for: 未休年休假工资" in window.agreement_tab.summary.text()


@pytest.mark.parametrize("category", [Category.WAGES, Category.TERMINATION])
def test_other_categories_need_nothing_more(qtbot, workspace: Workspace, category: Category) -> None:
    _, dialog = agreement_dialog(qtbot, workspace, mediating(workspace, category))
    assert dialog.isVisible()
    assert not dialog.subject.isVisible()
    assert not dialog.medical.isVisible()
