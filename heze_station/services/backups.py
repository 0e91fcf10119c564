"""Backups of the station, made while it is open, and restoring one.

A backup is a folder named by its time (China time) in the backup folder (``backups`` in the data folder unless
the administrator chose another, e.g. a USB stick), holding what a data folder holds: the database copied by
``VACUUM INTO`` (encrypted with the same key, consistent, compacted) and checked page by page, the key-slot file,
the signing key (encrypted), the documents index, and a manifest. Attachment files (encrypted already) are shared
by all backups in ``attachments`` beside them and copied once. A backup is written under a hidden ``.partial``
name, flushed, and renamed when complete: a power cut or a kill leaves no half backup that looks whole.

Restoring checks the backup (both integrity checks, its audit chain) on a copy before anything is replaced, keeps
the current database aside, carries the audit trail written since the backup into it, and lets sync number new
changes after those already sent (so the city sends back what the backup missed, and nothing is sent twice).
"""

import json
import logging
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.accounts import StaffRole
from ..domain.audit import AuditAction
from ..domain.backups import Retention, kept
from ..domain.errors import DomainError, refusal
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..paths import DATABASE_FILE, KEYS_FOLDER, RESTORED_MARKER
from ..storage import keyslots, outbox, replica, settings
from ..storage.database import DatabaseDamaged, is_whole, open_database, snapshot
from ..storage.models import AuditEntry, Case, StaffUser, Station
from . import accounts, audit, sync
from .access import ADMINISTRATION, EVERYONE, requires
from .audit import Actor, Head
from .document_index import DOCUMENTS_INDEX
from .station import ATTACHMENTS_DIR, StationContext

FOLDER_SETTING = "backup_folder"
RETENTION_SETTING = "backup_retention"  # "daily,weekly,monthly"
LAST_SETTING = "backup_last"  # {"at": ISO time, "marker": outbox sequence at the time}
FAILURE_SETTING = "backup_failure"  # {"at": ISO time, "folder": ...}: the latest automatic backup that failed
MANIFEST = "backup.json"
NAME_FORMAT = "%Y-%m-%d_%H%M%S"
DAILY = timedelta(hours=24)
RETENTION_LIMITS = {"daily": range(1, 61), "weekly": range(0, 53), "monthly": range(0, 121)}
# A backup (on the session's thread) and a restore (on the window's) never overlap: a restore replaces the file a
# backup would be reading.
_ONE_AT_A_TIME = threading.Lock()
log = logging.getLogger(__name__)


class BackupFailed(DomainError):
    """The backup could not be written (the folder is gone or full) or did not verify; nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    name: str
    made_at: datetime
    cases: int
    size_bytes: int
    station: str = ""  # the station's name when it was made (not written by versions before 2026-12)


@dataclass(frozen=True)
class BackupState:
    folder: Path
    retention: Retention
    last_at: datetime | None
    failed_at: datetime | None  # the latest automatic backup failed then (and none succeeded since)


def _folder(context: StationContext, session) -> Path:
    chosen = settings.get(session, FOLDER_SETTING)
    return Path(chosen) if chosen else context.data_dir / "backups"


def _retention(session) -> Retention:
    value = settings.get(session, RETENTION_SETTING)
    return Retention(*map(int, value.split(","))) if value else Retention()


def _time(session, key: str) -> datetime | None:
    value = settings.get(session, key)
    return datetime.fromisoformat(json.loads(value)["at"]) if value else None


@requires(EVERYONE)
def state(context: StationContext) -> BackupState:
    with context.database.transaction() as session:
        return BackupState(
            _folder(context, session),
            _retention(session),
            _time(session, LAST_SETTING),
            _time(session, FAILURE_SETTING),
        )


@requires(ADMINISTRATION)
def set_folder(context: StationContext, folder: Path) -> None:
    """Back up to ``folder`` from now on (checked to be writable first)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".heze-station-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise refusal(
            "backup_folder",
            QT_TRANSLATE_NOOP("Domain", "Backups cannot be written to {folder}: choose a folder you can write to."),
            folder=str(folder),
        ) from error
    with context.database.transaction() as session:
        settings.put(session, FOLDER_SETTING, str(folder))
        subject = QT_TRANSLATE_NOOP("Domain", "Backup folder")
        audit.append(session, Actor.of(context), AuditAction.SETTING_CHANGED, subject, value=str(folder))


