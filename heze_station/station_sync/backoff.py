"""When to try a sync again after a transient failure (F12)."""

import random


class Backoff:
    """When to try again after a transient failure: exponential, capped, with "equal jitter" (F12).

    Each wait falls anywhere in the upper half of its interval: a thousand stations that lost the network at the
    same moment are spread out, so the server is not hit by all of them again at once when it returns, and none
    retries much sooner than the backoff intends.
    """

    def __init__(self, first: float = 5.0, cap: float = 300.0, rng: random.Random | None = None):
        self.first = first
        self.cap = cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        """Seconds to wait after one more failure."""
        self.failures += 1
        ceiling = min(self.cap, self.first * 2 ** (self.failures - 1))
        return self._rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0
