"""Run by the Windows payload's own python.exe under Wine (installer/windows/check-wine.sh): the app's storage code
opens a new encrypted station database in the folder given, brings it to the current schema, and reads it back
whole with its key. Prints what it found; exits non-zero when anything is not as the app needs it."""

import os
import sys
from pathlib import Path

from heze_station.storage import migrations
from heze_station.storage.database import is_whole, open_database

folder = Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
path = folder / "station.sqlite3"
key = os.urandom(32)
database = open_database(path, key)
with database.engine.connect() as connection:
    schema = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
database.engine.dispose()
encrypted = not path.read_bytes().startswith(b"SQLite format 3\x00")
whole = is_whole(path, key)
print(f"encrypted station database: schema {schema} (current {migrations.HEAD}), encrypted {encrypted}, whole {whole}")
sys.exit(0 if schema == migrations.HEAD and encrypted and whole else 1)