@requires(ADMINISTRATION)
def set_retention(context: StationContext, retention: Retention) -> None:
    for name, allowed in RETENTION_LIMITS.items():
        if getattr(retention, name) not in allowed:
            raise refusal(
                f"keep_{name}",
                QT_TRANSLATE_NOOP("Domain", "Choose between {low} and {high}."),
                low=allowed.start,
                high=allowed.stop - 1,
            )
    with context.database.transaction() as session:
        value = f"{retention.daily},{retention.weekly},{retention.monthly}"
        settings.put(session, RETENTION_SETTING, value)
        subject = QT_TRANSLATE_NOOP("Domain", "Backups kept")
        audit.append(session, Actor.of(context), AuditAction.SETTING_CHANGED, subject, value=value)


# --- making a backup -----------------------------------------------------------------------------------------------


@requires(EVERYONE)
def back_up(context: StationContext, *, now: datetime | None = None) -> BackupInfo:
    """A backup now (the administrator's 立即备份, and the automatic ones); old ones are thinned afterwards."""
    moment = now or chinatime.now()
    with context.database.transaction() as session:
        folder, retention = _folder(context, session), _retention(session)
        marker = outbox.last_sequence(session.connection())
    try:
        with _ONE_AT_A_TIME:
            info = _write(context, folder, moment)
    except (OSError, BackupFailed) as error:
        with context.database.transaction() as session:
            settings.put(session, FAILURE_SETTING, json.dumps({"at": moment.isoformat()}))
        if isinstance(error, BackupFailed):
            raise
        raise BackupFailed(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The backup could not be written to {folder} (is the USB stick plugged in, is it full?). "
                    "Nothing was changed; the next backup tries again.",
                ),
                {"folder": str(folder)},
            )
        ) from error
    with context.database.transaction() as session:
        settings.put(session, LAST_SETTING, json.dumps({"at": moment.isoformat(), "marker": marker}))
        settings.put(session, FAILURE_SETTING, None)
        audit.append(session, Actor.of(context), AuditAction.BACKUP_MADE, info.name)
    _thin(folder, retention, context.station_id)
    retire_stale_slots(context)
    return info


@requires(EVERYONE)
def back_up_if_due(context: StationContext, closing: bool = False) -> BackupInfo | None:
    """The automatic backup: daily, and at closing when anything changed since the last one. A failure is kept for
    the administrator (BackupState.failed_at) rather than put in the way of whoever is closing the program."""
    with context.database.transaction() as session:
        last = settings.get(session, LAST_SETTING)
        marker = outbox.last_sequence(session.connection())
    if last is not None:
        previous = json.loads(last)
        changed = previous.get("marker") != marker
        since = chinatime.now() - datetime.fromisoformat(previous["at"])
        # A last backup dated ahead (made while the clock was wrong) makes the next one due, not a year away.
        if timedelta(0) <= since < DAILY and not (closing and changed):
            return None
    try:
        return back_up(context)
    except BackupFailed:
        return None


