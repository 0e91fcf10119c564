"""Starting the GUI: Qt application, font, translations, the main window, then the station's data.

The window appears first, saying the station is opening. The database layer and the pages' modules (most of a
start's time) load on a worker thread meanwhile, and the database is opened there too. The pages are put in the
window when the station is open: a coordinator sees the window at once, and the workbench's figures a moment later.
"""

from __future__ import annotations

import gc
import logging
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..domain.errors import DomainError
from . import fonts, i18n
from .i18n import render
from .main_window import MainWindow, load_station_pages
from .tasks import TaskRunner
from .workspace import Workspace

if TYPE_CHECKING:
    from ..services.station import StationContext

log = logging.getLogger(__name__)


def _open_station(data_dir: Path) -> StationContext:
    """On the worker thread: load the pages and the database layer, then open (or create) the station database."""
    # The imports create tens of thousands of objects that live as long as the program; collecting garbage among
    # them while they load finds none and costs about a tenth of the loading time.
    gc.disable()
    try:
        load_station_pages()
    finally:
        gc.enable()
    from ..services.station import open_station

    return open_station(data_dir)


class _Start:
    """The start of one run: the window on screen, the station opening behind it, and, for --smoke-test, the
    two moments it reports: ``ready`` when the window is shown and idle, ``loaded`` when the first page shows the
    station's data."""

    def __init__(self, application: QApplication, window: MainWindow, *, demo: bool, smoke_test: bool):
        self.application = application
        self.window = window
        self.demo = demo
        self.smoke_test = smoke_test
        self.opening = TaskRunner(thread_name="opening")
        self.opened: Future[StationContext] | None = None

    def begin(self, data_dir: Path) -> None:
        self.window.show()
        if self.smoke_test:
            QTimer.singleShot(0, lambda: print("ready", flush=True))
        self.opened = self.opening.run(_open_station, data_dir, on_done=self._attach, on_error=self._fail)

    def _attach(self, context: StationContext) -> None:
        workspace = Workspace(context, demo=self.demo)
        if self.demo:
            from .demo import fill_demo_data

            fill_demo_data(workspace)
        self.window.attach(workspace)
        if self.smoke_test:
            self._report_loaded_when_idle(workspace)

    def _report_loaded_when_idle(self, workspace: Workspace) -> None:
        def check() -> None:
            if not workspace.tasks.busy:
                print("loaded", flush=True)
                self.application.quit()

        workspace.tasks.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, check))
        QTimer.singleShot(0, check)

    def _fail(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            message = render(error.message)
        else:
            log.error("the station could not be opened", exc_info=error)
            message = self.application.translate("App", "The station's records could not be opened: {error}").format(
                error=error
            )
        print(message, file=sys.stderr)
        if not self.smoke_test:
            QMessageBox.critical(self.window, self.application.translate("App", "heze-station cannot start"), message)
        self.application.exit(1)

    def finish(self) -> None:
        """After the event loop: stop syncing, let the worker end, close the database."""
        workspace = self.window.workspace
        if workspace is not None:
            self.window.sync.shutdown()  # also when the application quit without closing the window
            workspace.shutdown()
        self.opening.shutdown()
        if workspace is None and self.opened is not None and self.opened.exception() is None:
            self.opened.result().close()  # opened as the window was being closed, so never shown


def run(*, data_dir: Path, demo: bool, language: str, smoke_test: bool) -> int:
    QApplication.setApplicationName("heze-station")
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("HezeHRSS")
    application = QApplication(sys.argv[:1])
    fonts.install(application)
    i18n.install(application, language)
    start = _Start(application, MainWindow(), demo=demo, smoke_test=smoke_test)
    start.begin(data_dir)
    code = application.exec()
    start.finish()
    return code
