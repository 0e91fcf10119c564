"""Two server processes against one database at once (scale-out behind a proxy): devices talking to either one
see the same data, and a retry that lands on the other process is still recognised as a replay."""

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from heze_station.domain.ids import new_id
from heze_station.server import auth
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import Station

from .client import DeviceClient
from .conftest import server_command, wait_for


def free_ports(count: int) -> list[int]:
    """Ports free right now, all different (the sockets are held open together while they are picked)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture
def two_servers(settings: Settings) -> Iterator[list[str]]:
    ports = free_ports(2)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    logs = [(settings.data_dir / f"serve-{port}.log").open("w") for port in ports]
    processes = [
        server_command(settings, "serve", "--port", str(port), stderr=log)
        for port, log in zip(ports, logs, strict=True)
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, process in zip(urls, processes, strict=True):
            wait_for(lambda url=url, process=process: answers(url) or process.poll() is not None, f"{url} to serve")
            assert process.poll() is None, process.communicate()
        yield urls
    finally:
        for process, log in zip(processes, logs, strict=True):
            process.terminate()
            process.communicate(timeout=30)
            log.close()


@pytest.mark.slow
def test_devices_on_two_server_processes_share_one_database(settings: Settings, two_servers: list[str]) -> None:
    database = Database(settings)
    with database.transaction() as session:
        station = Station(id=new_id(), name="城区驿站")
        session.add(station)
        session.flush()
        codes = [auth.issue_enrolment_code(session, settings, station.id, auth.STATION_ROLE).code for _ in range(4)]
    database.close()
    devices = [DeviceClient.enrol(two_servers[n % 2], code, f"device {n}") for n, code in enumerate(codes)]
    errors: list[BaseException] = []

    def work(device: DeviceClient) -> None:
        try:
            for n in range(20):
                device.push_ok(device.transaction(device.op("person", new_id(), {"name": f"{device.device_id}-{n}"})))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(device,)) for device in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    for device in devices:
        assert len(device.latest()) == 4 * 20

    # The answer to a push on one process got lost; the retry is routed to the other process.
    first = devices[0]
    tx = first.transaction(first.op("person", new_id(), {"name": "重试"}))
    original = first.push_ok(tx)
    first.http = httpx.Client(base_url=two_servers[1], headers=first.http.headers)
    retried = first.push_ok(tx)
    assert retried["results"][0]["replayed"]
    assert retried["results"][0]["ops"] == original["results"][0]["ops"]
    assert len(devices[1].latest()) == 4 * 20 + 1


@pytest.mark.slow
def test_a_server_with_two_worker_processes_serves_devices_on_one_port_and_logs_their_requests(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEZE_SERVER_WORKERS", "2")
    [port] = free_ports(1)
    url = f"http://127.0.0.1:{port}"
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log_path = settings.data_dir / "serve.log"
    with log_path.open("w") as log:
        process = server_command(settings, "serve", "--port", str(port), stderr=log)
        try:
            wait_for(lambda: answers(url) or process.poll() is not None, f"{url} to serve")
            assert process.poll() is None, process.communicate()
            database = Database(settings)
            with database.transaction() as session:
                station = Station(id=new_id(), name="城区驿站")
                session.add(station)
                session.flush()
                codes = [auth.issue_enrolment_code(session, settings, station.id, auth.STATION_ROLE).code for _ in "ab"]
            database.close()
            devices = [DeviceClient.enrol(url, code, f"laptop {code[:4]}") for code in codes]
            for n, device in enumerate(devices):
                device.push_ok(device.transaction(device.op("person", new_id(), {"name": f"工人{n}"})))
            for device in devices:
                assert sorted(change["fields"]["name"] for change in device.latest().values()) == ["工人0", "工人1"]
        finally:
            process.terminate()
            process.communicate(timeout=30)
    assert "/v1/sync/push" in log_path.read_text()  # each worker writes the access log
