"""Alembic environment: runs on the engine handed over by heze_station.storage.migrations."""

from alembic import context

from heze_station.storage.models import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
