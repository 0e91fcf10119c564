"""The station's monthly return over the 100,000-case database, against a plain SQL COUNT over the same rows."""

import time
from pathlib import Path

from sqlalchemy import func, select

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
            month = func.strftime("%Y-%m", Case.received_on)
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
