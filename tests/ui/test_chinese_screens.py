"""Every screen shows Chinese: walks the real widgets in zh_CN and looks for any English left on them.

test_translations.py checks the catalogue against what pyside6-lupdate extracts; this checks what a coordinator
sees, so a string that escaped extraction (built through a helper, say) or a missing catalogue is caught too.
"""

import re
from collections.abc import Iterator
from datetime import timedelta

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction
from heze_station.domain.mediation import MinuteKind, PlaceKind
from heze_station.services import accounts, agreements, case_actions, case_queries, intake, mediation, payments
from heze_station.ui.main_window import MainWindow
from heze_station.ui.setup import SetupDialog
from heze_station.ui.sign_in import SignInDialog
from heze_station.ui.views.accounts import AccountDialog, AccountsWindow, ChangePasswordDialog, ResetPasswordDialog
from heze_station.ui.views.agreement_dialogs import AgreementDialog, PaymentDialog, ReviewDateDialog, SignerDialog
from heze_station.ui.views.case_detail import CaseDetailDialog
from heze_station.ui.views.mediation_tab import ExtensionDialog, SessionDialog
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form
from tests.services.agreement_steps import agree, mediating, session_form, terms
from tests.stations import add_account
from tests.ui.conftest import wait_idle

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
MARKUP = re.compile(r"<[^>]*>")
# Keys are named as printed on the keyboard, in Chinese interfaces too.
# Key names, and the file formats Chinese offices call by their own names (导出 Excel, 导出 PDF).
KEY_NAMES = {"Ctrl", "Enter", "Insert", "Esc", "Shift", "Alt", "Tab", "Excel", "PDF"}


def _texts(root: QWidget) -> Iterator[str]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QGroupBox):
            yield widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield widget.placeholderText()
        if isinstance(widget, QTabWidget):
            yield from (widget.tabText(index) for index in range(widget.count()))
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(index) for index in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            # A list model hides columnCount (it has one column) from Python.
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            yield from (str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(columns))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                yield from (str(model.index(row, column).data() or "") for column in range(columns))
        yield widget.toolTip()


def test_every_screen_reads_in_chinese(chinese: None, workspace: Workspace, qtbot) -> None:
    today = chinatime.today()
    # Received 11 days ago and accepted: the mediation clock warns, so clock wording is on the workbench too.
    form = intake_form(workers=12, received_on=today - timedelta(days=11))
    case = intake.save(workspace.context, intake.validate(form, today))
    case_actions.perform(workspace.context, case.case_id, CaseAction.ACCEPT)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.open_case(case.case_id)
    # Data that is not interface text: the signed-in person's name.
    allowed = KEY_NAMES | set(ENGLISH_WORD.findall(workspace.context.user_name))
    english: set[str] = set()

    def read(root: QWidget) -> None:
        english.update(word for text in _texts(root) for word in ENGLISH_WORD.findall(text) if word not in allowed)

    for page in range(window.pages.count()):
        window.show_page(page)
        wait_idle(qtbot, workspace)
        read(window)
    [case_window] = window._case_windows.values()
    for tabs in case_window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            read(case_window)
    assert not english, f"English on a Chinese screen: {sorted(english)}"


def test_sign_in_setup_and_accounts_read_in_chinese(chinese: None, workspace: Workspace, qtbot, tmp_path) -> None:
    add_account(workspace.context, "zhang", StaffRole.COORDINATOR)
    windows = [
        SignInDialog(demo=True),
        SignInDialog(login="admin", locked=True),
        SetupDialog(tmp_path / "new", workspace.tasks, existing_records=True),
        AccountsWindow(workspace),
        AccountDialog(workspace),
        ResetPasswordDialog(workspace, accounts.list_accounts(workspace.context)[0]),
        ChangePasswordDialog(workspace),
    ]
    # Logins are data, typed in Latin letters: the demo's, and the accounts listed.
    allowed = KEY_NAMES | {"demo", "zhang", "admin"}
    english: set[str] = set()
    for window in windows:
        qtbot.addWidget(window)
        window.show()
        wait_idle(qtbot, workspace)
        english.update(word for text in _texts(window) for word in ENGLISH_WORD.findall(text) if word not in allowed)
    assert not english, f"English on a Chinese screen: {sorted(english)}"


def test_mediation_and_agreement_pages_and_dialogs_read_in_chinese(chinese: None, workspace: Workspace, qtbot) -> None:
    context = workspace.context
    today = chinatime.today()
    case_id = mediating(context, intake_form(workers=2, received_on=today - timedelta(days=5)), None)
    session = mediation.record_session(context, case_id, session_form(place_kind=PlaceKind.SITE, place="项目部"))
    first = mediation.add_minute(context, session.id, MinuteKind.WORKER_STATEMENT, "工资未付。", "工人0").minutes[0]
    mediation.sign_minutes(context, session.id)
    mediation.add_minute(context, session.id, MinuteKind.CORRECTION, "更正。", "工人0", first.id)
    instalments = [(today, "3000"), (today + timedelta(days=30), "4600")]
    agree(context, case_id, terms(context, case_id, today, instalments, amount_each="3800"), chinatime.now())
    payments.record_payment(context, case_id, today, "3000", PaymentMethod.BANK_TRANSFER, "转账")
    payments.plan_review(context, case_id)

    case_window = CaseDetailDialog(workspace, case_id)
    qtbot.addWidget(case_window)
    case_window.show()
    wait_idle(qtbot, workspace)
    english: set[str] = set()

    allowed = KEY_NAMES | set(ENGLISH_WORD.findall(context.user_name))

    def read(root: QWidget) -> None:
        # Rich-text labels carry markup (<b style=...>), which is not what a coordinator reads.
        shown = (MARKUP.sub("", text) for text in _texts(root))
        english.update(word for text in shown for word in ENGLISH_WORD.findall(text) if word not in allowed)

    for index in range(case_window.tabs.count()):
        case_window.tabs.setCurrentIndex(index)
        read(case_window)
    detail = case_queries.case_detail(context, case_id)
    in_effect = agreements.case_agreements(context, case_id).in_effect
    for dialog in (
        SessionDialog(workspace, case_id),
        ExtensionDialog(workspace, case_id),
        AgreementDialog(workspace, detail, in_effect),
        SignerDialog(workspace, detail, in_effect.id),
        PaymentDialog(workspace, case_id, in_effect),
        ReviewDateDialog(workspace, case_id, returned=True),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        read(dialog)
        dialog.submit()  # the refusals, too, must be Chinese
        wait_idle(qtbot, workspace)
        read(dialog)
    assert not english, f"English on a Chinese screen: {sorted(english)}"
