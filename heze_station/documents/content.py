"""What goes on each printed document: frozen, plain data that the builders turn into PDF bytes.

The services fill these from the database; the builders never read it. Money is whole fen, dates are
``datetime.date`` (Beijing civil dates), moments are timezone-aware. Every field a builder needs is validated
by the builder itself (see ``validation``), so a document for a case that lacks something is refused with a
message that names what is missing, before any page is drawn.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from ..domain.cases import Category
from ..domain.identifiers import Sex
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.parties import EmployerKind
from ..domain.service import ServiceMethod


class DocumentKind(StrEnum):
    APPLICATION = "application"  # 调解申请书
    ORAL_APPLICATION = "oral_application"  # 口头申请笔录
    ACCEPTANCE = "acceptance"  # 受理通知书
    REFUSAL = "refusal"  # 不予受理通知书
    MINUTES = "minutes"  # 调解笔录
    AGREEMENT = "agreement"  # 调解协议书
    SERVICE_RECEIPT = "service_receipt"  # 送达回证
    TERMINATION = "termination"  # 终止调解通知书
    REFERRAL = "referral"  # 移送仲裁函
    PAYMENT_ORDER = "payment_order"  # 支付令申请书
    CONFIRMATION = "confirmation"  # 司法确认申请书

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DocumentKind.APPLICATION: QT_TRANSLATE_NOOP("Domain", "Mediation application"),
    DocumentKind.ORAL_APPLICATION: QT_TRANSLATE_NOOP("Domain", "Record of oral application"),
    DocumentKind.ACCEPTANCE: QT_TRANSLATE_NOOP("Domain", "Notice of acceptance"),
    DocumentKind.REFUSAL: QT_TRANSLATE_NOOP("Domain", "Notice of refusal"),
    DocumentKind.MINUTES: QT_TRANSLATE_NOOP("Domain", "Mediation minutes"),
    DocumentKind.AGREEMENT: QT_TRANSLATE_NOOP("Domain", "Mediation agreement"),
    DocumentKind.SERVICE_RECEIPT: QT_TRANSLATE_NOOP("Domain", "Proof of service"),
    DocumentKind.TERMINATION: QT_TRANSLATE_NOOP("Domain", "Notice of termination of mediation"),
    DocumentKind.REFERRAL: QT_TRANSLATE_NOOP("Domain", "Referral to arbitration"),
    DocumentKind.PAYMENT_ORDER: QT_TRANSLATE_NOOP("Domain", "Application for a payment order"),
    DocumentKind.CONFIRMATION: QT_TRANSLATE_NOOP("Domain", "Application for judicial confirmation"),
}


@dataclass(frozen=True)
class Station:
    """The mediation body that issues the document; its seal image is set by the station administrator."""

    name: str  # e.g. 菏泽市牡丹区万福街道菏谐驿站劳动争议调解委员会
    address: str = ""
    phone: str = ""
    seal_png: bytes | None = None  # None: the seal block is left empty for the physical seal


@dataclass(frozen=True)
class Header:
    """What every document carries: its own id (in the QR code), the case number, the station and the date."""

    document_id: uuid.UUID
    case_number: str  # e.g. 菏谐调字〔2026〕第0123号
    station: Station
    issued_on: date


@dataclass(frozen=True)
class Person:
    """A worker, an agent or a natural-person employer (包工头) as the documents describe them."""

    name: str
    id_number: str = ""
    sex: Sex | None = None
    ethnicity: str = ""  # 民族, e.g. 汉族
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    employer: str = ""  # 工作单位
    post: str = ""  # 工种或岗位
    service_address: str = ""  # 送达地址, where documents reach the worker when not at the home address


@dataclass(frozen=True)
class Organisation:
    """An employer or general contractor. A natural person (R14) has an ID number instead of a credit code."""

    name: str
    kind: EmployerKind = EmployerKind.COMPANY
    credit_code: str = ""
    id_number: str = ""  # natural persons only
    address: str = ""
    legal_representative: str = ""
    agent: str = ""  # 委托代理人 / 经办人
    phone: str = ""


class SignerRole(StrEnum):
    WORKER = "worker"
    AGENT = "agent"  # 特别授权委托代理人
    REPRESENTATIVE = "representative"  # elected representative of a collective (R3)
    EMPLOYER = "employer"  # the employer's handler, or the labour boss in person
    GENERAL_CONTRACTOR = "general_contractor"
    MEDIATOR = "mediator"
    RECORDER = "recorder"
    RECIPIENT = "recipient"  # 受送达人
    SERVER = "server"  # 送达人
    WITNESS = "witness"

    @property
    def label(self) -> str:
        return _SIGNER_ROLE_LABELS[self]


_SIGNER_ROLE_LABELS = {
    SignerRole.WORKER: QT_TRANSLATE_NOOP("Domain", "worker"),
    SignerRole.AGENT: QT_TRANSLATE_NOOP("Domain", "worker's authorised agent"),
    SignerRole.REPRESENTATIVE: QT_TRANSLATE_NOOP("Domain", "workers' representative"),
    SignerRole.EMPLOYER: QT_TRANSLATE_NOOP("Domain", "employer's handler"),
    SignerRole.GENERAL_CONTRACTOR: QT_TRANSLATE_NOOP("Domain", "general contractor's handler"),
    SignerRole.MEDIATOR: QT_TRANSLATE_NOOP("Domain", "mediator"),
    SignerRole.RECORDER: QT_TRANSLATE_NOOP("Domain", "recorder"),
    SignerRole.RECIPIENT: QT_TRANSLATE_NOOP("Domain", "recipient"),
    SignerRole.SERVER: QT_TRANSLATE_NOOP("Domain", "person serving the document"),
    SignerRole.WITNESS: QT_TRANSLATE_NOOP("Domain", "witness"),
}


@dataclass(frozen=True)
class Signer:
    """One signature on a document: captured on the signature pad, or left for pen (and thumbprint) on paper."""

    role: SignerRole
    name: str
    signature_png: bytes | None = None
    signed_at: datetime | None = None  # timezone-aware; when the signature was captured
    on_paper: bool = False  # signs the printed copy by hand; the box is left empty
    thumbprint: bool = False  # prefers a thumbprint: a box for it is printed beside the signature

    @property
    def has_signed(self) -> bool:
        return self.signature_png is not None or self.on_paper


@dataclass(frozen=True)
class Claim:
    text: str  # 请求事项, e.g. 支付2026年3月至5月工资
    amount_fen: int | None = None


@dataclass(frozen=True)
class Evidence:
    name: str
    source: str = ""  # 来源, e.g. 申请人提供
    pages: int | None = None


# --- 调解申请书 / 口头申请笔录 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OralRecord:
    """R1: an oral application is written down on the spot and signed by the applicant."""

    recorded_at: datetime | date  # when it was taken; only the day when it was registered on a later day
    place: str
    receiver: str  # 接待人
    recorder: str  # 记录人


@dataclass(frozen=True)
class ApplicationContent:
    header: Header
    applicants: tuple[Person, ...]  # one worker, or the representatives of a collective
    respondents: tuple[Organisation, ...]
    claims: tuple[Claim, ...]
    facts: str
    signers: tuple[Signer, ...]  # the applicants (or their agent)
    evidence: tuple[Evidence, ...] = ()
    workers_in_collective: int = 0  # 0 for an individual dispute
    oral: OralRecord | None = None  # set: 口头申请笔录; None: 调解申请书
    # A written application: the day the station received it and who took it in (an oral record names its own).
    received_on: date | None = None
    received_by: str = ""
    agent: Person | None = None  # the worker's specially authorised agent
    agent_authority: str = ""  # what the special authorisation covers, as the letter of authority says


# --- 受理通知书 / 不予受理通知书 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RightsNotice:
    """Where the parties may go instead and how long they have (LDMAL 14, 27)."""

    arbitration_body: str  # e.g. 菏泽市劳动人事争议仲裁委员会
    arbitration_address: str = ""
    limitation_note: str = ""  # extra wording on the limitation; the statutory sentence is always printed


@dataclass(frozen=True)
class DecisionContent:
    """受理通知书 (accepted=True) or 不予受理通知书 (accepted=False, with reasons)."""

    header: Header
    addressee: str  # the applicant (or the first representative and others)
    dispute: str  # e.g. 你（你们）与某某公司劳动报酬争议
    received_on: date
    accepted: bool
    rights: RightsNotice
    reasons: str = ""  # required for a refusal (R2)
    mediation_days: int = 15
    # The day the station decided: printed in the body, for the notice's own date is the day it was printed (a
    # reprint weeks later must not make a timely acceptance look late, R2).
    decided_on: date | None = None


# --- 调解笔录 ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attendee:
    role: str  # 申请人 / 被申请人 / 委托代理人 / 第三人, as it should read
    name: str
    detail: str = ""  # e.g. 身份证号码 or 职务


@dataclass(frozen=True)
class MinuteEntry:
    speaker: str  # 调解员 / 申请人 / 被申请人 (or the person's name)
    text: str


@dataclass(frozen=True)
class MinutesContent:
    header: Header
    started_at: datetime
    ended_at: datetime
    place: str
    mediators: tuple[str, ...]
    recorder: str
    attendees: tuple[Attendee, ...]
    entries: tuple[MinuteEntry, ...]
    outcome: str
    # Everyone who reads and signs every page: "以上笔录我已看过，与我所说一致".
    page_signers: tuple[Signer, ...]
    identity_checked: bool = True
    rights_notified: bool = True


# --- 调解协议书 --------------------------------------------------------------------------------------------


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"

    @property
    def wording(self) -> str:
        # The law (条例) requires wages in money to the worker in person, never in kind.
        if self is PaymentMethod.BANK_TRANSFER:
            return "银行转账，汇入劳动者本人名下的银行账户"
        return "现金，当面支付给劳动者本人并由本人签收"


@dataclass(frozen=True)
class WorkerAmount:
    """One worker's share: printed in the roster with figures, capitals and a signature."""

    worker: Person
    amount_fen: int
    signature_png: bytes | None = None


