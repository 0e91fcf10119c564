"""The ledger (台账) beyond its lists: follow-ups recorded per employer or project, and the ledger as a workbook.

A follow-up is a visit (走访), a rectification asked (责令整改 / 提醒整改) or a rectification done (已整改): what
the station did about a name on its ledger, by whom and when. Follow-ups sync, so the city sees them; they are never
changed, a later one tells what happened next. The export holds both lists as the page shows them; an individual
employer's ID number is masked unless the account's role may see it, and every export is audited.
"""

import uuid
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from .. import spreadsheet
from ..domain import chinatime
from ..domain.audit import AuditAction
from ..domain.errors import NotFound
from ..domain.ledger import FollowUpKind, Risk
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.personal import PersonalField, masked
from ..domain.text import clean_line, clean_text
from ..storage import disk
from ..storage.models import Employer, LedgerFollowUp, Project
from ..storage.types import utc_now
from . import audit
from .access import CASEWORK, REVEALABLE, requires
from .checks import Checker, past_date, required_choice
from .registry import EmployerRow, FollowUpRow, ProjectRow, list_employers, list_projects
from .station import StationContext

NOTE_MAX = 2000
DONE_BY_MAX = 50

Translate = Callable[[str], str]


class Subject(StrEnum):
    """What a follow-up is about: an employer, or a construction project (its contractors answer for it)."""

    EMPLOYER = "employer"
    PROJECT = "project"


_MODELS = {Subject.EMPLOYER: Employer, Subject.PROJECT: Project}


