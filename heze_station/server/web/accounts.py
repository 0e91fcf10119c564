"""Supervisor accounts and their signed-in sessions.

Passwords are hashed with Argon2id (a person chooses them, unlike the devices' random secrets). A session is a
random token in an HttpOnly, SameSite=Strict cookie, stored as its SHA-256; each carries a CSRF token that every
form posts back, so a page elsewhere cannot post in the supervisor's name. A session ends after a working day, or
after half an hour without a page: a supervisor who left the bureau's shared computer leaves nothing open for long.
"""

import functools
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from threading import Lock

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ...domain.accounts import weakness
from ...domain.ids import new_id
from ..auth import digest
from ..errors import ApiError
from ..models import SupervisorAccount, WebSession, now

SESSION_HOURS = 8  # a working day; signing in again after that is cheap
SESSION_IDLE = timedelta(minutes=30)
# A session's last page is written at most once a minute: a supervisor opens a page every few seconds.
SEEN_EVERY = timedelta(minutes=1)
MIN_PASSWORD_CHARS = 12
NAME_MAX = 50  # SupervisorAccount.name
_hasher = PasswordHasher()  # argon2-cffi's defaults are Argon2id with RFC 9106's low-memory parameters


@functools.cache
def nobody() -> str:
    """The hash verified against when the name is unknown, so that a wrong name takes as long as a wrong password.

    Made by create_app, before the server answers anyone; not on import: the administration commands (create-station,
    enrol-code, list-devices, ...) import this module and sign nobody in, and the hash took a fifth of a second of
    each one's start."""
    return _hasher.hash(secrets.token_urlsafe(16))


def create_supervisor(session: Session, name: str, password: str, district: str | None = None) -> SupervisorAccount:
    """``district``: a district bureau's supervisor, who sees that district's stations only; None: the city's."""
    name = name.strip()
    if not name:
        raise ApiError(422, "invalid_name", "A supervisor needs a name.")
    if len(name) > NAME_MAX:
        raise ApiError(422, "invalid_name", f"A supervisor's name has at most {NAME_MAX} characters.")
    _check_password(name, password)
    if session.scalars(select(SupervisorAccount).where(SupervisorAccount.name == name)).first():
        raise ApiError(409, "supervisor_exists", f"A supervisor named {name!r} exists already.")
    account = SupervisorAccount(
        id=new_id(), name=name, password_hash=_hasher.hash(password), district=_district(district)
    )
    session.add(account)
    return account


def set_district(session: Session, name: str, district: str | None) -> SupervisorAccount:
    """The stations a supervisor sees from now on (a page open in a server process keeps the old scope for
    RecentSessions.SECONDS at most): a district's (a bureau's staff moved), or the whole city's (None)."""
    account = _named(session, name)
    account.district = _district(district)
    return account


def _district(district: str | None) -> str | None:
    district = (district or "").strip()
    if len(district) > NAME_MAX:
        raise ApiError(422, "invalid_district", f"A district's name has at most {NAME_MAX} characters.")
    return district or None


