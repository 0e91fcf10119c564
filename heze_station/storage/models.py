"""The station's tables as typed SQLAlchemy 2 models.

Every syncable row has a UUIDv7 key made on the device, aware created/updated times, a ``deleted_at`` tombstone
instead of DELETE, and a ``version`` that SQLAlchemy bumps on every update (the base for later three-way merges).
Relationships load with ``lazy="raise"`` so that no query sneaks out of a service's unit of work.
"""

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, declared_attr, mapped_column, relationship

from ..domain.accounts import StaffRole
from ..domain.after_mediation import StepKind, StepOutcome
from ..domain.agreements import AgreementState, PayerRole, PaymentMethod, SignerRole
from ..domain.cases import CaseStatus, Category, Employment, IntakeChannel
from ..domain.clues import ClueStep
from ..domain.identifiers import Sex
from ..domain.ids import new_id
from ..domain.ledger import FollowUpKind
from ..domain.mediation import AttachmentKind, MinuteKind, PlaceKind
from ..domain.money import MAX_FEN
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.service import ServiceMethod
from ..domain.workcalendar import DayKind
from .types import BinaryUuid, DateAsDays, UtcDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(enum_type: type[enum.Enum]) -> Enum:
    """Store an enum by its value (readable in the file, stable across renames of the Python member)."""
    return Enum(
        enum_type,
        native_enum=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def wire(*, least: int | None = None, most: int | None = None, form: str | None = None) -> dict[str, object]:
    """A synced column's ``info``: the range or form its meaning gives it (sync/fields.FieldRule), to which the city
    server holds every device's pushes and a station every pull (storage/sync_schema.py writes it out)."""
    limits = {"least": least, "most": most, "form": form}
    return {"wire": {name: limit for name, limit in limits.items() if limit is not None}}


MONEY = wire(least=0, most=MAX_FEN)  # one sum, in fen (what the station lets anyone type), an agreement's total
MONEY_TOTAL = wire(least=0, most=MAX_FEN * 1_000)  # the sums of many: a collective's claims, a clue's recoveries
COUNT = wire(least=0, most=100_000)  # workers, originals
POSITION = wire(least=0, most=10_000)  # a row's place in its list
SEQUENCE = wire(least=1, most=999_999)  # a case's number in its year
YEAR = wire(least=1900, most=2999)  # the years a synced date may lie in (sync/fields)
FILE_SIZE = wire(least=0, most=2**40)
DIGEST = wire(form="sha256")
PUBLIC_KEY = wire(form="public_key")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {uuid.UUID: BinaryUuid}  # noqa: RUF012 (SQLAlchemy reads it from the class)


class SyncRow:
    """Columns every syncable row carries."""

    id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}


class Station(SyncRow, Base):
    __tablename__ = "station"

    name: Mapped[str] = mapped_column(String(100))
    # The word in this station's case numbers, e.g. 菏谐调字; city-assigned so numbers never collide across stations.
    case_word: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200), default="")
    # The names its documents carry: the committee that mediates (the station is its office) and the arbitration
    # committee a failed mediation is referred to (0008).
    mediation_committee: Mapped[str] = mapped_column(String(100), default="")
    arbitration_committee: Mapped[str] = mapped_column(String(100), default="")


class StaffUser(SyncRow, Base):
    __tablename__ = "staff_user"

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    name: Mapped[str] = mapped_column(String(50))
    # Not unique: two devices of a station may each have made the same login before they first synced (0006).
    login: Mapped[str] = mapped_column(String(50), index=True)
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    # The account's X25519 key pair: the public key, and the private key sealed with a key derived from the
    # password (Argon2id; storage.keys). Any open laptop of the station seals its database key to the public key,
    # so the account signs in there too (storage.keyslots). Empty for accounts of databases from before sign-in,
    # which cannot sign in until the administrator resets their password (0009).
    public_key: Mapped[str] = mapped_column(String(64), default="", info=PUBLIC_KEY)
    sealed_private_key: Mapped[str] = mapped_column(String(200), default="")
    # A disabled account cannot sign in; it stays, because the timeline names it.
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Person(SyncRow, Base):
    """A worker, representative or agent. Sex and birth date come from the ID number when there is one."""

    __tablename__ = "person"
    # Unique per device through the services; two offline devices may each register the same worker (F6, 0006).
    # Stored by id (0032): no second index of the ids.
    __table_args__ = (Index("ix_person_id_number", "id_number"), {"sqlite_with_rowid": False})

    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18))
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    birth_date: Mapped[date | None] = mapped_column(DateAsDays)
    phone: Mapped[str] = mapped_column(String(11), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")  # 民族, printed on the application (0013)


class Employer(SyncRow, Base):
    __tablename__ = "employer"
    __table_args__ = (
        Index("ix_employer_credit_code", "credit_code"),  # not unique: see Person
        Index("ix_employer_name", "name"),
    )

    kind: Mapped[EmployerKind] = mapped_column(enum_column(EmployerKind))
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    # Set only when a credit code that fails the GB 32100 checksum was kept on purpose (early pilot-region codes).
    credit_code_override_reason: Mapped[str | None] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(18))
    legal_representative: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # a mobile, or a landline: 0530-5123456


