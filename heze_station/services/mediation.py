"""Mediating a case: sessions with their formalities, the minutes, and an extension of the 15-day period."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.cases import CaseEvent, CaseStatus
from ..domain.clocks import mediation_end
from ..domain.errors import IllegalTransition, NotFound, refusal
from ..domain.mediation import ATTENDEES_MAX, MINUTE_MAX, PLACE_MAX, MinuteKind, PlaceKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.text import NAME_MAX, REASON_MAX, clean_line, clean_text
from ..storage.models import Case, MediationSession, MinuteEntry
from ..storage.types import utc_now
from . import timeline
from .access import CASEWORK, requires
from .case_queries import get_case
from .checks import Checker, past_date, required_choice
from .station import StationContext

# R4 allows an extension only with both parties' consent and sets no limit [check]; a month beyond day 15 keeps a
# typing slip (a year instead of a month) from parking a case out of sight.
EXTENSION_MAX_DAYS = 30


@dataclass
class SessionForm:
    held_at: datetime | None = None  # aware
    place_kind: PlaceKind | None = None
    place: str = ""
    mediators: str = ""
    recorder: str = ""
    worker_side: str = ""
    employer_side: str = ""
    identity_checked: bool = False
    rights_notified: bool = False
    recusal_note: str = ""


@dataclass(frozen=True)
class MinuteView:
    id: uuid.UUID
    number: int  # counted from 1 within the session, as printed
    kind: MinuteKind
    speaker: str
    text: str
    corrects_number: int | None
    at: datetime


@dataclass(frozen=True)
class SessionView:
    id: uuid.UUID
    held_at: datetime
    place_kind: PlaceKind
    place: str
    mediators: str
    recorder: str
    worker_side: str
    employer_side: str
    identity_checked: bool
    rights_notified: bool
    recusal_note: str
    signed_at: datetime | None
    minutes: list[MinuteView]


def _mediating_case(session: Session, case_id: uuid.UUID) -> Case:
    case = get_case(session, case_id)
    if case.status is not CaseStatus.IN_MEDIATION:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP("Domain", 'This case is "{status}"; start mediation first.'),
                {"status": case.status},
            )
        )
    return case


@requires(CASEWORK)
def record_session(context: StationContext, case_id: uuid.UUID, form: SessionForm) -> SessionView:
    """Open a session's record. The identity check and the notice of rights and recusal come before anything is
    said, so a session without them is refused."""
    check = Checker()
    now = utc_now()
    held_at = form.held_at
    if held_at is None:
        check.refuse("held_at", QT_TRANSLATE_NOOP("Domain", "Please enter a date."))
    else:
        check(None, past_date, chinatime.local_date(held_at), "held_at", chinatime.local_date(now))
    place_kind = check(PlaceKind.STATION, required_choice, form.place_kind, "place_kind")
    place = check("", clean_line, form.place, field="place", max_length=PLACE_MAX, required=True)
    mediators = check("", clean_line, form.mediators, field="mediators", max_length=PLACE_MAX, required=True)
    recorder = check("", clean_line, form.recorder, field="recorder", max_length=NAME_MAX, required=True)
    worker_side = check("", clean_line, form.worker_side, field="worker_side", max_length=ATTENDEES_MAX, required=True)
    employer_side = check(
        "", clean_line, form.employer_side, field="employer_side", max_length=ATTENDEES_MAX, required=True
    )
    recusal_note = check("", clean_line, form.recusal_note, field="recusal_note", max_length=ATTENDEES_MAX)
    if not form.identity_checked:
        check.refuse("identity_checked", QT_TRANSLATE_NOOP("Domain", "Check both parties' identities first."))
    if not form.rights_notified:
        check.refuse(
            "rights_notified",
            QT_TRANSLATE_NOOP("Domain", "Tell the parties their rights and that they may ask a mediator to withdraw."),
        )
    check.done()
    assert held_at is not None
    with context.database.transaction() as session:
        case = _mediating_case(session, case_id)
        row = MediationSession(
            case_id=case.id,
            held_at=held_at,
            place_kind=place_kind,
            place=place,
            mediators=mediators,
            recorder=recorder,
            worker_side=worker_side,
            employer_side=employer_side,
            identity_checked=True,
            rights_notified=True,
            recusal_note=recusal_note,
            recorded_by_id=context.user_id,
        )
        session.add(row)
        session.flush()
        timeline.add(session, context, case, CaseEvent.SESSION_RECORDED, place)
        return _session_view(session, row)


def _session(session: Session, session_id: uuid.UUID) -> MediationSession:
    row = session.get(MediationSession, session_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This mediation session no longer exists.")))
    return row


@requires(CASEWORK)
def add_minute(
    context: StationContext,
    session_id: uuid.UUID,
    kind: MinuteKind,
    text: str,
    speaker: str = "",
    corrects_id: uuid.UUID | None = None,
) -> SessionView:
    """Append an entry. Once the parties have signed, only a correction of an earlier entry may be added."""
    text = clean_text(text, field="text", max_length=MINUTE_MAX, required=True)
    speaker = clean_line(speaker, field="speaker", max_length=NAME_MAX)
    with context.database.transaction() as session:
        row = _session(session, session_id)
        case = get_case(session, row.case_id)
        if kind is MinuteKind.CORRECTION:
            corrected = session.get(MinuteEntry, corrects_id) if corrects_id else None
            if corrected is None or corrected.session_id != row.id:
                raise refusal("corrects", QT_TRANSLATE_NOOP("Domain", "Choose the entry this corrects."))
        elif row.signed_at is not None:
            raise refusal(
                "kind",
                QT_TRANSLATE_NOOP(
                    "Domain", "These minutes are signed and cannot change; add a correction to an entry instead."
                ),
            )
        else:
            corrects_id = None
        position = session.scalar(select(func.count()).where(MinuteEntry.session_id == row.id)) or 0
        session.add(
            MinuteEntry(
                session_id=row.id,
                position=position,
                kind=kind,
                speaker=speaker,
                text=text,
                corrects_id=corrects_id,
                at=utc_now(),
            )
        )
        if row.signed_at is not None:
            timeline.add(session, context, case, CaseEvent.MINUTES_CORRECTED, text[:REASON_MAX])
        session.flush()
        return _session_view(session, row)


@requires(CASEWORK)
def sign_minutes(context: StationContext, session_id: uuid.UUID) -> SessionView:
    """The parties read the minutes and signed them ("以上笔录我已看过，与我所说一致"): from now on they only grow."""
    with context.database.transaction() as session:
        row = _session(session, session_id)
        if row.signed_at is not None:
            raise refusal("minutes", QT_TRANSLATE_NOOP("Domain", "These minutes were already signed."))
        if not session.scalar(select(func.count()).where(MinuteEntry.session_id == row.id)):
            raise refusal("minutes", QT_TRANSLATE_NOOP("Domain", "The minutes are empty; record what was said first."))
        row.signed_at = utc_now()
        timeline.add(session, context, get_case(session, row.case_id), CaseEvent.MINUTES_SIGNED)
        return _session_view(session, row)


@requires(CASEWORK)
def extend_mediation(
    context: StationContext, case_id: uuid.UUID, extended_to: date | None, worker_consent: str, employer_consent: str
) -> None:
    """R4: extend the mediation period, only with both parties' consent written down (who agreed, and how)."""
    check = Checker()
    worker_consent = check("", clean_line, worker_consent, field="worker_consent", max_length=REASON_MAX, required=True)
    employer_consent = check(
        "", clean_line, employer_consent, field="employer_consent", max_length=REASON_MAX, required=True
    )
    with context.database.transaction() as session:
        case = _mediating_case(session, case_id)
        statutory_due = mediation_end(case.received_on, context.calendar)
        latest = statutory_due + timedelta(days=EXTENSION_MAX_DAYS)
        if extended_to is None:
            check.refuse("extended_to", QT_TRANSLATE_NOOP("Domain", "Please enter a date."))
        elif extended_to <= max(statutory_due, case.mediation_extended_to or statutory_due):
            check.refuse(
                "extended_to",
                QT_TRANSLATE_NOOP("Domain", "The new end must be after the current end of mediation, {due}."),
                due=(case.mediation_extended_to or statutory_due).isoformat(),
            )
        elif extended_to > latest:
            check.refuse(
                "extended_to",
                QT_TRANSLATE_NOOP("Domain", "Mediation can be extended by at most {days} days, to {latest}."),
                days=EXTENSION_MAX_DAYS,
                latest=latest.isoformat(),
            )
        check.done()
        assert extended_to is not None
        case.mediation_extended_to = extended_to
        detail = f"{extended_to.isoformat()}; {worker_consent}; {employer_consent}"
        timeline.add(session, context, case, CaseEvent.MEDIATION_EXTENDED, detail)


