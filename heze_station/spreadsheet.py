"""Rows of the workbooks the station and the city export: text that a spreadsheet would run as a formula stays the
text it is, shown as typed (no guard character in the cell).

A workbook that holds personal data (the case list, the audit trail, the employers' ledger) is written whole from
memory by XlsxWriter (``PersonalWorkbook``): openpyxl writes every sheet to a file in the temporary folder first, in
clear, and a failed or killed export left a list of workers' names there. The returns and the roster's template,
which hold none, are written with openpyxl, as the city's are.
"""

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .domain.errors import DomainError
from .domain.messages import QT_TRANSLATE_NOOP, Message

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


# The rows a workbook of personal data holds at most: it is kept in memory until written (about 2.6 KiB a row of
# the case list: 100,000 rows took 260 MiB), and an unfiltered audit trail of years would not fit an office laptop.
MOST_ROWS = 100_000


def refuse_more_rows_than_held(count: int) -> None:
    """Before an export of ``count`` rows: refused, in words, when they would not fit in memory."""
    if count > MOST_ROWS:
        text = QT_TRANSLATE_NOOP(
            "Domain",
            "{count} rows would be exported, and one file holds at most {most}. Narrow the list (a shorter period, a "
            "search, a person or an action) and export again; nothing was written.",
        )
        raise DomainError(Message(text, {"count": f"{count:,}", "most": f"{MOST_ROWS:,}"}))


class PersonalWorkbook:
    """An .xlsx workbook kept in memory until ``close`` writes it to ``path`` (XlsxWriter's in_memory: no temporary
    file). Text is always text: no formula, number or link is made of what somebody typed."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter  # loaded with the first export, not with the program

        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        self.book = xlsxwriter.Workbook(str(path), options)
        self.quoted = self.book.add_format({"quote_prefix": True})  # stays text when somebody edits the cell
        self.bold = self.book.add_format({"bold": True})
        self.day = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.yuan = self.book.add_format({"num_format": "#,##0.00"})

    def sheet(self, title: str) -> "Rows":
        """A sheet named ``title`` (XlsxWriter's Sheet1 when empty)."""
        return Rows(self, self.book.add_worksheet(title[:31] or None))  # Excel's limit on a sheet's name

    def close(self) -> None:
        """Writes the file: a folder gone (a USB stick pulled out) or a full disk raise the OSError they are."""
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.book.close()
        except FileCreateError as error:
            raise error.args[0] from None


class Rows:
    """A sheet written a row after another."""

    def __init__(self, book: PersonalWorkbook, sheet: Any) -> None:
        self.book, self.sheet, self.count = book, sheet, 0

    def append(self, values: Iterable[object], *, bold: bool = False) -> None:
        for column, value in enumerate(values):
            if isinstance(value, str) and _runs_as_formula(value):
                self.sheet.write_string(self.count, column, value, self.book.quoted)
            elif isinstance(value, date):
                self.sheet.write_datetime(self.count, column, value, self.book.day)
            elif value is not None:
                self.sheet.write(self.count, column, value, self.book.bold if bold else None)
        self.count += 1

    def amounts_in(self, column: int) -> None:
        """Amounts in yuan with two decimals down the column (from 0)."""
        self.sheet.set_column(column, column, None, self.book.yuan)

    def widen(self, column: int, width: float) -> None:
        self.sheet.set_column(column, column, width)

    def freeze(self, rows: int, columns: int) -> None:
        """The first ``rows`` and ``columns`` stay in view while the rest scrolls."""
        self.sheet.freeze_panes(rows, columns)
