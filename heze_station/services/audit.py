"""The station's audit trail: every service that reads or changes what the trail covers appends to it here.

``append`` writes within the caller's transaction (the entry and the change it records commit together);
``record`` is for what changes nothing in the database (a case opened, a search, a window locked). The chain
(domain.audit) is checked at every start (``check``); its head goes to the city at every sync (services.sync), and
what the city answered is kept so that the administrator sees a chain that no longer matches.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import spreadsheet
from ..domain import chinatime
from ..domain.audit import (
    AUDIT_TRAIL,
    GENESIS,
    AuditAction,
    Entry,
    canonical_details,
    entry_hash,
    first_break,
    without_numbers,
)
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.personal import PersonalField
from ..storage import disk, settings
from ..storage.models import AuditEntry, Case
from .access import ADMINISTRATION, EVERYONE, REVEALABLE, NotPermitted, requires
from .station import StationContext

CITY_MISMATCH_SETTING = "audit_city_mismatch_since"  # set while the city's record of the chain does not match
REPORTED_SETTING = "audit_reported_head"  # {"seq", "hash"}: the head the city last accepted
SHOWN_LIMIT = 5000  # rows the audit window lists at most (newest first); the export has them all


@dataclass(frozen=True)
class Actor:
    """Who an entry names: the signed-in person, or (for a wrong password) the login that was typed."""

    user_id: str
    user_name: str

    @classmethod
    def of(cls, context: StationContext) -> "Actor":
        return cls(str(context.user_id), context.user_name)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


@dataclass(frozen=True)
class ChainState:
    """What the administrator is shown about the trail."""

    entries: int
    broken_at: int | None  # the first entry found changed, removed or inserted on this laptop
    city_mismatch_since: datetime | None  # the city's record of the chain stopped matching then


@dataclass(frozen=True)
class AuditFilter:
    login: str = ""  # a person's name as the entries show it; empty for everyone
    action: AuditAction | None = None
    since: date | None = None  # China dates, both included
    until: date | None = None


def append(session: Session, actor: Actor, action: AuditAction, subject: str = "", **details: object) -> None:
    """Add one entry after the current head, in ``session``'s transaction (which holds SQLite's write lock from
    its start, so two writers never take the same sequence number)."""
    last = head(session)
    seq, previous = (last.seq + 1, last.hash) if last else (1, GENESIS)
    entry = Entry(
        seq,
        datetime.now(UTC),
        actor.user_id,
        actor.user_name[:100],
        action.value,
        subject[:200],
        canonical_details(details),
        "",
    )
    fields = {name: getattr(entry, name) for name in ("seq", "at", "user_id", "user_name", "action", "subject")}
    session.add(AuditEntry(**fields, details=entry.details, hash=entry_hash(previous, entry)))


@requires(EVERYONE)
def record(context: StationContext, action: AuditAction, subject: str = "", **details: object) -> None:
    with context.database.transaction() as session:
        append(session, Actor.of(context), action, subject, **details)


_REVEALED = {
    PersonalField.ID_NUMBER: AuditAction.IDS_REVEALED,
    PersonalField.PHONE: AuditAction.PHONES_REVEALED,
    PersonalField.BANK_ACCOUNT: AuditAction.ACCOUNTS_REVEALED,
}


@requires(EVERYONE)
def about_case(context: StationContext, action: AuditAction, case_id: uuid.UUID) -> None:
    """A case file opened: the entry names the case by its number, never by a party."""
    with context.database.transaction() as session:
        append(session, Actor.of(context), action, _case_number(session, case_id))


@requires(EVERYONE)
def revealable(context: StationContext) -> frozenset[PersonalField]:
    """What the signed-in account may ask to see in full (the GUI offers no more)."""
    return REVEALABLE[context.user_role]


@requires(EVERYONE)
def revealed(context: StationContext, fields: frozenset[PersonalField], where: uuid.UUID | str) -> None:
    """``fields`` are about to be shown in full, in a case (``where`` its id) or a form or window (its name):
    refused beyond what the account's role may see, else recorded, one entry per kind of data."""
    refused = fields - revealable(context)
    if refused:
        raise NotPermitted(
            Message(
                QT_TRANSLATE_NOOP("Domain", "A {role}'s account may not see full {fields}; ask a mediator."),
                {"role": context.user_role, "fields": sorted(refused)[0]},
            )
        )
    with context.database.transaction() as session:
        subject = _case_number(session, where) if isinstance(where, uuid.UUID) else where
        for field in sorted(fields):
            append(session, Actor.of(context), _REVEALED[field], subject)


def _case_number(session: Session, case_id: uuid.UUID) -> str:
    return session.scalar(select(Case.number).where(Case.id == case_id)) or str(case_id)


@requires(EVERYONE)
def searched(context: StationContext, text: str) -> None:
    """A search that settled: what was typed, with long numbers (ID, phone, account) kept out."""
    record(context, AuditAction.SEARCHED, without_numbers(text.strip()))


