"""Agreements: every refusal the issue lists, each with its message and with nothing half-saved."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from heze_station.domain import chinatime
from heze_station.domain.agreements import AgreementState, PaymentMethod, SignerRole
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.errors import DomainError, IllegalTransition, InvalidInput, ValidationFailed
from heze_station.services import agreements, attachments, case_actions, case_queries, payments
from heze_station.services.agreements import InstalmentEntry
from heze_station.services.station import StationContext
from heze_station.storage.models import Agreement, AgreementInstalment, Payment
from tests.factories import intake_form

from .agreement_steps import agree, mediating, sign_everything, terms


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    return mediating(station, intake_form(2), None)


def count(station: StationContext, model) -> int:
    with station.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def refused_fields(raised: pytest.ExceptionInfo) -> dict[str, str]:
    return {field: message.render() for field, message in raised.value.by_field().items()}


def test_instalments_that_do_not_add_up_are_refused(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    form = terms(
        station,
        case_id,
        today,
        [(today + timedelta(days=5), "3000"), (today + timedelta(days=9), "4000")],
        amount_each="3800",
    )
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    assert refused_fields(raised) == {
        "instalments": "The instalments add up to ¥7,000.00, but the agreed total is ¥7,600.00."
    }
    assert count(station, Agreement) == 0


def test_instalment_before_the_agreement_date_is_refused(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    form = terms(station, case_id, today, [(today - timedelta(days=1), "7600")], amount_each="3800")
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    assert "before the agreement date" in refused_fields(raised)["instalment.1"]
    assert count(station, AgreementInstalment) == 0


def test_a_wrong_amount_and_a_wrong_schedule_are_refused_in_one_round(
    station: StationContext, case_id: uuid.UUID
) -> None:
    """The schedule's dates waited for the amounts to be right: the coordinator fixed one batch to see the next."""
    today = chinatime.today()
    form = terms(
        station,
        case_id,
        today,
        [(today - timedelta(days=1), "3800"), (today - timedelta(days=2), "3000")],
        amount_each="3800",
    )
    form.shares[0].amount = "-100"
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    refused = refused_fields(raised)
    assert refused["share.1.amount"] == "The amount cannot be negative."
    assert "before the agreement date" in refused["instalment.1"]
    assert refused["instalment.2"] == "Instalment 2 must fall due after instalment 1."
    assert "instalments" not in refused  # no sum is known to compare with while an amount is wrong


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-100", "The amount cannot be negative."),
        ("100000001", "The amount cannot be more than ¥100,000,000.00."),
        ("38.001", "An amount can have at most 2 decimal places (jiao and fen)."),
        ("", "Enter the amount."),
    ],
    ids=["negative", "absurd", "fraction-of-fen", "missing"],
)
def test_wrong_amounts_are_refused_beside_the_worker(
    station: StationContext, case_id: uuid.UUID, amount: str, message: str
) -> None:
    today = chinatime.today()
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    form.shares[1].amount = amount
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    assert refused_fields(raised)["share.2.amount"] == message
    assert count(station, Agreement) == 0


