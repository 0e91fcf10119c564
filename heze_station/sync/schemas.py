"""The sync protocol's messages (version 1), as pydantic models shared by the station client and the city server.

Strict: a wrong type is refused rather than coerced, and a request's unknown key is refused rather than ignored, so
a client bug shows up as a clear 4xx instead of silently different data; a response's unknown key is ignored, so a
newer server may add one. UUIDs and times arrive as JSON strings and are parsed (the only non-strict fields).
docs/sync-protocol.md explains each message with examples.
"""

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
)

from ..domain.text import invisible
from .hlc import MAX_AHEAD_MS

MAX_SEQ = 2**53 - 1  # the largest integer every JSON reader keeps exact
MAX_OPS_PER_PUSH = 1000
MAX_FIELDS_PER_OP = 200
SHA256_PATTERN = r"^[0-9a-f]{64}$"
HLC_PATTERN = r"^[0-9]{15}-[0-9]{5}-[0-9a-z]{1,32}$"  # ASCII digits: \d takes any script's


def _storable_text(value: str) -> str:
    # NUL and lone surrogates are valid in JSON strings but cannot be stored as text (PostgreSQL refuses both).
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from error
    return value


Text = Annotated[StrictStr, AfterValidator(_storable_text)]


def _one_line(value: str) -> str:
    # A name printed in a list (the server's list-devices) must stay on its line and in its column.
    if any(invisible(character) for character in value):
        raise ValueError("a name must not contain control characters (tabs, line breaks, escapes, direction marks)")
    return value


Line = Annotated[Text, AfterValidator(_one_line)]
Id = Annotated[uuid.UUID, Field(strict=False)]


def _iso_text(value: Any) -> Any:
    # Lax datetime parsing would also take a number as Unix time; the protocol sends ISO 8601 text only.
    if not isinstance(value, str | datetime):
        raise ValueError("expected an ISO 8601 date and time with an offset, as text")
    return value


Timestamp = Annotated[AwareDatetime, Field(strict=False), BeforeValidator(_iso_text)]
Seq = Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
Version = Annotated[StrictInt, Field(ge=0, le=MAX_SEQ)]
Sha256 = Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]
FieldValue = Text | StrictInt | StrictBool | None


class WireModel(BaseModel):
    """A request: strict and closed."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Answer(WireModel):
    """A response: as strict, but a key a newer server adds is ignored, so that an older client keeps working."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class ErrorDetail(Answer):
    code: str = Field(description="machine-readable, stable: e.g. invalid_request, token_expired, clock_ahead")
    message: str = Field(description="for a person: what is wrong and what to do")
    details: dict[str, Any] | None = None


class ErrorResponse(Answer):
    error: ErrorDetail


# --- enrolment and tokens -------------------------------------------------------------------------------------------


MAX_CSR_CHARS = 8192  # a PEM request for an ECDSA or RSA-4096 key is well under


class EnrolRequest(WireModel):
    code: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    device_name: Annotated[Line, Field(min_length=1, max_length=100)]
    signing_csr: Annotated[StrictStr, Field(min_length=1, max_length=MAX_CSR_CHARS)] | None = Field(
        default=None,
        description="PEM certificate signing request for the key the device signs documents with (the key stays "
        "on the device); the city's authority, if the server has one, certifies it",
    )


Role = Literal["station", "supervisor"]


class EnrolResponse(Answer):
    device_id: Id
    device_secret: str = Field(description="shown once; store it encrypted on the device")
    role: Role
    station_id: Id | None
    station_name: str | None
    signing_certificate: str | None = Field(
        default=None,
        description="PEM certificate of the device's signing key, issued by the city's authority; absent when the "
        "server has none or no signing_csr was sent (the device then signs with its own self-signed certificate)",
    )
    city_root: str | None = Field(
        default=None, description="PEM root certificate of the city's authority; present with signing_certificate"
    )


class TokenRequest(WireModel):
    device_id: Id
    device_secret: Annotated[StrictStr, Field(min_length=1, max_length=200)]


class TokenResponse(Answer):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: Timestamp
    expires_in: int = Field(description="seconds")


