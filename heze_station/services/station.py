"""Opening a station's data folder as one of its accounts: the database, the station, who works, the calendar.

Who may open it is decided before (services.accounts checks the password); this module only opens.
"""

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.accounts import StaffRole
from ..domain.errors import DomainError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.workcalendar import WorkCalendar
from ..paths import DATABASE_FILE
from ..storage import settings
from ..storage.blobs import BlobStore
from ..storage.database import Database, open_database
from ..storage.keys import subkey
from ..storage.models import StaffUser, Station
from . import calendar

ATTACHMENTS_DIR = "attachments"
DEFAULT_CASE_WORD = "菏谐调字"
CITY_ARBITRATION_COMMITTEE = "菏泽市劳动人事争议仲裁委员会"
STATION_SETTING = "station_id"


class NotSetUp(DomainError):
    """The data folder has no station yet, or no account that can sign in: the setup step comes first."""


@dataclass
class StationContext:
    """What every service needs: the open database, the station, and the signed-in person and their role."""

    database: Database
    station_id: uuid.UUID
    user_id: uuid.UUID
    station_name: str
    user_name: str
    user_login: str
    user_role: StaffRole
    arbitration_committee: str = CITY_ARBITRATION_COMMITTEE
    calendar: WorkCalendar = field(default_factory=WorkCalendar.weekends_only)

    @property
    def data_dir(self) -> Path:
        return self.database.path.parent

    @property
    def signing_passphrase(self) -> bytes:
        """What the station's signing key file is encrypted with (documents.signing)."""
        return subkey(self.database.key, "signing key")

    @property
    def blobs(self) -> BlobStore:
        """Attachment bytes, encrypted, in a folder beside the database file."""
        return BlobStore(self.data_dir / ATTACHMENTS_DIR, subkey(self.database.key, ATTACHMENTS_DIR))

    def close(self) -> None:
        self.database.close()


def station_of(session: Session) -> Station | None:
    """This device's station, None before the setup step."""
    station_id = settings.get(session, STATION_SETTING)
    return session.get(Station, uuid.UUID(station_id)) if station_id else None


def accounts_named(session: Session, login: str) -> list[StaffUser]:
    """The accounts with ``login``, oldest first: two offline laptops may each have made one (the oldest wins)."""
    query = select(StaffUser).where(StaffUser.login == login, StaffUser.deleted_at.is_(None)).order_by(StaffUser.id)
    return list(session.scalars(query))


def open_station_database(data_dir: Path, key: bytes | None) -> Database:
    """The station database in ``data_dir``, created and upgraded as needed; private to this computer's user.

    ``key``: None only for a plain file from before encryption, opened to be converted (services.accounts).
    """
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    database = open_database(data_dir / DATABASE_FILE, key)
    # Imported here: the deadlines read cases through case_queries, which needs this module's StationContext.
    from . import deadlines

    deadlines.keep_current(database)
    if os.name == "posix":
        # Also for a folder made by an earlier version with the default, world-readable modes. SQLite gives the
        # -wal and -shm files the database file's mode.
        data_dir.chmod(0o700)
        database.path.chmod(0o600)
    return database


def context_for(database: Database, user_id: uuid.UUID) -> StationContext:
    """The context of ``database`` with ``user_id`` signed in (the caller checked the password)."""
    with database.transaction() as session:
        calendar.seed_if_empty(session)
        work_calendar = calendar.load(session)
        station = station_of(session)
        user = session.get(StaffUser, user_id)
        if station is None or user is None:
            raise NotSetUp(Message(QT_TRANSLATE_NOOP("Domain", "This station has not been set up yet.")))
        return StationContext(
            database,
            station.id,
            user.id,
            station.name,
            user.name,
            user.login,
            user.role,
            arbitration_committee=station.arbitration_committee or CITY_ARBITRATION_COMMITTEE,
            calendar=work_calendar,
        )


def open_station(data_dir: Path, login: str, key: bytes) -> StationContext:
    """Open the station in ``data_dir`` with its database ``key`` as the account ``login``, whose password the
    caller has checked.

    Raises DatabaseUnusable, with a message for the coordinator, when the file is damaged or too new, and NotSetUp
    when there is no such station or account.
    """
    database = open_station_database(data_dir, key)
    try:
        with database.transaction() as session:
            accounts = accounts_named(session, login)
        if not accounts:
            raise NotSetUp(Message(QT_TRANSLATE_NOOP("Domain", "There is no account {login}."), {"login": login}))
        return context_for(database, accounts[0].id)
    except BaseException:
        database.close()
        raise
