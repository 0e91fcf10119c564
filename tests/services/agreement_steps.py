"""Steps shared by the mediation and agreement tests: a case in mediation, a session, terms, every signature."""

import uuid
from datetime import date, datetime, timedelta

from heze_station.domain import chinatime
from heze_station.domain.agreements import DEFAULT_CLAUSE, PayerRole, PaymentMethod, SignerRole
from heze_station.domain.cases import CaseAction
from heze_station.domain.mediation import PlaceKind
from heze_station.services import agreements, case_actions, case_queries
from heze_station.services.agreements import AgreementForm, CaseAgreements, InstalmentEntry, ShareEntry
from heze_station.services.intake import IntakeForm
from heze_station.services.mediation import SessionForm
from heze_station.services.station import StationContext
from tests.factories import at, register

BANK = "中国农业银行菏泽牡丹支行"


def mediating(context: StationContext, form: IntakeForm, on: date | None) -> uuid.UUID:
    """Register, accept and start mediating, on the morning of ``on`` (or right now)."""
    case_id = register(context, form, on=on)
    case_actions.perform(context, case_id, CaseAction.ACCEPT, now=at(on) if on else None)
    case_actions.perform(context, case_id, CaseAction.START_MEDIATION, now=at(on, 11) if on else None)
    return case_id


def session_form(**changes: object) -> SessionForm:
    """A session at the station with every formality done; ``changes`` override single fields."""
    form = SessionForm(
        held_at=chinatime.now(),
        place_kind=PlaceKind.STATION,
        place="牡丹区劳动关系服务站",
        mediators="李调解",
        recorder="赵书记员",
        worker_side="申请人工人0",
        employer_side="被申请人委托代理人王经理",
        identity_checked=True,
        rights_notified=True,
    )
    for name, value in changes.items():
        setattr(form, name, value)
    return form


def claimant_ids(context: StationContext, case_id: uuid.UUID) -> list[uuid.UUID]:
    return [claimant.person_id for claimant in case_queries.case_detail(context, case_id).claimants]


def terms(
    context: StationContext,
    case_id: uuid.UUID,
    agreed_on: date,
    instalments: list[tuple[date, str]],
    *,
    amount_each: str,
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
    payer: PayerRole = PayerRole.RESPONDENT,
) -> AgreementForm:
    return AgreementForm(
        agreed_on=agreed_on,
        payer_role=payer,
        payment_method=method,
        shares=[
            ShareEntry(person_id, amount_each, BANK, f"62284812{index:011d}")
            for index, person_id in enumerate(claimant_ids(context, case_id))
        ],
        instalments=[InstalmentEntry(due, amount) for due, amount in instalments],
        waived_claims="申请人放弃其他仲裁请求。",
        default_clause=DEFAULT_CLAUSE,
    )


def sign_everything(context: StationContext, agreement_id: uuid.UUID, case_id: uuid.UUID, now: datetime) -> None:
    """Every signature R7 asks for, and the seal: the workers (or their representatives), handler and mediator."""
    detail = case_queries.case_detail(context, case_id)
    for claimant in detail.claimants:
        if not detail.is_collective:
            agreements.sign(context, agreement_id, SignerRole.WORKER, person_id=claimant.person_id, now=now)
        elif claimant.representative:
            agreements.sign(context, agreement_id, SignerRole.REPRESENTATIVE, person_id=claimant.person_id, now=now)
    agreements.sign(context, agreement_id, SignerRole.EMPLOYER_HANDLER, "王经理", now=now)
    if agreements.case_agreements(context, case_id).draft.payer_role is PayerRole.GENERAL_CONTRACTOR:
        agreements.sign(context, agreement_id, SignerRole.CONTRACTOR_HANDLER, "刘项目经理", now=now)
    agreements.sign(context, agreement_id, SignerRole.MEDIATOR, "李调解", now=now)
    if agreements.case_agreements(context, case_id).draft.employer_seal_needed:
        agreements.record_employer_seal(context, agreement_id, now=now)
    agreements.apply_seal(context, agreement_id, now=now)


def agree(context: StationContext, case_id: uuid.UUID, form: AgreementForm, now: datetime) -> CaseAgreements:
    draft = agreements.save_draft(context, case_id, form, now=now).draft
    assert draft is not None
    sign_everything(context, draft.id, case_id, now)
    return agreements.take_effect(context, draft.id, now=now)


def period_end(station: StationContext, start: date, days: int) -> date:
    """The last day of a period of ``days`` calendar days from ``start``: a last day at rest runs on to a working
    day (the tests run on any day of the year)."""
    return station.calendar.statutory_end(start + timedelta(days=days))
