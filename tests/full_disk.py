"""A disk with no space left, as SQLite meets it: the file may not grow and its free pages are taken.

``PRAGMA max_page_count`` makes SQLite itself answer SQLITE_FULL ("database or disk is full"), the error a full
disk gives. The limit stays on the connection (and the pool hands it out again) until ``free_up``.
"""

from sqlalchemy import Connection


def fill_up(connection: Connection) -> None:
    """Make ``connection``'s database full for the rest of its transaction."""
    sql = connection.exec_driver_sql
    sql(f"PRAGMA max_page_count = {sql('PRAGMA page_count').scalar()}")
    # int(): with a key, SQLCipher answers PRAGMA page_size as text.
    free = max(0, int(sql("PRAGMA freelist_count").scalar()) - 2) * int(sql("PRAGMA page_size").scalar())
    sql(f"INSERT INTO sync_log (id, at, kind, details) VALUES (randomblob(16), '', 'x', zeroblob({free}))")


def free_up(connection: Connection) -> None:
    """Space freed: ``connection`` may grow its file again."""
    connection.exec_driver_sql("PRAGMA max_page_count = 1073741823")
