"""The city server's tables. Separate from the station's (heze_station.storage), with their own migrations.

Synced rows are stored generically in ``sync_row`` (table name, row id, owning station, fields as JSON), so a new
station table needs no server migration. Every write to ``sync_row`` takes a place in the change feed
(``change_xid``, ``change_seq``); see ``feed.py`` for why two numbers.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON().with_variant(JSONB(), "postgresql")


class Moment(TypeDecorator[datetime]):
    """An instant: aware datetimes only; PostgreSQL keeps the zone, SQLite's naive text is read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("naive datetime: the server stores instants only")
        return value if value is None or dialect.name == "postgresql" else value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ServerSetting(Base):
    """Facts about this database: its identity (``server_id``), so a client notices a replaced or restored server."""

    __tablename__ = "server_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Station(Base):
    __tablename__ = "station"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(Moment, default=now)
    # The district (区县) the city groups the station under on its supervision page; set with ``set-district``.
    district: Mapped[str | None] = mapped_column(String(50))


class Device(Base):
    """An enrolled laptop or tablet (role ``station``), or a city bureau client (role ``supervisor``)."""

    __tablename__ = "device"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Moment, default=now)
    revoked_at: Mapped[datetime | None] = mapped_column(Moment)
    last_sync_at: Mapped[datetime | None] = mapped_column(Moment)
    clock_offset_ms: Mapped[int | None] = mapped_column(BigInteger)
    # The device sequence number expected next: every lower one has been applied (or rejected) exactly once.
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)
    # The head of the laptop's audit trail at its last report, and since when a report did not continue it (a
    # trail rewritten on the laptop): kept until the city looks into it (routes.sync.audit_head).
    audit_seq: Mapped[int | None] = mapped_column(BigInteger)
    audit_hash: Mapped[str | None] = mapped_column(String(64))
    audit_mismatch_since: Mapped[datetime | None] = mapped_column(Moment)
    # The document-signing certificate the city issued it at enrolment (none before ``ca init``): its serial in
    # lower-case hex, published with the revocation time when the device is revoked.
    certificate_serial: Mapped[str | None] = mapped_column(String(40), unique=True)
    certificate_pem: Mapped[str | None] = mapped_column(Text)
    # The changes typed on the device that the city has not received yet (its outbox), as the device last reported
    # them on a sync request (sync.CHANGES_WAITING_HEADER), and when: the supervision page's 待上传变更.
    changes_waiting: Mapped[int | None] = mapped_column(Integer)
    changes_waiting_at: Mapped[datetime | None] = mapped_column(Moment)


class SupervisorAccount(Base):
    """A city bureau supervisor who signs in to the supervision web page (``create-supervisor``)."""

    __tablename__ = "supervisor_account"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))  # Argon2id, with its parameters
    created_at: Mapped[datetime] = mapped_column(Moment, default=now)
    # A district's supervisor sees its stations only (Station.district); None: the whole city's.
    district: Mapped[str | None] = mapped_column(String(50))


class WebSession(Base):
    """A supervisor signed in to the web page: the cookie's token is stored only as its SHA-256, as device secrets
    are; the CSRF token every form posts back is kept with it."""

    __tablename__ = "web_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    supervisor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervisor_account.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(Moment)
    seen_at: Mapped[datetime] = mapped_column(Moment)  # its last page, to the minute: idle sessions end (accounts)


class EnrolmentCode(Base):
    __tablename__ = "enrolment_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(Moment, default=now)
    expires_at: Mapped[datetime] = mapped_column(Moment)
    used_at: Mapped[datetime | None] = mapped_column(Moment)
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class AccessToken(Base):
    __tablename__ = "access_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(Moment)


class AuthFailure(Base):
    """Failed code or credential attempts per client address, in a fixed window: shared by every server process."""

    __tablename__ = "auth_failure"

    client: Mapped[str] = mapped_column(String(100), primary_key=True)
    window_started_at: Mapped[datetime] = mapped_column(Moment)
    failures: Mapped[int] = mapped_column(Integer)


class AppliedTransaction(Base):
    """The stored answer to one client transaction: a replay gets it back instead of applying twice (F1)."""

    __tablename__ = "applied_transaction"

    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), primary_key=True)
    first_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    tx_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # SHA-256 of the transaction's whole content: a replay must be the same transaction, not just the same ids.
    # NULL for answers stored before 0003, which compare by their ids only.
    digest: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(Json)
    applied_at: Mapped[datetime] = mapped_column(Moment, default=now)


class SyncRow(Base):
    __tablename__ = "sync_row"
    __table_args__ = (
        # One station's change feed (feed.scope_parts: also the city's rows, station NULL).
        Index("ix_sync_row_station_feed", "station_id", "change_xid", "change_seq"),
        # One table across every station: the city's figures and lists (city_figures.py).
        Index("ix_sync_row_table", "table_name", "station_id"),
    )

    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(63))
    # The station whose scope the row is in; NULL for the city's reference data, which every station reads.
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    fields: Mapped[dict[str, Any]] = mapped_column(Json)
    field_versions: Mapped[dict[str, int]] = mapped_column(Json)
    # field -> id of the device that last changed it (absent: the server, or written before 0002); see sync/merge.py
    field_writers: Mapped[dict[str, str]] = mapped_column(Json, server_default=text("'{}'"))
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    change_xid: Mapped[int] = mapped_column(BigInteger)
    change_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    changed_at: Mapped[datetime] = mapped_column(Moment)
    hlc: Mapped[str] = mapped_column(String(64))
    changed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # device; NULL for the server itself
    # The device whose write this version is, stored exactly as it sent it (nothing merged from elsewhere): that
    # device already holds it, so a pull that asks leaves it out (feed.py). NULL when the server merged or wrote it.
    sent_as_is_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class RowGrant(Base):
    """A row a station other than its owner may see and change: a case the city assigned to it, with the case's
    rows (claimants, timeline, ...) and the people and employers they name."""

    __tablename__ = "row_grant"

    row_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_row.row_id"), primary_key=True)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"), primary_key=True, index=True)


class UniqueValue(Base):
    """Values that should be unique per station (a case number, a credit code), to spot offline clashes (F6)."""

    __tablename__ = "unique_value"
    __table_args__ = (Index("ix_unique_value_lookup", "station_id", "table_name", "field_name", "value"),)

    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    field_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    table_name: Mapped[str] = mapped_column(String(63))
    value: Mapped[str] = mapped_column(String(200))


class Attachment(Base):
    """Verified, content-addressed bytes, stored once (as the chunks of the upload that completed first).

    Never changed once written: a later upload of the same hash is verified and then dropped.
    """

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    stored_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))  # whose upload's chunks hold the bytes
    created_at: Mapped[datetime] = mapped_column(Moment, default=now)


class AttachmentUpload(Base):
    """One station's upload of one hash. A station reads an attachment only after uploading it completely itself:
    knowing a hash is not enough, the bytes prove the station has the file."""

    __tablename__ = "attachment_upload"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunk"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
