"""Opening the station's SQLite file: driver, pragmas, migrations, and clear errors for unusable files.

The driver is sqlcipher3 rather than Python's sqlite3: it bundles a modern SQLite (FTS5 contentless indexes that
delete by key, which the system's 3.40 lacks) and SQLCipher, which encrypts every page of the file with the
station's database key (storage.keys), given as a raw key so that opening costs no key derivation.

Each page is authenticated with an HMAC, SHA-256 or SHA-512: a new file gets the one this machine computes faster
(fastest_hmac), and a file keeps the one it was written with (hmac_of). Reading a page past SQLite's cache is mostly
that HMAC: on a processor with SHA instructions SHA-256 takes about a third less time (measured here: 108,000 pages
read in 204 ms against 321, a plain file 51; a search's p95 on 100,000 cases 19.3 ms against 21.6-22.5, a plain
file's 17.0), and without them about 1.3 times as long (the same pages, those instructions masked: 405 against 309).
Keyed with 256 bits, either is far beyond forging. Earlier versions wrote every file with SQLCipher's default,
SHA-512.
"""

import functools
import hashlib
import os
import threading
import time
import timeit
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
    """The plain file is to be encrypted, and another program, or another window of this one, has it open."""


PLAIN_HEADER = b"SQLite format 3\x00"


