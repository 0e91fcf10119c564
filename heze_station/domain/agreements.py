"""Mediation agreements (调解协议书): who pays whom, how much, when, and what makes the agreement take effect.

An agreement is a set of structured terms rather than free text, so that the instalments can be tracked, the
printed document can show every amount in figures and capitals, and a change can only be made by a new,
superseding agreement (the one in effect is never edited).
"""

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import InvalidInput, ValidationFailed, refusal
from .identifiers import folded
from .messages import QT_TRANSLATE_NOOP, Message
from .money import format_yuan

# O17 art. 27 [check]: "usually three originals" (each party and the mediation body); the form lets it change.
DEFAULT_ORIGINALS = 3
MAX_ORIGINALS = 10
MAX_INSTALMENTS = 24
ORIGINALS_TOO_FEW = QT_TRANSLATE_NOOP(
    "Domain", "Each party and the mediation body keep an original: the agreement needs at least {count}."
)
TERMS_MAX = 2000

# The default clause names the next steps the law gives when the payer does not pay (R8: LDMAL 15 and 16). It is
# the wording printed on the agreement, a legal text in Chinese whatever language the screens are in, so it is data
# (offered as the default, editable per agreement), not an interface string for translation.
DEFAULT_CLAUSE = (
    "付款方未按约定期限足额支付任何一期款项的，劳动者可以依法向劳动人事争议仲裁委员会申请仲裁"
    "（《中华人民共和国劳动争议调解仲裁法》第十五条）；就支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项，"
    "劳动者可以持本调解协议书依法向人民法院申请支付令（《中华人民共和国劳动争议调解仲裁法》第十六条）。"
)


def original_holders(*, contractor_pays: bool) -> tuple[str, ...]:
    """Who keeps an original of the agreement, as the agreement prints it: each party (the general contractor too
    when it pays first, R14) and, last, the mediation body, whose file keeps any further originals."""
    parties = ("申请人", "被申请人", "施工总承包单位") if contractor_pays else ("申请人", "被申请人")
    return (*parties, "调解组织")


class PayerRole(StrEnum):
    RESPONDENT = "respondent"
    # R14: on a construction project the general contractor pays first when a subcontractor or labour boss owes.
    GENERAL_CONTRACTOR = "general_contractor"

    @property
    def label(self) -> str:
        return _PAYER_LABELS[self]


_PAYER_LABELS = {
    PayerRole.RESPONDENT: QT_TRANSLATE_NOOP("Domain", "The respondent"),
    PayerRole.GENERAL_CONTRACTOR: QT_TRANSLATE_NOOP("Domain", "The general contractor (pays first)"),
}


class PaymentMethod(StrEnum):
    # Wages go to the worker personally, by transfer to an account in the worker's own name or in cash (条例).
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("Domain", "Bank transfer to the worker's own account"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Domain", "Cash"),
}


class SignerRole(StrEnum):
    WORKER = "worker"
    AGENT = "agent"  # specially authorised to sign for one worker
    REPRESENTATIVE = "representative"  # an elected representative of a collective case (R3)
    EMPLOYER_HANDLER = "employer_handler"
    CONTRACTOR_HANDLER = "contractor_handler"  # signs for the general contractor when it pays first (R14)
    MEDIATOR = "mediator"

    @property
    def label(self) -> str:
        return _SIGNER_LABELS[self]


_SIGNER_LABELS = {
    SignerRole.WORKER: QT_TRANSLATE_NOOP("Domain", "Worker"),
    SignerRole.AGENT: QT_TRANSLATE_NOOP("Domain", "Authorised agent"),
    SignerRole.REPRESENTATIVE: QT_TRANSLATE_NOOP("Domain", "Workers' representative"),
    SignerRole.EMPLOYER_HANDLER: QT_TRANSLATE_NOOP("Domain", "Employer's handler"),
    SignerRole.CONTRACTOR_HANDLER: QT_TRANSLATE_NOOP("Domain", "General contractor's handler"),
    SignerRole.MEDIATOR: QT_TRANSLATE_NOOP("Domain", "Mediator"),
}


WORKER_SIDE = frozenset({SignerRole.WORKER, SignerRole.AGENT, SignerRole.REPRESENTATIVE})


