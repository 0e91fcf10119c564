"""Exported workbooks keep text that a spreadsheet would run as a formula as the text it is, with no guard
character showing in the cell."""

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from heze_station import spreadsheet

ROW = ['=HYPERLINK("http://x","点这里")', "+86", "-1", "@SUM(A1)", "张三", 12, None, "a=b"]


@pytest.mark.parametrize("write_only", [False, True])
def test_formula_like_text_is_read_back_as_the_same_text_and_never_as_a_formula(
    tmp_path: Path, write_only: bool
) -> None:
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("导出") if write_only else workbook.active
    sheet.append(spreadsheet.row(sheet, ROW))
    workbook.save(tmp_path / "export.xlsx")

    cells = next(load_workbook(tmp_path / "export.xlsx").worksheets[0].iter_rows())
    assert [cell.value for cell in cells[: len(ROW) - 2]] == ROW[:6]
    assert cells[-1].value == "a=b"
    assert {cell.data_type for cell in cells[:4]} == {"s"}  # text, not a formula or a number
    assert all(cell.quotePrefix for cell in cells[:4])  # and it stays text when somebody edits it
    assert not cells[4].quotePrefix
