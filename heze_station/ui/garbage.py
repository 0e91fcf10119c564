"""Python's cyclic garbage collector, run only by a timer of the GUI thread.

Left automatic, the collector runs wherever an allocation fills a generation: on the database, sync or session
worker, or on the GUI thread in the middle of a Qt call into Python (painting, a model's data, a signal's
arguments). Garbage from a closed window holds Qt objects, and deleting those on another thread, or while Qt is
working on them, crashes the program. A test run crashed with the collector running inside Qt's event loop while
the database worker compiled a query. So the automatic collection is off, and a timer of the GUI thread collects
instead, by Python's own thresholds, at most once a second (pyqtgraph's GarbageCollector, GitFourchette and OpenCue
do the same). A collection may still come inside a modal dialog's event loop, but only as a timer's event: never on
a worker, never inside one of Qt's calls.
"""

import gc

from PySide6.QtCore import QObject, QTimer

from .. import collector

INTERVAL_MS = 1000


def generation_due(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The oldest generation Python would collect now, with the younger ones (gc.get_count, gc.get_threshold): each
    collection of a generation counts once towards the next one's threshold."""
    due = None
    for generation, (count, threshold) in enumerate(zip(counts, thresholds, strict=True)):
        if count <= threshold:
            break
        due = generation
    return due


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """Nothing while a computation holds the collector off (collector.paused: its objects are not walked)."""
        if collector.holding():
            return
        generation = generation_due(gc.get_count(), gc.get_threshold())
        if generation is not None:
            gc.collect(generation)

    def stop(self) -> None:
        """Automatic collection back (the program's end, or a test's)."""
        self._timer.stop()
        gc.enable()
