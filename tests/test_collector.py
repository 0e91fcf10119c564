"""The cyclic garbage collector, held off while figures are counted or a pulled page is applied, always comes back:
a program left without it would keep every cycle of objects it ever made."""

import gc
import threading

import pytest

from heze_station import collector


@pytest.fixture(autouse=True)
def _collector_on():
    """Each test starts with the collector on; the worker's other tests get it back as it was."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_the_collector_comes_back_after_a_failure():
    def refused_page() -> None:
        with collector.paused():
            assert not gc.isenabled()
            raise RuntimeError("a page the database refused")

    with pytest.raises(RuntimeError):
        refused_page()
    assert gc.isenabled()


def test_the_collector_stays_off_until_the_last_of_overlapping_pauses_ends():
    first_in, second_done = threading.Event(), threading.Event()

    def other_thread() -> None:
        first_in.wait()
        with collector.paused():
            pass
        second_done.set()

    thread = threading.Thread(target=other_thread)
    thread.start()
    with collector.paused():
        first_in.set()
        assert second_done.wait(10)
        assert not gc.isenabled()  # the other thread's pause ended first: this one still holds the collector off
    thread.join()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off():
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()
