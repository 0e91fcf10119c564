"""The sync window (同步 › 同步状态与日志): where this computer stands with the city server, and what happened.

Its top says the state in words, what went wrong last (and what to do about it), which server and station this
computer belongs to, and how many changes and conflicts wait; 立即同步 starts a sync, whose progress shows below.
The log lists every sync, failure, refused change and conflict, newest first, problems in red.
"""

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Change
from ...domain.messages import Message
from ...services import sync
from ...services.sync import LogLine, SyncState
from ...services.sync_state import CLOCK_TOLERANCE
from ...station_sync.failures import FailureReason
from ...station_sync.progress import Progress
from .. import formatting, sync_labels
from ..i18n import render
from ..kit.page import StationView
from ..kit.palette import BANNER_STYLE
from ..kit.table import Column, RowTableModel, row_table
from ..sync_controller import SyncController
from ..widgets.sync_indicator import state_colour
from ..workspace import Workspace

LOG_LINES = 500
PROBLEM_TEXT = "#b03a2e"
PROBLEM_BACKGROUND = "#fdecea"


def _choice_text(choice: str) -> str:
    texts = {
        sync.Choice.KEEP_MINE.value: QCoreApplication.translate("SyncWindow", "took the value that had been set aside"),
        sync.Choice.KEEP_SERVER.value: QCoreApplication.translate("SyncWindow", "kept the city server's value"),
        sync.Choice.EDIT.value: QCoreApplication.translate("SyncWindow", "changed to a new value"),
    }
    return texts.get(choice, choice)


def log_text(line: LogLine) -> str:
    """A log line in words: table and field names, choices and nested messages shown as a person reads them."""
    params: dict[str, Any] = dict(line.message.params)
    table = str(params.get("table") or "")
    for name, value in params.items():
        if isinstance(value, Message):
            params[name] = render(value)
    if "table" in params:
        params["table"] = sync_labels.record_kind(table)
    if "field" in params:
        params["field"] = sync_labels.field_label(table, str(params["field"] or ""))
    if "choice" in params:
        params["choice"] = _choice_text(str(params["choice"]))
    if isinstance(params.get("tables"), str):
        params["tables"] = sync_labels.join(sync_labels.record_kind(name) for name in params["tables"].split(", "))
    return render(Message(line.message.text, params))


def log_detail(line: LogLine) -> str:
    detail = line.message.params.get("detail")
    return f"{log_text(line)}\n{detail}" if detail else log_text(line)


