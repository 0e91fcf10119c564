"""The main window: a navigation list on the left, one page at a time on the right, case files in their own windows.

The window opens for the person who signed in (ui/session.py). The views and services bring the database layer,
which is most of a start's time, so this module does not import them at load time: the session loads them on its
worker while the sign-in window is on screen (load_station_pages), and the methods below import what they use from
modules loaded by then.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..domain.accounts import StaffRole
from .i18n import render
from .kit.ask import ask

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..services.after_mediation import CourtSettings
    from ..services.audit import ChainState
    from ..services.clues import ClueRow
    from ..services.health import Health
    from .help_window import HelpWindow
    from .sync_controller import SyncController
    from .views.accounts import AccountsWindow
    from .views.archive_window import ArchiveWindow
    from .views.audit_window import AuditWindow
    from .views.backups_window import BackupsWindow
    from .views.case_detail import CaseDetailDialog
    from .views.case_list import CaseListView
    from .views.clues_view import CluesView
    from .views.conflicts import ConflictsWindow
    from .views.dashboard import DashboardView
    from .views.enrol_dialog import EnrolDialog
    from .views.handover_dialog import HandoverDialog
    from .views.intake import IntakeView
    from .views.registry import RegistryView
    from .views.statistics_view import StatisticsView
    from .views.status_choice import StatusChoice
    from .views.sync_window import SyncWindow
    from .widgets.sync_indicator import SyncIndicator
    from .workspace import Workspace


def load_station_pages() -> tuple[type[SyncController], type[DashboardView], type[SyncIndicator]]:
    """What the MainWindow builds at once: the workbench, the sync and its indicator. Their modules bring the
    database layer, so the session calls this on its worker first, and the window on the GUI thread then finds them
    loaded. The other pages are imported and built on their first visit (MainWindow.page), on the GUI thread."""
    from .sync_controller import SyncController
    from .views.dashboard import DashboardView
    from .widgets.sync_indicator import SyncIndicator

    return SyncController, DashboardView, SyncIndicator


# Positions of the pages: 工作台, 案件, 登记, 单位与项目, 统计, 线索.
WORKBENCH_PAGE, CASES_PAGE, REGISTER_PAGE, REGISTRY_PAGE, STATISTICS_PAGE, CLUES_PAGE = range(6)


def discard_question(unsaved: list[str]) -> str:
    """The question before the program closes over what is typed and not saved (MainWindow.unsaved_work)."""
    text = QCoreApplication.translate("MainWindow", "Not saved yet: {items}. Close the program and discard it?")
    return text.format(items="；".join(unsaved))


class MainWindow(QMainWindow):
    lock_requested = Signal()
    switch_requested = Signal()
    lock_minutes_changed = Signal(int)
    restore_requested = Signal(str)  # a backup's name (ui/session.py restores it)
    closed = Signal()

    def __init__(self, workspace: Workspace, sync: SyncController | None = None):
        """The signed-in person's window on ``workspace`` (``sync`` replaces the window's own sync controller:
        tests pass one with short delays)."""
        super().__init__()
        SyncController, DashboardView, SyncIndicator = load_station_pages()
        self.workspace = workspace
        self._case_windows: dict[uuid.UUID, CaseDetailDialog] = {}
        self.sync_window: SyncWindow | None = None
        self.conflicts_window: ConflictsWindow | None = None
        self.enrol_dialog: EnrolDialog | None = None
        self.accounts_window: AccountsWindow | None = None
        self.audit_window: AuditWindow | None = None
        self.backups_window: BackupsWindow | None = None
        self.archive_window: ArchiveWindow | None = None
        self.help_window: HelpWindow | None = None
        self.audit_warning: QMessageBox | None = None
        self.handover_dialog: HandoverDialog | None = None  # 同步 › export / import unsent changes
        self.damage_warning: QMessageBox | None = None  # the start check's findings (health_checked)
        self.space_warning: QMessageBox | None = None
        self._closed = False
        self._discarding = False  # closing without asking about unsaved typing (close_discarding)
        self.discard_question: QMessageBox | None = None
        self.sync = sync or SyncController(workspace)
        self.sync.setParent(self)
        titles = [
            self.tr("Workbench"),
            self.tr("Cases"),
            self.tr("Register"),
            self.tr("Employers and projects"),
            self.tr("Statistics"),
            self.tr("Clues"),
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(0, 0))
        self.navigation.setFixedWidth(150)
        for number, title in enumerate(titles, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=title, number=number))
            item.setSizeHint(QSize(140, 44))
            self.navigation.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda index=number - 1: self.show_page(index))
        self.dashboard = DashboardView(workspace)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.dashboard)
        # The other pages wait for their first visit (page): a start builds and queries only the workbench.
        for _ in titles[1:]:
            self.pages.addWidget(QWidget())
        self._built: dict[int, QWidget] = {WORKBENCH_PAGE: self.dashboard}
        self.navigation.currentRowChanged.connect(lambda index: self.pages.setCurrentWidget(self.page(index)))
        self.navigation.setCurrentRow(0)
        QShortcut(QKeySequence.StandardKey.New, self, self._new_complaint)
        QShortcut(QKeySequence.StandardKey.Find, self, self._find)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setStyleSheet(
            "#navigation { background: #1f3a5f; color: white; border: none; font-size: 15px; }"
            "#navigation::item { padding-left: 18px; }"
            "#navigation::item:selected { background: #c0392b; color: white; }"
        )
        self.resize(1280, 720)  # fits a 1366x768 laptop with its taskbar
        self._menus()
        self.dashboard.first_run.offer_station_steps(self)
        self._status_bar(SyncIndicator)
        workspace.case_requested.connect(self.open_case)
        self.dashboard.cases_requested.connect(self.show_figure_cases)
        self.dashboard.statuses_requested.connect(self.show_status_cases)
        # The window's background work waits for the workbench's first data: a start shows the station first.
        QTimer.singleShot(0, self, self._after_first_load)

    def _after_first_load(self) -> None:
        """Once the workspace has delivered what the shown window asked for (the workbench's figures and lists):
        the sync, whose modules load then, and the audit trail's check."""
        tasks = self.workspace.tasks

        def idle(busy: bool) -> None:
            if not busy:
                tasks.busy_changed.disconnect(idle)
                # Queued: whatever else waited for these results (a view's, the smoke test's) comes first.
                QTimer.singleShot(0, self, self._start_background_work)

        tasks.busy_changed.connect(idle)
        idle(tasks.busy)

    def _start_background_work(self) -> None:
        from ..services import audit

        if self._closed:  # closed (signed out, switched user) before its first data came: its workspace is gone
            return
        self.sync.start()
        # The whole trail is checked at every start, in the background; the administrator hears of a break.
        self.workspace.load(audit.check, on_done=self._audit_checked)

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built (and its module imported) at its first visit."""
        built = self._built.get(index)
        if built is None:
            built = self._build_page(index)
            self._built[index] = built
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, built)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        return built

    def _build_page(self, index: int) -> QWidget:
        if index == CASES_PAGE:
            from .views.case_list import CaseListView

            return CaseListView(self.workspace)
        if index == REGISTER_PAGE:
            from .views.intake import IntakeView

            intake = IntakeView(self.workspace)
            intake.registered.connect(self.open_case)
            intake.registered_from.connect(self._link_clue)
            return intake
        if index == REGISTRY_PAGE:
            from .views.registry import RegistryView

            return RegistryView(self.workspace)
        if index == STATISTICS_PAGE:
            from .views.statistics_view import StatisticsView

            statistics = StatisticsView(self.workspace)
            statistics.cases_requested.connect(self.show_figure_cases)
            statistics.clues_requested.connect(self.show_figure_clues)
            return statistics
        from .views.clues_view import CluesView

        clues = CluesView(self.workspace)
        clues.case_wanted.connect(self.register_from_clue)
        return clues

    def _link_clue(self, clue: ClueRow, case_id: uuid.UUID) -> None:
        self.clues.link_case(clue, case_id)

    @property
    def cases(self) -> CaseListView:
        return self.page(CASES_PAGE)

    @property
    def intake(self) -> IntakeView:
        return self.page(REGISTER_PAGE)

    @property
    def registry(self) -> RegistryView:
        return self.page(REGISTRY_PAGE)

    @property
    def statistics(self) -> StatisticsView:
        return self.page(STATISTICS_PAGE)

    @property
    def clues(self) -> CluesView:
        return self.page(CLUES_PAGE)

    def _menus(self) -> None:
        documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
        self.verify_action = documents_menu.addAction(self.tr("&Verify a document…"), self.choose_document_to_verify)
        self.verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.seal_action = documents_menu.addAction(self.tr("Station &seal image…"), self.choose_seal)
        self.archive_action = documents_menu.addAction(self.tr("&Archived case files…"), self.open_archive)
        self.court_action = documents_menu.addAction(self.tr("&Court and minimum wage…"), self.open_court_settings)
        menu = self.menuBar().addMenu(self.tr("S&ync"))
        self.sync_now_action = menu.addAction(self.tr("Sync &now"), self.sync_now)
        self.sync_now_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_window_action = menu.addAction(self.tr("Sync &status and log…"), self.open_sync_window)
        self.conflicts_action = menu.addAction(self.tr("Settle &conflicts…"), self.open_conflicts)
        menu.addSeparator()
        self.enrol_action = menu.addAction(self.tr("&Join city sync…"), self.open_enrolment)
        self.export_unsent_action = menu.addAction(self.tr("&Export unsent changes…"), self.export_unsent)
        self.import_unsent_action = menu.addAction(
            self.tr("&Import another computer's unsent changes…"), self.import_unsent
        )
        for action in (self.sync_now_action, self.conflicts_action, self.enrol_action):
            action.setEnabled(self.sync.enabled)  # demo data never syncs
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        self.lock_action = account_menu.addAction(self.tr("&Lock"), self.lock_requested.emit)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action = account_menu.addAction(self.tr("&Switch user…"), self.switch_requested.emit)
        self.password_action = account_menu.addAction(self.tr("&Change my password…"), self.change_password)
        account_menu.addSeparator()
        self.accounts_action = account_menu.addAction(self.tr("Station &accounts…"), self.open_accounts)
        self.audit_action = account_menu.addAction(self.tr("Audit &trail…"), self.open_audit)
        self.backups_action = account_menu.addAction(self.tr("&Backups and restore…"), self.open_backups)
        # What only the administrator may do is not shown to anyone else (the services refuse it anyway).
        administrator = self.workspace.context.user_role is StaffRole.ADMINISTRATOR
        for action in (
            self.seal_action,
            self.court_action,
            self.enrol_action,
            self.accounts_action,
            self.audit_action,
            self.backups_action,
            self.export_unsent_action,
            self.import_unsent_action,
        ):
            action.setVisible(administrator)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("User &guide"), self.open_help)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        # F1 in a case file or any other of the station's windows opens the guide at what that window shows.
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.about_action = help_menu.addAction(self.tr("&About heze-station"), self.open_about)

    def _status_bar(self, SyncIndicator: type[SyncIndicator]) -> None:
        if self.workspace.demo:
            banner = QLabel(self.tr("Demo data: these cases are generated, not real. Real data is kept separately."))
            banner.setStyleSheet("color: white; background: #c0392b; padding: 2px 8px;")
            self.statusBar().addWidget(banner)
        self.sync_indicator = SyncIndicator(self.sync)
        self.sync_indicator.open_window.connect(self.open_sync_window)
        self.sync_indicator.open_conflicts.connect(self.open_conflicts)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)  # names typed at setup, or the city's
        self.statusBar().addPermanentWidget(self.who)
        self._show_station()
        # Joining city sync may give the station the city's name for it.
        self.sync.enrolment_done.connect(lambda _enrolment: self._show_station())

    def _show_station(self) -> None:
        from .formatting import label

        context = self.workspace.context
        title = self.tr("heze-station · {station}").format(station=context.station_name)
        if self.workspace.demo:
            title += " · " + self.tr("DEMO DATA")
        self.setWindowTitle(title)
        who = self.tr("Station: {station}   User: {user} ({role})")
        self.who.setText(
            who.format(station=context.station_name, user=context.user_name, role=label(context.user_role))
        )

    def sync_now(self) -> None:
        """立即同步 (Ctrl+Shift+S); on a computer that has not joined yet, the enrolment instead."""
        from ..services.sync_state import SyncState

        status = self.sync.status
        if status is not None and status.state is SyncState.NOT_ENROLLED:
            self.open_enrolment()
        else:
            self.sync.sync_now()

    def open_sync_window(self) -> None:
        from .views.sync_window import SyncWindow

        if self.sync_window is None:
            self.sync_window = SyncWindow(self.workspace, self.sync, self)
            self.sync_window.enrol_requested.connect(self.open_enrolment)
            self.sync_window.conflicts_requested.connect(self.open_conflicts)
        self._raise(self.sync_window)

    def open_conflicts(self) -> None:
        from .views.conflicts import ConflictsWindow

        if self.conflicts_window is None:
            self.conflicts_window = ConflictsWindow(self.workspace, self.sync, self)
        self._raise(self.conflicts_window)

    def open_enrolment(self) -> None:
        from .views.enrol_dialog import EnrolDialog

        if not self.sync.enabled:
            return
        if self.enrol_dialog is not None and self.enrol_dialog.isVisible():
            self.enrol_dialog.raise_()
            return
        parent = self.sync_window if self.sync_window is not None and self.sync_window.isVisible() else self
        self.enrol_dialog = EnrolDialog(self.workspace, self.sync, parent)
        self.enrol_dialog.finished.connect(self._enrolment_closed)
        self.enrol_dialog.open()

    def _enrolment_closed(self) -> None:
        if self.enrol_dialog is not None:
            self.enrol_dialog.deleteLater()
            self.enrol_dialog = None

    @staticmethod
    def _raise(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def _new_complaint(self) -> None:
        self.show_page(REGISTER_PAGE)
        self.intake.focus_first()

    def _find(self) -> None:
        self.show_page(CASES_PAGE)
        self.cases.focus_search()

    def show_figure_cases(self, caption: str, case_ids: frozenset[uuid.UUID]) -> None:
        """The 案件 page, listing the cases behind a figure of the 统计 page."""
        self.cases.show_figure(caption, case_ids)
        self.show_page(CASES_PAGE)

    def show_status_cases(self, choices: Iterable[StatusChoice]) -> None:
        """The 案件 page, listing the cases of a tile of the workbench."""
        self.cases.show_statuses(choices)
        self.show_page(CASES_PAGE)

    def show_figure_clues(self, caption: str, clue_ids: frozenset[uuid.UUID]) -> None:
        """The 线索 page, listing the clues behind a figure of the 统计 page."""
        self.clues.show_only(caption, clue_ids)
        self.show_page(CLUES_PAGE)

    def register_from_clue(self, clue: ClueRow) -> None:
        """The 登记 page filled from a clue; registering it links the case to the clue."""
        from ..services.clues import intake_form_for

        self.show_page(REGISTER_PAGE)
        note = self.tr("Filled from clue {ref}: check every field, add the ID number, then register.")
        self.intake.start_from(intake_form_for(clue), clue, note.format(ref=clue.platform_ref))

    def open_case(self, case_id: uuid.UUID) -> None:
        from .views.case_detail import CaseDetailDialog

        window = self._case_windows.get(case_id)
        if window is None:
            window = CaseDetailDialog(self.workspace, case_id, self)
            window.finished.connect(lambda _result, key=case_id: self._case_windows.pop(key, None))
            self._case_windows[case_id] = window
        self._raise(window)

    def choose_document_to_verify(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a document"), "", self.tr("PDF documents (*.pdf)"))
        if path:
            self.verify_document(Path(path))

    def verify_document(self, path: Path) -> None:
        """Genuine, known to this station and unchanged, or which of these fails: checked in the background."""
        from ..services import documents

        self.workspace.load(documents.verify_presented, path, on_done=lambda verdict: self._show_verdict(path, verdict))

    def _show_verdict(self, path: Path, verdict: object) -> None:
        from .widgets.verdict_view import VerdictDialog

        self.verdict_dialog = VerdictDialog(path.name, verdict, self)  # type: ignore[arg-type]
        self.verdict_dialog.finished.connect(self.verdict_dialog.deleteLater)
        self.verdict_dialog.open()

    def choose_seal(self) -> None:
        from .views.seal_settings import SealSettingsDialog

        self.seal_dialog = SealSettingsDialog(self.workspace, self)
        self.seal_dialog.finished.connect(self.seal_dialog.deleteLater)
        self.seal_dialog.open()

    def open_help(self) -> None:
        """The user guide, at the section about the window in front (this one's current page, a case file's tab)."""
        from .help_window import HelpWindow, section_for

        window = QApplication.activeWindow()
        section = section_for(window if window is not None and window is not self.help_window else self)
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self._raise(self.help_window)
        self.help_window.show_section(section)

    def open_about(self) -> None:
        from .about import AboutDialog

        self.about_dialog = AboutDialog(self.workspace.context.data_dir, self)
        self.about_dialog.finished.connect(self.about_dialog.deleteLater)
        self.about_dialog.open()

    def open_court_settings(self) -> None:
        from ..services import after_mediation

        self.workspace.load(after_mediation.court_settings, on_done=self._show_court_settings)

    def _show_court_settings(self, current: CourtSettings) -> None:
        from .views.court_settings import CourtSettingsDialog

        self.court_dialog = CourtSettingsDialog(self.workspace, current, self)
        self.court_dialog.finished.connect(self.court_dialog.deleteLater)
        self.court_dialog.open()

    def open_accounts(self) -> None:
        from .views.accounts import AccountsWindow

        if self.accounts_window is None:
            self.accounts_window = AccountsWindow(self.workspace, self)
            self.accounts_window.lock_minutes_changed.connect(self.lock_minutes_changed)
        self._raise(self.accounts_window)

    def open_audit(self) -> None:
        from .views.audit_window import AuditWindow

        if self.audit_window is None:
            self.audit_window = AuditWindow(self.workspace, self)
        self._raise(self.audit_window)

    def open_archive(self) -> None:
        from .views.archive_window import ArchiveWindow

        if self.archive_window is None:
            self.archive_window = ArchiveWindow(self.workspace, self)
        self._raise(self.archive_window)

    def open_backups(self) -> None:
        from .views.backups_window import BackupsWindow

        if self.backups_window is None:
            self.backups_window = BackupsWindow(self.workspace, self)
            self.backups_window.restore_requested.connect(self.restore_requested)
        self._raise(self.backups_window)

    def _audit_checked(self, state: ChainState) -> None:
        from .views.audit_window import chain_text

        if self.workspace.context.user_role is not StaffRole.ADMINISTRATOR:
            return
        if state.broken_at is None and state.city_mismatch_since is None:
            return
        self.audit_warning = self._warn(
            self.tr("The audit trail was altered"), chain_text(state), self.tr("Show the audit trail"), self.open_audit
        )

    def health_checked(self, health: Health) -> None:
        """The start check's findings, each in a warning that says what to do; nothing when all is well."""
        if health.damaged:
            administrator = self.workspace.context.user_role is StaffRole.ADMINISTRATOR
            remedy = (
                self.tr("Restore the latest backup now (Account › Backups and restore); the file as it is now is kept.")
                if administrator
                else self.tr(
                    "Tell the administrator, who can restore the latest backup in Account › Backups and restore."
                )
            )
            self.damage_warning = self._warn(
                self.tr("The station's data file is damaged"),
                self.tr("The check at start found damaged parts in the station's data file. Stop typing new records.")
                + "\n\n"
                + remedy,
                self.tr("Backups and restore…") if administrator else "",
                self.open_backups,
            )
        if health.low_space is not None:
            self.space_warning = self._warn(self.tr("The disk is nearly full"), render(health.low_space))

    def _warn(self, title: str, text: str, action: str = "", then: Callable[[], None] | None = None) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if action and then is not None:
            box.addButton(action, QMessageBox.ButtonRole.AcceptRole).clicked.connect(then)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        return box

    def export_unsent(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export unsent changes"), "未发送的更改.heze", self.tr("Unsent changes (*.heze)")
        )
        if chosen:
            self.move_unsent(Path(chosen), exporting=True)

    def import_unsent(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import unsent changes"), "", self.tr("Unsent changes (*.heze)")
        )
        if chosen:
            self.move_unsent(Path(chosen), exporting=False)

    def move_unsent(self, path: Path, *, exporting: bool) -> None:
        """Ask the administrator's password, then export or import; say how many changes moved."""
        from .views.handover_dialog import HandoverDialog

        self.handover_dialog = HandoverDialog(self.workspace, path, exporting, self)

        def done() -> None:
            count = self.handover_dialog.result_value
            text = (
                self.tr("{count} unsent changes were exported to {file}.")
                if exporting
                else self.tr("{count} changes were imported; they are sent with the next sync.")
            )
            # An import is a change like any other: the sync controller sends it shortly, as it does a typed one.
            QMessageBox.information(self, self.handover_dialog.windowTitle(), text.format(count=count, file=path.name))

        self.handover_dialog.accepted.connect(done)
        self.handover_dialog.open()

    def change_password(self) -> None:
        from .views.accounts import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.workspace, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def unsaved_work(self) -> list[str]:
        """What is typed and not saved, in words: a complaint not registered, minutes entries not added, a form open
        with typing in it (also one the lock hides)."""
        from .kit.form import FormDialog  # the forms' kit loads with the pages, after the window

        unsaved = []
        intake = self._built.get(REGISTER_PAGE)
        if intake is not None and intake.has_content():
            unsaved.append(self.tr("the complaint on 登记, not registered"))
        for window in self._case_windows.values():
            if window.mediation_tab.entry_typed():
                number = window.detail.number if window.detail is not None else ""
                unsaved.append(self.tr("a minutes entry of case {number}, not added").format(number=number))
        for form in QApplication.topLevelWidgets():
            if isinstance(form, FormDialog) and form.typed:
                unsaved.append(self.tr("“{title}”, not saved").format(title=form.windowTitle()))
        return unsaved

    def _ask_to_discard(self, unsaved: list[str]) -> None:
        self.discard_question = ask(
            self,
            self.tr("Close the program"),
            discard_question(unsaved),
            self.close_discarding,
            yes_text=self.tr("Discard and close"),
            warning=True,
        )

    def close_discarding(self) -> None:
        """Closed without asking about what is typed: the person said to discard it, or the window closes for another
        account or a restored backup (the typing is not theirs to keep)."""
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [] if self._discarding else self.unsaved_work()
        if unsaved:  # closed by the person (×, Alt+F4, 退出): nothing typed is thrown away unasked
            event.ignore()
            self._ask_to_discard(unsaved)
            return
        for window in list(self._case_windows.values()):
            QDialog.reject(window)  # past its own question: what it holds was answered for above
        for window in (
            self.sync_window,
            self.conflicts_window,
            self.accounts_window,
            self.audit_window,
            self.backups_window,
            self.help_window,
        ):
            if window is not None:
                window.close()
        self.sync.shutdown()  # waits for a sync under way: no thread outlives the window
        self._closed = True
        super().closeEvent(event)
        self.closed.emit()
