"""The ledger (台账): how much risk an employer or project carries, and why, from what its cases show.

The city follows up employers and projects that draw repeated complaints, owe wages, face collective disputes or
do not pay what they agreed. The rules are one small table, so a station reads (and the city may change) exactly
what puts a name on top; the thresholds are the city's practice as the seed article describes it [check].
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass

from .messages import QT_TRANSLATE_NOOP, Message
from .money import format_yuan

# Complaints received within this many days, counted back from today, make a repeat complaint (rules.md 台账).
RECENT_DAYS = 90
REPEAT_COMPLAINTS = 2
# Arrears from this amount on weigh as much as a default: about a year's wages of a worker in Heze [check].
LARGE_ARREARS_FEN = 10_000_000  # ¥100,000.00


class RiskLevel(enum.IntEnum):
    """Ordered, so the highest of the rules that apply is the level, and a table sorts by it."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RiskLevel.LOW: QT_TRANSLATE_NOOP("Domain", "Low"),
    RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("Domain", "Medium"),
    RiskLevel.HIGH: QT_TRANSLATE_NOOP("Domain", "High"),
}


class FollowUpKind(enum.StrEnum):
    VISIT = "visit"  # 走访
    RECTIFICATION_ASKED = "rectification_asked"  # 责令整改 / 提醒整改
    RECTIFIED = "rectified"  # 已整改

    @property
    def label(self) -> str:
        return _FOLLOW_UP_LABELS[self]


_FOLLOW_UP_LABELS = {
    FollowUpKind.VISIT: QT_TRANSLATE_NOOP("Domain", "Visit"),
    FollowUpKind.RECTIFICATION_ASKED: QT_TRANSLATE_NOOP("Domain", "Rectification asked"),
    FollowUpKind.RECTIFIED: QT_TRANSLATE_NOOP("Domain", "Rectified"),
}


@dataclass(frozen=True)
class LedgerFacts:
    """What the cases of one employer or project show today."""

    recent_complaints: int = 0  # cases received in the last RECENT_DAYS days
    open_collective_cases: int = 0
    agreements_in_default: int = 0
    # Claimed on open cases plus agreed and not yet paid under agreements in effect (services.registry).
    arrears_fen: int = 0


@dataclass(frozen=True)
class Rule:
    level: RiskLevel
    applies: Callable[[LedgerFacts], bool]
    reason: Callable[[LedgerFacts], Message]


def _message(text: str, **params: object) -> Message:
    return Message(text, params)


# Every rule that applies is a reason shown beside the level; the level is the highest of them.
RULES = (
    Rule(
        RiskLevel.HIGH,
        lambda facts: facts.agreements_in_default > 0,
        lambda facts: _message(QT_TRANSLATE_NOOP("Domain", "Agreement in default, not performed")),
    ),
    Rule(
        RiskLevel.HIGH,
        lambda facts: facts.open_collective_cases > 0,
        lambda facts: _message(QT_TRANSLATE_NOOP("Domain", "Collective dispute")),
    ),
    Rule(
        RiskLevel.HIGH,
        lambda facts: facts.arrears_fen >= LARGE_ARREARS_FEN,
        lambda facts: _message(
            QT_TRANSLATE_NOOP("Domain", "Arrears outstanding {amount}"), amount=format_yuan(facts.arrears_fen)
        ),
    ),
    Rule(
        RiskLevel.MEDIUM,
        lambda facts: 0 < facts.arrears_fen < LARGE_ARREARS_FEN,
        lambda facts: _message(
            QT_TRANSLATE_NOOP("Domain", "Arrears outstanding {amount}"), amount=format_yuan(facts.arrears_fen)
        ),
    ),
    Rule(
        RiskLevel.MEDIUM,
        lambda facts: facts.recent_complaints >= REPEAT_COMPLAINTS,
        lambda facts: _message(
            QT_TRANSLATE_NOOP("Domain", "{count} complaints within {days} days"),
            count=facts.recent_complaints,
            days=RECENT_DAYS,
        ),
    ),
)


@dataclass(frozen=True)
class Risk:
    level: RiskLevel
    reasons: tuple[Message, ...]


def assess(facts: LedgerFacts) -> Risk:
    """The risk level of ``facts`` and the reasons for it, most serious first; low, with no reason, when no rule
    applies."""
    applying = [rule for rule in RULES if rule.applies(facts)]
    level = max((rule.level for rule in applying), default=RiskLevel.LOW)
    return Risk(level, tuple(rule.reason(facts) for rule in applying))
