"""The 登记 page, driven as a coordinator would: typing into fields and table cells, clicking the buttons."""

import contextlib
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from heze_station.domain import chinatime
from heze_station.domain.cases import Employment
from heze_station.domain.text import FACTS_MAX
from heze_station.services.case_queries import CaseFilter, case_detail, count_cases, list_cases
from heze_station.ui.formatting import locale_number
from heze_station.ui.views.intake import CLAIMED, ID_NUMBER, IDENTITY, NAME, PHONE, REPRESENTATIVE, IntakeView
from heze_station.ui.workspace import Workspace
from tests.factories import credit_code, resident_id
from tests.full_disk import fill_up, free_up
from tests.ui.conftest import messages_answered, type_chinese, wait_idle

FACTS = "2026年8月至10月在牡丹区工地务工，工资未结清。"


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> IntakeView:
    return show_intake(qtbot, workspace)


def show_intake(qtbot: QtBot, workspace: Workspace) -> IntakeView:
    """The 登记 page shown and active, as a coordinator finds it."""
    page = IntakeView(workspace)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        type_chinese(widget, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Step down the list with the arrow key until the item shows, as with the keyboard."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def fill_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """F2 on the cell (unless its editor is already open), replace the text, Enter."""
    editor = QApplication.focusWidget()
    editing_here = (
        isinstance(editor, QLineEdit)
        and editor.parent() is table.viewport()
        and (table.currentRow(), table.currentColumn()) == (row, column)
    )
    if not editing_here:
        table.setCurrentCell(row, column)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the editor's text, then closes it, on the next turn of the event loop (the cell then
    # shows what is kept, which need not be what was typed).
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())


def tick_representative(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    table.setCurrentCell(row, REPRESENTATIVE)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(row, REPRESENTATIVE).checkState() == Qt.CheckState.Checked


def fill_worker(
    qtbot: QtBot,
    view: IntakeView,
    row: int,
    *,
    name: str = "张三",
    id_number: str = "",
    phone: str = "",
    claimed: str = "3800",
) -> None:
    if row >= view.workers.rowCount():
        qtbot.mouseClick(view.workers_table.add_button, Qt.MouseButton.LeftButton)
    fill_cell(qtbot, view.workers, row, NAME, name)
    fill_cell(qtbot, view.workers, row, ID_NUMBER, id_number or resident_id(row))
    if phone:
        fill_cell(qtbot, view.workers, row, PHONE, phone)
    fill_cell(qtbot, view.workers, row, CLAIMED, claimed)


def fill_complaint(qtbot: QtBot, view: IntakeView) -> None:
    choose(qtbot, view.channel, "Visit")
    choose(qtbot, view.category, "Unpaid wages")
    choose(qtbot, view.employment, "Not known yet")
    type_chinese(view.facts, FACTS)


def fill_employer(qtbot: QtBot, view: IntakeView, serial: int = 1) -> None:
    type_chinese(view.employer_name, f"菏泽宏达建筑劳务有限公司{serial}")
    qtbot.keyClicks(view.employer_credit.code, credit_code(serial))


def submit(qtbot: QtBot, view: IntakeView) -> None:
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)


def confirmation(qtbot: QtBot, view: IntakeView) -> QMessageBox:
    """The question the page asks before it registers, once it is open."""
    qtbot.waitUntil(lambda: view.question is not None and view.question.isVisible(), timeout=10_000)
    return view.question


def yes_button(box: QMessageBox) -> QWidget:
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole]
    return button


def register(qtbot: QtBot, view: IntakeView) -> object:
    """Submit a valid form, confirm its summary, and wait for the page to announce the new case; returns its id."""
    submit(qtbot, view)
    box = confirmation(qtbot, view)
    with qtbot.waitSignal(view.registered, timeout=10_000) as blocker:
        qtbot.mouseClick(yes_button(box), Qt.MouseButton.LeftButton)
    back_to(qtbot, view)
    return blocker.args[0]


def back_to(qtbot: QtBot, view: IntakeView) -> None:
    """The page active again once the question closed, as the window manager would leave it: its window active and
    the focus back inside it, where its Ctrl+Enter is heard."""
    view.activateWindow()
    qtbot.waitUntil(lambda: view.isActiveWindow() and _holds_focus(view))


def _holds_focus(view: IntakeView) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and view.isAncestorOf(focus)


def case_count(qtbot: QtBot, workspace: Workspace) -> int:
    wait_idle(qtbot, workspace)
    return count_cases(workspace.context, CaseFilter())


def shown_error(view: IntakeView, key: str) -> str:
    label = view.error_label(key)
    return label.text() if label.isVisible() else ""


def wrong_check_character(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def test_registers_one_worker_and_clears_the_form(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="+86 139 0000 0007", claimed="3,800")
    assert view.workers.item(0, IDENTITY).text() == "Male, born 1985-06-15"
    assert view.workers_table.summary.text() == "1 workers, total claimed ¥3,800.00"
    fill_employer(qtbot, view)

    case_id = register(qtbot, view)

    rows = list_cases(workspace.context, CaseFilter())
    assert [row.id for row in rows] == [case_id]
    assert rows[0].claimant_summary == "张三"
    assert rows[0].claimed_total_fen == 380_000
    detail = case_detail(workspace.context, case_id)
    assert detail.claimants[0].phone == "13900000007"
    assert detail.received_on == chinatime.today()
    assert detail.knew_on is None  # not given: unknown, never the day it was received
    assert rows[0].number in view.banner.text()
    assert view.banner.isVisible()
    # Cleared for the next complaint: one empty row, nothing chosen, nothing typed.
    assert view.channel.currentIndex() == 0
    assert view.category.currentIndex() == 0
    assert view.facts.toPlainText() == ""
    assert view.employer_name.text() == ""
    assert view.workers.rowCount() == 1
    assert view.workers.item(0, NAME).text() == ""


def test_the_limitation_section_asks_its_dates_and_an_ended_employment_needs_its_end(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    choose(qtbot, view.channel, "Visit")
    choose(qtbot, view.category, "Unpaid wages")
    type_chinese(view.facts, FACTS)
    fill_worker(qtbot, view, 0, id_number=resident_id(7), phone="13900000007")
    fill_employer(qtbot, view)
    assert view.knew_on.value() is None  # asked, not taken from the received date
    assert not view.employment_ended_on.isVisible()

    submit(qtbot, view)
    assert shown_error(view, "employment") == "Please choose one."
    assert case_count(qtbot, workspace) == 0

    choose(qtbot, view.employment, "Employment has ended")
    assert view.employment_ended_on.isVisible()
    view.employment_ended_on.setDate(QDate(2026, 9, 30))
    qtbot.mouseClick(view.knew_on.unknown, Qt.MouseButton.LeftButton)
    view.knew_on.edit.setDate(QDate(2026, 10, 8))
    case_id = register(qtbot, view)

    detail = case_detail(workspace.context, case_id)
    assert (detail.knew_on, detail.limitation.employment, detail.limitation.employment_ended_on) == (
        date(2026, 10, 8),
        Employment.ENDED,
        date(2026, 9, 30),
    )
    # Cleared for the next complaint: unknown again, nothing chosen.
    assert view.knew_on.value() is None
    assert view.employment.currentIndex() == 0


def test_wrong_id_check_digit_is_shown_at_its_cell_and_nothing_saved(
    qtbot: QtBot,
    view: IntakeView,
    workspace: Workspace,
) -> None:
    good = resident_id(3)
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, id_number=wrong_check_character(good), phone="13900000003")
    fill_employer(qtbot, view)
    # Shown as soon as the cell is left, before anything is submitted.
    message = f"Row 1, ID number: The last character should be {good[-1]}. Check every digit against the ID card."
    assert view.workers_table.messages.isVisible()
    assert view.workers_table.messages.text() == message

    submit(qtbot, view)

    assert case_count(qtbot, workspace) == 0
    id_cell = view.workers.item(0, ID_NUMBER)
    assert id_cell.toolTip().startswith(f"The last character should be {good[-1]}.")
    assert id_cell.background().color().red() > id_cell.background().color().blue()
    assert view.workers_table.messages.text() == message
    assert "Nothing was saved" in view.status.text()

    fill_cell(qtbot, view.workers, 0, ID_NUMBER, good)
    assert not view.workers_table.messages.isVisible()
    assert id_cell.toolTip() == "Male, born 1985-06-15"
    register(qtbot, view)
    assert case_count(qtbot, workspace) == 1


def test_missing_choices_and_facts_are_shown_beside_their_fields(
    qtbot: QtBot,
    view: IntakeView,
    workspace: Workspace,
) -> None:
    fill_worker(qtbot, view, 0, phone="13900000000")
    fill_employer(qtbot, view)

    submit(qtbot, view)

    assert shown_error(view, "channel") == "Please choose one."
    assert shown_error(view, "category") == "Please choose one."
    assert shown_error(view, "facts") == "This field is required."
    assert shown_error(view, "employer.name") == ""
    assert view.channel.hasFocus()
    assert case_count(qtbot, workspace) == 0

    choose(qtbot, view.channel, "Visit")
    assert shown_error(view, "channel") == ""
    assert shown_error(view, "category") == "Please choose one."


def test_bad_amounts_are_refused_with_messages(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    fill_complaint(qtbot, view)
    fill_employer(qtbot, view)
    for row, amount in enumerate(["-5", "abc", "200000000"]):
        fill_worker(qtbot, view, row, id_number=resident_id(row), phone=f"1390000000{row}", claimed=amount)

    lines = view.workers_table.messages.text().splitlines()
    assert lines == [
        "Row 1, Claimed (yuan): The amount cannot be negative.",
        "Row 2, Claimed (yuan): Enter the amount in figures, for example 3800 or 3,800.50.",
        "Row 3, Claimed (yuan): The amount cannot be more than ¥100,000,000.00.",
    ]
    submit(qtbot, view)
    assert view.workers_table.messages.text().splitlines() == lines
    assert case_count(qtbot, workspace) == 0
    # The total never quietly leaves an amount out.
    assert view.workers_table.summary.text() == (
        "3 workers, total claimed ¥0.00 (not counted: the amount of row 1, 2, 3, which needs correcting)"
    )

    for row in range(3):
        fill_cell(qtbot, view.workers, row, CLAIMED, "1200.50")
    assert view.workers_table.summary.text() == "3 workers, total claimed ¥3,601.50"
    register(qtbot, view)
    assert case_count(qtbot, workspace) == 1


def test_a_zero_claim_follows_the_category_as_the_service_does(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    """A work-injury complaint may start without a sum; changing it to unpaid wages marks the zero at once."""
    choose(qtbot, view.channel, "Visit")
    choose(qtbot, view.category, "Work injury")
    choose(qtbot, view.employment, "Not known yet")
    type_chinese(view.facts, FACTS)
    fill_employer(qtbot, view)
    fill_worker(qtbot, view, 0, id_number=resident_id(0), phone="13900000000", claimed="0")
    assert view.workers_table.messages.text() == ""
    assert view.workers_table.summary.text() == "1 workers, total claimed ¥0.00"

    qtbot.keyClick(view.category, Qt.Key.Key_Home)
    choose(qtbot, view.category, "Unpaid wages")
    assert view.workers_table.messages.text() == (
        "Row 1, Claimed (yuan): For a dispute about Unpaid wages the amount must be more than zero."
    )
    submit(qtbot, view)
    assert case_count(qtbot, workspace) == 0

    choose(qtbot, view.category, "Work injury")
    assert view.workers_table.messages.text() == ""
    register(qtbot, view)
    assert case_count(qtbot, workspace) == 1


def test_collective_case_needs_three_to_five_representatives(
    qtbot: QtBot,
    view: IntakeView,
    workspace: Workspace,
) -> None:
    fill_complaint(qtbot, view)
    fill_employer(qtbot, view)
    for row in range(12):
        phone = f"139000000{row:02d}" if row < 3 else ""
        fill_worker(qtbot, view, row, name=f"工人{row}", id_number=resident_id(row), phone=phone)
    tick_representative(qtbot, view.workers, 0)
    tick_representative(qtbot, view.workers, 1)
    assert view.workers_table.collective_note.isVisible()
    assert "(2 ticked)" in view.workers_table.collective_note.text()

    submit(qtbot, view)

    assert shown_error(view, "workers") == (
        "A collective case (10 or more workers) elects 3 to 5 representatives; 2 are marked."
    )
    assert case_count(qtbot, workspace) == 0

    tick_representative(qtbot, view.workers, 2)
    case_id = register(qtbot, view)
    detail = case_detail(workspace.context, case_id)
    assert detail.is_collective
    assert len(detail.claimants) == 12
    assert sum(claimant.representative for claimant in detail.claimants) == 3
    assert detail.claimed_total_fen == 12 * 380_000


def test_failing_credit_code_checksum_is_kept_only_with_a_reason(
    qtbot: QtBot,
    view: IntakeView,
    workspace: Workspace,
) -> None:
    good = credit_code(5)
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, phone="13900000000")
    type_chinese(view.employer_name, "菏泽早期试点建材厂")
    reason = view.employer_credit.reason
    assert not reason.isVisible()

    qtbot.keyClicks(view.employer_credit.code, wrong_check_character(good))

    # Checked as soon as all 18 characters are typed; the reason field appears.
    assert shown_error(view, "employer.credit_code").startswith(f"The last character should be {good[-1]}.")
    assert reason.isVisible()
    submit(qtbot, view)
    assert shown_error(view, "employer.credit_code").startswith(f"The last character should be {good[-1]}.")
    assert case_count(qtbot, workspace) == 0

    type_chinese(reason, "营业执照原件核对无误，早期试点代码")
    assert shown_error(view, "employer.credit_code") == ""
    case_id = register(qtbot, view)

    employer = case_detail(workspace.context, case_id).respondents[0]
    assert employer.credit_code == wrong_check_character(good)
    assert employer.credit_code_override_reason == "营业执照原件核对无误，早期试点代码"


def test_repeat_complaint_asks_before_registering(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    worker_id = resident_id(9)
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="李四", id_number=worker_id, phone="13900000009")
    fill_employer(qtbot, view, serial=1)
    register(qtbot, view)
    first_number = list_cases(workspace.context, CaseFilter())[0].number

    # The same worker complains again, about another employer.
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="李四", id_number=worker_id, phone="13900000009")
    fill_employer(qtbot, view, serial=2)
    submit(qtbot, view)
    box = confirmation(qtbot, view)
    assert box.windowTitle() == "Repeat complaint"
    assert f"{first_number} (Registered): Worker 李四 already has this open case." in box.text()

    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert case_count(qtbot, workspace) == 1
    assert view.facts.toPlainText() == FACTS  # nothing lost
    assert view.submit_button.isEnabled()

    submit(qtbot, view)
    box = confirmation(qtbot, view)
    register_anyway = yes_button(box)
    assert register_anyway.text() == "Register anyway"
    with qtbot.waitSignal(view.registered, timeout=10_000):
        qtbot.mouseClick(register_anyway, Qt.MouseButton.LeftButton)
    assert case_count(qtbot, workspace) == 2


def test_what_the_documents_cannot_print_is_refused_at_its_field(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    """Accepted here, an emoji would stop every document of the case from printing: the field refuses it."""
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="李雷😀", phone="13900000000")
    # Shown as soon as the cell is left, naming the row, the column and the character.
    assert view.workers_table.messages.text().startswith("Row 1, Name: The documents cannot print “😀”")
    type_chinese(view.employer_name, "菏泽宏达建筑劳务有限公司👍")
    qtbot.keyClicks(view.employer_credit.code, credit_code(1))

    submit(qtbot, view)

    assert shown_error(view, "employer.name").startswith("The documents cannot print “👍”")
    assert view.workers.item(0, NAME).toolTip().startswith("The documents cannot print “😀”")
    assert case_count(qtbot, workspace) == 0

    fill_cell(qtbot, view.workers, 0, NAME, "李雷")
    view.employer_name.clear()
    type_chinese(view.employer_name, "菏泽宏达建筑劳务有限公司")
    register(qtbot, view)
    assert case_count(qtbot, workspace) == 1


def test_oversized_facts_are_refused(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, phone="13900000000")
    fill_employer(qtbot, view)
    view.facts.setPlainText("欠" * (FACTS_MAX + 1))  # as a paste would
    assert view.facts_counter.text() == f"{locale_number(FACTS_MAX + 1)} / {locale_number(FACTS_MAX)} characters"
    assert view.facts_counter.property("error") is True

    submit(qtbot, view)

    assert shown_error(view, "facts") == "At most 5000 characters are allowed; this has 5001."
    assert view.facts.hasFocus()
    assert case_count(qtbot, workspace) == 0


def test_add_worker_shortcut_and_clear_form_asks_first(qtbot: QtBot, view: IntakeView) -> None:
    fill_cell(qtbot, view.workers, 0, NAME, "王五")
    qtbot.keyClick(view.workers, Qt.Key.Key_Insert)
    assert view.workers.rowCount() == 2
    assert (view.workers.currentRow(), view.workers.currentColumn()) == (1, NAME)
    editor = QApplication.focusWidget()  # the new row's name cell is open for typing
    assert isinstance(editor, QLineEdit)
    assert editor.parent() is view.workers.viewport()
    qtbot.keyClick(editor, Qt.Key.Key_Insert)  # also from inside the cell editor
    assert view.workers.rowCount() == 3
    fill_cell(qtbot, view.workers, 2, NAME, "赵六")
    view.workers.setCurrentCell(1, PHONE)
    qtbot.mouseClick(view.workers_table.remove_button, Qt.MouseButton.LeftButton)
    assert [view.workers.item(row, NAME).text() for row in range(view.workers.rowCount())] == ["王五", "赵六"]

    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.question is not None and view.question.isVisible())
    qtbot.keyClick(view.question, Qt.Key.Key_Escape)
    assert view.workers.rowCount() == 2  # Esc keeps everything

    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.question is not None and view.question.isVisible())
    (clear,) = [b for b in view.question.buttons() if view.question.buttonRole(b) == QMessageBox.ButtonRole.YesRole]
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert view.workers.rowCount() == 1
    assert view.workers.item(0, NAME).text() == ""


def test_a_full_disk_is_named_as_such_and_what_was_typed_stays_for_the_next_try(
    qtbot: QtBot, view: IntakeView, workspace: Workspace, monkeypatch
) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007", claimed="3800")
    fill_employer(qtbot, view)
    opened = workspace.context.database.transaction

    @contextlib.contextmanager
    def on_a_full_disk():
        with opened() as session:
            fill_up(session.connection())
            yield session

    monkeypatch.setattr(workspace.context.database, "transaction", on_a_full_disk)
    submit(qtbot, view)
    box = confirmation(qtbot, view)
    with messages_answered(qtbot) as messages:
        qtbot.mouseClick(yes_button(box), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(messages) == 1)
    assert "disk that holds the station's data is full" in messages[0]
    assert "What you typed is still here" in messages[0]
    monkeypatch.undo()
    assert case_count(qtbot, workspace) == 0
    assert view.workers.item(0, NAME).text() == "张三"
    assert view.facts.toPlainText() == FACTS

    free_up(workspace.context.database)
    register(qtbot, view)
    assert case_count(qtbot, workspace) == 1
