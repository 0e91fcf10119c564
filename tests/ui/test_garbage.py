"""Garbage is collected on the GUI thread's timer only (ui/garbage.py): a cycle made on a worker thread waits for
it, whatever the worker allocates meanwhile; the timer waits while a computation holds the collector off; it
collects each generation by Python's own thresholds; the automatic collection comes back when it stops."""

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from heze_station import collector
from heze_station.ui.garbage import GuiThreadCollector, generation_due


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture
def garbage(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    made = GuiThreadCollector(qapp)
    yield made
    made.stop()
    made.deleteLater()


def test_a_cycle_made_on_a_worker_is_freed_on_the_gui_thread(qtbot, garbage: GuiThreadCollector) -> None:
    freed_on: list[str] = []
    made: list[weakref.ref] = []

    def worker() -> None:
        node = _Node()
        made.append(weakref.ref(node, lambda _gone: freed_on.append(threading.current_thread().name)))
        del node
        # Far past the youngest generation's threshold: an automatic collector would have run here, on this thread.
        [_Node() for _ in range(gc.get_threshold()[0] * 3)]

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert made[0]() is not None
    assert freed_on == []
    qtbot.waitUntil(lambda: made[0]() is None, timeout=10_000)
    assert freed_on == [threading.main_thread().name]


def test_the_timer_waits_while_a_computation_holds_the_collector_off(garbage: GuiThreadCollector) -> None:
    node = _Node()
    made = weakref.ref(node)
    del node
    with collector.paused():  # a pulled page being applied: its objects must not be walked meanwhile
        [_Node() for _ in range(gc.get_threshold()[0] * 3)]
        garbage.collect()
        assert made() is not None
    garbage.collect()
    assert made() is None


def test_stopped_the_collection_is_automatic_again(garbage: GuiThreadCollector) -> None:
    assert not gc.isenabled()
    garbage.stop()
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("counts", "due"),
    [
        ((700, 50, 50), None),  # the youngest generation not past its threshold: nothing, whatever the others
        ((701, 10, 50), 0),
        ((701, 11, 10), 1),
        ((701, 11, 11), 2),
    ],
)
def test_each_generation_is_collected_by_pythons_own_thresholds(counts: tuple[int, int, int], due: int | None) -> None:
    assert generation_due(counts, (700, 10, 10)) == due