class Project(SyncRow, Base):
    """A construction project; its general contractor pays first when a subcontractor owes wages (R14)."""

    __tablename__ = "project"

    name: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    general_contractor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employer.id"))

    general_contractor: Mapped[Employer | None] = relationship(lazy="raise")


class Case(SyncRow, Base):
    __tablename__ = "case_file"
    __table_args__ = (
        # Partial, like every list query: the case list pages through it without touching deleted cases. The search
        # key beside the time lets a search with many matches test each case it walks past from the index alone,
        # reading (and, encrypted, decrypting) only the pages of the cases it shows.
        Index("ix_case_file_registered_at", "registered_at", "search_key", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_case_file_status_registered_at", "status", "registered_at"),
        # The live cases of a status (the workbench's agreements being performed) from this index alone, never
        # reading the cases' pages; how many stand in each status is kept in CaseStatusCount.
        Index("ix_case_file_live_status", "status", "id", sqlite_where=text("deleted_at IS NULL")),
        Index("uq_case_file_search_key", "search_key", unique=True),
        Index("ix_case_file_year_sequence", "year", "sequence"),  # the case list sorted by case number
        # A period's return (services.statistics): received in it; decided by its end and ended in or after it.
        Index("ix_case_file_received_on", "received_on"),
        Index("ix_case_file_ended_on_decided_on", "ended_on", "decided_on"),
        # The ledger (services.registry) counts the cases of every employer from this index alone, not their pages.
        Index("ix_case_file_ledger", "id", "deleted_at", "status", "received_on", "is_collective", "claimed_total_fen"),
    )

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    year: Mapped[int] = mapped_column(Integer, info=YEAR)
    sequence: Mapped[int] = mapped_column(Integer, info=SEQUENCE)
    # Numbered per device and station; a number made twice offline is a collision to show, not refuse (F6).
    number: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus), default=CaseStatus.REGISTERED)
    channel: Mapped[IntakeChannel] = mapped_column(enum_column(IntakeChannel))
    category: Mapped[Category] = mapped_column(enum_column(Category))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    registered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    # The 15-day mediation period runs from the day the application was received (R4), which may precede registration.
    received_on: Mapped[date] = mapped_column(DateAsDays)
    # When the worker knew of the infringement: the start of the 1-year limitation (R5). None until the worker says:
    # the day the application came in is no stand-in for it.
    knew_on: Mapped[date | None] = mapped_column(DateAsDays)
    # R5 (LDMAL 27): wage arrears are not time-barred while the employment continues; once it ended, a year from then.
    employment: Mapped[Employment] = mapped_column(enum_column(Employment), default=Employment.UNKNOWN)
    employment_ended_on: Mapped[date | None] = mapped_column(DateAsDays)
    # A suspension of the limitation (中止, force majeure): the period stands still from..to (to None: still stands).
    limitation_suspended_from: Mapped[date | None] = mapped_column(DateAsDays)
    limitation_suspended_to: Mapped[date | None] = mapped_column(DateAsDays)
    limitation_suspension_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(DateAsDays)
    mediation_started_on: Mapped[date | None] = mapped_column(DateAsDays)
    ended_on: Mapped[date | None] = mapped_column(DateAsDays)
    closed_on: Mapped[date | None] = mapped_column(DateAsDays)
    # The end state the case reached (agreement, refusal, ...), kept after it is closed: statistics count closed
    # cases by manner and result, and the clocks need to know whether a closed case was ever accepted.
    outcome: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="")
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"), index=True)
    is_collective: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised for the case list, which must page through 100,000 cases without joins.
    worker_count: Mapped[int] = mapped_column(Integer, default=0, info=COUNT)
    claimed_total_fen: Mapped[int] = mapped_column(Integer, default=0, info=MONEY_TOTAL)
    claimant_summary: Mapped[str] = mapped_column(String(100), default="")
    # The key of this case's entries in the search indexes (see storage.search).
    search_key: Mapped[int | None] = mapped_column(Integer)
    respondent_summary: Mapped[str] = mapped_column(String(200), default="")
    # The first respondent's kind, kept with the summary above (services.intake.refresh_listing) for the returns'
    # breakdown by kind of employer, which would otherwise join two tables per case. None: not known on this device
    # (a case that arrived by sync before its listing was refreshed here); services.statistics looks it up then.
    first_employer_kind: Mapped[EmployerKind | None] = mapped_column(enum_column(EmployerKind))
    # The search index's key is this device's own, and the kind above is worked out on each: neither syncs.
    local_columns = frozenset({"search_key", "first_employer_kind"})
    # R4: the mediation period may run past day 15 only to a date both parties agreed to (recorded on the timeline).
    mediation_extended_to: Mapped[date | None] = mapped_column(DateAsDays)
    # R2: the day the written notice of a refusal reached the applicant.
    notice_served_on: Mapped[date | None] = mapped_column(DateAsDays)
    # R5: the day the limitation period began to run again (mediation refused, failed, ran out or not performed).
    limitation_restarts_on: Mapped[date | None] = mapped_column(DateAsDays)

    claimants: Mapped[list["CaseClaimant"]] = relationship(lazy="raise", order_by="CaseClaimant.position")
    respondents: Mapped[list["CaseRespondent"]] = relationship(lazy="raise", order_by="CaseRespondent.position")
    evidence: Mapped[list["Evidence"]] = relationship(lazy="raise", order_by="Evidence.position")
    project: Mapped[Project | None] = relationship(lazy="raise")


