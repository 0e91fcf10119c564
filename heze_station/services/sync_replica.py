"""The engine's view of this station (station_sync.engine.Replica): its outbox, its copy of the server's rows, files.

Each step runs in its own short transaction, so the window's own writes never wait long behind a sync (pulled pages
that arrived together share one of about a second at most: station_sync.engine.PULL_TRANSACTION_SECONDS). Loaded
only when a sync runs: it brings the protocol's message classes (pydantic), which the window does not need to start.
"""

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select

from .. import __version__, collector
from ..station_sync.engine import Blob, FileUnavailable
from ..station_sync.progress import SyncReport
from ..storage import outbox, replica, settings, station_rows
from ..storage.blobs import BlobCorrupt, BlobMissing, BlobStore
from ..storage.keys import WrongKey
from ..storage.models import Attachment, IssuedDocument, UploadedBlob
from ..sync import PROTOCOL_VERSION, station_schema
from ..sync.schemas import (
    AuditHeadAnswer,
    AuditHeadReport,
    ChainLink,
    Change,
    ClientTransaction,
    HandshakeRequest,
    HandshakeResponse,
    PullResponse,
    PushResponse,
)
from ..sync.scope import digest
from ..sync.tables import SYNCED_TABLES
from . import accounts, audit, calendar, deadlines, trust
from .station import StationContext
from .sync import (
    LAST_FAILURE,
    LAST_SCOPE_CHECK,
    LAST_SUCCESS,
    MEDIA_PDF,
    SCOPE_CHECK_EVERY,
    SERVER_ID,
    STATION_NAME,
)

log = logging.getLogger(__name__)


