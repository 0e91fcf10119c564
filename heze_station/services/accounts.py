"""Station accounts: the setup step, signing in, recovery with the printed key, and the administrator's accounts.

The database is encrypted with a key that is derived from the recovery key printed at setup (so that paper alone
recovers the station, even if this laptop's key file is lost) and is otherwise kept only sealed: to each account's
public key, in ``keyslots.json`` (storage.keys, storage.keyslots). Signing in is opening one's slot with one's
password; a wrong password opens nothing. Accounts and their sealed key pairs sync within the station, and every
open laptop seals its own database key for the accounts it learns of (refresh_slots), so a coordinator made on one
laptop signs in on any other of the station, offline. Wrong passwords make the next attempt wait a little longer
each time (domain.accounts.wait_after_failures); the count is this laptop's own and never syncs.
"""

import contextlib
import dataclasses
import hashlib
import logging
import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, auto
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.accounts import (
    DEMO_PASSWORD,
    REVOKED_LAPTOP,
    StaffRole,
    check_new_password,
    normalise_login,
    wait_after_failures,
)
from ..domain.audit import AuditAction
from ..domain.errors import DomainError, NotFound, ValidationFailed, refusal
from ..domain.ids import new_id
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.text import clean_line
from ..paths import DATABASE_FILE, RESTORED_MARKER, has_station
from ..storage import keys, keyslots, settings
from ..storage.database import DatabaseDamaged, encrypt_plain, is_plain
from ..storage.keys import DEFAULT_KDF, KdfParams, WrongKey
from ..storage.keys import Derivations as Derivations  # the smoke test's figures leave them out
from ..storage.keyslots import AccountSlot, Failures, KeySlots
from ..storage.models import StaffUser, Station
from . import audit, document_index, revocation, trust
from .access import ADMINISTRATION, EVERYONE, requires
from .audit import Actor
from .checks import Checker
from .station import (
    CITY_ARBITRATION_COMMITTEE,
    DEFAULT_CASE_WORD,
    STATION_SETTING,
    NotSetUp,
    StationContext,
    accounts_named,
    context_for,
    open_station_database,
    station_of,
)

log = logging.getLogger(__name__)

LOCK_SETTING = "lock_after_minutes"
LOCK_MINUTES_DEFAULT = 10
LOCK_MINUTES_RANGE = range(1, 61)


class State(Enum):
    """What the start shows: the setup step, or the sign-in window."""

    NEW = auto()  # no station yet
    NOT_ENCRYPTED = auto()  # a station from before sign-in: setup keeps its records and encrypts them
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
    # Two laptops made the same login offline: the older account signs in with it, this one cannot (disable it
    # and add the person again under another login).
    shadowed: bool = False


@dataclass(frozen=True)
class SetUp:
    """The station just set up, its administrator signed in, and the recovery key to print once."""

    context: StationContext
    recovery_key: str


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
    if not is_plain(data_dir / DATABASE_FILE):
        return State.READY
    database = open_station_database(data_dir, None)
    try:
        with database.transaction() as session:
            return State.NEW if station_of(session) is None else State.NOT_ENCRYPTED
    finally:
        database.close()


# --- setting up ---------------------------------------------------------------------------------------------------


def _details(details: StationDetails, check: Checker) -> StationDetails:
    name = check("", clean_line, details.name, field="name", max_length=100, required=True)
    address = check("", clean_line, details.address, field="address", max_length=200)
    mediation = check("", clean_line, details.mediation_committee, field="mediation_committee", max_length=100)
    arbitration = check(
        "", clean_line, details.arbitration_committee, field="arbitration_committee", max_length=100, required=True
    )
    return StationDetails(name, address, mediation, arbitration)


def _account(account: NewAccount, station_name: str, check: Checker) -> NewAccount:
    name = check("", clean_line, account.name, field="user_name", max_length=50, required=True)
    login = check("", normalise_login, account.login)
    password = check("", check_new_password, account.password, known=(account.login, account.name, station_name))
    return NewAccount(name, login, password, account.role)


def set_up(
    data_dir: Path, details: StationDetails, administrator: NewAccount, *, kdf: KdfParams = DEFAULT_KDF
) -> SetUp:
    """The first start: the station's names, its administrator (then signed in) and its recovery key.

    A station from before sign-in keeps its records and its id; its names are updated and its file encrypted.
    ``kdf``: the Argon2id cost of the passwords set on this laptop (tests pass a cheap one).
    """
    check = Checker()
    details = _details(details, check)
    administrator = _account(
        NewAccount(administrator.name, administrator.login, administrator.password), details.name, check
    )
    check.done()
    return _create(data_dir, details, [administrator], kdf, shown=True)


