"""SIGTERM (a logout, a shutdown) ends the program as quitting does, also while Qt only waits for events."""

import os
import signal
import subprocess
import sys

PROGRAM = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from heze_station.ui.termination import TerminationWatch

application = QApplication([])
TerminationWatch(application, application.quit)
QTimer.singleShot(0, lambda: print("waiting", flush=True))
code = application.exec()
print("finished after the loop", code, flush=True)  # where the session's finish runs
"""


def test_sigterm_while_the_loop_waits_ends_it_as_quitting_does() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", PROGRAM],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout.readline().strip() == "waiting"
        child.send_signal(signal.SIGTERM)
        out, _ = child.communicate(timeout=30)
    finally:
        child.kill()
    assert (child.returncode, out.strip()) == (0, "finished after the loop 0")