class CaseClaimant(SyncRow, Base):
    # A worker is on a case once (intake sees to it); two offline laptops may each add the same one, and the
    # station stores both as the server does rather than stop (sync.md F6; no unique index, see 0007).
    __tablename__ = "case_claimant"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    claimed_fen: Mapped[int] = mapped_column(Integer, info=MONEY)
    is_representative: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the documents say about this worker on this case (0013): the post held at this employer, and where
    # documents reach the worker when that is not the home address.
    post: Mapped[str] = mapped_column(String(50), default="")
    service_address: Mapped[str] = mapped_column(String(200), default="")
    # Where the agreement will pay this worker, as given at intake (0020): it prefills the agreement's share.
    bank: Mapped[str] = mapped_column(String(50), default="")
    account_number: Mapped[str] = mapped_column(String(30), default="")
    # The specially authorised agent (特别授权委托代理人) and what the authorisation covers, as the letter says.
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    agent_authority: Mapped[str] = mapped_column(String(200), default="")
    # R1: an oral application counts as signed once the applicant's signature is captured: drawn on the pad, or
    # the scan of the signed paper record (the attachment either way).
    application_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    application_signature_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachment.id"))

    person: Mapped[Person] = relationship(lazy="raise", foreign_keys=[person_id])


class CaseRespondent(SyncRow, Base):
    __tablename__ = "case_respondent"  # no unique (case, employer) either: see CaseClaimant

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    employer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employer.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    role: Mapped[RespondentRole] = mapped_column(enum_column(RespondentRole))

    employer: Mapped[Employer] = relationship(lazy="raise")


class Evidence(SyncRow, Base):
    __tablename__ = "evidence"
    __table_args__ = ({"sqlite_with_rowid": False},)  # stored by id (0032): no second index of the ids

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    description: Mapped[str] = mapped_column(String(200))


class TimelineEvent(SyncRow, Base):
    """Append-only: who did what to a case, and when. Triggers refuse UPDATE and DELETE."""

    __tablename__ = "timeline_event"
    __table_args__ = (
        # A case's timeline is a handful of rows, sorted by time after they are found: the index keeps no copy of
        # every event's time. The workbench's recent activity, the one read in time order across cases, reads the
        # table's own order: stored by id (0032), and the ids made from the moment each entry records.
        Index("ix_timeline_event_case_id", "case_id"),
        {"sqlite_with_rowid": False},
    )

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[StaffUser] = relationship(lazy="raise")