def is_plain(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (an encrypted one starts with random bytes)."""
    try:
        with path.open("rb") as file:
            return file.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


HMACS = {"HMAC_SHA256": "sha256", "HMAC_SHA512": "sha512"}  # SQLCipher's name -> the hash's


@functools.cache
def fastest_hmac() -> str:
    """The HMAC this machine computes faster over a page, SQLCipher's name for it; made the library's default, so
    that every file this process writes anew has it (``VACUUM INTO`` snapshots have no setting of their own).

    Timed rather than looked up: whether the processor has SHA instructions cannot be asked the same way on every
    system, and the difference either way is more than the timing's noise (2.2 and 1.5 times, measured here)."""
    page = bytes(4096)
    timings: dict[str, list[float]] = {hmac: [] for hmac in HMACS}
    for _ in range(3):  # taken in turns, so that a moment's load elsewhere slows both alike
        for hmac, hash_name in HMACS.items():
            digest = getattr(hashlib, hash_name)
            timings[hmac].append(timeit.timeit(lambda digest=digest: digest(page).digest(), number=100))
    fastest = min(HMACS, key=lambda hmac: min(timings[hmac]))
    connection = sqlcipher.connect(":memory:")
    connection.execute(f"PRAGMA cipher_default_hmac_algorithm = {fastest}")
    connection.close()
    return fastest


def hmac_of(path: Path, key: bytes) -> str:
    """The HMAC of the encrypted file at ``path``: fastest_hmac for a file not written yet, else the one whose first
    page ``key`` opens (either, when neither does: opening it then tells that it is damaged, or not this station's).
    An existing file's is found without timing the hashes: a start need not pay for that."""
    if not path.exists() or path.stat().st_size == 0:
        return fastest_hmac()
    for hmac in HMACS:
        connection = _connect(path, key, hmac)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return hmac
        except sqlcipher.DatabaseError as error:
            if getattr(error, "sqlite_errorname", "") != "SQLITE_NOTADB":
                # Locked by another program, say: no sign of the other HMAC. The connection that asked meets the
                # same lock, and says so as any failure to open is told.
                return hmac
        finally:
            connection.close()
    return next(iter(HMACS))


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _pragmas(foreign_keys: bool, key: bytes | None, hmac: Callable[[], str]):
    def set_pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        # SQLCipher writes its own errors (a page that fails to decrypt) to standard error; the program says what
        # they mean in words (DatabaseUnusable), once.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            cursor.execute(_key_pragma(key))  # before anything reads the file: nothing can be read without it
            cursor.execute(f"PRAGMA cipher_hmac_algorithm = {hmac()}")
            # SQLite's page cache holds pages decrypted; past it, every page read is decrypted again (the system's
            # cache holds them encrypted). It fills only as pages are read: a station's file of a few thousand
            # cases fits whole in a few MiB. On 100,000 cases (about 370 MiB), 200 different searches read more
            # than 64 MiB, which made them 1.17-1.19 times slower than on a plain file; 128 MiB, 1.05 times.
            cursor.execute("PRAGMA cache_size = -131072")
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
    path: Path,
    *,
    key: bytes | None = None,
    foreign_keys: bool = True,
    savepoints: bool = False,
    hmac: Callable[[], str] | None = None,
) -> Engine:
    """``hmac``: what says the file's HMAC as each connection opens (None: hmac_of, once, now)."""
    if hmac is None:
        found = hmac_of(path, key) if key is not None else ""

        def hmac() -> str:
            return found

    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        connect_args={"check_same_thread": False},
        # A traceback never shows what a row held: SQL parameters are names, ID numbers, accounts.
        hide_parameters=True,
        # The connection used last is handed out again: its page cache holds what was just read, and the others'
        # caches need not fill with the same pages.
        pool_use_lifo=True,
    )
    event.listen(engine, "connect", _pragmas(foreign_keys, key, hmac))
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
        self._hmac: str | None = None
        self.engine = create_sqlite_engine(path, key=key, hmac=self.hmac)
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
            self._replica_engine = create_sqlite_engine(
                self.path, key=self.key, foreign_keys=False, savepoints=True, hmac=self.hmac
            )
        with _disk_faults_named(), Session(self._replica_engine) as session, session.begin():
            yield session

    def hmac(self) -> str:
        """The file's HMAC, found as the first connection opens it; found again after a close, which a restore
        does before it puts a backup (of another HMAC, perhaps) in the file's place."""
        if self._hmac is None:
            self._hmac = hmac_of(self.path, self.key) if self.key is not None else ""
        return self._hmac

    def close(self) -> None:
        self._hmac = None
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
    newer version of the program; the file is left untouched in both cases.
    """
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
        if disk.is_full(error):
            raise disk.full_at_start(path.parent) from error
        raise DatabaseDamaged(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The data file {path} is damaged or is not a heze-station database, so it cannot be opened. "
                    "Restore it from a backup or ask the city bureau for help; the file has not been changed.",
                ),
                {"path": str(path)},
            )
        ) from error
    return database


def encrypt_plain(path: Path, key: bytes) -> None:
    """Turn the plain database at ``path`` into one encrypted with ``key``, in place.

    The encrypted copy is written beside it (sqlcipher_export), checked page by page and table by table against the
    plain file, and only then renamed over it: a failure or a power cut at any step leaves the plain file as it was.
    A failure is told in words: a full disk, another window holding the file (DatabaseInUse), or a copy that could
    not be written whole.
    """
    try:
        _encrypt_plain(path, key)
    except (sqlcipher.Error, DatabaseError, OSError) as error:
        if disk.is_full(error):
            raise disk.full_at_start(path.parent) from error
        raise DatabaseUnusable(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The data file {path} could not be encrypted: its encrypted copy could not be written whole. "
                    "The file has been left as it was; try again, and ask the city bureau for help if this repeats.",
                ),
                {"path": str(path)},
            )
        ) from error


def _encrypt_plain(path: Path, key: bytes) -> None:
    encrypted = path.with_name(path.name + ".encrypting")
    hmac = fastest_hmac()
    plain = _connect(path, None)
    try:
        _hold_alone(plain, path)
        # Held alone: no other connection is left to write to the plain file after it was copied, or to make its
        # copy at the same time. The copy's name is then ours: what an interrupted attempt left there goes.
        _remove(encrypted)
        try:
            # The plain file's log emptied into it: no page of it is left to be applied to the copy in its place.
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            tables = [name for (name,) in plain.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counts = {name: plain.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
            plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(encrypted), f"x'{key.hex()}'"))
            plain.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {hmac}")
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute("DETACH DATABASE encrypted")
            copy = _connect(encrypted, key, hmac)
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
        plain.close()  # before the rename: Windows renames no file over an open one
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
        raise DatabaseInUse(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The data file {path} is to be encrypted, and another window of heze-station (or another "
                    "program) has it open. Close it, then try again; the file has not been changed.",
                ),
                {"path": str(path)},
            )
        ) from error


def _connect(path: Path, key: bytes | None, hmac: str | None = None) -> sqlcipher.Connection:
    """A connection of the driver's own to the file at ``path``, unlocked with ``key`` (None: a plain file) for
    pages authenticated with ``hmac`` (None: the library's default)."""
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(_key_pragma(key))
        if hmac is not None:
            connection.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    return connection


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

    connection = _connect(path, key, hmac_of(path, key) if key is not None else None)
    try:
        connection.set_progress_handler(stop_when_late, 1000)
        return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlcipher.Error:
        return None if out_of_time else False
    finally:
        connection.close()


def is_whole(path: Path, key: bytes) -> bool:
    """Whether the encrypted database file at ``path`` opens with ``key`` and passes both integrity checks."""
    try:
        connection = _connect(path, key, hmac_of(path, key))
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
    (``VACUUM INTO`` on a connection of the database), written through to the disk. Its HMAC is this machine's
    fastest, the library's default (a file of an earlier version is copied into it, which its restore then keeps)."""
    fastest_hmac()
    raw = database.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    finally:
        raw.close()
    with target.open("rb") as file:
        os.fsync(file.fileno())
