"""Alembic environment: runs on the engine handed over by heze_station.server.migrations."""

from alembic import context
from sqlalchemy import text

from heze_station.server.migrations import MIGRATION_LOCK
from heze_station.server.models import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection, connection.begin():
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(connection=connection, target_metadata=Base.metadata, transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()