class MediationSession(SyncRow, Base):
    """One sitting of the mediation: where, who, the formalities done, and when the parties signed the minutes."""

    __tablename__ = "mediation_session"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    held_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place_kind: Mapped[PlaceKind] = mapped_column(enum_column(PlaceKind))
    place: Mapped[str] = mapped_column(String(200))
    mediators: Mapped[str] = mapped_column(String(200))
    recorder: Mapped[str] = mapped_column(String(50))
    worker_side: Mapped[str] = mapped_column(String(500))  # who attended for the workers
    employer_side: Mapped[str] = mapped_column(String(500))
    identity_checked: Mapped[bool] = mapped_column(Boolean)
    rights_notified: Mapped[bool] = mapped_column(Boolean)  # the notice of rights and of recusal was read out
    recusal_note: Mapped[str] = mapped_column(String(500), default="")
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    # From this moment the minutes are closed: only corrections may be added (see domain.mediation).
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MinuteEntry(SyncRow, Base):
    """Append-only: one statement, proposal, outcome or correction in a session's minutes."""

    __tablename__ = "minute_entry"

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("mediation_session.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    kind: Mapped[MinuteKind] = mapped_column(enum_column(MinuteKind))
    speaker: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(Text)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("minute_entry.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class Attachment(SyncRow, Base):
    """A photo, scan, receipt or signature. The bytes live in the content-addressed store (storage.blobs), keyed by
    their SHA-256; the row says what they are and what they belong to."""

    __tablename__ = "attachment"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    # A session, payment, agreement or review.
    owner_id: Mapped[uuid.UUID | None] = mapped_column(BinaryUuid, index=True)
    kind: Mapped[AttachmentKind] = mapped_column(enum_column(AttachmentKind))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), info=DIGEST)
    size: Mapped[int] = mapped_column(Integer, info=FILE_SIZE)
    added_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))


class Agreement(SyncRow, Base):
    """A mediation agreement. Its terms are frozen by a trigger once it takes effect; a change is a new agreement
    that supersedes it."""

    __tablename__ = "agreement"
    __table_args__ = (Index("ix_agreement_case_id_state", "case_id", "state"),)

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreement.id"))
    state: Mapped[AgreementState] = mapped_column(enum_column(AgreementState), default=AgreementState.DRAFT)
    agreed_on: Mapped[date] = mapped_column(DateAsDays)
    payer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employer.id"))
    payer_role: Mapped[PayerRole] = mapped_column(enum_column(PayerRole))
    payment_method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    total_fen: Mapped[int] = mapped_column(Integer, info=MONEY)
    waived_claims: Mapped[str] = mapped_column(Text, default="")
    default_clause: Mapped[str] = mapped_column(Text)
    other_terms: Mapped[str] = mapped_column(Text, default="")
    # What the sum is for where the category does not say it (documents.disputes): an "other" dispute's subject,
    # and the part of a work-injury sum that is medical costs (only that part can go to court, LDMAL 16).
    subject: Mapped[str] = mapped_column(Text, default="")
    medical_fen: Mapped[int | None] = mapped_column(Integer, info=MONEY)
    originals: Mapped[int] = mapped_column(Integer, info=COUNT)
    drafted_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    seal_applied_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    effective_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The employer's own seal (用人单位盖章), required before a company employer is bound (R7); a labour boss signs.
    employer_sealed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    payer: Mapped[Employer] = relationship(lazy="raise")
    shares: Mapped[list["AgreementShare"]] = relationship(lazy="raise", order_by="AgreementShare.position")
    instalments: Mapped[list["AgreementInstalment"]] = relationship(
        lazy="raise", order_by="AgreementInstalment.position"
    )
    signatures: Mapped[list["AgreementSignature"]] = relationship(lazy="raise", order_by="AgreementSignature.signed_at")


class AgreementShare(SyncRow, Base):
    """What one worker receives under the agreement, and where the money goes (an account in the worker's name)."""

    __tablename__ = "agreement_share"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    amount_fen: Mapped[int] = mapped_column(Integer, info=MONEY)
    bank: Mapped[str] = mapped_column(String(50), default="")
    account_number: Mapped[str] = mapped_column(String(30), default="")

    person: Mapped[Person] = relationship(lazy="raise")


