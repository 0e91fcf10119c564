"""A real city server on loopback for the GUI's sync tests, which a test can stop and start again at the same address.

The server runs in a thread exactly like tests/server's (uvicorn, the real app, SQLite); stopping it closes the
listening socket, so the station sees "connection refused" as it would with the network down, and starting it
again on the same port lets the station recover on its own.
"""

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from heze_station.server import auth
from heze_station.server.app import create_app
from heze_station.server.config import Settings
from heze_station.services import sync
from heze_station.services.station import StationContext
from heze_station.station_sync.backoff import Backoff
from heze_station.storage import settings
from heze_station.ui.main_window import MainWindow
from heze_station.ui.sync_controller import SyncController
from heze_station.ui.workspace import Workspace
from tests.server.conftest import WAIT_SECONDS, PromptServer, Server, migrated_database, wait_for
from tests.stations import join_city
from tests.ui.conftest import wait_idle

STATION = "城区驿站"


@dataclass
class CityServer(Server):
    port: int = 0
    _running: PromptServer | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    stations: dict[str, uuid.UUID] = field(default_factory=dict)

    def start(self) -> None:
        config = uvicorn.Config(
            create_app(self.settings, self.database), host="127.0.0.1", port=self.port, log_level="warning"
        )
        running = PromptServer(config)
        thread = threading.Thread(target=running.run, name="city-server", daemon=True)
        thread.start()
        wait_for(lambda: running.started or not thread.is_alive(), "the city server to start")
        assert running.started, "the city server did not start"
        self.port = running.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._running, self._thread = running, thread

    def stop(self) -> None:
        if self._running is not None and self._thread is not None:
            self._running.should_exit = True
            self._thread.join(timeout=WAIT_SECONDS)
            assert not self._thread.is_alive(), "the city server did not stop"
        self._running = self._thread = None

    def station_code(self, station: str = STATION) -> str:
        if station not in self.stations:
            self.stations[station] = self.create_station(station)
        return self.enrol_code(self.stations[station])

    def enrol(self, context: StationContext, device_name: str, station: str = STATION) -> None:
        join_city(context, self.url, self.station_code(station), device_name)

    def revoke(self, context: StationContext) -> None:
        with context.database.transaction() as session:
            device_id = uuid.UUID(settings.get(session, sync.DEVICE_ID))
        with self.database.transaction() as session:
            auth.revoke_device(session, device_id)


@contextmanager
def serve(tmp_path: Path) -> Iterator[CityServer]:
    """A city server started with its data under ``tmp_path``; stopped and closed on leaving (the ``city`` fixture)."""
    # Nothing counted at start: no GUI test reads the supervision page's figures, and the count would run beside the
    # tests' windows in their process (a large city's count also runs the collector, which must run only on the GUI
    # thread there: ui/garbage.py).
    settings = Settings(data_dir=tmp_path / "server", max_request_bytes=4 * 1024 * 1024, count_at_start=False)
    database = migrated_database(settings)
    server = CityServer(url="", settings=settings, database=database)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        database.close()


def open_window(qtbot, workspace: Workspace, *, first: float = 0.05, cap: float = 0.2, **options) -> MainWindow:
    """The main window with a sync controller whose delays are short enough for a test."""
    options.setdefault("watch_network", False)
    controller = SyncController(workspace, backoff=Backoff(first=first, cap=cap), debounce_ms=50, **options)
    window = MainWindow(workspace, sync=controller)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_quiet(qtbot, window: MainWindow) -> None:
    """Until no sync runs and every result (the sync's, the views') has been delivered."""
    qtbot.waitUntil(lambda: not window.sync.busy and not window.workspace.tasks.busy, timeout=20_000)
    wait_idle(qtbot, window.workspace)
