"""The cyclic garbage collector held off while figures are counted, by the station's returns and the city's alike,
and while a station applies a page of pulled rows.

Counting a period reads thousands of rows into tuples and plain facts (domain.statistics.CaseFacts), none of them in
a cycle: reference counting frees them. As they pile up, the collector would walk them, and everything else the
process holds, again and again (a city's quarter spent half its time so; a station's month a fifth). A pulled page
is the same: a thousand rows read, checked and written.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pausing = threading.Lock()
_paused = 0  # computations under way that asked the collector to wait
_was_enabled = True


@contextmanager
def paused() -> Iterator[None]:
    """The collector off until the last of the threads computing at once is done, then as it was before."""
    global _paused, _was_enabled
    with _pausing:
        if not _paused:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pausing:
            _paused -= 1
            if not _paused and _was_enabled:
                gc.enable()


def holding() -> bool:
    """Whether a computation under way asked the collector to wait: the GUI thread's timer waits too (ui/garbage.py),
    since it collects explicitly, whatever gc.disable says."""
    return _paused > 0