class AgreementInstalment(SyncRow, Base):
    __tablename__ = "agreement_instalment"
    __table_args__ = (Index("ix_agreement_instalment_due_on", "due_on"),)  # agreements due in a period

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, info=POSITION)
    due_on: Mapped[date] = mapped_column(DateAsDays)
    amount_fen: Mapped[int] = mapped_column(Integer, info=MONEY)


class AgreementSignature(SyncRow, Base):
    __tablename__ = "agreement_signature"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    role: Mapped[SignerRole] = mapped_column(enum_column(SignerRole))
    name: Mapped[str] = mapped_column(String(50))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))  # the worker signed for
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    image_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachment.id"))  # from the signature pad


class Payment(SyncRow, Base):
    """Append-only: money the payer handed over under an agreement. Instalments are filled in due order."""

    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_paid_on", "paid_on"),)  # money paid in a period

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    # The worker this part of a split payment went to; None for a payment to all the workers at once, which
    # counts against the instalments only (domain.performance spreads it over the shares).
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    paid_on: Mapped[date] = mapped_column(DateAsDays)
    amount_fen: Mapped[int] = mapped_column(Integer, info=MONEY)
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    reference: Mapped[str] = mapped_column(String(100), default="")  # transfer number, or who received the cash
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))


class ArbitralReview(SyncRow, Base):
    """R9: the parties' joint application for arbitral review of an agreement in effect, and what came back."""

    __tablename__ = "arbitral_review"

    # One per agreement (services.payments sees to it), not a unique index: two laptops may each record one.
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    applied_on: Mapped[date | None] = mapped_column(DateAsDays)
    returned_on: Mapped[date | None] = mapped_column(DateAsDays)  # the arbitral mediation document is an Attachment


class WageClue(SyncRow, Base):
    """A wage-arrears clue the city forwarded from the national platform to this station (reference data: the
    city writes it, the station only reads it; what the station does about it is a ClueRecord)."""

    __tablename__ = "wage_clue"

    platform_ref: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_on: Mapped[date | None] = mapped_column(DateAsDays)  # the city's deadline for an answer
    worker_name: Mapped[str] = mapped_column(String(50), default="")
    worker_phone: Mapped[str] = mapped_column(String(20), default="")
    employer_name: Mapped[str] = mapped_column(String(100), default="")
    project_name: Mapped[str] = mapped_column(String(100), default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer, info=MONEY_TOTAL)
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="")  # the platform's own word for it


class ClueRecord(SyncRow, Base):
    """What the station did about a clue: verified, employer contacted, the outcome, the call back to the worker."""

    __tablename__ = "clue_record"

    # One per clue (services.clues sees to it), not a unique index: two laptops may each start one offline.
    clue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("wage_clue.id"), index=True)
    step: Mapped[ClueStep] = mapped_column(enum_column(ClueStep), default=ClueStep.RECEIVED)
    verified_on: Mapped[date | None] = mapped_column(DateAsDays)
    contacted_on: Mapped[date | None] = mapped_column(DateAsDays)
    closed_on: Mapped[date | None] = mapped_column(DateAsDays)
    recovered_fen: Mapped[int] = mapped_column(Integer, default=0, info=MONEY_TOTAL)
    workers_paid: Mapped[int] = mapped_column(Integer, default=0, info=COUNT)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"))
    note: Mapped[str] = mapped_column(Text, default="")  # what was found, or why it is not substantiated
    called_back_on: Mapped[date | None] = mapped_column(DateAsDays)
    callback_note: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))


class ServiceRecord(SyncRow, Base):
    """Append-only: one issued document served on one recipient (送达), as its proof of service (送达回证) says."""

    __tablename__ = "service_record"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("issued_document.id"))
    recipient: Mapped[str] = mapped_column(String(100))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))  # a worker served
    employer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employer.id"))  # or an employer
    address: Mapped[str] = mapped_column(String(200))
    method: Mapped[ServiceMethod] = mapped_column(enum_column(ServiceMethod))
    proxy_name: Mapped[str] = mapped_column(String(50), default="")  # the family member or agent who took it
    proxy_relation: Mapped[str] = mapped_column(String(50), default="")  # the family member's relation
    witnesses: Mapped[str] = mapped_column(String(200), default="")  # of a refusal (留置送达)
    tracking_number: Mapped[str] = mapped_column(String(50), default="")  # of a posted document
    served_on: Mapped[date] = mapped_column(DateAsDays)
    served_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))


