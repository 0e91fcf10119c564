"""A push's writes travel with its COMMIT on PostgreSQL (db.commit_in_pipeline): a write that fails still leaves
nothing of the transaction stored, and the pooled connection serves the next one as usual."""

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from heze_station.domain.ids import new_id
from heze_station.server import migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database, commit_in_pipeline, insert_rows, pipelined
from heze_station.server.models import Station, now


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    database = Database(settings)
    migrations.upgrade(database.engine)
    yield database
    database.close()


def _stations(database: Database) -> set[str]:
    with database.transaction() as session:
        return set(session.scalars(select(Station.name)))


def _write(database: Database, *rows: dict) -> None:
    with database.transaction() as session:
        connection = session.connection()
        with pipelined(connection):
            for row in rows:
                insert_rows(connection, Station.__table__, [{**row, "created_at": now()}])
            commit_in_pipeline(connection)


def test_writes_sent_with_their_commit_are_stored(database: Database) -> None:
    _write(database, {"id": new_id(), "name": "城区驿站"}, {"id": new_id(), "name": "开发区驿站"})

    assert _stations(database) == {"城区驿站", "开发区驿站"}


def test_a_failed_write_sent_with_the_commit_leaves_nothing_of_its_transaction(database: Database) -> None:
    taken = new_id()
    _write(database, {"id": taken, "name": "城区驿站"})

    with pytest.raises(IntegrityError):
        _write(database, {"id": new_id(), "name": "开发区驿站"}, {"id": taken, "name": "重复驿站"})

    assert _stations(database) == {"城区驿站"}
    _write(database, {"id": new_id(), "name": "牡丹区驿站"})  # the connection is back in the pool, usable
    assert _stations(database) == {"城区驿站", "牡丹区驿站"}
