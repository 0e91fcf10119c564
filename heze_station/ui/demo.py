"""``--demo``: fill the separate demo database with generated cases before the main window opens.

The demo's account has signed in; its main window opens once the demo is filled. The cases are made by the real
services on the database worker thread; the GUI thread shows a progress dialog and keeps painting through a local
event loop until the work is done. A demo folder that already has cases
is left as it is, and then no dialog appears at all.
"""

import time

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ..demo.generator import fill_demo
from ..services.station import StationContext
from .workspace import Workspace

# Seconds between progress reports: a few a second keep the bar moving without flooding the GUI thread.
_REPORT_EVERY = 0.25


class _DemoFiller(QObject):
    # Emitted on the database thread; Qt queues it to the GUI thread, where this object lives.
    progressed = Signal(int, int)

    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.loop = QEventLoop()
        self.finished = False
        # Made on the first progress report, so that an already filled demo opens without a flash.
        self.dialog: QProgressDialog | None = None
        self.progressed.connect(self._show_progress)

    def _fill(self, context: StationContext) -> int:
        last = -_REPORT_EVERY

        def report(done: int, total: int) -> None:
            # A few reports a second are plenty for a progress bar, and each emit has a cost (see _REPORT_EVERY).
            nonlocal last
            if done in (0, total) or time.monotonic() - last >= _REPORT_EVERY:
                last = time.monotonic()
                self.progressed.emit(done, total)

        return fill_demo(context, progress=report)

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog()
        dialog.setWindowTitle(self.tr("Demo data"))
        dialog.setLabelText(self.tr("Generating demo cases…"))
        dialog.setCancelButton(None)  # the services run to the end: a half-filled demo would only confuse
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.show()
        return dialog

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = self._make_dialog()
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.tr("Generating demo cases… {done} of {total}").format(done=done, total=total))

    def _finish(self, _result: object = None) -> None:
        self.finished = True
        self.loop.quit()

    def _fail(self, error: Exception) -> None:
        if self.dialog is not None:
            self.dialog.hide()
        self.workspace.show_error(error)
        self._finish()

    def run(self) -> None:
        self.workspace.tasks.run(self._fill, self.workspace.context, on_done=self._finish, on_error=self._fail)
        # Results are delivered through queued signals, so nothing can finish before the loop runs.
        if not self.finished:
            self.loop.exec()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()


def fill_demo_data(workspace: Workspace) -> None:
    """Generate the demo cases if the demo database is still empty; returns when they are all stored."""
    _DemoFiller(workspace).run()