def _write(context: StationContext, folder: Path, moment: datetime) -> BackupInfo:
    name = moment.astimezone(chinatime.CHINA_TZ).strftime(NAME_FORMAT)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    database_copy = partial / DATABASE_FILE
    snapshot(context.database, database_copy)
    if not is_whole(database_copy, context.database.key):
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupFailed(
            Message(QT_TRANSLATE_NOOP("Domain", "The backup did not pass its check and was discarded; try again."))
        )
    data_dir = context.data_dir
    for relative in (keyslots.SLOTS_FILE, DOCUMENTS_INDEX):
        if (data_dir / relative).exists():
            _copy(data_dir / relative, partial / relative)
    keys = data_dir / KEYS_FOLDER
    if keys.exists():
        for path in keys.iterdir():
            _copy(path, partial / keys.name / path.name)
    digests = _copy_attachments(data_dir / ATTACHMENTS_DIR, folder / ATTACHMENTS_DIR)
    with context.database.transaction() as session:
        cases = session.scalar(select(func.count()).select_from(Case)) or 0
        head = audit.head(session)
    manifest = {
        "made_at": moment.isoformat(),
        "station": str(context.station_id),  # this computer's: laptops of a station may share a USB stick
        "station_name": context.station_name,
        "cases": cases,
        "audit_head": {"seq": head.seq, "hash": head.hash} if head else None,
        "attachments": digests,
    }
    _write_file(partial / MANIFEST, lambda file: file.write(json.dumps(manifest, indent=1).encode()))
    final = folder / name
    there = _manifest(final)
    if there is not None and not _made_by(there, context.station_id):
        final = folder / f"{name}-{str(context.station_id)[-4:]}"  # another laptop's, made in the same second
    shutil.rmtree(final, ignore_errors=True)  # two of this computer's in one second: the later one stands
    os.replace(partial, final)
    return BackupInfo(final.name, moment, cases, _size(final))


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as reading:
        _write_file(target, lambda writing: shutil.copyfileobj(reading, writing, 1024 * 1024))


def _write_file(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """``target`` written by ``fill`` through a temporary name, on the disk before the rename."""
    partial = target.with_name(target.name + ".partial")
    with partial.open("wb") as file:
        fill(file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, target)


def _copy_attachments(source: Path, target: Path) -> list[str]:
    """Every attachment file into the shared store beside the backups, each copied once (they never change)."""
    digests = []
    if not source.exists():
        return digests
    for path in sorted(source.glob("??/??/*")):
        if path.name.endswith(".partial") or path.name.startswith("."):
            continue
        digests.append(path.name)
        copy = target / path.relative_to(source)
        if not copy.exists():
            _copy(path, copy)
    return digests


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


@requires(EVERYONE)  # as refresh_slots, whose change it carries: anyone's password change
def retire_stale_slots(context: StationContext) -> None:
    """This computer's backups it can reach lose the key slots that no longer stand here: an account disabled since
    the backup, a password changed or reset since. The database key never changes, so such a slot opened the backup
    and with it today's database for the old password (a thief with one found that). The slots that stand are left
    as the backup had them, matching its accounts: a backup restored on a new computer signs in with a password of
    its day that is still today's, or with the recovery sheet. Another computer's backups beside them keep theirs.
    A backup on a USB stick not plugged in now is seen to at the next backup made to it."""
    if not keyslots.exists(context.data_dir):
        return
    standing = {slot.user_id: slot.sealed_private_key for slot in keyslots.load(context.data_dir).accounts}
    with context.database.transaction() as session:
        folder = _folder(context, session)
    try:
        for path, manifest in _backups(folder):
            if manifest.get("station") != str(context.station_id):  # an older version's says nobody's: left alone
                continue
            try:
                kept = keyslots.read(path / keyslots.SLOTS_FILE)
            except keyslots.SlotsUnreadable:
                continue  # none to retire (a backup cut short keeps no slots)
            stale = [slot.user_id for slot in kept.accounts if standing.get(slot.user_id) != slot.sealed_private_key]
            for user_id in stale:
                kept.remove(user_id)
            if stale:
                keyslots.save(path, kept)
    except OSError as error:  # the folder went away or is not readable: the next backup tries again
        log.warning("stale key slots in backups could not be retired (%s)", type(error).__name__)


def _backups(folder: Path, station: uuid.UUID | None = None) -> list[tuple[Path, dict]]:
    """The backups in ``folder``, the latest first; with ``station`` (a computer's own station row), only that
    computer's (and those of versions that did not say whose they were)."""
    found = []
    if not folder.exists():
        return found
    for path in folder.iterdir():
        read = _manifest(path) if path.is_dir() and not path.name.startswith(".") else None
        if read is not None and (station is None or _made_by(read, station)):
            found.append((path, read))
    return sorted(found, key=lambda item: _recency(item[1]), reverse=True)


def _manifest(backup: Path) -> dict | None:
    """What the backup folder says of itself; None for a folder without it, or with it damaged (not offered, not
    removed)."""
    try:
        read = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return read if isinstance(read, dict) and "made_at" in read else None


def _recency(manifest: dict) -> tuple[int, str]:
    """Newest first by the length of the audit trail when it was made (every sign-in, export and backup adds to it,
    and a restore carries it on; sync's numbering starts again at each enrolment), then by the moment: a backup made
    while the clock was a year ahead is not the latest for a year (restore_latest took it, and lost every case typed
    since)."""
    return (manifest.get("audit_head") or {}).get("seq", 0), manifest["made_at"]


def _made_by(manifest: dict, station: uuid.UUID) -> bool:
    """Whether the backup is that of the computer with this station row (or, from before 2026-12, says nobody's)."""
    return manifest.get("station", str(station)) == str(station)


def _thin(folder: Path, retention: Retention, station: uuid.UUID) -> None:
    """Remove this computer's backups ``retention`` does not keep (never the latest: the days it counts by come
    from a clock that may have been wrong), then the attachment files no backup in the folder names; another
    laptop's backups on the same USB stick are that laptop's to thin."""
    backups = _backups(folder, station)
    keep = kept((datetime.fromisoformat(manifest["made_at"]) for _path, manifest in backups), retention)
    for index, (path, manifest) in enumerate(backups):
        if index > 0 and datetime.fromisoformat(manifest["made_at"]) not in keep:
            shutil.rmtree(path, ignore_errors=True)
    for partial in folder.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)  # left by a backup that was killed
    named = {digest for _path, manifest in _backups(folder) for digest in manifest.get("attachments", [])}
    for path in (folder / ATTACHMENTS_DIR).glob("??/??/*"):
        if path.name not in named:
            path.unlink(missing_ok=True)


