"""How values look on screen: money, dates, times, masked personal data, labels of domain enums."""

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ..domain import chinatime
from ..domain.clocks import Clock, ClockState
from ..domain.money import format_yuan
from ..domain.personal import PersonalField, masked
from .i18n import domain_text


def money(fen: int) -> str:
    return format_yuan(fen)


def typed_yuan(fen: int) -> str:
    """An amount as a person types it back: 3800 or 3800.50."""
    yuan, rest = divmod(fen, 100)
    return f"{yuan}.{rest:02d}" if rest else str(yuan)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def known_day(value: date | None) -> str:
    """A day that is asked for: "unknown" until it is given."""
    return value.isoformat() if value else QCoreApplication.translate("Formatting", "unknown")


def moment(value: datetime | None) -> str:
    """A stored (UTC) time shown as Beijing time, to the minute."""
    return value.astimezone(chinatime.CHINA_TZ).strftime("%Y-%m-%d %H:%M") if value else ""


def label(value: object) -> str:
    """The translated label of a domain enum member."""
    return domain_text(value.label)  # type: ignore[attr-defined]


def claimants(summary: str, worker_count: int) -> str:
    """The first claimant (a collective case's representative) and the size of the group, e.g. 张三等23人."""
    if worker_count <= 1:
        return summary
    return QCoreApplication.translate("Formatting", "{name} and others, {count} workers").format(
        name=summary, count=worker_count
    )


# Marked for pyside6-lupdate, which only sees literal strings in translate()/QT_TRANSLATE_NOOP() calls.
_CLOCK_STATES = {
    ClockState.OK: QT_TRANSLATE_NOOP("Formatting", "On track"),
    ClockState.WARNING: QT_TRANSLATE_NOOP("Formatting", "Due soon"),
    ClockState.URGENT: QT_TRANSLATE_NOOP("Formatting", "Urgent"),
    ClockState.DUE_TODAY: QT_TRANSLATE_NOOP("Formatting", "Due today"),
    ClockState.OVERDUE: QT_TRANSLATE_NOOP("Formatting", "Overdue"),
    ClockState.DONE: QT_TRANSLATE_NOOP("Formatting", "Done"),
    ClockState.INTERRUPTED: QT_TRANSLATE_NOOP("Formatting", "Interrupted"),
    ClockState.NOT_STARTED: QT_TRANSLATE_NOOP("Formatting", "Not started"),
    ClockState.UNKNOWN: QT_TRANSLATE_NOOP("Formatting", "Unknown"),
    ClockState.NOT_RUNNING: QT_TRANSLATE_NOOP("Formatting", "Not running"),
    ClockState.SUSPENDED: QT_TRANSLATE_NOOP("Formatting", "Suspended"),
}


def clock_state(clock: Clock) -> str:
    """A clock's state as a coordinator would say it."""
    return QCoreApplication.translate("Formatting", _CLOCK_STATES[clock.state])


def time_left(clock: Clock) -> str:
    """How much time a clock has left, or how late it is (or was, when its step came late)."""
    days = clock.days_left
    if clock.state is ClockState.UNKNOWN:
        return QCoreApplication.translate("Formatting", "ask the worker: see the limitation facts")
    if clock.state is ClockState.NOT_RUNNING:
        return QCoreApplication.translate("Formatting", "not time-barred while the employment continues")
    if clock.state is ClockState.SUSPENDED:
        return QCoreApplication.translate("Formatting", "stands still, {n} days were left when it began").format(n=days)
    if clock.state is ClockState.INTERRUPTED:
        return QCoreApplication.translate("Formatting", "stopped by the complaint, {n} days before it ran out").format(
            n=days
        )
    if clock.state is ClockState.DONE:
        return (
            QCoreApplication.translate("Formatting", "done")
            if days >= 0
            else QCoreApplication.translate("Formatting", "done, {n} days late").format(n=-days)
        )
    if days > 0:
        return QCoreApplication.translate("Formatting", "{n} days left").format(n=days)
    if days == 0:
        return QCoreApplication.translate("Formatting", "due today")
    return QCoreApplication.translate("Formatting", "{n} days overdue").format(n=-days)


def personal(field: PersonalField, text: str | None, shown: frozenset[PersonalField]) -> str:
    """``text`` in full when ``field`` is among those ``shown``, else masked (domain.personal)."""
    if not text:
        return ""
    return text if field in shown else masked(field, text)


def revealable_text(fields: frozenset[PersonalField]) -> str:
    """What an account may ask to see in full, for a tooltip: "ID numbers, phones, bank accounts"."""
    return QCoreApplication.translate("Formatting", ", ").join(label(field) for field in sorted(fields))


def locale_number(value: int) -> str:
    return QLocale().toString(value)
