"""The 案件 page: every case of the station in one searchable, filterable, sortable table.

A station may hold 100,000 cases, so the table never loads them all: the model knows how many match and fetches
pages of rows in the background as the coordinator scrolls (Qt's canFetchMore/fetchMore). Searching, filtering
and sorting are done by the database, and a result that arrives after the query changed is dropped.
"""

import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.case_search import Hit
from ...domain.cases import CaseStatus, Category, IntakeChannel
from ...domain.performance import PerformanceState
from ...services import audit, case_export
from ...services.case_queries import (
    ALL_OPEN,
    SEARCH_MAX,
    CaseFilter,
    CaseRow,
    SortColumn,
    count_cases,
    list_cases,
)
from ...services.station import StationContext
from .. import formatting
from ..i18n import domain_text
from ..kit import palette
from ..kit.inputs import EnumCombo, date_edit, date_range
from ..kit.page import StationView
from ..kit.table import ROWS_MEASURED
from ..widgets.multi_choice import MultiChoice
from ..workspace import Workspace
from .status_choice import OpenCases, StatusChoice

PAGE_SIZE = 200
SEARCH_DELAY_MS = 250
DEFAULT_RANGE_DAYS = 30

# Where the search words were found: shown while searching, and not a database sort.
FOUND_IN: Final = "found_in"
# The table's columns, each named by the database sort it maps to (sorting happens in the database).
COLUMNS: tuple[SortColumn | str, ...] = (
    SortColumn.NUMBER,
    SortColumn.REGISTERED_AT,
    SortColumn.CLAIMANT,
    FOUND_IN,
    SortColumn.RESPONDENT,
    SortColumn.CATEGORY,
    SortColumn.CHANNEL,
    SortColumn.STATUS,
    SortColumn.CLAIMED,
)

# Columns fit their contents up to this many characters; the whole text is in the tooltip.
WIDEST_CHARACTERS = 20
NAME_LEAST_CHARACTERS = 6  # the width a name's column keeps when the list is too narrow for all
_NAMES = (SortColumn.CLAIMANT, SortColumn.RESPONDENT)  # the columns that give way


def standing(choices: Iterable[Hashable]) -> tuple[frozenset[CaseStatus], frozenset[PerformanceState]]:
    """The statuses and agreement performances that the chosen entries of the status filter stand for."""
    statuses: set[CaseStatus] = set()
    performances: set[PerformanceState] = set()
    for choice in choices:
        if choice is OpenCases.ALL:
            statuses |= ALL_OPEN.statuses
            performances |= ALL_OPEN.performances
        elif isinstance(choice, CaseStatus):
            statuses.add(choice)
        elif isinstance(choice, PerformanceState):
            performances.add(choice)
    return frozenset(statuses), frozenset(performances)


# A first click on these headers shows the newest or largest first: what a coordinator looks for.
_LARGEST_FIRST = frozenset({SortColumn.REGISTERED_AT, SortColumn.CLAIMED})


@dataclass(frozen=True)
class CaseQuery:
    """Which cases the table shows and in what order."""

    filter: CaseFilter = field(default_factory=CaseFilter)
    sort: SortColumn = SortColumn.REGISTERED_AT
    descending: bool = True


def _first_page(context: StationContext, query: CaseQuery, limit: int) -> tuple[int, list[CaseRow]]:
    """The total and the first rows together (on the worker thread), so the table never shows one without the other."""
    rows = list_cases(context, query.filter, query.sort, query.descending, 0, limit)
    return count_cases(context, query.filter), rows


