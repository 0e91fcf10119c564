"""What a sync run tells while it runs (progress) and when it ends (report); light, for the window to import."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    CONNECTING = "connecting"
    PUSHING = "pushing"
    UPLOADING = "uploading"
    PULLING = "pulling"
    DOWNLOADING = "downloading"


@dataclass(frozen=True)
class Progress:
    phase: Phase
    done: int  # operations pushed, files moved, or rows pulled so far in this run
    total: int | None = None  # known for pushes and files; a pull does not know its size in advance


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled: int = 0
    uploaded: int = 0
    downloaded: int = 0
    rebaselined: bool = False
    files_waiting: int = 0  # files that could not move in this run; tried again next time
    repaired: int = 0  # rows fetched again because the station's copy differed from the server's (F13)
    quarantined: int = 0  # rows received that this computer could not store (kept aside, tried again next time)


ProgressCallback = Callable[[Progress], None]
