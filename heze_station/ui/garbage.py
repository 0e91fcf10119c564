"""Python's cyclic garbage collector, run only on the GUI thread, between Qt's events.

Left automatic, the collector runs wherever an allocation fills a generation: on the database or sync worker, or on
the GUI thread in the middle of a Qt call into Python (a test run crashed so, collecting inside Qt's event loop while
the database worker read the sync status). Garbage from a closed window holds Qt objects, and deleting those on
another thread, or under Qt's own feet, crashes the program. So the automatic collection is off and a timer of the
GUI thread collects instead, each generation as often as Python itself would have (pyqtgraph's GarbageCollector,
GitFourchette and OpenCue do the same).
"""

import gc

from PySide6.QtCore import QObject, QTimer

from .. import collector

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """The oldest generation whose count passed Python's own threshold, with the younger ones; nothing while a
        computation holds the collector off (collector.paused)."""
        if collector.holding():
            return
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if count <= threshold:
                break
            generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        """Automatic collection back (the program's end, or a test's)."""
        self._timer.stop()
        gc.enable()
