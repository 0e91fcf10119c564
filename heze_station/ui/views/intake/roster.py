"""Importing the workers of a collective case from a roster spreadsheet into the 登记 page's workers table.

The file is read and checked in the background, then what the check found is shown before anything reaches the
form. A roster is taken whole or not at all: with any row wrong, the dialog lists every problem by the row number the
spreadsheet shows and offers only Close, since the spreadsheet is where the clerk keeps it and fixes it.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....domain.cases import Category
from ....domain.messages import Message
from ....services.intake import WorkerEntry
from ....services.roster import RosterReport, RosterUnreadable, read_roster, write_template
from ... import formatting
from ...i18n import render
from ...kit.palette import ERROR, GOOD, NAVY, NOTICE_STYLE
from ...kit.text import plain_label
from ...workspace import Workspace
from .workers_table import WorkersTable

_STYLE = f"""
QLabel#rosterTitle {{ font-size: 16px; font-weight: bold; color: {NAVY}; }}
QLabel#rosterSummary[problem="true"] {{ color: {ERROR}; font-weight: bold; }}
QLabel#rosterSummary[problem="false"] {{ color: {GOOD}; font-weight: bold; }}
QLabel#rosterAdvice {{ {NOTICE_STYLE} }}
"""

ROW, NAME, PROBLEM = range(3)


class RosterReportDialog(QDialog):
    """The result of reading one roster file: a usable roster (offering to import it), or what is wrong with it.

    ``unreadable`` is the one message for a file that could not be read as a roster at all.
    """

    def __init__(
        self,
        file_name: str,
        report: RosterReport | None,
        unreadable: Message | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Roster check"))
        self.setStyleSheet(_STYLE)
        self.resize(760, 480)

        # The file's name and the messages (which quote the cells) are shown as typed, never as markup.
        title = plain_label(self.tr("Roster: {file}").format(file=file_name), selectable=True)
        title.setObjectName("rosterTitle")
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("rosterSummary")
        self.note = plain_label(wrap=True)
        self.note.hide()
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("What is wrong")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.resizeSection(ROW, 56)
        header.resizeSection(NAME, 110)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        # Wrapped problems need the row height of the column's final width, known only once it is laid out.
        header.sectionResized.connect(self.problems.resizeRowsToContents)
        self.advice = QLabel(
            self.tr("Nothing has been imported. Correct these rows in the spreadsheet, save it, and import it again.")
        )
        self.advice.setObjectName("rosterAdvice")
        self.advice.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        usable = report is not None and report.usable
        if usable:
            self.import_button = self.buttons.addButton(
                self.tr("&Import {count} workers").format(count=len(report.rows)),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.import_button.setDefault(True)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.advice)
        layout.addWidget(self.buttons)

        if report is None:
            self._show_unreadable(unreadable)
        else:
            self._show_report(report)
        self.summary.setProperty("problem", not usable)
        if self.problems.isHidden():
            # Only a message or two: a compact box, not a large empty one.
            self.resize(560, self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.problems.resizeRowsToContents()

    def _show_unreadable(self, message: Message | None) -> None:
        self.summary.setText(render(message) if message else "")
        self.problems.hide()
        self.advice.setText(self.tr("Nothing has been imported."))

    def _show_report(self, report: RosterReport) -> None:
        if report.usable:
            summary = self.tr(
                "All {count} workers are correct: {representatives} representatives, total claimed {amount}."
            ).format(
                count=len(report.rows),
                representatives=report.representatives,
                amount=formatting.money(report.claimed_total_fen),
            )
        else:
            summary = self.tr("{bad} of {count} rows have problems.").format(
                bad=len(report.problem_rows), count=len(report.rows)
            )
        self.summary.setText(summary)
        if report.total_rows:
            self.note.setText(
                self.tr("Row {rows} holds a total and was not read as a worker.").format(
                    rows="、".join(str(row) for row in report.total_rows)
                )
            )
            self.note.show()
        if report.usable:
            self.problems.hide()
            self.advice.hide()
            return
        for row in report.problem_rows:
            position = self.problems.rowCount()
            self.problems.insertRow(position)
            number = QTableWidgetItem(str(row.row))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.problems.setItem(position, ROW, number)
            name = QTableWidgetItem(row.entry.name)
            name.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.problems.setItem(position, NAME, name)
            text = "\n".join(
                self.tr("{column}: {message}").format(
                    column=formatting.label(problem.column), message=render(problem.message)
                )
                for problem in row.problems
            )
            problem = QTableWidgetItem(text)
            problem.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.problems.setItem(position, PROBLEM, problem)


class RosterImport(QObject):
    """The workers table's 从花名册导入… and 下载花名册模板… buttons: read a roster, show the report, place the
    workers; save the template. ``activity`` tells the page what runs in the background (None once done), so that
    the form cannot change under it; ``said`` is a line for the page's status (and whether it is an error)."""

    activity = Signal(object)
    said = Signal(str, bool)

    def __init__(self, workspace: Workspace, workers: WorkersTable, category: Callable[[], Category | None]):
        super().__init__(workers)
        self.workspace = workspace
        self.workers = workers
        self._category = category
        self._file_name = ""
        # The open report and question, kept so that tests can answer them.
        self.report: RosterReportDialog | None = None
        self.question: QMessageBox | None = None
        workers.import_button.clicked.connect(self.choose_file)
        workers.template_button.clicked.connect(self.choose_template_path)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.workers, self.tr("Import workers from a roster"), "", self.tr("Rosters (*.xlsx *.csv *.xls)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read and check the roster in the background, then show what was found."""
        self.activity.emit(self.tr("Reading and checking the roster…"))
        self._file_name = path.name
        # Bound methods, so that the runner drops the result if this page is gone by then.
        self.workspace.tasks.run(read_roster, path, self._category(), on_done=self._read, on_error=self._failed)

    def _read(self, report: RosterReport) -> None:
        self.activity.emit(None)
        self._show_report(RosterReportDialog(self._file_name, report, parent=self.workers))

    def _failed(self, error: Exception) -> None:
        self.activity.emit(None)
        if isinstance(error, RosterUnreadable):
            self._show_report(RosterReportDialog(self._file_name, None, error.message, parent=self.workers))
        else:
            self.workspace.show_error(error, self.workers)

    def _show_report(self, dialog: RosterReportDialog) -> None:
        def finished(result: int) -> None:
            self.report = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.report is not None:
                self._take(dialog.report.entries())

        dialog.finished.connect(finished)
        self.report = dialog
        dialog.open()

    def _take(self, entries: list[WorkerEntry]) -> None:
        """Into an empty table at once; a table with workers in it asks whether to replace them or add below."""
        present = self.workers.filled_entries()
        if not present:
            self._place(entries, replace=True)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import the roster"),
            self.tr(
                "The table already lists {present} workers. Replace them with the {count} workers of the roster, "
                "or add the roster below them?"
            ).format(present=len(present), count=len(entries)),
            QMessageBox.StandardButton.Cancel,
            self.workers,
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        append = box.addButton(self.tr("Add below"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(append)

        def answered() -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() in (replace, append):
                self._place(entries, replace=box.clickedButton() is replace)

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _place(self, entries: list[WorkerEntry], *, replace: bool) -> None:
        self.workers.place(entries, replace=replace)
        self.said.emit(
            self.tr("{count} workers were taken from the roster. Complete the rest of the form, then register.").format(
                count=len(entries)
            ),
            False,
        )

    def choose_template_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.workers,
            self.tr("Save the roster template"),
            self.tr("roster template.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.save_template(Path(path).with_suffix(".xlsx"))

    def save_template(self, path: Path) -> None:
        self.workspace.tasks.run(write_template, path, on_done=self._template_saved, on_error=self._template_failed)

    def _template_saved(self, path: Path) -> None:
        self.said.emit(
            self.tr("Roster template saved as {path}. Fill in one worker per row, then import it.").format(path=path),
            False,
        )

    def _template_failed(self, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        self.said.emit(self.tr("The template could not be saved: {reason}").format(reason=reason), True)
