"""Stations for tests, benchmarks and screenshots: set up on first use, then opened as one of their accounts."""

from pathlib import Path

from heze_station.domain.accounts import StaffRole
from heze_station.services import accounts
from heze_station.services.accounts import NewAccount, StationDetails
from heze_station.services.station import StationContext, open_station
from heze_station.storage import keys, keyslots
from heze_station.storage.keys import KdfParams

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
    return accounts.set_up(folder, DETAILS, ADMINISTRATOR, kdf=TEST_KDF)


def open_test_station(folder: Path, login: str = ADMINISTRATOR.login) -> StationContext:
    """The station in ``folder`` as ``login``; set up with DETAILS and ADMINISTRATOR if it is new or from before
    sign-in existed."""
    if accounts.state(folder) is not accounts.State.READY:
        set_up(folder).context.close()
    if login == ADMINISTRATOR.login:
        return accounts.sign_in(folder, login, ADMINISTRATOR.password)
    return open_station(folder, login, database_key(folder))


def database_key(folder: Path, login: str = ADMINISTRATOR.login, password: str = ADMINISTRATOR.password) -> bytes:
    """The station's database key as ``login``'s password opens it from the key-slot file, without opening (and so
    without changing) anything: for reading a station's file from outside the program."""
    slot = keyslots.load(folder).for_login(login)[0]
    return keys.open_sealed(keys.open_with_password(slot.sealed_private_key, password), slot.sealed_database_key)


def add_account(context: StationContext, login: str, role: StaffRole, password: str = OTHER_PASSWORD) -> None:
    accounts.add_account(context, NewAccount(f"{login}的名字", login, password, role))
