"""Alembic migrations for the city server's database, run before the server starts (``heze-station-server
migrate``, and ``serve`` does it first). Separate from the station's migrations; no alembic.ini needed.

Two server processes starting at once against one PostgreSQL both call ``upgrade``: a transaction-level advisory
lock makes the second wait and then find nothing to do.
"""

from pathlib import Path

from sqlalchemy import Engine

_HERE = Path(__file__).parent
MIGRATION_LOCK = 0x68657A65  # "heze": the advisory lock key held while migrating


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["engine"] = engine
    command.upgrade(config, revision)
