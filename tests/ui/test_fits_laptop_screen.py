"""Issue 15 item 8: every window and dialog fits a 1366x768 laptop (less its taskbar), in Chinese and in English,
and no form opens shorter than its fields when the screen has room for them. In each, no two things shown answer the
same Alt key: the second could never be reached with it.

Each top-level window and dialog of the app is opened with data behind it (a collective case with a draft
agreement, another with one in effect and paid in part) and measured: the size it opens at and the smallest size
its layout allows must both fit. Which classes are dialogs is read from the package, so a new dialog that this test
does not open fails it.
"""

import importlib
import inspect
import pkgutil
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

import heze_station.ui
from heze_station import paths
from heze_station.documents import issuing, signing, verify
from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind
from heze_station.domain.agreements import PaymentMethod, SignerRole
from heze_station.domain.cases import CaseAction, IntakeChannel
from heze_station.domain.messages import Message
from heze_station.services import (
    accounts,
    agreements,
    case_corrections,
    case_queries,
    clues,
    payments,
    registry,
    serving,
)
from heze_station.services.ledger import Subject
from heze_station.services.roster import RosterReport
from heze_station.ui import i18n
from heze_station.ui.kit.form import FittingScroll, FormDialog
from heze_station.ui.main_window import MainWindow
from heze_station.ui.recovery import RecoveryDialog, RecoveryKeyDialog
from heze_station.ui.setup import SetupDialog
from heze_station.ui.sign_in import SignInDialog
from heze_station.ui.views import collect_signatures, correction_dialogs
from heze_station.ui.views.accounts import AccountDialog, ChangePasswordDialog, ResetPasswordDialog
from heze_station.ui.views.after_mediation_tab import StepDialog, WitnessDialog
from heze_station.ui.views.agreement_dialogs import (
    AgreementDialog,
    PaymentDialog,
    ReviewDateDialog,
    SignerDialog,
    SplitPaymentDialog,
)
from heze_station.ui.views.application_signature import ApplicationSignatures
from heze_station.ui.views.case_detail import ActionDialog, CaseDetailDialog, NoticeDialog
from heze_station.ui.views.clues_view import CallbackDialog, ClueStepDialog
from heze_station.ui.views.enrol_dialog import EnrolDialog
from heze_station.ui.views.handover_dialog import HandoverDialog
from heze_station.ui.views.intake.roster import RosterReportDialog
from heze_station.ui.views.limitation_dialog import LimitationDialog
from heze_station.ui.views.mediation_tab import ExtensionDialog, SessionDialog
from heze_station.ui.views.registry import FollowUpDialog
from heze_station.ui.views.service_dialog import ServiceDialog
from heze_station.ui.widgets.print_preview import PrintPreview
from heze_station.ui.widgets.signature_pad import SignatureDialog
from heze_station.ui.widgets.verdict_view import VerdictDialog
from heze_station.ui.workspace import Workspace
from tests import factories, samples
from tests.services.agreement_steps import agree, mediating, terms
from tests.services.test_clues import forwarded
from tests.ui.conftest import wait_idle
from tests.ui.test_main_window import station_font  # noqa: F401  (a fixture: the font that decides widths)

LAPTOP = QSize(1366, 768 - 40)  # the screen less a Windows taskbar
ABSTRACT = {FormDialog, collect_signatures.SignatureCollector, correction_dialogs._CaseDialog}


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp: QApplication) -> Iterator[str]:
    if request.param != "en":
        assert paths.resource("i18n", "heze_station_zh_CN.qm").exists()
    translators = i18n.install(qapp, request.param)
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    i18n.install(qapp, "en")


@dataclass
class Station:
    workspace: Workspace
    window: MainWindow
    collective: uuid.UUID  # twelve workers on a building site, a draft agreement
    paying: uuid.UUID  # two workers, an agreement in effect, paid in part
    tmp_path: Path
    qtbot: object

    def wait(self) -> None:
        wait_idle(self.qtbot, self.workspace)


def dialog_classes() -> set[type]:
    """Every window and dialog class of the app (the abstract flows they are built on left out)."""
    found = set()
    for module_info in pkgutil.walk_packages(heze_station.ui.__path__, "heze_station.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and value.__module__ == module.__name__
                and issubclass(value, QDialog | QMainWindow)
                and value not in ABSTRACT
            ):
                found.add(value)
    return found


