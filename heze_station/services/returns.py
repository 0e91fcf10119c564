"""The station's returns (周调度, 月调度, 季总结) as .xlsx and PDF files, from services.statistics.report.

Texts arrive through ``translate`` (the window's or the command line's catalogue), so a return reads as the station
shows it. A return holds figures only, nothing personal; writing one is an audited export all the same.
"""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from .. import spreadsheet
from ..documents.returns import ReturnContent, ReturnRow, ReturnSection, build_return
from ..domain import chinatime, statistics
from ..domain.audit import AuditAction
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.periods import Period
from ..domain.statistics import Unit, value_text
from ..storage import disk
from . import audit
from .access import EVERYONE, requires
from .station import StationContext
from .statistics import TITLES, Report, Translate, group_text, period_text, report

FIGURE = QT_TRANSLATE_NOOP("Domain", "Figure")
VALUE = QT_TRANSLATE_NOOP("Domain", "Value")
OUT_OF = QT_TRANSLATE_NOOP("Domain", "Out of")
RATE = QT_TRANSLATE_NOOP("Domain", "Rate")
CASES_RECEIVED = QT_TRANSLATE_NOOP("Domain", "Cases received")
DEFINITIONS = QT_TRANSLATE_NOOP("Domain", "What each figure counts")
COUNTS = QT_TRANSLATE_NOOP("Domain", "Counts")
DATED_BY = QT_TRANSLATE_NOOP("Domain", "Placed in the period by")
KEY = QT_TRANSLATE_NOOP("Domain", "Key")


class ReturnFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"


def _xlsx(result: Report, translate: Translate, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    heading = f"{result.station_name}　{translate(TITLES[result.period.kind])}　{period_text(result.period)}"
    for table in result.tables:
        sheet = workbook.create_sheet(translate(table.title)[:31])  # Excel's limit on a sheet's name
        sheet.append(spreadsheet.row(sheet, [heading]))
        sheet.append([translate(FIGURE), translate(VALUE), translate(OUT_OF), translate(RATE)])
        for cell in sheet[2]:
            cell.font = bold
        for row in table.rows:
            unit = row.figure.unit
            value: object = Decimal(row.value) / 100 if unit is Unit.FEN else row.value
            rate = Decimal(row.value) / row.denominator if row.denominator else None
            sheet.append([translate(row.figure.label), value, row.denominator, rate])
            line = sheet.max_row
            sheet.cell(line, 2).number_format = "#,##0.00" if unit is Unit.FEN else "0"
            sheet.cell(line, 4).number_format = "0.0%"
        sheet.column_dimensions["A"].width = 36
        sheet.column_dimensions["B"].width = 16
    sheet = workbook.create_sheet(translate(CASES_RECEIVED)[:31])
    sheet.append(spreadsheet.row(sheet, [heading]))
    for breakdown in statistics.BREAKDOWNS:
        sheet.append([])
        sheet.append([translate(breakdown.label), translate(CASES_RECEIVED)])
        sheet.cell(sheet.max_row, 1).font = bold
        for group, count in result.breakdowns[breakdown.key].items():
            sheet.append(spreadsheet.row(sheet, [group_text(group, translate), count]))
    sheet.column_dimensions["A"].width = 36
    sheet = workbook.create_sheet(translate(DEFINITIONS)[:31])
    sheet.append([translate(KEY), translate(FIGURE), translate(COUNTS), translate(DATED_BY), translate(OUT_OF)])
    for figure in statistics.FIGURES.values():
        over = translate(figure.of.label) if figure.of else ""
        sheet.append([figure.key, translate(figure.label), translate(figure.counts), translate(figure.dated_by), over])
    for column, width in zip("ABCDE", (24, 30, 60, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.save(path)


def _pdf(result: Report, translate: Translate, path: Path, made_at: datetime) -> None:
    headings = (translate(FIGURE), translate(VALUE))
    content = ReturnContent(
        title=translate(TITLES[result.period.kind]),
        station=result.station_name,
        period=period_text(result.period),
        made_at=made_at,
        sections=[
            ReturnSection(
                translate(table.title),
                headings,
                [
                    ReturnRow(translate(row.figure.label), value_text(row), translate(row.figure.counts))
                    for row in table.rows
                ],
            )
            for table in result.tables
        ],
        notes_title=translate(DEFINITIONS),
    )
    path.write_bytes(build_return(content))


@requires(EVERYONE)
def export_return(
    context: StationContext, period: Period, file_format: ReturnFormat, path: Path, translate: Translate
) -> Report:
    """The return for ``period`` written to ``path`` (beside it first, then renamed: never half a file)."""
    result = report(context, period)
    with disk.written_whole(path) as partial:
        if file_format is ReturnFormat.XLSX:
            _xlsx(result, translate, partial)
        else:
            _pdf(result, translate, partial, chinatime.now())
    audit.record(context, AuditAction.EXPORTED, TITLES[period.kind], period=period.code, format=file_format)
    return result
