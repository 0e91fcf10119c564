"""One sync run: handshake, push the outbox, upload files, pull pages, download files (docs/sync-protocol.md 2).

The engine knows the protocol's order and its recoveries; the station's data is behind ``Replica`` (implemented
by services.sync_replica over the SQLite file), so this module stays free of the database like sync/ and client.py.
Every step is safe to repeat: a run cut anywhere (a lost connection, a kill -9) leaves the outbox, the cursor
and the files in a state the next run continues from (F1, F2, F10, F11).
"""

import hashlib
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from .. import collector
from ..sync.fields import FORMS
from ..sync.schemas import (
    AttachmentStart,
    AuditHeadAnswer,
    AuditHeadReport,
    Change,
    ClientTransaction,
    HandshakeRequest,
    HandshakeResponse,
    Limits,
    PullResponse,
    PushResponse,
)
from .client import ServerClient
from .failures import FailureReason, SyncFailure
from .progress import Phase, Progress, ProgressCallback, SyncReport

DIGEST = FORMS["sha256"]

PAGE_ROWS = 1000
# Pages that have already arrived are written in one transaction, for up to this long: a first sync of 100,000 rows
# then writes the same index pages again far less often (measured: 118 MB written instead of 327, 5.4 s instead of
# 6.3). A page that has to be waited for always starts a new transaction, and a person's save waits at most about
# this long for the pull's write lock.
PULL_TRANSACTION_SECONDS = 1.0
# Pages fetched ahead of the ones being written (at most this many wait in memory, besides those being written
# and the one on its way); those that have arrived are written as one. A page costs much however few rows it has (a
# savepoint and a statement per table, the search index's queries, the cursor): written four at a time, a first
# sync of 100,000 rows took 6.2 s instead of 7.3.
PAGES_AHEAD = 4


class FileUnavailable(Exception):
    """A file this station should send is missing or damaged on this computer, or arrived damaged."""


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    media_type: str


class Replica(Protocol):
    """The station's side of a sync: its outbox, its copy of the server's rows, its files."""

    def handshake_request(self) -> HandshakeRequest: ...

    def handshake_done(self, answer: HandshakeResponse) -> None:
        """Remember the server; a new server id drops the cursor; a lower next_seq re-queues acknowledged work."""

    def pending(self, max_ops: int, max_bytes: int) -> list[ClientTransaction]: ...

    def pushed(self, answer: PushResponse) -> None:
        """Record what the server answered for (acknowledged, or rejected with its reason)."""

    def requeue_from(self, seq: int) -> int | None:
        """The server expects ``seq`` next: operations from there that it acknowledged before are sent again.

        Returns the first sequence number now waiting to be sent (None: nothing waits)."""

    def resend_everything(self, seq: int) -> None:
        """Queue every row as it stands, numbered from ``seq``, instead of operations the server lost for good."""

    def pending_count(self) -> int: ...

    def cursor(self) -> str | None: ...

    def apply_pages(self, pages: Iterable[PullResponse]) -> int:
        """Store the pages' rows and each page's cursor in one local transaction; returns how many rows could not be
        stored here (they are kept aside with the reason, and the rest of each page is stored)."""

    def retry_quarantined(self) -> int:
        """Try again to store the rows kept aside; returns how many still cannot be stored."""

    def reset_cursor(self) -> None: ...

    def uploads(self) -> list[Blob]: ...

    def uploaded(self, sha256: str) -> None: ...

    def read_blob(self, sha256: str) -> bytes: ...

    def downloads(self) -> list[str]: ...

    def store_blob(self, sha256: str, data: bytes) -> None: ...

    def scope_check_due(self) -> bool:
        """Whether to compare this station's rows with the server's in this run (F13; not every run: it reads
        the whole scope on the server)."""

    def checked_tables(self) -> list[str]: ...

    def scope_digest(self) -> list[tuple[int, str]]: ...

    def repair(self, bucket: int, changes: list[Change]) -> int:
        """Write rows fetched again for a bucket that differed, as a pulled page's rows, without moving the cursor;
        queue again rows of the bucket the server does not know. Returns how many could not be stored."""

    def scope_checked(self, repaired_rows: int) -> None: ...

    def file_waiting(self, sha256: str, reason: str) -> None:
        """A file could not be moved in this run (logged for a person; tried again next time)."""

    def audit_report(self) -> AuditHeadReport | None:
        """The audit trail's head with its anchor, when the head moved since the city last accepted one."""

    def audit_answered(self, report: AuditHeadReport, answer: AuditHeadAnswer) -> None:
        """What the city said of the report: kept, and shown to the administrator when it does not match."""

    def synced(self, report: SyncReport) -> None:
        """The run completed: the time of the last sync, no failure to show, and the run's line in the sync log."""


