"""Alembic migrations for the station database, applied automatically when the program starts.

Alembic is driven from code (no alembic.ini on the user's machine) and always in batch mode, because SQLite can
only change most column definitions by copying the table.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

_HERE = Path(__file__).parent


class SchemaTooNew(Exception):
    def __init__(self, revision: str):
        super().__init__(revision)
        self.revision = revision


def _config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(_HERE)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    """Refuse a file stamped with a revision this program does not know: a newer program wrote it."""
    revision = current_revision(engine)
    if revision is not None and ScriptDirectory(str(_HERE)).get_revision(revision) is None:
        raise SchemaTooNew(revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(_config(engine), revision)
