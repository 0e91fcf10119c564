"""Wage-arrears clues (scenario 5): the clues the city assigned to this station, and working each one off.

The clue is the city's row; the station's steps go into its own ClueRecord for the clue, which syncs back so the
city sees what became of it: verified, employer contacted, then settled (amount recovered, workers paid), turned
into a case (linked to it), not substantiated (why), or handed to labour inspection; and the worker called back.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import chinatime, clocks, clues
from ..domain.cases import IntakeChannel
from ..domain.clocks import Clock
from ..domain.clues import ClueStep
from ..domain.errors import IllegalTransition, NotFound
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import parse_yuan
from ..domain.text import clean_text
from ..storage.models import Case, ClueRecord, WageClue
from ..storage.types import utc_now
from .access import CASEWORK, requires
from .checks import Checker, past_date
from .intake import EmployerEntry, IntakeForm, WorkerEntry
from .station import StationContext

NOTE_MAX = 1000
WORKERS_MAX = 10_000


@dataclass(frozen=True)
class ClueRow:
    id: uuid.UUID
    platform_ref: str
    received_at: datetime | None
    due_on: date | None
    worker_name: str
    worker_phone: str
    employer_name: str
    project_name: str
    amount_fen: int | None
    summary: str
    step: ClueStep
    verified_on: date | None
    contacted_on: date | None
    closed_on: date | None
    recovered_fen: int
    workers_paid: int
    case_id: uuid.UUID | None
    case_number: str
    note: str
    called_back_on: date | None
    callback_note: str
    clock: Clock | None  # the city's deadline, while the clue is open


@dataclass(frozen=True)
class StepForm:
    """One step of a clue, as the dialog collects it: the day it happened and what was found or agreed."""

    step: ClueStep
    on: date | None
    note: str = ""
    recovered: str = ""  # yuan as typed: a settled clue's money recovered
    workers_paid: int | None = None
    case_id: uuid.UUID | None = None  # the case a clue turned into


def _row(clue: WageClue, record: ClueRecord | None, case_number: str, today: date) -> ClueRow:
    step = record.step if record else ClueStep.RECEIVED
    closed_on = record.closed_on if record else None
    return ClueRow(
        id=clue.id,
        platform_ref=clue.platform_ref,
        received_at=clue.received_at,
        due_on=clue.due_on,
        worker_name=clue.worker_name,
        worker_phone=clue.worker_phone,
        employer_name=clue.employer_name,
        project_name=clue.project_name,
        amount_fen=clue.amount_fen,
        summary=clue.summary,
        step=step,
        verified_on=record.verified_on if record else None,
        contacted_on=record.contacted_on if record else None,
        closed_on=closed_on,
        recovered_fen=record.recovered_fen if record else 0,
        workers_paid=record.workers_paid if record else 0,
        case_id=record.case_id if record else None,
        case_number=case_number,
        note=record.note if record else "",
        called_back_on=record.called_back_on if record else None,
        callback_note=record.callback_note if record else "",
        clock=clocks.clue_clock(clue.due_on, closed_on, today),
    )


def intake_form_for(clue: ClueRow) -> IntakeForm:
    """A registration started from a clue: what the platform reported, for the coordinator to check and complete."""
    amount = f"{clue.amount_fen // 100}.{clue.amount_fen % 100:02d}" if clue.amount_fen else ""
    return IntakeForm(
        channel=IntakeChannel.PLATFORM,
        received_on=chinatime.local_date(clue.received_at) if clue.received_at else None,
        facts=clue.summary,
        workers=[WorkerEntry(name=clue.worker_name, phone=clue.worker_phone, claimed=amount)],
        employer=EmployerEntry(name=clue.employer_name),
        project_name=clue.project_name,
    )


def records_by_clue(session: Session) -> dict[uuid.UUID, ClueRecord]:
    """Each clue's record; of two made offline on two laptops, the one moved on furthest (then the newest)."""
    chosen: dict[uuid.UUID, ClueRecord] = {}
    for record in session.scalars(select(ClueRecord).where(ClueRecord.deleted_at.is_(None))):
        kept = chosen.get(record.clue_id)
        if kept is None or (clues.rank(record.step), record.updated_at) > (clues.rank(kept.step), kept.updated_at):
            chosen[record.clue_id] = record
    return chosen


