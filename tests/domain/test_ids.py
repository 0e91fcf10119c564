"""Ids made for a given moment: time-ordered by that moment, and in the order written within one moment."""

import uuid
from datetime import UTC, datetime, timedelta

from heze_station.domain.ids import id_at

MOMENT = datetime(2026, 11, 2, 9, 30, 15, 123456, tzinfo=UTC)


def test_ids_carry_their_moment_and_sort_by_it() -> None:
    later, earlier = id_at(MOMENT), id_at(MOMENT - timedelta(days=3))
    assert earlier < later
    for made in (later, earlier):
        assert made.version == 7
        assert made.variant == uuid.RFC_4122
    assert later.int >> 80 == int(MOMENT.timestamp() * 1000)


def test_ids_of_one_moment_keep_the_order_they_were_made_in() -> None:
    moment = MOMENT + timedelta(days=1)  # a millisecond no other test made ids for
    made = [id_at(moment) for _ in range(5000)]  # past the 12 bits' 4,096: still distinct
    assert made[:4096] == sorted(made[:4096])
    assert len(set(made)) == len(made)


def test_entries_of_one_moment_keep_their_order_with_other_moments_between() -> None:
    # A payment's receipt is recorded now, the payment at the moment it was made: worker after worker.
    payments = []
    for worker in range(6):
        id_at(MOMENT + timedelta(seconds=worker + 1))
        payments.append(id_at(MOMENT - timedelta(hours=1)))
    assert payments == sorted(payments)