class CaseTableModel(QAbstractTableModel):
    """Cases matching a :class:`CaseQuery`, loaded a page at a time in the background."""

    refreshed = Signal()  # the first page of a new query (or a reload) is in place
    loading_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QObject | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._query = CaseQuery()
        self._rows: list[CaseRow] = []
        self._total = 0
        # Bumped whenever the query changes; a result stamped with an older generation is stale and dropped.
        self._generation = 0
        self._loading = False
        self._titles = {
            SortColumn.NUMBER: self.tr("Case number"),
            SortColumn.REGISTERED_AT: self.tr("Registered"),
            SortColumn.CLAIMANT: self.tr("Claimants"),
            FOUND_IN: self.tr("Found in"),
            SortColumn.RESPONDENT: self.tr("Respondent"),
            SortColumn.CATEGORY: self.tr("Category"),
            SortColumn.CHANNEL: self.tr("Channel"),
            SortColumn.STATUS: self.tr("Status"),
            SortColumn.CLAIMED: self.tr("Claimed"),
        }

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many cases match the query, loaded or not."""
        return self._total

    def case_id(self, row: int) -> uuid.UUID:
        return self._rows[row].id

    def row_of(self, case_id: uuid.UUID) -> int | None:
        return next((number for number, row in enumerate(self._rows) if row.id == case_id), None)

    def set_query(self, query: CaseQuery) -> None:
        if query != self._query:
            self._query = query
            self._load_first_page(PAGE_SIZE)

    def reload(self) -> None:
        """Fetch the same query again, as many rows as are loaded now, so the scroll position survives."""
        self._load_first_page(max(PAGE_SIZE, len(self._rows)))

    # Loading -----------------------------------------------------------------------------------------------------

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _request(self, service: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        """Run ``service`` in the background; its result or error counts only if the query is still the same."""
        generation = self._generation

        def current() -> bool:
            # The page may have been closed (and the model deleted by Qt) while the query ran.
            return shiboken6.isValid(self) and generation == self._generation

        def done(result: Any) -> None:
            if current():
                self._set_loading(False)
                on_done(result)

        def failed(error: Exception) -> None:
            if current():
                self._set_loading(False)
                self._workspace.show_error(error)

        self._set_loading(True)
        self._workspace.load(service, *args, on_done=done, on_error=failed)

    def _load_first_page(self, limit: int) -> None:
        # The rows on screen stay until the new ones arrive, so typing in the search box does not flash the table.
        self._generation += 1
        self._request(_first_page, self._query, limit, on_done=self._first_page_arrived)

    def _first_page_arrived(self, result: tuple[int, list[CaseRow]]) -> None:
        self.beginResetModel()
        self._total, self._rows = result
        self.endResetModel()
        self.refreshed.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        query = self._query
        self._request(
            list_cases,
            query.filter,
            query.sort,
            query.descending,
            len(self._rows),
            PAGE_SIZE,
            on_done=self._page_arrived,
        )

    def _page_arrived(self, rows: list[CaseRow]) -> None:
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            # Cases were removed since the count was taken: stop asking for more.
            self._total = len(self._rows)

    # Qt's table model ----------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[COLUMNS[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] is SortColumn.CLAIMED:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.InitialSortOrderRole and COLUMNS[section] in _LARGEST_FIRST:
            return Qt.SortOrder.DescendingOrder
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (SortColumn.CLAIMANT, FOUND_IN, SortColumn.RESPONDENT):
            # Columns are fitted up to a width: a long company name or several matches are a hover away.
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is SortColumn.CLAIMED:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and column is SortColumn.STATUS:
            shown = row.standing
            tint = palette.PERFORMANCE[shown] if isinstance(shown, PerformanceState) else palette.STATUSES[shown]
            return QColor(tint.wash)
        if role == Qt.ItemDataRole.ForegroundRole and column is SortColumn.STATUS:
            # The tint is pale in any theme, so its text must stay dark even in a dark theme.
            return QColor("#202020")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: CaseRow, column: SortColumn | str) -> str:
        match column:
            case SortColumn.NUMBER:
                return row.number
            case SortColumn.REGISTERED_AT:
                return formatting.moment(row.registered_at)
            case SortColumn.CLAIMANT:
                return formatting.claimants(row.claimant_summary, row.worker_count)
            case SortColumn.RESPONDENT:
                return row.respondent_summary
            case SortColumn.CATEGORY:
                return formatting.label(row.category)
            case SortColumn.CHANNEL:
                return formatting.label(row.channel)
            case SortColumn.STATUS:
                return formatting.label(row.standing)
            case SortColumn.CLAIMED:
                return formatting.money(row.claimed_total_fen)
            case _:
                return self._found_in(row.hits)

    def _found_in(self, hits: tuple[Hit, ...]) -> str:
        """Where the words were found, field by field: 姓名：李四、王磊；用人单位：…"""
        by_field: dict[str, list[str]] = {}
        for hit in hits:
            by_field.setdefault(formatting.label(hit.field), []).append(hit.shown)
        return self.tr("; ").join(
            self.tr("{field}: {value}").format(field=field, value=self.tr(", ").join(values))
            for field, values in by_field.items()
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the database sorts, and the table starts again from the first page."""
        chosen = COLUMNS[column]
        if isinstance(chosen, SortColumn):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(CaseQuery(self._query.filter, chosen, descending))