def _station(workspace: Workspace, qtbot, tmp_path: Path) -> Station:
    context = workspace.context
    today = chinatime.today()
    collective = mediating(context, factories.construction_form(12, received_on=today), None)
    agreements.save_draft(
        context, collective, terms(context, collective, today, [(today, "36000")], amount_each="3000")
    )
    paying = mediating(context, factories.intake_form(2, received_on=today - timedelta(days=3)), None)
    instalments = [(today, "3000"), (today + timedelta(days=30), "4600")]
    agree(context, paying, terms(context, paying, today, instalments, amount_each="3800"), chinatime.now())
    payments.record_payment(context, paying, today, "3000", PaymentMethod.BANK_TRANSFER, "转账")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, workspace)
    return Station(workspace, window, collective, paying, tmp_path, qtbot)


def _main_window_pages(station: Station) -> Iterator[QWidget]:
    window = station.window
    for page in range(window.pages.count()):
        window.show_page(page)
        yield window


def _main_window_dialogs(station: Station) -> Iterator[QWidget]:
    """The windows the menus open, opened from the menus."""
    window = station.window
    for action, attribute in (
        (window.accounts_action, "accounts_window"),
        (window.audit_action, "audit_window"),
        (window.backups_action, "backups_window"),
        (window.archive_action, "archive_window"),
        (window.seal_action, "seal_dialog"),
        (window.sync_window_action, "sync_window"),
        (window.conflicts_action, "conflicts_window"),
        (window.court_action, "court_dialog"),
        (window.guide_action, "help_window"),
        (window.about_action, "about_dialog"),
    ):
        action.trigger()
        station.wait()
        yield getattr(window, attribute)
    yield EnrolDialog(station.workspace, window.sync)


def _case_files(station: Station) -> Iterator[QWidget]:
    """Each case file on each of its pages, and the dialogs of its pages."""
    workspace = station.workspace
    context = workspace.context
    for case_id in (station.collective, station.paying):
        # Shown before its data arrives, as it opens: pages hidden behind others keep the size they were laid out at.
        case_file = CaseDetailDialog(workspace, case_id)
        for tabs in case_file.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield case_file
    collective = case_queries.case_detail(context, station.collective)
    draft = agreements.case_agreements(context, station.collective).draft
    paying = case_queries.case_detail(context, station.paying)
    in_effect = agreements.case_agreements(context, station.paying).in_effect
    yield AgreementDialog(workspace, collective, draft)
    yield AgreementDialog(workspace, paying, in_effect)
    yield collect_signatures.AgreementSignatures(workspace, draft, collective.number)
    yield SignerDialog(workspace, collective, draft.id)
    yield SignatureDialog("工人0", formatting_role(SignerRole.WORKER))
    yield PaymentDialog(workspace, station.paying, in_effect)
    yield SplitPaymentDialog(workspace, station.paying, in_effect)
    yield ReviewDateDialog(workspace, station.paying, returned=True)
    yield SessionDialog(workspace, station.collective)
    yield ExtensionDialog(workspace, station.collective)
    yield NoticeDialog(workspace, station.collective)
    yield LimitationDialog(workspace, station.collective, collective.limitation)
    yield ActionDialog(CaseAction.RECORD_FAILURE, collective.number, "")
    yield StepDialog(workspace, station.paying, StepKind.ARBITRATION, StepDate.ENDED)
    yield WitnessDialog(workspace, station.paying)
    yield ServiceDialog(workspace, station.paying, serving.servable(context, station.paying))
    oral = factories.intake_form(3)
    oral.channel = IntakeChannel.PHONE
    yield ApplicationSignatures(workspace, case_queries.case_detail(context, factories.register(context, oral)))
    subjects = case_corrections.subjects(context, station.collective)
    yield correction_dialogs.CorrectionDialog(workspace, station.collective, subjects, _ignore, None)
    yield correction_dialogs.AddWorkerDialog(workspace, collective, _ignore, None)
    worker = collective.claimants[0]
    yield correction_dialogs.RemoveWorkerDialog(
        workspace, station.collective, worker.person_id, worker.name, _ignore, None
    )
    yield correction_dialogs.VoidCaseDialog(workspace, collective, _ignore, None)


def _ignore(_detail: object) -> None:
    """What a correction dialog hands back, not looked at here."""


def formatting_role(role: SignerRole) -> str:
    from heze_station.ui import formatting

    return formatting.label(role)