@requires(ADMINISTRATION)
def list_backups(context: StationContext) -> list[BackupInfo]:
    """The backups in the backup folder, newest first."""
    with context.database.transaction() as session:
        folder = _folder(context, session)
    return [_info(path, manifest) for path, manifest in _backups(folder, context.station_id)]


def _info(path: Path, manifest: dict) -> BackupInfo:
    made_at = datetime.fromisoformat(manifest["made_at"])
    return BackupInfo(path.name, made_at, manifest.get("cases", 0), _size(path), manifest.get("station_name", ""))


# --- restoring ---------------------------------------------------------------------------------------------------


def _not_restorable(text: str, **params: object) -> BackupFailed:
    return BackupFailed(Message(text, params))


@requires(ADMINISTRATION)
def restore(context: StationContext, name: str) -> Path:
    """Put the backup ``name`` in place of the station's database; returns where the replaced one was kept.

    The caller stops everything else that uses the database first (sync, other windows' work): the file is
    replaced under this process, which then opens it again (the person signs in again).
    """
    with sync.paused(), _ONE_AT_A_TIME:
        return _restore(context, name)


def _restore(context: StationContext, name: str) -> Path:
    with context.database.transaction() as session:
        folder = _folder(context, session)

    def continue_current(restored) -> None:
        """The current trail, enrolment and accounts carried on, and sync left to learn at the next handshake how
        far this computer had really sent (replica.continue_after_restore), as after restore_latest: the backup may
        hold changes it had not sent then, numbered below those sent since."""
        with context.database.transaction() as current:
            _carry_trail(audit.head(restored), current, restored)
            if sync.carry_enrolment(current, restored):
                # Enrolled again since the backup: its numbers were another identity's. Every row is sent again
                # under this one, as the city expects it (the city keeps what it has and takes what it lacks).
                settings.put(restored, replica.RESEND_SETTING, "1")
            else:
                replica.mark_restored(restored)
            _carry_accounts(current, restored)  # changes made since the backup: numbered as such at the handshake
            replica.read_scope_again(restored)
            audit.append(restored, Actor.of(context), AuditAction.RESTORED, name)

    kept_aside = _put_in_place(folder, name, context.data_dir, context.database.key, continue_current, context.close)
    # Once more, now that the backup is in place: a connection opened since the first close (by a timer, say) reads
    # the file it replaced, with that file's HMAC.
    context.database.close()
    return kept_aside


