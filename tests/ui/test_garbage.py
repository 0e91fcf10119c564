"""Garbage is collected on the GUI thread's timer only (ui/garbage.py): a cycle made on a worker thread waits for
it, whatever the worker allocates meanwhile; the timer waits while a computation holds the collector off; the
automatic collection comes back when it stops."""

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication

from heze_station import collector
from heze_station.ui.garbage import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_a_cycle_made_on_a_worker_is_freed_by_the_gui_threads_timer_only(qtbot, qapp: QApplication) -> None:
    garbage = GuiThreadCollector(qapp)
    assert not gc.isenabled()
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
    garbage.stop()
    assert gc.isenabled()
    garbage.deleteLater()


def test_the_timer_waits_while_a_computation_holds_the_collector_off(qapp: QApplication) -> None:
    garbage = GuiThreadCollector(qapp)
    node = _Node()
    made = weakref.ref(node)
    del node
    with collector.paused():  # a pulled page being applied: its objects must not be walked meanwhile
        [_Node() for _ in range(gc.get_threshold()[0] * 3)]
        garbage.collect()
        assert made() is not None
    garbage.collect()
    assert made() is None
    garbage.stop()
    garbage.deleteLater()
