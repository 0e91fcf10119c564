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


def retention_until(
    outcome: CaseStatus | None, ended_on: date | None, closed_on: date, award_on: date | None = None
) -> date:
    """The last day a closed file must be kept.

    A file that ended in an arbitral award (``award_on``: the station recorded it, after a referral or after an
    objection to a payment order) is kept 10 years from the award. A case referred to arbitration whose award is not
    recorded yet is kept 10 years from the referral, the earliest the rule can end. Every other file is kept 5 years
    from the end of the mediation (the end state's date; the closing date for a file that has none).
    """
    ended = ended_on or closed_on
    if award_on is not None:
        return _years_after(max(award_on, ended), AWARD_RETENTION_YEARS)
    if outcome is CaseStatus.REFERRED_ARBITRATION:
        return _years_after(ended, AWARD_RETENTION_YEARS)
    return _years_after(ended, MEDIATION_RETENTION_YEARS)


def may_purge(until: date, today: date) -> bool:
    """Nothing is purged before its retention end: the first day a file may go is the day after it."""
    return today > until


def first_purge_day(until: date) -> date:
    return until + timedelta(days=1)
