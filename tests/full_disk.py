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
    page = int(sql("PRAGMA page_size").scalar())
    free = max(0, int(sql("PRAGMA freelist_count").scalar()) - 2) * page
    sql(f"INSERT INTO sync_log (id, at, kind, details) VALUES (randomblob(16), '', 'x', zeroblob({free}))")
    # The pages that left (up to two), and the room in the log's last page: taken by rows of a quarter page, each of
    # which needs at most a page of its own, until the file has no free page left. A change of a few small rows
    # (one worker's case) might otherwise still fit in them.
    while int(sql("PRAGMA freelist_count").scalar()) > 0:
        sql(f"INSERT INTO sync_log (id, at, kind, details) VALUES (randomblob(16), '', 'x', zeroblob({page // 4}))")


def free_up(connection: Connection) -> None:
    """Space freed: ``connection`` may grow its file again."""
    connection.exec_driver_sql("PRAGMA max_page_count = 1073741823")