def set_up_demo(data_dir: Path, *, kdf: KdfParams = DEFAULT_KDF) -> StationContext:
    """The demo station and its documented accounts; its administrator ``demo`` is signed in."""
    return _create(data_dir, DEMO_DETAILS, list(DEMO_ACCOUNTS), kdf, shown=False).context


def _create(
    data_dir: Path, details: StationDetails, accounts: list[NewAccount], kdf: KdfParams, *, shown: bool
) -> SetUp:
    """``shown``: the recovery key is shown to the first account (the administrator) to copy by hand, and kept sealed
    to that account until a copy is checked (unconfirmed_recovery_key)."""
    if state(data_dir) is State.READY:
        raise DomainError(Message(QT_TRANSLATE_NOOP("Domain", "This station has been set up already.")))
    recovery_key = keys.new_recovery_key()
    key = keys.recovery_secret(recovery_key)
    made = [(new_id(), account, keys.new_account_keys(account.password, kdf)) for account in accounts]
    # The slots first: from the moment the file is encrypted, they are the only way in besides the paper.
    slots = KeySlots(kdf=kdf.text())
    for user_id, account, pair in made:
        slots.put(_slot(str(user_id), account.login, pair.public_key, pair.sealed_private_key, key))
    if shown:
        user_id, _, pair = made[0]
        slots.unconfirmed_recovery_key = [str(user_id), keys.seal_to(pair.public_key, recovery_key.encode("ascii"))]
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    keyslots.save(data_dir, slots)
    path = data_dir / DATABASE_FILE
    upgraded = path.exists()
    if upgraded:
        open_station_database(data_dir, None).close()  # upgraded to this version's schema first, still plain
        encrypt_plain(path, key)
    database = open_station_database(data_dir, key)
    try:
        with database.transaction() as session:
            station = station_of(session)
            if station is None:
                station = Station(case_word=DEFAULT_CASE_WORD)
                session.add(station)
            station.name = details.name
            station.address = details.address
            station.mediation_committee = details.mediation_committee
            station.arbitration_committee = details.arbitration_committee
            session.flush()
            settings.put(session, STATION_SETTING, str(station.id))
            for user_id, account, pair in made:
                _new_user(session, station.id, account, pair, user_id)
        context = context_for(database, made[0][0])
        if upgraded:
            # The attachments and documents, encrypted like the records. A file left plain (a full disk) is sealed
            # when it is next read: the recovery key must reach the administrator whatever happens here.
            with contextlib.suppress(OSError):
                context.blobs.seal_plain_files()
        return SetUp(context, recovery_key)
    except BaseException:
        database.close()
        raise


def _slot(user_id: str, login: str, public_key: str, sealed_private_key: str, key: bytes) -> AccountSlot:
    return AccountSlot(user_id, login, public_key, sealed_private_key, keys.seal_to(public_key, key))


def _new_user(
    session: Session, station_id: uuid.UUID, account: NewAccount, pair: keys.AccountKeys, user_id: uuid.UUID
) -> StaffUser:
    if any(user.public_key for user in accounts_named(session, account.login)):
        raise refusal("login", QT_TRANSLATE_NOOP("Domain", "The login {login} is taken."), login=account.login)
    # An account of the same login from before sign-in (it has no keys) is the same person: it is taken over.
    user = next(iter(accounts_named(session, account.login)), None)
    if user is None:
        user = StaffUser(id=user_id, station_id=station_id, login=account.login)
        session.add(user)
    user.name, user.role = account.name, account.role
    user.public_key, user.sealed_private_key = pair.public_key, pair.sealed_private_key
    session.flush()
    return user


# --- signing in ---------------------------------------------------------------------------------------------------


def _refused(text: str, **params: object) -> SignInRefused:
    return SignInRefused(Message(text, params))


def _slots(data_dir: Path) -> KeySlots:
    try:
        return keyslots.load(data_dir)
    except keyslots.SlotsUnreadable as error:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Domain",
                "This computer's key file is missing or damaged. Use 'Forgot password' with the recovery key "
                "printed when the station was set up.",
            )
        ) from error


def unlock(data_dir: Path, login: str, password: str, *, now: datetime | None = None) -> tuple[uuid.UUID, bytes]:
    """The account whose ``password`` is right, and the database key, without opening the database: for putting a
    backup in place of a file that no longer opens (services.backups.restore_latest)."""
    slot, key = _unlock(data_dir, login, password, now or chinatime.now())
    return uuid.UUID(slot.user_id), key


