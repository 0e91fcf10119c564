"""账户 › 备份与恢复 (administrator): where backups go (a USB stick), how many are kept, a backup now, and restoring
one. Backups are also made without asking: daily, and when the program closes after a change (services.backups).
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.backups import Retention
from ...services import backups
from ...services.backups import BackupInfo, BackupState
from .. import formatting
from ..kit.ask import ask
from ..kit.palette import BANNER_STYLE
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..workspace import Workspace


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1024 / 1024:.1f} MB"


class BackupsWindow(QDialog):
    restore_requested = Signal(str)  # the backup's name; the session stops the station's work and restores it

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Backups"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("&Change folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.keep = {name: QSpinBox() for name in backups.RETENTION_LIMITS}
        for name, box in self.keep.items():
            allowed = backups.RETENTION_LIMITS[name]
            box.setRange(allowed.start, allowed.stop - 1)
            box.setKeyboardTracking(False)
        self.model: RowTableModel[BackupInfo] = RowTableModel(
            [
                Column(self.tr("Made at"), lambda row: formatting.moment(row.made_at)),
                Column(self.tr("Cases"), lambda row: formatting.locale_number(row.cases), number=True),
                Column(self.tr("Size"), lambda row: _size(row.size_bytes), number=True),
            ],
            self,
        )
        self.table = row_table(self.model, lambda row: self.restore(row))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.back_up_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("&Restore the chosen backup…"))
        self.restore_button.clicked.connect(lambda: self.restore(self.selected()))

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_button)
        keep_row = QHBoxLayout()
        for name, caption in (
            ("daily", self.tr("days")),
            ("weekly", self.tr("weeks")),
            ("monthly", self.tr("months")),
        ):
            keep_row.addWidget(self.keep[name])
            keep_row.addWidget(QLabel(caption))
        keep_row.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow(self.tr("Keep the newest of the last"), keep_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(720, 480)
        self._selection_changed()
        self._retention_connected = False
        self.reload()

    def reload(self) -> None:
        self.workspace.load(backups.state, on_done=self._show_state)
        self.workspace.load(backups.list_backups, on_done=self._show_backups)

    def _show_state(self, state: BackupState) -> None:
        self.folder.setText(str(state.folder))
        if state.failed_at is not None:
            self.state.setStyleSheet(BANNER_STYLE)
            self.state.setText(
                self.tr(
                    "The automatic backup of {time} could not be written to the backup folder (is the USB stick "
                    "plugged in?). Plug it in and back up now, or choose another folder."
                ).format(time=formatting.moment(state.failed_at))
            )
        else:
            self.state.setStyleSheet("")
            last = formatting.moment(state.last_at) if state.last_at else self.tr("never")
            self.state.setText(
                self.tr(
                    "Last backup: {time}. Backups are made every day and when the program closes after a change; "
                    "each is checked before it counts."
                ).format(time=last)
            )
        retention = state.retention
        for name, box in self.keep.items():
            box.setValue(getattr(retention, name))
        if not self._retention_connected:  # saved from now on, not while the stored values are put in
            self._retention_connected = True
            for box in self.keep.values():
                box.valueChanged.connect(self._save_retention)

    def _show_backups(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)
        fit_columns(self.table)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _save_retention(self) -> None:
        retention = Retention(*(self.keep[name].value() for name in backups.RETENTION_LIMITS))
        self.workspace.change(backups.set_retention, retention)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if folder:
            self.workspace.change(backups.set_folder, Path(folder), on_done=lambda _: self.reload())

    def back_up(self) -> None:
        self.back_up_button.setEnabled(False)
        self.state.setText(self.tr("Backing up…"))

        def done(_info: BackupInfo | None) -> None:
            self.back_up_button.setEnabled(True)
            self.reload()

        def failed(error: Exception) -> None:
            done(None)
            self.workspace.show_error(error, self)

        self.workspace.change(backups.back_up, on_done=done, on_error=failed)

    def restore(self, row: BackupInfo | None) -> None:
        if row is None:
            return
        question = self.tr(
            "Restore the backup of {time}? What was typed on this computer after it is replaced (the current "
            "data is kept aside in the data folder); what was synced comes back from the city at the next sync. "
            "Everyone signs in again afterwards."
        ).format(time=formatting.moment(row.made_at))
        ask(self, self.tr("Restore a backup"), question, lambda: self.restore_requested.emit(row.name))
