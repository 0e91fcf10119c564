"""F13: a station whose copy lost rows gets exactly those back, by bucket, without losing what it has not sent."""

import pytest
from sqlalchemy import delete, func, select

from heze_station.services import sync
from heze_station.station_sync.client import ServerClient
from heze_station.storage import settings
from heze_station.storage.models import Case, CaseClaimant, Person
from heze_station.sync.schemas import ScopeDigest
from tests.factories import intake_form, register

from .conftest import Laptops
from .helpers import cases, edit


def test_rows_lost_from_a_stations_copy_are_fetched_again_by_bucket_and_nothing_unsent_is_lost(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[list[str]] = []  # the scope checks run: each asks the server for its digests once
    digest = ServerClient.scope_digest

    def counted_digest(client: ServerClient, tables: list[str]) -> ScopeDigest:
        checks.append(tables)
        return digest(client, tables)

    monkeypatch.setattr(ServerClient, "scope_digest", counted_digest)
    front, court = laptops("前台"), laptops("移动仲裁庭")
    for serial in range(1, 9):
        register(front, intake_form(3, employer_serial=serial))
    sync.sync_now(front)
    first = sync.sync_now(court)
    # A first sync has just read everything from the server: it compares nothing, and counts as the day's check.
    assert checks == []
    with court.database.transaction() as session:
        assert settings.get(session, sync.LAST_SCOPE_CHECK) is not None
        people = session.scalar(select(func.count()).select_from(Person))
        lost = session.scalars(select(Person.id).limit(1)).all()
        claims = session.scalar(select(func.count()).where(CaseClaimant.person_id.in_(lost)))
    with court.database.replica_transaction() as session:  # damage: a person and their claims are gone
        session.execute(delete(CaseClaimant).where(CaseClaimant.person_id.in_(lost)))
        session.execute(delete(Person).where(Person.id.in_(lost)))
    unsent_case = sorted(cases(court))[0]
    edit(court, Case, unsent_case, facts="本机未发送的记录")
    with court.database.transaction() as session:
        settings.put(session, sync.LAST_SCOPE_CHECK, None)  # the daily check is due

    report = sync.sync_now(court)
    assert len(checks) == 1
    with court.database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == people
        assert session.scalar(select(func.count()).where(CaseClaimant.person_id.in_(lost))) == claims > 0
    # Repaired by bucket: far fewer rows fetched again than the station holds.
    assert claims < report.repaired < first.pulled / 2
    sync.sync_now(front)
    assert cases(front)[unsent_case][2] == "本机未发送的记录"
    assert "repaired" in [line.kind for line in sync.sync_log(court)]