# --- handshake ------------------------------------------------------------------------------------------------------


class HandshakeRequest(WireModel):
    protocol_version: Annotated[StrictInt, Field(ge=0, le=1000)]
    schema_version: Annotated[StrictStr, Field(pattern=r"^[0-9]{4}$", description="station database revision")]
    app_version: Annotated[StrictStr, Field(max_length=40)]
    device_time: Timestamp
    hlc: Annotated[StrictStr, Field(pattern=HLC_PATTERN)]


class Limits(Answer):
    max_ops_per_push: int
    max_request_bytes: int
    max_page_rows: int
    max_page_bytes: int
    max_attachment_bytes: int
    max_chunk_bytes: int
    max_clock_ahead_ms: int = Field(
        MAX_AHEAD_MS, description="an operation's hlc may be this far ahead of server_time at most (422 clock_ahead)"
    )


class HandshakeResponse(Answer):
    protocol_version: int
    server_id: Id = Field(description="identity of the server database; a change means it was replaced or restored")
    server_time: Timestamp
    server_hlc: str
    clock_offset_ms: int = Field(description="device_time minus server time, as recorded by the server")
    device_id: Id
    station_id: Id
    station_name: str
    next_seq: int = Field(description="the device sequence number the server expects next")
    limits: Limits
    recovery_public_key: str | None = Field(
        default=None,
        description="the city's recovery key (base64 X25519): the station seals its database key to it, so that the "
        "city can open a station whose passwords are lost; absent when the city has none",
    )


# --- push -----------------------------------------------------------------------------------------------------------


class Operation(WireModel):
    op_id: Id
    seq: Seq
    table: Annotated[StrictStr, Field(min_length=1, max_length=63)]
    row_id: Id
    kind: Literal["upsert", "delete", "restore"]
    base_version: Version = Field(description="row version the change was made against; 0 for a new row")
    fields: Annotated[dict[StrictStr, FieldValue], Field(max_length=MAX_FIELDS_PER_OP)] = Field(default_factory=dict)
    hlc: Annotated[StrictStr, Field(pattern=HLC_PATTERN)]
    resolves: Annotated[list[Id], Field(max_length=100)] = Field(
        default_factory=list, description="conflict ids this operation settles"
    )


class ClientTransaction(WireModel):
    tx_id: Id = Field(description="the device's local transaction id")
    ops: Annotated[list[Operation], Field(min_length=1, max_length=MAX_OPS_PER_PUSH)]


class PushRequest(WireModel):
    transactions: Annotated[list[ClientTransaction], Field(min_length=1, max_length=MAX_OPS_PER_PUSH)]


OpStatus = Literal["applied", "unchanged", "conflict"]


class OpResult(Answer):
    op_id: Id
    seq: int
    status: OpStatus
    version: int = Field(description="the row's version on the server after this operation")
    conflict_ids: list[Id] = Field(default_factory=list)


class TransactionResult(Answer):
    tx_id: Id
    first_seq: int
    last_seq: int
    status: Literal["applied", "rejected"]
    error: ErrorDetail | None = None
    ops: list[OpResult] = Field(default_factory=list)
    replayed: bool = Field(False, description="true when this is the stored answer to an earlier, identical push")


class PushResponse(Answer):
    results: list[TransactionResult]
    next_seq: int
    resend_from: int | None = Field(None, description="set when transactions were skipped: send again from this seq")


# --- pull -----------------------------------------------------------------------------------------------------------


class Change(Answer):
    table: str
    row_id: Id
    version: int
    deleted: bool
    fields: dict[str, Any]
    station_id: Id | None = Field(description="the station that owns the row; null for the city's reference data")
    changed_at: Timestamp
    hlc: str | None = Field(None, description="hybrid logical clock of the row's latest change: feed it to receive()")


class PullResponse(Answer):
    changes: list[Change]
    cursor: str = Field(description="opaque; send it back to read on")
    has_more: bool


class BucketDigest(Answer):
    rows: int
    sha256: str


