"""Which backups to keep: the newest of each of the last days, weeks (Monday to Sunday) and months, as Anki and
Time Machine thin theirs; everything else is removed after a new backup is made."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from . import chinatime


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def kept(times: Iterable[datetime], retention: Retention) -> set[datetime]:
    """The backups (by the time each was made) that ``retention`` keeps; the newest is always kept."""
    newest_first = sorted(times, reverse=True)
    keep = set(newest_first[:1])
    periods: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (retention.daily, lambda moment: chinatime.local_date(moment)),
        (retention.weekly, lambda moment: chinatime.local_date(moment).isocalendar()[:2]),
        (retention.monthly, lambda moment: chinatime.local_date(moment).strftime("%Y-%m")),
    ]
    for count, period_of in periods:
        seen: set[Hashable] = set()
        for moment in newest_first:
            period = period_of(moment)
            if period not in seen and len(seen) < count:
                seen.add(period)
                keep.add(moment)
    return keep