class SyncWindow(StationView, QDialog):
    enrol_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, workspace: Workspace, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync with the city server"))
        self.headline = QLabel()
        self.headline.setObjectName("syncHeadline")
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("syncProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(BANNER_STYLE)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()

        self.server = QLabel()
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.station = QLabel()
        self.device = QLabel()
        self.last_sync = QLabel()
        self.pending = QLabel()
        self.conflicts = QLabel()
        self.quarantined = QLabel()
        self.clock = QLabel()
        self.clock.setWordWrap(True)
        self.next_try = QLabel()
        facts = QFormLayout()
        facts.addRow(self.tr("City server:"), self.server)
        facts.addRow(self.tr("Station:"), self.station)
        facts.addRow(self.tr("This computer:"), self.device)
        facts.addRow(self.tr("Last successful sync:"), self.last_sync)
        facts.addRow(self.tr("Changes waiting to be sent:"), self.pending)
        facts.addRow(self.tr("Conflicts to settle:"), self.conflicts)
        facts.addRow(self.tr("Records received that could not be saved:"), self.quarantined)
        facts.addRow(self.tr("Clock:"), self.clock)
        self.next_try_caption = QLabel(self.tr("Next automatic try:"))
        facts.addRow(self.next_try_caption, self.next_try)

        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Send this computer's changes and receive the others' now (Ctrl+Shift+S)"))
        self.sync_button.clicked.connect(self.controller.sync_now)
        self.enrol_button = QPushButton()
        self.enrol_button.setAutoDefault(False)
        self.enrol_button.clicked.connect(self.enrol_requested)
        self.conflicts_button = QPushButton(self.tr("Settle &conflicts…"))
        self.conflicts_button.setAutoDefault(False)
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)

        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        self.progress_row = QWidget()
        self.progress_row.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)

        self.log_model: RowTableModel[LogLine] = RowTableModel(
            [
                Column(self.tr("Time"), lambda line: formatting.moment(line.at)),
                Column(
                    self.tr("What happened"),
                    log_text,
                    foreground=lambda line: PROBLEM_TEXT if line.is_problem else None,
                    background=lambda line: PROBLEM_BACKGROUND if line.is_problem else None,
                    tooltip=log_detail,
                    stretch=True,
                ),
            ],
            self,
        )
        self.log_table = row_table(self.log_model)
        self.log_table.setAccessibleName(self.tr("Sync log"))
        self.log_table.setWordWrap(True)
        log_caption = QLabel(self.tr("Sync log (newest first)"))
        log_caption.setStyleSheet("font-weight: bold; margin-top: 8px;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.sentence)
        layout.addWidget(self.problem)
        layout.addLayout(facts)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_row)
        layout.addWidget(log_caption)
        layout.addWidget(self.log_table, 1)
        self.resize(760, 620)

        controller.status_changed.connect(self.show_state)
        controller.running_changed.connect(self.show_state)
        controller.progress_changed.connect(self.show_progress)
        controller.sync_finished.connect(self.reload_log)
        controller.sync_failed.connect(self.reload_log)
        self.show_state()

    reload_on_every_show = True  # the status and the log move with every sync

    def concerns(self, change: Change) -> bool:
        # A local change (a settled conflict, an enrolment) may have written to the log. During a sync, the rows it
        # brings are announced too, but its end (sync_finished or sync_failed) reloads the log anyway: once is enough.
        return not self.controller.running

    def reload(self) -> None:
        self.controller.refresh_status()
        self.reload_log()

    def reload_log(self, *_args: object) -> None:
        if self.isVisible():
            self.workspace.load(sync.sync_log, LOG_LINES, on_done=self._log_loaded)

    def _log_loaded(self, lines: list[LogLine]) -> None:
        self.log_model.set_rows(lines)
        self.log_table.resizeColumnToContents(0)
        self.log_table.resizeRowsToContents()

    def show_state(self, *_args: object) -> None:
        controller = self.controller
        status, demo, running = controller.status, not controller.enabled, controller.running
        self.headline.setText(sync_labels.state_text(status, running, controller.progress, demo=demo))
        self.headline.setStyleSheet(f"font-size: 18px; font-weight: bold; color: {state_colour(controller)};")
        sentence = sync_labels.state_sentence(status, running, demo=demo)
        problem = status.problem if status is not None and not running and not demo else None
        if problem is not None and status is not None and status.state is SyncState.STOPPED:
            sentence = self.tr("Sync is stopped and waits for you. What happened, and what to do:")
        elif problem is not None and status is not None and status.reason is FailureReason.OFFLINE:
            problem = None  # the sentence above already says the server cannot be reached
        self.sentence.setText(sentence)
        enrolled = status is not None and status.state is not SyncState.NOT_ENROLLED
        not_yet = self.tr("not yet")
        self.server.setText((status.server_url if status else None) or not_yet)
        self.station.setText((status.station_name if status else None) or not_yet)
        self.device.setText((status.device_name if status else None) or not_yet)
        self.last_sync.setText(
            formatting.moment(status.last_success_at) if status and status.last_success_at else self.tr("never")
        )
        self.pending.setText(formatting.locale_number(status.pending_changes if status else 0))
        conflicts = status.open_conflicts if status else 0
        self.conflicts.setText(formatting.locale_number(conflicts))
        self.conflicts.setStyleSheet(f"color: {PROBLEM_TEXT}; font-weight: bold;" if conflicts else "")
        self.conflicts_button.setEnabled(conflicts > 0)
        quarantined = status.quarantined if status else 0
        self.quarantined.setText(formatting.locale_number(quarantined))
        self.quarantined.setStyleSheet(f"color: {PROBLEM_TEXT}; font-weight: bold;" if quarantined else "")
        offset = status.clock_offset if status is not None else None
        if offset is None:
            self.clock.setText(self.tr("not measured yet: a sync compares it with the city server's"))
            self.clock.setStyleSheet("")
        elif abs(offset) >= CLOCK_TOLERANCE:
            clock, advice = sync_labels.clock_text(offset), sync_labels.clock_sentence()
            self.clock.setText(self.tr("{clock}. {advice}").format(clock=clock, advice=advice))
            self.clock.setStyleSheet(f"color: {PROBLEM_TEXT}; font-weight: bold;")
        else:
            minutes = CLOCK_TOLERANCE // timedelta(minutes=1)
            self.clock.setText(self.tr("right (within {n} minutes of the city server's)").format(n=minutes))
            self.clock.setStyleSheet("")
        retry = controller.next_retry_at if controller.retry_pending and not running else None
        self.next_try.setText(formatting.moment(retry) if retry else "")
        self.next_try.setVisible(retry is not None)
        self.next_try_caption.setVisible(retry is not None)
        self.problem.setText(render(problem) if problem is not None else "")
        self.problem.setVisible(problem is not None)
        self.sync_button.setEnabled(enrolled and not running and not demo)
        self.enrol_button.setText(self.tr("&Enrol again…") if enrolled else self.tr("&Enrol this computer…"))
        self.enrol_button.setEnabled(not demo and not running)
        self.progress_row.setVisible(running)
        if running:
            self.show_progress(controller.progress)

    def show_progress(self, progress: Progress | None) -> None:
        if progress is None:
            return
        self.progress_label.setText(sync_labels.progress_text(progress))
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)
        else:
            self.progress_bar.setRange(0, 0)  # a pull does not know its size: a busy bar
