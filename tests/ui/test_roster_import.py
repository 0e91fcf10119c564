"""Importing a collective case's roster on the 登记 page, up to registering the case (scenario 1).

The file dialog is the one part bypassed: QFileDialog.getOpenFileName answers with the test's file.
"""

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot

from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions
from heze_station.services.case_queries import case_detail
from heze_station.services.roster import read_roster
from heze_station.ui.views.agreement_dialogs import AgreementDialog
from heze_station.ui.views.intake import ACCOUNT_NUMBER, BANK, IDENTITY, NAME, REPRESENTATIVE, IntakeView
from heze_station.ui.views.intake.roster import RosterReportDialog
from heze_station.ui.workspace import Workspace
from tests.factories import resident_id
from tests.rosters import BANK as BANK_NAME
from tests.rosters import (
    REPRESENTATIVE_MARKS,
    bank_account,
    claimed_yuan,
    roster_rows,
    total_row,
    with_bank_columns,
    worker_name,
    write_xlsx,
)
from tests.ui.conftest import shown_rows, wait_idle
from tests.ui.test_chinese_screens import ENGLISH_WORD, KEY_NAMES, _texts
from tests.ui.test_intake import case_count, fill_cell, fill_complaint, fill_employer, register, show_intake


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> IntakeView:
    return show_intake(qtbot, workspace)


def open_report(qtbot: QtBot, view: IntakeView, path: Path) -> RosterReportDialog:
    view.roster.import_file(path)
    qtbot.waitUntil(lambda: view.roster.report is not None and view.roster.report.isVisible(), timeout=10_000)
    return view.roster.report


def table_names(view: IntakeView) -> list[str]:
    return [view.workers.item(row, NAME).text() for row in range(view.workers.rowCount())]


