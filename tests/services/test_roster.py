"""Reading a collective case's roster from real .xlsx and .csv files, as Excel, WPS and site clerks write them."""

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from heze_station.domain import chinatime
from heze_station.domain.cases import Category, IntakeChannel
from heze_station.services import intake
from heze_station.services.case_queries import case_detail
from heze_station.services.intake import EmployerEntry, IntakeForm, WorkerEntry
from heze_station.services.roster import (
    MAX_FILE_BYTES,
    TEMPLATE_HEADINGS,
    Column,
    RosterReport,
    RosterUnreadable,
    read_roster,
    write_template,
)
from heze_station.services.station import StationContext
from tests.factories import credit_code, mobile, resident_id
from tests.rosters import (
    BANK,
    HEADINGS,
    REPRESENTATIVE_MARKS,
    TITLE,
    bank_account,
    claimed_yuan,
    expected_entries,
    roster_rows,
    total_row,
    with_bank_columns,
    worker_name,
    write_csv,
    write_xlsx,
)


def problems_by_row(report: RosterReport) -> dict[int, list[str]]:
    return {row.row: [problem.message.render() for problem in row.problems] for row in report.problem_rows}


def unreadable_message(path: Path) -> str:
    with pytest.raises(RosterUnreadable) as raised:
        read_roster(path)
    return raised.value.message.render()


def test_clean_roster_of_23_workers_is_usable_and_registers_a_collective_case(
    tmp_path: Path, station: StationContext
) -> None:
    report = read_roster(write_xlsx(tmp_path / "花名册.xlsx", roster_rows()))

    assert report.usable
    assert [row.row for row in report.rows] == list(range(3, 26))  # the row numbers Excel shows
    assert report.entries() == expected_entries()
    assert report.representatives == 3
    assert report.claimed_total_fen == sum(claimed_yuan(serial) for serial in range(23)) * 100

    # The import saves nothing itself: the entries go through the intake form's own checks and save.
    form = IntakeForm(
        channel=IntakeChannel.ON_SITE,
        category=Category.WAGES,
        received_on=chinatime.today(),
        facts="2026年在安居小区三期项目务工，劳务分包单位拖欠23名农民工工资。",
        workers=report.entries(),
        employer=EmployerEntry(name="菏泽宏达建筑劳务有限公司", credit_code=credit_code(1)),
    )
    case = intake.save(station, intake.validate(form, chinatime.today()))
    detail = case_detail(station, case.case_id)
    assert detail.is_collective
    assert len(detail.claimants) == 23
    assert sorted(claimant.name for claimant in detail.claimants if claimant.representative) == sorted(
        worker_name(serial) for serial in REPRESENTATIVE_MARKS
    )
    assert detail.claimed_total_fen == report.claimed_total_fen


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_from_excel_or_wps_reads_like_the_workbook(tmp_path: Path, encoding: str) -> None:
    report = read_roster(write_csv(tmp_path / "花名册.csv", roster_rows(), encoding))

    assert report.usable
    assert report.entries() == expected_entries()
    assert report.rows[0].row == 3