def restorable(error: Exception) -> bool:
    """Whether putting a backup in place of the station's file is the remedy for ``error`` (it is damaged)."""
    return isinstance(error, DatabaseDamaged)


def restore_latest(data_dir: Path, login: str, password: str, folder: Path | None = None) -> tuple[str, Path]:
    """The station's file no longer opens: the newest whole backup in ``folder`` (the data folder's ``backups`` unless
    the administrator says where, e.g. a USB stick) put in its place. Only the administrator may, as the backup's
    own accounts say; his password opens the key. Returns the backup's name and where the damaged file was kept.

    The changes made after the backup are not in it: those already sent come back from the city at the next sync
    (replica.continue_after_restore), the others are lost with the damaged file.
    """
    user_id, key = accounts.unlock(data_dir, login, password)
    folder = folder or data_dir / "backups"
    whole = [path.name for path, _manifest in _backups(folder) if is_whole(path / DATABASE_FILE, key)]
    if not whole:
        raise _not_restorable(
            QT_TRANSLATE_NOOP("Domain", "No backup of this station that could be restored was found in {folder}."),
            folder=str(folder),
        )
    name = whole[0]

    def as_administrator(restored) -> None:
        user = restored.get(StaffUser, user_id)
        if user is None or user.role is not StaffRole.ADMINISTRATOR or user.disabled_at is not None:
            raise _not_restorable(QT_TRANSLATE_NOOP("Domain", "Only the station's administrator may restore a backup."))
        replica.mark_restored(restored)
        audit.append(restored, Actor(str(user.id), user.name), AuditAction.RESTORED, name)

    with _ONE_AT_A_TIME:
        return name, _put_in_place(folder, name, data_dir, key, as_administrator, lambda: None)


def backup_in(backup: Path) -> BackupInfo:
    """What the backup folder ``backup`` (from a USB stick, for a new computer) holds, to be told before it is put
    in place; BackupFailed when it is no whole backup of a station."""
    if not (backup / MANIFEST).is_file():
        raise _not_restorable(
            QT_TRANSLATE_NOOP(
                "Domain",
                "{folder} is not a backup of a station: choose one of the folders named by date and time (such as "
                "2026-12-01_180000) in the backups folder.",
            ),
            folder=str(backup),
        )
    missing = [name for name in (DATABASE_FILE, keyslots.SLOTS_FILE) if not (backup / name).is_file()]
    manifest = _manifest(backup)
    if manifest is None:
        missing.append(MANIFEST)  # there, but cut short
    if missing or manifest is None:
        raise _not_restorable(
            QT_TRANSLATE_NOOP(
                "Domain", "The backup {folder} is incomplete: {files} is missing. Copy the whole folder again."
            ),
            folder=str(backup),
            files="、".join(missing),
        )
    return _info(backup, manifest)


def restore_on_new_computer(data_dir: Path, backup: Path) -> str:
    """A station's backup (one folder of its backups, brought on a USB stick) made this computer's records, which has
    none yet: it replaces the laptop the backup came from. The backup's accounts sign in with their passwords as
    they were then, but for those the laptop saw changed or disabled since (retire_stale_slots): these need the
    recovery sheet. Nothing of it is opened here without one. The database comes last, so that a copy cut short is
    no station. Returns the backup's name."""
    if accounts.state(data_dir) is not accounts.State.NEW:
        raise _not_restorable(QT_TRANSLATE_NOOP("Domain", "This computer already holds a station's records."))
    backup_in(backup)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    for relative in (keyslots.SLOTS_FILE, DOCUMENTS_INDEX):
        if (backup / relative).exists():
            _copy(backup / relative, data_dir / relative)
    if (backup / KEYS_FOLDER).is_dir():
        for path in (backup / KEYS_FOLDER).iterdir():
            _copy(path, data_dir / KEYS_FOLDER / path.name)
    _restore_attachments(backup.parent, data_dir)
    (data_dir / RESTORED_MARKER).touch()
    _copy(backup / DATABASE_FILE, data_dir / DATABASE_FILE)
    return backup.name