def _unlock(data_dir: Path, typed_login: str, password: str, now: datetime) -> tuple[AccountSlot, bytes]:
    """The slot ``password`` opens among ``typed_login``'s, and the database key in it; counts wrong passwords."""
    login = typed_login.strip().lower()[:40]
    slots = _slots(data_dir)
    counted = _counted_as(slots, login)
    failures = slots.failures.get(counted)
    if failures is not None:
        if failures.last_at > now:
            # Timed by a clock that was ahead (a flat clock battery, since corrected): counted from now, or the
            # right password would be kept out for as long as the clock was wrong.
            failures = slots.failures[counted] = Failures(failures.count, now.isoformat())
            keyslots.save(data_dir, slots)
        wait = failures.last_at + wait_after_failures(failures.count) - now
        if wait > timedelta(0):
            raise _refused(
                QT_TRANSLATE_NOOP("Domain", "Too many wrong passwords. Please try again in {seconds} seconds."),
                seconds=math.ceil(wait.total_seconds()),
            )
    for slot in slots.for_login(login):
        try:
            key = keys.open_sealed(keys.open_with_password(slot.sealed_private_key, password), slot.sealed_database_key)
        except WrongKey:
            continue
        if failures is not None:
            del slots.failures[counted]
            keyslots.save(data_dir, slots)
        return slot, key
    # A login nobody has counts too (guessing logins is guessing); the file keeps the 100 latest.
    slots.failures[counted] = Failures((failures.count if failures else 0) + 1, now.isoformat())
    slots.failures = dict(sorted(slots.failures.items(), key=lambda item: item[1].last)[-100:])
    slots.unaudited = [*slots.unaudited, [counted, now.isoformat()]][-1000:]
    keyslots.save(data_dir, slots)
    if login in slots.disabled:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "This account has been disabled. Please ask the administrator."))
    raise _refused(QT_TRANSLATE_NOOP("Domain", "The login or the password is wrong."))


UNKNOWN_LOGIN = "?"


def _counted_as(slots: KeySlots, login: str) -> str:
    """What a wrong password is counted and recorded under: the login when it is one of the station's, else one
    shared mark. Nothing of what was typed is kept: a password typed into the login field must not reach the disk,
    not even as a digest (a short one is found by trying a dictionary against it)."""
    if login in {slot.login for slot in slots.accounts} or login in slots.disabled:
        return login
    return UNKNOWN_LOGIN


def _usable(session: Session, user_id: str) -> StaffUser:
    user = session.get(StaffUser, uuid.UUID(user_id))
    if user is None or user.deleted_at is not None:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "The login or the password is wrong."))
    if user.disabled_at is not None:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "This account has been disabled. Please ask the administrator."))
    if user.role is not StaffRole.ADMINISTRATOR and revocation.revoked(session):
        raise _refused(REVOKED_LAPTOP)
    return user


def sign_in(data_dir: Path, login: str, password: str, *, now: datetime | None = None) -> StationContext:
    """Open the station in ``data_dir`` as ``login`` if ``password`` is right; SignInRefused says why not."""
    slot, key = _unlock(data_dir, login, password, now or chinatime.now())
    database = open_station_database(data_dir, key)
    try:
        with database.transaction() as session:
            user_id = _usable(session, slot.user_id).id
        context = context_for(database, user_id)
    except BaseException:
        database.close()
        raise
    _audit_sign_in(context, AuditAction.SIGNED_IN)
    _continue_restored_backup(context)
    refresh_slots(context)
    document_index.write_index(context)
    trust.write_file(context)
    return context


def _audit_sign_in(context: StationContext, action: AuditAction, **details: object) -> None:
    """The sign-in (or unlock) in the audit trail, after the wrong passwords typed on this laptop since the last."""
    slots = _slots(context.data_dir)
    with context.database.transaction() as session:
        for login, at in slots.unaudited:
            moment = datetime.fromisoformat(at).astimezone(chinatime.CHINA_TZ)
            audit.append(session, Actor("", login), AuditAction.SIGN_IN_FAILED, login, at=f"{moment:%Y-%m-%d %H:%M:%S}")
        audit.append(session, Actor.of(context), action, context.user_login, **details)
    if slots.unaudited:
        slots.unaudited = []
        keyslots.save(context.data_dir, slots)


