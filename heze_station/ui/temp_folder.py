"""The program's temporary files, in its own folder inside the data folder, removed at the end and after a crash.

Qt's print engine on Linux (through CUPS) writes the whole print job to the temporary folder first, a PDF with the
parties' ID numbers in clear, and leaves it there if the program dies meanwhile (a power cut, a kill): in /tmp, for
good, where every program and user of the computer may read it. Here each run has a folder of its own, removed when
it ends, and a folder a run left behind is removed by the next start. The data folder is the one the station is
told to protect.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

TEMP_DIR = "tmp"
# A run's folder untouched this long is one a crashed run left: a print job is written and sent within seconds. Not
# every folder: a second window on the same station may be printing.
LEFT_BEHIND_SECONDS = 3600


def use_own_temp_folder(data_dir: Path) -> Path:
    """Point this process's temporary files (Python's, Qt's, CUPS's: TMPDIR, TMP, TEMP) at a new folder of its own,
    after removing those that earlier runs left behind."""
    base = data_dir / TEMP_DIR
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o700)  # this account's alone (the umask would have let others list it)
    for left in base.iterdir():
        if time.time() - left.stat().st_mtime > LEFT_BEHIND_SECONDS:
            remove(left)
    folder = Path(tempfile.mkdtemp(dir=base))
    for name in ("TMPDIR", "TMP", "TEMP"):
        os.environ[name] = str(folder)
    tempfile.tempdir = None  # Python reads the variables again at its next temporary file
    return folder


def remove(path: Path) -> None:
    """A run's folder at its end (nothing written for a moment stays), or one left behind."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
