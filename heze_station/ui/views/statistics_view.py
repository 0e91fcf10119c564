"""The 统计 page: the station's figures for a week, month, quarter, year or any span, as the city's returns count them.

Three tables (the station's indicators, the national form, the mediation return), the cases received broken down by
category, channel, kind of employer and project, and charts by week. Enter or a double click on any figure lists
exactly the cases behind it on the 案件 page. The returns are exported from here as .xlsx or PDF.
Charts (QtCharts) are built the first time the page is shown: nobody waits for them at start.
"""

import functools
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime, periods, statistics
from ...domain.periods import Period, PeriodKind
from ...domain.statistics import FigureValue, Source, value_text
from ...services import statistics as station_statistics
from ...services.statistics import Report, group_text, period_text
from ..i18n import domain_text
from ..kit.inputs import date_edit
from ..kit.page import StationView
from ..kit.table import Column, RowTableModel, row_table
from ..workspace import Workspace

if TYPE_CHECKING:  # QtCharts loads the first time the page is shown
    from ..widgets.statistics_charts import ChartsPane

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class GroupRow:
    breakdown: str
    group: object
    count: int


class StatisticsView(StationView, QWidget):
    """Figures for the chosen period; reloads when shown and whenever a change was saved anywhere."""

    # A caption ("受理投诉 · 2026年11月1日至2026年11月30日") and the cases behind the figure, for the 案件 page.
    cases_requested = Signal(str, object)
    clues_requested = Signal(str, object)  # the same for a figure of the clues, for the 线索 page

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.report: Report | None = None
        self._charts: ChartsPane | None = None

        self.kind = QComboBox()
        for text, kind in (
            (self.tr("This week"), PeriodKind.WEEK),
            (self.tr("This month"), PeriodKind.MONTH),
            (self.tr("This quarter"), PeriodKind.QUARTER),
            (self.tr("This year"), PeriodKind.YEAR),
            (self.tr("Dates of my choice"), PeriodKind.CUSTOM),
        ):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(1)
        kind_label = QLabel(self.tr("&Period:"))
        kind_label.setBuddy(self.kind)
        self.earlier = QPushButton(self.tr("◀ Ea&rlier"))
        self.later = QPushButton(self.tr("La&ter ▶"))
        self.first = date_edit()
        self.last = date_edit()
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.period_label.setTextFormat(Qt.TextFormat.PlainText)
        self.export_xlsx = QPushButton(self.tr("Export &Excel…"))
        self.export_pdf = QPushButton(self.tr("Export PD&F…"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.tables: dict[str, RowTableModel[FigureValue]] = {}
        self.figure_tabs = QTabWidget()
        for key, (title, _figures) in statistics.TABLES.items():
            model: RowTableModel[FigureValue] = RowTableModel(self._figure_columns(), self)
            self.tables[key] = model
            table = row_table(model, self._figure_opened)
            table.setAccessibleName(domain_text(title))
            table.horizontalHeader().resizeSection(1, 150)
            self.figure_tabs.addTab(table, domain_text(title))
        self.groups: RowTableModel[GroupRow] = RowTableModel(self._group_columns(), self)
        self.groups_table = row_table(self.groups, self._group_opened)
        self.figure_tabs.addTab(self.groups_table, self.tr("Cases received by group"))
        hint = QLabel(self.tr("Double-click a figure, or select it and press Enter, to list the cases behind it."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)

        self.charts_holder = QTabWidget()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.figure_tabs, 1)
        left_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.charts_holder)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([540, 460])  # the figures and their charts side by side, the charts wide enough to read
        splitter.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(kind_label)
        bar.addWidget(self.kind)
        bar.addWidget(self.earlier)
        bar.addWidget(self.first)
        bar.addWidget(self.last)
        bar.addWidget(self.later)
        bar.addSpacing(12)
        bar.addWidget(self.period_label, 1)
        bar.addWidget(self.export_xlsx)
        bar.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.period = periods.containing(PeriodKind.MONTH, chinatime.today())
        self._show_dates()
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.earlier.clicked.connect(lambda: self._step(-1))
        self.later.clicked.connect(lambda: self._step(1))
        self.first.dateChanged.connect(self._dates_chosen)
        self.last.dateChanged.connect(self._dates_chosen)
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))

    # --- the period --------------------------------------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        self.period = period
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.kind.blockSignals(False)
        self._show_dates()
        self.reload()

    def _kind_chosen(self) -> None:
        data = self.kind.currentData()
        if data is None:
            return
        kind = PeriodKind(data)  # Qt hands the enum back as its string
        if kind is PeriodKind.CUSTOM:
            self.period = Period(self.period.first, self.period.last)
            self._show_dates()
            return
        self.set_period(periods.containing(kind, chinatime.today()))

    def _step(self, direction: int) -> None:
        if direction < 0:
            self.set_period(self.period.before())
        elif self.period.kind is PeriodKind.CUSTOM:
            first = self.period.last + _ONE_DAY
            self.set_period(Period(first, first + (self.period.last - self.period.first)))
        else:
            self.set_period(periods.containing(self.period.kind, self.period.last + _ONE_DAY))

    def _dates_chosen(self) -> None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            self.status.setText(self.tr("The period ends before it begins."))
            return
        self.period = Period(first, last)
        self._show_dates()
        self.reload()

    def _show_dates(self) -> None:
        custom = self.period.kind is PeriodKind.CUSTOM
        for edit, day in ((self.first, self.period.first), (self.last, self.period.last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)
            edit.setVisible(custom)
        self.period_label.setText(period_text(self.period))
        self.later.setEnabled(self.period.last < chinatime.today())

    # --- loading -----------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.status.setText(self.tr("Counting…"))
        period = self.period
        self.workspace.load(station_statistics.report, period, on_done=lambda report: self._arrived(period, report))

    def _arrived(self, period: Period, report: Report) -> None:
        if period != self.period:
            return  # another period was chosen meanwhile; its answer is on the way
        self.report = report
        for table in report.tables:
            self.tables[table.key].set_rows(table.rows)
        self.groups.set_rows(
            [
                GroupRow(breakdown.key, group, count)
                for breakdown in statistics.BREAKDOWNS
                for group, count in report.breakdowns[breakdown.key].items()
            ]
        )
        self.groups_table.resizeColumnToContents(0)
        self.status.setText("")
        if self._charts is not None:
            self._charts.show_report(report)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._charts is None:
            from ..widgets.statistics_charts import ChartsPane

            self._charts = ChartsPane(self.charts_holder)
            if self.report is not None:
                self._charts.show_report(self.report)

    # --- what is behind a figure -------------------------------------------------------------------------------

    def _figure_opened(self, row: FigureValue) -> None:
        self._request_cases(domain_text(row.figure.label), row.figure.key, clues=row.figure.source is Source.CLUES)

    def _group_opened(self, row: GroupRow) -> None:
        caption = f"{domain_text(statistics.RECEIVED.label)} · {group_text(row.group, domain_text)}"
        self._request_cases(caption, statistics.RECEIVED.key, breakdown=row.breakdown, group=row.group)

    def _request_cases(self, caption: str, key: str, *, clues: bool = False, **grouping: object) -> None:
        period = self.period
        shown = f"{caption} · {period_text(period)}"
        signal = self.clues_requested if clues else self.cases_requested
        self.workspace.load(
            functools.partial(station_statistics.cases_behind, **grouping),
            period,
            key,
            on_done=lambda ids: signal.emit(shown, ids),
        )

    # --- export ------------------------------------------------------------------------------------------------

    def _export(self, extension: str) -> None:
        # The writers bring openpyxl and reportlab: loaded when a return is first exported, not at start.
        from ...services import returns

        file_format = returns.ReturnFormat(extension)
        title = domain_text(station_statistics.TITLES[self.period.kind])
        suggested = f"{self.workspace.context.station_name} {title} {self.period.code}.{file_format}"
        pattern = self.tr("Excel workbook (*.xlsx)") if extension == "xlsx" else self.tr("PDF (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the return"), suggested, pattern)
        if not name:
            return
        path = Path(name)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.workspace.load(
            returns.export_return,
            self.period,
            file_format,
            path,
            domain_text,
            on_done=lambda _report: self.status.setText(self.tr("Exported to {file}").format(file=str(path))),
        )

    # --- columns -----------------------------------------------------------------------------------------------

    def _figure_columns(self) -> list[Column[FigureValue]]:
        return [
            Column(
                self.tr("Figure"),
                lambda row: domain_text(row.figure.label),
                stretch=True,
                tooltip=lambda row: domain_text(row.figure.counts),
            ),
            Column(self.tr("Value"), value_text, number=True),
        ]

    def _group_columns(self) -> list[Column[GroupRow]]:
        titles = {breakdown.key: domain_text(breakdown.label) for breakdown in statistics.BREAKDOWNS}
        return [
            Column(self.tr("Grouped"), lambda row: titles[row.breakdown]),
            Column(self.tr("Group"), lambda row: group_text(row.group, domain_text), stretch=True),
            Column(self.tr("Cases received"), lambda row: str(row.count), number=True),
        ]
