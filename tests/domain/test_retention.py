"""How long a closed file is kept (R13): 5 years after mediation, 10 after arbitration, never purged before."""

from datetime import date

import pytest

from heze_station.domain.cases import CaseStatus
from heze_station.domain.retention import first_purge_day, may_purge, retention_until

S = CaseStatus


@pytest.mark.parametrize(
    ("outcome", "ended_on", "expected"),
    [
        (S.AGREEMENT, date(2026, 3, 10), date(2031, 3, 10)),
        (S.MEDIATION_FAILED, date(2026, 3, 10), date(2031, 3, 10)),
        (S.WITHDRAWN, date(2026, 3, 10), date(2031, 3, 10)),
        (S.REFERRED_ARBITRATION, date(2026, 3, 10), date(2036, 3, 10)),
        # Calendar years: ended on a Spring Festival holiday, kept to the same day, a working day or not.
        (S.AGREEMENT, date(2026, 2, 17), date(2031, 2, 17)),
        # From 29 February: 1 March, a day longer rather than a day short.
        (S.AGREEMENT, date(2028, 2, 29), date(2033, 3, 1)),
        (S.REFERRED_ARBITRATION, date(2024, 2, 29), date(2034, 3, 1)),
    ],
)
def test_retention_end(outcome: CaseStatus, ended_on: date, expected: date) -> None:
    assert retention_until(outcome, ended_on, date(2026, 12, 1)) == expected


def test_a_file_without_an_end_date_counts_from_its_closing() -> None:
    assert retention_until(None, None, date(2026, 12, 1)) == date(2031, 12, 1)


def test_nothing_is_purged_before_the_day_after_the_retention_end() -> None:
    until = date(2031, 3, 10)
    assert not may_purge(until, date(2031, 3, 10))
    assert may_purge(until, date(2031, 3, 11))
    assert first_purge_day(until) == date(2031, 3, 11)


def test_an_award_recorded_on_the_case_keeps_it_ten_years_from_the_award() -> None:
    # After an objection to a payment order, arbitration: the file's outcome says court, the award says 10 years.
    assert retention_until(S.REFERRED_COURT, date(2026, 3, 10), date(2026, 12, 1), date(2026, 9, 20)) == date(
        2036, 9, 20
    )
    assert retention_until(S.REFERRED_ARBITRATION, date(2026, 3, 10), date(2026, 12, 1), date(2027, 1, 5)) == date(
        2037, 1, 5
    )
