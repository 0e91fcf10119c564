"""Opening the station's SQLite file: driver, pragmas, migrations, and clear errors for unusable files.

The driver is sqlcipher3 rather than Python's sqlite3: it bundles a modern SQLite (FTS5 contentless indexes that
delete by key, which the system's 3.40 lacks) and SQLCipher, which encrypts every page of the file with the
station's database key (storage.keys), given as a raw key so that opening costs no key derivation.

Each page is authenticated with HMAC-SHA256 rather than SQLCipher 4's default HMAC-SHA512: this processor computes
SHA-256 in hardware, which about halves what decrypting a page costs (measured: reading 108,000 pages past SQLite's
cache took 188 ms against 313, a plain file 51; a search's p95 on 100,000 cases 19.3 ms against 21.6-22.5, a plain
file's 17.0). Keyed with 256 bits, either is far beyond forging. Files written before are read in their old format
once and rewritten (open_database).
"""

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DomainError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from . import disk, migrations, outbox, search


class DatabaseUnusable(DomainError):
    """The file cannot be opened as this program's database; nothing in it was changed."""


class DatabaseDamaged(DatabaseUnusable):
    """The file is damaged (or not a database at all): restoring a backup is the remedy."""


class DatabaseInUse(DatabaseUnusable):
    """The file must be rewritten, and another program, or another window of this one, has it open."""


PLAIN_HEADER = b"SQLite format 3\x00"


