"""The city's figures and lists as the supervision page shows them: kept per process and shared by every supervisor.

A station's figures for a period are counted again only once its rows changed (its place in the change feed moved);
a district's or the city's are the sums of their stations'. A page's figures are reused for up to a minute although
changes came in since, and say as of when.
"""

import gc
import math
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from threading import Lock

from sqlalchemy import select

from ...domain import chinatime
from ...domain.periods import Period
from .. import city_figures
from ..city_figures import CityReport
from ..models import Station
from ..synced import Scope


@dataclass
class Made:
    position: object  # the change feed's last position when it was made (with whatever else it shows that moved)
    made_at: float  # time.monotonic()
    as_of: datetime
    value: object


# A city of fewer stations keeps few figures: the full collection would cost more than it saves (about 90 ms in a
# server process just started; seconds in a process that holds much more, as the tests' in-process servers do).
SET_ASIDE_STATIONS = 100


def _set_aside() -> None:
    """What the process holds now (its code, a whole city's kept figures) moved out of the cyclic collector's sight:
    a full collection walks every object, and with these it held every page in flight for a few hundred
    milliseconds every hundred pages or so. What an earlier count set aside is given back first and collected
    with the rest, so that garbage frozen with it (a page in flight then) is not kept for good."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Reports:
    """Reports and lists recently asked for, shared by every supervisor of this process.

    One is made again once a synced change came in since, but not more often than every ``REUSE_SECONDS``: with a
    thousand stations syncing, the feed moves several times a second, and a figure a minute old (the page says as
    of when) is worth more than twenty supervisors each waiting for the whole city to be counted again. Those asking
    for the same one at once wait for a single computation."""

    REUSE_SECONDS = 60

    MAX_PARTS = 50_000  # stations' figures kept (1,000 stations, a few dozen periods)

    def __init__(self, size: int = 64):
        self.size = size
        self.entries: OrderedDict[tuple, Made] = OrderedDict()
        self.making: dict[tuple, Lock] = {}
        self.lock = Lock()
        # (period, station) -> (the station's feed position, its figures): a district or the city adds them up,
        # and only the stations that synced since are counted again.
        self.parts: dict[tuple[Period, uuid.UUID], tuple[int, city_figures.Partial]] = {}

    def city_report(self, session, period: Period, scope: Scope) -> CityReport:
        stations = scope.stations(session)
        everyone = stations is None
        if stations is None:
            stations = list(session.scalars(select(Station.id)))
        positions = city_figures.feed_positions(session, None if everyone else stations)
        with self.lock:
            known = {station: self.parts.get((period, station)) for station in stations}
        stale = [station for station, part in known.items() if part is None or part[0] != positions.get(station, 0)]
        if stale:
            whole_city = everyone and len(stale) == len(stations)
            fresh = city_figures.partials(session, period, None if whole_city else stale)
            with self.lock:
                if len(self.parts) > self.MAX_PARTS:
                    self.parts.clear()
                for station, part in fresh.items():
                    known[station] = self.parts[(period, station)] = (positions.get(station, 0), part)
            if whole_city and len(stations) >= SET_ASIDE_STATIONS:
                _set_aside()
        return city_figures.combine(period, {station: found[1] for station, found in known.items() if found})

    def counted_again_on_any_change(self) -> None:
        """What is kept so far is counted again as soon as a change comes in, without the minute's reuse: counted
        as the server started, before anyone asked, it would otherwise hide the syncs of the first minute."""
        with self.lock:
            for made in self.entries.values():
                made.made_at = -math.inf

    def _fresh(self, key: tuple, position: object) -> Made | None:
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            if found.position != position and time.monotonic() - found.made_at > self.REUSE_SECONDS:
                return None
            if found.position == position:  # nothing came in since: what it shows holds as of now
                found.as_of = chinatime.now()
            self.entries.move_to_end(key)
            return found

    def get(self, key: tuple, position: object, make: Callable[[], object]) -> Made:
        if found := self._fresh(key, position):
            return found
        with self.lock:
            making = self.making.setdefault(key, Lock())
        with making:
            if found := self._fresh(key, position):
                return found
            made = Made(position, time.monotonic(), chinatime.now(), make())
            with self.lock:
                self.entries[key] = made
                self.entries.move_to_end(key)
                while len(self.entries) > self.size:
                    self.making.pop(self.entries.popitem(last=False)[0], None)
        return made
