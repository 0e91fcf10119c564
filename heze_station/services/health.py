"""What the station checks about its own disk and file at every start, in the background: a disk nearly full, and
damaged pages (SQLite's quick check, bounded in time). Both are told to the person in words, with what to do.
"""

import threading
from dataclasses import dataclass

from ..domain.messages import Message
from ..storage import disk
from ..storage.database import quick_check
from .access import EVERYONE, requires
from .station import StationContext

# The quick check reads every page; on the largest station measured (100,000 cases, 756 MiB) it took 8.6 s on a
# 2-core PC. Past this it stops and says nothing: the daily backup checks every page of its copy anyway.
QUICK_CHECK_SECONDS = 15.0


@dataclass(frozen=True)
class Health:
    low_space: Message | None  # the disk holding the data folder is nearly full
    damaged: bool  # the quick check found damaged pages
    checked: bool  # the quick check finished in its time


@requires(EVERYONE)
def start_check(
    context: StationContext, seconds: float = QUICK_CHECK_SECONDS, stop: threading.Event | None = None
) -> Health:
    """``stop``: set when the program closes, which then does not wait for the check."""
    whole = quick_check(context.database.path, context.database.key, seconds, stop)
    return Health(disk.low_space(context.data_dir), damaged=whole is False, checked=whole is not None)
