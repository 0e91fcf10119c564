"""A case still owed money under its agreement does not look finished: its badge says how the payments stand and
its footer names the next step."""

import uuid
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction
from heze_station.services import payments
from heze_station.services.station import StationContext
from heze_station.ui.views.agreement_dialogs import PaymentDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.workspace import Workspace
from tests.factories import at, intake_form
from tests.services.agreement_steps import agree, mediating, terms
from tests.ui.conftest import wait_idle


def agreed(station: StationContext, due: date) -> uuid.UUID:
    """A case whose agreement (made 20 days ago) has one instalment of ¥3,800 due on ``due``."""
    start = chinatime.today() - timedelta(days=20)
    case_id = mediating(station, intake_form(received_on=start), start)
    agree(station, case_id, terms(station, case_id, start, [(due, "3800")], amount_each="3800"), at(start, 16))
    return case_id


def open_case(qtbot, workspace: Workspace, case_id: uuid.UUID) -> CaseDetailDialog:
    dialog = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 760)
    dialog.show()
    wait_idle(qtbot, workspace)
    return dialog


def footer(dialog: CaseDetailDialog) -> list[str]:
    widgets = [dialog.actions_bar.itemAt(n).widget() for n in range(dialog.actions_bar.count())]
    return [widget.text() for widget in widgets if isinstance(widget, QLabel | QPushButton)]


def test_a_case_in_default_says_so_and_offers_the_payment_and_the_referrals(qtbot, workspace: Workspace) -> None:
    # Due on a working day before today, whatever today is (one due on a rest day may be paid on the next).
    due = workspace.context.calendar.last_working_day_before(chinatime.today())
    case_id = agreed(workspace.context, due)
    dialog = open_case(qtbot, workspace, case_id)

    assert dialog.status_badge.text() == "In default"
    assert "#b03a2e" in dialog.status_badge.styleSheet()
    overdue_since = (due + timedelta(days=1)).isoformat()
    assert footer(dialog)[0] == "Record payment…"
    assert f"In default since {overdue_since}, ¥3,800.00 overdue: follow it up, or refer the case" in footer(dialog)
    assert CaseAction.REFER_ARBITRATION in dialog.action_buttons
    assert "none: this case is finished" not in footer(dialog)

    pay = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Record payment…")
    qtbot.mouseClick(pay, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentWidget() is dialog.agreement_tab
    assert isinstance(dialog.agreement_tab.dialog, PaymentDialog)
    dialog.agreement_tab.dialog.reject()


def test_a_case_being_paid_shows_the_next_instalment_and_once_paid_can_be_closed(qtbot, workspace: Workspace) -> None:
    case_id = agreed(workspace.context, chinatime.today() + timedelta(days=10))
    dialog = open_case(qtbot, workspace, case_id)

    due = (chinatime.today() + timedelta(days=10)).isoformat()
    assert dialog.status_badge.text() == "Being performed"
    assert footer(dialog) == ["Record payment…", f"Being paid: ¥3,800.00 due on {due}"]
    assert CaseAction.CLOSE not in dialog.action_buttons

    workspace.change(
        payments.record_payment, case_id, chinatime.today(), "3800", PaymentMethod.BANK_TRANSFER, on_done=None
    )
    qtbot.waitUntil(lambda: dialog.status_badge.text() == "Agreement reached")
    wait_idle(qtbot, workspace)
    assert CaseAction.CLOSE in dialog.action_buttons
    assert "Record payment…" not in footer(dialog)