@requires(CASEWORK)
def list_clues(context: StationContext, *, today: date | None = None) -> list[ClueRow]:
    """Every clue assigned to the station: open ones first, by the city's deadline, then the closed ones."""
    today = today or chinatime.today()
    with context.database.transaction() as session:
        records = records_by_clue(session)
        case_ids = [record.case_id for record in records.values() if record.case_id]
        numbers = dict(session.execute(select(Case.id, Case.number).where(Case.id.in_(case_ids))).all())
        rows = []
        for clue in session.scalars(select(WageClue).where(WageClue.deleted_at.is_(None))):
            record = records.get(clue.id)
            rows.append(_row(clue, record, numbers.get(record.case_id if record else None, ""), today))
    return sorted(rows, key=lambda row: (row.step.is_closed, row.due_on or date.max, row.platform_ref))


def _clue(session: Session, clue_id: uuid.UUID) -> WageClue:
    clue = session.get(WageClue, clue_id)
    if clue is None or clue.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This clue no longer exists.")))
    return clue


def _record(session: Session, context: StationContext, clue: WageClue) -> ClueRecord:
    record = records_by_clue(session).get(clue.id)
    if record is None:
        record = ClueRecord(clue_id=clue.id, step=ClueStep.RECEIVED, updated_by_id=context.user_id)
        session.add(record)
    return record


@requires(CASEWORK)
def record_step(context: StationContext, clue_id: uuid.UUID, form: StepForm, *, now: datetime | None = None) -> ClueRow:
    """Move a clue on by one step (domain.clues says which may follow which), with what each step needs."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        clue = _clue(session, clue_id)
        record = _record(session, context, clue)
        clues.check_step(record.step, form.step)
        check = Checker()
        on = check(today, past_date, form.on, "on", today)
        needs_note = form.step in (ClueStep.UNSUBSTANTIATED, ClueStep.TO_INSPECTION)
        note = check("", clean_text, form.note, field="note", max_length=NOTE_MAX, required=needs_note)
        recovered, workers = 0, 0
        if form.step is ClueStep.SETTLED:
            recovered = check(0, parse_yuan, form.recovered, field="recovered")
            workers = form.workers_paid or 0
            if not 1 <= workers <= WORKERS_MAX:
                check.refuse("workers_paid", QT_TRANSLATE_NOOP("Domain", "How many workers were paid?"))
        if form.step is ClueStep.CASE_OPENED and (form.case_id is None or session.get(Case, form.case_id) is None):
            check.refuse("case", QT_TRANSLATE_NOOP("Domain", "Register the case first; it is then linked here."))
        check.done()
        _apply(record, form.step, on, note, recovered, workers, form.case_id)
        record.updated_by_id = context.user_id
        session.flush()
        return _row(clue, record, _number(session, record.case_id), today)


def _apply(
    record: ClueRecord, step: ClueStep, on: date, note: str, recovered: int, workers: int, case_id: uuid.UUID | None
) -> None:
    record.step = step
    if step is ClueStep.VERIFYING:
        record.verified_on = on
    elif step is ClueStep.EMPLOYER_CONTACTED:
        record.contacted_on = on
    else:
        record.closed_on = on
        record.recovered_fen = recovered
        record.workers_paid = workers
        record.case_id = case_id if step is ClueStep.CASE_OPENED else None
    if note:
        record.note = note


def _number(session: Session, case_id: uuid.UUID | None) -> str:
    return session.scalar(select(Case.number).where(Case.id == case_id)) or "" if case_id else ""


@requires(CASEWORK)
def record_callback(
    context: StationContext, clue_id: uuid.UUID, on: date | None, note: str, *, now: datetime | None = None
) -> ClueRow:
    """The call back to the worker (回访) after the clue was closed: when, and what the worker said."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        clue = _clue(session, clue_id)
        record = records_by_clue(session).get(clue.id)
        if record is None or not record.step.is_closed:
            raise IllegalTransition(
                Message(QT_TRANSLATE_NOOP("Domain", "Call the worker back once the clue has an outcome."))
            )
        check = Checker()
        called_on = check(today, past_date, on, "on", today)
        said = check("", clean_text, note, field="note", max_length=NOTE_MAX, required=True)
        check.done()
        if record.closed_on and called_on < record.closed_on:
            raise IllegalTransition(
                Message(QT_TRANSLATE_NOOP("Domain", "The call back cannot be before the clue was closed."))
            )
        record.called_back_on = called_on
        record.callback_note = said
        record.updated_by_id = context.user_id
        session.flush()
        return _row(clue, record, _number(session, record.case_id), today)
