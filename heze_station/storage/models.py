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
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from ..domain.cases import CaseStatus, Category, IntakeChannel
from ..domain.identifiers import Sex
from ..domain.ids import new_id
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.workcalendar import DayKind
from .types import UtcDateTime, utc_now

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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncRow:
    """Columns every syncable row carries."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
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


class StaffRole(enum.StrEnum):
    COORDINATOR = "coordinator"
    MEDIATOR = "mediator"
    ADMINISTRATOR = "administrator"


class StaffUser(SyncRow, Base):
    __tablename__ = "staff_user"

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    name: Mapped[str] = mapped_column(String(50))
    login: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))


class Person(SyncRow, Base):
    """A worker, representative or agent. Sex and birth date come from the ID number when there is one."""

    __tablename__ = "person"
    __table_args__ = (Index("uq_person_id_number", "id_number", unique=True, sqlite_where=text("deleted_at IS NULL")),)

    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18))
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(11), default="")
    address: Mapped[str] = mapped_column(String(200), default="")


class Employer(SyncRow, Base):
    __tablename__ = "employer"
    __table_args__ = (
        Index("uq_employer_credit_code", "credit_code", unique=True, sqlite_where=text("deleted_at IS NULL")),
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
        UniqueConstraint("station_id", "year", "sequence", name="uq_case_file_station_year_sequence"),
        # Partial, like every list query: the case list pages through it without touching deleted cases.
        Index("ix_case_file_registered_at", "registered_at", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_case_file_status_registered_at", "status", "registered_at"),
        Index("uq_case_file_search_key", "search_key", unique=True),
        Index("ix_case_file_year_sequence", "year", "sequence"),  # the case list sorted by case number
    )

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus), default=CaseStatus.REGISTERED)
    channel: Mapped[IntakeChannel] = mapped_column(enum_column(IntakeChannel))
    category: Mapped[Category] = mapped_column(enum_column(Category))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    registered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    # The 15-day mediation period runs from the day the application was received (R4), which may precede registration.
    received_on: Mapped[date] = mapped_column(Date)
    # When the worker knew of the infringement: the start of the 1-year limitation (R5).
    knew_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    mediation_started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The end state the case reached (agreement, refusal, ...), kept after it is closed: statistics count closed
    # cases by manner and result, and the clocks need to know whether a closed case was ever accepted.
    outcome: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="")
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"), index=True)
    is_collective: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised for the case list, which must page through 100,000 cases without joins.
    worker_count: Mapped[int] = mapped_column(Integer, default=0)
    claimed_total_fen: Mapped[int] = mapped_column(Integer, default=0)
    claimant_summary: Mapped[str] = mapped_column(String(100), default="")
    # The key of this case's entries in the search indexes (see storage.search).
    search_key: Mapped[int | None] = mapped_column(Integer)
    respondent_summary: Mapped[str] = mapped_column(String(200), default="")

    claimants: Mapped[list["CaseClaimant"]] = relationship(lazy="raise", order_by="CaseClaimant.position")
    respondents: Mapped[list["CaseRespondent"]] = relationship(lazy="raise", order_by="CaseRespondent.position")
    evidence: Mapped[list["Evidence"]] = relationship(lazy="raise", order_by="Evidence.position")
    project: Mapped[Project | None] = relationship(lazy="raise")


class CaseClaimant(SyncRow, Base):
    __tablename__ = "case_claimant"
    __table_args__ = (UniqueConstraint("case_id", "person_id", name="uq_case_claimant_case_person"),)

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    claimed_fen: Mapped[int] = mapped_column(Integer)
    is_representative: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(lazy="raise")


class CaseRespondent(SyncRow, Base):
    __tablename__ = "case_respondent"
    __table_args__ = (UniqueConstraint("case_id", "employer_id", name="uq_case_respondent_case_employer"),)

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    employer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employer.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[RespondentRole] = mapped_column(enum_column(RespondentRole))

    employer: Mapped[Employer] = relationship(lazy="raise")


class Evidence(SyncRow, Base):
    __tablename__ = "evidence"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(200))


class TimelineEvent(SyncRow, Base):
    """Append-only: who did what to a case, and when. Triggers refuse UPDATE and DELETE."""

    __tablename__ = "timeline_event"
    __table_args__ = (
        Index("ix_timeline_event_case_id_at", "case_id", "at"),
        Index("ix_timeline_event_at", "at"),  # the workbench's recent activity
    )

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_user.id"))
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[StaffUser] = relationship(lazy="raise")


class CalendarDay(Base):
    """An exception to the Monday-Friday week in the official calendar: a holiday or a make-up working day.

    Data, not code: seeded from chinese-calendar and replaceable by the city server when the State Council
    publishes next year's arrangement.
    """

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[DayKind] = mapped_column(enum_column(DayKind))
    source: Mapped[str] = mapped_column(String(40))


class Setting(Base):
    """Small device-wide facts (current station, current user, calendar coverage)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
