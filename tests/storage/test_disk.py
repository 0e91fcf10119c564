"""Files written whole: an export that fails halfway (a full disk, a USB stick pulled out) leaves no part of it."""

import errno
from pathlib import Path

import pytest

from heze_station.storage import disk


def test_a_file_written_whole_replaces_the_old_one_only_once_complete(tmp_path: Path) -> None:
    target = tmp_path / "案件清单.xlsx"
    target.write_bytes(b"last week's list")
    with disk.written_whole(target) as partial:
        partial.write_bytes(b"this week's list")
        assert target.read_bytes() == b"last week's list"  # nobody opens half a file meanwhile
    assert target.read_bytes() == b"this week's list"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["案件清单.xlsx"]


def test_a_file_that_fails_halfway_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "案件清单.xlsx"
    target.write_bytes(b"last week's list")

    def export() -> None:
        with disk.written_whole(target) as partial:
            partial.write_bytes(b"worker 1: 370***, 138****")  # personal data, half written
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(disk.FileNotWritten) as refused:
        export()
    said = refused.value.message.render()
    assert "案件清单.xlsx" in said
    assert str(tmp_path) in said  # where it could not be written, in words
    assert target.read_bytes() == b"last week's list"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["案件清单.xlsx"]
