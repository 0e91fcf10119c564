"""Alembic migrations for the station database, applied automatically when the program starts.

Alembic is driven from code (no alembic.ini on the user's machine) and always in batch mode, because SQLite can
only change most column definitions by copying the table. Importing Alembic costs a noticeable part of the
program's start-up, so it is imported only when the file is not already at ``HEAD``.
"""

from pathlib import Path

from sqlalchemy import Engine, inspect, text

_HERE = Path(__file__).parent

# The newest revision in versions/; a test keeps it equal to what Alembic computes from the scripts.
HEAD = "0035"


class SchemaTooNew(Exception):
    def __init__(self, revision: str):
        super().__init__(revision)
        self.revision = revision


class NotOurDatabase(Exception):
    """A SQLite file that has tables but no migration stamp: another program's, not to be written into."""


def current_revision(engine: Engine) -> str | None:
    """The file's migration stamp; None for a new, empty file. Raises NotOurDatabase for another program's file."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        if "alembic_version" not in tables:
            if tables:
                raise NotOurDatabase(tables)
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(_HERE)).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the file to ``revision``; refuses (SchemaTooNew) a file stamped by a newer program."""
    current = current_revision(engine)
    if current == HEAD and revision in ("head", HEAD):
        return

    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory(str(_HERE)).walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(current)
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["engine"] = engine
    command.upgrade(config, revision)
