"""What the window shows of the sync before any sync runs: its state, the status read from the station, and the
problems a sync or an enrolment reports, worded for people.

Kept apart from services.sync (the enrolment, the run, the status query): the status bar's indicator is built with
the main window, and this module loads with it without the sync's storage and protocol modules, which load when the
status is first read, after the workbench has shown its data.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ..domain.errors import DomainError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..station_sync.failures import FailureReason


class SyncProblem(DomainError):
    """A sync or enrolment that could not be done, with what the coordinator can do about it."""

    def __init__(self, reason: FailureReason, detail: str = ""):
        super().__init__(failure_message(reason))
        self.reason = reason
        self.detail = detail


_FAILURE_TEXT = {
    FailureReason.OFFLINE: QT_TRANSLATE_NOOP(
        "Domain", "The city server cannot be reached. Your changes are kept here and sent when the network returns."
    ),
    FailureReason.SERVER_ERROR: QT_TRANSLATE_NOOP(
        "Domain",
        "The city server had a problem and did not finish the sync. Your changes are kept; it is tried again "
        "automatically.",
    ),
    FailureReason.INVALID_CODE: QT_TRANSLATE_NOOP(
        "Domain",
        "The enrolment code is wrong, already used or expired. Ask the city bureau for a new code; codes are "
        "valid for 72 hours and work once.",
    ),
    FailureReason.NOT_ENROLLED: QT_TRANSLATE_NOOP(
        "Domain", "The city server does not know this computer. Enrol it again with a new code from the city bureau."
    ),
    FailureReason.REVOKED: QT_TRANSLATE_NOOP(
        "Domain",
        "The city bureau has blocked this computer from syncing (for example after it was reported lost). All "
        "data on it is kept. Ask the city bureau for a new enrolment code.",
    ),
    FailureReason.OUTDATED: QT_TRANSLATE_NOOP(
        "Domain",
        "This version of heze-station is too old for the city server. Install the current version; all data on "
        "this computer is kept.",
    ),
    FailureReason.SERVER_OUTDATED: QT_TRANSLATE_NOOP(
        "Domain",
        "The city server is older than this version of heze-station, so nothing is sent yet. The city bureau "
        "updates the server; until then all data stays on this computer and the sync is tried again automatically.",
    ),
    FailureReason.COPIED_DEVICE: QT_TRANSLATE_NOOP(
        "Domain",
        "Another computer is syncing with this computer's identity (a copied disk?). Sync is stopped; enrol this "
        "computer again with a new code. Unsent changes are kept and sent after enrolment.",
    ),
    FailureReason.CURSOR_RESET: QT_TRANSLATE_NOOP(
        "Domain", "The city server was restored from a backup. Everything is being read again; nothing is lost."
    ),
    FailureReason.THROTTLED: QT_TRANSLATE_NOOP(
        "Domain", "Too many wrong attempts from this computer. Wait a few minutes, then try again."
    ),
    FailureReason.CLOCK_AHEAD: QT_TRANSLATE_NOOP(
        "Domain",
        "This computer's clock is far ahead of the city server's. Its changes are stamped with the server's time "
        "and sent at the next try; please set the computer's date and time right.",
    ),
    FailureReason.DISK_FULL: QT_TRANSLATE_NOOP(
        "Domain",
        "The disk of this computer is full, so the data from the city server cannot be stored. Free some space "
        "(delete old downloads, empty the recycle bin); nothing typed here is lost, and the sync continues then.",
    ),
    FailureReason.REFUSED: QT_TRANSLATE_NOOP(
        "Domain", "The city server refused the request. Your changes are kept; tell the city bureau's support."
    ),
    FailureReason.UNTRUSTED_CERTIFICATE: QT_TRANSLATE_NOOP(
        "Domain",
        "The server at this address did not prove it is the city server (its certificate is not trusted here), so "
        "nothing was sent. On a hotel or site network that asks for a login first, log in there; it is tried again "
        "automatically. If the city runs its own certificates, enrol again with the certificate file from the city "
        "bureau.",
    ),
    FailureReason.UNENCRYPTED: QT_TRANSLATE_NOOP(
        "Domain",
        "This address is not encrypted (http://): codes, passwords and workers' data would cross the network in "
        "clear. Use the https:// address from the city bureau. Only on the city's own closed network may an "
        "administrator mark an http:// address as trusted.",
    ),
    FailureReason.UNEXPECTED: QT_TRANSLATE_NOOP(
        "Domain",
        "The sync stopped because of a fault in this program. Nothing typed here is lost, and the sync is tried "
        "again automatically. If this keeps happening, tell the city bureau's support (the sync log has the details).",
    ),
}


def failure_message(reason: FailureReason) -> Message:
    return Message(_FAILURE_TEXT[reason])


class SyncState(StrEnum):
    NOT_ENROLLED = "not_enrolled"
    UP_TO_DATE = "up_to_date"  # the last sync worked and nothing waits
    WAITING = "waiting"  # changes wait for the next sync
    OFFLINE = "offline"  # the last try could not reach the server; retried automatically
    FAILED = "failed"  # the last try failed otherwise (the server, this computer's disk, a fault); retried
    STOPPED = "stopped"  # needs a person: revoked, outdated, copied, not enrolled on the server


# How far this computer's clock may be from the city server's before a person is told: near midnight a few minutes
# already move the day a case is recorded on; a laptop kept off the network drifts by seconds a day.
CLOCK_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    server_url: str | None
    station_name: str | None
    device_name: str | None
    pending_changes: int
    open_conflicts: int
    last_success_at: datetime | None
    reason: FailureReason | None = None  # what went wrong in the last try; None after a success
    quarantined: int = 0  # rows received that this computer could not store (storage.replica.quarantine)
    # This computer's clock less the city server's, as the last sync measured it (None before any): the dates typed
    # here, the case numbers' years and every deadline come from this computer's date.
    clock_offset: timedelta | None = None

    @property
    def clock_wrong(self) -> bool:
        return self.clock_offset is not None and abs(self.clock_offset) >= CLOCK_TOLERANCE

    @property
    def problem(self) -> Message | None:
        """The reason, for a person."""
        return failure_message(self.reason) if self.reason else None

    @property
    def needs_person(self) -> bool:
        return self.state in (SyncState.STOPPED, SyncState.NOT_ENROLLED)
