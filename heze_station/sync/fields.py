"""What one synced field may hold: its wire type, whether it may be null or left out, its length and its values.

The station's database decides (a NOT NULL column, an enum, a String(50)); ``station_schema`` says it for every
synced column, and the server refuses what a station could not store. Each value has one wire form, the one the
station itself sends, so that comparing two values compares what they mean.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
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
# Nor before this one: the station counts days back from a date (the warnings before an instalment falls due), and an
# instalment due in the year 1, synced by a rogue device, stopped every laptop that pulled it.
_FIRST_YEAR = "1900"


def _in_years(text: str) -> bool:
    return _FIRST_YEAR <= text[:4] <= _LAST_YEAR


def _is_date(value: Any) -> bool:
    if not (isinstance(value, str) and _DATE.fullmatch(value)) or not _in_years(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_datetime(value: Any) -> bool:
    """ISO 8601 with an offset, in the years a record may lie in."""
    if not (isinstance(value, str) and _DATETIME.fullmatch(value)) or not _in_years(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# The forms a text field may be held to (FieldRule.form), matched whole: a value of another form broke the station
# that pulled it (a digest names a file to download; a public key is sealed to).
FORMS: dict[str, re.Pattern[str]] = {
    "sha256": re.compile(r"[0-9a-f]{64}"),  # a digest, as hexdigest() writes it
    "public_key": re.compile(r"(?:[A-Za-z0-9+/]{43}=)?"),  # an account's X25519 key in base64, or none yet
}


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
        return all(map(_DATE.fullmatch, texts)) and all(map(date.fromisoformat, texts)) and _all_in_years(texts)
    except ValueError:
        return False


def _all_datetimes(texts: list[str]) -> bool:
    try:
        return all(map(_DATETIME.fullmatch, texts)) and all(map(datetime.fromisoformat, texts)) and _all_in_years(texts)
    except ValueError:
        return False


def _all_in_years(texts: list[str]) -> bool:
    """The texts start with their years (their form was matched first)."""
    return not texts or (_in_years(min(texts)) and _in_years(max(texts)))


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
    # The range of an integer, by what it means (money, a count, a position): the storage type's range let a rogue
    # device sync two sums of money that overflowed every sum the station makes of them.
    least: int | None = None
    most: int | None = None
    form: str | None = None  # the name of the text's form in FORMS

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
        if isinstance(value, int) and not self.bounds[0] <= value <= self.bounds[1]:
            return f"must be from {self.bounds[0]} to {self.bounds[1]}"
        if self.form is not None and not FORMS[self.form].fullmatch(value):
            return f"must be a {self.form}"
        return None

    @cached_property
    def bounds(self) -> tuple[int, int]:
        """An integer's least and most, the storage type's where its meaning gives none."""
        least = INTEGER_RANGE[0] if self.least is None else self.least
        return least, INTEGER_RANGE[1] - 1 if self.most is None else self.most

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
        if self.form is not None:
            form = FORMS[self.form].fullmatch
            return lambda value: (
                len(value) <= limit and form(value) is not None
                if isinstance(value, str)
                else value is None and nullable
            )
        if self.least is not None or self.most is not None:
            least, most = self.bounds
            return lambda value: type(value) is int and least <= value <= most if value is not None else nullable
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
            least, most = self.bounds
            fit = kinds == {int} and least <= min(values) and max(values) <= most
        elif self.type is FieldType.BOOLEAN:
            fit = kinds == {bool}
        else:
            # Every other type's wire form is text, within the field's length.
            fit = kinds == {str} and max(map(len, values)) <= (self.max_length or MAX_TEXT_CHARS)
            if fit and self.type is not FieldType.TEXT:
                fit = _ALL_ACCEPTED[self.type](values)
            if fit and self.form is not None:
                fit = all(map(FORMS[self.form].fullmatch, values))
        return fit and (self.choices is None or set(values) <= self._choices)

    @cached_property
    def _choices(self) -> frozenset[Any]:
        """The allowed values as a set, for ``fits`` and ``all_fit`` alike."""
        return frozenset(self.choices or ())
