"""A rogue device pushes hundreds of generated batches; the real stations of its own and of another station keep
syncing and saving, the server answers no 5xx, and nothing a station could not store is stored (issue 12)."""

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .rogue import RogueLab, push

EXAMPLES = 500


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RogueLab]:
    rogue = RogueLab(tmp_path_factory.mktemp("rogue"))
    yield rogue
    rogue.close()


@pytest.mark.slow(seconds=55)
# About a minute on an idle machine; on a loaded one (other work beside make test's three workers) it went past the
# two minutes pyproject.toml allows a test and its worker was ended. It is long by design, not stuck.
@pytest.mark.timeout(240)
def test_no_rogue_device_stops_a_station_or_stores_what_a_station_cannot(lab: RogueLab) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def trial(data: st.DataObject) -> None:
        lab.trial(data.draw(push(lab)))

    trial()
    tally = lab.tally
    assert tally.trials >= EXAMPLES
    assert (tally.stuck, tally.server_errors, tally.invalid_rows_stored) == (0, 0, 0), tally.problems