def _other_dialogs(station: Station) -> Iterator[QWidget]:
    workspace = station.workspace
    context = workspace.context
    tmp_path = station.tmp_path
    yield SignInDialog(login="admin", locked=True)
    yield SetupDialog(tmp_path / "new", workspace.tasks, existing_records=True)
    yield RecoveryDialog(tmp_path / "new", workspace.tasks)
    yield RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", context.station_name, context.user_name)
    yield AccountDialog(workspace)
    yield ResetPasswordDialog(workspace, accounts.list_accounts(context)[0])
    yield ChangePasswordDialog(workspace)
    yield HandoverDialog(workspace, tmp_path / "未发送的更改.heze", True)
    clue_id = forwarded(context, "HZ-2026-0001")
    clue = next(row for row in clues.list_clues(context) if row.id == clue_id)
    yield ClueStepDialog(workspace, clue)
    yield CallbackDialog(workspace, clue)
    employer = registry.list_employers(context)[0]
    yield FollowUpDialog(workspace, Subject.EMPLOYER, employer)
    yield RosterReportDialog("花名册.xlsx", RosterReport(rows=(), total_rows=()))
    yield RosterReportDialog("花名册.xlsx", None, Message("The file cannot be read."))
    key = signing.station_key(tmp_path / "key", samples.STATION_NAME)
    document = issuing.issue(samples.walk_in_agreement(), key, uuid.uuid4())
    verdict = verify.verify(
        document.pdf, {document.document_id: document.pdf_sha256}.get, verify.Trust(own=key.certificate)
    )
    yield VerdictDialog("调解协议书.pdf", verdict)
    yield PrintPreview(document.pdf, title="调解协议书", originals=3)


SOURCES: list[Callable[[Station], Iterator[QWidget]]] = [
    _main_window_pages,
    _main_window_dialogs,
    _case_files,
    _other_dialogs,
]


def alt_keys(window: QWidget) -> dict[str, list[str]]:
    """The Alt keys of what ``window`` shows now, each with the texts that carry it."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(index) for index in range(widget.count()) if widget.isTabVisible(index)]
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions() if action.isVisible()]
    keys: dict[str, list[str]] = {}
    for text in texts:
        mnemonic = re.search(r"&([^&])", text.replace("&&", ""))
        if mnemonic:
            keys.setdefault(mnemonic[1].upper(), []).append(text)
    return {key: carried for key, carried in keys.items() if len(carried) > 1}


def test_every_window_and_dialog_fits_a_laptop_screen(
    language: str,
    station_font: None,  # noqa: F811
    workspace: Workspace,
    qtbot,
    tmp_path,
) -> None:
    station = _station(workspace, qtbot, tmp_path)
    too_big: dict[str, str] = {}
    squashed: dict[str, str] = {}
    shared_keys: dict[str, dict[str, list[str]]] = {}
    measured: set[type] = set()
    for source in SOURCES:
        for widget in source(station):
            widget.show()
            wait_idle(qtbot, workspace)
            measured.add(type(widget))
            size, smallest = widget.size(), widget.minimumSizeHint()
            if not (size.boundedTo(LAPTOP) == size and smallest.boundedTo(LAPTOP) == smallest):
                name = f"{type(widget).__name__} «{widget.windowTitle()}»"
                too_big[name] = f"opens {size.width()}x{size.height()}, at least {smallest.width()}x{smallest.height()}"
            for form in widget.findChildren(FittingScroll):
                fields = form.widget().sizeHint().height()
                scrolls = form.verticalScrollBar().maximum() > 0
                if form.isVisible() and scrolls and fields <= LAPTOP.height() - form.ROOM:
                    name = f"{type(widget).__name__} «{widget.windowTitle()}»"
                    squashed[name] = f"fields {fields} high in {form.height()}"
            if shared := alt_keys(widget):
                shared_keys.setdefault(f"{type(widget).__name__} «{widget.windowTitle()}»", {}).update(shared)
            if widget is not station.window:
                # Some delete themselves on close; the menus' windows go with the main window; the rest here.
                widget.close()
                if isValid(widget) and widget.parent() is None:
                    widget.deleteLater()
    assert too_big == {}, f"Too big for 1366x728 in {language}"
    assert squashed == {}, f"Fields out of sight, with room for them, in {language}"
    assert shared_keys == {}, f"Alt keys shown twice in one window, in {language}"
    assert dialog_classes() - measured == set()
