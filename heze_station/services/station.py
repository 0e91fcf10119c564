"""Opening a station's data folder: the database, the station and user this device works as, the calendar."""

import getpass
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from ..domain.workcalendar import WorkCalendar
from ..storage import settings
from ..storage.blobs import BlobStore
from ..storage.database import Database, open_database
from ..storage.models import Setting, StaffRole, StaffUser, Station
from . import calendar

DATABASE_FILE = "station.sqlite3"
ATTACHMENTS_DIR = "attachments"
DEFAULT_STATION_NAME = "菏谐驿站"
DEFAULT_CASE_WORD = "菏谐调字"


@dataclass
class StationContext:
    """What every service needs: the open database and who is working where."""

    database: Database
    station_id: uuid.UUID
    user_id: uuid.UUID
    station_name: str
    user_name: str
    calendar: WorkCalendar = field(default_factory=WorkCalendar.weekends_only)

    @property
    def blobs(self) -> BlobStore:
        """Attachment bytes, in a folder beside the database file."""
        return BlobStore(self.database.path.parent / ATTACHMENTS_DIR)

    def close(self) -> None:
        self.database.close()


def _first_run(session: Session) -> tuple[uuid.UUID, uuid.UUID]:
    # Personal logins arrive with the personal-information issue; until then the device works as its OS user.
    station = Station(name=DEFAULT_STATION_NAME, case_word=DEFAULT_CASE_WORD)
    session.add(station)
    session.flush()
    login = getpass.getuser()
    user = StaffUser(station_id=station.id, name=login, login=login, role=StaffRole.ADMINISTRATOR)
    session.add(user)
    session.flush()
    session.add_all([Setting(key="station_id", value=str(station.id)), Setting(key="user_id", value=str(user.id))])
    return station.id, user.id


def open_station(data_dir: Path) -> StationContext:
    """Open (creating on first use) the station database in ``data_dir``.

    Raises DatabaseUnusable, with a message for the coordinator, when the file is damaged or too new.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(data_dir / DATABASE_FILE)
    with database.transaction() as session:
        station_id, user_id = settings.get(session, "station_id"), settings.get(session, "user_id")
        ids = (uuid.UUID(station_id), uuid.UUID(user_id)) if station_id and user_id else _first_run(session)
        calendar.seed_if_empty(session)
        work_calendar = calendar.load(session)
        station = session.get_one(Station, ids[0])
        user = session.get_one(StaffUser, ids[1])
        return StationContext(database, *ids, station.name, user.name, calendar=work_calendar)