class AfterMediationStep(SyncRow, Base):
    """A payment order, judicial confirmation, arbitration or labour inspection that follows the mediation, with
    the dates the court, committee or inspectorate reported back (domain.after_mediation)."""

    __tablename__ = "after_step"

    # One open step of a kind per case (services.after_mediation sees to it); not unique, as ArbitralReview.
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreement.id"))  # the agreement it enforces
    kind: Mapped[StepKind] = mapped_column(enum_column(StepKind))
    started_on: Mapped[date | None] = mapped_column(DateAsDays)
    accepted_on: Mapped[date | None] = mapped_column(DateAsDays)
    served_on: Mapped[date | None] = mapped_column(DateAsDays)
    extended_on: Mapped[date | None] = mapped_column(DateAsDays)
    ended_on: Mapped[date | None] = mapped_column(DateAsDays)
    outcome: Mapped[StepOutcome | None] = mapped_column(enum_column(StepOutcome))
    reference: Mapped[str] = mapped_column(String(100), default="")  # the ruling's, order's or award's number


class CaseWitness(SyncRow, Base):
    """R11 (LDMAL 28): a witness the referral to arbitration names, with an address and what they can speak to."""

    __tablename__ = "case_witness"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    address: Mapped[str] = mapped_column(String(200), default="")
    testimony: Mapped[str] = mapped_column(String(200), default="")


class LedgerFollowUp(SyncRow, Base):
    """Append-only: what the station did about an employer or a project on the ledger (台账), exactly one of them."""

    __tablename__ = "ledger_follow_up"

    employer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employer.id"), index=True)
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"), index=True)
    kind: Mapped[FollowUpKind] = mapped_column(enum_column(FollowUpKind))
    done_on: Mapped[date] = mapped_column(DateAsDays)
    note: Mapped[str] = mapped_column(Text, default="")
    # Who went or asked (a mediator, with the labour inspector perhaps); the account that recorded it besides.
    done_by: Mapped[str] = mapped_column(String(50))
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))


