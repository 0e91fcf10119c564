"""A disk with no space left, as SQLite meets it: the file may not grow and its free pages are taken.

``PRAGMA max_page_count`` makes SQLite itself answer SQLITE_FULL ("database or disk is full"), the error a full
disk gives. The limit stays on each connection that met the full disk (and the pool hands it out again) until
``free_up``.
"""

from sqlalchemy import Connection

from heze_station.storage.database import Database


def fill_up(connection: Connection) -> None:
    """Make ``connection``'s database full for the rest of its transaction.

    Called again on a full file, it writes nothing: every transaction of a test may call it, and only the one that
    needs more room fails, as on a real full disk.
    """
    sql = connection.exec_driver_sql

    def take(size: int) -> None:
        sql(f"INSERT INTO sync_log (id, at, kind, details) VALUES (randomblob(16), '', 'x', zeroblob({size}))")

    # int(): with a key, SQLCipher answers PRAGMA page_size as text.
    page = int(sql("PRAGMA page_size").scalar())
    free = int(sql("PRAGMA freelist_count").scalar())
    if free > 2:
        take((free - 2) * page)
    # The pages left, then taken by rows of a quarter page, until the file has no free page: a change of a few small
    # rows (one worker's case) might otherwise still fit in them. The limit comes after, so that a row whose index
    # needs two new pages at once grows the file instead of failing here.
    while int(sql("PRAGMA freelist_count").scalar()) > 0:
        take(page // 4)
    sql(f"PRAGMA max_page_count = {sql('PRAGMA page_count').scalar()}")


def free_up(database: Database) -> None:
    """Space freed: every connection of ``database`` is closed, those that carry the limit with them (the pools may
    hold several: background tasks run side by side); the next ones may grow the file."""
    database.close()