@requires(EVERYONE)
def check_password(context: StationContext, login: str, password: str, *, now: datetime | None = None) -> str:
    """Unlocking a locked window, as the same person or another: the login whose password is right."""
    slot, key = _unlock(context.data_dir, login, password, now or chinatime.now())
    if key != context.database.key:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "The login or the password is wrong."))
    with context.database.transaction() as session:
        user = _usable(session, slot.user_id)
    # A switch of user is recorded in the new person's name, the unlock of one's own window in one's own.
    unlocked = dataclasses.replace(context, user_id=user.id, user_name=user.name, user_login=user.login)
    _audit_sign_in(unlocked, AuditAction.UNLOCKED)
    return user.login


@requires(EVERYONE)
def signed_in_account_disabled(context: StationContext) -> bool:
    """Whether the account signed in here was disabled (or removed) since, on another laptop of the station."""
    with context.database.transaction() as session:
        user = session.get(StaffUser, context.user_id)
        return user is None or user.disabled_at is not None or user.deleted_at is not None


@requires(EVERYONE)  # the account it was sealed to, which it checks itself
def unconfirmed_recovery_key(context: StationContext, password: str) -> str | None:
    """The recovery key of this computer's setup, if the signed-in account (its administrator, who signed in with
    ``password``) has not yet checked a copy of it: it is shown again until then."""
    slots = _slots(context.data_dir)
    if slots.unconfirmed_recovery_key is None:
        return None
    user_id, sealed = slots.unconfirmed_recovery_key
    slot = next((slot for slot in slots.accounts if slot.user_id == user_id), None)
    if user_id != str(context.user_id) or slot is None:
        return None
    try:
        private_key = keys.open_with_password(slot.sealed_private_key, password)
    except WrongKey:
        return None  # not this account's password (a switch of user checks it apart)
    try:
        recovery_key = keys.open_sealed(private_key, sealed).decode("ascii")
        if keys.recovery_secret(recovery_key) == context.database.key:
            return recovery_key
    except (WrongKey, UnicodeDecodeError):
        pass
    # Sealed to a key pair the account no longer has (another administrator reset its password), or not this
    # computer's key at all (a key-slot file written by someone else): nobody can be shown it.
    log.warning("the unchecked recovery key of this computer's setup can no longer be shown: forgotten")
    recovery_key_copied(context.data_dir)
    return None


def recovery_key_copied(data_dir: Path) -> None:
    """A copy of the recovery key was checked, or the key was typed to recover: its sealed copy is removed."""
    slots = _slots(data_dir)
    if slots.unconfirmed_recovery_key is not None:
        slots.unconfirmed_recovery_key = None
        keyslots.save(data_dir, slots)


def same_recovery_key(typed: str, recovery_key: str) -> bool:
    """Whether ``typed`` is ``recovery_key`` as 忘记密码 reads it (any case, dashes and spaces or not): the copy on
    paper checked before the key leaves the screen for good."""
    try:
        return keys.recovery_secret(typed) == keys.recovery_secret(recovery_key)
    except WrongKey:
        return False


def recover(data_dir: Path, recovery_key: str, login: str, password: str) -> StationContext:
    """Forgotten passwords or a lost key file: the printed recovery key opens the station, and ``login`` (an
    account of the station) gets a new password and is signed in."""
    check = Checker()
    try:
        key = keys.recovery_secret(recovery_key)
    except WrongKey:
        key = b""
        count = sum(character.isalnum() for character in recovery_key)
        if count == keys.RECOVERY_CHARACTERS:
            check.refuse(
                "recovery_key",
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "A recovery key has no 0, 1, I or O: check the characters read as those against the sheet.",
                ),
            )
        else:
            check.refuse(
                "recovery_key",
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This is not a whole recovery key: it has 13 groups of 4 letters and digits, and {count} were "
                    "typed. Check it against the sheet.",
                ),
                count=count,
            )
    login = check("", normalise_login, login)
    password = check("", check_new_password, password, known=(login,))
    check.done()
    if state(data_dir) is not State.READY:
        raise NotSetUp(Message(QT_TRANSLATE_NOOP("Domain", "This station has not been set up yet.")))
    try:
        database = open_station_database(data_dir, key)
    except DatabaseDamaged as error:  # a wrong key reads as random bytes: "damaged" would be wrong
        not_this = refusal(
            "recovery_key",
            QT_TRANSLATE_NOOP(
                "Domain",
                "This is not the recovery key of this computer. Each computer of a station has its own: use the sheet "
                "written when this computer was set up, or ask the city bureau for its code.",
            ),
        )
        raise ValidationFailed([not_this]) from error
    try:
        with database.transaction() as session:
            users = accounts_named(session, login)
            if not users:
                raise refusal("login", QT_TRANSLATE_NOOP("Domain", "There is no account {login}."), login=login)
            user = users[0]
            kdf = _kdf_of(data_dir, session)
            user.public_key, user.sealed_private_key = _pair(keys.new_account_keys(password, kdf))
            user.disabled_at = None
        context = context_for(database, user.id)
    except BaseException:
        database.close()
        raise
    if not keyslots.exists(data_dir):
        keyslots.save(data_dir, KeySlots(kdf=DEFAULT_KDF.text()))
    recovery_key_copied(data_dir)  # its account has new keys now: the sealed copy could not be opened again
    _audit_sign_in(context, AuditAction.RECOVERED)
    _continue_restored_backup(context)
    refresh_slots(context)
    return context