class IssuedDocument(SyncRow, Base):
    """A document the station printed or exported, exactly as issued: never changed, never silently rebuilt.

    The id is the document id printed in its QR code; the signed PDF's bytes are in the attachment store under
    ``pdf_sha256``, which is also what verification compares a presented file with.
    """

    __tablename__ = "issued_document"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # documents.content.DocumentKind (storage does not import it)
    pdf_sha256: Mapped[str] = mapped_column(String(64), info=DIGEST)
    content_sha256: Mapped[str] = mapped_column(String(64), info=DIGEST)
    verification_code: Mapped[str] = mapped_column(String(20), index=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    originals: Mapped[int] = mapped_column(Integer, info=COUNT)


class CalendarDay(Base):
    """An exception to the Monday-Friday week in the official calendar: a holiday or a make-up working day.

    Data, not code: seeded from chinese-calendar and replaceable by the city server when the State Council
    publishes next year's arrangement.
    """

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(DateAsDays, primary_key=True)
    kind: Mapped[DayKind] = mapped_column(enum_column(DayKind))
    source: Mapped[str] = mapped_column(String(40))


class CalendarYear(Base):
    """A year of the official calendar, and whether its arrangement is wholly known (seeded, or published by the
    city). Deadlines use a year's days only once it is complete: until then a date in it stays an estimate."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, info=YEAR)
    complete: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(40))


class CityCertificate(Base):
    """A root of the city's document-signing authority (reference data from the city): a document signed with a
    certificate it issued is genuine on every station. Copied to a file for ``heze-station verify`` (services.trust)."""

    __tablename__ = "city_certificate"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # the certificate's fingerprint
    pem: Mapped[str] = mapped_column(Text)


class RevokedCertificate(Base):
    """A revoked device's signing certificate (reference data from the city): what it signed from then on is refused."""

    __tablename__ = "revoked_certificate"

    serial: Mapped[str] = mapped_column(String(40), primary_key=True)  # lower-case hex
    revoked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OutboxOperation(Base):
    """A local change waiting to reach the city server, written by storage.outbox with the change itself."""

    __tablename__ = "outbox_operation"

    id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True)  # the operation id
    seq: Mapped[int] = mapped_column(Integer, unique=True)  # this device's sequence number, from 1, no gaps
    tx_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, index=True)
    table_name: Mapped[str] = mapped_column(String(63))
    row_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, index=True)
    kind: Mapped[str] = mapped_column(String(10))  # upsert | delete
    base_version: Mapped[int] = mapped_column(Integer)  # the server version last pulled; 0 for none
    fields: Mapped[str] = mapped_column(Text)  # JSON object of the changed fields, in their wire form
    hlc: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # JSON list of the conflict ids this change settles (a person's choice in the conflict view).
    resolves: Mapped[str] = mapped_column(Text, default="[]")
    # The server has answered for it. Kept until a later handshake shows the server still has it (F9).
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseDeadline(Base):
    """One running clock of an open case, as services.deadlines keeps it: its due date, and the days between which
    it can need attention, so the workbench reads by index the few cases whose day has come instead of computing
    the clocks of every open case. Derived from the case's rows and the calendar, never synced; rewritten in the
    transaction of every change that moves it."""

    __tablename__ = "case_deadline"
    __table_args__ = (Index("ix_case_deadline_attention_on", "attention_on", "attention_until", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    due_on: Mapped[date] = mapped_column(DateAsDays)
    attention_on: Mapped[date] = mapped_column(DateAsDays)
    attention_until: Mapped[date | None] = mapped_column(DateAsDays)
    label: Mapped[str] = mapped_column(String(80), server_default="")  # the clock's, as domain.clocks names it


class CaseStatusCount(Base):
    """How many live cases stand in each status, kept by triggers on case_file (migration 0030) whoever writes it:
    the workbench's counts and the case list's unfiltered total are read here instead of counting 100,000 cases.
    Derived, never synced."""

    __tablename__ = "case_status_count"

    status: Mapped[str] = mapped_column(String(32), primary_key=True)
    live: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Small device-wide facts (current station, current user, calendar coverage)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReplicaVersion(Base):
    """The server version of a row that this device last pulled: the base its next local change is made on.

    Kept apart from ``SyncRow.version`` (which every local edit bumps, for local optimistic locking) because the
    two diverge as soon as a device edits a row twice between syncs.
    """

    __tablename__ = "replica_version"

    row_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncConflict(Base):
    """A conflict the city server recorded for this station (sync.md 6), as pulled; a person settles it."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(63))
    row_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # field | delete_vs_edit | edit_vs_delete | duplicate
    field: Mapped[str | None] = mapped_column(String(63))
    server_value: Mapped[str] = mapped_column(Text)  # JSON
    client_value: Mapped[str] = mapped_column(Text)  # JSON
    client_device_id: Mapped[str | None] = mapped_column(String(40))
    client_hlc: Mapped[str | None] = mapped_column(String(60))
    # Kept for the record (nothing shows it yet): when the server took the other side of the conflict.
    server_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(10))  # open | resolving (chosen here, not yet pushed) | resolved
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncLogEntry(Base):
    """One line of the sync log a coordinator can read: what happened, stored as a message key and its values."""

    __tablename__ = "sync_log"

    id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON values for the message


class QuarantinedRow(Base):
    """A row pulled from the city server that this computer could not store (a value this program version does not
    know, a field it needs missing): kept as received with the reason, shown to a person, tried again after every
    sync, so that one bad row never stops the station (storage.replica)."""

    __tablename__ = "quarantined_row"

    row_id: Mapped[uuid.UUID] = mapped_column(BinaryUuid, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(63))
    version: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(Text)  # the pulled change, as JSON
    reason: Mapped[str] = mapped_column(String(300))  # names fields and rules, never values
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class UploadedBlob(Base):
    """A file the city server has confirmed it holds completely (hash verified): never uploaded again."""

    __tablename__ = "uploaded_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)


class AuditEntry(Base):
    """One line of the audit trail (domain.audit): append-only, hash-chained; never synced, never personal data.

    Triggers made by migration 0010 refuse UPDATE and DELETE, so no code path of this program can change an entry;
    whoever drops them breaks the chain, which the start and the city notice.
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # from 1, no gaps
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    user_id: Mapped[str] = mapped_column(String(36))  # empty when nobody was signed in
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON (domain.audit.canonical_details)
    hash: Mapped[str] = mapped_column(String(64))


# The classes' relationships resolved now, with their import, rather than by the first query: a start imports this
# module while the password is typed (ui/session.py), and the first query comes after it, on the way to the
# workbench (30-40 ms of it, measured).
configure_mappers()
