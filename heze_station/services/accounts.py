"""Station accounts: the setup step, signing in, and the administrator's account list.

Passwords are stored as Argon2id hashes (argon2-cffi, in the PHC format that carries its own salt and parameters)
on the account's row, which syncs within the station: an account made on one laptop signs in on every laptop of
the station once they have synced, offline. Wrong passwords make the next attempt wait a little longer each time
(domain.accounts.wait_after_failures); the count is this laptop's own and never syncs.
"""

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, auto
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.accounts import (
    DEMO_PASSWORD,
    StaffRole,
    check_new_password,
    normalise_login,
    wait_after_failures,
)
from ..domain.errors import DomainError, NotFound, refusal
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.text import clean_line
from ..paths import has_station
from ..storage import settings
from ..storage.database import Database
from ..storage.models import StaffUser, Station
from .access import ADMINISTRATION, EVERYONE, requires
from .checks import Checker
from .station import (
    CITY_ARBITRATION_COMMITTEE,
    DEFAULT_CASE_WORD,
    STATION_SETTING,
    StationContext,
    accounts_named,
    context_for,
    open_station_database,
    station_of,
)

# Argon2id with 160 MiB and 3 passes: about 300 ms on a station laptop (make bench: sign_in_ms), which makes each
# guess at a stolen hash as slow. Verification reads the parameters from the hash, so they can grow later.
PASSWORD_HASHER = PasswordHasher(time_cost=3, memory_cost=160 * 1024, parallelism=4)

LOCK_SETTING = "lock_after_minutes"
LOCK_MINUTES_DEFAULT = 10
LOCK_MINUTES_RANGE = range(1, 61)
_FAILURES_SETTING = "sign_in_failures:{login}"


class State(Enum):
    """What the start shows: the setup step, or the sign-in window."""

    NEW = auto()  # no station yet
    NO_PASSWORDS = auto()  # a station from before sign-in existed: its administrator sets a password first
    READY = auto()


class SignInRefused(DomainError):
    """Wrong login or password, a disabled account, or too soon after wrong passwords; nothing was opened."""


@dataclass(frozen=True)
class StationDetails:
    name: str
    address: str
    mediation_committee: str
    arbitration_committee: str = CITY_ARBITRATION_COMMITTEE


@dataclass(frozen=True)
class NewAccount:
    name: str
    login: str
    password: str
    role: StaffRole = StaffRole.ADMINISTRATOR


@dataclass(frozen=True)
class AccountRow:
    id: uuid.UUID
    name: str
    login: str
    role: StaffRole
    disabled: bool


# The demo station's accounts (README: 演示账户): all with the password "demo".
DEMO_DETAILS = StationDetails(
    name="菏谐驿站（演示）",
    address="菏泽市牡丹区万福街道",
    mediation_committee="菏泽市牡丹区万福街道劳动争议调解委员会",
)
DEMO_ACCOUNTS = (
    NewAccount("演示管理员", "demo", DEMO_PASSWORD, StaffRole.ADMINISTRATOR),
    NewAccount("张协调", "zhang", DEMO_PASSWORD, StaffRole.COORDINATOR),
    NewAccount("李调解", "li", DEMO_PASSWORD, StaffRole.MEDIATOR),
)


def state(data_dir: Path) -> State:
    if not has_station(data_dir):
        return State.NEW
    database = open_station_database(data_dir)
    try:
        with database.transaction() as session:
            if station_of(session) is None:
                return State.NEW
            signable = select(StaffUser.id).where(StaffUser.password_hash != "", StaffUser.deleted_at.is_(None))
            return State.READY if session.scalar(signable.limit(1)) else State.NO_PASSWORDS
    finally:
        database.close()


def _details(details: StationDetails, check: Checker) -> StationDetails:
    name = check("", clean_line, details.name, field="name", max_length=100, required=True)
    address = check("", clean_line, details.address, field="address", max_length=200)
    mediation = check("", clean_line, details.mediation_committee, field="mediation_committee", max_length=100)
    arbitration = check(
        "", clean_line, details.arbitration_committee, field="arbitration_committee", max_length=100, required=True
    )
    return StationDetails(name, address, mediation, arbitration)


def _account(account: NewAccount, check: Checker) -> NewAccount:
    name = check("", clean_line, account.name, field="user_name", max_length=50, required=True)
    login = check("", normalise_login, account.login)
    password = check("", check_new_password, account.password)
    return NewAccount(name, login, password, account.role)


def set_up(data_dir: Path, details: StationDetails, administrator: NewAccount) -> StationContext:
    """The first start: the station's names and its administrator, who is then signed in.

    A station from before sign-in existed keeps its records and its id; its names are updated.
    """
    check = Checker()
    details = _details(details, check)
    administrator = _account(NewAccount(administrator.name, administrator.login, administrator.password), check)
    check.done()
    return _create(data_dir, details, [administrator])


def set_up_demo(data_dir: Path) -> StationContext:
    """The demo station and its documented accounts; its administrator ``demo`` is signed in."""
    return _create(data_dir, DEMO_DETAILS, list(DEMO_ACCOUNTS))


def _create(data_dir: Path, details: StationDetails, accounts: list[NewAccount]) -> StationContext:
    database = open_station_database(data_dir)
    try:
        with database.transaction() as session:
            station = station_of(session)
            if station is None:
                station = Station(case_word=DEFAULT_CASE_WORD)
                session.add(station)
            elif session.scalar(select(StaffUser.id).where(StaffUser.password_hash != "").limit(1)):
                raise DomainError(Message(QT_TRANSLATE_NOOP("Domain", "This station has been set up already.")))
            station.name = details.name
            station.address = details.address
            station.mediation_committee = details.mediation_committee
            station.arbitration_committee = details.arbitration_committee
            session.flush()
            settings.put(session, STATION_SETTING, str(station.id))
            users = [_new_user(session, station.id, account) for account in accounts]
        return context_for(database, users[0].id)
    except BaseException:
        database.close()
        raise


