"""The city's return as .xlsx: every download carries the definitions, also once its sheet is served as serialised
the first time (web/workbook.py)."""

from io import BytesIO

from openpyxl import load_workbook

from heze_station.domain import periods, statistics
from heze_station.server import city_figures
from heze_station.server.web.workbook import DEFINITIONS, return_xlsx


def _definitions(content: bytes) -> list[tuple]:
    workbook = load_workbook(BytesIO(content))
    assert workbook.sheetnames[-1] == DEFINITIONS
    return list(workbook[DEFINITIONS].iter_rows(values_only=True))


def test_every_return_lists_what_each_figure_counts() -> None:
    month = periods.parse("2026-11")
    result = city_figures.combine(month, {})
    first = _definitions(return_xlsx(result, "全市　月调度　2026年11月", {}))
    again = _definitions(return_xlsx(city_figures.combine(periods.parse("2026-Q4"), {}), "全市　季总结", {}))
    assert again == first
    assert first[0] == ("代码", "指标", "统计内容", "计入期间的日期", "基数")
    assert [row[0] for row in first[1:]] == list(statistics.FIGURES)
    assert all(row[1] and row[2] and row[3] for row in first[1:])