class CaseTable(QTableView):
    """The table with the keys a coordinator expects: Enter opens the case, Up from the first row returns to search."""

    open_requested = Signal(QModelIndex)
    left_top = Signal()
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.open_requested.emit(index)
            return
        if event.key() == Qt.Key.Key_Up and index.row() <= 0:
            self.left_top.emit()
            return
        super().keyPressEvent(event)


def _filter_combo(everything: str, members: list[Any]) -> EnumCombo:
    """A filter choice: "All …" (no filter) first, then each member by its translated label."""
    combo = EnumCombo(members, blank=everything)
    # Sized for a typical label; the popup still shows the long ones in full.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class CaseListView(StationView, QWidget):
    """Search box and filters above the case table; Enter or a double click opens the case file."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        # Where to put the coordinator back after a reload caused by a change elsewhere: (selected case, scroll).
        self._restore: tuple[uuid.UUID | None, int] | None = None
        self._name_fits: dict[int, int] = {}  # the claimant's and respondent's columns: the widths they need

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, ID numbers, employers, projects, facts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(SEARCH_MAX)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.count_label = QLabel()
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setStyleSheet("color: #777;")
        hidden_keeps_size = self.loading_label.sizePolicy()
        hidden_keeps_size.setRetainSizeWhenHidden(True)
        self.loading_label.setSizePolicy(hidden_keeps_size)
        self.loading_label.hide()

        open_choices: list[tuple[Hashable | None, str]] = [
            (OpenCases.ALL, self.tr("All open")),
            (PerformanceState.IN_DEFAULT, formatting.label(PerformanceState.IN_DEFAULT)),
            (PerformanceState.PERFORMING, formatting.label(PerformanceState.PERFORMING)),
            (None, ""),
        ]
        self.status_filter = MultiChoice(
            open_choices + [(status, formatting.label(status)) for status in CaseStatus], self.tr("All statuses")
        )
        self.category_filter = _filter_combo(self.tr("All categories"), list(Category))
        self.channel_filter = _filter_combo(self.tr("All channels"), list(IntakeChannel))
        self.date_range = QCheckBox(self.tr("&Registered from"))
        today = chinatime.today()
        self.date_from = date_edit(today - timedelta(days=DEFAULT_RANGE_DAYS))
        self.date_to = date_edit(today)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        self.clear_filters = QPushButton(self.tr("C&lear search and filters"))
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        self.export_button.setToolTip(self.tr("The cases listed now, with the search and filters as they are"))
        # The cases behind a figure of the 统计 page, listed until the filters are cleared.
        self.figure: tuple[str, frozenset[uuid.UUID]] | None = None
        self.figure_banner = QLabel()
        self.figure_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.figure_banner.setStyleSheet("background: #e8eef6; border: 1px solid #b8c7db; padding: 4px 8px;")
        self.figure_banner.hide()

        self.model = CaseTableModel(workspace, self)
        self.table = CaseTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights let Qt skip measuring 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Columns fit what the first rows hold (measuring them all would run Python for each of 100,000).
        header.setResizeContentsPrecision(ROWS_MEASURED)
        self.table.setColumnHidden(COLUMNS.index(FOUND_IN), True)
        # The newest first; setting the indicator before enabling sorting makes Qt ask for exactly this order.
        header.setSortIndicator(COLUMNS.index(SortColumn.REGISTERED_AT), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)

        self.empty_message = QLabel()
        self.empty_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_message.setWordWrap(True)
        self.empty_message.setStyleSheet("color: #555; font-size: 15px;")
        self.empty_clear = QPushButton(self.tr("Show all cases"))
        empty = QWidget()
        empty.setObjectName("emptyState")
        # Framed like the table it stands in for, so the page does not look broken.
        empty.setStyleSheet("#emptyState { background: palette(base); border: 1px solid palette(mid); }")
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch()
        empty_layout.addWidget(self.empty_message)
        empty_layout.addWidget(self.empty_clear, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch()
        self.results = QStackedLayout()
        self.results.addWidget(self.table)
        self.results.addWidget(empty)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.loading_label)
        top.addWidget(self.count_label)
        # Beside the search it clears too, so that the filter row fits a 1280-pixel-wide window.
        top.addWidget(self.clear_filters)
        top.addWidget(self.export_button)
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("S&tatus:"), self.status_filter),
            (self.tr("Cat&egory:"), self.category_filter),
            (self.tr("Cha&nnel:"), self.channel_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addWidget(self.date_range)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.figure_banner)
        layout.addLayout(self.results, 1)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        # Instant search: wait until typing pauses, so each keystroke does not start a query.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_filter)
        self.search.installEventFilter(self)
        self.status_filter.changed.connect(self._apply_filter)
        for combo in (self.category_filter, self.channel_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.date_range.toggled.connect(self.date_from.setEnabled)
        self.date_range.toggled.connect(self.date_to.setEnabled)
        self.date_range.toggled.connect(self._apply_filter)
        self.date_from.dateChanged.connect(self._apply_filter)
        self.date_to.dateChanged.connect(self._apply_filter)
        self.clear_filters.clicked.connect(self._clear)
        self.export_button.clicked.connect(self.export)
        self.empty_clear.clicked.connect(self._clear)
        self.table.open_requested.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.table.left_top.connect(self.focus_search)
        self.table.resized.connect(self._spread)
        self.model.refreshed.connect(self._refreshed)
        self.model.loading_changed.connect(self.loading_label.setVisible)
        self.clear_filters.setEnabled(False)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def case_filter(self) -> CaseFilter:
        """The filter as the widgets show it now."""

        def chosen(combo: EnumCombo) -> frozenset[Any]:
            member = combo.current()
            return frozenset() if member is None else frozenset({member})

        ranged = self.date_range.isChecked()
        first, last = date_range(self.date_from, self.date_to)
        statuses, performances = standing(self.status_filter.chosen())
        return CaseFilter(
            text=self.search.text(),
            statuses=statuses,
            performances=performances,
            categories=chosen(self.category_filter),
            channels=chosen(self.channel_filter),
            registered_from=first if ranged else None,
            registered_to=last if ranged else None,
            case_ids=self.figure[1] if self.figure else None,
        )

    def show_statuses(self, choices: Iterable[StatusChoice]) -> None:
        """List the cases of these status filter choices (a tile of the workbench), with no other filter."""
        self._clear_widgets()
        self.status_filter.blockSignals(True)
        self.status_filter.choose(choices)
        self.status_filter.blockSignals(False)
        self._apply_filter()

    def show_figure(self, caption: str, case_ids: frozenset[uuid.UUID]) -> None:
        """List exactly ``case_ids`` (the cases behind a figure), named by ``caption``, with no other filter."""
        self._clear_widgets()
        self.figure = (caption, case_ids)
        self.figure_banner.setText(self.tr("Cases behind the figure: {caption}").format(caption=caption))
        self.figure_banner.show()
        self._apply_filter()

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the case list"),
            self.tr("Cases {day}.xlsx").format(day=chinatime.today().isoformat()),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        self.export_button.setEnabled(False)

        def exported(count: int) -> None:
            self.export_button.setEnabled(True)
            self.count_label.setText(self.tr("{count} cases exported to {file}").format(count=count, file=name))

        def failed(error: Exception) -> None:
            self.export_button.setEnabled(True)
            self.workspace.show_error(error, self)

        self.workspace.load(
            case_export.export_cases,
            self.model.query.filter,
            Path(name),
            domain_text,
            on_done=exported,
            on_error=failed,
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self._restore = None
        query = self.model.query
        wanted = CaseQuery(self.case_filter(), query.sort, query.descending)
        if wanted.filter.text and wanted.filter.text != query.filter.text:
            self.workspace.record(audit.searched, wanted.filter.text)
        self.model.set_query(wanted)

    def _clear(self) -> None:
        self._clear_widgets()
        self._apply_filter()
        self.focus_search()

    def _clear_widgets(self) -> None:
        # Reset every widget quietly, then query once rather than once per widget.
        widgets = (self.search, self.status_filter, self.category_filter, self.channel_filter, self.date_range)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.status_filter.choose([])
        for combo in (self.category_filter, self.channel_filter):
            combo.setCurrentIndex(0)
        self.date_range.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.figure = None
        self.figure_banner.hide()

    def reload(self) -> None:
        """Query again, keeping the selected case and the scroll position."""
        selected = self.table.currentIndex()
        case_id = self.model.case_id(selected.row()) if selected.isValid() else None
        self._restore = (case_id, self.table.verticalScrollBar().value())
        self.model.reload()

    def _keep_sort_indicator(self, section: int) -> None:
        # Where the words were found is no order of the database's: the list stays as it was sorted.
        if COLUMNS[section] == FOUND_IN:
            query = self.model.query
            order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(COLUMNS.index(query.sort), order)
            header.blockSignals(False)

    def _fit_columns(self) -> None:
        """Fit each column to what it shows, up to a width (a long name's whole text is in its tooltip)."""
        searching = bool(self.model.query.filter.text.strip())
        self.table.setColumnHidden(COLUMNS.index(FOUND_IN), not searching)
        header = self.table.horizontalHeader()
        widest = WIDEST_CHARACTERS * self.table.fontMetrics().horizontalAdvance("中")
        shown = [section for section in range(header.count()) if not header.isSectionHidden(section)]
        for section in shown:
            self.table.resizeColumnToContents(section)
            header.resizeSection(section, min(header.sectionSize(section), widest))
        self._name_fits = {COLUMNS.index(name): header.sectionSize(COLUMNS.index(name)) for name in _NAMES}
        self._spread()

    def _spread(self) -> None:
        """Give the room the fitted columns leave to the respondent, the longest and the one a coordinator reads.
        Without room the two names give way, down to a few characters each (elided; the whole name is in the
        tooltip), so that the amount and the status stay in sight: one long name pushed them off the list."""
        if not self._name_fits:  # resized before the first rows were fitted
            return
        header = self.table.horizontalHeader()
        claimant, respondent = self._name_fits
        others = header.length() - sum(header.sectionSize(section) for section in self._name_fits)
        room = self.table.viewport().width() - others
        fits = self._name_fits
        if room >= sum(fits.values()):
            header.resizeSection(claimant, fits[claimant])
            header.resizeSection(respondent, room - fits[claimant])
            return
        least = NAME_LEAST_CHARACTERS * self.table.fontMetrics().horizontalAdvance("中")
        for section, fit in fits.items():
            header.resizeSection(section, max(min(fit, least), room * fit // sum(fits.values())))

    def _refreshed(self) -> None:
        self._fit_columns()
        self._show_count()
        if self._restore is not None:
            case_id, scroll = self._restore
            self._restore = None
            row = self.model.row_of(case_id) if case_id else None
            if row is not None:
                self.table.selectRow(row)
            self.table.verticalScrollBar().setValue(scroll)
        else:
            self.table.scrollToTop()

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("{count} cases").format(count=formatting.locale_number(total)))
        filtered = self.model.query.filter != CaseFilter()
        self.clear_filters.setEnabled(filtered)
        if total:
            self.results.setCurrentWidget(self.table)
            return
        if filtered:
            self.empty_message.setText(
                self.tr("No cases match.\nCheck the spelling, search for fewer characters, or choose wider filters.")
            )
        else:
            self.empty_message.setText(
                self.tr("No cases yet.\nComplaints registered on the Register page (Ctrl+N) appear here.")
            )
        self.empty_clear.setVisible(filtered)
        self.results.setCurrentIndex(1)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.workspace.case_requested.emit(self.model.case_id(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the results, as in a browser's address bar.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
