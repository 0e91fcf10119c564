"""No silent slips on the 登记 page: a complaint is registered only on purpose, after its summary is confirmed, and a
worker still being paid under an earlier agreement is pointed out."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from heze_station.domain import chinatime
from heze_station.services import case_queries
from heze_station.ui.views.intake import CLAIMED, ID_NUMBER, NAME, PHONE, IntakeView
from heze_station.ui.workspace import Workspace
from tests.factories import credit_code, intake_form, resident_id
from tests.services.agreement_steps import agree, mediating, terms
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_intake import (
    back_to,
    case_count,
    confirmation,
    fill_complaint,
    fill_employer,
    fill_worker,
    show_intake,
    yes_button,
)


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> IntakeView:
    return show_intake(qtbot, workspace)


def fill_form(qtbot: QtBot, view: IntakeView) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007", claimed="3800")
    fill_worker(qtbot, view, 1, name="李四", id_number=resident_id(8), phone="13900000008", claimed="4200.50")
    fill_employer(qtbot, view)


def test_enter_in_a_one_line_field_does_not_register(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    fill_form(qtbot, view)

    for field in (view.employer_name, view.employer_credit.code):
        qtbot.keyClick(field, Qt.Key.Key_Return)

    wait_idle(qtbot, workspace)
    assert view.question is None
    assert view.status.text() == ""
    assert case_count(qtbot, workspace) == 0


def test_ctrl_enter_shows_the_summary_and_registers_once_confirmed(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    fill_form(qtbot, view)

    qtbot.keyClick(view.employer_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    box = confirmation(qtbot, view)
    assert box.windowTitle() == "Register the complaint"
    assert box.text() == (
        "Category: Unpaid wages\n"
        "Workers: 2 (张三、李四)\n"
        "Employer: 菏泽宏达建筑劳务有限公司1\n"
        "Amount claimed: ¥8,000.50\n\n"
        "Register this complaint as a new case?"
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter again is no slip either
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.question is None)
    assert view.status.text() == "Not registered. The form is kept as it is."
    assert case_count(qtbot, workspace) == 0
    back_to(qtbot, view)

    qtbot.keyClick(view.facts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = confirmation(qtbot, view)
    assert yes_button(box).text() == "&Register"
    with qtbot.waitSignal(view.registered, timeout=10_000) as registered:
        qtbot.mouseClick(yes_button(box), Qt.MouseButton.LeftButton)

    detail = case_queries.case_detail(workspace.context, registered.args[0])
    assert [claimant.name for claimant in detail.claimants] == ["张三", "李四"]
    assert detail.claimed_total_fen == 800_050
    assert view.facts.toPlainText() == ""  # cleared for the next complaint


def test_the_summary_names_the_first_five_workers(qtbot: QtBot, view: IntakeView) -> None:
    fill_complaint(qtbot, view)
    for row in range(6):
        fill_worker(qtbot, view, row, name=f"工人{row}", id_number=resident_id(row), phone=f"1390000000{row}")
    fill_employer(qtbot, view)

    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)

    assert "Workers: 6 (工人0、工人1、工人2、工人3、工人4、…)" in confirmation(qtbot, view).text()


def test_a_worker_still_being_paid_under_an_agreement_is_warned_of(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    today = chinatime.today()
    earlier = mediating(workspace.context, intake_form(employer_serial=5), None)
    schedule = [(today, "1800"), (today + timedelta(days=30), "2000")]
    agree(
        workspace.context,
        earlier,
        terms(workspace.context, earlier, today, schedule, amount_each="3800"),
        chinatime.now(),
    )
    number = case_queries.case_detail(workspace.context, earlier).number

    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="工人0", id_number=resident_id(0), phone="13900000000")
    fill_employer(qtbot, view)
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)

    box = confirmation(qtbot, view)
    assert box.windowTitle() == "Repeat complaint"
    assert box.icon() == QMessageBox.Icon.Warning
    assert (
        f"{number} (Agreement reached): Worker 工人0 already has this case, whose agreement is not yet fully performed."
        in box.text()
    )
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert case_count(qtbot, workspace) == 1


def test_a_message_clears_once_its_field_is_fixed_and_a_long_one_grows_its_row(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    view.resize(760, 768)  # narrow: the credit code's message takes two lines
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007")
    type_chinese(view.employer_name, "菏泽宏达建筑劳务有限公司")
    good = credit_code(1)
    qtbot.keyClicks(view.employer_credit.code, good[:-1] + ("1" if good[-1] != "1" else "2"))  # a long message
    view.facts.clear()

    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)

    facts_error, code_error = view.error_label("facts"), view.error_label("employer.credit_code")
    assert facts_error.isVisible()
    assert code_error.isVisible()
    line = code_error.fontMetrics().lineSpacing()
    assert code_error.height() >= 2 * line  # wrapped, and the row made room for both lines
    below = view.employer_credit.reason  # the row that asks for a reason to keep the code
    assert (
        code_error.mapTo(view.content, code_error.rect().bottomLeft()).y()
        < below.mapTo(view.content, below.rect().topLeft()).y()
    )

    type_chinese(view.facts, "2026年8月至10月在牡丹区工地务工，工资未结清。")
    assert not facts_error.isVisible()  # gone as soon as the field is fixed
    qtbot.keyClick(view.employer_credit.code, Qt.Key.Key_Backspace)
    assert not code_error.isVisible()
    assert case_count(qtbot, workspace) == 0


def test_a_worker_row_shows_what_is_kept_once_each_cell_is_typed(qtbot: QtBot, view: IntakeView) -> None:
    """Typed with a Chinese input method in full-width mode, a row showed the same text after it was read; only the
    total below told that the amount was understood."""
    number = resident_id(6)
    assert number.endswith("X")
    typed = {"name": "买买提•艾力", "id_number": number.lower(), "phone": "＋８６ １３９－００００－０００７"}
    fill_worker(qtbot, view, 0, **typed, claimed="¥１，０００．５元")
    cells = [view.workers.item(0, column).text() for column in (NAME, ID_NUMBER, PHONE, CLAIMED)]
    assert cells == ["买买提·艾力", number, "13900000007", "1000.50"]
