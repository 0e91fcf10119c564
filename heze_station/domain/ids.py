"""Primary keys are UUIDv7, made on the device: time-ordered (index-friendly) and collision-free across stations."""

import random
import secrets
import threading
import uuid
from datetime import datetime

import uuid6

_COUNTER_TOP = 0xFFF  # the 12 bits after the time


def new_id() -> uuid.UUID:
    # uuid6 returns its own UUID subclass; normalise so equality and hashing match stdlib UUIDs read from the database.
    return uuid.UUID(bytes=uuid6.uuid7().bytes)


def uuid7_int(milliseconds: int, counter: int, random_62: int) -> int:
    """The UUIDv7 of that many milliseconds since 1970 (RFC 9562: version 7, variant 10), with the 12 bits after the
    time and the 62 last given."""
    return (milliseconds << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | random_62


def seeded_uuid7_int(milliseconds: int, rng: random.Random) -> int:
    """The UUIDv7 of that millisecond with its other bits drawn from ``rng``: time-ordered like the app's keys, yet
    the same in every run (the demo's and the benchmark's stations)."""
    return uuid7_int(milliseconds, rng.getrandbits(12), rng.getrandbits(62))


class _MomentIds:
    """Ids for given moments; those made for the same millisecond count up in the 12 bits after the time (RFC
    9562's counter), so that entries recorded at one moment sort in the order they were written, even with entries
    of other moments written between them (a payment's receipt, then the payment, worker after worker)."""

    _REMEMBERED = 256  # milliseconds whose counters are kept: the moments of the entries written lately

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[int, int] = {}

    def __call__(self, moment: datetime) -> uuid.UUID:
        milliseconds = int(moment.timestamp() * 1000)
        with self._lock:
            # Past 4,096 at one moment the counter stays at its top: their order among themselves is the random bits'.
            counter = min(self._counters.pop(milliseconds, -1) + 1, _COUNTER_TOP)
            self._counters[milliseconds] = counter  # popped and put back: the latest moments stay
            if len(self._counters) > self._REMEMBERED:
                del self._counters[next(iter(self._counters))]
        return uuid.UUID(int=uuid7_int(milliseconds, counter, secrets.randbits(62)))


# A UUIDv7 carrying a moment instead of now, for rows whose key order must be the order of the moments they record
# (the timeline: its entries are sometimes written after what they record).
id_at = _MomentIds()
