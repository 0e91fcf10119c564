"""Stations for tests, benchmarks and screenshots: set up on first use, then opened as their administrator."""

from pathlib import Path

from argon2 import PasswordHasher

from heze_station.domain.accounts import StaffRole
from heze_station.services import accounts
from heze_station.services.accounts import NewAccount, StationDetails
from heze_station.services.station import StationContext, open_station

DETAILS = StationDetails(
    name="菏谐驿站",
    address="菏泽市牡丹区万福街道",
    mediation_committee="菏泽市牡丹区万福街道劳动争议调解委员会",
)
ADMINISTRATOR = NewAccount("王管理", "admin", "test-password-1", StaffRole.ADMINISTRATOR)
# Argon2id at its cheapest: the tests check what hashing does, not how slow it is (make bench measures that).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def open_test_station(folder: Path, login: str = ADMINISTRATOR.login) -> StationContext:
    """The station in ``folder`` as ``login``; set up with DETAILS and ADMINISTRATOR if it is new or from before
    sign-in existed."""
    if accounts.state(folder) is not accounts.State.READY:
        accounts.set_up(folder, DETAILS, ADMINISTRATOR).close()
    return open_station(folder, login)


def add_account(context: StationContext, login: str, role: StaffRole, password: str = "test-password-2") -> None:
    accounts.add_account(context, NewAccount(f"{login}的名字", login, password, role))
