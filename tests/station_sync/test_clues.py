"""Scenario 5 through the city: a clue from the national platform reaches its station, is worked off there, and
the city sees what became of it (and the station's figures count it)."""

from datetime import date, datetime

from sqlalchemy import select

from heze_station.domain import chinatime, periods
from heze_station.domain.clues import ClueStep
from heze_station.server import reference
from heze_station.server.models import SyncRow
from heze_station.services import clues, statistics, sync
from heze_station.services.clues import StepForm
from tests.server.conftest import Server

from .conftest import Laptops

NOW = datetime(2026, 11, 23, 10, tzinfo=chinatime.CHINA_TZ)
CLUE = {
    "platform_ref": "GZQX-2026-3717",
    "station": "城区驿站",
    "received_at": "2026-11-20T09:00:00+08:00",
    "due_on": "2026-11-27",
    "worker_name": "赵六",
    "worker_phone": "13905301234",
    "employer_name": "菏泽宏达建筑劳务有限公司",
    "amount_fen": 860_000,
    "summary": "幸福里三期木工班组2026年10月工资未发。",
}


def test_a_clue_from_the_platform_is_verified_settled_called_back_and_the_city_sees_it(
    laptops: Laptops, server: Server
) -> None:
    front = laptops("前台")  # enrols 城区驿站 first: the clue names it
    with server.database.transaction() as session:
        reference.import_reference(session, reference.ReferenceFile(clues=[CLUE]))
    sync.sync_now(front)
    [clue] = clues.list_clues(front, today=date(2026, 11, 23))
    assert (clue.platform_ref, clue.worker_name, clue.due_on) == ("GZQX-2026-3717", "赵六", date(2026, 11, 27))
    for step, on, extra in (
        (ClueStep.VERIFYING, date(2026, 11, 21), {}),
        (ClueStep.EMPLOYER_CONTACTED, date(2026, 11, 22), {"note": "劳务公司承诺三日内发放"}),
        (ClueStep.SETTLED, date(2026, 11, 23), {"recovered": "8600", "workers_paid": 4}),
    ):
        clues.record_step(front, clue.id, StepForm(step, on, **extra), now=NOW)
    clues.record_callback(front, clue.id, date(2026, 11, 23), "工人确认收到。", now=NOW)
    sync.sync_now(front)

    with server.database.transaction() as session:
        [record] = session.scalars(select(SyncRow).where(SyncRow.table_name == "clue_record")).all()
        fields = record.fields
    assert fields["step"] == "settled"
    assert (fields["recovered_fen"], fields["workers_paid"]) == (860_000, 4)
    assert fields["called_back_on"] == "2026-11-23"

    figures = statistics.report(front, periods.parse("2026-11"))
    values = {row.figure.key: (row.value, row.denominator) for table in figures.tables for row in table.rows}
    assert values["clues_received"] == (1, None)
    assert values["clues_closed"] == (1, None)
    assert values["clues_on_time"] == (1, 1)
    assert values["clue_amount_recovered"] == (860_000, None)
    assert values["clue_workers_paid"] == (4, None)

    other = laptops("外勤")  # another laptop of the station sees the same clue, closed
    sync.sync_now(other)
    [seen] = clues.list_clues(other, today=date(2026, 11, 23))
    assert (seen.step, seen.recovered_fen) == (ClueStep.SETTLED, 860_000)
