"""Regenerate the README's screenshots: the sign-in, setup and recovery-key windows, the main window's pages, a case
file, the statistics and clues, the station's accounts, the audit trail and the backups, in Chinese, on demo data.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]`.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from heze_station.demo.generator import fill_demo
from heze_station.domain import chinatime, periods
from heze_station.domain.performance import PerformanceState
from heze_station.services import accounts, agreements, backups, case_queries
from heze_station.storage.keys import new_recovery_key
from heze_station.ui import fonts, i18n
from heze_station.ui.main_window import MainWindow
from heze_station.ui.recovery import RecoveryKeyDialog
from heze_station.ui.setup import SetupDialog
from heze_station.ui.sign_in import SignInDialog
from heze_station.ui.tasks import TaskRunner
from heze_station.ui.workspace import Workspace


def settle(workspace: Workspace) -> None:
    """Let background loads finish and the window repaint."""
    for _ in range(50):
        loop = QEventLoop()
        QTimer.singleShot(40, loop.quit)
        loop.exec()
        if not workspace.tasks.busy:
            QCoreApplication.processEvents()
            return


def _case_in_default(context) -> object:
    for row in case_queries.list_cases(context, case_queries.CaseFilter(), limit=500):
        agreement = agreements.case_agreements(context, row.id).in_effect
        if agreement and agreement.performance.state is PerformanceState.IN_DEFAULT and len(agreement.instalments) > 1:
            return row.id
    return None


def main(output: Path) -> None:
    application = QApplication(sys.argv[:1])
    fonts.install(application)
    i18n.install(application, "zh_CN")
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        tasks = TaskRunner()
        for name, dialog in (
            ("sign-in", SignInDialog(demo=True)),
            ("setup", SetupDialog(Path(folder) / "new", tasks, existing_records=False)),
            ("recovery-key", RecoveryKeyDialog(new_recovery_key(), "万福街道菏谐驿站", "王管理")),
        ):
            dialog.show()
            QCoreApplication.processEvents()
            dialog.grab().save(str(output / f"{name}.png"))
            dialog.hide()
        context = accounts.set_up_demo(Path(folder) / "demo")
        fill_demo(context)
        workspace = Workspace(context, demo=True)
        window = MainWindow(workspace)
        window.resize(1366, 768)
        window.show()
        window.open_accounts()
        settle(workspace)
        window.accounts_window.grab().save(str(output / "accounts.png"))
        window.accounts_window.close()
        # The quarter so far: enough cases for the charts to say something.
        window.statistics.set_period(periods.containing(periods.PeriodKind.QUARTER, chinatime.today()))
        for index, name in enumerate(["workbench", "cases", "register", "registry", "statistics", "clues"]):
            window.show_page(index)
            settle(workspace)
            window.grab().save(str(output / f"{name}.png"))
        collective = case_queries.list_cases(context, case_queries.CaseFilter(text=""), limit=500)
        case = max(collective, key=lambda row: row.worker_count)
        window.open_case(case.id)
        settle(workspace)
        window._case_windows[case.id].grab().save(str(output / "case-file.png"))
        # A case whose agreement is in default: the agreement page shows the instalments and what is owed.
        in_default = _case_in_default(context)
        if in_default is not None:
            window.open_case(in_default)
            case_window = window._case_windows[in_default]
            case_window.tabs.setCurrentWidget(case_window.agreement_tab)
            settle(workspace)
            case_window.grab().save(str(output / "agreement.png"))
        window.open_audit()  # after the case files: the trail names the cases just opened
        settle(workspace)
        window.audit_window.grab().save(str(output / "audit-trail.png"))
        backups.back_up(context)
        window.open_backups()
        settle(workspace)
        window.backups_window.grab().save(str(output / "backups.png"))
        window.close()
        workspace.shutdown()
        tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "screenshots")