def is_plain(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (an encrypted one starts with random bytes)."""
    try:
        with path.open("rb") as file:
            return file.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


HMAC = "HMAC_SHA256"
LEGACY_HMAC = "HMAC_SHA512"  # SQLCipher 4's own default, which earlier versions of the program wrote


def _hmac_by_default() -> None:
    """Make HMAC the algorithm of every encrypted file this process opens or writes: connections, ATTACHed copies
    and ``VACUUM INTO`` snapshots alike (the last has no setting of its own: it takes the library's default). Only
    the rewriting of a file in the old format names another (_connect)."""
    connection = sqlcipher.connect(":memory:")
    connection.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC}")
    connection.close()


_hmac_by_default()


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _pragmas(foreign_keys: bool, key: bytes | None):
    def set_pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        # SQLCipher writes its own errors (a page that fails to decrypt) to standard error; the program says what
        # they mean in words (DatabaseUnusable), once.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            cursor.execute(_key_pragma(key))  # before anything reads the file: nothing can be read without it
            # SQLite's page cache holds pages decrypted; past it, every page read is decrypted again (the system's
            # cache holds them encrypted). 64 MiB, filled only as pages are read, keeps searches near a plain file's.
            cursor.execute("PRAGMA cache_size = -65536")
        # Sorts and temporary indexes stay in memory: a temporary file would hold pages in clear.
        cursor.execute("PRAGMA temp_store=MEMORY")
        # synchronous=FULL: a committed case survives a power cut. (WAL is set once by open_database: it is stored
        # in the file, and must not be written into a file before it is known to be ours.)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    return set_pragmas


def create_sqlite_engine(
    path: Path, *, key: bytes | None = None, foreign_keys: bool = True, savepoints: bool = False
) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        connect_args={"check_same_thread": False},
        # A traceback never shows what a row held: SQL parameters are names, ID numbers, accounts.
        hide_parameters=True,
    )
    event.listen(engine, "connect", _pragmas(foreign_keys, key))
    if savepoints:
        _begin_explicitly(engine)
    return engine


def _begin_explicitly(engine: Engine) -> None:
    """Transactions that begin when SQLAlchemy begins them, so savepoints nest inside them.

    The driver otherwise begins a transaction only before its first write: a SAVEPOINT before that would start the
    transaction itself, and releasing it would commit everything so far (SQLAlchemy's pysqlite notes). IMMEDIATE
    takes the write lock at once, so the transaction's first reads never go stale before its first write.
    """

    def autocommit_driver(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    def begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", autocommit_driver)
    event.listen(engine, "begin", begin)


class Database:
    """One station database file, migrated to the current schema."""

    def __init__(self, path: Path, key: bytes | None = None):
        """``key``: the database key (None: a plain file, as only tests and the conversion of old files use)."""
        self.path = path
        self.key = key
        self.engine = create_sqlite_engine(path, key=key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Every change to a syncable row is written to the outbox in its own transaction (see storage.outbox).
        event.listen(self._sessions, "after_flush", outbox.record)
        self._replica_engine: Engine | None = None  # made on the first pull: most starts never write pulled rows

    def listen(self, session_event: str, listener: Callable[..., None]) -> None:
        """Call ``listener`` on ``session_event`` (after_flush, before_commit...) of this database's transactions."""
        event.listen(self._sessions, session_event, listener)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends normally, rolls back on any exception (a full disk or a
        damaged page is raised as a DomainError of storage.disk, in words)."""
        with _disk_faults_named(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def replica_transaction(self) -> Iterator[Session]:
        """A unit of work that writes rows pulled from the city server (storage.replica).

        Not recorded in the outbox: the rows came from the server, sending them back would loop. Foreign keys
        are not enforced on its connections: the server's feed lists a row once, at its latest change, so a
        case's claimant may arrive a page before the person it names, when that person was edited later.
        Savepoints work inside it (a row the database refuses is set aside without losing the rest of the page).
        """
        if self._replica_engine is None:
            self._replica_engine = create_sqlite_engine(self.path, key=self.key, foreign_keys=False, savepoints=True)
        with _disk_faults_named(), Session(self._replica_engine) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self._replica_engine is not None:
            self._replica_engine.dispose()


@contextmanager
def _disk_faults_named() -> Iterator[None]:
    try:
        yield
    except DBAPIError as error:
        fault = disk.named(error)
        if fault is not None:
            raise fault from error
        raise


def open_database(path: Path, key: bytes | None = None) -> Database:
    """Open (creating if needed) and upgrade the database at ``path``.

    Raises DatabaseUnusable with a message a coordinator can act on when the file is corrupt or was written by a
    newer version of the program; the file is left untouched in both cases. A file whose pages are authenticated
    with LEGACY_HMAC (written by an earlier version, or a backup it made) is rewritten with HMAC first.
    """
    try:
        return _open(path, key)
    except DatabaseDamaged:
        if key is None or not _opens_as_legacy(path, key):
            raise
    try:
        _rewrite_encrypted(path, key, source_key=key)
    except (sqlcipher.Error, DatabaseError, OSError) as error:
        raise _not_rewritten(path, error) from error
    return _open(path, key)


def _open(path: Path, key: bytes | None) -> Database:
    database = Database(path, key)
    try:
        migrations.upgrade(database.engine)
        with database.engine.connect() as connection:
            # Readers never block the writer; persistent, so once per file would do, and it is cheap to repeat.
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        with database.transaction() as session:
            search.index_unindexed(session)
    except migrations.SchemaTooNew as too_new:
        database.close()
        raise DatabaseUnusable(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The data file {path} was written by a newer version of heze-station (schema {revision}). "
                    "Install the newer version to open it; the file has not been changed.",
                ),
                {"path": str(path), "revision": too_new.revision},
            )
        ) from too_new
    except (DatabaseError, disk.DiskFull, disk.FileDamaged, migrations.NotOurDatabase) as error:
        database.close()
        raise _unopenable(path, error) from error
    return database


def _unopenable(path: Path, error: BaseException) -> DomainError:
    """What to tell of a file that could not be opened (nothing in it was changed): a full disk, or damage."""
    if disk.is_full(error):
        return disk.full_at_start(path.parent)
    return DatabaseDamaged(
        Message(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The data file {path} is damaged or is not a heze-station database, so it cannot be opened. "
                "Restore it from a backup or ask the city bureau for help; the file has not been changed.",
            ),
            {"path": str(path)},
        )
    )


def encrypt_plain(path: Path, key: bytes) -> None:
    """Turn the plain database at ``path`` into one encrypted with ``key``, in place."""
    _rewrite_encrypted(path, key, source_key=None)


def _rewrite_encrypted(path: Path, key: bytes, *, source_key: bytes | None) -> None:
    """Rewrite the database at ``path`` (plain, or encrypted with ``source_key`` in the LEGACY_HMAC format) as a
    file encrypted with ``key`` and HMAC.

    The copy is written beside it (sqlcipher_export), checked page by page and table by table against the original,
    and only then renamed over it: a failure or a power cut at any step leaves the original as it was.
    """
    encrypted = path.with_name(path.name + ".encrypting")
    original = _connect(path, source_key, hmac=LEGACY_HMAC)
    try:
        _hold_alone(original, path)
        # Held alone: no other connection is left to write to the original after it was copied, or to make its
        # copy at the same time. The copy's name is then ours: what an interrupted attempt left there goes.
        _remove(encrypted)
        try:
            # The original's log emptied into it: no page of it is left to be applied to the copy put in its place.
            original.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            tables = [name for (name,) in original.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counts = {name: original.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
            original.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(encrypted), f"x'{key.hex()}'"))
            original.execute("SELECT sqlcipher_export('encrypted')")  # written with HMAC, the library's default
            original.execute("DETACH DATABASE encrypted")
            copy = _connect(encrypted, key)
            try:
                whole = _whole(copy)
                copied = {name: copy.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
                if not whole or copied != counts:
                    raise DatabaseError("encrypting the database", None, RuntimeError("the encrypted copy differs"))
                copy.execute("PRAGMA journal_mode=WAL")
            finally:
                copy.close()
        except BaseException:
            _remove(encrypted)  # a partial copy would only take the space a full disk lacks
            raise
    finally:
        original.close()  # before the rename: Windows renames no file over an open one
    os.replace(encrypted, path)


def _remove(copy: Path) -> None:
    """A copy being written, and the rollback journal an interrupted write of it leaves."""
    copy.unlink(missing_ok=True)
    copy.with_name(copy.name + "-journal").unlink(missing_ok=True)


def _hold_alone(connection: sqlcipher.Connection, path: Path) -> None:
    """Take the file for ``connection`` alone until it closes; DatabaseInUse if another connection has it open."""
    connection.execute("PRAGMA locking_mode = EXCLUSIVE")
    connection.execute("PRAGMA busy_timeout = 1000")  # a moment's read elsewhere may end; an open window does not
    try:
        connection.execute("BEGIN EXCLUSIVE")  # the lock is kept after the commit, in this locking mode
        connection.execute("COMMIT")
    except sqlcipher.OperationalError as error:
        if getattr(error, "sqlite_errorname", "") != "SQLITE_BUSY":
            raise
        raise _in_use(path) from error


def _connect(path: Path, key: bytes | None, *, hmac: str = HMAC) -> sqlcipher.Connection:
    """A connection of the driver's own to the file at ``path``, unlocked with ``key`` (None: a plain file) for
    pages authenticated with ``hmac``."""
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(_key_pragma(key))
        if hmac != HMAC:
            connection.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    return connection


def _opens_as_legacy(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the file at ``path`` with LEGACY_HMAC (its first page only: enough to tell formats);
    DatabaseInUse if another program holds it alone (rewriting it)."""
    try:
        connection = _connect(path, key, hmac=LEGACY_HMAC)
    except sqlcipher.Error:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.OperationalError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_BUSY":
            raise _in_use(path) from error
        return False
    except sqlcipher.Error:
        return False
    finally:
        connection.close()


def _in_use(path: Path) -> DatabaseInUse:
    return DatabaseInUse(
        Message(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The data file {path} must be brought up to this version once, and another window of heze-station "
                "(or another program) has it open. Close it, then sign in again; the file has not been changed.",
            ),
            {"path": str(path)},
        )
    )


def _not_rewritten(path: Path, error: BaseException) -> DomainError:
    """What to tell of a file of an earlier version that could not be rewritten (it was left as it was)."""
    if disk.is_full(error):
        return disk.full_at_start(path.parent)
    return DatabaseUnusable(
        Message(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The data file {path} must be brought up to this version once, and it could not be written beside "
                "it. Check that the data folder can be written to, then sign in again; the file has not been changed.",
            ),
            {"path": str(path)},
        )
    )


def _whole(connection: sqlcipher.Connection) -> bool:
    """SQLCipher's check of every page's HMAC (no rows: fine), then SQLite's of the structure."""
    problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    return not problems and connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def quick_check(path: Path, key: bytes | None, seconds: float, stop: threading.Event | None = None) -> bool | None:
    """Whether the database at ``path`` passes SQLite's quick check (every page read, and so authenticated by
    SQLCipher; no index cross-check) within ``seconds``; None when that was not enough time to finish, or ``stop``
    was set (the program is closing). On its own connection: the window's work goes on meanwhile (WAL)."""
    deadline = time.monotonic() + seconds
    out_of_time = False

    def stop_when_late() -> int:
        nonlocal out_of_time
        out_of_time = time.monotonic() > deadline or (stop is not None and stop.is_set())
        return out_of_time

    connection = _connect(path, key)
    try:
        connection.set_progress_handler(stop_when_late, 1000)
        return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlcipher.Error:
        return None if out_of_time else False
    finally:
        connection.close()


def is_whole(path: Path, key: bytes) -> bool:
    """Whether the encrypted database file at ``path`` opens with ``key`` and passes both integrity checks (in either
    format: a backup made before HMAC-SHA256 is rewritten when it is opened)."""
    return any(_whole_with(path, key, hmac) for hmac in (HMAC, LEGACY_HMAC))


def _whole_with(path: Path, key: bytes, hmac: str) -> bool:
    try:
        connection = _connect(path, key, hmac=hmac)
    except sqlcipher.Error:
        return False
    try:
        return _whole(connection)
    except sqlcipher.Error:  # a wrong key or another file: "file is not a database"
        return False
    finally:
        connection.close()


def snapshot(database: Database, target: Path) -> None:
    """A consistent, compacted copy of the open ``database`` at ``target``, encrypted with the same key
    (``VACUUM INTO`` on a connection of the database), written through to the disk."""
    raw = database.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    finally:
        raw.close()
    with target.open("rb") as file:
        os.fsync(file.fileno())
