"""Performance of an agreement (履行): payments as they arrive, and the arbitral review the parties may ask for."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import chinatime
from ..domain.agreements import AgreementState, PaymentMethod
from ..domain.cases import CaseEvent
from ..domain.clocks import ARBITRAL_REVIEW_DAYS
from ..domain.errors import IllegalTransition, NotFound, refusal
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import format_yuan, parse_yuan
from ..domain.text import clean_line
from ..storage.models import Agreement, AgreementShare, ArbitralReview, Case, Payment
from ..storage.types import utc_now
from . import attachments, timeline
from .access import CASEWORK, requires
from .agreement_queries import agreement_in_state, performance_of
from .agreements import CaseAgreements, balances_of, case_agreements
from .case_queries import get_case
from .checks import Checker, past_date, required_choice
from .station import StationContext

REFERENCE_MAX = 100


def _agreement_in_effect(session: Session, case_id: uuid.UUID) -> tuple[Agreement, Case]:
    case = get_case(session, case_id)
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    if agreement is None:
        raise IllegalTransition(Message(QT_TRANSLATE_NOOP("Domain", "This case has no agreement in effect.")))
    return agreement, case


@requires(CASEWORK)
def record_payment(
    context: StationContext,
    case_id: uuid.UUID,
    paid_on: date | None,
    amount: str,
    method: PaymentMethod | None,
    reference: str = "",
    receipt: Path | None = None,
    *,
    now: datetime | None = None,
) -> CaseAgreements:
    """Record money paid under the agreement in effect; it fills the instalments in the order they fall due.

    A payment larger than what is still owed is refused: it is almost always a typing slip, and an overpayment
    is not something the agreement provides for. ``receipt`` is the file of the transfer slip or of the signed
    cash receipt.
    """
    now = now or utc_now()
    today = chinatime.local_date(now)
    check = Checker()
    paid_on = check(today, past_date, paid_on, "paid_on", today)
    fen = check(0, parse_yuan, amount, field="amount")
    method = check(PaymentMethod.BANK_TRANSFER, required_choice, method, "method")
    reference = check("", clean_line, reference, field="reference", max_length=REFERENCE_MAX)
    with context.database.transaction() as session:
        agreement, case = _agreement_in_effect(session, case_id)
        _check_after_agreement(check, agreement, paid_on)
        outstanding = performance_of(session, agreement, today, context.calendar).outstanding_fen
        if fen > outstanding:
            check.refuse(
                "amount",
                QT_TRANSLATE_NOOP("Domain", "Only {outstanding} is still owed under the agreement."),
                outstanding=format_yuan(outstanding),
            )
        check.done()
        payment = Payment(
            agreement_id=agreement.id,
            paid_on=paid_on,
            amount_fen=fen,
            method=method,
            reference=reference,
            recorded_by_id=context.user_id,
        )
        session.add(payment)
        session.flush()
        if receipt is not None:
            filename, data = attachments.read_file(receipt)
            attachments.add(session, context, case, AttachmentKind.RECEIPT, filename, data, payment.id)
        timeline.add(session, context, case, CaseEvent.PAYMENT_RECORDED, format_yuan(fen), at=now)
    return case_agreements(context, case_id)


@dataclass
class PaymentPart:
    """What one worker received of a payment to the collective, as typed."""

    person_id: uuid.UUID
    amount: str = ""  # yuan; empty: nothing to this worker this time
    method: PaymentMethod | None = None
    reference: str = ""  # the transfer number, or who handed over the cash
    receipt: Path | None = None  # the transfer slip, or the receipt the worker signed


@requires(CASEWORK)
def record_split_payment(
    context: StationContext,
    case_id: uuid.UUID,
    paid_on: date | None,
    parts: list[PaymentPart],
    *,
    now: datetime | None = None,
) -> CaseAgreements:
    """Record a payment to a collective split over its workers: each part to one worker, by transfer to the account
    in his own name that the agreement names or in cash (条例), each with its receipt. The parts count against the
    instalments like one payment; each is refused beside its row when it is more than that worker is still owed.
    """
    now = now or utc_now()
    today = chinatime.local_date(now)
    check = Checker()
    paid_on = check(today, past_date, paid_on, "paid_on", today)
    with context.database.transaction() as session:
        agreement, case = _agreement_in_effect(session, case_id)
        _check_after_agreement(check, agreement, paid_on)
        listed = _shares(session, agreement)
        shares = {share.person_id: share for share in listed}
        paid = session.scalars(select(Payment).where(Payment.agreement_id == agreement.id)).all()
        owed = {balance.person_id: balance for balance in balances_of(listed, paid)}
        taken: dict[uuid.UUID, int] = {}
        checked = []
        for number, part in enumerate(parts, start=1):
            if not part.amount.strip():
                continue
            prefix = f"parts.{number}"
            share = shares.get(part.person_id)
            if share is None:
                check.refuse(prefix, QT_TRANSLATE_NOOP("Domain", "This worker has no share in the agreement."))
                continue
            fen = check(0, parse_yuan, part.amount, field=f"{prefix}.amount")
            method = check(PaymentMethod.BANK_TRANSFER, required_choice, part.method, f"{prefix}.method")
            reference = check("", clean_line, part.reference, field=f"{prefix}.reference", max_length=REFERENCE_MAX)
            # Two parts for one worker count together against what he is still owed.
            still_owed = owed[part.person_id].outstanding_fen - taken.get(part.person_id, 0)
            if fen > still_owed:
                check.refuse(
                    f"{prefix}.amount",
                    QT_TRANSLATE_NOOP("Domain", "{name} is still owed only {outstanding}."),
                    name=share.person.name,
                    outstanding=format_yuan(max(still_owed, 0)),
                )
            taken[part.person_id] = taken.get(part.person_id, 0) + fen
            if method is PaymentMethod.BANK_TRANSFER and not share.account_number:
                check.refuse(
                    f"{prefix}.method",
                    QT_TRANSLATE_NOOP(
                        "Domain", "The agreement names no account of {name}'s own: pay him in cash, with a receipt."
                    ),
                    name=share.person.name,
                )
            if part.receipt is None and not (method is PaymentMethod.BANK_TRANSFER and reference):
                check.refuse(
                    f"{prefix}.receipt",
                    QT_TRANSLATE_NOOP("Domain", "Attach the receipt {name} signed, or for a transfer give its number."),
                    name=share.person.name,
                )
            checked.append((share, fen, method, reference, part.receipt))
        if not checked and not check.errors:
            check.refuse("parts", QT_TRANSLATE_NOOP("Domain", "Enter what at least one worker received."))
        check.done()
        for share, fen, method, reference, receipt in checked:
            payment = Payment(
                agreement_id=agreement.id,
                person_id=share.person_id,
                paid_on=paid_on,
                amount_fen=fen,
                method=method,
                reference=reference,
                recorded_by_id=context.user_id,
            )
            session.add(payment)
            session.flush()
            if receipt is not None:
                filename, data = attachments.read_file(receipt)
                attachments.add(session, context, case, AttachmentKind.RECEIPT, filename, data, payment.id)
            detail = f"{share.person.name} {format_yuan(fen)}"
            timeline.add(session, context, case, CaseEvent.PAYMENT_RECORDED, detail, at=now)
    return case_agreements(context, case_id)


def _check_after_agreement(check: Checker, agreement: Agreement, paid_on: date) -> None:
    if paid_on < agreement.agreed_on:
        check.refuse(
            "paid_on",
            QT_TRANSLATE_NOOP("Domain", "The payment cannot come before the agreement of {agreed}."),
            agreed=agreement.agreed_on.isoformat(),
        )


def _shares(session: Session, agreement: Agreement) -> list[AgreementShare]:
    return list(
        session.scalars(
            select(AgreementShare)
            .where(AgreementShare.agreement_id == agreement.id)
            .options(selectinload(AgreementShare.person))
            .order_by(AgreementShare.position)
        )
    )


@requires(CASEWORK)
def plan_review(context: StationContext, case_id: uuid.UUID) -> CaseAgreements:
    """R9: the parties said they will jointly apply for arbitral review; from now the 15-day window is watched."""
    with context.database.transaction() as session:
        agreement, case = _agreement_in_effect(session, case_id)
        if _review(session, agreement) is None:
            session.add(ArbitralReview(agreement_id=agreement.id, case_id=case.id))
            timeline.add(session, context, case, CaseEvent.REVIEW_PLANNED)
    return case_agreements(context, case_id)


@requires(CASEWORK)
def record_review_application(context: StationContext, case_id: uuid.UUID, applied_on: date | None) -> CaseAgreements:
    with context.database.transaction() as session:
        agreement, case = _agreement_in_effect(session, case_id)
        review = _planned_review(session, agreement)
        applied_on = past_date(applied_on, "applied_on", chinatime.today())
        assert agreement.effective_at is not None
        effective_on = chinatime.local_date(agreement.effective_at)
        last_day = effective_on + timedelta(days=ARBITRAL_REVIEW_DAYS)
        if not effective_on <= applied_on <= last_day:
            raise refusal(
                "applied_on",
                QT_TRANSLATE_NOOP("Domain", "The application must be made between {first} and {last} (R9)."),
                first=effective_on.isoformat(),
                last=last_day.isoformat(),
            )
        review.applied_on = applied_on
        timeline.add(session, context, case, CaseEvent.REVIEW_APPLIED, applied_on.isoformat())
    return case_agreements(context, case_id)


@requires(CASEWORK)
def record_review_returned(
    context: StationContext, case_id: uuid.UUID, returned_on: date | None, document: Path | None
) -> CaseAgreements:
    """The arbitration committee's mediation document came back: store it with the case."""
    with context.database.transaction() as session:
        agreement, case = _agreement_in_effect(session, case_id)
        review = _planned_review(session, agreement)
        if review.applied_on is None:
            raise refusal("returned_on", QT_TRANSLATE_NOOP("Domain", "Record the application first."))
        returned_on = past_date(returned_on, "returned_on", chinatime.today())
        if returned_on < review.applied_on:
            raise refusal(
                "returned_on",
                QT_TRANSLATE_NOOP("Domain", "The document cannot come back before the application of {applied}."),
                applied=review.applied_on.isoformat(),
            )
        if document is None:
            raise refusal("file", QT_TRANSLATE_NOOP("Domain", "Choose the scanned arbitral mediation document."))
        filename, data = attachments.read_file(document)
        attachments.add(session, context, case, AttachmentKind.ARBITRAL_DOCUMENT, filename, data, review.id)
        review.returned_on = returned_on
        timeline.add(session, context, case, CaseEvent.REVIEW_RETURNED, returned_on.isoformat())
    return case_agreements(context, case_id)


def _review(session: Session, agreement: Agreement) -> ArbitralReview | None:
    return session.scalar(
        select(ArbitralReview).where(ArbitralReview.agreement_id == agreement.id, ArbitralReview.deleted_at.is_(None))
    )


def _planned_review(session: Session, agreement: Agreement) -> ArbitralReview:
    review = _review(session, agreement)
    if review is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "Record first that the parties intend to apply.")))
    return review
