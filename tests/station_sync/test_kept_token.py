"""A laptop keeps its access token between syncs (a sync every few minutes need not ask for one each time), and
asks for a new one when the city no longer knows the kept one (the server was restored from a backup)."""

from sqlalchemy import delete, func, select

from heze_station.server.models import AccessToken
from heze_station.services import sync
from tests.factories import intake_form, register
from tests.server.conftest import Server

from .conftest import Laptops


def _tokens(server: Server) -> int:
    with server.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(AccessToken)) or 0


def test_syncs_share_one_token_and_a_token_the_city_lost_is_replaced(laptops: Laptops, server: Server) -> None:
    laptop = laptops("前台")
    register(laptop, intake_form())
    assert sync.sync_now(laptop).pushed
    issued = _tokens(server)
    register(laptop, intake_form(employer_serial=2))
    assert sync.sync_now(laptop).pushed
    assert _tokens(server) == issued
    with server.database.transaction() as session:  # a backup from before the token was issued, put back
        session.execute(delete(AccessToken))
    register(laptop, intake_form(employer_serial=3))
    assert sync.sync_now(laptop).pushed
    assert _tokens(server) == 1
    assert sync.sync_status(laptop).state is sync.SyncState.UP_TO_DATE
