"""Correcting a registered case: what may be corrected, what an agreement in effect locks, and how each correction
reads on the timeline.

A correction fixes what was written down wrongly at intake (a name, an ID number, a phone, an amount, the facts),
always with a reason; the timeline keeps the old and the new value, and the audit trail who made it.

What an agreement in effect locks: the agreement was made on the claims and for the workers the case names when
it took effect. From then on the amounts claimed and who the workers are (adding or removing one) are fixed: a
change of what is owed, or to whom, is a superseding agreement the parties sign again (services.agreements).
Names, ID numbers, contact details, addresses and the facts stay correctable with a reason: fixing a typo in them
changes nothing that was agreed, and documents already issued stay exactly as issued. A voided case takes no
corrections at all.

The timeline syncs to the city and is read by everyone who opens the case, so a phone or an ID number shows there
masked, old and new alike (domain.personal); the full value is only in the party's record.
"""

import json
from enum import StrEnum

from .cases import CaseEvent
from .messages import QT_TRANSLATE_NOOP, Message
from .personal import PersonalField, masked

SHOWN_MAX = 80  # characters of an old or new value the timeline keeps (the facts run to pages)


class Party(StrEnum):
    """Whose record a correction changes."""

    WORKER = "worker"
    EMPLOYER = "employer"  # any respondent: the employer or labour boss, or the general contractor
    AGENT = "agent"
    CASE = "case"


class CorrectionField(StrEnum):
    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ETHNICITY = "ethnicity"
    ADDRESS = "address"
    POST = "post"
    SERVICE_ADDRESS = "service_address"
    CLAIMED = "claimed"
    BANK = "bank"
    ACCOUNT_NUMBER = "account_number"
    CREDIT_CODE = "credit_code"
    LEGAL_REPRESENTATIVE = "legal_representative"
    AUTHORITY = "authority"
    FACTS = "facts"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]

    @property
    def personal(self) -> PersonalField | None:
        """The kind of personal data the field holds: masked wherever the correction is shown."""
        return {
            CorrectionField.ID_NUMBER: PersonalField.ID_NUMBER,
            CorrectionField.PHONE: PersonalField.PHONE,
            CorrectionField.ACCOUNT_NUMBER: PersonalField.BANK_ACCOUNT,
        }.get(self)

    @property
    def locked_by_agreement(self) -> bool:
        """Fixed once an agreement has taken effect: changed only by a superseding agreement. The agreement printed
        what each worker is owed and the account it is paid into; the intake's account only prefilled it."""
        return self in (CorrectionField.CLAIMED, CorrectionField.BANK, CorrectionField.ACCOUNT_NUMBER)


_FIELD_LABELS = {
    CorrectionField.NAME: QT_TRANSLATE_NOOP("Domain", "Name"),
    CorrectionField.ID_NUMBER: QT_TRANSLATE_NOOP("Domain", "ID number"),
    CorrectionField.PHONE: QT_TRANSLATE_NOOP("Domain", "Phone number"),  # "Phone" is the intake channel
    CorrectionField.ETHNICITY: QT_TRANSLATE_NOOP("Domain", "Ethnicity"),
    CorrectionField.ADDRESS: QT_TRANSLATE_NOOP("Domain", "Address"),
    CorrectionField.POST: QT_TRANSLATE_NOOP("Domain", "Post held"),
    CorrectionField.SERVICE_ADDRESS: QT_TRANSLATE_NOOP("Domain", "Address for service"),
    CorrectionField.CLAIMED: QT_TRANSLATE_NOOP("Domain", "Amount claimed"),
    CorrectionField.BANK: QT_TRANSLATE_NOOP("Domain", "Bank"),
    CorrectionField.ACCOUNT_NUMBER: QT_TRANSLATE_NOOP("Domain", "Bank account"),
    CorrectionField.CREDIT_CODE: QT_TRANSLATE_NOOP("Domain", "Credit code"),
    CorrectionField.LEGAL_REPRESENTATIVE: QT_TRANSLATE_NOOP("Domain", "Legal representative"),
    CorrectionField.AUTHORITY: QT_TRANSLATE_NOOP("Domain", "Scope of the authorisation"),
    CorrectionField.FACTS: QT_TRANSLATE_NOOP("Domain", "Facts and reasons"),
}

F = CorrectionField
FIELDS: dict[Party, tuple[CorrectionField, ...]] = {
    Party.WORKER: (
        *(F.NAME, F.ID_NUMBER, F.PHONE, F.ETHNICITY, F.ADDRESS, F.POST, F.SERVICE_ADDRESS),
        *(F.CLAIMED, F.BANK, F.ACCOUNT_NUMBER),
    ),
    Party.EMPLOYER: (F.NAME, F.CREDIT_CODE, F.ID_NUMBER, F.LEGAL_REPRESENTATIVE, F.PHONE, F.ADDRESS),
    Party.AGENT: (F.NAME, F.ID_NUMBER, F.PHONE, F.AUTHORITY),
    Party.CASE: (F.FACTS,),
}


def shown(field: CorrectionField, text: str) -> str:
    """A value as the timeline keeps it: personal data masked, long text cut short."""
    text = text.strip()
    if field.personal is not None:
        return masked(field.personal, text)
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"


# Timeline kinds whose detail is one of the records below (JSON), read back in words by ``timeline_message``.
CASE_CORRECTED, WORKER_ADDED, WORKER_REMOVED = (
    CaseEvent.CASE_CORRECTED,
    CaseEvent.WORKER_ADDED,
    CaseEvent.WORKER_REMOVED,
)


def correction_detail(who: str, field: CorrectionField, old: str, new: str, reason: str) -> str:
    """The timeline detail of one correction; ``old`` and ``new`` as ``shown`` made them."""
    return json.dumps({"who": who, "field": field.value, "old": old, "new": new, "reason": reason}, ensure_ascii=False)


def worker_detail(who: str, reason: str) -> str:
    return json.dumps({"who": who, "reason": reason}, ensure_ascii=False)


_EMPTY = QT_TRANSLATE_NOOP("Domain", "(empty)")


def timeline_message(kind: str, detail: str) -> Message | None:
    """A correction's timeline entry in words, or None for an entry of another kind (shown as stored)."""
    if kind not in (CASE_CORRECTED, WORKER_ADDED, WORKER_REMOVED):
        return None
    try:
        record = json.loads(detail)
    except ValueError:
        return None
    if kind == WORKER_ADDED:
        return Message(QT_TRANSLATE_NOOP("Domain", "{who} joined the case. Reason: {reason}"), record)
    if kind == WORKER_REMOVED:
        return Message(QT_TRANSLATE_NOOP("Domain", "{who} left the case. Reason: {reason}"), record)
    values = {
        "who": record["who"],
        "field": CorrectionField(record["field"]),
        "old": record["old"] or _Empty(),
        "new": record["new"] or _Empty(),
        "reason": record["reason"],
    }
    if not record["who"]:  # the case's own facts
        return Message(
            QT_TRANSLATE_NOOP("Domain", "{field} corrected from “{old}” to “{new}”. Reason: {reason}"), values
        )
    return Message(
        QT_TRANSLATE_NOOP("Domain", "{who}: {field} corrected from “{old}” to “{new}”. Reason: {reason}"), values
    )


class _Empty:
    """An empty old or new value, said in the reader's language."""

    label = _EMPTY
