"""The hybrid logical clock keeps order when wall clocks are wrong or jump (F7)."""

import pytest

from heze_station.sync.hlc import MAX_COUNTER, Hlc

DAY_MS = 24 * 3600 * 1000


def test_text_form_sorts_like_the_clock_and_parses_back() -> None:
    earlier, later = Hlc(1_000, 5, "a"), Hlc(1_000, 12, "a")
    assert str(earlier) < str(later)
    assert Hlc.parse(str(later)) == later
    with pytest.raises(ValueError, match="not a hybrid"):
        Hlc.parse("yesterday")


def test_a_clock_that_jumps_back_still_moves_forward() -> None:
    clock = Hlc(0, 0, "a").tick(10 * DAY_MS)
    after_jump = clock.tick(3 * DAY_MS)  # someone set the laptop's date back a week
    assert after_jump > clock
    assert after_jump.wall_ms == clock.wall_ms


def test_receiving_a_time_from_a_fast_clock_moves_past_it() -> None:
    slow = Hlc(0, 0, "a").tick(1 * DAY_MS)
    fast = Hlc(0, 0, "b").tick(8 * DAY_MS)
    merged = slow.receive(fast, 1 * DAY_MS + 5)
    assert merged > fast
    assert merged.tick(1 * DAY_MS + 6) > merged


def test_the_counter_never_overflows_into_disorder() -> None:
    clock = Hlc(5, MAX_COUNTER, "a")
    assert clock.tick(0) > clock
