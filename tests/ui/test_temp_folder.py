"""The program's temporary files stay in its own folder inside the data folder, and none outlives the run (a print
job of CUPS, written in clear before it is printed, stayed in /tmp after a crash: a thief's finding)."""

import os
import tempfile
import time
from pathlib import Path

import pytest

from heze_station.ui.temp_folder import LEFT_BEHIND_SECONDS, TEMP_DIR, remove, use_own_temp_folder


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch):
    """The variables and Python's cached folder as they were, after the test."""
    for name in ("TMPDIR", "TMP", "TEMP"):
        monkeypatch.setenv(name, os.environ.get(name, tempfile.gettempdir()))
    yield
    tempfile.tempdir = None


def test_a_run_writes_its_temporary_files_in_a_folder_of_its_own_that_goes_with_it(restored, tmp_path: Path) -> None:
    base = tmp_path / TEMP_DIR
    crashed = base / "tmp-crashed"  # a run killed while printing, an hour and more ago
    crashed.mkdir(parents=True)
    (crashed / "071fe6b1823f0").write_bytes(b"%PDF-1.4 the job CUPS was handed")
    old = time.time() - LEFT_BEHIND_SECONDS - 60
    os.utime(crashed, (old, old))
    printing = base / "tmp-printing"  # a second window on the same station, printing now
    printing.mkdir()

    folder = use_own_temp_folder(tmp_path)

    assert not crashed.exists()
    assert printing.exists()
    assert folder.parent == base
    assert os.environ["TMPDIR"] == os.environ["TMP"] == os.environ["TEMP"] == str(folder)
    with tempfile.NamedTemporaryFile() as written:
        assert Path(written.name).parent == folder
    assert oct(base.stat().st_mode & 0o777) == oct(0o700)
    remove(folder)
    assert not folder.exists()
