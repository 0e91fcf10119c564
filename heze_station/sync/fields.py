"""What one synced field may hold: its wire type, whether it may be null or left out, its length and its values.

The station's database decides (a NOT NULL column, an enum, a String(50)); ``station_schema`` says it for every
synced column, and the server refuses what a station could not store. Each value has one wire form, the one the
station itself sends, so that comparing two values compares what they mean.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Any

MAX_TEXT_CHARS = 65_536  # a text field without a length of its own (facts, minutes)
INTEGER_RANGE = (-(2**63), 2**63)  # SQLite's and PostgreSQL's bigint

# Matched whole (fullmatch: $ would let a trailing newline through), with ASCII digits (\d takes any script's).
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})")


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and INTEGER_RANGE[0] <= value < INTEGER_RANGE[1]


def _is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


# No record lies after this year: a later date is a slip, and the clocks the city counts from it (days added, China
# time) ran past the calendar's last year and broke its pages for every station.
_LAST_YEAR = "2999"


def _is_date(value: Any) -> bool:
    if not (isinstance(value, str) and _DATE.fullmatch(value)) or value[:4] > _LAST_YEAR:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_datetime(value: Any) -> bool:
    """ISO 8601 with an offset, and an instant the station can store (as UTC, from year 1; up to _LAST_YEAR)."""
    if not (isinstance(value, str) and _DATETIME.fullmatch(value)) or value[:4] > _LAST_YEAR:
        return False
    try:
        moment = datetime.fromisoformat(value)
        # An offset moves the instant by less than a day: only the first year can leave the range.
        # Converting every value cost a first sync of 100,000 rows a hundredth of its time.
        if value[:4] == "0001":
            moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return False
    return True


class FieldType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"  # money is integer fen
    BOOLEAN = "boolean"
    UUID = "uuid"  # lower case with dashes: 01a21e7d-bb0f-78e6-8d94-3a0583cdf8c8
    DATE = "date"  # 2026-03-01
    DATETIME = "datetime"  # 2026-03-01T08:30:00+08:00, fractions of a second to microseconds, Z for UTC

    def accepts(self, value: Any) -> bool:
        """Whether a value that is not null has this type's wire form."""
        return _CHECKS[self](value)


_CHECKS: dict[FieldType, Callable[[Any], bool]] = {
    FieldType.TEXT: lambda value: isinstance(value, str),
    FieldType.INTEGER: _is_integer,
    FieldType.BOOLEAN: lambda value: isinstance(value, bool),
    FieldType.UUID: _is_uuid,
    FieldType.DATE: _is_date,
    FieldType.DATETIME: _is_datetime,
}


def _all_dates(texts: list[str]) -> bool:
    try:
        return all(map(_DATE.fullmatch, texts)) and all(map(date.fromisoformat, texts)) and _none_too_late(texts)
    except ValueError:
        return False


def _all_datetimes(texts: list[str]) -> bool:
    try:
        if not (all(map(_DATETIME.fullmatch, texts)) and all(map(datetime.fromisoformat, texts))):
            return False
    except ValueError:
        return False
    # The texts start with their years: only the first year can leave the range (see _is_datetime).
    return _none_too_late(texts) and (min(texts)[:4] > "0001" or all(map(_is_datetime, texts)))


def _none_too_late(texts: list[str]) -> bool:
    return not texts or max(texts)[:4] <= _LAST_YEAR


# Whether every one of a column's texts has the type's wire form (FieldType.accepts, a column at a time).
_ALL_ACCEPTED: dict[FieldType, Callable[[list[str]], bool]] = {
    FieldType.UUID: lambda texts: all(map(_UUID.fullmatch, texts)),
    FieldType.DATE: _all_dates,
    FieldType.DATETIME: _all_datetimes,
}


@dataclass(frozen=True)
class FieldRule:
    type: FieldType
    nullable: bool = True  # null may be stored
    default: bool = False  # a new row may leave it out: the station fills in its default
    max_length: int | None = None  # characters, for text
    choices: tuple[str, ...] | None = None  # the allowed values of an enum
    references: str | None = None  # the table whose row id this field holds

    @property
    def required(self) -> bool:
        """A new row must carry it."""
        return not self.nullable and not self.default

    def problem(self, value: Any) -> str | None:
        """Why ``value`` cannot be stored in this field, in words that never repeat the value; None when it can."""
        if self.fits(value):  # every pulled and pushed value comes here: the usual good value costs one call
            return None
        if value is None:
            return None if self.nullable else "must not be null"
        if not self.type.accepts(value):
            return f"must be {self.type.value}"
        if isinstance(value, str):
            limit = self.max_length or MAX_TEXT_CHARS
            if len(value) > limit:
                return f"is longer than {limit} characters"
        if self.choices is not None and value not in self.choices:
            return "must be one of " + ", ".join(self.choices)
        return None

    @cached_property
    def fits(self) -> Callable[[Any], bool]:
        """Whether a value can be stored in this field (``problem`` says why not), as one check made for this
        field's type, length and values: a first sync checks millions of values."""
        accepts, limit, choices, nullable = (
            _CHECKS[self.type],
            self.max_length or MAX_TEXT_CHARS,
            self.choices,
            self.nullable,
        )
        if self.type is FieldType.TEXT:
            if choices is not None:
                allowed = self._choices
                return lambda value: (
                    value in allowed and len(value) <= limit if isinstance(value, str) else value is None and nullable
                )
            return lambda value: len(value) <= limit if isinstance(value, str) else value is None and nullable

        def fits(value: Any) -> bool:
            if value is None:
                return nullable
            if not accepts(value):
                return False
            return (not isinstance(value, str) or len(value) <= limit) and (choices is None or value in choices)

        return fits

    def all_fit(self, values: list[Any]) -> bool:
        """Whether ``fits`` holds for every one of ``values`` (a page's column): checked a pass at a time in C
        (their types, their lengths, their choices) rather than a call per value. False may also mean only that a
        value is of an unusual type (a subclass of str): the caller then checks one by one."""
        if None in values:
            if not self.nullable:
                return False
            values = [value for value in values if value is not None]
            if not values:
                return True
        kinds = set(map(type, values))
        if self.type is FieldType.INTEGER:
            fit = kinds == {int} and INTEGER_RANGE[0] <= min(values) and max(values) < INTEGER_RANGE[1]
        elif self.type is FieldType.BOOLEAN:
            fit = kinds == {bool}
        else:
            # Every other type's wire form is text, within the field's length.
            fit = kinds == {str} and max(map(len, values)) <= (self.max_length or MAX_TEXT_CHARS)
            if fit and self.type is not FieldType.TEXT:
                fit = _ALL_ACCEPTED[self.type](values)
        return fit and (self.choices is None or set(values) <= self._choices)

    @cached_property
    def _choices(self) -> frozenset[Any]:
        """The allowed values as a set, for ``fits`` and ``all_fit`` alike."""
        return frozenset(self.choices or ())
