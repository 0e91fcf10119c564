"""A coordinator who works from the keyboard: a form opens on its first field, Tab goes through the fields before the
buttons, and Tab leaves a table (a hostile tester found forms opening on OK, and Tab going round a table forever);
and instalments added one after another fall due one after another."""

import itertools
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from heze_station.domain.agreements import PaymentMethod
from heze_station.ui.views.agreement_dialogs import AgreementDialog
from heze_station.ui.views.mediation_tab import SessionDialog
from tests.ui.test_mediation_agreement import case_id, open_case  # noqa: F401  (a fixture)


def focused():
    return QApplication.focusWidget()


def tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def opened(qtbot, window, tab_page, button):
    window.tabs.setCurrentWidget(tab_page)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab_page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_form_opens_on_its_first_field_and_reaches_its_buttons_after_the_last(qtbot, workspace, case_id) -> None:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    dialog = opened(qtbot, window, window.mediation_tab, window.mediation_tab.new_session)
    assert isinstance(dialog, SessionDialog)
    assert dialog.held_at.isAncestorOf(focused())

    dialog.recusal_note.setFocus()  # the last field
    tab(qtbot)
    assert focused() in dialog.buttons.buttons()


def test_tab_goes_through_an_agreements_table_and_out_of_it(qtbot, workspace, case_id) -> None:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    dialog = opened(qtbot, window, window.agreement_tab, window.agreement_tab.buttons["draft"])
    assert isinstance(dialog, AgreementDialog)
    shares = dialog.shares
    shares.setFocus()
    shares.setCurrentCell(0, 0)
    cells = shares.rowCount() * shares.columnCount()
    tab(qtbot, cells - 1)
    assert focused() is shares
    assert (shares.currentRow(), shares.currentColumn()) == (shares.rowCount() - 1, shares.columnCount() - 1)
    tab(qtbot)
    assert focused() is dialog.show_accounts


def test_tab_from_the_last_cell_being_typed_in_keeps_it_and_leaves_the_table(qtbot, workspace, case_id) -> None:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    dialog = opened(qtbot, window, window.agreement_tab, window.agreement_tab.buttons["draft"])
    shares = dialog.shares
    shares.setFocus()
    shares.setCurrentCell(shares.rowCount() - 1, dialog.SHARE_ACCOUNT)
    qtbot.keyClick(shares, Qt.Key.Key_F2)
    editor = focused()
    assert shares.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "6228480012345678999")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is dialog.show_accounts)
    assert shares.item(shares.rowCount() - 1, dialog.SHARE_ACCOUNT).text() == "6228480012345678999"


def test_tab_leaves_the_amounts_when_paid_in_cash(qtbot, workspace, case_id) -> None:  # noqa: F811
    """In cash the bank's columns are hidden: the last cell shown is the last amount."""
    window = open_case(qtbot, workspace, case_id)
    dialog = opened(qtbot, window, window.agreement_tab, window.agreement_tab.buttons["draft"])
    dialog.method.select(PaymentMethod.CASH)
    shares = dialog.shares
    shares.setFocus()
    shares.setCurrentCell(shares.rowCount() - 1, dialog.SHARE_AMOUNT)
    tab(qtbot)
    assert focused() is not shares


def test_each_instalment_added_falls_due_after_the_one_before(qtbot, workspace, case_id) -> None:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    dialog = opened(qtbot, window, window.agreement_tab, window.agreement_tab.buttons["draft"])
    (add,) = [button for button in dialog.findChildren(QPushButton) if button.text() == "Add &instalment"]
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    table = dialog.instalments
    due = [table.cellWidget(row, 0).date().toPython() for row in range(table.rowCount())]
    assert [later - earlier for earlier, later in itertools.pairwise(due)] == [timedelta(days=30)] * (len(due) - 1)
    assert len(due) == 3


def test_tab_leaves_a_read_only_table_of_the_case_file(qtbot, workspace, case_id) -> None:  # noqa: F811
    window = open_case(qtbot, workspace, case_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.mediation_tab.sessions_table
    window.tabs.setCurrentWidget(window.mediation_tab)
    table.setFocus()
    tab(qtbot)
    assert focused() is not table
