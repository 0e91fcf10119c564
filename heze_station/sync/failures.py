"""Why a sync could not happen, in terms the engine acts on and the station words for people (services.sync).

Kept apart from the HTTP client so that the window can name a failure without loading the network libraries.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FailureReason(StrEnum):
    """Why a request failed, in the words the station shows (see services.sync) and the engine acts on."""

    OFFLINE = "offline"  # no connection, DNS, refused, cut, timed out
    SERVER_ERROR = "server_error"  # 5xx, or an answer that is not the protocol's
    INVALID_CODE = "invalid_code"  # enrolment code wrong, used or expired
    NOT_ENROLLED = "not_enrolled"  # credentials the server does not know
    REVOKED = "revoked"
    OUTDATED = "outdated"  # protocol or schema version refused
    COPIED_DEVICE = "copied_device"  # sequence numbers used by another copy of this device (F9)
    CURSOR_RESET = "cursor_reset"  # the server's data is not what this device synced with (F9)
    THROTTLED = "throttled"
    DISK_FULL = "disk_full"  # this computer cannot store what the server sent; recovers when space is freed
    REFUSED = "refused"  # any other 4xx: a request the server will never accept as it is

    @property
    def transient(self) -> bool:
        return self in (
            FailureReason.OFFLINE,
            FailureReason.SERVER_ERROR,
            FailureReason.THROTTLED,
            FailureReason.DISK_FULL,
        )


@dataclass
class SyncFailure(Exception):
    reason: FailureReason
    detail: str = ""  # the server's message or the network error, for the sync log
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.detail}"
