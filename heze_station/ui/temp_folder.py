"""The program's temporary files, in its own folder inside the data folder, removed at the end and after a crash.

Qt's print engine on Linux (through CUPS) writes the whole print job to the temporary folder first, a PDF with the
parties' ID numbers in clear, and leaves it there if the program dies meanwhile (a power cut, a kill): in /tmp, for
good, where every program and user of the computer may read it. Here each run has a folder of its own, removed when
it ends; a folder whose run is gone is removed by the next start. The data folder is the one the station is told to
protect.
"""

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile

TEMP_DIR = "tmp"
_LOCK = ".run.lock"


class OwnTempFolder:
    """This run's folder, locked while it runs: a second window on the same station (the icon clicked twice) may be
    printing, idle for hours, and its folder must stay; QLockFile tells a run that is gone by its process."""

    def __init__(self, data_dir: Path):
        base = data_dir / TEMP_DIR
        base.mkdir(parents=True, exist_ok=True)
        base.chmod(0o700)  # this account's alone (the umask would have let others list it)
        for left in base.iterdir():
            _remove_if_gone(left)
        self.folder = Path(tempfile.mkdtemp(dir=base))
        self._lock = QLockFile(str(self.folder / _LOCK))
        self._lock.tryLock(0)  # a new folder: nobody else holds it
        for name in ("TMPDIR", "TMP", "TEMP"):
            os.environ[name] = str(self.folder)
        tempfile.tempdir = None  # Python reads the variables again at its next temporary file

    def remove(self) -> None:
        """At the end of the run: what it wrote for a moment goes with it."""
        self._lock.unlock()
        shutil.rmtree(self.folder, ignore_errors=True)


def _remove_if_gone(folder: Path) -> None:
    """A folder whose run has ended, by a crash (or one with no lock at all): removed. Two starts at once may both
    remove it: the second finds nothing to remove."""
    lock = QLockFile(str(folder / _LOCK))
    lock.setStaleLockTime(0)  # stale only once its process is gone, never by age: a run may idle for hours
    if lock.tryLock(0):
        lock.unlock()
        shutil.rmtree(folder, ignore_errors=True)
