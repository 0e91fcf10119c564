"""What the roster check found, shown before anything reaches the intake form.

A roster is taken whole or not at all: with any row wrong, the dialog lists every problem by the row number the
spreadsheet shows and offers only Close, since the spreadsheet is where the clerk keeps it and fixes it.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import Message
from ...services.roster import RosterReport
from .. import formatting
from ..i18n import render

_STYLE = """
QLabel#rosterTitle { font-size: 16px; font-weight: bold; color: #1f3a5f; }
QLabel#rosterSummary[problem="true"] { color: #c0392b; font-weight: bold; }
QLabel#rosterSummary[problem="false"] { color: #1e6b35; font-weight: bold; }
QLabel#rosterAdvice { background: #fff4e0; border: 1px solid #f0c36d; border-radius: 3px; padding: 6px 10px; }
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

        title = QLabel(self.tr("Roster: {file}").format(file=file_name))
        title.setObjectName("rosterTitle")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
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
