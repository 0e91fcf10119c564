"""Errors a person can act on: each carries a translatable message, never a traceback."""

from .messages import Message


class DomainError(Exception):
    """A rule said no. Nothing was changed."""

    def __init__(self, message: Message):
        super().__init__(message.render())
        self.message = message


class InvalidInput(DomainError):
    """One field's value is unacceptable; ``field`` names the form field it belongs to."""

    def __init__(self, field: str, message: Message):
        super().__init__(message)
        self.field = field


def refusal(field: str, text: str, **params: object) -> InvalidInput:
    """``field``'s value refused with ``text`` (marked for translation by the caller) filled in with ``params``."""
    return InvalidInput(field, Message(text, params))


class ValidationFailed(DomainError):
    """Several fields are wrong at once; a form shows each message beside its field."""

    def __init__(self, errors: list[InvalidInput]):
        super().__init__(errors[0].message)
        self.errors = errors

    def by_field(self) -> dict[str, Message]:
        return {error.field: error.message for error in self.errors}


class IllegalTransition(DomainError):
    """A case action that its current status does not allow."""


class NotFound(DomainError):
    """The record asked for does not exist (or was deleted)."""
