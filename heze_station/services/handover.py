"""Unsent changes handed by hand from a laptop that can no longer sync (revoked, retired, its connection gone for
good) to another laptop of the station, which sends them (issue 13, 6).

The file holds this laptop's unacknowledged operations, encrypted with a key only the exporting administrator's
private key makes (keys.account_file_key); the account has synced to every laptop of the station, so he opens it
there with his password, and nobody else can read or forge one. The receiving laptop lays the changes on its rows
and sends them as its own; it takes a file once. Rows are identified by their ids, so a file taken on two laptops,
or sent later by the first laptop after all, changes nothing twice: the server finds the same values.
"""

import base64
import json
import uuid
from pathlib import Path

from ..domain import chinatime
from ..domain.audit import UNSENT_CHANGES, AuditAction
from ..domain.errors import DomainError
from ..domain.ids import new_id
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..storage import disk, keys, replica, settings
from ..storage.models import StaffUser
from .access import ADMINISTRATION, requires
from .audit import Actor, append
from .station import StationContext

FORMAT = "heze-station unsent changes 1"
IMPORTED_SETTING = "handover_imported"  # JSON list of the ids of the files taken here
_PURPOSE = "unsent changes"


class HandoverRefused(DomainError):
    """The file cannot be written or taken; nothing was changed."""


def _refused(text: str, **params: object) -> HandoverRefused:
    return HandoverRefused(Message(text, params))


def _file_key(user: StaffUser, password: str) -> bytes:
    try:
        private = keys.open_with_password(user.sealed_private_key, password)
    except keys.WrongKey as error:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "The password is wrong.")) from error
    return keys.account_file_key(private, _PURPOSE)


def _associated(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=False).encode()


@requires(ADMINISTRATION)
def export_unsent(context: StationContext, path: Path, password: str) -> int:
    """This laptop's unsent changes to ``path``, for another laptop of the station; returns how many."""
    with context.database.transaction() as session:
        operations = replica.unsent_operations(session)
        if not operations:
            raise _refused(QT_TRANSLATE_NOOP("Domain", "Nothing on this computer waits to be sent."))
        user = session.get(StaffUser, context.user_id)
        assert user is not None
        header = {
            "format": FORMAT,
            "file_id": str(new_id()),
            "user_id": str(user.id),
            "made_at": chinatime.now().isoformat(timespec="seconds"),
            "changes": len(operations),
        }
        sealed = keys.encrypt(_file_key(user, password), json.dumps(operations).encode(), _associated(header))
        with disk.written_whole(path) as partial:
            partial.write_text(json.dumps({**header, "data": base64.b64encode(sealed).decode()}), encoding="utf-8")
        append(session, Actor.of(context), AuditAction.EXPORTED, UNSENT_CHANGES, changes=len(operations))
    return len(operations)


@requires(ADMINISTRATION)
def import_unsent(context: StationContext, path: Path, password: str) -> int:
    """Another laptop's unsent changes from ``path``, laid on this laptop's records and queued to be sent from
    here; returns how many. Refused, changing nothing, for a file of another account (or station), altered, or
    taken here before."""
    header, sealed = _read(path)
    # The account's key exists only on laptops of its station: the same account means the same station.
    if header["user_id"] != str(context.user_id):
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Only the administrator who exported this file can import it, on a computer of the same station: "
                "please sign in as that administrator.",
            )
        )
    with context.database.transaction() as session:
        user = session.get(StaffUser, context.user_id)
        assert user is not None
        key = _file_key(user, password)
    try:
        operations = json.loads(keys.decrypt(key, sealed, _associated(header)))
    except keys.WrongKey as error:
        raise _refused(QT_TRANSLATE_NOOP("Domain", "This file was altered after it was exported.")) from error
    with context.database.replica_transaction() as session:
        taken = json.loads(settings.get(session, IMPORTED_SETTING) or "[]")
        if header["file_id"] in taken:
            raise _refused(QT_TRANSLATE_NOOP("Domain", "These changes were imported on this computer already."))
        replica.take_handed_over(session, operations, context.station_id)
        settings.put(session, IMPORTED_SETTING, json.dumps([*taken, header["file_id"]]))
        append(session, Actor.of(context), AuditAction.IMPORTED, UNSENT_CHANGES, changes=len(operations))
    return len(operations)


def _read(path: Path) -> tuple[dict[str, object], bytes]:
    not_ours = _refused(QT_TRANSLATE_NOOP("Domain", "This is not a file of unsent changes from heze-station."))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        sealed = base64.b64decode(document.pop("data"), validate=True)
        uuid.UUID(document["file_id"])
        wanted = {"format", "file_id", "user_id", "made_at", "changes"}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise not_ours from error
    if set(document) != wanted or document["format"] != FORMAT:
        raise not_ours
    return document, sealed