def test_bank_transfer_needs_the_workers_account(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    form.shares[0].account_number = "6228 48"
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    assert refused_fields(raised) == {"share.1.account_number": "A bank account number has 10 to 30 digits."}
    form.payment_method = PaymentMethod.CASH  # cash needs no account
    assert agreements.save_draft(station, case_id, form).draft is not None


def test_a_future_agreement_date_and_too_many_originals_are_refused(
    station: StationContext, case_id: uuid.UUID
) -> None:
    today = chinatime.today()
    form = terms(station, case_id, today + timedelta(days=1), [(today + timedelta(days=1), "7600")], amount_each="3800")
    form.originals = 0
    with pytest.raises(ValidationFailed) as raised:
        agreements.save_draft(station, case_id, form)
    assert set(refused_fields(raised)) >= {"agreed_on", "originals"}


def test_agreement_does_not_take_effect_until_everyone_signed_and_sealed(
    station: StationContext, case_id: uuid.UUID
) -> None:
    today = chinatime.today()
    draft = agreements.save_draft(
        station, case_id, terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    ).draft
    assert [m.render() for m in draft.missing] == [
        "工人0 has not signed (in person or through an authorised agent).",
        "工人1 has not signed (in person or through an authorised agent).",
        "The employer's handler has not signed.",
        "The employer's own seal has not been recorded.",
        "No mediator has signed.",
        "The station's seal has not been applied.",
    ]
    first, second = (c.person_id for c in case_queries.case_detail(station, case_id).claimants)
    agreements.sign(station, draft.id, SignerRole.WORKER, person_id=first)
    agreements.sign(station, draft.id, SignerRole.AGENT, "律师张某", person_id=second)
    with pytest.raises(InvalidInput, match="has already signed"):
        agreements.sign(station, draft.id, SignerRole.WORKER, person_id=second)
    with pytest.raises(ValidationFailed) as raised:
        agreements.take_effect(station, draft.id)
    assert len(raised.value.errors) == 4  # the handler, the employer's seal, the mediator, the station's seal
    assert case_queries.case_detail(station, case_id).status is CaseStatus.IN_MEDIATION


def test_second_agreement_while_one_is_in_effect_supersedes_it_and_the_first_never_changes(
    station: StationContext, case_id: uuid.UUID
) -> None:
    today = chinatime.today()
    first = agree(
        station, case_id, terms(station, case_id, today, [(today, "7600")], amount_each="3800"), chinatime.now()
    ).in_effect
    # The agreement in effect is refused by the service and by the database itself.
    with pytest.raises(IllegalTransition):
        agreements.sign(station, first.id, SignerRole.MEDIATOR, "另一调解员")
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="cannot be changed"):
        session.execute(text("UPDATE agreement SET total_fen = 1 WHERE id = :id"), {"id": first.id.bytes})
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="cannot be changed"):
        session.execute(text("UPDATE agreement_instalment SET amount_fen = 1"))

    form = terms(station, case_id, today, [(today, "3000"), (today + timedelta(days=30), "4600")], amount_each="3800")
    result = agree(station, case_id, form, chinatime.now())
    assert result.in_effect.id != first.id
    assert [a.id for a in result.superseded] == [first.id]
    assert result.superseded[0].state is AgreementState.SUPERSEDED
    assert result.superseded[0].total_fen == first.total_fen


def test_rewriting_a_draft_drops_its_signatures(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    draft = agreements.save_draft(station, case_id, form).draft
    sign_everything(station, draft.id, case_id, chinatime.now())
    form.instalments = [InstalmentEntry(today, "3600"), InstalmentEntry(today + timedelta(days=10), "4000")]
    redrafted = agreements.save_draft(station, case_id, form).draft
    assert redrafted.signatures == []
    assert len(redrafted.missing) == 6


def test_payment_larger_than_owed_or_before_the_agreement_is_refused(
    station: StationContext, case_id: uuid.UUID
) -> None:
    today = chinatime.today()
    agree(station, case_id, terms(station, case_id, today, [(today, "7600")], amount_each="3800"), chinatime.now())
    with pytest.raises(ValidationFailed) as raised:
        payments.record_payment(station, case_id, today, "7600.01", PaymentMethod.CASH)
    assert refused_fields(raised) == {"amount": "Only ¥7,600.00 is still owed under the agreement."}
    with pytest.raises(ValidationFailed) as raised:
        payments.record_payment(station, case_id, today - timedelta(days=1), "100", PaymentMethod.CASH)
    assert "before the agreement" in refused_fields(raised)["paid_on"]
    assert count(station, Payment) == 0

    payments.record_payment(station, case_id, today, "5000", PaymentMethod.CASH, "工人本人签收")
    with pytest.raises(ValidationFailed, match=r"2,600\.00"):
        payments.record_payment(station, case_id, today, "2600.01", PaymentMethod.CASH)
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="append-only"):
        session.execute(text("UPDATE payment SET amount_fen = 1"))


def test_a_case_cannot_close_before_the_agreement_is_performed(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    agree(
        station,
        case_id,
        terms(station, case_id, today, [(today + timedelta(days=7), "7600")], amount_each="3800"),
        chinatime.now(),
    )
    assert case_queries.case_detail(station, case_id).actions == []  # performing, nothing missed yet
    with pytest.raises(DomainError, match=r"not fully performed yet: ¥7,600\.00"):
        case_actions.perform(station, case_id, CaseAction.CLOSE)
    with pytest.raises(DomainError, match="refer the case only once a payment is missed"):
        case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "用人单位拒付")


def test_an_agreement_is_made_during_mediation_only(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1), None)
    case_actions.perform(station, case_id, CaseAction.RECORD_FAILURE, "分歧过大")
    with pytest.raises(IllegalTransition, match="an agreement is made during mediation"):
        agreements.save_draft(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"))


def test_a_signature_drawn_on_the_pad_is_kept_with_the_agreement(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    draft = agreements.save_draft(
        station, case_id, terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    ).draft
    first = case_queries.case_detail(station, case_id).claimants[0].person_id
    drawn = b"\x89PNG\r\n\x1a\n signature"
    signed = agreements.sign(station, draft.id, SignerRole.WORKER, person_id=first, image=drawn).draft
    [signature] = signed.signatures
    assert signature.image_id is not None
    assert attachments.read(station, signature.image_id) == drawn
