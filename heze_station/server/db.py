"""Engines and sessions for PostgreSQL (psycopg 3) and SQLite.

Many rows go into a table with one statement (``insert_rows``); writes whose results nobody reads travel together
(``pipelined``).

SQLite allows one writer at a time; every transaction starts with ``BEGIN IMMEDIATE`` so that two requests never
both read and then both try to upgrade to a write lock (which SQLite answers with "database is locked"). That also
makes the change feed trivially commit-ordered on SQLite (see feed.py).
"""

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cache, partial
from typing import Any

import psycopg
import pydantic_core
from sqlalchemy import JSON, Connection, Dialect, Engine, Executable, Table, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event below issue BEGIN itself instead of pysqlite's deferred BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor) -> None:
    """Switch a new file to WAL (persistent: once per file). Two processes starting on a new file at once both try;
    the switch does not wait on SQLite's busy timeout, so the one that meets the other's lock tries again."""
    deadline = time.monotonic() + 30
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# A connection's execution option: its transactions only read (Database.reading).
_READING = "heze_reading"


def _sqlite_begin(connection) -> None:
    # IMMEDIATE takes the write lock at once, so that writers queue in order instead of failing on an upgrade. A
    # transaction that only reads takes none: under WAL it reads its snapshot while the writers go on.
    connection.exec_driver_sql("BEGIN" if connection.get_execution_options().get(_READING) else "BEGIN IMMEDIATE")


def _json_text(value: Any) -> str:
    return pydantic_core.to_json(value).decode()


# Every synced row's fields are a JSON column, written and read on each push and pull: pydantic-core's codec takes
# about a third of the standard library's time, and keeps Chinese text as UTF-8 rather than six-byte escapes.
_JSON_CODEC = {"json_serializer": _json_text, "json_deserializer": pydantic_core.from_json}


def create_server_engine(settings: Settings) -> Engine:
    url = settings.sqlalchemy_url
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **_JSON_CODEC)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        url, pool_size=settings.pool_size, max_overflow=settings.pool_size, pool_pre_ping=True, **_JSON_CODEC
    )


