"""Regenerate the README's screenshots: the sign-in, setup and recovery-key windows, the main window's pages, a case
file, the statistics and clues, the station's accounts, the audit trail and the backups, in Chinese, on demo data.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]`; with `--guide` instead,
it draws the user guide's pictures (resources/guide/images): those screens and the case file's pages, a new station's
workbench, scaled to the help window's width and reduced to 256 colours, so the bundled guide stays small.
"""

import re
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from heze_station.demo.generator import fill_demo
from heze_station.domain import chinatime, periods
from heze_station.domain.cases import CaseStatus
from heze_station.domain.mediation import MinuteKind, PlaceKind
from heze_station.domain.performance import PerformanceState
from heze_station.services import accounts, after_mediation, agreements, backups, case_queries, mediation
from heze_station.storage.keys import new_recovery_key
from heze_station.ui import fonts, i18n
from heze_station.ui.main_window import MainWindow
from heze_station.ui.recovery import RecoveryKeyDialog
from heze_station.ui.setup import SetupDialog
from heze_station.ui.sign_in import SignInDialog
from heze_station.ui.tasks import TaskRunner
from heze_station.ui.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
GUIDE_IMAGES = ROOT / "resources" / "guide" / "images"
GUIDE_WIDTH = 880  # the help window's page: a wider picture would need a horizontal scroll bar
# Drawn by tests against a city server (tests/ui/test_sync.py), not by this script; the guide takes them as they are.
DRAWN_BY_TESTS = ("sync", "enrol")


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


def guide_picture(source: Path, target: Path) -> None:
    image = Image.open(source).convert("RGB")
    if image.width > GUIDE_WIDTH:
        image = image.resize((GUIDE_WIDTH, round(image.height * GUIDE_WIDTH / image.width)), Image.Resampling.LANCZOS)
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def new_station_workbench(folder: Path, output: Path) -> None:
    """The workbench of a station without a case: the first-run guide."""
    context = accounts.set_up_demo(folder)
    workspace = Workspace(context)
    window = MainWindow(workspace)
    window.resize(1366, 768)
    window.show()
    settle(workspace)
    window.grab().save(str(output / "first-run.png"))
    window.close()
    workspace.shutdown()


def mediated_case(context) -> object:
    """A case in mediation, given a session with its minutes: the demo records none."""
    row = next(
        row
        for row in case_queries.list_cases(context, case_queries.CaseFilter(), limit=500)
        if row.status is CaseStatus.IN_MEDIATION
    )
    form = mediation.SessionForm(
        held_at=chinatime.now(),
        place_kind=PlaceKind.STATION,
        place="驿站调解室",
        mediators="李调解",
        recorder="张协调",
        worker_side="申请人本人",
        employer_side="被申请人委托代理人王经理",
        identity_checked=True,
        rights_notified=True,
    )
    held = mediation.record_session(context, row.id, form)
    for kind, speaker, text in (
        (MinuteKind.WORKER_STATEMENT, "申请人", "2026年8月至10月在工地务工，工资至今未结清。"),
        (MinuteKind.EMPLOYER_STATEMENT, "王经理", "承认拖欠，因工程款未到位，请求分期支付。"),
        (MinuteKind.PROPOSAL, "李调解", "建议分两期付清，第一期于本月底前支付。"),
        (MinuteKind.OUTCOME, "李调解", "双方同意分两期支付，另行签订调解协议。"),
    ):
        mediation.add_minute(context, held.id, kind, text, speaker)
    return row.id


def case_pages(window: MainWindow, workspace: Workspace, in_default: object, output: Path) -> None:
    """The case file's pages the guide explains, each as its own picture: a session and its minutes, the documents
    and, with the parties' plan to have the agreement confirmed by the court, what follows mediation."""
    context = workspace.context
    after_mediation.plan_confirmation(context, in_default)
    for name, case_id, page in (
        ("mediation", mediated_case(context), "mediation_tab"),
        ("documents", in_default, "documents_tab"),
        ("court", in_default, "after_tab"),
    ):
        window.open_case(case_id)
        case_window = window._case_windows[case_id]
        case_window.tabs.setCurrentWidget(getattr(case_window, page))
        settle(workspace)
        case_window.grab().save(str(output / f"{name}.png"))
        case_window.close()
        settle(workspace)


def main(output: Path, guide: bool = False) -> None:
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
        if guide:
            case_pages(window, workspace, in_default, output)
            new_station_workbench(Path(folder) / "new-station", output)
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


def guide_pictures() -> None:
    with tempfile.TemporaryDirectory() as folder:
        drawn = Path(folder)
        for name in DRAWN_BY_TESTS:
            shutil.copy(ROOT / "docs" / "screenshots" / f"{name}.png", drawn)
        main(drawn, guide=True)
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        # Only the pictures the guide shows: it is bundled with the program.
        for name in re.findall(r'src="images/([^"]+)"', (GUIDE_IMAGES.parent / "index.html").read_text("utf-8")):
            guide_picture(drawn / name, GUIDE_IMAGES / name)


if __name__ == "__main__":
    if sys.argv[1:] == ["--guide"]:
        guide_pictures()
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