def _put_in_place(
    folder: Path, name: str, data_dir: Path, key: bytes, prepare: Callable[[Session], None], close: Callable[[], None]
) -> Path:
    """The backup ``name`` checked (both integrity checks, its audit chain) and ``prepare``d on a copy, brought up to
    this program's schema; then, after ``close`` let go of the current file, put in its place. Returns where the
    file it replaced was kept."""
    source = folder / name / DATABASE_FILE
    if name.startswith(".") or "/" in name or not source.exists():
        raise _not_restorable(QT_TRANSLATE_NOOP("Domain", "There is no backup {name}."), name=name)
    if not is_whole(source, key):
        raise _not_restorable(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The backup {name} is damaged or belongs to another station; nothing was changed.",
            ),
            name=name,
        )
    restoring = data_dir / (DATABASE_FILE + ".restoring")
    _copy(source, restoring)
    try:
        copy = open_database(restoring, key)
        try:
            with copy.transaction() as restored:
                if audit.broken_at(restored) is not None:
                    raise _not_restorable(
                        QT_TRANSLATE_NOOP(
                            "Domain", "The audit trail in the backup {name} was altered; it was not restored."
                        ),
                        name=name,
                    )
                prepare(restored)
        finally:
            copy.close()
    except BaseException:
        restoring.unlink(missing_ok=True)
        raise
    stamp = chinatime.now().strftime(NAME_FORMAT)
    kept_aside = data_dir / f"before-restore-{stamp}"
    kept_aside.mkdir(mode=0o700)
    close()
    current = data_dir / DATABASE_FILE
    # The file as it is (it may be the damaged one), with its log; a log left beside the restored file would be
    # applied to it, so it goes with its own file.
    for path in (current, Path(f"{current}-wal"), Path(f"{current}-shm")):
        if path.exists():
            _copy(path, kept_aside / path.name)
    for path in (Path(f"{current}-wal"), Path(f"{current}-shm")):
        path.unlink(missing_ok=True)
    os.replace(restoring, current)
    _restore_attachments(folder, data_dir)
    return kept_aside


def _carry_trail(backup_head: Head | None, current, restored) -> None:
    """The entries the station wrote after the backup, appended to the backup's chain (they continue it: the
    backup's head is an entry of the current trail), so the trail a city saw goes on."""
    since = backup_head.seq if backup_head else 0
    if backup_head is not None and audit.hash_at(current, backup_head.seq) != backup_head.hash:
        return  # not the same trail (the current one was altered): the city will see the break, as it should
    table = AuditEntry.__table__
    rows = current.execute(select(table).where(table.c.seq > since).order_by(table.c.seq)).mappings().all()
    if rows:
        restored.execute(table.insert(), [dict(row) for row in rows])


def _carry_accounts(current: Session, restored: Session) -> None:
    """The accounts as they are now, not as in the backup: a restore brings cases back; it must not bring back an
    account disabled since, lose one added since, or put back a password changed since (a leaked one). Queued for
    the city too, which may not have had them yet."""
    # An account made on another laptop of the station names that laptop's station row, which a backup made before
    # it was pulled lacks.
    stations = Station.__table__
    known = set(restored.scalars(select(stations.c.id)))
    for station in current.execute(select(stations)).mappings():
        if station["id"] not in known:
            restored.execute(stations.insert().values(dict(station)))
    table = StaffUser.__table__
    rows = [dict(row) for row in current.execute(select(table)).mappings()]
    there = set(restored.scalars(select(table.c.id)))
    for row in rows:
        if row["id"] in there:
            restored.execute(update(table).where(table.c.id == row["id"]).values(row))
        else:
            restored.execute(table.insert().values(row))
    replica.queue_rows(restored, [row["id"] for row in rows])


def _restore_attachments(folder: Path, data_dir: Path) -> None:
    source, target = folder / ATTACHMENTS_DIR, data_dir / ATTACHMENTS_DIR
    for path in source.glob("??/??/*"):
        copy = target / path.relative_to(source)
        if not copy.exists():
            _copy(path, copy)