class AgreementState(StrEnum):
    DRAFT = "draft"
    IN_EFFECT = "in_effect"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    AgreementState.DRAFT: QT_TRANSLATE_NOOP("Domain", "Draft, not yet in effect"),
    AgreementState.IN_EFFECT: QT_TRANSLATE_NOOP("Domain", "In effect"),
    AgreementState.SUPERSEDED: QT_TRANSLATE_NOOP("Domain", "Superseded by a later agreement"),
}


@dataclass(frozen=True)
class Instalment:
    due_on: date
    amount_fen: int


def check_schedule(agreed_on: date, total_fen: int | None, instalments: Sequence[Instalment]) -> None:
    """The payment schedule: 1 to MAX_INSTALMENTS instalments, each due after the agreement date, adding up to the
    agreed total (unless it is None: not known while an amount is wrong). Raises ValidationFailed naming each wrong
    instalment (fields ``instalment.N``, counted from 1)."""
    if not instalments:
        raise ValidationFailed(
            [refusal("instalments", QT_TRANSLATE_NOOP("Domain", "Add at least one instalment: when and how much."))]
        )
    errors: list[InvalidInput] = []
    if len(instalments) > MAX_INSTALMENTS:
        errors.append(
            refusal(
                "instalments",
                QT_TRANSLATE_NOOP("Domain", "An agreement can have at most {maximum} instalments."),
                maximum=MAX_INSTALMENTS,
            )
        )
    for number, instalment in enumerate(instalments, start=1):
        # Paying on the day of signing is the walk-in case's usual ending, so the agreement date itself is allowed.
        if instalment.due_on < agreed_on:
            errors.append(
                refusal(
                    f"instalment.{number}",
                    QT_TRANSLATE_NOOP(
                        "Domain", "Instalment {number} is due on {due}, before the agreement date {agreed}."
                    ),
                    number=number,
                    due=instalment.due_on.isoformat(),
                    agreed=agreed_on.isoformat(),
                )
            )
        if number > 1 and instalment.due_on <= instalments[number - 2].due_on:
            errors.append(
                refusal(
                    f"instalment.{number}",
                    QT_TRANSLATE_NOOP("Domain", "Instalment {number} must fall due after instalment {previous}."),
                    number=number,
                    previous=number - 1,
                )
            )
    scheduled = sum(instalment.amount_fen for instalment in instalments)
    if total_fen is not None and scheduled != total_fen:
        errors.append(
            refusal(
                "instalments",
                QT_TRANSLATE_NOOP("Domain", "The instalments add up to {scheduled}, but the agreed total is {total}."),
                scheduled=format_yuan(scheduled),
                total=format_yuan(total_fen),
            )
        )
    if errors:
        raise ValidationFailed(errors)


@dataclass(frozen=True)
class Signer:
    role: SignerRole
    person_id: uuid.UUID | None  # the worker signed for (WORKER, AGENT, REPRESENTATIVE); None otherwise
    name: str


@dataclass(frozen=True)
class SignerSlot:
    """One signature the agreement needs, in the order the signers sign (the collect-signatures flow).

    ``name`` is who is expected to sign, prefilled where the file knows it (the worker, a company's legal
    representative, a labour boss himself); ``signed_by`` is who did sign (an agent signs for a worker under the
    agent's own name), or None while the signature is missing.
    """

    role: SignerRole
    person_id: uuid.UUID | None  # the worker signed for; None for the employer's side and the mediator
    name: str
    signed_by: str | None

    @property
    def signed(self) -> bool:
        return self.signed_by is not None


def signers_in_order(
    signers: Iterable[Signer],
    *,
    worker_names: dict[uuid.UUID, str],
    representative_ids: Iterable[uuid.UUID],
    is_collective: bool,
    contractor_pays: bool = False,
    employer_handler: str = "",
    contractor_handler: str = "",
) -> list[SignerSlot]:
    """Every signature R7 asks for, as ``missing_for_effect`` counts them, in signing order: the worker side
    (each worker, or the elected representatives of a collective case), the employer's handler, the general
    contractor's handler when it pays first, and a mediator (whose name the station fills in)."""
    signers = list(signers)
    worker_side = {s.person_id: s for s in signers if s.role in WORKER_SIDE}
    by_role = {s.role: s for s in signers if s.role not in WORKER_SIDE}
    who_must_sign = [p for p in worker_names if p in set(representative_ids)] if is_collective else list(worker_names)
    slots = [
        SignerSlot(
            SignerRole.REPRESENTATIVE if is_collective else SignerRole.WORKER,
            person_id,
            worker_names[person_id],
            worker_side[person_id].name if person_id in worker_side else None,
        )
        for person_id in who_must_sign
    ]
    others = [(SignerRole.EMPLOYER_HANDLER, employer_handler)]
    if contractor_pays:
        others.append((SignerRole.CONTRACTOR_HANDLER, contractor_handler))
    others.append((SignerRole.MEDIATOR, ""))
    for role, name in others:
        signed = by_role.get(role)
        slots.append(SignerSlot(role, None, name, signed.name if signed else None))
    return slots


