"""Wage-arrears clues (欠薪线索) the city forwards from the national platform, and how a station works one off.

A clue is the city's (it arrives by sync and is never changed here); what the station does about it is its own
record: verify the clue, contact the employer, then one outcome: settled (the money recovered and the workers
paid), turned into a case, not substantiated, or handed to labour inspection. The worker is called back (回访)
once the clue is closed. The city sets a deadline for each clue; it shows on the workbench like a legal one.
"""

from enum import StrEnum

from .errors import IllegalTransition
from .messages import QT_TRANSLATE_NOOP, Message


class ClueStep(StrEnum):
    RECEIVED = "received"  # as the city forwarded it; nothing done yet
    VERIFYING = "verifying"
    EMPLOYER_CONTACTED = "employer_contacted"
    SETTLED = "settled"
    CASE_OPENED = "case_opened"
    UNSUBSTANTIATED = "unsubstantiated"
    TO_INSPECTION = "to_inspection"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]

    @property
    def is_closed(self) -> bool:
        return self in OUTCOMES


_STEP_LABELS = {
    ClueStep.RECEIVED: QT_TRANSLATE_NOOP("Domain", "Received, not yet verified"),
    ClueStep.VERIFYING: QT_TRANSLATE_NOOP("Domain", "Being verified"),
    ClueStep.EMPLOYER_CONTACTED: QT_TRANSLATE_NOOP("Domain", "Employer contacted"),
    ClueStep.SETTLED: QT_TRANSLATE_NOOP("Domain", "Settled: wages paid"),
    ClueStep.CASE_OPENED: QT_TRANSLATE_NOOP("Domain", "Turned into a case"),
    ClueStep.UNSUBSTANTIATED: QT_TRANSLATE_NOOP("Domain", "Not substantiated"),
    ClueStep.TO_INSPECTION: QT_TRANSLATE_NOOP("Domain", "Handed to labour inspection"),
}

OUTCOMES = frozenset({ClueStep.SETTLED, ClueStep.CASE_OPENED, ClueStep.UNSUBSTANTIATED, ClueStep.TO_INSPECTION})
# Verify, then contact, then an outcome; a clue found false or plainly for inspection may close at once, and one
# that is being verified may turn straight into a case (the worker came in).
_NEXT = {
    ClueStep.RECEIVED: frozenset({ClueStep.VERIFYING}) | OUTCOMES - {ClueStep.SETTLED},
    ClueStep.VERIFYING: frozenset({ClueStep.EMPLOYER_CONTACTED}) | OUTCOMES - {ClueStep.SETTLED},
    ClueStep.EMPLOYER_CONTACTED: OUTCOMES,
}


def rank(step: ClueStep) -> int:
    """How far along a step is: of two records of one clue made on two laptops offline, the further one counts."""
    return list(ClueStep).index(step)


def next_steps(step: ClueStep) -> list[ClueStep]:
    return [candidate for candidate in ClueStep if candidate in _NEXT.get(step, frozenset())]


def check_step(current: ClueStep, wanted: ClueStep) -> None:
    """IllegalTransition, changing nothing, unless ``wanted`` may follow ``current``."""
    if wanted not in _NEXT.get(current, frozenset()):
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP("Domain", 'A clue that is "{current}" cannot become "{wanted}".'),
                {"current": current, "wanted": wanted},
            )
        )
