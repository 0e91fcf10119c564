"""Checking a form: collect every field's error at once, so the form can mark them all beside their fields."""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from ..domain.errors import InvalidInput, ValidationFailed, refusal
from ..domain.messages import QT_TRANSLATE_NOOP, Message

T = TypeVar("T")


class Checker:
    """Collects every field's error instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[InvalidInput] = []

    def __call__(self, fallback: T, check: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``check(*args, **kwargs)``, or ``fallback`` after noting its error."""
        try:
            return check(*args, **kwargs)
        except InvalidInput as error:
            self.errors.append(error)
            return fallback
        except ValidationFailed as failed:
            self.errors.extend(failed.errors)
            return fallback

    def refuse(self, field_name: str, text: str, **params: object) -> None:
        self.errors.append(refusal(field_name, text, **params))

    def done(self) -> None:
        """Raise ValidationFailed with everything found, if anything was."""
        if self.errors:
            raise ValidationFailed(self.errors)


def required_choice(value: T | None, field_name: str) -> T:
    if value is None:
        raise InvalidInput(field_name, Message(QT_TRANSLATE_NOOP("Domain", "Please choose one.")))
    return value


def past_date(value: date | None, field_name: str, today: date) -> date:
    """A date that has happened: today or before."""
    if value is None:
        raise InvalidInput(field_name, Message(QT_TRANSLATE_NOOP("Domain", "Please enter a date.")))
    if value > today:
        raise InvalidInput(field_name, Message(QT_TRANSLATE_NOOP("Domain", "This date is in the future.")))
    return value
