"""归档案卷: the closed case files, each with the day until which it must be kept (R13); Enter opens the file."""

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ...domain.retention import AWARD_RETENTION_YEARS, MEDIATION_RETENTION_YEARS
from ...services.archive import ArchivedCase, archive
from .. import formatting
from ..kit.page import StationView
from ..kit.table import Column, RowTableModel, fit_columns, row_table
from ..workspace import Workspace


class ArchiveWindow(StationView, QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch(workspace)
        self.setWindowTitle(self.tr("Archived case files"))
        self.model: RowTableModel[ArchivedCase] = RowTableModel(
            [
                Column(self.tr("Case number"), lambda row: row.number),
                Column(self.tr("Outcome"), lambda row: formatting.label(row.outcome) if row.outcome else ""),
                Column(self.tr("Closed on"), lambda row: formatting.day(row.closed_on)),
                Column(self.tr("Keep until"), lambda row: formatting.day(row.retention_until), stretch=True),
            ],
            self,
        )
        self.table = row_table(self.model, lambda row: workspace.case_requested.emit(row.case_id))
        self.table.setAccessibleName(self.tr("Archived case files"))
        self.summary = QLabel()
        note = QLabel(
            self.tr(
                "A closed file is kept {mediation} years after its mediation ended and {award} years after an "
                "arbitration award (counted from the referral until the award date is recorded); none is removed "
                "before then."
            ).format(mediation=MEDIATION_RETENTION_YEARS, award=AWARD_RETENTION_YEARS)
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7580;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.resize(720, 520)

    def reload(self) -> None:
        self.workspace.load(archive, on_done=self._arrived)

    def _arrived(self, rows: list[ArchivedCase]) -> None:
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.summary.setText(self.tr("{count} closed files").format(count=formatting.locale_number(len(rows))))
