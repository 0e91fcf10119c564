"""Starting the GUI: Qt application, font, translations, the station database, the main window."""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..domain.errors import DomainError
from ..services.station import open_station
from . import fonts, i18n
from .i18n import render
from .main_window import MainWindow
from .workspace import Workspace


def _report_ready_when_idle(window: MainWindow, workspace: Workspace, application: QApplication) -> None:
    """For --smoke-test: print 'ready' once the window is shown and no background work is pending."""

    def check() -> None:
        if window.isVisible() and not workspace.tasks.busy:
            print("ready", flush=True)
            application.quit()

    workspace.tasks.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, check))
    QTimer.singleShot(0, check)


def run(*, data_dir: Path, demo: bool, language: str, smoke_test: bool) -> int:
    QApplication.setApplicationName("heze-station")
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("HezeHRSS")
    application = QApplication(sys.argv[:1])
    fonts.install(application)
    i18n.install(application, language)
    try:
        context = open_station(data_dir)
    except DomainError as error:
        message = render(error.message)
        print(message, file=sys.stderr)
        if not smoke_test:
            QMessageBox.critical(None, application.translate("App", "heze-station cannot start"), message)
        return 1
    workspace = Workspace(context, demo=demo)
    if demo:
        from .demo import fill_demo_data

        fill_demo_data(workspace)
    window = MainWindow(workspace)
    window.show()
    if smoke_test:
        _report_ready_when_idle(window, workspace, application)
    code = application.exec()
    window.sync.shutdown()  # also when the application quit without closing the window
    workspace.shutdown()
    return code
