"""Roster spreadsheets as a site clerk makes them, written as real .xlsx and .csv files."""

import csv
import io
from pathlib import Path

from openpyxl import Workbook

from heze_station.services.intake import WorkerEntry
from tests.factories import mobile, resident_id

TITLE = "菏泽市牡丹区安居小区三期项目农民工工资花名册"
HEADINGS = ["序号", "姓名", "身份证号", "手机号", "欠薪金额（元）", "是否代表"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑"
# Workers 0-2 are the elected representatives, each marked the way some clerk would.
REPRESENTATIVE_MARKS = {0: "是", 1: "√", 2: "Y"}


def worker_name(serial: int) -> str:
    return SURNAMES[serial % len(SURNAMES)] + "建国"[serial % 2] + "华军明"[serial % 3]


def claimed_yuan(serial: int) -> int:
    return 3800 + serial * 100


def worker_row(serial: int) -> list[object]:
    """One row as a clerk types it: number, name, ID number as text, phone and amount as numbers."""
    return [
        serial + 1,
        worker_name(serial),
        resident_id(serial),
        int(mobile(serial)),
        claimed_yuan(serial),
        REPRESENTATIVE_MARKS.get(serial, ""),
    ]


def roster_rows(workers: int = 23) -> list[list[object]]:
    """A title row above the headings (spreadsheet row 1), the headings (row 2), the workers from row 3."""
    return [[TITLE], HEADINGS, *(worker_row(serial) for serial in range(workers))]


def expected_entries(workers: int = 23) -> list[WorkerEntry]:
    """What the intake form should receive from roster_rows(workers)."""
    return [
        WorkerEntry(
            name=worker_name(serial),
            id_number=resident_id(serial),
            phone=mobile(serial),
            claimed=str(claimed_yuan(serial)),
            representative=serial in REPRESENTATIVE_MARKS,
        )
        for serial in range(workers)
    ]


def write_xlsx(path: Path, rows: list[list[object]], merged: tuple[str, ...] = ()) -> Path:
    """``rows`` from row 1, with the cells of each range in ``merged`` ("E4:E5") merged as Excel does it: the value
    of the top left cell over the range, the others' emptied."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    for cells in merged:
        workbook.active.merge_cells(cells)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


BANK = "中国农业银行菏泽牡丹支行"
BANK_HEADINGS = ["开户行", "银行账号"]


def bank_account(serial: int) -> str:
    """A 19-digit card number, as the roster's text cell holds it."""
    return f"62284800{serial:011d}"


def with_bank_columns(rows: list[list[object]]) -> list[list[object]]:
    """roster_rows() with each worker's bank and account number in two more columns."""
    title, headings, *workers = rows
    return [
        title,
        [*headings, *BANK_HEADINGS],
        *([*row, BANK, bank_account(serial)] for serial, row in enumerate(workers)),
    ]


def total_row(workers: int, label_column: int = 0) -> list[object]:
    """The 合计 row a clerk adds below the workers: the label under 序号 (column 0) unless told, the sum of amounts."""
    row: list[object] = [None] * len(HEADINGS)
    row[label_column] = "合计"
    row[4] = sum(claimed_yuan(serial) for serial in range(workers))
    return row