@dataclass(frozen=True)
class Instalment:
    due_on: date
    amount_fen: int


@dataclass(frozen=True)
class AgreementContent:
    header: Header
    workers: tuple[WorkerAmount, ...]
    employer: Organisation
    claims: tuple[Claim, ...]
    facts: str  # 争议事实 as agreed
    terms: tuple[str, ...]  # further terms in the parties' own words
    instalments: tuple[Instalment, ...]
    payment_method: PaymentMethod
    signers: tuple[Signer, ...]
    representatives: tuple[Person, ...] = ()  # a collective's elected representatives, in full detail
    agent: Person | None = None  # the worker's specially authorised agent
    agent_authority: str = ""
    # R14: on a construction project the general contractor pays first when the subcontractor owes wages.
    general_contractor: Organisation | None = None
    project: str = ""
    # What the dispute is about, which words its dispute sentence, claim line and first term (documents.disputes).
    category: Category = Category.WAGES
    subject: str = ""  # "other" disputes: what is paid, e.g. 未休年休假工资
    medical_fen: int | None = None  # work injury: the part of the sum that is 工伤医疗费 (LDMAL 16)
    waived_claims: str = ""  # claims the workers give up, in writing
    # R8: what happens when a party does not perform; the default wording names arbitration and the payment order.
    default_clause: str = ""
    originals: int = 3  # O17 27: one for each party and one for the file [check]
    # R7: a company employer seals the agreement (用人单位盖章) besides its handler's signature; a labour boss signs.
    employer_sealed: bool = False
    # An amended agreement (a change is a new agreement under the case's number): the day the one it replaces was
    # made, which it says it replaces, so that two signed agreements of one number cannot both be held to.
    replaces_agreed_on: date | None = None
    replaced_paid_fen: int = 0  # what was paid under the agreement it replaces: it stands, and is not owed again


