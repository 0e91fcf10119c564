"""Starting the GUI: Qt application, font, translations, then the session (sign-in, main window; ui/session.py)."""

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, paths
from . import fonts, i18n
from .garbage import GuiThreadCollector
from .session import Session
from .temp_folder import OwnTempFolder
from .termination import TerminationWatch


def run(
    *,
    data_dir: Path,
    demo: bool,
    language: str,
    smoke_test: bool,
    user: str | None = None,
    password: str | None = None,
) -> int:
    temp = OwnTempFolder(data_dir)  # before Qt, which reads TMPDIR once
    QApplication.setApplicationName("heze-station")
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("HezeHRSS")
    application = QApplication(sys.argv[:1])
    application.setWindowIcon(QIcon(str(paths.resource("icons", "heze-station.png"))))  # every window, the taskbar
    # The session quits when the person quits: between the sign-in window closing and the main window opening
    # (and while switching user) no window is on screen for a moment, which is not the end of the program.
    application.setQuitOnLastWindowClosed(False)
    garbage = GuiThreadCollector(application)
    fonts.install(application)
    i18n.install(application, language)
    session = Session(data_dir, demo=demo, smoke_test=smoke_test, user=user, password=password)
    session.ended.connect(application.exit)
    TerminationWatch(application, session.quit)
    session.begin()
    try:
        code = application.exec()
        session.finish()
    finally:
        garbage.stop()
        temp.remove()
    return code
