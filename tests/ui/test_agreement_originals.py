"""The agreement form offers an original for each holder: one more when the general contractor pays first (R14)."""

from heze_station.domain import chinatime
from heze_station.domain.agreements import PayerRole
from heze_station.services import case_queries
from heze_station.ui.views.agreement_dialogs import AgreementDialog
from tests.factories import construction_form
from tests.services.agreement_steps import mediating


def test_the_general_contractor_paying_first_keeps_an_original_too(qtbot, workspace) -> None:
    case_id = mediating(workspace.context, construction_form(2, received_on=chinatime.today()), None)
    dialog = AgreementDialog(workspace, case_queries.case_detail(workspace.context, case_id), None)
    qtbot.addWidget(dialog)
    assert dialog.originals.value() == 3
    dialog.payer.select(PayerRole.GENERAL_CONTRACTOR)
    assert dialog.originals.minimum() == 4
    assert dialog.originals.value() == 4
    dialog.payer.select(PayerRole.RESPONDENT)
    assert dialog.originals.minimum() == 3
