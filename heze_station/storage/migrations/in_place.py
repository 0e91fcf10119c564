"""Rewriting every value of the columns of one declared type in place, for migrations that change only how a value
is stored (0026 times, 0027 ids): no table is copied, because SQLite keeps any value under any declaration."""

from collections.abc import Callable

from sqlalchemy import Connection


def rewrite_columns(connection: Connection, declared: str, convert: Callable[[str], str]) -> None:
    """``convert`` makes the SQL expression of a column's new value from its name. The append-only and frozen-row
    triggers are set aside for the pass (they would refuse it) and put back as they were; foreign keys are checked
    once, at the end, when the rows on both sides have their new form."""
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    triggers = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    tables = connection.exec_driver_sql(
        "SELECT m.name, group_concat(c.name) FROM sqlite_master AS m, pragma_table_info(m.name) AS c"
        " WHERE m.type = 'table' AND c.type = ? GROUP BY m.name",
        (declared,),
    ).all()
    for table, names in tables:
        assignments = ", ".join(f'"{column}" = {convert(column)}' for column in names.split(","))
        connection.exec_driver_sql(f'UPDATE "{table}" SET {assignments}')
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)
