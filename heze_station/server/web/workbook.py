"""The city's return as .xlsx: a sheet per table (figure, value, out of, rate), the cases received by station and
by each breakdown, and what each figure counts on the last sheet, as the station's own returns lay them out.

Built in memory, sheets included: a return is a few hundred cells at most, and openpyxl writes each sheet to a
temporary file first (and deletes it), which on a busy disk cost a fifth of a return (bench: the supervision page's
.xlsx under 20 supervisors)."""

from decimal import Decimal
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Font
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from ... import spreadsheet
from ...domain import statistics
from ...domain.statistics import Unit
from ..city_figures import CityReport
from .chinese import group, tr

HEADINGS = ["指标", "数值", "基数", "比率"]
DEFINITIONS = "指标口径"  # the last sheet: what each figure counts, the same in every return
# The sheets the same in every return, as serialised the first time (strings are written inline, so a sheet's XML
# stands alone): the definitions are three quarters of a station's return, written once per process.
_serialised: dict[str, bytes] = {}
_BOLD = Font(bold=True)


def _cell(sheet, value: object, number_format: str | None = None, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = _BOLD
    return cell


def _sheet(workbook: Workbook, title: str, widths: dict[str, int]):
    sheet = workbook.create_sheet(title[:31])  # Excel's limit on a sheet's name
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    return sheet


def return_xlsx(result: CityReport, heading: str, station_names: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # the empty sheet a new workbook starts with
    for table in result.tables:
        sheet = _sheet(workbook, tr(table.title), {"A": 36, "B": 16})
        sheet.append(spreadsheet.row(sheet, [heading]))
        sheet.append([_cell(sheet, text, bold=True) for text in HEADINGS])
        for row in table.rows:
            money = row.figure.unit is Unit.FEN
            value: object = Decimal(row.value) / 100 if money else row.value
            rate = Decimal(row.value) / row.denominator if row.denominator else None
            sheet.append(
                [
                    tr(row.figure.label),
                    _cell(sheet, value, "#,##0.00" if money else "0"),
                    row.denominator,
                    _cell(sheet, rate, "0.0%"),
                ]
            )
    received = tr(statistics.RECEIVED.label)
    sheet = _sheet(workbook, received, {"A": 36})
    sheet.append(spreadsheet.row(sheet, [heading]))
    sheet.append([])
    sheet.append([_cell(sheet, "驿站", bold=True), received])
    for station_id, count in sorted(result.received_by_station.items(), key=lambda item: -item[1]):
        sheet.append(spreadsheet.row(sheet, [station_names.get(station_id, str(station_id)), count]))
    for breakdown in statistics.BREAKDOWNS:
        sheet.append([])
        sheet.append([_cell(sheet, tr(breakdown.label), bold=True), received])
        for key, count in result.breakdowns[breakdown.key].items():
            sheet.append(spreadsheet.row(sheet, [group(key), count]))
    sheet = _sheet(workbook, DEFINITIONS, dict(zip("ABCDE", (24, 30, 60, 40, 24), strict=True)))
    if DEFINITIONS not in _serialised:
        sheet.append(["代码", "指标", "统计内容", "计入期间的日期", "基数"])
        for figure in statistics.FIGURES.values():
            over = tr(figure.of.label) if figure.of else ""
            sheet.append([figure.key, tr(figure.label), tr(figure.counts), tr(figure.dated_by), over])
    out = BytesIO()
    _InMemoryWriter(workbook, ZipFile(out, "w", ZIP_DEFLATED)).save()
    return out.getvalue()


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer with each sheet serialised into memory, not into a temporary file (openpyxl.writer.excel:
    ``write_worksheet`` less the file; the sheets hold no charts or images, so their drawing stays empty), and the
    definitions as serialised before."""

    def write_worksheet(self, ws) -> None:
        serialised = _serialised.get(ws.title)
        if serialised is None:
            ws._drawing = SpreadsheetDrawing()
            writer = WorksheetWriter(ws, out=BytesIO())
            writer.write()
            ws._rels = writer._rels
            serialised = writer.read()
            if ws.title == DEFINITIONS:
                _serialised[DEFINITIONS] = serialised
        self._archive.writestr(ws.path[1:], serialised)
        self.manifest.append(ws)
