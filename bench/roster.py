"""A roster at the limit of one case (500 workers): read and checked, then placed in the intake form's table.

Each step stands beside a baseline run in the same process on the same data: openpyxl reading the workbook with
no checks at all, and a bare QTableWidget filled with the same text. The ratios say what the checks cost.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

from heze_station.demo.generator import DemoGenerator
from heze_station.domain import chinatime
from heze_station.domain.money import format_yuan
from heze_station.domain.workcalendar import WorkCalendar
from heze_station.services.intake import MAX_WORKERS, WorkerEntry
from heze_station.services.roster import TEMPLATE_HEADINGS, read_roster
from heze_station.ui.views.intake import IntakeView
from heze_station.ui.workspace import Workspace
from tests.stations import open_test_station

from .cases import Timings, _ms


@dataclass
class RosterResult:
    plain_read: Timings
    read_and_check: Timings
    plain_table: Timings
    placed: Timings
    workers: int


def write_roster(path: Path, workers: int = MAX_WORKERS) -> Path:
    """A clean roster as a site clerk keeps it, with demo workers (valid, distinct ID numbers)."""
    generator = DemoGenerator(2026, chinatime.now(), WorkCalendar.weekends_only(), count=1)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(TEMPLATE_HEADINGS)
    for serial in range(workers):
        worker = generator.worker(female_share=0.1, construction=True, claimed_fen=380_000 + serial * 100)
        claimed = format_yuan(worker.claimed_fen).lstrip("¥")
        sheet.append([worker.name, worker.id_number, worker.phone, claimed, "是" if serial < 3 else ""])
    workbook.save(path)
    return path


def _plain_read(path: Path) -> None:
    workbook = load_workbook(path, read_only=True, data_only=True)
    list(workbook.active.iter_rows(values_only=True))
    workbook.close()


def _plain_table(entries: list[WorkerEntry]) -> None:
    table = QTableWidget(0, 6)
    for entry in entries:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate((entry.name, entry.id_number, entry.phone, entry.claimed)):
            table.setItem(row, column, QTableWidgetItem(text))
    table.deleteLater()


def measure(*, repeats: int = 10) -> RosterResult:
    application = QApplication.instance() or QApplication([])
    result = RosterResult(Timings(), Timings(), Timings(), Timings(), MAX_WORKERS)
    with tempfile.TemporaryDirectory(prefix="heze-bench-roster-") as folder:
        path = write_roster(Path(folder) / "roster.xlsx")
        report = read_roster(path)
        if not report.usable:
            raise AssertionError("the benchmark's roster must be clean, or the import would never reach the table")
        entries = report.entries()
        context = open_test_station(Path(folder) / "data")
        workspace = Workspace(context)
        view = IntakeView(workspace)
        try:
            for _ in range(repeats):
                result.plain_read.values.append(_ms(lambda: _plain_read(path)))
                result.read_and_check.values.append(_ms(lambda: read_roster(path)))
                result.plain_table.values.append(_ms(lambda: _plain_table(entries)))
                result.placed.values.append(_ms(lambda: view.workers_table.place(entries, replace=True)))
                application.processEvents()
        finally:
            view.deleteLater()
            workspace.shutdown()
    return result