def answer(qtbot: QtBot, view: IntakeView, text: str) -> None:
    qtbot.waitUntil(lambda: view.roster.question is not None and view.roster.question.isVisible())
    (button,) = [button for button in view.roster.question.buttons() if button.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def broken_roster(path: Path) -> Path:
    rows = roster_rows(12)
    good = resident_id(4)
    rows[2 + 4][2] = good[:-1] + ("1" if good[-1] != "1" else "2")  # row 7: mistyped check character
    rows[2 + 6][2] = resident_id(1)  # row 9 repeats row 4
    rows[2 + 7][4] = None  # row 10: no amount
    rows[2 + 8][2] = float(resident_id(8))  # row 11: Excel turned the ID number into a number
    return write_xlsx(path, rows)


def test_roster_of_23_workers_is_imported_by_keyboard_and_registered_as_a_collective_case(
    qtbot: QtBot, view: IntakeView, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = write_xlsx(tmp_path / "花名册.xlsx", roster_rows())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(roster), ""))
    fill_complaint(qtbot, view)

    qtbot.keyClick(view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # 从花名册导入(&O)…
    qtbot.waitUntil(lambda: view.roster.report is not None and view.roster.report.isVisible(), timeout=10_000)
    report = view.roster.report
    total = sum(claimed_yuan(serial) for serial in range(23))
    assert report.summary.text() == f"All 23 workers are correct: 3 representatives, total claimed ¥{total:,}.00."
    assert report.import_button.text() == "&Import 23 workers"
    assert not report.problems.isVisibleTo(report)
    qtbot.keyClick(report, Qt.Key.Key_Return)  # the import button is the default

    qtbot.waitUntil(lambda: view.roster.report is None)
    assert table_names(view) == [worker_name(serial) for serial in range(23)]
    ticked = [row for row in range(23) if view.workers.item(row, REPRESENTATIVE).checkState() == Qt.CheckState.Checked]
    assert ticked == sorted(REPRESENTATIVE_MARKS)
    assert view.workers.item(0, IDENTITY).text() == "Male, born 1985-06-15"  # each cell checked as if typed
    assert not view.workers_table.messages.isVisible()
    assert view.workers_table.summary.text() == f"23 workers, total claimed ¥{total:,}.00"
    assert "(3 ticked)" in view.workers_table.collective_note.text()
    assert view.status.text().startswith("23 workers were taken from the roster.")
    assert case_count(qtbot, workspace) == 0  # the import itself saves nothing

    fill_employer(qtbot, view)
    case_id = register(qtbot, view)

    detail = case_detail(workspace.context, case_id)
    assert detail.is_collective
    assert [claimant.name for claimant in detail.claimants] == [worker_name(serial) for serial in range(23)]
    assert [claimant.name for claimant in detail.claimants if claimant.representative] == [
        worker_name(serial) for serial in sorted(REPRESENTATIVE_MARKS)
    ]
    assert detail.claimed_total_fen == total * 100


def test_roster_with_problems_lists_every_row_and_imports_nothing(
    qtbot: QtBot, view: IntakeView, workspace: Workspace, tmp_path: Path
) -> None:
    fill_cell(qtbot, view.workers, 0, NAME, "Zhang")

    report = open_report(qtbot, view, broken_roster(tmp_path / "roster.xlsx"))

    assert report.import_button is None
    assert [button.text() for button in report.buttons.buttons()] == ["Close"]
    assert report.summary.text() == "5 of 12 rows have problems."
    rows = shown_rows(report.problems.model())
    assert [row[:2] for row in rows] == [
        ["4", worker_name(1)],
        ["7", worker_name(4)],
        ["9", worker_name(6)],
        ["10", worker_name(7)],
        ["11", worker_name(8)],
    ]
    problems = {row[0]: row[2] for row in rows}
    good = resident_id(4)
    assert problems["7"] == (
        f"ID number: The last character should be {good[-1]}. Check every digit against the ID card."
    )
    assert problems["9"] == "ID number: The same ID number is already in row 4."
    assert problems["4"] == "ID number: The same ID number is also in row 9."
    assert problems["10"] == "Amount: Enter the amount."
    assert problems["11"].startswith("ID number: Excel stored this ID number as a number")
    assert "Correct these rows in the spreadsheet" in report.advice.text()

    qtbot.mouseClick(report.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.roster.report is None)
    assert table_names(view) == ["Zhang"]  # the form is as it was
    assert view.submit_button.isEnabled()
    assert case_count(qtbot, workspace) == 0


def test_table_with_workers_asks_whether_to_replace_or_add_below(
    qtbot: QtBot, view: IntakeView, tmp_path: Path
) -> None:
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows(12))
    fill_cell(qtbot, view.workers, 0, NAME, "Zhang")

    qtbot.keyClick(open_report(qtbot, view, roster), Qt.Key.Key_Return)
    answer(qtbot, view, "Cancel")
    assert table_names(view) == ["Zhang"]

    qtbot.keyClick(open_report(qtbot, view, roster), Qt.Key.Key_Return)
    assert view.roster.question.text() == (
        "The table already lists 1 workers. Replace them with the 12 workers of the roster, "
        "or add the roster below them?"
    )
    answer(qtbot, view, "Add below")
    assert table_names(view) == ["Zhang", *(worker_name(serial) for serial in range(12))]

    qtbot.keyClick(open_report(qtbot, view, roster), Qt.Key.Key_Return)
    answer(qtbot, view, "Replace")
    assert table_names(view) == [worker_name(serial) for serial in range(12)]


def test_a_word_file_renamed_xlsx_gets_one_message(qtbot: QtBot, view: IntakeView, tmp_path: Path) -> None:
    document = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')

    report = open_report(qtbot, view, document)

    assert report.summary.text().startswith("This file is not an Excel workbook that can be read")
    assert not report.problems.isVisibleTo(report)
    assert [button.text() for button in report.buttons.buttons()] == ["Close"]
    qtbot.keyClick(report, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.roster.report is None)
    assert view.content.isEnabled()