def _new_user(session: Session, station_id: uuid.UUID, account: NewAccount) -> StaffUser:
    if accounts_named(session, account.login):
        raise refusal("login", QT_TRANSLATE_NOOP("Domain", "The login {login} is taken."), login=account.login)
    user = StaffUser(
        station_id=station_id,
        name=account.name,
        login=account.login,
        role=account.role,
        password_hash=PASSWORD_HASHER.hash(account.password),
    )
    session.add(user)
    session.flush()
    return user


def sign_in(data_dir: Path, login: str, password: str, *, now: datetime | None = None) -> StationContext:
    """Open the station in ``data_dir`` as ``login`` if ``password`` is right; SignInRefused says why not."""
    database = open_station_database(data_dir)
    try:
        user_id = _check(database, login, password, now or chinatime.now())
        return context_for(database, user_id)
    except BaseException:
        database.close()
        raise


@requires(EVERYONE)
def check_password(context: StationContext, login: str, password: str, *, now: datetime | None = None) -> str:
    """Unlocking a locked window: the login (normalised) whose password is right; SignInRefused says why not."""
    user_id = _check(context.database, login, password, now or chinatime.now())
    with context.database.transaction() as session:
        return session.get_one(StaffUser, user_id).login


def _refused(text: str, **params: object) -> SignInRefused:
    return SignInRefused(Message(text, params))


def _check(database: Database, typed_login: str, password: str, now: datetime) -> uuid.UUID:
    login = typed_login.strip().lower()
    key = _FAILURES_SETTING.format(login=login[:40])
    with database.transaction() as session:
        failures, last = _failures(settings.get(session, key))
        wait = (last + wait_after_failures(failures) - now) if last else timedelta(0)
        if wait > timedelta(0):
            seconds = math.ceil(wait.total_seconds())
            raise _refused(
                QT_TRANSLATE_NOOP("Domain", "Too many wrong passwords. Please try again in {seconds} seconds."),
                seconds=seconds,
            )
        accounts = [user for user in accounts_named(session, login) if user.password_hash]
        user = next((user for user in accounts if _matches(user.password_hash, password)), None)
        if user is None:
            settings.put(session, key, f"{failures + 1} {now.isoformat()}")
    # Committed above, so the count survives the refusal.
    if user is None:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "The login or the password is wrong."))
    if user.disabled_at is not None:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "This account has been disabled. Please ask the administrator."))
    with database.transaction() as session:
        settings.put(session, key, None)
    return user.id


def _failures(value: str | None) -> tuple[int, datetime | None]:
    if not value:
        return 0, None
    count, at = value.split(" ", 1)
    return int(count), datetime.fromisoformat(at)


def _matches(password_hash: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@requires(ADMINISTRATION)
def list_accounts(context: StationContext) -> list[AccountRow]:
    """Every account of the station, enabled ones first, then by name."""
    with context.database.transaction() as session:
        users = session.scalars(select(StaffUser).where(StaffUser.deleted_at.is_(None)).order_by(StaffUser.login))
        rows = [AccountRow(u.id, u.name, u.login, u.role, u.disabled_at is not None) for u in users]
    return sorted(rows, key=lambda row: row.disabled)


@requires(ADMINISTRATION)
def add_account(context: StationContext, account: NewAccount) -> uuid.UUID:
    check = Checker()
    account = _account(account, check)
    check.done()
    with context.database.transaction() as session:
        return _new_user(session, context.station_id, account).id


@requires(ADMINISTRATION)
def set_disabled(context: StationContext, user_id: uuid.UUID, disabled: bool) -> None:
    """Disable (or enable again) an account; never one's own, so a station always keeps an administrator."""
    if user_id == context.user_id:
        raise DomainError(Message(QT_TRANSLATE_NOOP("Domain", "You cannot disable your own account.")))
    with context.database.transaction() as session:
        user = _user(session, user_id)
        user.disabled_at = chinatime.now() if disabled else None


@requires(ADMINISTRATION)
def reset_password(context: StationContext, user_id: uuid.UUID, password: str) -> None:
    """A new password for someone who forgot theirs (the administrator tells them, they change it)."""
    password = check_new_password(password)
    with context.database.transaction() as session:
        _user(session, user_id).password_hash = PASSWORD_HASHER.hash(password)


@requires(EVERYONE)
def change_password(context: StationContext, current: str, new: str) -> None:
    check = Checker()
    check(None, check_new_password, new, field="new_password")
    with context.database.transaction() as session:
        user = _user(session, context.user_id)
        if not _matches(user.password_hash, current):
            check.refuse("current_password", QT_TRANSLATE_NOOP("Domain", "The current password is wrong."))
        check.done()
        user.password_hash = PASSWORD_HASHER.hash(new)


def _user(session: Session, user_id: uuid.UUID) -> StaffUser:
    user = session.get(StaffUser, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This account does not exist.")))
    return user


@requires(EVERYONE)
def lock_minutes(context: StationContext) -> int:
    """Idle minutes before the window locks itself."""
    with context.database.transaction() as session:
        value = settings.get(session, LOCK_SETTING)
    return int(value) if value else LOCK_MINUTES_DEFAULT


@requires(ADMINISTRATION)
def set_lock_minutes(context: StationContext, minutes: int) -> None:
    if minutes not in LOCK_MINUTES_RANGE:
        raise refusal("lock_minutes", QT_TRANSLATE_NOOP("Domain", "Choose between 1 and 60 minutes."))
    with context.database.transaction() as session:
        settings.put(session, LOCK_SETTING, str(minutes))