def _check_password(name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ApiError(422, "weak_password", f"The password needs at least {MIN_PASSWORD_CHARS} characters.")
    # Judged as a station's passwords are: a copy of this database gives a thief its hashes to guess at offline.
    found = weakness(password, (name,))
    if found is not None:
        raise ApiError(422, "weak_password", f"{found.label} Choose a longer one, such as a few words together.")


def reset_password(session: Session, name: str, password: str) -> int:
    """A new password for a supervisor whose password leaked (or was forgotten): every session signed in with the
    old one ends. Returns how many ended."""
    account = _named(session, name)
    _check_password(account.name, password)
    try:
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        pass  # another password than the one that leaked
    else:
        raise ApiError(422, "same_password", "This is the password the account has now: choose another one.")
    account.password_hash = _hasher.hash(password)
    return _end_sessions(session, account.id)


def remove_supervisor(session: Session, name: str) -> int:
    """A supervisor who left: the account goes, and every session of it ends. Returns how many ended."""
    account = _named(session, name)
    ended = _end_sessions(session, account.id)
    session.delete(account)
    return ended


def _named(session: Session, name: str) -> SupervisorAccount:
    # Locked, as a sign-in locks it: a sign-in with the old password cannot slip a session in meanwhile.
    found = select(SupervisorAccount).where(SupervisorAccount.name == name.strip()).with_for_update()
    account = session.scalars(found).first()
    if account is None:
        raise ApiError(404, "no_such_supervisor", f"There is no supervisor named {name.strip()!r}.")
    return account


def _end_sessions(session: Session, supervisor_id: uuid.UUID) -> int:
    # Pages already open in a server process keep working for RecentSessions.SECONDS at most.
    ended = session.execute(delete(WebSession).where(WebSession.supervisor_id == supervisor_id))
    session.flush()
    return ended.rowcount


@dataclass(frozen=True)
class SignedIn:
    supervisor_id: uuid.UUID
    name: str
    csrf_token: str
    expires_at: datetime
    district: str | None = None  # the one district whose stations the supervisor sees; None: the whole city


def sign_in(session: Session, name: str, password: str) -> tuple[str, SignedIn] | None:
    """A new session's cookie token for a right name and password; None otherwise."""
    # No account's name holds a NUL (PostgreSQL's text cannot): such a name is looked up nowhere, and is only wrong.
    wanted = select(SupervisorAccount).where(SupervisorAccount.name == name.strip()).with_for_update()
    account = None if "\x00" in name else session.scalars(wanted).first()
    try:
        _hasher.verify(account.password_hash if account else nobody(), password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None:
        return None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    moment = now()
    ended = or_(WebSession.expires_at <= moment, WebSession.seen_at <= moment - SESSION_IDLE)
    session.execute(delete(WebSession).where(ended))  # the table keeps live sessions only
    expires_at = moment + timedelta(hours=SESSION_HOURS)
    session.add(
        WebSession(
            token_hash=digest(token), supervisor_id=account.id, csrf_token=csrf, expires_at=expires_at, seen_at=moment
        )
    )
    return token, SignedIn(account.id, account.name, csrf, expires_at, account.district)


def signed_in(session: Session, token: str) -> SignedIn | None:
    """The session of a cookie's token, as of this page (which counts as its last); None when there is none, or it
    ended: a working day after signing in, or half an hour after its last page."""
    found = session.execute(
        select(
            SupervisorAccount.id,
            SupervisorAccount.name,
            SupervisorAccount.district,
            WebSession.csrf_token,
            WebSession.expires_at,
            WebSession.seen_at,
        )
        .join(WebSession, WebSession.supervisor_id == SupervisorAccount.id)
        .where(WebSession.token_hash == digest(token))
    ).one_or_none()
    moment = now()
    if found is None or found.expires_at <= moment or found.seen_at <= moment - SESSION_IDLE:
        return None
    if found.seen_at <= moment - SEEN_EVERY:
        session.execute(update(WebSession).where(WebSession.token_hash == digest(token)).values(seen_at=moment))
    return SignedIn(found.id, found.name, found.csrf_token, found.expires_at, found.district)


class RecentSessions:
    """Sessions found valid in the last few seconds, by their token's digest: a supervisor opens a page every few
    seconds, and each would otherwise cost the database a transaction before the page's own. A session is kept
    ``SECONDS`` at most and never past its expiry; one signed out here is not kept again for ``SECONDS`` (a page
    in flight with the same cookie may have read it before the sign-out); a session ended in another server
    process stays usable here for ``SECONDS`` at most."""

    SECONDS = 5.0
    MOST = 10_000

    def __init__(self) -> None:
        self._found: dict[str, tuple[float, SignedIn]] = {}
        self._ended: dict[str, float] = {}
        self._lock = Lock()

    def get(self, token: str) -> SignedIn | None:
        with self._lock:
            found = self._found.get(digest(token))
        return found[1] if found and found[0] > time.monotonic() else None

    def keep(self, token: str, signed: SignedIn) -> None:
        moment = time.monotonic()
        until = moment + min(self.SECONDS, (signed.expires_at - now()).total_seconds())
        key = digest(token)
        with self._lock:
            if self._ended.get(key, 0.0) > moment:
                return
            if len(self._found) > self.MOST:
                self._found.clear()
            self._found[key] = (until, signed)

    def forget(self, token: str) -> None:
        key = digest(token)
        with self._lock:
            self._found.pop(key, None)
            if len(self._ended) > self.MOST:
                self._ended.clear()
            self._ended[key] = time.monotonic() + self.SECONDS


def sign_out(session: Session, token: str) -> None:
    session.execute(delete(WebSession).where(WebSession.token_hash == digest(token)))
