"""The program's temporary files stay in its own folder inside the data folder, and none outlives the run (a print
job of CUPS, written in clear before it is printed, stayed in /tmp after a crash: a thief's finding)."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from heze_station.ui.temp_folder import TEMP_DIR, OwnTempFolder

# Another run of the program on the same data folder, as a process: it takes its folder, writes a print job, and
# either ends as a crash does (killed: its folder stays behind) or keeps running until told.
RUN = """
import os, sys
from pathlib import Path
from heze_station.ui.temp_folder import OwnTempFolder
run = OwnTempFolder(Path(sys.argv[1]))
(run.folder / "071fe6b1823f0").write_bytes(b"%PDF-1.4 the job CUPS was handed")
print(run.folder, flush=True)
if sys.argv[2] == "crash":
    os._exit(9)
sys.stdin.readline()
"""


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch):
    """The variables and Python's cached folder as they were, after the test."""
    for name in ("TMPDIR", "TMP", "TEMP"):
        monkeypatch.setenv(name, os.environ.get(name, tempfile.gettempdir()))
    yield
    tempfile.tempdir = None


def start_run(data_dir: Path, how: str) -> tuple[subprocess.Popen[str], Path]:
    run = subprocess.Popen(
        [sys.executable, "-c", RUN, str(data_dir), how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert run.stdout is not None
    return run, Path(run.stdout.readline().strip())


def test_a_run_writes_its_temporary_files_in_a_folder_of_its_own_that_goes_with_it(restored, tmp_path: Path) -> None:
    crashed, crashed_folder = start_run(tmp_path, "crash")
    crashed.wait()
    running, running_folder = start_run(tmp_path, "keep running")  # a second window, idle or printing

    this = OwnTempFolder(tmp_path)

    assert not crashed_folder.exists()  # what the killed run was printing is gone
    assert running_folder.exists()
    assert this.folder.parent == tmp_path / TEMP_DIR
    assert os.environ["TMPDIR"] == os.environ["TMP"] == os.environ["TEMP"] == str(this.folder)
    with tempfile.NamedTemporaryFile() as written:
        assert Path(written.name).parent == this.folder
    assert oct((tmp_path / TEMP_DIR).stat().st_mode & 0o777) == oct(0o700)
    this.remove()
    assert not this.folder.exists()
    running.communicate("\n")
    assert running.returncode == 0
