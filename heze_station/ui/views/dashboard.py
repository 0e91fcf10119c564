"""The 工作台 page: what a coordinator must not let slip today, how many cases stand where, what happened lately.

It is the first page after start, so it answers the morning question at a glance: which acceptance decisions,
mediation periods and limitation dates are close or past (from the same clocks as the case page), in the order
they press. Every count leads to its cases: a tile (click, or Enter or Space on it) opens the case list filtered
by its status, a deadline group the list of the cases with such a deadline.
"""

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.cases import CaseStatus, event_label
from ...domain.clocks import ClockState
from ...domain.performance import PerformanceState
from ...services.dashboard import Dashboard, DueItem, RecentEvent, UnpaidItem, dashboard
from .. import formatting
from ..i18n import domain_text, render
from ..kit import palette
from ..kit.page import StationView
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..widgets.first_run_guide import FirstRunGuide
from ..workspace import Workspace
from .status_choice import OpenCases, StatusChoice

TILE_COLUMNS = 7
# The deadline groups, the most pressing first.
DEADLINE_GROUPS = (ClockState.OVERDUE, ClockState.DUE_TODAY, ClockState.URGENT, ClockState.WARNING)


def _count(board: Dashboard, choice: StatusChoice) -> int:
    if choice is OpenCases.ALL:
        return board.open_total
    if isinstance(choice, PerformanceState):
        return board.performances[choice]
    return board.counts.get(choice, 0)


class StatusTile(QFrame):
    """A count of cases (in one status, all open, or owed under an agreement): large figure, label beneath; a click,
    or Enter or Space when it has the focus, asks for its cases."""

    clicked = Signal()

    def __init__(self, choice: StatusChoice, caption: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = choice
        self.setObjectName("statusTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"#statusTile {{ border: 1px solid #d5dbe3; border-left: 4px solid {colour}; border-radius: 4px;"
            " background: palette(base); }"
            f"#statusTile:hover, #statusTile:focus {{ border: 1px solid {colour}; border-left: 4px solid {colour}; }}"
        )
        self.figure = QLabel("–")
        self.figure.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {colour};")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)

    def set_count(self, count: int) -> None:
        self.figure.setText(formatting.locale_number(count))
        self.setAccessibleName(f"{self.caption.text()}: {count}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardView(StationView, QWidget):
    """The workbench; loads afresh whenever it is shown (its deadlines move with the date) and on every change."""

    reload_on_every_show = True

    statuses_requested = Signal(object)  # the status filter's choices (status_choice.StatusChoice) to list
    cases_requested = Signal(str, object)  # a caption and the ids of the cases behind it

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.board: Dashboard | None = None

        self.greeting = QLabel(self.tr("Loading…"))
        self.greeting.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()
        self.first_run = FirstRunGuide()  # its steps come from the main window's menus
        self.first_run.hide()

        self.tiles: dict[StatusChoice, StatusTile] = {
            OpenCases.ALL: StatusTile(OpenCases.ALL, self.tr("All open"), palette.NAVY)
        }
        # The agreements still owed money: being paid, or in default.
        for state in (PerformanceState.IN_DEFAULT, PerformanceState.PERFORMING):
            colour = palette.PERFORMANCE[state].ink
            self.tiles[state] = StatusTile(state, formatting.label(state), colour)
        for status in CaseStatus:
            self.tiles[status] = StatusTile(
                status, formatting.label(status), palette.NAVY if status.is_open else palette.MUTED
            )
        tile_grid = QGridLayout()
        tile_grid.setSpacing(8)
        for position, tile in enumerate(self.tiles.values()):
            tile_grid.addWidget(tile, position // TILE_COLUMNS, position % TILE_COLUMNS)
            tile.clicked.connect(lambda chosen=tile.choice: self.statuses_requested.emit([chosen]))

        # Each group of pressing deadlines opens the list of its cases.
        self.deadline_groups = {state: QPushButton() for state in DEADLINE_GROUPS}
        groups = QHBoxLayout()
        for state, button in self.deadline_groups.items():
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            colour = palette.CLOCKS[state].ink
            button.setStyleSheet(f"QPushButton {{ color: {colour}; text-decoration: underline; padding: 2px 6px; }}")
            button.clicked.connect(lambda _checked=False, chosen=state: self._open_group(chosen))
            groups.addWidget(button)
        groups.addStretch(1)

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
        due = self._section(self.tr("Due soon, due today or overdue"), self.due_stack)
        due.layout().insertLayout(1, groups)
        splitter.addWidget(due)
        self.unpaid_section = self._section(self.tr("Workers still unpaid under an agreement"), self.unpaid_table)
        splitter.addWidget(self.unpaid_section)
        splitter.addWidget(self._section(self.tr("Recent activity"), self.recent_table))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        self.activity = splitter  # a new station has none: the first-run guide stands in its place

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.summary)
        layout.addLayout(tile_grid)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.first_run, 1)
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
                # The most pressing first.
                sort_key=lambda item: -DEADLINE_GROUPS.index(item.clock.state),
            ),
            Column(
                self.tr("Time left"),
                lambda item: formatting.time_left(item.clock),
                foreground=lambda item: palette.CLOCKS[item.clock.state].ink,
                sort_key=lambda item: -item.clock.due.toordinal(),
            ),
        ]

    def _unpaid_columns(self) -> list[Column[UnpaidItem]]:
        return [
            Column(self.tr("Case number"), lambda item: item.number),
            Column(self.tr("Worker"), lambda item: item.worker, stretch=True),
            Column(
                self.tr("Share"),
                lambda item: formatting.money(item.share_fen),
                number=True,
                sort_key=lambda item: item.share_fen,
            ),
            Column(
                self.tr("Still owed"),
                lambda item: formatting.money(item.outstanding_fen),
                bold=lambda _item: True,
                number=True,
                sort_key=lambda item: item.outstanding_fen,
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
        new_station = not any(board.counts.values())
        going, coming = (self.activity, self.first_run) if new_station else (self.first_run, self.activity)
        # One goes before the other comes: both at once are taller than a laptop's screen, and the window would grow.
        going.hide()
        coming.show()
        self.greeting.setText(self._greeting(board))
        overdue = sum(item.clock.state is ClockState.OVERDUE for item in board.due)
        self.summary.setText(
            self.tr("Open cases: {open}. Deadlines needing attention: {due}, overdue: {overdue}.").format(
                open=formatting.locale_number(board.open_total),
                due=formatting.locale_number(len(board.due)),
                overdue=formatting.locale_number(overdue),
            )
        )
        for choice, tile in self.tiles.items():
            count = _count(board, choice)
            tile.set_count(count)
            # A case is voided only by mistake, rarely: the tile shows once there is one (it is the last tile).
            tile.setVisible(choice is not CaseStatus.VOIDED or count > 0)
        for state, button in self.deadline_groups.items():
            count = sum(item.clock.state is state for item in board.due)
            button.setText(self.tr("{state}: {count}").format(state=formatting.state_name(state), count=count))
            button.setEnabled(bool(count))
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

    def _open_group(self, state: ClockState) -> None:
        if self.board is None:
            return
        case_ids = frozenset(item.case_id for item in self.board.due if item.clock.state is state)
        caption = self.tr("Workbench – {state}").format(state=formatting.state_name(state))
        self.cases_requested.emit(caption, case_ids)
