"""Column types that keep the project's invariants at the database boundary."""

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Dialect
from sqlalchemy.types import CHAR, Integer, TypeDecorator

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_EPOCH_DAY = date(1970, 1, 1)


class _Microseconds(Integer):
    """An integer declared DATETIME: SQLite gives that name NUMERIC affinity, which keeps an integer as it is, and
    the files made before migration 0026 keep their declarations (no table had to be copied to change a type)."""

    __visit_name__ = "DATETIME"


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware in, timezone-aware out; stored as microseconds since 1970 in UTC (migration 0026).

    8 bytes where the text '2021-12-06 00:32:20.000000' took 26, about 50 times a case; the order is the time's
    order, as the text's was. A naive datetime is refused: it would be read back in the wrong zone on a laptop set
    to another one.
    """

    impl = _Microseconds
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: times must be timezone-aware")
        return stored_microseconds(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _EPOCH + value * _MICROSECOND


def stored_microseconds(moment: datetime) -> int:
    """An aware moment as UtcDateTime stores it: whole microseconds since 1970-01-01 00:00 UTC."""
    return (moment - _EPOCH) // _MICROSECOND


class _Days(Integer):
    """An integer declared DATE: NUMERIC affinity keeps it as it is, and the files made before migration 0029 keep
    their declarations (no table had to be copied to change a type)."""

    __visit_name__ = "DATE"


class DateAsDays(TypeDecorator[date]):
    """A calendar day stored as the number of days since 1970-01-01 (migration 0029).

    2 bytes where the text '2021-12-03' took 10; a case holds about a dozen days across its rows and indexes. The
    order is the days' order, as the text's was.
    """

    impl = _Days
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            raise ValueError("a moment where a day belongs: pass its date()")
        return stored_days(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> date | None:
        return None if value is None else day_from_stored(value)


def stored_days(day: date) -> int:
    """A day as DateAsDays stores it: days since 1970-01-01."""
    return (day - _EPOCH_DAY).days


def day_from_stored(days: int) -> date:
    return _EPOCH_DAY + timedelta(days=days)


class BinaryUuid(TypeDecorator[uuid.UUID]):
    """A UUID stored as its 16 bytes (migration 0027), where SQLAlchemy's Uuid stores 32 hex digits on SQLite.

    An id is written about 70 times a case (its row, the rows that point at it, their indexes): half the bytes
    there is about a sixth of a station's file. Byte order is the hex's order, so UUIDv7 keys still sort by time.
    """

    # Declared CHAR(32), as before: SQLite keeps a blob as it is whatever the declaration, so the files made before
    # migration 0027 keep theirs (no table had to be copied), and SQLite's text type passes the bytes through.
    impl = CHAR(32)
    cache_ok = True

    def process_bind_param(self, value: uuid.UUID | str | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return (value if isinstance(value, uuid.UUID) else uuid.UUID(value)).bytes  # text, as SQLAlchemy's Uuid takes

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> uuid.UUID | None:
        return None if value is None else uuid.UUID(bytes=value)


def utc_now() -> datetime:
    return datetime.now(UTC)
