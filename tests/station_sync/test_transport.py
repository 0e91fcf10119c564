"""Transport: https to the city (with the city's own certificate authority, or a pinned certificate), and never an
unencrypted address on a network unless an administrator marks it as the city's closed network."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from heze_station.domain.errors import InvalidInput
from heze_station.server import migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import SyncRow
from heze_station.services import sync
from heze_station.services.station import StationContext
from heze_station.station_sync.addresses import normalise_url, unencrypted
from heze_station.station_sync.failures import FailureReason
from tests.factories import intake_form, register
from tests.server.conftest import Server, serve_in_thread
from tests.stations import join_city, open_test_station
from tests.tls import CityAuthority


@pytest.fixture
def city_tls(tmp_path: Path) -> Iterator[tuple[Server, CityAuthority, Path]]:
    """The city server behind https, with a certificate from the city's own authority; and the server's own
    certificate file (to pin it)."""
    authority = CityAuthority(tmp_path)
    served = authority.server()
    settings = Settings(data_dir=tmp_path / "server")
    database = Database(settings)
    migrations.upgrade(database.engine)
    running, thread, url = serve_in_thread(settings, database, tls=(served.certificate, served.key))
    yield Server(url, settings, database), authority, served.certificate
    running.should_exit = True
    thread.join()
    database.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[StationContext]:
    context = open_test_station(tmp_path / "笔记本")
    yield context
    context.close()


def test_an_address_typed_without_a_scheme_is_https_and_only_this_computer_may_be_plain() -> None:
    assert normalise_url("city.example.cn:8443/") == "https://city.example.cn:8443"
    for address, plain in [("https://10.37.17.2", False), ("city.example.cn", False), ("http://10.37.17.2:8000", True),
                           ("http://city.example.cn", True), ("http://127.0.0.1:8080", False),
                           ("http://localhost:8080", False), ("http://[::1]:8080", False)]:  # fmt: skip
        assert unencrypted(normalise_url(address)) is plain, address


def test_an_address_typed_with_a_chinese_input_method_left_on_is_read_as_meant() -> None:
    assert normalise_url("http：//１２７。0。0。1：8080/ ") == "http://127.0.0.1:8080"
    assert normalise_url("ｃｉｔｙ．ｅｘａｍｐｌｅ．ｃｎ") == "https://city.example.cn"
    assert not unencrypted(normalise_url("http：//127。0。0。1：8080"))


@pytest.mark.parametrize("address", ["http://[10.37.17.2:8000", "https://:8000", "10.37.17.2:八千", "ftp://10.37.17.2"])
def test_what_is_no_address_is_said_beside_the_address(laptop: StationContext, address: str) -> None:
    with pytest.raises(InvalidInput, match="not a server address") as refused:
        sync.enrol(laptop, address, "AAAA-BBBB-CCCC", "前台")
    assert refused.value.field == "server_url"


def test_an_address_that_is_some_other_web_page_is_said_to_be_no_city_sync_server(
    server: Server, laptop: StationContext
) -> None:
    """The supervision page's address, or a portal's: not "the city server had a problem, try again later"."""
    code = server.enrol_code(server.create_station("城区驿站"))
    with pytest.raises(sync.SyncProblem) as refused:
        sync.enrol(laptop, f"{server.url}/city", code, "前台")
    assert refused.value.reason is FailureReason.REFUSED
    assert not refused.value.reason.transient
    assert sync.sync_status(laptop).state is sync.SyncState.NOT_ENROLLED


def test_an_unencrypted_address_is_refused_before_anything_is_sent(laptop: StationContext) -> None:
    with pytest.raises(sync.SyncProblem) as refused:
        join_city(laptop, "http://10.37.17.2:8000", "AAAA-BBBB-CCCC", "前台")
    assert refused.value.reason is FailureReason.UNENCRYPTED
    assert "http://" in refused.value.message.render()
    assert sync.sync_status(laptop).state is sync.SyncState.NOT_ENROLLED


def test_the_citys_own_authority_is_trusted_once_given_and_a_station_syncs_over_https(
    city_tls: tuple[Server, CityAuthority, Path], laptop: StationContext, tmp_path: Path
) -> None:
    server, authority, _pinned = city_tls
    station = server.create_station("城区驿站")
    assert server.url.startswith("https://")

    # Without the city's certificate the server proves nothing: nothing is sent, and the person is told why.
    with pytest.raises(sync.SyncProblem) as untrusted:
        join_city(laptop, server.url, server.enrol_code(station), "前台")
    assert untrusted.value.reason is FailureReason.UNTRUSTED_CERTIFICATE
    not_a_certificate = tmp_path / "readme.pem"
    not_a_certificate.write_text("hello", encoding="utf-8")
    with pytest.raises(InvalidInput) as wrong_file:
        join_city(laptop, server.url, server.enrol_code(station), "前台", certificate=not_a_certificate)
    assert wrong_file.value.field == "certificate"

    join_city(laptop, server.url.removeprefix("https://"), server.enrol_code(station), "前台",
               certificate=authority.path)  # fmt: skip
    case_id = register(laptop, intake_form(1))
    assert sync.sync_now(laptop).pushed > 0
    assert sync.sync_status(laptop).state is sync.SyncState.UP_TO_DATE
    with server.database.transaction() as session:
        assert session.get(SyncRow, case_id) is not None


def test_a_pinned_server_certificate_is_trusted_as_it_is(
    city_tls: tuple[Server, CityAuthority, Path], laptop: StationContext
) -> None:
    server, _authority, pinned = city_tls
    join_city(laptop, server.url, server.enrol_code(server.create_station("城区驿站")), "前台", certificate=pinned)
    sync.sync_now(laptop)
    assert sync.sync_status(laptop).state is sync.SyncState.UP_TO_DATE
