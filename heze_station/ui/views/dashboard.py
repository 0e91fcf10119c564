"""The 工作台 page: what a coordinator must not let slip today, how many cases stand where, what happened lately.

It is the first page after start, so it answers the morning question at a glance: which acceptance decisions,
mediation periods and limitation dates are close or past (from the same clocks as the case page), in the order
they press.
"""

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.cases import CaseStatus, event_label
from ...domain.clocks import ClockState
from ...services.dashboard import Dashboard, DueItem, RecentEvent, UnpaidItem, dashboard
from .. import formatting
from ..i18n import domain_text, render
from ..kit import palette
from ..kit.page import StationView
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..workspace import Workspace

TILE_COLUMNS = 5


class StatusTile(QFrame):
    """A count of cases in one status: large figure, label beneath."""

    def __init__(self, status: CaseStatus, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = status
        self.setObjectName("statusTile")
        colour = palette.NAVY if status.is_open else palette.MUTED
        self.setStyleSheet(
            f"#statusTile {{ border: 1px solid #d5dbe3; border-left: 4px solid {colour}; border-radius: 4px;"
            " background: palette(base); }"
        )
        self.figure = QLabel("–")
        self.figure.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {colour};")
        self.caption = QLabel(formatting.label(status))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)

    def set_count(self, count: int) -> None:
        self.figure.setText(formatting.locale_number(count))
        self.setAccessibleName(f"{self.caption.text()}: {count}")


class DashboardView(StationView, QWidget):
    """The workbench; loads afresh whenever it is shown (its deadlines move with the date) and on every change."""

    reload_on_every_show = True

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.board: Dashboard | None = None

        self.greeting = QLabel(self.tr("Loading…"))
        self.greeting.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()

        self.tiles = {status: StatusTile(status) for status in CaseStatus}
        tile_grid = QGridLayout()
        tile_grid.setSpacing(8)
        for position, tile in enumerate(self.tiles.values()):
            tile_grid.addWidget(tile, position // TILE_COLUMNS, position % TILE_COLUMNS)

        self.due_model: RowTableModel[DueItem] = RowTableModel(self._due_columns(), self)
        self.due_table = row_table(self.due_model, self._open)
        self.due_table.setAccessibleName(self.tr("Deadlines"))
        self.nothing_due = QLabel(self.tr("Nothing is due. Well done."))
        self.nothing_due.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_due.setStyleSheet(f"color: {palette.GOOD}; font-size: 15px; padding: 24px;")
        self.due_stack = QStackedWidget()
        self.due_stack.addWidget(self.due_table)
        self.due_stack.addWidget(self.nothing_due)

        self.unpaid_model: RowTableModel[UnpaidItem] = RowTableModel(self._unpaid_columns(), self)
        self.unpaid_table = row_table(self.unpaid_model, self._open)
        self.unpaid_table.setAccessibleName(self.tr("Workers still unpaid"))

        self.recent_model: RowTableModel[RecentEvent] = RowTableModel(self._recent_columns(), self)
        self.recent_table = row_table(self.recent_model, self._open)
        self.recent_table.setAccessibleName(self.tr("Recent activity"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._section(self.tr("Due soon, due today or overdue"), self.due_stack))
        self.unpaid_section = self._section(self.tr("Workers still unpaid under an agreement"), self.unpaid_table)
        splitter.addWidget(self.unpaid_section)
        splitter.addWidget(self._section(self.tr("Recent activity"), self.recent_table))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.summary)
        layout.addLayout(tile_grid)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.due_table, self.unpaid_table)
        self.setTabOrder(self.unpaid_table, self.recent_table)

    @staticmethod
    def _section(title: str, body: QWidget) -> QWidget:
        section = QWidget()
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 15px; font-weight: bold; margin-top: 8px;")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(body)
        return section

    def _due_columns(self) -> list[Column[DueItem]]:
        return [
            Column(self.tr("Case number"), lambda item: item.number),
            Column(self.tr("Claimants"), lambda item: formatting.claimants(item.claimant_summary, item.worker_count)),
            Column(self.tr("Respondents"), lambda item: item.respondent_summary, stretch=True),
            Column(self.tr("Deadline"), lambda item: domain_text(item.clock.label)),
            Column(self.tr("Due on"), lambda item: formatting.day(item.clock.due)),
            Column(
                self.tr("State"),
                lambda item: formatting.clock_state(item.clock),
                foreground=lambda item: palette.CLOCKS[item.clock.state].ink,
                background=lambda item: palette.CLOCKS[item.clock.state].wash,
                bold=lambda item: item.clock.state in (ClockState.OVERDUE, ClockState.DUE_TODAY),
            ),
            Column(
                self.tr("Time left"),
                lambda item: formatting.time_left(item.clock),
                foreground=lambda item: palette.CLOCKS[item.clock.state].ink,
            ),
        ]

    def _unpaid_columns(self) -> list[Column[UnpaidItem]]:
        return [
            Column(self.tr("Case number"), lambda item: item.number),
            Column(self.tr("Worker"), lambda item: item.worker, stretch=True),
            Column(self.tr("Share"), lambda item: formatting.money(item.share_fen), number=True),
            Column(
                self.tr("Still owed"),
                lambda item: formatting.money(item.outstanding_fen),
                bold=lambda _item: True,
                number=True,
            ),
        ]

    def _recent_columns(self) -> list[Column[RecentEvent]]:
        return [
            Column(self.tr("Time"), lambda event: formatting.moment(event.at)),
            Column(self.tr("Case number"), lambda event: event.number),
            Column(self.tr("By"), lambda event: event.actor),
            Column(self.tr("What happened"), lambda event: domain_text(event_label(event.kind))),
            Column(self.tr("Details"), lambda event: render(event.shown), stretch=True),
        ]

    def _greeting(self, board: Dashboard) -> str:
        hour = chinatime.now().hour
        weekday = QLocale().dayName(board.today.isoweekday())
        day = formatting.day(board.today)
        if 5 <= hour < 12:
            return self.tr("Good morning. Today is {date}, {weekday}.").format(date=day, weekday=weekday)
        if 12 <= hour < 18:
            return self.tr("Good afternoon. Today is {date}, {weekday}.").format(date=day, weekday=weekday)
        return self.tr("Good evening. Today is {date}, {weekday}.").format(date=day, weekday=weekday)

    def reload(self) -> None:
        self.workspace.load(dashboard, on_done=self._arrived)

    def _arrived(self, board: Dashboard) -> None:
        self.board = board
        self.greeting.setText(self._greeting(board))
        overdue = sum(item.clock.state is ClockState.OVERDUE for item in board.due)
        self.summary.setText(
            self.tr("Open cases: {open}. Deadlines needing attention: {due}, overdue: {overdue}.").format(
                open=formatting.locale_number(board.open_total),
                due=formatting.locale_number(len(board.due)),
                overdue=formatting.locale_number(overdue),
            )
        )
        for status, tile in self.tiles.items():
            tile.set_count(board.counts.get(status, 0))
        self.due_model.set_rows(board.due)
        self.due_stack.setCurrentWidget(self.due_table if board.due else self.nothing_due)
        fit_columns(self.due_table)
        self.unpaid_model.set_rows(board.unpaid)
        self.unpaid_section.setVisible(bool(board.unpaid))
        fit_columns(self.unpaid_table)
        self.recent_model.set_rows(board.recent)
        fit_columns(self.recent_table)

    def _open(self, row: DueItem | UnpaidItem | RecentEvent) -> None:
        self.workspace.case_requested.emit(row.case_id)
