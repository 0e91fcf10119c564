"""Stations for tests, benchmarks and screenshots: set up on first use, then opened as one of their accounts.

Setting a station up (its keys, then every migration) costs about half a second; under pytest a new station is
instead a copy of one set up earlier in the same run (``Templates``), which costs a few milliseconds.
"""

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config

from heze_station.domain.accounts import StaffRole
from heze_station.paths import DATABASE_FILE, has_station
from heze_station.services import accounts, sync
from heze_station.services.accounts import NewAccount, StationDetails
from heze_station.services.station import StationContext, open_station, open_station_database
from heze_station.storage import keys, keyslots, migrations, settings
from heze_station.storage.database import Database
from heze_station.storage.keys import KdfParams
from heze_station.storage.models import StaffUser, Station

DETAILS = StationDetails(
    name="菏谐驿站",
    address="菏泽市牡丹区万福街道",
    mediation_committee="菏泽市牡丹区万福街道劳动争议调解委员会",
)
ADMINISTRATOR = NewAccount("王管理", "admin", "test-password-1", StaffRole.ADMINISTRATOR)
OTHER_PASSWORD = "test-password-2"
# Argon2id at its cheapest: the tests check what the keys do, not how slow they are to guess (make bench does).
TEST_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


def set_up(folder: Path) -> accounts.SetUp:
    """The test station, set up as its administrator does: the recovery key copied and checked."""
    made = accounts.set_up(folder, DETAILS, ADMINISTRATOR, kdf=TEST_KDF)
    accounts.recovery_key_copied(folder)
    return made


class Templates:
    """Stations set up once per test run (per xdist worker), whose files are copied for each new station.

    A copy has its template's identity: station, administrator, device and clock ids, keys. Stations that meet
    (a laptop syncing with another, a backup restored elsewhere) must differ, so the n-th new station of a test is a
    copy of the n-th template: within a test every station is its own, as if set up anew. Tests never meet; a
    module's shared station (test_search, test_access) may have the identity of one its tests make, and never
    meets it either.
    """

    def __init__(self, folder: Path):
        self._folder = folder
        self._made = 0
        self._used = 0

    def start_test(self) -> None:
        self._used = 0

    def copy_to(self, folder: Path) -> None:
        template = self._folder / str(self._used)
        self._used += 1
        if self._made < self._used:
            set_up(template).context.close()  # the last connection closed: everything is in the database file
            self._made = self._used
        # shutil.copy: the copies' times are now, as a station's just set up; the folder keeps its private mode.
        shutil.copytree(template, folder, copy_function=shutil.copy, dirs_exist_ok=True)


templates: Templates | None = None  # set for the test run by tests/conftest.py; scripts set stations up anew


def open_test_station(folder: Path, login: str = ADMINISTRATOR.login) -> StationContext:
    """The station in ``folder`` as ``login``; set up with DETAILS and ADMINISTRATOR if it is new or from before
    sign-in existed."""
    if accounts.state(folder) is not accounts.State.READY:
        if templates is not None and not has_station(folder):
            templates.copy_to(folder)
        else:
            set_up(folder).context.close()
    if login == ADMINISTRATOR.login:
        return accounts.sign_in(folder, login, ADMINISTRATOR.password)
    return open_station(folder, login, database_key(folder))


def database_key(folder: Path, login: str = ADMINISTRATOR.login, password: str = ADMINISTRATOR.password) -> bytes:
    """The station's database key as ``login``'s password opens it from the key-slot file, without opening (and so
    without changing) anything: for reading a station's file from outside the program."""
    slot = keyslots.load(folder).for_login(login)[0]
    return keys.open_sealed(keys.open_with_password(slot.sealed_private_key, password), slot.sealed_database_key)


@contextmanager
def station_file(folder: Path) -> Iterator[Database]:
    """The station's database in ``folder``, opened from outside the program (see database_key)."""
    database = Database(folder / DATABASE_FILE, database_key(folder))
    try:
        yield database
    finally:
        database.close()


def downgrade(database: Database, revision: str) -> None:
    """Alembic's downgrades to ``revision``: the file as the program of that revision left it."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["engine"] = database.engine
    command.downgrade(config, revision)


def add_account(context: StationContext, login: str, role: StaffRole, password: str = OTHER_PASSWORD) -> None:
    accounts.add_account(context, NewAccount(f"{login}的名字", login, password, role))


def join_city(context: StationContext, url: str, code: str, device_name: str, **options: object) -> sync.Enrolment:
    """Enrol as an administrator does who was told the station's name with the code: a code for a station by another
    name than the test station's is confirmed."""
    try:
        return sync.enrol(context, url, code, device_name, **options)  # type: ignore[arg-type]
    except sync.OtherStation as other:
        return sync.complete_enrolment(context, other.pending)


def plain_station(folder: Path) -> uuid.UUID:
    """A station from a version without sign-in, in ``folder``: its data file plain, with the station (its id is
    returned) and its operating-system account ``root``, as those versions left it."""
    plain = open_station_database(folder, None)
    with plain.transaction() as session:
        station = Station(name="旧驿站", case_word="菏谐调字")
        session.add(station)
        session.flush()
        session.add(StaffUser(station_id=station.id, name="root", login="root", role=StaffRole.ADMINISTRATOR))
        settings.put(session, "station_id", str(station.id))
    plain.close()
    return station.id
