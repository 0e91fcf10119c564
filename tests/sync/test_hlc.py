"""The hybrid logical clock keeps order when wall clocks are wrong or jump (F7)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heze_station.sync.hlc import MAX_COUNTER, MAX_WALL_MS, Hlc
from heze_station.sync.schemas import HLC_PATTERN

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


# --- every value the format allows ------------------------------------------------------------------------------

walls = st.integers(min_value=0, max_value=MAX_WALL_MS)
counters = st.integers(min_value=0, max_value=MAX_COUNTER)
nodes = st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=32)
clocks = st.builds(Hlc, walls, counters, nodes)
moments = st.integers(min_value=-(10**18), max_value=10**18)  # any laptop clock, however wrong


@given(st.from_regex(HLC_PATTERN, fullmatch=True))
def test_every_text_the_protocol_accepts_parses_and_formats_back_the_same(text: str) -> None:
    try:
        clock = Hlc.parse(text)
    except ValueError:
        # The wire pattern is a regular expression's \d-free form; anything it lets through must parse.
        pytest.fail(f"{text!r} fits the protocol's pattern but does not parse")
    assert str(clock) == text


@given(clocks)
def test_every_clock_formats_and_parses_back(clock: Hlc) -> None:
    assert Hlc.parse(str(clock)) == clock
    assert re.fullmatch(HLC_PATTERN.strip("^$"), str(clock))


@given(clocks, clocks, moments)
def test_no_step_leaves_the_format_or_goes_back(own: Hlc, remote: Hlc, now: int) -> None:
    for after in (own.tick(now), own.receive(remote, now)):
        assert Hlc.parse(str(after)) == after
        assert after >= own
    received = own.receive(remote, now)
    assert (received.wall_ms, received.counter) >= (remote.wall_ms, remote.counter)
    if own.wall_ms < MAX_WALL_MS or own.counter < MAX_COUNTER:  # below the very end, always strictly later
        assert own.tick(now) > own


def test_digits_of_other_scripts_are_no_clock() -> None:
    with pytest.raises(ValueError, match="not a hybrid"):
        Hlc.parse("٠٠١٧٩٥٧٦٦٥٣٢٠٠٠-00000-a")
    with pytest.raises(ValueError, match="not a hybrid"):
        Hlc.parse("001795766532000-00000-a\n")
    with pytest.raises(ValueError, match="out of range"):
        Hlc(10**15, 0, "a")


def test_the_end_of_the_format_is_kept_rather_than_overflowed() -> None:
    last = Hlc(MAX_WALL_MS, MAX_COUNTER, "a")
    assert last.tick(10**18) == last
    assert Hlc(0, 0, "b").receive(last, 0) == Hlc(MAX_WALL_MS, MAX_COUNTER, "b")
    assert str(Hlc(MAX_WALL_MS - 1, MAX_COUNTER, "a").tick(0)) == f"{MAX_WALL_MS}-00000-a"


def test_a_time_far_ahead_of_now_is_recognised() -> None:
    now = 1_796_000_000_000
    assert Hlc(now + 300_001, 0, "a").ahead_of(now, 300_000)
    assert not Hlc(now + 300_000, 99, "a").ahead_of(now, 300_000)
