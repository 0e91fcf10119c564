"""A rogue device's generated pushes against real stations (tests/station_sync/rogue.py): ten thousand trials, none
of which may stop a station, make the server answer 5xx or store a row a station could not store."""

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.station_sync.rogue import RogueLab, Tally, push

TRIALS = 10_000


@dataclass(frozen=True)
class Rogue:
    tally: Tally
    seconds: float


def measure(trials: int = TRIALS) -> Rogue:
    with tempfile.TemporaryDirectory(prefix="heze-bench-rogue-") as folder:
        lab = RogueLab(Path(folder))
        started = time.perf_counter()
        try:

            @settings(
                max_examples=trials,
                deadline=None,
                database=None,
                phases=[Phase.generate],  # every trial counts; nothing to shrink when nothing is asserted
                suppress_health_check=list(HealthCheck),
            )
            @given(st.data())
            def trial(data: st.DataObject) -> None:
                lab.trial(data.draw(push(lab)))

            trial()
        finally:
            lab.close()
        return Rogue(lab.tally, time.perf_counter() - started)
