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
    SERVER_OUTDATED = "server_outdated"  # the server is older than this program: the city updates it
    COPIED_DEVICE = "copied_device"  # sequence numbers used by another copy of this device (F9)
    CURSOR_RESET = "cursor_reset"  # the server's data is not what this device synced with (F9)
    THROTTLED = "throttled"
    CLOCK_AHEAD = "clock_ahead"  # changes stamped far ahead of the server's time: re-stamped at the next try
    UNTRUSTED_CERTIFICATE = "untrusted_certificate"  # the server's TLS certificate is not one this computer trusts
    UNENCRYPTED = "unencrypted"  # an http:// address on a network not marked trusted: nothing is sent
    DISK_FULL = "disk_full"  # this computer cannot store what the server sent; recovers when space is freed
    REFUSED = "refused"  # any other 4xx: a request the server will never accept as it is
    UNEXPECTED = "unexpected"  # a fault of this program (a bug): reported, and tried again later

    @property
    def transient(self) -> bool:
        return self in (
            FailureReason.OFFLINE,
            FailureReason.SERVER_ERROR,
            FailureReason.THROTTLED,
            FailureReason.CLOCK_AHEAD,
            FailureReason.UNTRUSTED_CERTIFICATE,  # a hotel's captive portal looks the same: tried again
            FailureReason.DISK_FULL,
            FailureReason.UNEXPECTED,
            FailureReason.SERVER_OUTDATED,  # tried again, until the city has updated its server
        )


@dataclass
class SyncFailure(Exception):
    reason: FailureReason
    detail: str = ""  # the server's message or the network error, for the sync log
    details: dict[str, Any] = field(default_factory=dict)
    status: int = 0  # the HTTP status of an answer that was one; 0 when none came

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.detail}"
