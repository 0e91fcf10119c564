"""A payment to a collective split over the workers' shares: each to his own account or in cash, with a receipt."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.errors import ValidationFailed
from heze_station.domain.performance import InstalmentState, PerformanceState
from heze_station.services import payments
from heze_station.services.agreements import AgreementView
from heze_station.services.dashboard import dashboard
from heze_station.services.payments import PaymentPart
from heze_station.services.station import StationContext
from heze_station.storage.models import Attachment, Payment
from tests.factories import intake_form

from .agreement_steps import agree, claimant_ids, mediating, terms

BANK, CASH = PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    """Three workers, 3,800 each, in two instalments: 6,000 now, 5,400 in a month."""
    case_id = mediating(station, intake_form(3), None)
    today = chinatime.today()
    schedule = [(today, "6000"), (today + timedelta(days=30), "5400")]
    agree(station, case_id, terms(station, case_id, today, schedule, amount_each="3800"), chinatime.now())
    return case_id


@pytest.fixture
def receipt(tmp_path: Path) -> Path:
    path = tmp_path / "签收单.jpg"
    path.write_bytes(b"\xff\xd8 signed receipt")
    return path


def owed(agreement: AgreementView) -> list[int]:
    return [balance.outstanding_fen for balance in agreement.balances]


def payment_count(station: StationContext) -> int:
    with station.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(Payment))


def test_each_worker_paid_his_part_and_the_instalment_counts_them_all(
    station: StationContext, case_id: uuid.UUID, receipt: Path
) -> None:
    first, second, third = claimant_ids(station, case_id)
    today = chinatime.today()
    parts = [
        PaymentPart(first, "3800", BANK, "转账20261204001"),
        PaymentPart(second, "2200", CASH, "王经理", receipt),
        PaymentPart(third, ""),  # nothing to him this time
    ]
    agreement = payments.record_split_payment(station, case_id, today, parts).in_effect

    assert owed(agreement) == [0, 1600_00, 3800_00]
    assert [(p.paid_to, p.amount_fen, p.method) for p in agreement.payments] == [
        ("工人0", 3800_00, BANK),
        ("工人1", 2200_00, CASH),
    ]
    assert agreement.payments[1].receipt_id is not None
    # Default stays per instalment: 6,000 paid fills the first.
    assert [i.state for i in agreement.performance.instalments] == [InstalmentState.PAID, InstalmentState.UPCOMING]
    assert agreement.performance.state is PerformanceState.PERFORMING
    with station.database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Attachment).where(Attachment.kind == "receipt")) == 1


def test_a_payment_not_split_counts_for_everyone_in_proportion(station: StationContext, case_id: uuid.UUID) -> None:
    first = claimant_ids(station, case_id)[0]
    today = chinatime.today()
    payments.record_split_payment(station, case_id, today, [PaymentPart(first, "3800", BANK, "转账001")])
    # A payment to all at once, as before payments were split: over what the other two are still owed.
    agreement = payments.record_payment(station, case_id, today, "3800", BANK, "转账002").in_effect
    assert owed(agreement) == [0, 1900_00, 1900_00]
    assert agreement.payments[-1].paid_to == ""


def test_wrong_parts_are_refused_beside_their_rows_and_nothing_is_recorded(
    station: StationContext, case_id: uuid.UUID
) -> None:
    first, second, third = claimant_ids(station, case_id)
    today = chinatime.today()
    parts = [
        PaymentPart(first, "3800.01", BANK, "转账001"),
        PaymentPart(second, "100", CASH, "王经理"),  # cash without the signed receipt
        PaymentPart(third, "abc", BANK),
        PaymentPart(uuid.uuid4(), "100", CASH),
    ]
    with pytest.raises(ValidationFailed) as raised:
        payments.record_split_payment(station, case_id, today, parts)
    assert {field: message.render() for field, message in raised.value.by_field().items()} == {
        "parts.1.amount": "工人0 is still owed only ¥3,800.00.",
        "parts.2.receipt": "Attach the receipt 工人1 signed, or for a transfer give its number.",
        "parts.3.amount": "Enter the amount in figures, for example 3800 or 3,800.50.",
        "parts.3.receipt": "Attach the receipt 工人2 signed, or for a transfer give its number.",
        "parts.4": "This worker has no share in the agreement.",
    }
    with pytest.raises(ValidationFailed, match="Enter what at least one worker received"):
        payments.record_split_payment(station, case_id, today, [PaymentPart(first, " ")])
    assert payment_count(station) == 0


def test_a_transfer_needs_an_account_in_the_workers_own_name(station: StationContext) -> None:
    case_id = mediating(station, intake_form(2, employer_serial=2), None)
    today = chinatime.today()
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800", method=CASH)
    for share in form.shares:
        share.bank = share.account_number = ""
    agree(station, case_id, form, chinatime.now())
    first, _ = claimant_ids(station, case_id)
    with pytest.raises(ValidationFailed) as raised:
        payments.record_split_payment(station, case_id, today, [PaymentPart(first, "100", BANK, "转账001")])
    assert raised.value.by_field()["parts.1.method"].render() == (
        "The agreement names no account of 工人0's own: pay him in cash, with a receipt."
    )
    assert payment_count(station) == 0


def test_the_workbench_lists_who_is_still_unpaid(station: StationContext, case_id: uuid.UUID, receipt: Path) -> None:
    first, second, _ = claimant_ids(station, case_id)
    today = chinatime.today()
    parts = [PaymentPart(first, "3800", CASH, "", receipt), PaymentPart(second, "1000", CASH, "", receipt)]
    payments.record_split_payment(station, case_id, today, parts)
    board = dashboard(station, today)
    assert [(item.worker, item.share_fen, item.outstanding_fen) for item in board.unpaid] == [
        ("工人1", 3800_00, 2800_00),
        ("工人2", 3800_00, 3800_00),
    ]
    assert {item.case_id for item in board.unpaid} == {case_id}


def test_two_parts_for_one_worker_count_together(station: StationContext, case_id: uuid.UUID) -> None:
    first, *_ = claimant_ids(station, case_id)
    parts = [PaymentPart(first, "2000", BANK, "转账001"), PaymentPart(first, "2000", BANK, "转账002")]
    with pytest.raises(ValidationFailed) as raised:
        payments.record_split_payment(station, case_id, chinatime.today(), parts)
    assert raised.value.by_field()["parts.2.amount"].render() == "工人0 is still owed only ¥1,800.00."
    assert payment_count(station) == 0
