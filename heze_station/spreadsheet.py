"""Rows of the workbooks the station and the city export: text that a spreadsheet would run as a formula stays the
text it is, shown as typed (no guard character in the cell)."""

from collections.abc import Iterable
from typing import Any

# A spreadsheet reads a cell that begins with one of these as a formula: a name typed at a station or synced to the
# city ("=HYPERLINK(...)") must stay the text it is in an exported workbook.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def row(sheet: Any, values: Iterable[object]) -> list[object]:
    """``values`` ready for ``sheet.append`` (a write-only sheet too)."""
    return [_text_cell(sheet, value) if _runs_as_formula(value) else value for value in values]


def _runs_as_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def _text_cell(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell  # openpyxl loads with the first export, not with the program

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    cell.quotePrefix = True  # and a spreadsheet keeps the cell text when somebody edits it
    return cell
