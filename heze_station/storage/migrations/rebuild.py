"""Copying a table into a new one of the same declaration, for the change SQLite cannot make in place: whether rows
are stored under an implicit rowid or under their primary key (``WITHOUT ROWID``)."""

from sqlalchemy import Connection

_WITHOUT_ROWID = " WITHOUT ROWID"


def store_by_key(connection: Connection, table: str, *, by_key: bool) -> None:
    """Copy ``table`` into a table declared as it was, stored by its primary key (``by_key``) or by a rowid, under
    the same name; its indexes and triggers are made again as they were declared (the index SQLite keeps for a
    primary key has no declaration: a table stored by its key needs none). Foreign keys are off while migrations
    run (migrations/env.py) and checked after them: the copy keeps every value, so they still hold."""
    declared = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    # CREATE TABLE name (columns and constraints)[ WITHOUT ROWID]: a name holds no parenthesis.
    body = declared.scalar_one().removesuffix(_WITHOUT_ROWID).split("(", 1)[1]
    attached = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        (table,),
    ).scalars()
    statements = list(attached)  # read before the table, and they with it, are dropped
    copy = f"{table}_copy"
    connection.exec_driver_sql(f'CREATE TABLE "{copy}" ({body}{_WITHOUT_ROWID if by_key else ""}')
    connection.exec_driver_sql(f'INSERT INTO "{copy}" SELECT * FROM "{table}"')
    connection.exec_driver_sql(f'DROP TABLE "{table}"')
    connection.exec_driver_sql(f'ALTER TABLE "{copy}" RENAME TO "{table}"')
    for statement in statements:
        connection.exec_driver_sql(statement)
