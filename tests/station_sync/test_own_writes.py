"""A station's own writes coming back in the pull cost it nothing, and a server that no longer sends them back
leaves the station as current as one that does: the versions the push's answer gave are kept."""

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from heze_station.server.models import SyncRow as ServerRow
from heze_station.services import sync
from heze_station.station_sync.client import ServerClient
from heze_station.storage import settings
from heze_station.storage.models import Case, CaseDeadline
from heze_station.sync.schemas import ClientTransaction, PullResponse, PushResponse
from tests.factories import intake_form, register
from tests.server.conftest import Server

from .conftest import Laptops
from .helpers import edit, value


def deadline_rows(station) -> list[tuple]:
    with station.database.transaction() as session:
        return session.execute(select(CaseDeadline.kind, CaseDeadline.due_on, CaseDeadline.attention_until)).all()


@pytest.fixture
def with_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that sends a station's own writes back (one from before ``echo=false``, which ignores it)."""
    call = ServerClient._call

    def call_without_echo(client: ServerClient, *args: Any, params: dict[str, Any] | None = None, **kwargs: Any):
        params = {name: value for name, value in (params or {}).items() if name != "echo"} or None
        return call(client, *args, params=params, **kwargs)

    monkeypatch.setattr(ServerClient, "_call", call_without_echo)


@pytest.mark.usefixtures("with_echo")
def test_an_edit_pulled_back_as_it_is_stored_rewrites_nothing(laptops: Laptops) -> None:
    front = laptops("前台")
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    edit(front, Case, case_id, facts="补充：拖欠三个月工资")
    with front.database.transaction() as session:  # a mark on the stored deadlines: computing them again drops it
        session.execute(update(CaseDeadline).values(attention_until=date(2099, 1, 1)))
    before_version, before_deadlines = value(front, Case, case_id, "version"), deadline_rows(front)
    report = sync.sync_now(front)
    assert report.pushed == 1
    assert report.pulled >= 1  # the server sends the edit back
    assert value(front, Case, case_id, "facts") == "补充：拖欠三个月工资"
    assert value(front, Case, case_id, "version") == before_version  # not written again
    assert before_deadlines
    assert deadline_rows(front) == before_deadlines  # nor its deadlines computed again


@pytest.fixture
def without_echo(monkeypatch: pytest.MonkeyPatch) -> set[uuid.UUID]:
    """The server as it may answer: a station's own writes are not sent back to it in the pull."""
    pushed: set[uuid.UUID] = set()
    push, pull = ServerClient.push, ServerClient.pull

    def push_noting(client: ServerClient, transactions: list[ClientTransaction]) -> PushResponse:
        pushed.update(op.row_id for transaction in transactions for op in transaction.ops)
        return push(client, transactions)

    def pull_without_own(client: ServerClient, cursor: str | None, limit: int) -> PullResponse:
        page = pull(client, cursor, limit)
        return page.model_copy(update={"changes": [c for c in page.changes if c.row_id not in pushed]})

    monkeypatch.setattr(ServerClient, "push", push_noting)
    monkeypatch.setattr(ServerClient, "pull", pull_without_own)
    return pushed


def test_a_station_the_server_does_not_send_its_own_writes_stays_current(
    laptops: Laptops, without_echo: set[uuid.UUID]
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    edit(front, Case, case_id, facts="补充：拖欠三个月工资")
    sync.sync_now(front)
    assert case_id in without_echo
    without_echo.clear()  # the other laptop is sent everything
    sync.sync_now(court)
    assert value(court, Case, case_id, "facts") == "补充：拖欠三个月工资"
    edit(court, Case, case_id, facts="法庭补充")
    sync.sync_now(court)
    without_echo.clear()
    sync.sync_now(front)  # the other laptop's edit reaches this one
    assert value(front, Case, case_id, "facts") == "法庭补充"
    # The daily comparison with the server finds this laptop's copy as the server holds it: nothing to fetch again.
    with front.database.transaction() as session:
        settings.put(session, sync.LAST_SCOPE_CHECK, None)
    report = sync.sync_now(front)
    assert report.repaired == 0
    status = sync.sync_status(front)
    assert status.state is sync.SyncState.UP_TO_DATE
    assert status.pending_changes == 0
    assert status.open_conflicts == 0


def test_a_record_deleted_here_ends_as_the_server_keeps_it(laptops: Laptops, server: Server) -> None:
    """A delete carries no fields, yet this computer stamped the row when it deleted it: the server's tombstone comes
    back even to a pull that asks the server to leave out this computer's own writes."""
    front = laptops("前台")
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    edit(front, Case, case_id, deleted_at=datetime.now(UTC))
    assert sync.sync_now(front).pulled >= 1
    with server.database.transaction() as session:
        stored = session.get_one(ServerRow, case_id)
    assert stored.deleted
    assert value(front, Case, case_id, "deleted_at") is not None
    assert value(front, Case, case_id, "updated_at") == datetime.fromisoformat(stored.fields["updated_at"])
