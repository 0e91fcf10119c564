"""The rogue-device benchmark at toy size: it runs its trials end to end and counts them."""

import pytest

from bench import rogue


@pytest.mark.slow
def test_the_rogue_benchmark_runs_its_trials_and_finds_no_stuck_station() -> None:
    result = rogue.measure(trials=5)
    assert result.tally.trials >= 5
    assert result.tally.line().startswith("sync_rogue_trials_stuck 0 (goal <= 0) trials ")
    assert (result.tally.server_errors, result.tally.invalid_rows_stored) == (0, 0), result.tally.problems
    assert result.seconds > 0
