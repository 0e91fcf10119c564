"""Hybrid logical clock: wall-clock milliseconds plus a counter, so ordering survives a device clock that is off or
jumps (F7).

Encoded as ``"<ms:015d>-<counter:05d>-<node>"`` so that comparing the strings compares the clocks. A device sends
``tick()`` with each local operation and feeds every time it receives (a pulled row, the server's time) to
``receive()``; the clock then never runs behind anything it has seen.
"""

import re
from dataclasses import dataclass
from typing import Self

_FORMAT = re.compile(r"^(\d{15})-(\d{5})-([0-9a-z]{1,32})$")
MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Self:
        match = _FORMAT.match(text)
        if match is None:
            raise ValueError(f"not a hybrid logical clock value: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])

    def tick(self, now_ms: int) -> Self:
        """The time of a new local event."""
        if now_ms > self.wall_ms:
            return type(self)(now_ms, 0, self.node)
        return self._next_counter(self.wall_ms, self.counter)

    def receive(self, remote: "Hlc", now_ms: int) -> Self:
        """The time after learning of ``remote``: later than both it and anything seen here before."""
        wall = max(self.wall_ms, remote.wall_ms, now_ms)
        if wall == self.wall_ms == remote.wall_ms:
            return self._next_counter(wall, max(self.counter, remote.counter))
        if wall == self.wall_ms:
            return self._next_counter(wall, self.counter)
        if wall == remote.wall_ms:
            return self._next_counter(wall, remote.counter)
        return type(self)(wall, 0, self.node)

    def _next_counter(self, wall: int, counter: int) -> Self:
        # A counter overflow borrows a millisecond from the future rather than breaking the order.
        if counter >= MAX_COUNTER:
            return type(self)(wall + 1, 0, self.node)
        return type(self)(wall, counter + 1, self.node)