def head(session: Session) -> Head | None:
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return Head(last.seq, last.hash) if last else None


def hash_at(session: Session, seq: int) -> str | None:
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))


def _entries(session: Session):
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for row in rows:
        yield Entry(row.seq, row.at, row.user_id, row.user_name, row.action, row.subject, row.details, row.hash)


def broken_at(session: Session) -> int | None:
    """The first entry changed, removed or inserted since it was written; None when the chain holds."""
    return first_break(_entries(session))


@requires(EVERYONE)
def check(context: StationContext) -> ChainState:
    """Verify the whole chain (at every start, off the GUI thread); a break found is itself recorded, once."""
    with context.database.transaction() as session:
        first_broken = broken_at(session)
        if first_broken is not None and not _already_recorded(session, first_broken):
            append(session, Actor.of(context), AuditAction.CHAIN_BROKEN, str(first_broken), seq=first_broken)
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        since = settings.get(session, CITY_MISMATCH_SETTING)
    return ChainState(count, first_broken, datetime.fromisoformat(since) if since else None)


def _already_recorded(session: Session, broken_at: int) -> bool:
    query = select(AuditEntry.subject).where(AuditEntry.action == AuditAction.CHAIN_BROKEN.value)
    return str(broken_at) in session.scalars(query).all()


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    user_name: str
    action: AuditAction | str  # a str for an action a newer program version wrote
    subject: str
    details: dict[str, object]


def _query(wanted: AuditFilter):
    query = select(AuditEntry).order_by(AuditEntry.seq.desc())
    if wanted.login:
        query = query.where(AuditEntry.user_name == wanted.login)
    if wanted.action is not None:
        query = query.where(AuditEntry.action == wanted.action.value)
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= _utc_start(wanted.since))
    if wanted.until is not None:
        query = query.where(AuditEntry.at < _utc_start(wanted.until + timedelta(days=1)))
    return query


def _utc_start(day: date) -> datetime:
    return datetime.combine(day, time(), chinatime.CHINA_TZ).astimezone(UTC)


def _row(entry: AuditEntry) -> AuditRow:
    try:
        action: AuditAction | str = AuditAction(entry.action)
    except ValueError:
        action = entry.action
    return AuditRow(entry.seq, entry.at, entry.user_name, action, entry.subject, json.loads(entry.details))


@requires(ADMINISTRATION)
def entries(context: StationContext, wanted: AuditFilter = AuditFilter()) -> list[AuditRow]:
    """The newest entries that match, at most SHOWN_LIMIT."""
    with context.database.transaction() as session:
        return [_row(entry) for entry in session.scalars(_query(wanted).limit(SHOWN_LIMIT))]


@requires(ADMINISTRATION)
def people(context: StationContext) -> list[str]:
    """Every name the trail holds, for the window's filter."""
    with context.database.transaction() as session:
        return sorted(session.scalars(select(AuditEntry.user_name).distinct()))


@requires(ADMINISTRATION)
def export(
    context: StationContext,
    wanted: AuditFilter,
    path: Path,
    headings: list[str],
    labels: dict[str, str],
    *,
    title: str = "",
) -> int:
    """Every matching entry to an .xlsx file at ``path`` (written beside it, then renamed); the export is itself
    recorded. ``headings``, ``labels`` (action -> its name) and the sheet's ``title`` come translated from the window.
    Returns the count."""
    with context.database.transaction() as session:
        spreadsheet.refuse_more_rows_than_held(
            session.scalar(select(func.count()).select_from(_query(wanted).subquery()))
        )
        with disk.written_whole(path) as partial:
            workbook = spreadsheet.PersonalWorkbook(partial)
            sheet = workbook.sheet(title)
            sheet.append(headings)
            for entry in session.scalars(_query(wanted)):
                row = _row(entry)
                sheet.append(
                    [
                        row.seq,
                        row.at.astimezone(chinatime.CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S"),
                        row.user_name,
                        labels.get(entry.action, entry.action),
                        row.subject,
                        details_text(row.details),
                    ]
                )
            workbook.close()
        count = sheet.count - 1  # the headings' row
        append(session, Actor.of(context), AuditAction.EXPORTED, AUDIT_TRAIL, rows=count)
    return count


def details_text(details: dict[str, object]) -> str:
    """An entry's details as a person reads them: the values, in order."""
    return "，".join(str(value) for value in details.values())


# --- the city's copy of the head ----------------------------------------------------------------------------------


def reported(session: Session) -> Head | None:
    value = settings.get(session, REPORTED_SETTING)
    return Head(**json.loads(value)) if value else None


def city_answered(session: Session, accepted: Head, mismatch_since: datetime | None) -> None:
    settings.put(session, REPORTED_SETTING, json.dumps({"seq": accepted.seq, "hash": accepted.hash}))
    settings.put(session, CITY_MISMATCH_SETTING, mismatch_since.isoformat() if mismatch_since else None)
