"""Alembic environment: runs on the engine handed over by heze_station.storage.migrations."""

from alembic import context
from sqlalchemy import text

from heze_station.storage.models import Base


def _modelled(item: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """What autogenerate compares: the search indexes' FTS5 tables have no model and must not be dropped."""
    return not (type_ == "table" and reflected and compare_to is None and (name or "").startswith("case_search"))


engine = context.config.attributes["engine"]
with engine.connect() as connection:
    # Batch mode rebuilds a table by copying it and dropping the original, which foreign keys would refuse;
    # SQLite only lets this pragma change outside a transaction. The check afterwards keeps the guarantee.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
                include_object=_modelled,
            )
            with context.begin_transaction():
                context.run_migrations()
            broken = connection.execute(text("PRAGMA foreign_key_check")).all()
            if broken:
                raise RuntimeError(f"migration left rows that break foreign keys: {broken[:5]}")
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