def _continue_restored_backup(context: StationContext) -> None:
    """A backup put on this new computer: the next handshake learns how far the computer it came from had sent
    after it (replica.continue_after_restore), as after any restore, or sync would stop as a copied disk."""
    marker = context.data_dir / RESTORED_MARKER
    if not marker.exists():
        return
    from ..storage import replica  # the sync tables: only on this one sign-in

    with context.database.transaction() as session:
        replica.mark_restored(session)
    marker.unlink()


def _pair(pair: keys.AccountKeys) -> tuple[str, str]:
    return pair.public_key, pair.sealed_private_key


def _kdf_of(data_dir: Path, session: Session) -> KdfParams:
    """The cost of deriving a new password's key: the slot file's, set when the station was, but never less than
    the keys its accounts already have, up to the default. The file is not protected against editing: a cost
    lowered there would make every new password on this laptop cheap to guess, and sync would carry those keys to
    the station's other laptops. (Up to the default only: a synced account's key of absurd cost must not make every
    new password here take minutes.)"""
    try:
        chosen = keyslots.load(data_dir).kdf_params
    except keyslots.SlotsUnreadable:
        chosen = DEFAULT_KDF
    for sealed in session.scalars(select(StaffUser.sealed_private_key)):
        existing = keys.sealed_kdf(sealed)
        if existing is not None:
            chosen = chosen.at_least(existing.at_most(DEFAULT_KDF))
    return chosen


@requires(EVERYONE)
def seal_for_city(context: StationContext, public_key: str) -> None:
    """The database key sealed to the city's recovery key (as sync brings it), once per key: the city can then
    open this station when every password and the recovery sheet are lost (``heze-station city-recover``)."""
    slots = keyslots.load(context.data_dir)
    if slots.city is not None and slots.city[0] == public_key:
        return
    action = AuditAction.CITY_KEY_SEALED if slots.city is None else AuditAction.CITY_KEY_CHANGED
    slots.city = [public_key, keys.seal_to(public_key, context.database.key)]
    keyslots.save(context.data_dir, slots)
    # Whoever holds the matching private key can open this station: a new key (or a changed one, which only a
    # city that lost its key, or someone posing as the city, would send) is for the administrator to see.
    audit.record(context, action, hashlib.sha256(public_key.encode()).hexdigest()[:16])


@requires(EVERYONE)
def refresh_slots(context: StationContext) -> None:
    """This laptop's slots as the accounts now stand: a slot for every enabled account with keys (also those made
    on other laptops and pulled by sync), none for disabled or deleted ones."""
    slots = keyslots.load(context.data_dir)
    with context.database.transaction() as session:
        users = session.scalars(select(StaffUser).where(StaffUser.deleted_at.is_(None))).all()
    wanted = {str(user.id): user for user in users if user.disabled_at is None and user.public_key}
    disabled = sorted(
        {user.login for user in users if user.disabled_at is not None} - {u.login for u in wanted.values()}
    )
    current = {slot.user_id: slot for slot in slots.accounts}
    changed = set(current) - set(wanted)
    if disabled != slots.disabled:
        slots.disabled = disabled
        changed.add("disabled")
    for user_id in changed:
        slots.remove(user_id)
    for user_id, user in wanted.items():
        slot = current.get(user_id)
        if slot is None or (slot.public_key, slot.sealed_private_key, slot.login) != (
            user.public_key,
            user.sealed_private_key,
            user.login,
        ):
            try:
                slots.put(_slot(user_id, user.login, user.public_key, user.sealed_private_key, context.database.key))
            except WrongKey:
                # Not a key (a device that synced junk): this account has no slot here, and every other one does.
                log.warning("an account's public key from the city is not a key; it cannot sign in on this laptop")
                continue
            changed.add(user_id)
    if changed:
        keyslots.save(context.data_dir, slots)
        from . import backups  # which uses this module: the one call back

        backups.retire_stale_slots(context)