class StationReplica:
    """The engine's view of this station (station_sync.engine.Replica), one short transaction per step."""

    def __init__(self, context: StationContext):
        self.context = context
        self.database = context.database
        self.blobs: BlobStore = context.blobs

    def handshake_request(self) -> HandshakeRequest:
        with self.database.transaction() as session:
            connection = session.connection()
            hlc = outbox.device_clock(connection).tick(outbox.server_now_ms(connection))
        return HandshakeRequest(
            protocol_version=PROTOCOL_VERSION,
            schema_version=station_schema.REVISION,
            app_version=__version__,
            device_time=datetime.fromtimestamp(outbox.local_now_ms() / 1000, UTC),  # the server learns the offset
            hlc=str(hlc),
        )

    def handshake_done(self, answer: HandshakeResponse) -> None:
        with self.database.transaction() as session:
            known_server = settings.get(session, SERVER_ID)
            if known_server is not None and known_server != str(answer.server_id):
                # Another (new or restored) server: read everything again; every unsent change stays (F9).
                settings.put(session, replica.CURSOR_SETTING, None)
                replica.forget_conflicts(session)
                replica.log(session, "rebaselined")
            settings.put(session, SERVER_ID, str(answer.server_id))
            settings.put(session, STATION_NAME, answer.station_name)
            if settings.get(session, station_rows.CITY_STATION_SETTING) != str(answer.station_id):
                # Enrolled in another station, or synced by a version that kept no station rows: the rows of this
                # station's other laptops are read again, and none of another station's count.
                settings.put(session, station_rows.STATION_ROWS_SETTING, None)
                settings.put(session, station_rows.CITY_STATION_SETTING, str(answer.station_id))
                if settings.get(session, replica.CURSOR_SETTING) is not None:
                    replica.read_scope_again(session)
            replica.continue_after_restore(session, answer.next_seq)
            if answer.next_seq <= replica.highest_acknowledged(session):
                replica.requeue_from(session, answer.next_seq)  # the server lost acknowledged work in a restore
            replica.forget_acknowledged_before(session, answer.next_seq)
            server_ms = int(answer.server_time.timestamp() * 1000)
            replica.bound_clock(session, server_ms, answer.limits.max_clock_ahead_ms, answer.clock_offset_ms)
            replica.receive_clock(session, [answer.server_hlc])
        if answer.recovery_public_key:
            try:
                accounts.seal_for_city(self.context, answer.recovery_public_key)
            except (WrongKey, ValueError):
                # A key the city mistyped in its configuration must not stop the sync; it is said in the log.
                log.warning("the city's recovery key is not a key; this station's key was not sealed to it")

    def pending(self, max_ops: int, max_bytes: int) -> list[ClientTransaction]:
        with self.database.transaction() as session:
            return replica.pending_transactions(session, max_ops, max_bytes)

    def pushed(self, answer: PushResponse) -> None:
        with self.database.transaction() as session:
            replica.record_push(session, answer)

    def requeue_from(self, seq: int) -> int | None:
        with self.database.transaction() as session:
            replica.requeue_from(session, seq)
            return replica.first_pending(session)

    def pending_count(self) -> int:
        with self.database.transaction() as session:
            return replica.pending_count(session)

    def cursor(self) -> str | None:
        with self.database.transaction() as session:
            return settings.get(session, replica.CURSOR_SETTING)

    def apply_pages(self, pages: Iterable[PullResponse]) -> int:
        quarantined, calendar_changed, trust_changed = 0, False, False
        pulled = deadlines.PulledRows()
        with self.database.replica_transaction() as session:
            for page in pages:
                # A page's thousand rows become tens of thousands of short-lived objects, freed by reference
                # counting; the collector walking them as they pile up took a fifteenth of a first sync (0.5 s of 8
                # for 100,000 rows). It runs between pages.
                with collector.paused():
                    applied = replica.apply_page(session, page.changes, page.cursor)
                pulled.add(applied)
                quarantined += applied.quarantined
                calendar_changed |= applied.calendar_changed
                trust_changed |= applied.trust_changed
            # Once for the transaction's pages: per page, a first sync spent a seventh of its time on it (1.1 s of
            # 7.9 for 100,000 rows), mostly on what each call does however few cases it is given.
            with collector.paused():
                deadlines.refresh_pulled(session, pulled)
        self._took(calendar_changed, trust_changed)
        return quarantined

    def retry_quarantined(self) -> int:
        with self.database.replica_transaction() as session:
            applied = replica.retry_quarantined(session)
            if applied.stored:  # rare, and which rows got in is not told: every case's deadlines again
                deadlines.refresh(session)
            still = replica.quarantined_count(session)
        self._took(applied.calendar_changed, applied.trust_changed)
        return still

    def _took(self, calendar_changed: bool, trust_changed: bool) -> None:
        """After rows were written: a new official calendar moves deadlines at once, without a restart; a new city
        root or revocation reaches the file ``heze-station verify`` reads."""
        if calendar_changed:
            with self.database.transaction() as session:
                self.context.calendar = calendar.load(session)
        if trust_changed:
            trust.write_file(self.context)

    def reset_cursor(self) -> None:
        with self.database.transaction() as session:
            settings.put(session, replica.CURSOR_SETTING, None)
            replica.forget_conflicts(session)
            replica.log(session, "rebaselined")

    def uploads(self) -> list[Blob]:
        """Files named by this station's rows that the server has not confirmed, and that this computer holds."""
        with self.database.transaction() as session:
            done = select(UploadedBlob.sha256)
            named = session.execute(
                select(Attachment.sha256, Attachment.size, Attachment.media_type).where(Attachment.sha256.not_in(done))
            ).all()
            documents = session.scalars(
                select(IssuedDocument.pdf_sha256).where(IssuedDocument.pdf_sha256.not_in(done))
            ).all()
        found = {sha: Blob(sha, size, media) for sha, size, media in named}
        found.update({sha: Blob(sha, -1, MEDIA_PDF) for sha in documents if sha not in found})
        blobs = []
        for blob in found.values():
            if not self.blobs.has(blob.sha256):
                continue  # pulled from another device and not downloaded yet: it is theirs to upload
            size = blob.size if blob.size >= 0 else self.blobs.size(blob.sha256)
            blobs.append(Blob(blob.sha256, size, blob.media_type))
        return blobs

    def uploaded(self, sha256: str) -> None:
        with self.database.transaction() as session:
            if session.get(UploadedBlob, sha256) is None:
                session.add(UploadedBlob(sha256=sha256))

    def read_blob(self, sha256: str) -> bytes:
        try:
            return self.blobs.get(sha256)
        except (BlobMissing, BlobCorrupt) as damaged:
            raise FileUnavailable(f"the file {sha256} on this computer is missing or damaged") from damaged

    def file_waiting(self, sha256: str, reason: str) -> None:
        with self.database.transaction() as session:
            replica.log(session, "file_waiting", sha256=sha256[:12], reason=reason[:300])

    def downloads(self) -> list[str]:
        with self.database.transaction() as session:
            named = set(session.scalars(select(Attachment.sha256).where(Attachment.deleted_at.is_(None))))
            named |= set(session.scalars(select(IssuedDocument.pdf_sha256)))
        return sorted(sha for sha in named if not self.blobs.has(sha))

    def store_blob(self, sha256: str, data: bytes) -> None:
        self.blobs.put(data)
        self.uploaded(sha256)  # the server has it: it came from there

    def scope_check_due(self) -> bool:
        with self.database.transaction() as session:
            last = settings.get(session, LAST_SCOPE_CHECK)
        return last is None or datetime.now(UTC) - datetime.fromisoformat(last) > SCOPE_CHECK_EVERY

    def checked_tables(self) -> list[str]:
        return sorted(name for name in replica.TABLES if name in SYNCED_TABLES)

    def scope_digest(self) -> list[tuple[int, str]]:
        with self.database.transaction() as session:
            return digest(replica.scope_rows(session))

    def repair(self, bucket: int, changes: list[Change]) -> int:
        with self.database.replica_transaction() as session:
            applied = replica.repair_bucket(session, bucket, changes)
            pulled = deadlines.PulledRows()
            pulled.add(applied)
            deadlines.refresh_pulled(session, pulled)
        self._took(applied.calendar_changed, applied.trust_changed)
        return applied.quarantined

    def resend_everything(self, seq: int) -> None:
        with self.database.transaction() as session:
            replica.resend_everything(session, seq)

    def scope_checked(self, repaired_rows: int) -> None:
        with self.database.transaction() as session:
            settings.put(session, LAST_SCOPE_CHECK, datetime.now(UTC).isoformat())
            if repaired_rows:
                replica.log(session, "repaired", rows=repaired_rows)

    def audit_report(self) -> AuditHeadReport | None:
        with self.database.transaction() as session:
            head = audit.head(session)
            accepted = audit.reported(session)
            if head is None or head == accepted:
                return None
            anchor = None
            if accepted is not None:
                # The entry at the accepted seq as it stands now: a rewritten trail has another hash there, or none.
                anchor = ChainLink(seq=accepted.seq, hash=audit.hash_at(session, accepted.seq) or "0" * 64)
        return AuditHeadReport(head=ChainLink(seq=head.seq, hash=head.hash), anchor=anchor)

    def audit_answered(self, report: AuditHeadReport, answer: AuditHeadAnswer) -> None:
        recorded = audit.Head(answer.recorded.seq, answer.recorded.hash)
        with self.database.transaction() as session:
            audit.city_answered(session, recorded, answer.mismatch_since)
            if not answer.matches:
                replica.log(session, "audit_mismatch", seq=report.head.seq)

    def synced(self, report: SyncReport) -> None:
        with self.database.transaction() as session:  # one commit (a disk flush) for the three
            settings.put(session, LAST_SUCCESS, datetime.now(UTC).isoformat())
            settings.put(session, LAST_FAILURE, None)
            replica.log(
                session,
                "synced",
                pushed=report.pushed,
                pulled=report.pulled,
                conflicts=report.conflicts,
                rejected=report.rejected,
                files=report.uploaded + report.downloaded,
            )