def test_template_is_saved_where_asked_and_reads_back(
    qtbot: QtBot, view: IntakeView, workspace: Workspace, tmp_path: Path
) -> None:
    template = tmp_path / "花名册模板.xlsx"

    view.roster.save_template(template)

    wait_idle(qtbot, workspace)
    assert view.status.text() == f"Roster template saved as {template}. Fill in one worker per row, then import it."
    assert [row.row for row in read_roster(template).problem_rows] == [2]  # the example row, until it is replaced


def test_report_reads_in_chinese(chinese: None, qtbot: QtBot, view: IntakeView, tmp_path: Path) -> None:
    report = open_report(qtbot, view, broken_roster(tmp_path / "花名册.xlsx"))

    assert report.windowTitle() == "花名册检查"
    assert report.summary.text() == "12 行中有 5 行有问题。"
    allowed = KEY_NAMES | {"xlsx", "Excel", "WPS"}
    texts = _texts(report)
    english = {word for text in texts for word in ENGLISH_WORD.findall(text) if word not in allowed}
    assert not english, f"English on the roster report: {sorted(english)}"
    report.reject()


def test_template_that_cannot_be_saved_says_why(qtbot: QtBot, view: IntakeView, workspace: Workspace, tmp_path: Path):
    view.roster.save_template(tmp_path / "no such folder" / "花名册模板.xlsx")

    wait_idle(qtbot, workspace)
    assert view.status.text() == "The template could not be saved: No such file or directory"
    assert view.status.property("error") is True


def shown_cell(table: QTableWidget, row: int, column: int) -> str:
    """A cell's text as its column draws it (personal data masked unless revealed)."""
    return table.itemDelegateForColumn(column).displayText(table.item(row, column).text(), QLocale())


def test_a_total_in_the_serial_number_column_is_skipped_and_the_workers_imported(
    qtbot: QtBot, view: IntakeView, tmp_path: Path
) -> None:
    roster = write_xlsx(tmp_path / "花名册.xlsx", [*roster_rows(12), total_row(12, label_column=0)])

    report = open_report(qtbot, view, roster)

    assert report.import_button is not None
    assert report.note.text() == "Row 15 holds a total and was not read as a worker."
    qtbot.keyClick(report, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.roster.report is None)
    assert table_names(view) == [worker_name(serial) for serial in range(12)]


def test_the_rosters_bank_columns_prefill_the_agreements_shares(
    qtbot: QtBot, view: IntakeView, workspace: Workspace, tmp_path: Path
) -> None:
    roster = write_xlsx(tmp_path / "花名册.xlsx", with_bank_columns(roster_rows(12)))
    fill_complaint(qtbot, view)
    qtbot.keyClick(open_report(qtbot, view, roster), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.roster.report is None)

    table = view.workers
    assert [table.item(row, BANK).text() for row in range(12)] == [BANK_NAME] * 12
    assert shown_cell(table, 0, ACCOUNT_NUMBER) == "*" * 15 + bank_account(0)[-4:]  # masked until revealed
    fill_employer(qtbot, view)
    case_id = register(qtbot, view)
    case_actions.perform(workspace.context, case_id, CaseAction.ACCEPT)
    case_actions.perform(workspace.context, case_id, CaseAction.START_MEDIATION)

    dialog = AgreementDialog(workspace, case_detail(workspace.context, case_id))
    qtbot.addWidget(dialog)

    shares = dialog.shares
    assert [shares.item(row, dialog.SHARE_BANK).text() for row in range(12)] == [BANK_NAME] * 12
    assert [shares.item(row, dialog.SHARE_ACCOUNT).text() for row in range(12)] == [
        bank_account(serial) for serial in range(12)
    ]
    assert shown_cell(shares, 3, dialog.SHARE_ACCOUNT) == "*" * 15 + bank_account(3)[-4:]
