"""The server's migrations build exactly the schema its models describe, on SQLite and on PostgreSQL, and two
processes migrating one database at once do not trip over each other."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from heze_station.server import migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import Base

from .conftest import TIMEOUT, server_command


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
    if backend == "postgresql":
        # the fixture's database is already migrated (a template copy): start from an empty one instead
        database = Database(settings)
        with database.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        database.close()

    processes = [server_command(settings, "migrate") for _ in range(2)]
    outcomes = [process.communicate(timeout=TIMEOUT) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outcomes
    database = Database(settings)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM server_setting")).scalar() == 1
    database.close()