# --- 送达回证 ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServedDocument:
    title: str  # e.g. 调解协议书
    number: str = ""  # its number, if it has one
    copies: int = 1


@dataclass(frozen=True)
class ServiceReceiptContent:
    header: Header
    documents: tuple[ServedDocument, ...]
    recipient: str
    address: str  # where it was served: never the station's own address in its place
    method: ServiceMethod
    server: Signer  # 送达人
    recipient_signer: Signer | None = None  # the recipient, family member or agent who signs; None when refused
    served_on: date | None = None
    proxy_name: str = ""  # the family member or agent who took it (代收人)
    proxy_relation: str = ""  # the family member's relation to the recipient, e.g. 妻子
    witnesses: tuple[Signer, ...] = ()  # of a refusal (留置送达)
    refusal_reason: str = ""  # what happened when it was refused
    tracking_number: str = ""  # of a posted document
    remarks: str = ""


# --- 终止调解通知书 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TerminationContent:
    header: Header
    addressees: tuple[str, ...]  # both parties
    dispute: str
    received_on: date  # the application reached the station (the 15 days run from it, R4)
    reason: str  # why mediation ends (R10): no agreement in 15 days, refusal, withdrawal, ...
    rights: RightsNotice
    signers: tuple[Signer, ...]  # the parties, where present, and the mediator
    accepted_on: date | None = None  # the station decided to accept it
    ended_on: date | None = None  # the station decided to end mediation (printed apart from the notice's date)
    # The 15 days ran out without an agreement: the notice cites LDMAL 14. Mediation that failed or was withdrawn
    # sooner ends on its own reason; that article does not apply to it.
    time_ran_out: bool = True


