"""The server's migrations build exactly the schema its models describe, on SQLite and on PostgreSQL, and two
processes migrating one database at once do not trip over each other."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from heze_station.domain.ids import new_id
from heze_station.server import migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import Base, Json, Moment, SyncRow, now

from .conftest import TIMEOUT, server_command


def empty_database(settings: Settings, backend: str) -> Database:
    database = Database(settings)
    if backend == "postgresql":
        # the fixture's database is already migrated (a template copy): start from an empty one instead
        with database.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    return database


def test_migrated_schema_matches_the_models(settings: Settings) -> None:
    database = Database(settings)
    migrations.upgrade(database.engine)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        server_id = connection.execute(text("SELECT value FROM server_setting WHERE key = 'server_id'")).scalar()
    database.close()
    assert differences == []
    assert server_id


def test_two_processes_migrating_one_empty_database_at_once_both_succeed(settings: Settings, backend: str) -> None:
    empty_database(settings, backend).close()

    processes = [server_command(settings, "migrate") for _ in range(2)]
    outcomes = [process.communicate(timeout=TIMEOUT) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outcomes
    database = Database(settings)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM server_setting")).scalar() == 1
    database.close()


def test_rows_stored_before_field_writers_were_recorded_get_none(settings: Settings, backend: str) -> None:
    """Revision 0002 on a database in use: old rows have no writers, so their changes count as another device's."""
    database = empty_database(settings, backend)
    migrations.upgrade(database.engine, "0001")
    row_id = new_id()
    sync_row_0001 = sa.table(
        "sync_row",
        *(sa.column(name) for name in ("table_name", "version", "deleted", "change_xid", "change_seq", "hlc")),
        sa.column("row_id", sa.Uuid()),
        sa.column("fields", Json),
        sa.column("field_versions", Json),
        sa.column("changed_at", Moment()),
    )
    with database.engine.begin() as connection:
        connection.execute(
            sa.insert(sync_row_0001).values(
                row_id=row_id, table_name="person", fields={"name": "张三"}, field_versions={"name": 1}, version=1,
                deleted=False, change_xid=0, change_seq=1, changed_at=now(), hlc="001795766532000-00000-server",
            )
        )  # fmt: skip

    migrations.upgrade(database.engine)

    with database.transaction() as session:
        assert session.get(SyncRow, row_id).field_writers == {}
    database.close()
