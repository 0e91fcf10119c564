"""Hybrid logical clock: wall-clock milliseconds plus a counter, so ordering survives a device clock that is off or
jumps (F7).

Encoded as ``"<ms:015d>-<counter:05d>-<node>"`` so that comparing the strings compares the clocks. A device sends
``tick()`` with each local operation and feeds every time it receives (a pulled row, the server's time) to
``receive()``; the clock then never runs behind anything it has seen.

Every value the format allows can be made, formatted and parsed back, and no step leaves the format: the wall
time stops at the largest 15-digit number (the year 33658) rather than growing a digit. A clock far ahead of the
server's is refused there (``ahead_of``), so no real clock comes near that end.
"""

import re
from dataclasses import dataclass
from typing import Self

# ASCII digits only: \d would also take other scripts' digits, which int() reads and str() never writes.
_FORMAT = re.compile(r"([0-9]{15})-([0-9]{5})-([0-9a-z]{1,32})")
_NODE = re.compile(r"[0-9a-z]{1,32}")
MAX_WALL_MS = 10**15 - 1
MAX_COUNTER = 99_999
# How far ahead of the server's time a clock may run before the server refuses it (its default setting).
MAX_AHEAD_MS = 5 * 60_000


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __post_init__(self) -> None:
        if not (0 <= self.wall_ms <= MAX_WALL_MS and 0 <= self.counter <= MAX_COUNTER):
            raise ValueError("hybrid logical clock out of range")
        if not _NODE.fullmatch(self.node):
            raise ValueError("a clock's node is 1-32 characters 0-9 and a-z")

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Self:
        match = _FORMAT.fullmatch(text)
        if match is None:
            raise ValueError(f"not a hybrid logical clock value: {text[:60]!r}")
        return cls(int(match[1]), int(match[2]), match[3])

    def tick(self, now_ms: int) -> Self:
        """The time of a new local event."""
        now_ms = _wall(now_ms)
        if now_ms > self.wall_ms:
            return type(self)(now_ms, 0, self.node)
        return self._next_counter(self.wall_ms, self.counter)

    def receive(self, remote: "Hlc", now_ms: int) -> Self:
        """The time after learning of ``remote``: later than both it and anything seen here before."""
        wall = max(self.wall_ms, remote.wall_ms, _wall(now_ms))
        if wall == self.wall_ms == remote.wall_ms:
            return self._next_counter(wall, max(self.counter, remote.counter))
        if wall == self.wall_ms:
            return self._next_counter(wall, self.counter)
        if wall == remote.wall_ms:
            return self._next_counter(wall, remote.counter)
        return type(self)(wall, 0, self.node)

    def ahead_of(self, now_ms: int, max_ahead_ms: int) -> bool:
        """Whether this time lies more than ``max_ahead_ms`` after ``now_ms``: a clock no one should take."""
        return self.wall_ms > now_ms + max_ahead_ms

    def _next_counter(self, wall: int, counter: int) -> Self:
        # A counter overflow borrows a millisecond from the future rather than breaking the order; at the very end
        # of the format the clock stays where it is.
        if counter < MAX_COUNTER:
            return type(self)(wall, counter + 1, self.node)
        if wall < MAX_WALL_MS:
            return type(self)(wall + 1, 0, self.node)
        return type(self)(MAX_WALL_MS, MAX_COUNTER, self.node)


def _wall(now_ms: int) -> int:
    return min(max(now_ms, 0), MAX_WALL_MS)
