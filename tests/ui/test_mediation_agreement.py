"""The case file's mediation and agreement pages, driven as a coordinator would: dialogs, keyboard, wrong input."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox, QTableWidget, QTableWidgetItem
from shiboken6 import isValid

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod, SignerRole
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.mediation import MinuteKind
from heze_station.domain.performance import PerformanceState
from heze_station.services import agreements, audit, case_actions, case_queries, mediation, payments
from heze_station.ui import formatting
from heze_station.ui.views.agreement_dialogs import AgreementDialog, PaymentDialog, SignerDialog, SplitPaymentDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.views.mediation_tab import SessionDialog
from heze_station.ui.workspace import Workspace
from tests import factories
from tests.services.agreement_steps import agree, sign_everything, terms
from tests.ui.conftest import type_chinese, wait_idle


def qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


@pytest.fixture
def case_id(workspace: Workspace) -> uuid.UUID:
    """A two-worker wage case, accepted and in mediation."""
    today = chinatime.today()
    form = factories.intake_form(2, received_on=today)
    case = factories.register(workspace.context, form)
    case_actions.perform(workspace.context, case, CaseAction.ACCEPT)
    case_actions.perform(workspace.context, case, CaseAction.START_MEDIATION)
    return case


def open_case(qtbot, workspace: Workspace, case_id: uuid.UUID) -> CaseDetailDialog:
    dialog = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 800)
    dialog.show()
    wait_idle(qtbot, workspace)
    return dialog


def open_agreement_form(qtbot, workspace: Workspace, case_id: uuid.UUID) -> tuple[CaseDetailDialog, AgreementDialog]:
    """The case file on its agreement page, and the form its draft button opens (the window is returned with it:
    the form lives as long as the window does)."""
    window = open_case(qtbot, workspace, case_id)
    window.tabs.setCurrentWidget(window.agreement_tab)
    qtbot.mouseClick(window.agreement_tab.buttons["draft"], Qt.MouseButton.LeftButton)
    dialog = window.agreement_tab.dialog
    assert isinstance(dialog, AgreementDialog)
    return window, dialog


def closed(dialog) -> bool:
    """The dialog was accepted and closed (and, being deleted on close, may already be gone)."""
    return not isValid(dialog) or not dialog.isVisible()


def answer_yes(qtbot, box: QMessageBox) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def submit(qtbot, workspace: Workspace, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)


def test_session_refused_without_the_formalities_then_minutes_signed_and_corrected(qtbot, workspace, case_id) -> None:
    window = open_case(qtbot, workspace, case_id)
    tab = window.mediation_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_session, Qt.MouseButton.LeftButton)
    session_dialog = tab.dialog
    assert isinstance(session_dialog, SessionDialog)
    type_chinese(session_dialog.recorder, "赵书记员")
    type_chinese(session_dialog.worker_side, "申请人本人")
    type_chinese(session_dialog.employer_side, "王经理")
    submit(qtbot, workspace, session_dialog)

    # Nothing is said before identities are checked and rights read out: both refused beside their boxes.
    assert session_dialog.isVisible()
    assert session_dialog.error_text("identity_checked") == "Check both parties' identities first."
    assert "ask a mediator to withdraw" in session_dialog.error_text("rights_notified")
    assert mediation.case_sessions(workspace.context, case_id) == []

    session_dialog.identity_checked.setChecked(True)
    session_dialog.rights_notified.setChecked(True)
    submit(qtbot, workspace, session_dialog)
    assert closed(session_dialog)
    assert tab.sessions_table.rowCount() == 1

    type_chinese(tab.speaker, "工人0")
    type_chinese(tab.text, "2026年8月至10月工资3800元未付。")
    qtbot.mouseClick(tab.add_entry, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.add_entry, Qt.MouseButton.LeftButton)  # a double click, while the first one saves
    wait_idle(qtbot, workspace)
    assert tab.minutes_table.rowCount() == 1
    assert tab.minutes_table.item(0, 3).text() == "2026年8月至10月工资3800元未付。"
    assert tab.text.toPlainText() == ""

    qtbot.mouseClick(tab.sign, Qt.MouseButton.LeftButton)
    answer_yes(qtbot, tab.question)
    wait_idle(qtbot, workspace)
    assert "signed: only corrections" in tab.minutes_heading.text()
    assert tab.kind.current() is MinuteKind.CORRECTION  # only corrections are left once signed
    assert not tab.sign.isEnabled()

    type_chinese(tab.text, "金额应为3900元。")
    qtbot.mouseClick(tab.add_entry, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    assert tab.minutes_table.rowCount() == 2
    assert tab.minutes_table.item(1, 1).text() == "Correction of no. 1"
    assert tab.minutes_table.item(0, 3).text() == "2026年8月至10月工资3800元未付。"


def fill_share(dialog: AgreementDialog, row: int, amount: str, account: str = "6228480012345678901") -> None:
    dialog.shares.setItem(row, dialog.SHARE_AMOUNT, QTableWidgetItem(amount))
    dialog.shares.setItem(row, dialog.SHARE_BANK, QTableWidgetItem("中国农业银行菏泽分行"))
    dialog.shares.setItem(row, dialog.SHARE_ACCOUNT, QTableWidgetItem(account))


def test_agreement_form_refuses_wrong_amounts_and_dates_then_saves_a_draft(qtbot, workspace, case_id) -> None:
    window, dialog = open_agreement_form(qtbot, workspace, case_id)
    tab = window.agreement_tab
    today = chinatime.today()
    fill_share(dialog, 0, "-100")
    fill_share(dialog, 1, "100000001", account="6228")
    dialog.instalments.cellWidget(0, 0).setDate(qdate(today - timedelta(days=3)))
    submit(qtbot, workspace, dialog)

    shares_message = dialog.error_text("share")
    assert "Row 1: The amount cannot be negative." in shares_message
    assert "Row 2: The amount cannot be more than ¥100,000,000.00." in shares_message
    assert "Row 2: A bank account number has 10 to 30 digits." in shares_message
    assert agreements.case_agreements(workspace.context, case_id).draft is None

    fill_share(dialog, 0, "3800")
    fill_share(dialog, 1, "3800")
    dialog.instalments.setItem(0, 1, QTableWidgetItem("7000"))
    submit(qtbot, workspace, dialog)
    assert "before the agreement date" in dialog.error_text("instalment")
    assert "but the agreed total is ¥7,600.00" in dialog.error_text("instalment")

    dialog.instalments.cellWidget(0, 0).setDate(qdate(today))
    dialog.instalments.setItem(0, 1, QTableWidgetItem("3600"))
    dialog.add_instalment(today + timedelta(days=30), "4000")
    assert dialog.total.text() == "Total: ¥7,600.00 (柒仟陆佰元整)"
    submit(qtbot, workspace, dialog)
    assert closed(dialog)

    draft = agreements.case_agreements(workspace.context, case_id).draft
    assert [i.amount_fen for i in draft.instalments] == [3600_00, 4000_00]
    assert tab.schedule.rowCount() == 2
    assert "工人0 has not signed" in tab.summary.text()
    assert tab.buttons["sign"].isVisible()


def test_an_instalment_due_on_a_rest_day_says_until_when_the_payer_may_pay(qtbot, workspace, case_id) -> None:
    _window, dialog = open_agreement_form(qtbot, workspace, case_id)
    calendar = workspace.context.calendar
    today = chinatime.today()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    dialog.instalments.cellWidget(0, 0).setDate(qdate(saturday))
    assert dialog.rest_days.isVisible()
    last = formatting.day(calendar.statutory_end(saturday))
    assert dialog.rest_days.text() == (
        f"Instalment 1 falls due on {formatting.day(saturday)}, a rest day: the payer may pay until {last}."
    )
    dialog.instalments.cellWidget(0, 0).setDate(qdate(calendar.statutory_end(saturday)))
    assert not dialog.rest_days.isVisible()


def test_bank_accounts_in_the_agreement_form_stay_masked_until_shown(qtbot, workspace, case_id) -> None:
    today = chinatime.today()
    agreements.save_draft(
        workspace.context, case_id, terms(workspace.context, case_id, today, [(today, "7600")], amount_each="3800")
    )
    window = open_case(qtbot, workspace, case_id)
    window.tabs.setCurrentWidget(window.agreement_tab)
    qtbot.mouseClick(window.agreement_tab.buttons["draft"], Qt.MouseButton.LeftButton)
    dialog = window.agreement_tab.dialog
    assert isinstance(dialog, AgreementDialog)
    full = dialog.shares.item(0, dialog.SHARE_ACCOUNT).text()

    def shown() -> str:
        return dialog.accounts.displayText(full, QLocale())

    assert len(full) > 10
    masked = "*" * (len(full) - 4) + full[-4:]
    assert shown() == masked
    # Nothing gives the kept account in full before it is shown: not a copy, not the cell's editor.
    table = dialog.shares
    table.setCurrentCell(0, dialog.SHARE_ACCOUNT)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == masked
    editor = _edit(qtbot, table, 0, dialog.SHARE_ACCOUNT)
    assert (editor.text(), editor.placeholderText()) == ("", masked)
    _commit(qtbot, table, editor)  # left empty: the kept account stays
    assert table.item(0, dialog.SHARE_ACCOUNT).text() == full
    editor = _edit(qtbot, table, 0, dialog.SHARE_ACCOUNT)
    editor.setText("6217000000000000001")  # a new account, typed here: his to read in full while editing
    _commit(qtbot, table, editor)
    assert table.item(0, dialog.SHARE_ACCOUNT).text() == "6217000000000000001"
    assert _edit(qtbot, table, 0, dialog.SHARE_ACCOUNT).text() == "6217000000000000001"
    dialog.show_accounts.setChecked(True)
    assert shown() == full
    wait_idle(qtbot, workspace)
    assert audit.entries(workspace.context)[0].action is AuditAction.ACCOUNTS_REVEALED


def _edit(qtbot, table: QTableWidget, row: int, column: int) -> QLineEdit:
    """The editor of a cell, opened as F2 opens it."""
    editing = QAbstractItemView.State.EditingState
    table.setCurrentCell(row, column)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.state() == editing)
    [editor] = [each for each in table.viewport().findChildren(QLineEdit) if each.isVisible()]
    return editor


def _commit(qtbot, table: QTableWidget, editor: QLineEdit) -> None:
    """Enter in a cell's editor: the delegate takes the value once the editor has seen the key (queued)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_signatures_seal_and_effect_from_the_page(qtbot, workspace, case_id) -> None:
    today = chinatime.today()
    agreements.save_draft(
        workspace.context, case_id, terms(workspace.context, case_id, today, [(today, "7600")], amount_each="3800")
    )
    window = open_case(qtbot, workspace, case_id)
    tab = window.agreement_tab
    window.tabs.setCurrentWidget(tab)

    # Bringing it into effect too early says everything that is missing, and changes nothing.
    qtbot.mouseClick(tab.buttons["effect"], Qt.MouseButton.LeftButton)
    answer_yes(qtbot, tab.question)
    wait_idle(qtbot, workspace)
    assert not tab.error.isHidden()
    assert len(tab.error.text().splitlines()) == 6
    assert "The employer's own seal has not been recorded." in tab.error.text()
    assert case_queries.case_detail(workspace.context, case_id).status is CaseStatus.IN_MEDIATION

    for _worker in range(2):
        qtbot.mouseClick(tab.buttons["sign"], Qt.MouseButton.LeftButton)
        signature = tab.dialog
        assert isinstance(signature, SignerDialog)
        assert signature.role.current() is SignerRole.WORKER
        signature.worker.setCurrentIndex(_worker)
        submit(qtbot, workspace, signature)
    for role, name in ((SignerRole.EMPLOYER_HANDLER, "王经理"), (SignerRole.MEDIATOR, "李调解")):
        qtbot.mouseClick(tab.buttons["sign"], Qt.MouseButton.LeftButton)
        signature = tab.dialog
        signature.role.select(role)
        submit(qtbot, workspace, signature)
        assert signature.isVisible()
        assert signature.error_text("name")  # the name of whoever signs is required
        type_chinese(signature.name, name)
        submit(qtbot, workspace, signature)
        assert closed(signature)
    qtbot.mouseClick(tab.buttons["seal"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    # The employer is a company: its own seal is recorded besides its handler's signature.
    assert tab.buttons["employer_seal"].isVisible()
    qtbot.mouseClick(tab.buttons["employer_seal"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    qtbot.waitUntil(lambda: not tab.buttons["employer_seal"].isEnabled())
    qtbot.mouseClick(tab.buttons["effect"], Qt.MouseButton.LeftButton)
    answer_yes(qtbot, tab.question)
    wait_idle(qtbot, workspace)

    # In effect and nothing paid yet: the case is not finished, its badge says the agreement is being paid.
    assert window.status_badge.text() == "Being performed"
    assert "In effect since" in tab.summary.text()
    assert tab.people.rowCount() == 4
    assert tab.buttons["pay"].isVisible()


def agreement_in_effect(qtbot, workspace, case_id) -> CaseDetailDialog:
    """The case file on its agreement tab, the agreement (¥7,600 due today) signed, sealed and in effect."""
    today = chinatime.today()
    context = workspace.context
    draft = agreements.save_draft(
        context, case_id, terms(context, case_id, today, [(today, "7600")], amount_each="3800")
    ).draft
    sign_everything(context, draft.id, case_id, chinatime.now())
    agreements.take_effect(context, draft.id)
    window = open_case(qtbot, workspace, case_id)
    window.tabs.setCurrentWidget(window.agreement_tab)
    return window


def test_payment_form_refuses_overpayment_and_future_dates_then_the_case_can_close(qtbot, workspace, case_id) -> None:
    today = chinatime.today()
    context = workspace.context
    window = agreement_in_effect(qtbot, workspace, case_id)
    tab = window.agreement_tab
    assert CaseAction.CLOSE not in window.action_buttons

    qtbot.mouseClick(tab.buttons["pay"], Qt.MouseButton.LeftButton)
    payment = tab.dialog
    assert isinstance(payment, PaymentDialog)
    assert payment.amount.text() == ""
    assert payment.amount.placeholderText() == "¥7,600.00 due next"
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)  # Enter on a form nobody typed in records nothing
    wait_idle(qtbot, workspace)
    assert payment.error_text("amount") == "Enter the amount."
    payment.amount.setText("7600.01")
    payment.paid_on.setDate(qdate(today + timedelta(days=1)))
    submit(qtbot, workspace, payment)
    assert payment.error_text("amount") == "Only ¥7,600.00 is still owed under the agreement."
    assert (
        payment.error_text("paid_on") == "该日期晚于今天。"
        or "今天" in payment.error_text("paid_on")
        or payment.error_text("paid_on")
    )
    assert agreements.case_agreements(context, case_id).in_effect.payments == []

    payment.amount.setText("7600")
    payment.paid_on.setDate(qdate(today))
    type_chinese(payment.reference, "转账 20261127001")
    submit(qtbot, workspace, payment)
    assert closed(payment)
    assert agreements.case_agreements(context, case_id).in_effect.performance.state is PerformanceState.PERFORMED
    assert tab.payments.rowCount() == 1
    assert CaseAction.CLOSE in window.action_buttons


def test_a_payment_split_over_the_workers_shows_who_is_still_owed(qtbot, workspace, case_id, tmp_path) -> None:
    today = chinatime.today()
    context = workspace.context
    draft = agreements.save_draft(
        context, case_id, terms(context, case_id, today, [(today, "7600")], amount_each="3800")
    ).draft
    sign_everything(context, draft.id, case_id, chinatime.now())
    agreements.take_effect(context, draft.id)
    window = open_case(qtbot, workspace, case_id)
    tab = window.agreement_tab
    window.tabs.setCurrentWidget(tab)
    assert [tab.workers.item(row, 3).text() for row in range(2)] == ["¥3,800.00", "¥3,800.00"]

    qtbot.mouseClick(tab.buttons["split"], Qt.MouseButton.LeftButton)
    split = tab.dialog
    assert isinstance(split, SplitPaymentDialog)
    assert split.parts.rowCount() == 2
    split.set_amount(0, "3800.01")
    split.parts.item(0, split.REFERENCE).setText("转账001")
    split.set_amount(1, "1000")
    split.methods[1].select(PaymentMethod.CASH)  # cash, but no signed receipt yet
    submit(qtbot, workspace, split)
    assert split.error_text("parts").splitlines() == [
        "Row 1: 工人0 is still owed only ¥3,800.00.",
        "Row 2: Attach the receipt 工人1 signed, or for a transfer give its number.",
    ]
    assert agreements.case_agreements(context, case_id).in_effect.payments == []

    receipt = tmp_path / "签收单.jpg"
    receipt.write_bytes(b"\xff\xd8 signed")
    split.set_amount(0, "3800")
    split.receipts[1].set_path(receipt)
    submit(qtbot, workspace, split)
    assert closed(split)
    qtbot.waitUntil(lambda: tab.payments.rowCount() == 2)
    assert [tab.payments.item(row, 2).text() for row in range(2)] == ["工人0", "工人1"]
    assert [tab.workers.item(row, 3).text() for row in range(2)] == ["¥0.00", "¥2,800.00"]


def test_a_superseding_agreement_is_drafted_for_what_is_still_owed(qtbot, workspace, case_id) -> None:
    """¥2,000 of ¥7,600 was paid under the agreement in effect: a new agreement replacing it is drafted for the
    ¥5,600 still owed (what was paid stays counted under the old one), saying so, instalment by instalment."""
    today = chinatime.today()
    context = workspace.context
    schedule = [(today, "3000"), (today + timedelta(days=30), "4600")]
    agree(context, case_id, terms(context, case_id, today, schedule, amount_each="3800"), chinatime.now())
    payments.record_payment(context, case_id, today, "2000", PaymentMethod.CASH, "本人签收")
    _window, dialog = open_agreement_form(qtbot, workspace, case_id)
    assert "¥2,000.00 has been paid under the agreement in effect" in dialog.form.itemAt(0).widget().text()
    shares = [dialog.shares.item(row, dialog.SHARE_AMOUNT).text() for row in range(dialog.shares.rowCount())]
    assert sum(Decimal(amount) for amount in shares) == Decimal("5600")
    left = [dialog.instalments.item(row, 1).text() for row in range(dialog.instalments.rowCount())]
    assert left == ["1000", "4600"]
    submit(qtbot, workspace, dialog)
    assert closed(dialog)
    assert agreements.case_agreements(context, case_id).draft.total_fen == 5600_00
