"""The station's monthly return over the 100,000-case database, against a plain SQL COUNT over the same rows."""

import cProfile
import pstats
import time
from pathlib import Path

from sqlalchemy import Integer, func, literal_column, select, type_coerce

from heze_station.domain import periods
from heze_station.domain.periods import Period
from heze_station.services import statistics
from heze_station.storage.models import Case
from tests.stations import open_test_station

from .cases import Timings


def busiest_month(data_dir: Path) -> Period:
    """The month in which the generated station received the most complaints: the heaviest return to make."""
    context = open_test_station(data_dir)
    try:
        with context.database.transaction() as session:
            # A day is stored as its number since 1970 (storage/types.DateAsDays): SQLite makes it a moment again.
            seconds = type_coerce(Case.received_on, Integer) * literal_column("86400", Integer)
            month = func.strftime("%Y-%m", seconds, "unixepoch")
            busiest = session.execute(select(month).group_by(month).order_by(func.count().desc()).limit(1)).scalar_one()
    finally:
        context.close()
    return periods.parse(busiest)


def measure(data_dir: Path, period: Period, *, runs: int = 7) -> tuple[Timings, Timings, int]:
    """(the whole return, the plain count of the rows it reads, that count) for ``period``."""
    context = open_test_station(data_dir)
    report_ms, count_ms = Timings(), Timings()
    try:
        # The same rows as the return reads, each row read (not just an index): their claimed amounts summed.
        parts = statistics.relevant_case_ids(period).subquery()
        relevant = select(func.count(Case.claimed_total_fen)).where(Case.id.in_(select(parts.c.id)))
        statistics.report(context, period)  # warm: the first run reads the pages into the caches
        for _ in range(runs):
            started = time.perf_counter()
            with context.database.transaction() as session:
                rows = session.scalar(relevant) or 0
            count_ms.values.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            statistics.report(context, period)
            report_ms.values.append((time.perf_counter() - started) * 1000)
    finally:
        context.close()
    return report_ms, count_ms, rows


# Where a return's time goes, when a goal was missed: (file, function, what it is).
_STAGES = (
    ("services/statistics.py", "_collect_relevant", "the rows of the cases the period's figures may count"),
    ("services/statistics.py", "case_facts", "reading those cases' facts (the ids above included)"),
    ("domain/statistics.py", "cases", "the definitions finding each figure's cases"),
)


def profile(data_dir: Path, period: Period) -> list[str]:
    """cProfile of one return for ``period``: each stage's cumulative milliseconds and share, then the functions
    with the most time of their own."""
    context = open_test_station(data_dir)
    try:
        statistics.report(context, period)  # warm, as measured
        profiler = cProfile.Profile()
        profiler.enable()
        statistics.report(context, period)
        profiler.disable()
    finally:
        context.close()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max(cumulative for _calls, _primitive, _own, cumulative, _callers in stats.values())
    lines = []
    for where, function, meaning in _STAGES:
        entries = [
            entry for (filename, _, name), entry in stats.items() if filename.endswith(where) and name == function
        ]
        # a recursive function's outermost call holds the whole of its time
        cumulative, calls = max((entry[3] for entry in entries), default=0.0), sum(entry[1] for entry in entries)
        lines.append(
            f"{where}:{function} {cumulative * 1000:.0f} ms ({cumulative / total:.0%}, {calls} calls): {meaning}"
        )
    own = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:8]
    lines += [
        f"own time {name} ({Path(filename).name}:{line}) {entry[2] * 1000:.0f} ms"
        for (filename, line, name), entry in own
    ]
    return lines
