"""The sync state in the main window's status bar: one glance says whether the city server has this station's work.

A coloured dot and a few words (已同步 14:32, 3 项更改待发送, 离线, 同步出错, 已停止, 正在同步：发送更改 3/12), a red
badge when conflicts wait for a person, another when records received could not be saved here, another when this
computer's clock is wrong, and a tooltip sentence that says what the state means. Clicking the state, the records or
the clock badge opens the sync window; clicking the conflicts badge opens the conflicts.
"""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from ...services.sync_state import SyncState
from .. import formatting, sync_labels
from ..sync_controller import SyncController

COLOURS = {
    SyncState.UP_TO_DATE: "#2e7d32",
    SyncState.WAITING: "#9c640c",
    SyncState.OFFLINE: "#a04000",
    SyncState.FAILED: "#b03a2e",
    SyncState.STOPPED: "#b03a2e",
    SyncState.NOT_ENROLLED: "#6b7280",
}
RUNNING_COLOUR = "#1f6fb2"
NEUTRAL_COLOUR = "#6b7280"
BADGE_STYLE = (
    "QToolButton { color: white; background: #b03a2e; border-radius: 9px; padding: 1px 8px; font-weight: bold; }"
    "QToolButton:hover { background: #922b21; }"
)


def state_colour(controller: SyncController) -> str:
    """The colour of the sync state, shared by the status bar's dot and the sync window's headline."""
    if controller.running:
        return RUNNING_COLOUR
    status = controller.status
    if status is None or not controller.enabled:  # not read yet, or the demo, which never syncs
        return NEUTRAL_COLOUR
    return COLOURS[status.state]


def dot(colour: str, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return QIcon(pixmap)


class SyncIndicator(QWidget):
    open_window = Signal()
    open_conflicts = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.state_button = QToolButton()
        self.state_button.setObjectName("syncState")
        self.state_button.setAutoRaise(True)
        self.state_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.state_button.setIconSize(QSize(10, 10))
        self.state_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.state_button.clicked.connect(self.open_window)
        self.conflicts_button = QToolButton()
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.setStyleSheet(BADGE_STYLE)
        self.conflicts_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts_button.setToolTip(
            self.tr("The same data was changed on two computers; click to choose which value is right.")
        )
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        self.quarantined_button = QToolButton()
        self.quarantined_button.setObjectName("syncQuarantined")
        self.quarantined_button.setStyleSheet(BADGE_STYLE)
        self.quarantined_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quarantined_button.setToolTip(
            self.tr(
                "Records received from the city server that this computer could not save. They are kept and tried "
                "again after every sync; everything else was saved. Click for the sync log."
            )
        )
        self.quarantined_button.clicked.connect(self.open_window)
        self.quarantined_button.hide()
        self.clock_button = QToolButton()
        self.clock_button.setObjectName("syncClock")
        self.clock_button.setStyleSheet(BADGE_STYLE)
        self.clock_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clock_button.setToolTip(sync_labels.clock_sentence())
        self.clock_button.clicked.connect(self.open_window)
        self.clock_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.clock_button)
        layout.addWidget(self.quarantined_button)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.state_button)
        controller.status_changed.connect(self.refresh)
        controller.running_changed.connect(self.refresh)
        controller.progress_changed.connect(self.refresh)
        self.refresh()

    @property
    def text(self) -> str:
        return self.state_button.text()

    @property
    def conflicts_text(self) -> str:
        return "" if self.conflicts_button.isHidden() else self.conflicts_button.text()

    @property
    def quarantined_text(self) -> str:
        return "" if self.quarantined_button.isHidden() else self.quarantined_button.text()

    @property
    def clock_text(self) -> str:
        return "" if self.clock_button.isHidden() else self.clock_button.text()

    def refresh(self) -> None:
        controller = self.controller
        status, demo = controller.status, not controller.enabled
        text = sync_labels.state_text(status, controller.running, controller.progress, demo=demo)
        self.state_button.setIcon(dot(state_colour(controller)))
        self.state_button.setText(text)
        self.state_button.setToolTip(sync_labels.state_sentence(status, controller.running, demo=demo))
        self.state_button.setAccessibleName(text)
        conflicts = status.open_conflicts if status is not None and not demo else 0
        self.conflicts_button.setVisible(conflicts > 0)
        self.conflicts_button.setText(self.tr("{n} conflicts").format(n=formatting.locale_number(conflicts)))
        quarantined = status.quarantined if status is not None and not demo else 0
        self.quarantined_button.setVisible(quarantined > 0)
        self.quarantined_button.setText(sync_labels.quarantined_text(quarantined))
        wrong_by = status.clock_offset if status is not None and not demo and status.clock_wrong else None
        self.clock_button.setVisible(wrong_by is not None)
        self.clock_button.setText(sync_labels.clock_text(wrong_by) if wrong_by is not None else "")