# --- 移送仲裁函 --------------------------------------------------------------------------------------------


class ReferralReason(StrEnum):
    NO_AGREEMENT = "no_agreement"  # 15 days passed without agreement (LDMAL 14)
    FAILED = "failed"  # mediation failed before the 15 days were out (LDMAL 5: 调解不成)
    REFUSED = "refused"  # a party refused mediation (LDMAL 5: 不愿调解)
    NOT_PERFORMED = "not_performed"  # an agreement in effect was not performed (LDMAL 15)

    @property
    def wording(self) -> str:
        return {
            ReferralReason.NO_AGREEMENT: "自本调解组织收到调解申请之日起十五日内未达成调解协议",
            ReferralReason.FAILED: "调解不成",
            ReferralReason.REFUSED: "一方当事人拒绝调解",
            ReferralReason.NOT_PERFORMED: "调解协议生效后，一方当事人在约定期限内不履行",
        }[self]

    @property
    def article(self) -> str:
        """The article of the Labour Dispute Mediation and Arbitration Law that opens arbitration for this reason:
        14 when 15 days passed without agreement, 15 when an agreement was not performed, 5 when a party would not
        mediate or mediation failed sooner."""
        return {
            ReferralReason.NO_AGREEMENT: "第十四条",
            ReferralReason.FAILED: "第五条",
            ReferralReason.REFUSED: "第五条",
            ReferralReason.NOT_PERFORMED: "第十五条",
        }[self]

    @property
    def mediation_ended(self) -> bool:
        """Mediation was held and ended without an agreement: the letter says the day it ended."""
        return self in (ReferralReason.NO_AGREEMENT, ReferralReason.FAILED)


@dataclass(frozen=True)
class AgreementReference:
    """The agreement a referral for non-performance rests on."""

    number: str
    signed_on: date
    total_fen: int
    unpaid_fen: int


@dataclass(frozen=True)
class Witness:
    """R11 (LDMAL 28): a witness by name and address, and what they can speak to."""

    name: str
    address: str = ""
    testimony: str = ""


@dataclass(frozen=True)
class ReferralContent:
    header: Header
    arbitration_body: str
    applicants: tuple[Person, ...]
    respondents: tuple[Organisation, ...]
    claims: tuple[Claim, ...]
    facts: str
    reason: ReferralReason
    received_on: date  # the application reached the station
    mediator: Signer
    workers_in_collective: int = 0
    agreement: AgreementReference | None = None  # required when the reason is non-performance
    enclosures: tuple[ServedDocument, ...] = field(default_factory=tuple)
    accepted_on: date | None = None  # the station accepted it (R2); printed apart from the day received
    ended_on: date | None = None  # mediation ended without an agreement (not for non-performance)
    agent: Person | None = None  # the worker's specially authorised agent, who goes on to arbitration with them
    agent_authority: str = ""
    evidence: tuple[Evidence, ...] = ()
    witnesses: tuple[Witness, ...] = ()


# --- 支付令申请书 / 司法确认申请书 -------------------------------------------------------------------------


@dataclass(frozen=True)
class CourtApplicationContent:
    """An application to the basic-level court about an agreement in effect: a payment order against the payer who
    did not perform (R8, LDMAL 16), or the parties' joint application to confirm it (R9, ``joint=True``)."""

    header: Header
    court: str  # e.g. 菏泽市牡丹区人民法院
    applicants: tuple[Person, ...]  # the worker, or a collective's representatives
    respondents: tuple[Organisation, ...]  # the employer, and a general contractor paying first; joint: the employer
    agreement: AgreementReference
    mediation_body: str  # the committee under which the agreement was reached
    signers: tuple[Signer, ...]
    enclosures: tuple[ServedDocument, ...]
    joint: bool = False
    missed: tuple[Instalment, ...] = ()  # the instalments unpaid when due (payment order)
    workers_in_collective: int = 0
    # A work-injury agreement: the order asks only for the medical costs (agreement.unpaid_fen is capped to them).
    medical_only: bool = False
