"""Syncing for the main window: when to sync, on which thread, and what the window hears about it.

A sync runs on a thread of its own (the network may take minutes; the database worker the views use must stay
free) and reports back through queued signals. It is started:

- soon after the window opens, and every few minutes while the computer is enrolled;
- a few seconds after the last local change (``Workspace.data_changed``), so an edit leaves without anyone asking;
- after a transient failure (no network, a server error), again and again with growing, jittered delays (F12),
  without waiting for a new edit;
- when the operating system says the network is back (QNetworkInformation, where a backend is available);
- when the person asks (立即同步).

A stopped sync (the device was revoked, the program is too old, the disk was copied) is not retried automatically:
it needs a person, who enrols again or presses 立即同步.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.changes import EVERYTHING
from ..services.sync_state import SyncProblem, SyncState, SyncStatus
from ..station_sync.backoff import Backoff
from ..station_sync.progress import Phase, Progress, SyncReport
from .tasks import TaskRunner
from .workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation

    from ..services.sync import Enrolment

log = logging.getLogger(__name__)

PERIOD_MS = 5 * 60_000  # a sync every five minutes brings the other computers' work even when nobody types here
DEBOUNCE_MS = 4_000  # after the last local change: a burst of edits leaves in one sync


def _service(name: str) -> Callable[..., Any]:
    """services.sync's function ``name``, looked up on the thread that calls it: the module (the replica, the sync
    tables) loads on a worker at the first status read, not with the window."""

    def call(*args: Any, **kwargs: Any) -> Any:
        from ..services import sync

        return getattr(sync, name)(*args, **kwargs)

    return call


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus, after every reload
    running_changed = Signal(bool)
    progress_changed = Signal(object)  # Progress
    sync_finished = Signal(object)  # SyncReport
    sync_failed = Signal(object)  # Exception (a SyncProblem, unless something unexpected broke)
    enrolment_done = Signal(object)  # Enrolment
    enrolment_failed = Signal(object)  # Exception
    _reported = Signal(object)  # Progress, emitted on the sync thread and queued to this (the GUI) thread

    def __init__(
        self,
        workspace: Workspace,
        *,
        backoff: Backoff | None = None,
        period_ms: int = PERIOD_MS,
        debounce_ms: int = DEBOUNCE_MS,
        watch_network: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        # Demo data is generated: it must never reach the city server.
        self.enabled = not workspace.demo
        self.backoff = backoff or Backoff()
        self.runner = TaskRunner(self, thread_name="sync")
        self.status: SyncStatus | None = None
        self.running = False
        self.progress: Progress | None = None
        self.next_retry_at: datetime | None = None
        self._outcome: SyncReport | Exception | None = None
        self._again = False  # asked for while a sync ran: run once more after it
        self._announcing = False  # our own data_changed is not a local edit
        self._sync_when_known = True  # the first status decides whether to sync at start
        self._closed = False

        self._periodic = QTimer(self)
        self._periodic.setInterval(period_ms)
        self._periodic.timeout.connect(self._automatic)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._automatic)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._automatic)
        self._reported.connect(self._progress)
        workspace.data_changed.connect(self._local_change)
        self._watches_network = watch_network
        self._network: QNetworkInformation | None = None  # watched from start() on

    # --- what the window uses -----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a sync or an enrolment is under way or its result has not been delivered yet."""
        return self.running or self.runner.busy

    @property
    def network_watched(self) -> bool:
        return self._network is not None

    @property
    def retry_pending(self) -> bool:
        return self._retry.isActive()

    def start(self) -> None:
        """Watch the network, read the status (and sync at once if enrolled), then keep syncing every few minutes."""
        if not self.enabled or self._closed:
            return
        if self._watches_network and self._network is None:
            self._network = self._watch_network()
        self.refresh_status()
        self._periodic.start()

    def refresh_status(self) -> None:
        if self._closed:
            return
        self.workspace.load(_service("sync_status"), on_done=self._status_loaded, on_error=self._status_failed)

    def sync_now(self) -> None:
        """A sync the person asked for: also after a stop, and without waiting for a pending retry."""
        if not self.enabled or self._closed:
            return
        self._start()

    def enrol(
        self,
        server_url: str,
        code: str,
        device_name: str,
        *,
        plain_http_trusted: bool = False,
        certificate: Path | None = None,
    ) -> None:
        """Enrol on the sync thread; ``enrolment_done`` or ``enrolment_failed`` tells how it went."""
        if not self.enabled or self._closed:
            return
        self.runner.run(
            partial(_service("enrol"), plain_http_trusted=plain_http_trusted, certificate=certificate),
            self.workspace.context,
            server_url,
            code,
            device_name,
            on_done=self._enrolled,
            on_error=self._enrolment_failed,
        )

    def complete_enrolment(self, pending: object) -> None:
        """Join the station a code named, once the administrator confirmed it (services.sync.OtherStation)."""
        if not self.enabled or self._closed:
            return
        self.runner.run(
            _service("complete_enrolment"),
            self.workspace.context,
            pending,
            on_done=self._enrolled,
            on_error=self._enrolment_failed,
        )

    def shutdown(self) -> None:
        """Stop the timers and wait for a sync under way to end: no thread outlives the window."""
        if self._closed:
            return
        self._closed = True
        for timer in (self._periodic, self._retry, self._debounce):
            timer.stop()
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._reachability_changed)
            self._network = None
        self.workspace.data_changed.disconnect(self._local_change)
        self.runner.shutdown()

    # --- scheduling ---------------------------------------------------------------------------------------------

    def _may_sync_automatically(self) -> bool:
        return self.enabled and not self._closed and self.status is not None and not self.status.needs_person

    def _automatic(self) -> None:
        if self._may_sync_automatically():
            self._start()

    def _local_change(self) -> None:
        if self._announcing or self._closed:
            return
        self.refresh_status()  # the number of changes waiting has changed
        if self._may_sync_automatically():
            self._debounce.start()

    def _watch_network(self) -> QNetworkInformation | None:
        """Sync as soon as the system reports the network back; without a backend the retry timer covers it."""
        from PySide6.QtNetwork import QNetworkInformation  # Qt's network library: loaded with the sync, not before

        if not QNetworkInformation.loadDefaultBackend():
            log.info("no network information backend: reconnection is noticed by the retry timer")
            return None
        network = QNetworkInformation.instance()
        if network is None or not network.supports(QNetworkInformation.Feature.Reachability):
            return None
        network.reachabilityChanged.connect(self._reachability_changed)
        return network

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        waiting_for_network = self._retry.isActive() or (
            self.status is not None and self.status.state is SyncState.OFFLINE
        )
        if reachability == QNetworkInformation.Reachability.Online and waiting_for_network:
            self._retry.stop()
            self.backoff.reset()
            self._automatic()

    # --- one run ------------------------------------------------------------------------------------------------

    def _start(self) -> None:
        if self.running:
            self._again = True
            return
        self._retry.stop()
        self._debounce.stop()
        self.next_retry_at = None
        self.running = True
        self.progress = Progress(Phase.CONNECTING, 0)
        self.running_changed.emit(True)
        self.progress_changed.emit(self.progress)
        self.runner.run(
            _service("sync_now"),
            self.workspace.context,
            self._reported.emit,
            on_done=self._synced,
            on_error=self._failed,
        )

    def _progress(self, progress: Progress) -> None:
        if self.running and not self._closed:
            self.progress = progress
            self.progress_changed.emit(progress)

    def _synced(self, report: SyncReport) -> None:
        if self._closed:
            return
        self.backoff.reset()
        if report.pulled or report.conflicts or report.rebaselined:
            self._announce()  # rows arrived: every view reloads
        self._settle(report)

    def _failed(self, error: Exception) -> None:
        if self._closed:
            return
        if not isinstance(error, SyncProblem):
            log.error("unexpected error during a sync", exc_info=error)
        if not isinstance(error, SyncProblem) or error.reason.transient:
            delay = self.backoff.next_delay()
            self._retry.start(max(1, int(delay * 1000)))
            self.next_retry_at = datetime.now(UTC) + timedelta(seconds=delay)
        self._again = False  # the retry timer (or the person) decides when to try again
        self._settle(error)

    def _settle(self, outcome: SyncReport | Exception) -> None:
        """Keep showing "syncing" until the status after the run has been read, so the indicator does not flicker."""
        self._outcome = outcome
        self.workspace.load(_service("sync_status"), on_done=self._settled, on_error=self._settle_failed)

    def _settled(self, status: SyncStatus | None) -> None:
        if self._closed:
            return
        outcome, self._outcome = self._outcome, None
        self.running = False
        self.progress = None
        if status is not None:
            self.status = status
            self.status_changed.emit(status)
        self.running_changed.emit(False)
        if isinstance(outcome, Exception):
            self.sync_failed.emit(outcome)
        elif outcome is not None:
            self.sync_finished.emit(outcome)
        if self._again:
            self._again = False
            self._start()

    def _announce(self) -> None:
        self._announcing = True
        try:
            self.workspace.data_changed.emit(EVERYTHING)  # what a sync brought in is not itemised
        finally:
            self._announcing = False

    # --- status and enrolment -----------------------------------------------------------------------------------

    def _status_loaded(self, status: SyncStatus) -> None:
        if self._closed:
            return
        self.status = status
        self.status_changed.emit(status)
        if self._sync_when_known:
            self._sync_when_known = False
            self._automatic()

    def _status_failed(self, error: Exception) -> None:
        log.error("could not read the sync status", exc_info=error)

    def _settle_failed(self, error: Exception) -> None:
        self._status_failed(error)
        self._settled(None)

    def _enrolled(self, enrolment: Enrolment) -> None:
        if self._closed:
            return
        self.backoff.reset()
        self._retry.stop()
        self.next_retry_at = None
        self._announce()  # earlier records were queued for the server
        self.enrolment_done.emit(enrolment)
        self._sync_when_known = True  # the first sync starts as soon as the new status is read
        self.refresh_status()

    def _enrolment_failed(self, error: Exception) -> None:
        if not self._closed:
            self.enrolment_failed.emit(error)