def workers_changed_since_draft(shared: dict[uuid.UUID, str], worker_names: dict[uuid.UUID, str]) -> list[Message]:
    """A draft names the workers the case had when it was saved (``shared``: person to name). A worker who joined
    or left the case since would be left out of the agreement, or bound by it: the draft must be saved again,
    which takes the case's workers as they are now."""
    joined = [name for person_id, name in worker_names.items() if person_id not in shared]
    left = [name for person_id, name in shared.items() if person_id not in worker_names]
    return [
        *(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "{name} joined the case after this draft was saved: edit the draft and save it again."
                ),
                {"name": name},
            )
            for name in joined
        ),
        *(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "{name} has left the case but is still in this draft: edit the draft and save it again."
                ),
                {"name": name},
            )
            for name in left
        ),
    ]


def missing_for_effect(
    signers: Iterable[Signer],
    *,
    worker_names: dict[uuid.UUID, str],
    representative_ids: Iterable[uuid.UUID],
    is_collective: bool,
    seal_applied: bool,
    contractor_pays: bool = False,
    employer_seal_missing: bool = False,
) -> list[Message]:
    """What the agreement still lacks before it takes effect (R7), one message per missing signature or seal.

    The worker side signs in person or through a specially authorised agent; in a collective case the elected
    representatives sign for everyone. The employer's handler and a mediator sign, and the station's seal is applied.
    When the general contractor pays first, its handler signs too: it takes on the debt. A company employer also
    applies its own seal (``employer_seal_missing`` until it is recorded); a natural-person employer has none.
    """
    signers = list(signers)
    signed_for = {s.person_id for s in signers if s.role in WORKER_SIDE}
    who_must_sign = list(representative_ids) if is_collective else list(worker_names)
    missing = [
        Message(
            QT_TRANSLATE_NOOP("Domain", "{name} has not signed (in person or through an authorised agent)."),
            {"name": worker_names.get(person_id, "")},
        )
        for person_id in who_must_sign
        if person_id not in signed_for
    ]
    roles = {s.role for s in signers}
    if SignerRole.EMPLOYER_HANDLER not in roles:
        missing.append(Message(QT_TRANSLATE_NOOP("Domain", "The employer's handler has not signed.")))
    if employer_seal_missing:
        missing.append(Message(QT_TRANSLATE_NOOP("Domain", "The employer's own seal has not been recorded.")))
    if contractor_pays and SignerRole.CONTRACTOR_HANDLER not in roles:
        missing.append(Message(QT_TRANSLATE_NOOP("Domain", "The general contractor's handler has not signed.")))
    if SignerRole.MEDIATOR not in roles:
        missing.append(Message(QT_TRANSLATE_NOOP("Domain", "No mediator has signed.")))
    if not seal_applied:
        missing.append(Message(QT_TRANSLATE_NOOP("Domain", "The station's seal has not been applied.")))
    return missing


def normalise_account_number(text: str, *, field: str) -> str:
    """A bank card or account number as typed ('6222 0216 0000 1234 567'): digits only, 10 to 30 of them.

    Chinese bank account numbers have no common checksum (card numbers mostly pass Luhn, passbook accounts do
    not), so only the shape is checked; the payee's name on the account is what the coordinator confirms.
    """
    digits = re.sub(r"[\s-]", "", folded(text))  # typed in groups of four, by spaces or dashes
    if not digits:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Enter the worker's bank account number."))
    if not digits.isascii() or not digits.isdigit() or not 10 <= len(digits) <= 30:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A bank account number has 10 to 30 digits."))
    return digits
