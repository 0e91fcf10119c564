"""Guards against a Qt binding that cannot run the app for a working day."""

import subprocess
import sys

EMIT_MANY_SIGNALS = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    changed = Signal(object)

application = QCoreApplication([])
emitter = Emitter()
emitter.changed.connect(lambda value: None)
for value in range(5000):
    emitter.changed.emit(value)
print("survived")
"""


def test_emitting_thousands_of_signals_does_not_abort_python() -> None:
    # PySide6 6.12.0 dropped a reference to True on every emit and aborted after about 570 of them; the app emits
    # a few signals per background task, so a session of ordinary work would crash.
    result = subprocess.run([sys.executable, "-c", EMIT_MANY_SIGNALS], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "survived"