# --- the administrator's accounts ---------------------------------------------------------------------------------


@requires(ADMINISTRATION)
def list_accounts(context: StationContext) -> list[AccountRow]:
    """Every account of the station, enabled ones first, then by login."""
    with context.database.transaction() as session:
        users = session.scalars(select(StaffUser).where(StaffUser.deleted_at.is_(None)).order_by(StaffUser.login))
        rows = [AccountRow(u.id, u.name, u.login, u.role, u.disabled_at is not None) for u in users]
    # Ids are UUIDv7: the smallest is the oldest account, which keeps the login (accounts_named).
    holder: dict[str, uuid.UUID] = {}
    for row in sorted(rows, key=lambda row: row.id):
        holder.setdefault(row.login, row.id)
    rows = [dataclasses.replace(row, shadowed=holder[row.login] != row.id) for row in rows]
    return sorted(rows, key=lambda row: row.disabled)


@requires(ADMINISTRATION)
def add_account(context: StationContext, account: NewAccount) -> uuid.UUID:
    check = Checker()
    account = _account(account, context.station_name, check)
    check.done()
    with context.database.transaction() as session:
        kdf = _kdf_of(context.data_dir, session)
    # Derived outside the transaction, which holds the file's write lock (a sync would wait on it).
    pair = keys.new_account_keys(account.password, kdf)
    with context.database.transaction() as session:
        user_id = _new_user(session, context.station_id, account, pair, new_id()).id
        audit.append(session, Actor.of(context), AuditAction.ACCOUNT_ADDED, account.login)
    refresh_slots(context)
    return user_id


@requires(ADMINISTRATION)
def set_disabled(context: StationContext, user_id: uuid.UUID, disabled: bool) -> None:
    """Disable (or enable again) an account; never one's own, so a station always keeps an administrator."""
    if user_id == context.user_id:
        raise DomainError(Message(QT_TRANSLATE_NOOP("Domain", "You cannot disable your own account.")))
    with context.database.transaction() as session:
        user = _user(session, user_id)
        user.disabled_at = chinatime.now() if disabled else None
        action = AuditAction.ACCOUNT_DISABLED if disabled else AuditAction.ACCOUNT_ENABLED
        audit.append(session, Actor.of(context), action, user.login)
    refresh_slots(context)


@requires(ADMINISTRATION)
def reset_password(context: StationContext, user_id: uuid.UUID, password: str) -> None:
    """A new password for someone who forgot theirs (the administrator tells them, they change it): a new key pair,
    since the old private key cannot be opened without the old password."""
    with context.database.transaction() as session:
        user = _user(session, user_id)
        known = (user.login, user.name, context.station_name)
        kdf = _kdf_of(context.data_dir, session)
    check_new_password(password, known=known)
    # Derived outside the transaction, which holds the file's write lock (a sync would wait on it).
    pair = keys.new_account_keys(password, kdf)
    with context.database.transaction() as session:
        user = _user(session, user_id)
        user.public_key, user.sealed_private_key = _pair(pair)
        audit.append(session, Actor.of(context), AuditAction.PASSWORD_RESET, user.login)
    refresh_slots(context)


@requires(EVERYONE)
def change_password(context: StationContext, current: str, new: str) -> None:
    check = Checker()
    known = (context.user_login, context.user_name, context.station_name)
    check(None, check_new_password, new, field="new_password", known=known)
    check.done()
    with context.database.transaction() as session:
        user = _user(session, context.user_id)
        try:
            user.sealed_private_key = keys.reseal_private_key(
                user.sealed_private_key, current, new, _kdf_of(context.data_dir, session)
            )
        except WrongKey as wrong:
            raise refusal("current_password", QT_TRANSLATE_NOOP("Domain", "The current password is wrong.")) from wrong
        audit.append(session, Actor.of(context), AuditAction.PASSWORD_CHANGED, user.login)
    refresh_slots(context)


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
        subject = QT_TRANSLATE_NOOP("Domain", "Idle minutes before the window locks")
        audit.append(session, Actor.of(context), AuditAction.SETTING_CHANGED, subject, value=minutes)