def test_unicode_text_from_excel_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated, saved as .txt."""
    text = "\r\n".join("\t".join(str(cell) for cell in row) for row in roster_rows(12))
    path = tmp_path / "花名册.txt"
    path.write_bytes(text.encode("utf-16"))

    assert read_roster(path).entries() == expected_entries(12)


def test_wrong_check_character_is_reported_with_the_domain_message_and_row(tmp_path: Path) -> None:
    rows = roster_rows(12)
    good = resident_id(4)
    wrong = good[:-1] + ("1" if good[-1] != "1" else "2")
    rows[2 + 4][2] = wrong  # worker 4 sits in spreadsheet row 7

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert not report.usable
    assert problems_by_row(report) == {
        7: [f"The last character should be {good[-1]}. Check every digit against the ID card."]
    }
    assert report.problem_rows[0].problems[0].column is Column.ID_NUMBER
    assert report.problem_rows[0].entry.name == worker_name(4)


def test_a_zero_claim_follows_the_category_as_the_intake_form_does(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[2 + 4][4] = 0  # worker 4 in spreadsheet row 7 claims nothing
    path = write_xlsx(tmp_path / "roster.xlsx", rows)

    assert problems_by_row(read_roster(path, Category.WAGES)) == {
        7: ["For a dispute about Unpaid wages the amount must be more than zero."]
    }
    # A termination dispute may start without a sum; before a category is chosen the form judges it later.
    for category in (Category.TERMINATION, None):
        report = read_roster(path, category)
        assert report.usable
        assert report.claimed_total_fen == sum(claimed_yuan(serial) for serial in range(12) if serial != 4) * 100


def test_duplicate_id_numbers_name_each_other(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[2 + 5][2] = resident_id(1)  # row 8 repeats row 4
    rows[2 + 9][2] = resident_id(1)  # and so does row 12

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert problems_by_row(report) == {
        4: ["The same ID number is also in row 8、12."],
        8: ["The same ID number is already in row 4."],
        12: ["The same ID number is already in row 4."],
    }


def test_missing_and_wrong_amounts_names_and_phones_are_listed_per_row(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[3][4] = None  # row 4: no amount
    rows[4][4] = "三千八"  # row 5: amount in words
    rows[5][4] = -200  # row 6
    rows[6][1] = "  "  # row 7: no name
    rows[7][3] = "1390000"  # row 8: phone too short
    rows[2][3] = None  # row 3 is a representative without a phone

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert problems_by_row(report) == {
        3: ["Enter the mobile number."],
        4: ["Enter the amount."],
        5: ["Enter the amount in figures, for example 3800 or 3,800.50."],
        6: ["The amount cannot be negative."],
        7: ["This field is required."],
        8: ["A mobile number has 11 digits, this has 7."],
    }
    columns = {row.row: [problem.column for problem in row.problems] for row in report.problem_rows}
    assert columns[3] == [Column.PHONE]
    assert columns[7] == [Column.NAME]
    readable = [serial for serial in range(12) if serial not in (1, 2, 3)]  # rows 4 to 6 have no usable amount
    assert report.claimed_total_fen == sum(claimed_yuan(serial) for serial in readable) * 100


def test_a_name_the_documents_cannot_print_is_refused_in_its_row(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[2 + 4][1] = "王强👍"  # worker 4 sits in spreadsheet row 7

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert not report.usable
    [row] = report.problem_rows
    assert (row.row, [problem.column for problem in row.problems]) == (7, [Column.NAME])
    assert row.problems[0].message.render().startswith("The documents cannot print “👍”")


def test_id_numbers_stored_as_numbers_are_refused_as_having_lost_digits(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[2 + 3][2] = float(resident_id(3))  # what Excel keeps when the column is formatted as a number
    workbook = write_xlsx(tmp_path / "roster.xlsx", rows)
    csv_rows = roster_rows(12)
    csv_rows[2 + 3][2] = "3.71702E+17"  # what Excel writes into a CSV for the same cell
    csv_file = write_csv(tmp_path / "roster.csv", csv_rows, "gbk")

    for path in (workbook, csv_file):
        (message,) = problems_by_row(read_roster(path))[6]
        assert message.startswith("Excel stored this ID number as a number (3.")
        assert "kept only 15 digits, so the last digits are lost" in message
        assert "Format the column as text and type the number again" in message


def test_full_width_characters_stray_spaces_blank_rows_and_total_row_are_tolerated(tmp_path: Path) -> None:
    full_width = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
    rows = [
        [TITLE],
        [],
        [" 序号 ", "姓  名", "公民身份号码", "联系电话", "请求金额（元）", "代表"],
        [1, "张　三", f" {resident_id(0).translate(full_width)} ", "139 0000 0000", "３，８００．５０元", "是"],
        [],
        [2, " 李四 ", resident_id(1), mobile(1), "¥4,000", None],
        [None, None, None, None, None, None],
        [3, "阿卜杜拉·买买提", resident_id(2), int(mobile(2)), 4200, "否"],
        ["", "合  计", "", "", 12000.5, ""],
    ]

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert report.usable
    assert [row.row for row in report.rows] == [4, 6, 8]
    assert [row.entry.name for row in report.rows] == ["张三", "李四", "阿卜杜拉·买买提"]
    assert [row.entry.id_number for row in report.rows] == [resident_id(0), resident_id(1), resident_id(2)]
    assert report.rows[0].entry.phone == "13900000000"
    assert report.total_rows == (9,)
    assert report.claimed_total_fen == 1_200_050


def test_english_headings_and_other_columns_are_understood(tmp_path: Path) -> None:
    rows = [
        ["No.", "Name", "ID number", "Remarks", "Mobile", "Amount", "Representative"],
        [1, "Zhang San", resident_id(0), "木工", mobile(0), "3800", "yes"],
    ]

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert report.entries() == [WorkerEntry("Zhang San", resident_id(0), mobile(0), "3800", True)]


def test_ethnicity_addresses_and_post_are_read_for_the_documents(tmp_path: Path) -> None:
    rows = [
        ["姓名", "身份证号", "手机号", "金额（元）", "民族", "家庭住址", "工种／岗位", "送达地址"],
        ["张三", resident_id(0), mobile(0), "3800", "回族", "曹县青菏街道12号", "钢筋工", "牡丹区长城路8号工棚"],
        ["李四", resident_id(1), mobile(1), "3900", "", "", "", ""],
    ]

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert report.usable
    first, second = report.entries()
    assert (first.ethnicity, first.address, first.post, first.service_address) == (
        "回族",
        "曹县青菏街道12号",
        "钢筋工",
        "牡丹区长城路8号工棚",
    )
    assert second == WorkerEntry("李四", resident_id(1), mobile(1), "3900")


def test_an_overlong_address_is_a_problem_of_its_row(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号", "手机号", "金额", "住址"], ["张三", resident_id(0), mobile(0), "3800", "路" * 201]]

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert [problem.column for problem in report.problem_rows[0].problems] == [Column.ADDRESS]


def test_phones_are_required_as_the_intake_form_requires_them(tmp_path: Path) -> None:
    small = [HEADINGS, *([n + 1, worker_name(n), resident_id(n), None, 3800, ""] for n in range(3))]
    collective = roster_rows(12)
    for row in collective[2 + 3 :]:
        row[3] = None  # only the three representatives give a phone

    # Fewer than 10 workers are not a collective case: each of them must be reachable.
    assert problems_by_row(read_roster(write_xlsx(tmp_path / "small.xlsx", small))) == {
        row: ["Enter the mobile number."] for row in (2, 3, 4)
    }
    assert read_roster(write_xlsx(tmp_path / "collective.xlsx", collective)).usable


def test_unclear_representative_mark_is_a_problem(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[2 + 6][5] = "待定"

    (message,) = problems_by_row(read_roster(write_xlsx(tmp_path / "roster.xlsx", rows)))[9]

    assert message == 'Mark a representative with 是 (or √, Y) and leave the others empty; "待定" is not clear.'


def test_amounts_and_phones_merged_over_several_workers_are_refused_in_each_row(tmp_path: Path) -> None:
    rows = roster_rows(12)
    rows[3][4] = 9500  # workers 1 and 2 (rows 4 and 5) share one merged ¥9,500 cell: each's or both together?
    rows[5][3] = mobile(3)  # workers 3 to 5 (rows 6 to 8) are given one phone, some team leader's

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows, merged=("E4:E5", "D6:D8")))

    phone = "This cell is merged with row 6–8: unmerge it and enter each worker's own Mobile phone."
    assert problems_by_row(report) == {
        4: ["This cell is merged with row 5: unmerge it and enter each worker's own Amount."],
        5: ["This cell is merged with row 4: unmerge it and enter each worker's own Amount."],
        6: [phone],
        7: [phone],
        8: [phone],
    }
    assert report.claimed_total_fen == sum(claimed_yuan(serial) for serial in range(12) if serial not in (1, 2)) * 100


def test_a_post_bank_or_representative_mark_merged_over_a_team_is_taken_for_each_worker(tmp_path: Path) -> None:
    title, headings, *workers = roster_rows(12)
    rows = [title, [*headings, "工种", "开户行"], *([*row, None, None] for row in workers)]
    rows[2][6:] = ["钢筋工", BANK]  # rows 3 to 7 are the steel fixers, 8 to 14 the carpenters, all paid at one bank
    rows[7][6] = "木工"
    rows[5][5] = "否"  # none of rows 6 to 14 is a representative
    rows += [[None] * 8] * 5  # the bank is merged down five empty rows the template had for more workers

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows, merged=("G3:G7", "G8:G14", "H3:H19", "F6:F14")))

    assert report.usable
    assert [row.row for row in report.rows] == list(range(3, 15))
    assert [entry.post for entry in report.entries()] == ["钢筋工"] * 5 + ["木工"] * 7
    assert {entry.bank for entry in report.entries()} == {BANK}
    assert report.representatives == 3


# WPS heads columns over two rows: 欠薪金额 | 欠薪月份 under a merged 欠薪情况, other headings merged down both.
WPS_HEADINGS = [
    ["序号", "姓名", "身份证号码", "联系方式", "欠薪情况", None],
    [None, None, None, None, "欠薪金额", "欠薪月份"],
]
# The same with only 姓名 named in the upper row, 身份证号码 and 联系方式 under a merged 身份信息.
GROUPED_HEADINGS = [
    ["序号", "姓名", "身份信息", None, "欠薪情况", None],
    [None, None, "身份证号码", "联系方式", "欠薪金额", "欠薪月份"],
]


@pytest.mark.parametrize(
    ("headings", "merged"),
    [
        (WPS_HEADINGS, ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1")),
        (GROUPED_HEADINGS, ("A1:A2", "B1:B2", "C1:D1", "E1:F1")),
    ],
    ids=["欠薪情况", "身份信息"],
)
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_headings_over_two_rows_are_read_as_one(
    tmp_path: Path, headings: list[list[object]], merged: tuple[str, ...], suffix: str
) -> None:
    rows = [*headings, *([n + 1, worker_name(n), resident_id(n), mobile(n), 7000, "8-10月"] for n in range(12))]
    path = tmp_path / f"roster.{suffix}"
    if suffix == "xlsx":
        write_xlsx(path, rows, merged)
    else:
        write_csv(path, rows, "gbk")  # as WPS saves it: the merged headings' other cells empty

    report = read_roster(path)

    assert report.usable
    assert [row.row for row in report.rows] == list(range(3, 15))
    assert [(entry.name, entry.phone, entry.claimed) for entry in report.entries()] == [
        (worker_name(n), mobile(n), "7000") for n in range(12)
    ]


def test_roster_found_on_a_later_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["请在下一页填写花名册"])
    sheet = workbook.create_sheet("花名册")
    for row in roster_rows(3):
        sheet.append(row)
    workbook.save(tmp_path / "roster.xlsx")

    assert read_roster(tmp_path / "roster.xlsx").entries() == expected_entries(3)


def test_template_has_the_headings_and_an_example_row_that_must_be_deleted(tmp_path: Path) -> None:
    template = tmp_path / "花名册模板.xlsx"
    write_template(template)

    sheet = load_workbook(template).active
    assert tuple(cell.value for cell in sheet[1]) == TEMPLATE_HEADINGS
    assert sheet["B3"].number_format == "@"  # ID numbers typed into the template stay text
    assert sheet["K3"].number_format == "@"  # and so do bank accounts
    report = read_roster(template)
    assert problems_by_row(report) == {2: ["This is the template's example row: delete it."]}

    sheet.delete_rows(2)
    sheet.append(["王五", resident_id(5), mobile(5), "5200", ""])
    sheet.append(["赵六", resident_id(6), mobile(6), "5300", ""])
    filled = tmp_path / "filled.xlsx"
    sheet.parent.save(filled)
    report = read_roster(filled)
    assert report.usable
    assert [row.entry.name for row in report.rows] == ["王五", "赵六"]


def write_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as document:
        document.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        document.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return path


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("roster.xlsx", None, "This file is not an Excel workbook that can be read (it may be a Word file or damaged)"),
        # Excel wraps a password-protected workbook in an OLE compound file, as it did old .xls files.
        ("roster.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504), "This workbook is protected by a password"),
        ("roster.xls", b"", "Old Excel files (.xls) cannot be read."),
        ("roster.pdf", b"%PDF-1.7", "Choose an Excel workbook (.xlsx) or a CSV file (.csv)."),
        ("roster.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV text file."),
        ("roster.csv", b"", "The spreadsheet is empty."),
        ("roster.csv", "工资表\n张三,李四\n".encode(), "No heading row was found in the first 20 rows."),
        (
            "roster.csv",
            "姓名,身份证号,备注\n张三,x,y\n".encode(),
            "Row 1 holds the column headings, but no column is headed Amount.",
        ),
        ("roster.csv", "姓名,身份证号,金额\n\n\n".encode(), "Row 1 holds the column headings, but no workers"),
        ("roster.csv", b'"' + b"x" * 200_000 + b'"\n', "This CSV file is damaged."),  # beyond csv's field limit
    ],
)
def test_unreadable_files_get_one_clear_message(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is None:
        write_docx(path)
    else:
        path.write_bytes(content)

    assert unreadable_message(path).startswith(expected)


def test_empty_workbook_is_refused(tmp_path: Path) -> None:
    assert unreadable_message(write_xlsx(tmp_path / "roster.xlsx", [])) == "The spreadsheet is empty."


def test_more_workers_than_one_case_holds_is_refused(tmp_path: Path) -> None:
    rows = [HEADINGS, *([n, f"工人{n}", "x", "", "1", ""] for n in range(intake.MAX_WORKERS + 1))]

    message = unreadable_message(write_csv(tmp_path / "roster.csv", rows, "utf-8"))

    assert message.startswith(f"The roster has more than {intake.MAX_WORKERS} workers")


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk

    assert unreadable_message(path) == "The file is 20.0 MB; a roster may be at most 20 MB."


def test_check_uses_the_real_date_for_births_in_the_future(tmp_path: Path) -> None:
    unborn = resident_id(0, birth=date(chinatime.today().year + 1, 1, 1))
    rows = [HEADINGS, [1, "张三", unborn, mobile(0), "3800", ""]]

    report = read_roster(write_csv(tmp_path / "roster.csv", rows, "utf-8"))

    assert problems_by_row(report) == {2: ["The date of birth in this ID number is in the future."]}


@pytest.mark.parametrize("label_column", [0, 1, 5], ids=["序号", "姓名", "是否代表"])
def test_a_total_row_is_skipped_wherever_its_label_stands(tmp_path: Path, label_column: int) -> None:
    rows = [*roster_rows(12), total_row(12, label_column)]

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert report.usable
    assert report.entries() == expected_entries(12)
    assert report.total_rows == (15,)


def test_bank_and_account_columns_are_read_for_the_agreement_and_kept_on_the_case(
    tmp_path: Path, station: StationContext
) -> None:
    rows = with_bank_columns(roster_rows(12))
    rows[2 + 1][-1] = " ".join([bank_account(1)[:4], bank_account(1)[4:]])  # typed in groups, as on the card

    report = read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))

    assert report.usable
    assert [(entry.bank, entry.account_number) for entry in report.entries()] == [
        (BANK, bank_account(serial)) for serial in range(12)
    ]
    form = IntakeForm(
        channel=IntakeChannel.ON_SITE,
        category=Category.WAGES,
        received_on=chinatime.today(),
        facts="2026年在安居小区三期项目务工，劳务分包单位拖欠12名农民工工资。",
        workers=report.entries(),
        employer=EmployerEntry(name="菏泽宏达建筑劳务有限公司", credit_code=credit_code(1)),
    )
    case = intake.save(station, intake.validate(form, chinatime.today()))
    claimants = case_detail(station, case.case_id).claimants
    assert [(claimant.bank, claimant.account_number) for claimant in claimants] == [
        (BANK, bank_account(serial)) for serial in range(12)
    ]


def test_wrong_and_rounded_account_numbers_are_problems_of_their_rows(tmp_path: Path) -> None:
    rows = with_bank_columns(roster_rows(12))
    rows[2 + 3][-1] = float(bank_account(3))  # Excel keeps 15 digits of a number
    rows[2 + 4][-1] = "6228-48"

    problems = problems_by_row(read_roster(write_xlsx(tmp_path / "roster.xlsx", rows)))

    assert problems[6][0].startswith("Excel stored this account number as a number (6.")
    assert problems[7] == ["A bank account number has 10 to 30 digits."]