class Database:
    def __init__(self, settings: Settings):
        self.engine = create_server_engine(settings)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends normally, rolls back on any exception."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads (the supervision pages' counts, which can take seconds): on SQLite it
        holds no write lock, so stations' pushes and sign-ins are not held up behind it."""
        with self.engine.connect() as connection:
            connection.execution_options(**{_READING: True})
            with self._transaction_on(connection) as session:
                yield session

    @contextmanager
    def single_read(self) -> Iterator[Connection]:
        """A connection for one SELECT that needs no transaction around it (a lone statement sees one snapshot
        anyway): on PostgreSQL in autocommit, which spares the BEGIN and COMMIT round trips; elsewhere in a
        transaction as usual (SQLite's BEGIN IMMEDIATE is how it orders its writers)."""
        with self.engine.connect() as connection, self._single_read_on(connection) as reading:
            yield reading

    @contextmanager
    def read_then_transactions(
        self,
    ) -> Iterator[
        tuple[Callable[[], AbstractContextManager[Connection]], Callable[[], AbstractContextManager[Session]]]
    ]:
        """For a request that makes a lone read and then its units of work on one pooled connection: one
        check-out, and one liveness ping (``pool_pre_ping``, a round trip), instead of one per connection. Twins of
        ``single_read`` and ``transaction`` on that connection; the read's ends before the first unit of work."""
        with self.engine.connect() as connection:
            yield partial(self._single_read_on, connection), partial(self._transaction_on, connection)

    @contextmanager
    def _single_read_on(self, connection: Connection) -> Iterator[Connection]:
        if self.is_postgresql:
            connection.execution_options(isolation_level="AUTOCOMMIT")
        with connection.begin():  # sends nothing on PostgreSQL, in autocommit
            yield connection

    @contextmanager
    def _transaction_on(self, connection: Connection) -> Iterator[Session]:
        if self.is_postgresql:  # out of the read's autocommit (set on the driver's connection: nothing sent)
            connection.execution_options(isolation_level=connection.default_isolation_level)
        with Session(bind=connection, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def pipelined(connection: Connection) -> Iterator[None]:
    """On PostgreSQL, the statements run in the block are sent without waiting for each answer (psycopg's pipeline
    mode) and checked at its end: one round trip for them all. Only for statements whose results nobody reads
    (inserts, updates, deletes): a query's rows are not there to read. A failure comes out as SQLAlchemy's error,
    as from ``execute``."""
    if connection.dialect.name != "postgresql":
        yield
        return
    try:
        with connection.connection.driver_connection.pipeline():
            yield
    except psycopg.Error as error:
        raise DBAPIError.instance(None, None, error, psycopg.Error) from error


def commit_in_pipeline(connection: Connection) -> None:
    """Inside ``pipelined``, as its last statement: on PostgreSQL the transaction's COMMIT, sent with the block's
    writes (a round trip fewer). The session's own commit then sends nothing (psycopg commits nothing outside a
    transaction); a write of the block that fails makes the server skip the COMMIT, and the session rolls back as
    usual. Elsewhere nothing: the session commits."""
    if connection.dialect.name == "postgresql":
        connection.connection.driver_connection.execute("COMMIT")


Read = tuple[Executable, dict[str, Any]]  # a query and its parameters


def read_together(connection: Connection, reads: list[Read]) -> list[list[tuple]]:
    """The rows each query returns, the queries run one after the other as listed. On PostgreSQL they travel
    together (psycopg's pipeline mode, through the driver: SQLAlchemy cannot read a result that is not there yet):
    one round trip for them all, each compiled once per process. Elsewhere through SQLAlchemy, one by one. A failure
    comes out as SQLAlchemy's error, as from ``execute``."""
    if connection.dialect.name != "postgresql":
        return [[tuple(row) for row in connection.execute(query, parameters)] for query, parameters in reads]
    driver = connection.connection.driver_connection
    try:
        with driver.pipeline():
            cursors = []
            for query, parameters in reads:
                sql, defaults = _compiled(query, connection.dialect)
                cursor = driver.cursor()
                cursor.execute(sql, {**defaults, **parameters})
                cursors.append(cursor)
            return [cursor.fetchall() for cursor in cursors]
    except psycopg.Error as error:
        raise DBAPIError.instance(None, None, error, psycopg.Error) from error


@cache
def _compiled(query: Executable, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """A query built once (see synced.among_parameter), as the driver takes it: its SQL and its fixed parameters."""
    compiled = query.compile(dialect=dialect)
    return compiled.string, compiled.params


def insert_rows(
    connection: Connection, table: Table, rows: list[dict[str, Any]], computed: dict[str, str] | None = None
) -> None:
    """Insert ``rows`` (each with the same keys, column names) into ``table``, with one statement.

    On PostgreSQL an ``INSERT ... SELECT FROM unnest(...)`` with one array parameter per column: the server runs
    one statement (prepared once per connection) instead of one per row, and no row goes through SQLAlchemy's
    per-row parameter handling. ``computed``: columns whose value is an SQL expression evaluated per
    row, in row order (PostgreSQL only). Elsewhere an executemany through the driver (see _stored_parameters).
    Neither applies the columns' Python defaults: every row gives every column it fills.
    """
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        assert not computed, "computed columns are for PostgreSQL"
        names = list(rows[0])
        marks = ", ".join("?" for _ in names)
        statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
        connection.exec_driver_sql(statement, _stored_parameters(connection, table, names, rows))
        return
    names, arrays, source = _unnest(connection, table, rows)
    expressions = computed or {}
    statement = (
        f"INSERT INTO {table.name} ({', '.join([*names, *expressions])}) "
        f"SELECT {', '.join([*names, *expressions.values()])} FROM {source}"
    )
    connection.exec_driver_sql(statement, arrays)


def update_rows(
    connection: Connection, table: Table, key: str, rows: list[dict[str, Any]], computed: dict[str, str] | None = None
) -> None:
    """Set the columns of ``rows`` (each with the same keys) in the rows whose ``key`` matches.

    On PostgreSQL with one ``UPDATE ... FROM unnest(...)`` statement, and the ``computed`` columns set to their SQL
    expressions. Elsewhere an executemany of one UPDATE through the driver (see _stored_parameters)."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        assert not computed, "computed columns are for PostgreSQL"
        names = [name for name in rows[0] if name != key]
        statement = f"UPDATE {table.name} SET {', '.join(f'{name} = ?' for name in names)} WHERE {key} = ?"
        connection.exec_driver_sql(statement, _stored_parameters(connection, table, [*names, key], rows))
        return
    computed = computed or {}
    names, arrays, source = _unnest(connection, table, rows)
    assignments = [f"{name} = new.{name}" for name in names if name != key]
    assignments += [f"{name} = {expression}" for name, expression in computed.items()]
    statement = f"UPDATE {table.name} SET {', '.join(assignments)} FROM {source} WHERE {table.name}.{key} = new.{key}"
    connection.exec_driver_sql(statement, arrays)


def _stored_parameters(
    connection: Connection, table: Table, names: list[str], rows: list[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    """The rows' values of columns ``names`` as SQLite stores them, each turned by its column type's own bind
    processor: one executemany through the driver, past SQLAlchemy's per-row parameter handling, which took more
    than SQLite's writing (a push of 1,000 edits updates 1,000 rows)."""
    dialect = connection.dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) or _as_is for name in names]
    return [tuple(process(row[name]) for name, process in zip(names, processors, strict=True)) for row in rows]


def _as_is(value: Any) -> Any:
    return value


def _unnest(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> tuple[list[str], dict, str]:
    """The column names of ``rows``, their values as one array parameter per column, and the ``(SELECT ... FROM
    unnest(...)) AS new`` that reads them back as rows.

    Arrays go in binary. A JSON column's values go as one JSON array, split by the server: one encoding for the
    column rather than one per row, which cost more than the rest of the statement's making. A column with the
    same value in every row (the station, the time of the push) goes as that one value: psycopg dumps an array's
    values one by one in Python."""
    names = list(rows[0])
    arrays: dict[str, Any] = {}
    unnested, constants, sources = [], [], []
    for n, name in enumerate(names):
        column, key = table.c[name], f"c{n}"
        values = [row[name] for row in rows]
        sql_type = column.type.compile(dialect=connection.dialect)
        if isinstance(column.type.dialect_impl(connection.dialect), JSON):
            arrays[key] = _json_text(values)  # one encoding for the column's values
            sources.append(
                f"ARRAY(SELECT value FROM jsonb_array_elements(%({key})s::jsonb) WITH ORDINALITY ORDER BY ordinality)"
            )
            unnested.append(name)
        elif n > 0 and all(value == values[0] for value in values):  # the first column gives the rows their number
            arrays[key] = values[0]
            constants.append(f"%({key})s::{sql_type} AS {name}")
        else:
            arrays[key] = values
            sources.append(f"%({key})b::{sql_type}[]")
            unnested.append(name)
    source = f"unnest({', '.join(sources)}) AS new({', '.join(unnested)})"
    if constants:
        source = f"(SELECT {', '.join([*unnested, *constants])} FROM {source}) AS new"
    return names, arrays, source