def _subject(session: Session, subject: Subject, subject_id: uuid.UUID) -> Employer | Project:
    row = session.get(_MODELS[subject], subject_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This employer or project no longer exists.")))
    return row


@requires(CASEWORK)
def record_follow_up(
    context: StationContext,
    subject: Subject,
    subject_id: uuid.UUID,
    kind: FollowUpKind | None,
    done_on: date | None,
    done_by: str,
    note: str = "",
    *,
    now: datetime | None = None,
) -> FollowUpRow:
    """Record what was done about an employer or project; every wrong field is refused at once, nothing saved."""
    today = chinatime.local_date(now or utc_now())
    check = Checker()
    kind = check(None, required_choice, kind, "kind")
    done_on = check(today, past_date, done_on, "done_on", today)
    done_by = check("", clean_line, done_by, field="done_by", max_length=DONE_BY_MAX, required=True)
    note = check("", clean_text, note, field="note", max_length=NOTE_MAX)
    if kind is FollowUpKind.RECTIFICATION_ASKED and not note:
        # The next visit checks exactly this, and the city reads it: what was asked cannot be left blank.
        check.refuse("note", QT_TRANSLATE_NOOP("Domain", "Say what they were asked to put right."))
    check.done()
    with context.database.transaction() as session:
        _subject(session, subject, subject_id)
        session.add(
            LedgerFollowUp(
                employer_id=subject_id if subject is Subject.EMPLOYER else None,
                project_id=subject_id if subject is Subject.PROJECT else None,
                kind=kind,
                done_on=done_on,
                done_by=done_by,
                note=note,
                recorded_by_id=context.user_id,
            )
        )
    return FollowUpRow(kind, done_on, done_by, note)


# --- export -----------------------------------------------------------------------------------------------------

LEDGER = QT_TRANSLATE_NOOP("Domain", "Ledger of employers and projects")
EMPLOYERS = QT_TRANSLATE_NOOP("Domain", "Employers")
PROJECTS = QT_TRANSLATE_NOOP("Domain", "Projects")
_RISK_COLUMNS = (
    QT_TRANSLATE_NOOP("Domain", "Risk"),
    QT_TRANSLATE_NOOP("Domain", "Reasons"),
    QT_TRANSLATE_NOOP("Domain", "Complaints within 90 days"),
    QT_TRANSLATE_NOOP("Domain", "Open cases"),
    QT_TRANSLATE_NOOP("Domain", "All cases"),
    QT_TRANSLATE_NOOP("Domain", "Open collective cases"),
    QT_TRANSLATE_NOOP("Domain", "Agreements in default"),
    QT_TRANSLATE_NOOP("Domain", "Arrears outstanding (yuan)"),
    QT_TRANSLATE_NOOP("Domain", "Latest follow-up"),
    QT_TRANSLATE_NOOP("Domain", "Follow-up date"),
    QT_TRANSLATE_NOOP("Domain", "Followed up by"),
    QT_TRANSLATE_NOOP("Domain", "Follow-up note"),
)
_EMPLOYER_COLUMNS = (
    QT_TRANSLATE_NOOP("Domain", "Employer"),
    QT_TRANSLATE_NOOP("Domain", "Kind"),
    QT_TRANSLATE_NOOP("Domain", "Unified social credit code"),
    QT_TRANSLATE_NOOP("Domain", "ID number"),
)
_PROJECT_COLUMNS = (
    QT_TRANSLATE_NOOP("Domain", "Project"),
    QT_TRANSLATE_NOOP("Domain", "Address"),
    QT_TRANSLATE_NOOP("Domain", "General contractor"),
    QT_TRANSLATE_NOOP("Domain", "Workers involved"),
)
ARREARS_COLUMN = len(_EMPLOYER_COLUMNS) + _RISK_COLUMNS.index("Arrears outstanding (yuan)")  # from 0


def reasons_text(risk: Risk, translate: Translate, separator: str = "；") -> str:
    return separator.join(reason.render(translate) for reason in risk.reasons)


def _ledger_cells(row: EmployerRow | ProjectRow, translate: Translate) -> list[Any]:
    follow_up = row.latest_follow_up
    return [
        translate(row.risk.level.label),
        reasons_text(row.risk, translate),
        row.facts.recent_complaints,
        row.open_case_count,
        row.case_count,
        row.facts.open_collective_cases,
        row.facts.agreements_in_default,
        Decimal(row.facts.arrears_fen) / 100,
        translate(follow_up.kind.label) if follow_up else "",
        follow_up.done_on if follow_up else None,
        follow_up.done_by if follow_up else "",
        follow_up.note if follow_up else "",
    ]


def _sheet(
    workbook: spreadsheet.PersonalWorkbook, title: str, heading: str, columns: tuple[str, ...], lines: list[list[Any]]
) -> None:
    sheet = workbook.sheet(title)
    sheet.append([heading])
    sheet.append(columns, bold=True)
    for line in lines:
        sheet.append(line)
    sheet.amounts_in(ARREARS_COLUMN)
    sheet.widen(0, 36)
    sheet.freeze(2, 1)  # below the headings, right of the names


@requires(CASEWORK)
def export_ledger(context: StationContext, path: Path, translate: Translate, *, today: date | None = None) -> int:
    """Both lists of the ledger written to ``path`` as .xlsx (beside it first, then renamed: never half a file);
    returns how many employers and projects it holds."""
    today = today or chinatime.today()
    employers, projects = list_employers(context, today=today), list_projects(context, today=today)
    ids_shown = PersonalField.ID_NUMBER in REVEALABLE[context.user_role]

    def id_number(row: EmployerRow) -> str:
        text = row.id_number or ""
        return text if ids_shown else masked(PersonalField.ID_NUMBER, text)

    heading = f"{context.station_name}　{translate(LEDGER)}　{today.isoformat()}"
    with disk.written_whole(path) as partial:
        workbook = spreadsheet.PersonalWorkbook(partial)
        _sheet(
            workbook,
            translate(EMPLOYERS),
            heading,
            tuple(translate(title) for title in (*_EMPLOYER_COLUMNS, *_RISK_COLUMNS)),
            [
                [
                    row.name,
                    translate(row.kind.label),
                    row.credit_code or "",
                    id_number(row),
                    *_ledger_cells(row, translate),
                ]
                for row in employers
            ],
        )
        _sheet(
            workbook,
            translate(PROJECTS),
            heading,
            tuple(translate(title) for title in (*_PROJECT_COLUMNS, *_RISK_COLUMNS)),
            [
                [row.name, row.address, row.general_contractor, row.workers_involved, *_ledger_cells(row, translate)]
                for row in projects
            ],
        )
        workbook.close()
    count = len(employers) + len(projects)
    audit.record(context, AuditAction.EXPORTED, LEDGER, rows=count, id_numbers="shown" if ids_shown else "masked")
    return count
