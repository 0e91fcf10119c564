"""The city's return as .xlsx: a sheet per table (figure, value, out of, rate), the cases received by station and
by each breakdown, and what each figure counts on the last sheet, as the station's own returns lay them out."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from ...domain import statistics
from ...domain.statistics import Unit
from ..city_figures import CityReport
from .chinese import group, tr

HEADINGS = ["指标", "数值", "基数", "比率"]


def return_xlsx(result: CityReport, heading: str, station_names: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in result.tables:
        sheet = workbook.create_sheet(tr(table.title)[:31])  # Excel's limit on a sheet's name
        sheet.append([heading])
        sheet.append(HEADINGS)
        for cell in sheet[2]:
            cell.font = bold
        for row in table.rows:
            unit = row.figure.unit
            value: object = Decimal(row.value) / 100 if unit is Unit.FEN else row.value
            rate = Decimal(row.value) / row.denominator if row.denominator else None
            sheet.append([tr(row.figure.label), value, row.denominator, rate])
            line = sheet.max_row
            sheet.cell(line, 2).number_format = "#,##0.00" if unit is Unit.FEN else "0"
            sheet.cell(line, 4).number_format = "0.0%"
        sheet.column_dimensions["A"].width = 36
        sheet.column_dimensions["B"].width = 16
    received = tr(statistics.RECEIVED.label)
    sheet = workbook.create_sheet(received)
    sheet.append([heading])
    sheet.append([])
    sheet.append(["驿站", received])
    sheet.cell(sheet.max_row, 1).font = bold
    for station_id, count in sorted(result.received_by_station.items(), key=lambda item: -item[1]):
        sheet.append([station_names.get(station_id, str(station_id)), count])
    for breakdown in statistics.BREAKDOWNS:
        sheet.append([])
        sheet.append([tr(breakdown.label), received])
        sheet.cell(sheet.max_row, 1).font = bold
        for key, count in result.breakdowns[breakdown.key].items():
            sheet.append([group(key), count])
    sheet.column_dimensions["A"].width = 36
    sheet = workbook.create_sheet("指标口径")
    sheet.append(["代码", "指标", "统计内容", "计入期间的日期", "基数"])
    for figure in statistics.FIGURES.values():
        over = tr(figure.of.label) if figure.of else ""
        sheet.append([figure.key, tr(figure.label), tr(figure.counts), tr(figure.dated_by), over])
    for column, width in zip("ABCDE", (24, 30, 60, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
