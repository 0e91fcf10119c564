"""What a coordinator typed is not thrown away by Esc, Cancel or closing a window without being asked; and Enter on
a form nobody typed in saves nothing (a hostile tester found all three)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from shiboken6 import isValid

from heze_station.services import mediation
from heze_station.ui.views.agreement_dialogs import SplitPaymentDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.views.mediation_tab import SessionDialog
from tests.services.agreement_steps import session_form
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_mediation_agreement import (  # noqa: F401  (case_id: a fixture)
    _commit,
    _edit,
    agreement_in_effect,
    case_id,
    open_agreement_form,
    open_case,
)


def question(qtbot, parent) -> QMessageBox:
    qtbot.waitUntil(lambda: any(box.isVisible() for box in parent.findChildren(QMessageBox)))
    return next(box for box in parent.findChildren(QMessageBox) if box.isVisible())


def discard(qtbot, box: QMessageBox) -> None:
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(dialog) -> bool:
    return isValid(dialog) and dialog.isVisible()


def session_dialog(qtbot, workspace, case_id) -> SessionDialog:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    window.tabs.setCurrentWidget(window.mediation_tab)
    qtbot.mouseClick(window.mediation_tab.new_session, Qt.MouseButton.LeftButton)
    dialog = window.mediation_tab.dialog
    assert isinstance(dialog, SessionDialog)
    return dialog


def test_esc_on_a_form_with_typing_asks_and_keeps_it_until_discarded(qtbot, workspace, case_id) -> None:  # noqa: F811
    dialog = session_dialog(qtbot, workspace, case_id)
    type_chinese(dialog.recorder, "赵书记员")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question(qtbot, dialog)
    assert "not been saved" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc again: no, keep typing
    qtbot.waitUntil(lambda: not box.isVisible())
    assert shown(dialog)
    assert dialog.recorder.text() == "赵书记员"

    dialog.buttons.rejected.emit()  # Cancel
    discard(qtbot, question(qtbot, dialog))
    qtbot.waitUntil(lambda: not shown(dialog))


def test_typing_is_still_kept_after_the_screen_was_locked(qtbot, workspace, case_id) -> None:  # noqa: F811
    """A lock hides every window and shows them again: the form still knows what was typed in it."""
    dialog = session_dialog(qtbot, workspace, case_id)
    type_chinese(dialog.recorder, "赵书记员")
    dialog.hide()
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert "not been saved" in question(qtbot, dialog).text()


def test_esc_on_a_form_nobody_typed_in_closes_it_at_once(qtbot, workspace, case_id) -> None:  # noqa: F811
    dialog = session_dialog(qtbot, workspace, case_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not shown(dialog)
    assert not [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]


def test_a_minutes_entry_typed_and_not_added_survives_esc_on_the_case_file(qtbot, workspace, case_id) -> None:  # noqa: F811
    mediation.record_session(workspace.context, case_id, session_form())
    window = open_case(qtbot, workspace, case_id)
    tab = window.mediation_tab
    window.tabs.setCurrentWidget(window.documents_tab)
    tab.sessions_table.selectRow(0)
    type_chinese(tab.text, "被申请人同意于本月底前支付")

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    box = question(qtbot, window)
    assert window.tabs.currentWidget() is tab  # shown what would be lost
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert shown(window)
    assert tab.text.toPlainText() == "被申请人同意于本月底前支付"

    qtbot.mouseClick(tab.add_entry, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, workspace)
    assert tab.text.toPlainText() == ""
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # added: nothing is lost, nothing is asked
    qtbot.waitUntil(lambda: not shown(window))


def test_a_form_deleted_right_after_keep_typing_was_answered_does_not_crash(qtbot, workspace, case_id) -> None:  # noqa: F811
    """Its question, still waiting to delete itself, went with it, and the program crashed (a bus error)."""
    dialog = session_dialog(qtbot, workspace, case_id)
    type_chinese(dialog.recorder, "赵书记员")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question(qtbot, dialog)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # no: keep typing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # asked again, by the same question
    assert question(qtbot, dialog) is box
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not isValid(dialog))


def asks_on_esc_and_keeps(qtbot, dialog, still_there) -> None:
    """Esc asks before throwing away what was typed; No keeps the form open with it."""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question(qtbot, dialog)
    assert "not been saved" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert shown(dialog)
    assert still_there()


def test_amounts_typed_into_the_agreement_form_s_tables_are_not_lost_to_esc(qtbot, workspace, case_id) -> None:  # noqa: F811
    _window, dialog = open_agreement_form(qtbot, workspace, case_id)
    qtbot.waitUntil(dialog.isVisible)
    editor = _edit(qtbot, dialog.shares, 0, dialog.SHARE_AMOUNT)
    qtbot.keyClicks(editor, "3500")
    _commit(qtbot, dialog.shares, editor)
    asks_on_esc_and_keeps(qtbot, dialog, lambda: dialog.shares.item(0, dialog.SHARE_AMOUNT).text() == "3500")


def test_an_instalment_s_due_day_changed_in_the_agreement_form_is_not_lost_to_cancel(qtbot, workspace, case_id) -> None:  # noqa: F811
    _window, dialog = open_agreement_form(qtbot, workspace, case_id)
    qtbot.waitUntil(dialog.isVisible)
    due = dialog.instalments.cellWidget(0, 0)
    later = due.date().addDays(30)
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(due, later.toString("yyyy-MM-dd"))
    assert due.date() == later
    dialog.buttons.rejected.emit()  # Cancel
    box = question(qtbot, dialog)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert shown(dialog)
    assert dialog.instalments.cellWidget(0, 0).date() == later


def test_an_instalment_added_to_the_agreement_form_is_not_lost_to_esc(qtbot, workspace, case_id) -> None:  # noqa: F811
    _window, dialog = open_agreement_form(qtbot, workspace, case_id)
    qtbot.waitUntil(dialog.isVisible)
    add = next(button for button in dialog.findChildren(QPushButton) if button.text() == "Add &instalment")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    asks_on_esc_and_keeps(qtbot, dialog, lambda: dialog.instalments.rowCount() == 2)


def split_payment_dialog(qtbot, workspace, case_id) -> tuple[CaseDetailDialog, SplitPaymentDialog]:  # noqa: F811
    """按工人分别付款 on an agreement in effect (the window is returned with it: the form lives as long as it does)."""
    window = agreement_in_effect(qtbot, workspace, case_id)
    qtbot.mouseClick(window.agreement_tab.buttons["split"], Qt.MouseButton.LeftButton)
    split = window.agreement_tab.dialog
    assert isinstance(split, SplitPaymentDialog)
    qtbot.waitUntil(split.isVisible)
    return window, split


def test_what_each_worker_was_paid_is_not_lost_to_esc(qtbot, workspace, case_id) -> None:  # noqa: F811
    _window, split = split_payment_dialog(qtbot, workspace, case_id)
    editor = _edit(qtbot, split.parts, 1, split.AMOUNT)
    qtbot.keyClicks(editor, "1000")
    _commit(qtbot, split.parts, editor)
    asks_on_esc_and_keeps(qtbot, split, lambda: split.parts.item(1, split.AMOUNT).text() == "1000")

    split.buttons.rejected.emit()  # Cancel, and Discard: gone
    discard(qtbot, question(qtbot, split))
    qtbot.waitUntil(lambda: not shown(split))


def test_a_payment_method_chosen_for_a_worker_is_not_lost_to_esc(qtbot, workspace, case_id) -> None:  # noqa: F811
    _window, split = split_payment_dialog(qtbot, workspace, case_id)
    method = split.methods[0]
    method.setFocus()
    qtbot.keyClick(method, Qt.Key.Key_Down)
    asks_on_esc_and_keeps(qtbot, split, lambda: split.methods[0].currentIndex() == 1)


def test_a_receipt_chosen_for_a_worker_is_not_lost_to_esc(qtbot, workspace, case_id, tmp_path) -> None:  # noqa: F811
    _window, split = split_payment_dialog(qtbot, workspace, case_id)
    scan = tmp_path / "回执.png"
    scan.write_bytes(b"\x89PNG")
    split.receipts[0].set_path(scan)  # as the file dialog sets it
    asks_on_esc_and_keeps(qtbot, split, lambda: split.receipts[0].path == scan)
