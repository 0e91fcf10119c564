"""How long a closed case file is kept (R13): at least 5 years after mediation ends, 10 after an arbitration award.

Until the day after its retention end a file is archived, not purged. Years are calendar years; a period from
29 February ends on 1 March, the later of the two candidate days, since a file kept a day longer breaks no rule.
"""

from datetime import date, timedelta

from .cases import CaseStatus

MEDIATION_RETENTION_YEARS = 5
AWARD_RETENTION_YEARS = 10


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return date(day.year + years, 3, 1)


def retention_until(outcome: CaseStatus | None, ended_on: date | None, closed_on: date) -> date:
    """The last day a closed file must be kept.

    A case referred to arbitration is kept 10 years from the referral: the award comes later, so this is the
    earliest the rule can end and may fall short of it. [refine] Once the arbitration outcome (the award date) is
    recorded on the case (the referral tracking of issue 14 item 9), count the 10 years from the award instead.
    Every other file is kept 5 years from the end of the mediation (the end state's date; the closing date for a
    file that has none).
    """
    ended = ended_on or closed_on
    if outcome is CaseStatus.REFERRED_ARBITRATION:
        return _years_after(ended, AWARD_RETENTION_YEARS)
    return _years_after(ended, MEDIATION_RETENTION_YEARS)


def may_purge(until: date, today: date) -> bool:
    """Nothing is purged before its retention end: the first day a file may go is the day after it."""
    return today > until


def first_purge_day(until: date) -> date:
    return until + timedelta(days=1)
