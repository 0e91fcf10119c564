"""Faults of the disk, recognised wherever they surface and named as such: a full disk (SQLite's SQLITE_FULL, an
OSError ENOSPC or EDQUOT), common on an office PC never cleaned up, and damaged pages of the data file (SQLITE_CORRUPT,
SQLITE_NOTADB: SQLCipher refuses a page whose authentication fails). "Unexpected error" would send a coordinator to
the wrong remedy.
"""

import errno
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.messages import QT_TRANSLATE_NOOP, Message

SQLITE_FULL = 13
SQLITE_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
# Below this, the next backup, a batch of scans or a first sync may not fit: said at start, before it fails.
LOW_SPACE_BYTES = 200 * 1024 * 1024


class DiskFull(DomainError):
    """The disk holding the data folder is full: nothing was saved, and what was typed is still in the window."""


class FileDamaged(DomainError):
    """A page of the data file is damaged: what needed it could not be read or saved."""


FULL = QT_TRANSLATE_NOOP(
    "Domain",
    "The disk that holds the station's data is full, so nothing was saved. What you typed is still here: free some "
    "space (empty the recycle bin, delete downloads you no longer need), then save again.",
)


def is_full(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) says the disk is full."""
    return _any_cause(
        error,
        lambda each: (
            (isinstance(each, OSError) and each.errno in (errno.ENOSPC, errno.EDQUOT))
            or getattr(each, "sqlite_errorcode", None) == SQLITE_FULL
            or "database or disk is full" in str(each)
        ),
    )


def is_damaged(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) says a page of the database file is damaged."""
    return _any_cause(
        error,
        lambda each: (
            getattr(each, "sqlite_errorcode", None) in SQLITE_DAMAGED
            or "database disk image is malformed" in str(each)
            or "file is not a database" in str(each)
        ),
    )


def _any_cause(error: BaseException | None, test: Callable[[BaseException], bool]) -> bool:
    while error is not None:
        if test(error):
            return True
        error = error.__cause__ or error.__context__
    return False


def named(error: BaseException) -> DomainError | None:
    """The fault of the disk ``error`` is, in words; None when it is none of these."""
    if is_full(error):
        return full_error()
    if is_damaged(error):
        return FileDamaged(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Part of the station's data file is damaged, so this could not be read or saved. Ask the "
                    "administrator to restore the latest backup (Account › Backups and restore).",
                )
            )
        )
    return None


def full_error() -> DiskFull:
    return DiskFull(Message(FULL))


def full_at_start(folder: Path) -> DiskFull:
    return DiskFull(
        Message(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The disk that holds the station's data ({folder}) is full, so the station cannot open. Free some "
                "space (empty the recycle bin, delete downloads you no longer need), then start again; nothing "
                "was changed.",
            ),
            {"folder": str(folder)},
        )
    )


def low_space(folder: Path) -> Message | None:
    """A warning when the disk holding ``folder`` has less than LOW_SPACE_BYTES free; None when there is room."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None  # a folder that cannot be measured is reported by whatever fails to use it
    if free >= LOW_SPACE_BYTES:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "Domain",
            "Only {megabytes} MB are free on the disk that holds the station's data ({folder}). New cases, scans "
            "and backups may not fit: free some space soon.",
        ),
        {"megabytes": free // (1024 * 1024), "folder": str(folder)},
    )


class FileNotWritten(DomainError):
    """A file the person chose where to write could not be written there; nothing of it was left."""


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """A file written beside ``path`` and renamed over it once whole: never half a file where the person looks, and
    nothing left behind (personal data in it, maybe) when writing fails, a full disk say. Failing, it says so in
    words (FileNotWritten), not by the name of an exception."""
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        partial.replace(path)
    except OSError as error:
        if error.filename not in (None, str(partial), str(path)):
            raise  # another file's (one read to fill this one): not this one's to explain
        raise FileNotWritten(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "{file} could not be written in {folder}: the folder may be gone (a USB stick pulled out) or not "
                    "writable for this computer's account, the disk full, or the file open in another program (close "
                    "it there). Nothing was written; choose another place, or close the file, and try again.",
                ),
                {"file": path.name, "folder": str(path.parent)},
            )
        ) from error
    finally:
        partial.unlink(missing_ok=True)
