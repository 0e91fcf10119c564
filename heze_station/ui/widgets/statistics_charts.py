"""The 统计 page's charts (QtCharts): cases received by week and by category, money agreed and paid by week.

Kept apart from the page so that QtCharts loads only when the page is first shown.
"""

import math
from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QTabWidget

from ...services.statistics import Report
from .. import formatting

BAR_COLOURS = ("#1f3a5f", "#c0392b")


# More bars than this and a week is named by its number in the year (the 周调度's own numbering): "10/26" under
# each of a quarter's thirteen bars would be cut to "1…".
DATED_WEEKS_MAX = 8


def _weeks(mondays: list[date]) -> list[str]:
    if len(mondays) > DATED_WEEKS_MAX:
        return [str(monday.isocalendar().week) for monday in mondays]
    return [f"{monday.month}/{monday.day}" for monday in mondays]


def _yuan(fen: int) -> float:
    # A bar's height only: charts draw floats; every amount printed or stored stays integer fen.
    return fen / 100


class ChartsPane:
    """Three charts in the tabs of ``holder``, redrawn for each report."""

    def __init__(self, holder: QTabWidget):
        self.holder = holder
        self.by_week = self._view(self.tr("Received by week"))
        self.by_category = self._view(self.tr("Received by category"))
        self.money = self._view(self.tr("Agreed and paid by week"))

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("ChartsPane", text)

    def _view(self, title: str) -> QChartView:
        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(title)
        self.holder.addTab(view, title)
        return view

    def show_report(self, report: Report) -> None:
        mondays = [monday for monday, _ in report.received_by_week.points]
        weeks = _weeks(mondays)
        week_title = self.tr("Week of the year") if len(mondays) > DATED_WEEKS_MAX else ""
        self._bars(
            self.by_week, weeks, [(self.tr("Cases"), [n for _, n in report.received_by_week.points])], week_title
        )
        categories = report.breakdowns["category"]
        self._bars(
            self.by_category,
            [formatting.label(category) for category in categories],
            [(self.tr("Cases"), list(categories.values()))],
        )
        self._bars(
            self.money,
            weeks,
            [
                (self.tr("Agreed (yuan)"), [_yuan(fen) for _, fen in report.agreed_by_week.points]),
                (self.tr("Paid (yuan)"), [_yuan(fen) for _, fen in report.recovered_by_week.points]),
            ],
            week_title,
        )

    def _bars(
        self, view: QChartView, labels: list[str], sets: list[tuple[str, list[float]]], x_title: str = ""
    ) -> None:
        chart = QChart()
        chart.legend().setVisible(len(sets) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QBarSeries()
        highest = 0.0
        for (name, values), colour in zip(sets, BAR_COLOURS, strict=False):
            bars = QBarSet(name)
            bars.append(values)
            bars.setColor(colour)
            series.append(bars)
            highest = max([highest, *values])
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        axis_x.setTitleText(x_title)
        axis_y = QValueAxis()
        # Whole steps from zero (no "2, 2, 3" from rounded fractional ticks), about five of them.
        step = max(1, math.ceil(highest / 5))
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(step)
        axis_y.setRange(0, step * max(1, math.ceil(highest / step)))
        axis_y.setLabelFormat("%.0f")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()