def _session_view(session: Session, row: MediationSession) -> SessionView:
    entries = session.scalars(
        select(MinuteEntry).where(MinuteEntry.session_id == row.id).order_by(MinuteEntry.position)
    ).all()
    numbers = {entry.id: entry.position + 1 for entry in entries}
    return SessionView(
        id=row.id,
        held_at=row.held_at,
        place_kind=row.place_kind,
        place=row.place,
        mediators=row.mediators,
        recorder=row.recorder,
        worker_side=row.worker_side,
        employer_side=row.employer_side,
        identity_checked=row.identity_checked,
        rights_notified=row.rights_notified,
        recusal_note=row.recusal_note,
        signed_at=row.signed_at,
        minutes=[
            MinuteView(
                entry.id,
                entry.position + 1,
                entry.kind,
                entry.speaker,
                entry.text,
                numbers.get(entry.corrects_id) if entry.corrects_id else None,
                entry.at,
            )
            for entry in entries
        ],
    )


def sessions(session: Session, case_id: uuid.UUID) -> list[SessionView]:
    rows = session.scalars(
        select(MediationSession)
        .where(MediationSession.case_id == case_id, MediationSession.deleted_at.is_(None))
        .order_by(MediationSession.held_at, MediationSession.id)
    ).all()
    return [_session_view(session, row) for row in rows]


@requires(CASEWORK)
def case_sessions(context: StationContext, case_id: uuid.UUID) -> list[SessionView]:
    with context.database.transaction() as session:
        return sessions(session, get_case(session, case_id).id)