class ScopeDigest(Answer):
    """A station's scope in buckets (heze_station/sync/scope.py): compared with the station's own, bucket by bucket."""

    buckets: list[BucketDigest]


class ChainLink(WireModel):
    """One entry of a device's audit trail, named by its sequence number and hash (heze_station/domain/audit.py)."""

    seq: Seq
    hash: Sha256


class AuditHeadReport(WireModel):
    """The device's audit-trail head, sent when it moved since the city last accepted one."""

    head: ChainLink
    anchor: ChainLink | None = Field(
        None, description="the device's entry, as it stands now, at the seq the city last accepted; null the first time"
    )


class AuditHeadAnswer(Answer):
    matches: bool = Field(description="false when the report does not continue the trail the city saw before")
    recorded: ChainLink = Field(description="the head the city now keeps for this device")
    mismatch_since: Timestamp | None = Field(None, description="when a report first did not continue it")


class ScopeRows(Answer):
    """Every row of one bucket of the station's scope, as the pull delivers rows: to repair a bucket that differs."""

    changes: list[Change]


class ConflictView(Answer):
    id: Id
    table: str
    row_id: Id
    kind: str
    field: str | None
    base_version: int
    server_value: Any
    client_value: Any
    client_device_id: Id
    client_hlc: str
    status: Literal["open", "resolved"]
    created_at: Timestamp


# --- attachments ----------------------------------------------------------------------------------------------------


class AttachmentStart(WireModel):
    sha256: Sha256
    size: Annotated[StrictInt, Field(ge=0)]
    media_type: Annotated[StrictStr, Field(min_length=3, max_length=100, pattern=r"^[\w.+-]+/[\w.+-]+$")]


class AttachmentStatus(Answer):
    sha256: str
    size: int
    media_type: str
    received: int = Field(description="bytes stored so far; the next chunk starts here")
    complete: bool


# --- supervision and verification -----------------------------------------------------------------------------------


class StationSummary(Answer):
    id: Id
    name: str
    devices: int
    revoked_devices: int
    last_sync_at: Timestamp | None
    open_conflicts: int
    audit_mismatches: int = Field(
        description="devices whose audit trail no longer continues the head they reported (cleared by the city)"
    )
    changes_waiting: int | None = Field(
        description="changes typed on the station's enrolled devices that the city has not received yet, as the "
        "devices last reported them on a sync request; null until one has"
    )
    changes_waiting_at: Timestamp | None = Field(description="when the oldest of those reports was made")


class CaseCount(Answer):
    station_id: Id
    station_name: str
    status: str
    cases: int


# The city's check of the PDF a station uploaded for a document (server.document_check).
SignatureState = Literal[
    "certified",  # signed by a device of the document's station with its city certificate; the file is whole
    "no_authority",  # the city has no signing authority yet: nothing to check against
    "not_uploaded",  # the station has not uploaded the PDF (yet)
    "unreadable",  # not a readable PDF
    "damaged",  # its signature cannot be read
    "unsigned",
    "altered",  # the signed bytes changed
    "appended",  # something was added after signing
    "unknown_signer",  # not certified by the city's authority
    "revoked",  # signed at or after the city revoked the device's certificate
    "other_station",  # certified, but for a device of another station
    "other_document",  # the signed file names another document or content digest
]


class Verification(Answer):
    document_id: Id
    known: bool
    unchanged: bool = Field(description="the presented SHA-256 equals one recorded when the document was issued")
    genuine: bool = Field(
        False,
        description="known, unchanged, and the PDF the station uploaded is signed as the city requires "
        "(signature = certified): the only answer that confirms a document",
    )
    signature: SignatureState | None = Field(
        None, description="the city's check of the uploaded PDF's signature against its root; null when unknown"
    )
    signed_by: str | None = Field(None, description="the station its signing certificate names")
    matches: Literal["content", "pdf"] | None = Field(
        None, description="which record it equals: the content digest (QR code, paper) or the signed PDF's bytes"
    )
    kind: str | None = None
    station_id: Id | None = None
    station_name: str | None = None
    issued_at: Timestamp | None = None


class Health(Answer):
    status: Literal["ok"]
    database: str
