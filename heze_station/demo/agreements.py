"""The demo's agreements: every demo case that ends in agreement gets real terms, signatures and payments.

A generated step "agreement reached" becomes what a coordinator does for it: terms drafted from the claims (one
payment, or three instalments for larger sums), the workers or their representatives, the employer's handler and
a mediator signing, the seal, the agreement taking effect, then payments as they fall due. A case that was closed
had everything paid by then; one still in performance has paid what was due, except that about one in six missed
its latest instalment, so the workbench shows defaults as a real station's does.
"""

import random
import uuid
from datetime import date, datetime, time, timedelta

from ..domain import chinatime
from ..domain.agreements import DEFAULT_CLAUSE, PayerRole, PaymentMethod, SignerRole
from ..domain.cases import Category
from ..domain.parties import RespondentRole
from ..services import agreements, case_queries, payments
from ..services.access import CASEWORK, requires
from ..services.agreements import AgreementForm, InstalmentEntry, ShareEntry
from ..services.station import StationContext

MISSED_SHARE = 1 / 6
# Larger sums are usually paid in three parts over two months; small ones at once or within a week.
INSTALMENTS_FROM_FEN = 20_000_00
_BANKS = (
    "中国农业银行菏泽分行",
    "中国工商银行菏泽分行",
    "中国建设银行菏泽分行",
    "菏泽农村商业银行",
    "中国邮政储蓄银行菏泽市分行",
)
_MEDIATORS = ("李秀英", "王建国", "张志强", "刘春梅")
# The demo's "other" disputes are deposits kept after leaving (demo.py).
_OTHER_SUBJECT = "押金及服装费"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), chinatime.CHINA_TZ)


def _yuan(fen: int) -> str:
    yuan, rest = divmod(fen, 100)
    return f"{yuan}.{rest:02d}"


def _schedule(total: int, agreed_on: date, rng: random.Random) -> list[tuple[date, int]]:
    if total < INSTALMENTS_FROM_FEN or rng.random() < 0.5:
        return [(agreed_on + timedelta(days=rng.choice((0, 3, 7, 15))), total)]
    first = total // 3 // 100 * 100
    return [
        (agreed_on + timedelta(days=7), first),
        (agreed_on + timedelta(days=30), first),
        (agreed_on + timedelta(days=60), total - 2 * first),
    ]


@requires(CASEWORK)
def agree_and_perform(
    context: StationContext,
    case_id: uuid.UUID,
    at: datetime,
    closed_at: datetime | None,
    now: datetime,
    rng: random.Random,
) -> None:
    """Reach an agreement at ``at``; pay everything by ``closed_at``, or, still in performance, what fell due by
    ``now`` (now and then missing the latest instalment)."""
    detail = case_queries.case_detail(context, case_id)
    agreed_on = chinatime.local_date(at)
    by_bank = rng.random() < 0.85
    amounts = [claimant.claimed_fen or rng.randrange(2000, 30000) * 100 for claimant in detail.claimants]
    shares = [
        ShareEntry(
            claimant.person_id,
            _yuan(fen),
            rng.choice(_BANKS) if by_bank else "",
            f"6228{rng.randrange(10**14, 10**15)}" if by_bank else "",
        )
        for claimant, fen in zip(detail.claimants, amounts, strict=True)
    ]
    schedule = _schedule(sum(amounts), agreed_on, rng)
    contractor_named = any(r.role is RespondentRole.GENERAL_CONTRACTOR for r in detail.respondents)
    form = AgreementForm(
        agreed_on=agreed_on,
        payer_role=PayerRole.GENERAL_CONTRACTOR if contractor_named and rng.random() < 0.4 else PayerRole.RESPONDENT,
        payment_method=PaymentMethod.BANK_TRANSFER if by_bank else PaymentMethod.CASH,
        shares=shares,
        instalments=[InstalmentEntry(due, _yuan(fen)) for due, fen in schedule],
        waived_claims="申请人放弃其他请求。",
        default_clause=DEFAULT_CLAUSE,
        subject=_OTHER_SUBJECT if detail.category is Category.OTHER else "",
        # Treatment is most of a work-injury sum, the rest lost wages and one-off benefits.
        medical=_yuan(sum(amounts) * 6 // 1000 * 100) if detail.category is Category.WORK_INJURY else "",
    )
    draft = agreements.save_draft(context, case_id, form, now=at).draft
    assert draft is not None
    for claimant in detail.claimants:
        if not detail.is_collective:
            agreements.sign(context, draft.id, SignerRole.WORKER, person_id=claimant.person_id, now=at)
        elif claimant.representative:
            agreements.sign(context, draft.id, SignerRole.REPRESENTATIVE, person_id=claimant.person_id, now=at)
    handler = detail.respondents[0].legal_representative or "经办人"
    agreements.sign(context, draft.id, SignerRole.EMPLOYER_HANDLER, handler, now=at)
    if form.payer_role is PayerRole.GENERAL_CONTRACTOR:
        agreements.sign(context, draft.id, SignerRole.CONTRACTOR_HANDLER, "项目经理", now=at)
    agreements.sign(context, draft.id, SignerRole.MEDIATOR, rng.choice(_MEDIATORS), now=at)
    if draft.employer_seal_needed:
        agreements.record_employer_seal(context, draft.id, now=at)
    agreements.apply_seal(context, draft.id, now=at)
    agreements.take_effect(context, draft.id, now=at)

    last_day = chinatime.local_date(closed_at or now)
    paid = [(day, fen) for day, fen in schedule if closed_at or day < last_day]
    if not closed_at and paid and rng.random() < MISSED_SHARE:
        paid.pop()  # the latest instalment due was missed: the case is in default
    for day, fen in paid:
        paid_on = min(day, last_day)
        reference = f"转账{paid_on:%Y%m%d}{rng.randrange(1000, 9999)}" if by_bank else "申请人本人签收"
        # Recorded in the afternoon of the day paid, yet never before the agreement or after the case was closed.
        recorded_at = max(at, min(_at(paid_on, 16), closed_at or now, now))
        payments.record_payment(context, case_id, paid_on, _yuan(fen), form.payment_method, reference, now=recorded_at)
