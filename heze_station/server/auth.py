"""Enrolment codes, device credentials, access tokens and the brute-force throttle.

Every secret (code, device secret, access token) is random with at least 60 bits, shown once and stored only as
its SHA-256: high-entropy secrets need no slow password hash, and a stolen database yields nothing usable.
A device secret lives as long as the device; access tokens last minutes. Each request looks its token up together
with the device, so revoking a device takes effect on its very next request.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..sync.codes import CODE_ALPHABET, CODE_LENGTH, canonical_code, display_code
from . import ca
from .config import Settings
from .errors import ApiError, forbidden, not_found, unauthorized
from .models import AccessToken, AuthFailure, Device, EnrolmentCode, Station, now

STATION_ROLE = "station"
SUPERVISOR_ROLE = "supervisor"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: a device of one station, or a city bureau supervisor (no station)."""

    device_id: uuid.UUID
    role: str
    station_id: uuid.UUID | None
    last_sync_at: datetime | None


@dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: datetime


def issue_enrolment_code(session: Session, settings: Settings, station_id: uuid.UUID | None, role: str) -> IssuedCode:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))  # nothing a person can misread
    expires_at = now() + timedelta(hours=settings.enrolment_code_hours)
    session.add(EnrolmentCode(code_hash=digest(raw), station_id=station_id, role=role, expires_at=expires_at))
    return IssuedCode(code=display_code(raw), expires_at=expires_at)


@dataclass(frozen=True)
class Enrolled:
    device: Device
    secret: str
    station: Station | None


def enrol(session: Session, code: str, device_name: str) -> Enrolled | None:
    """Exchange a one-time code for device credentials; None when the code is unknown, used or expired."""
    entry = session.scalars(
        select(EnrolmentCode).where(EnrolmentCode.code_hash == digest(canonical_code(code))).with_for_update()
    ).one_or_none()
    if entry is None or entry.used_at is not None or entry.expires_at <= now():
        return None
    secret = secrets.token_urlsafe(32)
    device = Device(
        id=new_id(),
        station_id=entry.station_id,
        role=entry.role,
        name=device_name,
        secret_hash=digest(secret),
        next_seq=1,
    )
    session.add(device)
    entry.used_at = now()
    entry.device_id = device.id
    station = session.get(Station, entry.station_id) if entry.station_id else None
    return Enrolled(device=device, secret=secret, station=station)


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def issue_token(session: Session, settings: Settings, device_id: uuid.UUID, secret: str) -> IssuedToken | None:
    """A short-lived access token for a device's credentials; None when they are wrong. Refuses a revoked device."""
    device = session.get(Device, device_id)
    if device is None or not secrets.compare_digest(device.secret_hash, digest(secret)):
        return None
    if device.revoked_at is not None:
        raise device_revoked()
    token = secrets.token_urlsafe(32)
    moment = now()
    expires_at = moment + timedelta(seconds=settings.access_token_seconds)
    # Expired tokens of this device go when a new one is made, so the table stays the size of the fleet.
    session.execute(delete(AccessToken).where(AccessToken.device_id == device.id, AccessToken.expires_at <= moment))
    session.add(AccessToken(token_hash=digest(token), device_id=device.id, expires_at=expires_at))
    return IssuedToken(token=token, expires_at=expires_at)


def device_revoked() -> ApiError:
    return forbidden("device_revoked", "This device was revoked by the city server; enrol it again with a new code.")


# Built once: every request asks it, and building the statement cost SQLAlchemy more than running it.
_TOKEN_LOOKUP = (
    select(AccessToken.expires_at, Device.revoked_at, Device.id, Device.role, Device.station_id, Device.last_sync_at)
    .join(Device, Device.id == AccessToken.device_id)
    .where(AccessToken.token_hash == bindparam("token_hash"))
)


def principal_for_token(connection: Connection | Session, token: str) -> Principal | None:
    """The caller behind a bearer token; None when unknown. Raises for an expired token or a revoked device.
    One statement, so that it can run without a transaction (``Database.single_read``)."""
    found = connection.execute(_TOKEN_LOOKUP, {"token_hash": digest(token)}).one_or_none()
    if found is None:
        return None
    expires_at, revoked_at, device_id, role, station_id, last_sync_at = found
    if revoked_at is not None:
        raise device_revoked()
    if expires_at <= now():
        raise unauthorized("token_expired", "The access token has expired; ask for a new one at /v1/auth/token.")
    return Principal(device_id, role, station_id, last_sync_at)


def revoke_device(session: Session, device_id: uuid.UUID) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise not_found("unknown_device", f"No device {device_id}.")
    # Its tokens stay, so that the lost laptop is told "revoked" (not just "unknown token") on its next request.
    if device.revoked_at is None:
        device.revoked_at = now()
        if device.certificate_serial is not None:
            ca.publish_revocation(session, device.certificate_serial, device.revoked_at)
    return device


def clear_audit_mismatch(session: Session, device_id: uuid.UUID) -> Device:
    """The city checked why the device's audit trail stopped matching: the mark goes; the head kept (the one the
    device sent last) is what its next reports must continue."""
    device = session.get(Device, device_id)
    if device is None:
        raise not_found("unknown_device", f"No device {device_id}.")
    device.audit_mismatch_since = None
    return device


class Throttle:
    """Counts wrong codes, secrets and tokens per key (a client address, a device id) in a fixed window, in the
    database so that every process shares it.

    It answers wrong attempts from a key over the limit with 429, and never refuses a right one: many devices of a
    city share one address behind its proxy, and one of them typing a wrong code must not lock out the others.
    Guessing gains nothing from that: a code has 60 random bits, a secret or token 256.
    """

    def __init__(self, settings: Settings, times: int = 1):
        """``times``: keys allowed that many times the configured failures."""
        self.allowed = settings.auth_failures_allowed * times
        self.window = timedelta(seconds=settings.auth_failure_window_seconds)

    def wait(self, session: Session, keys: list[str]) -> int | None:
        """Seconds until the keys may be tried again; None when none of them is over the limit."""
        entries = session.execute(
            select(AuthFailure.window_started_at, AuthFailure.failures).where(AuthFailure.client.in_(keys))
        ).all()
        waits = [
            (entry.window_started_at + self.window - now()).total_seconds()
            for entry in entries
            if entry.failures >= self.allowed
        ]
        longest = max(waits, default=0)
        return int(longest) + 1 if longest > 0 else None

    def record_failure(self, session: Session, keys: list[str]) -> None:
        moment = now()
        for key in keys:
            entry = session.scalars(select(AuthFailure).where(AuthFailure.client == key).with_for_update()).first()
            if entry is None:
                session.add(AuthFailure(client=key, window_started_at=moment, failures=1))
            elif entry.window_started_at + self.window <= moment:
                entry.window_started_at, entry.failures = moment, 1
            else:
                entry.failures += 1


def too_many_attempts(wait_seconds: int) -> ApiError:
    return ApiError(
        429,
        "too_many_attempts",
        "Too many wrong codes or credentials from this address or for this device; wait before trying again. A "
        "right one is never refused.",
        {"retry_after_seconds": wait_seconds},
        headers={"Retry-After": str(wait_seconds)},
    )
