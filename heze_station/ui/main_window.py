"""The main window: a navigation list on the left, one page at a time on the right, case files in their own windows."""

import uuid
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..services import documents
from .views.case_detail import CaseDetailDialog
from .views.case_list import CaseListView
from .views.dashboard import DashboardView
from .views.intake import IntakeView
from .views.registry import RegistryView
from .workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self._case_windows: dict[uuid.UUID, CaseDetailDialog] = {}
        self.dashboard = DashboardView(workspace)
        self.cases = CaseListView(workspace)
        self.intake = IntakeView(workspace)
        self.registry = RegistryView(workspace)
        pages = [
            (self.dashboard, self.tr("Workbench")),
            (self.cases, self.tr("Cases")),
            (self.intake, self.tr("Register")),
            (self.registry, self.tr("Employers and projects")),
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(0, 0))
        self.navigation.setFixedWidth(150)
        self.pages = QStackedWidget()
        for number, (page, title) in enumerate(pages, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=title, number=number))
            item.setSizeHint(QSize(140, 44))
            self.navigation.addItem(item)
            self.pages.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda index=number - 1: self.show_page(index))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.show_page(self.pages.indexOf(self.intake)))
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
        self.resize(1280, 800)

        station, user = workspace.context.station_name, workspace.context.user_name
        title = self.tr("heze-station · {station}").format(station=station)
        if workspace.demo:
            title += " · " + self.tr("DEMO DATA")
            banner = QLabel(self.tr("Demo data: these cases are generated, not real. Real data is kept separately."))
            banner.setStyleSheet("color: white; background: #c0392b; padding: 2px 8px;")
            self.statusBar().addWidget(banner)
        self.setWindowTitle(title)
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Station: {station}   User: {user}").format(station=station, user=user))
        )
        documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
        verify_action = documents_menu.addAction(self.tr("&Verify a document…"), self.choose_document_to_verify)
        verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        documents_menu.addAction(self.tr("Station &seal image…"), self.choose_seal)
        workspace.case_requested.connect(self.open_case)
        self.intake.registered.connect(self.open_case)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def _find(self) -> None:
        self.show_page(self.pages.indexOf(self.cases))
        self.cases.focus_search()

    def open_case(self, case_id: uuid.UUID) -> None:
        window = self._case_windows.get(case_id)
        if window is None:
            window = CaseDetailDialog(self.workspace, case_id, self)
            window.finished.connect(lambda _result, key=case_id: self._case_windows.pop(key, None))
            self._case_windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def choose_document_to_verify(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a document"), "", self.tr("PDF documents (*.pdf)"))
        if path:
            self.verify_document(Path(path))

    def verify_document(self, path: Path) -> None:
        """Genuine, known to this station and unchanged, or which of these fails: checked in the background."""
        self.workspace.load(documents.verify_presented, path, on_done=lambda verdict: self._show_verdict(path, verdict))

    def _show_verdict(self, path: Path, verdict: object) -> None:
        from .widgets.verdict_view import VerdictDialog

        self.verdict_dialog = VerdictDialog(path.name, verdict, self)  # type: ignore[arg-type]
        self.verdict_dialog.finished.connect(self.verdict_dialog.deleteLater)
        self.verdict_dialog.open()

    def choose_seal(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Station seal image"), "", self.tr("Seal image with a transparent background (*.png)")
        )
        if path:
            self.workspace.change(documents.set_station_seal, Path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self._case_windows.values()):
            window.close()
        super().closeEvent(event)