class SyncEngine:
    def __init__(self, replica: Replica, client: ServerClient, progress: ProgressCallback | None = None):
        self.replica = replica
        self.client = client
        self._progress = progress or (lambda _progress: None)

    def run(self) -> SyncReport:
        """One whole sync; raises SyncFailure, leaving everything consistent and resumable."""
        report = SyncReport()
        self._progress(Progress(Phase.CONNECTING, 0))
        self.client.changes_waiting = self.replica.pending_count()  # the city shows it on its stations page
        answer = self.client.handshake(self.replica.handshake_request())
        self.replica.handshake_done(answer)
        self._push(answer, report)
        self.client.changes_waiting = self.replica.pending_count()  # what the push left
        self._upload(answer.limits.max_chunk_bytes, report)
        first_sync = self.replica.cursor() is None
        try:
            self._pull(report)
        except SyncFailure as failure:
            if failure.reason is not FailureReason.CURSOR_RESET:
                raise
            # The server lost or replaced what this device pulled (a restore, F9): keep every unsent change and
            # read everything again from the start.
            self.replica.reset_cursor()
            report.rebaselined = True
            self._pull(report)
        report.quarantined = self.replica.retry_quarantined()
        self._download(report)
        if first_sync:
            self.replica.scope_checked(0)  # everything was just read from the server: nothing to compare yet
        elif self.replica.scope_check_due():
            self._check_scope(report)
        if (audit := self.replica.audit_report()) is not None:
            self.replica.audit_answered(audit, self.client.report_audit_head(audit))
        self.replica.synced(report)
        return report

    def _check_scope(self, report: SyncReport) -> None:
        """Compare the station's rows with the server's by bucket digests; fetch again only buckets that differ."""
        tables = self.replica.checked_tables()
        theirs = [(bucket.rows, bucket.sha256) for bucket in self.client.scope_digest(tables).buckets]
        ours = self.replica.scope_digest()
        for bucket, (remote, local) in enumerate(zip(theirs, ours, strict=True)):
            if remote != local:
                rows = self.client.scope_rows(tables, bucket).changes
                report.quarantined += self.replica.repair(bucket, rows)
                report.repaired += len(rows)
        self.replica.scope_checked(report.repaired)

    def _push(self, handshake: HandshakeResponse, report: SyncReport) -> None:
        limits = handshake.limits
        total = self.replica.pending_count()
        while (answer := self._push_round(limits)) is not None:
            if answer.resend_from is not None:
                # The server misses operations before these (it was restored): send again from where it stands.
                if self.replica.requeue_from(answer.resend_from) != answer.resend_from:
                    # Lost further back than this computer keeps operations: it sends every row as it stands.
                    self.replica.resend_everything(answer.resend_from)
                total = max(total, self.replica.pending_count())
            for result in answer.results:
                count = result.last_seq - result.first_seq + 1
                report.pushed += count
                report.rejected += count if result.status == "rejected" else 0
                report.conflicts += sum(len(op.conflict_ids) for op in result.ops)
            self._progress(Progress(Phase.PUSHING, report.pushed, max(total, report.pushed)))

    def _push_round(self, limits: Limits) -> PushResponse | None:
        """The oldest unsent operations pushed and the server's answer recorded; None when none are waiting.

        A round's thousand operations and their answers are freed by reference counting. With the collector running,
        its young-object passes promoted them while they lived, and a push of 1,000 edits now and then paid a full
        collection of everything the program holds (about 130 ms, measured): it waits for the round, as for a
        pulled page. The round's wait for the server is inside it too, bounded by the client's timeouts: the
        operations live through it, and a young-object pass that another thread set off meanwhile would promote
        them."""
        with collector.paused():
            batch = self.replica.pending(limits.max_ops_per_push, limits.max_request_bytes)
            if not batch:
                return None
            answer = self.client.push(batch)
            self.replica.pushed(answer)
            return answer

    def _pull(self, report: SyncReport) -> None:
        """Pages until the end of the feed, each written after the one before it, with its cursor."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
            feed = _Feed(self.client, fetcher, self.replica.cursor())
            try:
                while not feed.ended:
                    # Rows it could not store are kept and retried after the pull.
                    self.replica.apply_pages(self._arrived_pages(feed.next(), feed, report))
            finally:
                feed.cancel()

    def _arrived_pages(self, page: PullResponse, feed: "_Feed", report: SyncReport) -> Iterator[PullResponse]:
        """``page``, then the pages that arrived while the ones before them were written, for one transaction (see
        PULL_TRANSACTION_SECONDS); never a page still on its way: waiting for it would hold the write lock. Pages
        that arrived together are written as one (PAGES_AHEAD)."""
        until = time.monotonic() + PULL_TRANSACTION_SECONDS
        while True:
            pages = [page]
            while len(pages) < PAGES_AHEAD and feed.arrived() and time.monotonic() < until:
                pages.append(feed.next())
            yield _together(pages)
            report.pulled += sum(len(arrived.changes) for arrived in pages)
            self._progress(Progress(Phase.PULLING, report.pulled))
            if not feed.arrived() or time.monotonic() > until:
                return
            page = feed.next()

    def _upload(self, chunk_bytes: int, report: SyncReport) -> None:
        blobs = self.replica.uploads()
        for index, blob in enumerate(blobs):
            try:
                self._send(blob, chunk_bytes)
            except (FileUnavailable, SyncFailure) as failure:
                self._skip(blob.sha256, failure, report)
                continue
            self.replica.uploaded(blob.sha256)
            report.uploaded += 1
            self._progress(Progress(Phase.UPLOADING, index + 1, len(blobs)))

    def _send(self, blob: Blob, chunk_bytes: int) -> None:
        status = self.client.announce(AttachmentStart(sha256=blob.sha256, size=blob.size, media_type=blob.media_type))
        if status.complete:
            return
        data = self.replica.read_blob(blob.sha256)
        received = status.received  # resume where an earlier, interrupted upload stopped (F11)
        while received < len(data):
            status = self.client.upload_chunk(blob.sha256, received, data[received : received + chunk_bytes])
            received = status.received

    def _download(self, report: SyncReport) -> None:
        wanted = self.replica.downloads()
        for index, sha256 in enumerate(wanted):
            try:
                if not DIGEST.fullmatch(sha256):  # a row another device wrote before the city checked its form
                    raise FileUnavailable("a file's name that is not a digest names no file")
                data = b"".join(self._fetch(sha256))
                if hashlib.sha256(data).hexdigest() != sha256:
                    raise FileUnavailable(f"the file received for {sha256} does not match its hash")
            except (FileUnavailable, SyncFailure) as failure:
                self._skip(sha256, failure, report)
                continue
            self.replica.store_blob(sha256, data)
            report.downloaded += 1
            self._progress(Progress(Phase.DOWNLOADING, index + 1, len(wanted)))

    def _skip(self, sha256: str, failure: Exception, report: SyncReport) -> None:
        """One file that cannot move now (damaged here, not yet uploaded by the device that has it, refused) must
        not hold up the rest: it is logged and tried again on the next sync. A lost connection ends the run."""
        if isinstance(failure, SyncFailure) and failure.reason.transient:
            raise failure
        report.files_waiting += 1
        self.replica.file_waiting(sha256, str(failure))

    def _fetch(self, sha256: str) -> Iterator[bytes]:
        """The whole file, resuming with a range request when the connection drops part-way (F11)."""
        received = 0
        for attempt in range(3):
            try:
                for chunk in self.client.download(sha256, received):
                    received += len(chunk)
                    yield chunk
                return
            except SyncFailure as failure:
                if failure.reason is not FailureReason.OFFLINE or attempt == 2:
                    raise


def _together(pages: list[PullResponse]) -> PullResponse:
    """Consecutive pages as one, with the last one's cursor. A row changed on the server while the pull ran comes
    again in a later page: only its latest form is kept."""
    if len(pages) == 1:
        return pages[0]
    latest: dict[tuple[str, uuid.UUID], Change] = {}
    for page in pages:
        for change in page.changes:
            latest.pop((change.table, change.row_id), None)  # in the place of its latest change, as the server sends
            latest[change.table, change.row_id] = change
    return pages[-1].model_copy(update={"changes": list(latest.values())})


class _Feed:
    """The server's feed page by page, fetched up to PAGES_AHEAD pages ahead of the ones being written (the server
    and the disk work at the same time)."""

    def __init__(self, client: ServerClient, fetcher: ThreadPoolExecutor, cursor: str | None):
        self._fetched: deque[PullResponse | BaseException] = deque()  # in order; a failed fetch is the last
        self._changed = threading.Condition()
        self._cancelled = False
        self._ended = False
        fetcher.submit(self._fetch, client, cursor)

    def _fetch(self, client: ServerClient, cursor: str | None) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._cancelled or len(self._fetched) < PAGES_AHEAD)
                if self._cancelled:
                    return
            try:
                page: PullResponse | BaseException = client.pull(cursor, PAGE_ROWS)
            except BaseException as failure:  # raised by next(), in the thread that writes (as a Future would)
                page = failure
            with self._changed:
                self._fetched.append(page)
                self._changed.notify_all()
            if isinstance(page, BaseException) or not page.has_more:
                return
            cursor = page.cursor

    @property
    def ended(self) -> bool:
        return self._ended

    def arrived(self) -> bool:
        """Whether the next page is here whole; a failed fetch is not, and next() raises it, outside any
        transaction, so the pages written before it are kept."""
        with self._changed:
            return bool(self._fetched) and not isinstance(self._fetched[0], BaseException)

    def next(self) -> PullResponse:
        """The next page, waited for."""
        assert not self._ended, "the feed has ended"
        with self._changed:
            self._changed.wait_for(lambda: self._fetched)
            page = self._fetched.popleft()
            self._changed.notify_all()
        if isinstance(page, BaseException):
            self._ended = True
            raise page
        self._ended = not page.has_more
        return page

    def cancel(self) -> None:
        with self._changed:
            self._cancelled = True
            self._changed.notify_all()
