"""How sync things read to a coordinator: states, progress, record kinds, field names and values, in Chinese.

The sync service speaks in table and column names (``case_file.status``) and wire values (``"accepted"``); nobody at
a station should have to read those. Unknown names (a newer server, a new table) fall back to the raw name rather
than hiding the conflict.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import chinatime
from ..domain.after_mediation import StepKind, StepOutcome
from ..domain.agreements import AgreementState, PayerRole, PaymentMethod, SignerRole
from ..domain.cases import CaseStatus, Category, Employment, IntakeChannel
from ..domain.clues import ClueStep
from ..domain.identifiers import Sex
from ..domain.mediation import AttachmentKind, MinuteKind, PlaceKind
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.personal import PersonalField
from ..domain.service import ServiceMethod
from ..services.sync_state import SyncState, SyncStatus
from ..station_sync.progress import Phase, Progress
from . import formatting

CONTEXT = "SyncLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# --- records and fields -------------------------------------------------------------------------------------------

_RECORDS = {
    "case_file": QT_TRANSLATE_NOOP("SyncLabels", "Case"),
    "person": QT_TRANSLATE_NOOP("SyncLabels", "Party (person)"),
    "employer": QT_TRANSLATE_NOOP("SyncLabels", "Employer"),
    "project": QT_TRANSLATE_NOOP("SyncLabels", "Construction project"),
    "case_claimant": QT_TRANSLATE_NOOP("SyncLabels", "Applicant of a case"),
    "case_respondent": QT_TRANSLATE_NOOP("SyncLabels", "Respondent of a case"),
    "evidence": QT_TRANSLATE_NOOP("SyncLabels", "Evidence"),
    "mediation_session": QT_TRANSLATE_NOOP("SyncLabels", "Mediation session"),
    "minute_entry": QT_TRANSLATE_NOOP("SyncLabels", "Mediation minutes"),
    "agreement": QT_TRANSLATE_NOOP("SyncLabels", "Mediation agreement"),
    "agreement_instalment": QT_TRANSLATE_NOOP("SyncLabels", "Instalment"),
    "agreement_share": QT_TRANSLATE_NOOP("SyncLabels", "Worker's share of an agreement"),
    "agreement_signature": QT_TRANSLATE_NOOP("SyncLabels", "Signature on an agreement"),
    "payment": QT_TRANSLATE_NOOP("SyncLabels", "Payment"),
    "arbitral_review": QT_TRANSLATE_NOOP("SyncLabels", "Arbitral review"),
    "after_step": QT_TRANSLATE_NOOP("SyncLabels", "Court, arbitration or inspection step"),
    "case_witness": QT_TRANSLATE_NOOP("SyncLabels", "Witness"),
    "attachment": QT_TRANSLATE_NOOP("SyncLabels", "Attachment"),
    "issued_document": QT_TRANSLATE_NOOP("SyncLabels", "Issued document"),
    "service_record": QT_TRANSLATE_NOOP("SyncLabels", "Service of a document"),
    "ledger_follow_up": QT_TRANSLATE_NOOP("SyncLabels", "Ledger follow-up"),
    "wage_clue": QT_TRANSLATE_NOOP("SyncLabels", "Wage-arrears clue"),
    "clue_record": QT_TRANSLATE_NOOP("SyncLabels", "Work on a clue"),
    "timeline_event": QT_TRANSLATE_NOOP("SyncLabels", "Timeline entry"),
    "station": QT_TRANSLATE_NOOP("SyncLabels", "Station"),
    "staff_user": QT_TRANSLATE_NOOP("SyncLabels", "Staff member"),
}

_FIELDS = {
    "case_file": {
        "number": QT_TRANSLATE_NOOP("SyncLabels", "Case number"),
        "status": QT_TRANSLATE_NOOP("SyncLabels", "Status"),
        "channel": QT_TRANSLATE_NOOP("SyncLabels", "How the complaint came in"),
        "category": QT_TRANSLATE_NOOP("SyncLabels", "Kind of dispute"),
        "registered_at": QT_TRANSLATE_NOOP("SyncLabels", "Registered at"),
        "received_on": QT_TRANSLATE_NOOP("SyncLabels", "Application received on"),
        "knew_on": QT_TRANSLATE_NOOP("SyncLabels", "Date the worker knew of the infringement"),
        "decided_on": QT_TRANSLATE_NOOP("SyncLabels", "Date of the decision to accept or refuse"),
        "mediation_started_on": QT_TRANSLATE_NOOP("SyncLabels", "Mediation started on"),
        "ended_on": QT_TRANSLATE_NOOP("SyncLabels", "Ended on"),
        "closed_on": QT_TRANSLATE_NOOP("SyncLabels", "Closed on"),
        "outcome": QT_TRANSLATE_NOOP("SyncLabels", "Outcome"),
        "status_reason": QT_TRANSLATE_NOOP("SyncLabels", "Reason"),
        "facts": QT_TRANSLATE_NOOP("SyncLabels", "Facts and reasons"),
        "project_id": QT_TRANSLATE_NOOP("SyncLabels", "Construction project"),
        "is_collective": QT_TRANSLATE_NOOP("SyncLabels", "Collective case"),
        "worker_count": QT_TRANSLATE_NOOP("SyncLabels", "Number of workers"),
        "claimed_total_fen": QT_TRANSLATE_NOOP("SyncLabels", "Total amount claimed"),
        "claimant_summary": QT_TRANSLATE_NOOP("SyncLabels", "Applicants"),
        "respondent_summary": QT_TRANSLATE_NOOP("SyncLabels", "Respondents"),
        "mediation_extended_to": QT_TRANSLATE_NOOP("SyncLabels", "Mediation extended to"),
        "notice_served_on": QT_TRANSLATE_NOOP("SyncLabels", "Notice of refusal served on"),
        "limitation_restarts_on": QT_TRANSLATE_NOOP("SyncLabels", "Limitation period restarts on"),
        "employment": QT_TRANSLATE_NOOP("SyncLabels", "Employment"),
        "employment_ended_on": QT_TRANSLATE_NOOP("SyncLabels", "Employment ended on"),
        "limitation_suspended_from": QT_TRANSLATE_NOOP("SyncLabels", "Limitation suspended from"),
        "limitation_suspended_to": QT_TRANSLATE_NOOP("SyncLabels", "Limitation suspended until"),
        "limitation_suspension_reason": QT_TRANSLATE_NOOP("SyncLabels", "Reason for the suspension"),
    },
    "person": {
        "name": QT_TRANSLATE_NOOP("SyncLabels", "Name"),
        "id_number": QT_TRANSLATE_NOOP("SyncLabels", "ID number"),
        "sex": QT_TRANSLATE_NOOP("SyncLabels", "Sex"),
        "birth_date": QT_TRANSLATE_NOOP("SyncLabels", "Date of birth"),
        "phone": QT_TRANSLATE_NOOP("SyncLabels", "Phone"),
        "address": QT_TRANSLATE_NOOP("SyncLabels", "Address"),
        "ethnicity": QT_TRANSLATE_NOOP("SyncLabels", "Ethnicity"),
    },
    "employer": {
        "kind": QT_TRANSLATE_NOOP("SyncLabels", "Kind of employer"),
        "name": QT_TRANSLATE_NOOP("SyncLabels", "Name"),
        "credit_code": QT_TRANSLATE_NOOP("SyncLabels", "Unified social credit code"),
        "credit_code_override_reason": QT_TRANSLATE_NOOP("SyncLabels", "Why a failing credit code was kept"),
        "id_number": QT_TRANSLATE_NOOP("SyncLabels", "ID number"),
        "legal_representative": QT_TRANSLATE_NOOP("SyncLabels", "Legal representative"),
        "address": QT_TRANSLATE_NOOP("SyncLabels", "Address"),
        "phone": QT_TRANSLATE_NOOP("SyncLabels", "Phone"),
    },
    "project": {
        "name": QT_TRANSLATE_NOOP("SyncLabels", "Name"),
        "address": QT_TRANSLATE_NOOP("SyncLabels", "Address"),
        "general_contractor_id": QT_TRANSLATE_NOOP("SyncLabels", "General contractor"),
    },
    "mediation_session": {
        "held_at": QT_TRANSLATE_NOOP("SyncLabels", "Held at"),
        "place_kind": QT_TRANSLATE_NOOP("SyncLabels", "Where it was held"),
        "place": QT_TRANSLATE_NOOP("SyncLabels", "Place"),
        "mediators": QT_TRANSLATE_NOOP("SyncLabels", "Mediators"),
        "recorder": QT_TRANSLATE_NOOP("SyncLabels", "Recorded by"),
        "worker_side": QT_TRANSLATE_NOOP("SyncLabels", "Present for the workers"),
        "employer_side": QT_TRANSLATE_NOOP("SyncLabels", "Present for the employer"),
        "identity_checked": QT_TRANSLATE_NOOP("SyncLabels", "Identities checked"),
        "rights_notified": QT_TRANSLATE_NOOP("SyncLabels", "Rights and duties read out"),
        "recusal_note": QT_TRANSLATE_NOOP("SyncLabels", "Recusal"),
        "signed_at": QT_TRANSLATE_NOOP("SyncLabels", "Minutes signed at"),
    },
    "agreement": {
        "state": QT_TRANSLATE_NOOP("SyncLabels", "State"),
        "agreed_on": QT_TRANSLATE_NOOP("SyncLabels", "Date of the agreement"),
        "payer_id": QT_TRANSLATE_NOOP("SyncLabels", "Payer"),
        "payer_role": QT_TRANSLATE_NOOP("SyncLabels", "Payer's role"),
        "payment_method": QT_TRANSLATE_NOOP("SyncLabels", "Payment method"),
        "total_fen": QT_TRANSLATE_NOOP("SyncLabels", "Total amount"),
        "waived_claims": QT_TRANSLATE_NOOP("SyncLabels", "Claims given up"),
        "default_clause": QT_TRANSLATE_NOOP("SyncLabels", "Default clause"),
        "other_terms": QT_TRANSLATE_NOOP("SyncLabels", "Other terms"),
        "originals": QT_TRANSLATE_NOOP("SyncLabels", "Number of originals"),
        "seal_applied_at": QT_TRANSLATE_NOOP("SyncLabels", "Seal applied at"),
        "effective_at": QT_TRANSLATE_NOOP("SyncLabels", "In effect since"),
        "employer_sealed_at": QT_TRANSLATE_NOOP("SyncLabels", "Employer's seal applied at"),
    },
    "service_record": {
        "recipient": QT_TRANSLATE_NOOP("SyncLabels", "Served on"),
        "address": QT_TRANSLATE_NOOP("SyncLabels", "Address of service"),
        "method": QT_TRANSLATE_NOOP("SyncLabels", "Way of service"),
        "served_on": QT_TRANSLATE_NOOP("SyncLabels", "Date of service"),
    },
    "after_step": {
        "outcome": QT_TRANSLATE_NOOP("SyncLabels", "Outcome"),
        "started_on": QT_TRANSLATE_NOOP("SyncLabels", "Filed / received"),
        "accepted_on": QT_TRANSLATE_NOOP("SyncLabels", "Accepted / issued"),
        "served_on": QT_TRANSLATE_NOOP("SyncLabels", "Served"),
        "extended_on": QT_TRANSLATE_NOOP("SyncLabels", "Extended"),
        "ended_on": QT_TRANSLATE_NOOP("SyncLabels", "Ended"),
    },
    "case_witness": {
        "address": QT_TRANSLATE_NOOP("SyncLabels", "Address"),
        "testimony": QT_TRANSLATE_NOOP("SyncLabels", "Can speak to"),
    },
    "ledger_follow_up": {
        "employer_id": QT_TRANSLATE_NOOP("SyncLabels", "Employer"),
        "project_id": QT_TRANSLATE_NOOP("SyncLabels", "Project"),
        "kind": QT_TRANSLATE_NOOP("SyncLabels", "What was done"),
        "done_on": QT_TRANSLATE_NOOP("SyncLabels", "Date"),
        "done_by": QT_TRANSLATE_NOOP("SyncLabels", "Followed up by"),
        "note": QT_TRANSLATE_NOOP("SyncLabels", "Note"),
    },
    "clue_record": {
        "step": QT_TRANSLATE_NOOP("SyncLabels", "Progress"),
        "closed_on": QT_TRANSLATE_NOOP("SyncLabels", "Closed on"),
        "recovered_fen": QT_TRANSLATE_NOOP("SyncLabels", "Amount recovered"),
        "workers_paid": QT_TRANSLATE_NOOP("SyncLabels", "Workers paid"),
        "called_back_on": QT_TRANSLATE_NOOP("SyncLabels", "Called back on"),
    },
}

# Fields every syncable record has.
_COMMON_FIELDS = {
    "deleted_at": QT_TRANSLATE_NOOP("SyncLabels", "Deleted at"),
    "created_at": QT_TRANSLATE_NOOP("SyncLabels", "Created at"),
    "updated_at": QT_TRANSLATE_NOOP("SyncLabels", "Changed at"),
    "amount_fen": QT_TRANSLATE_NOOP("SyncLabels", "Amount"),
    "due_on": QT_TRANSLATE_NOOP("SyncLabels", "Due on"),
    "paid_on": QT_TRANSLATE_NOOP("SyncLabels", "Paid on"),
    "method": QT_TRANSLATE_NOOP("SyncLabels", "Payment method"),
    "reference": QT_TRANSLATE_NOOP("SyncLabels", "Reference"),
    "description": QT_TRANSLATE_NOOP("SyncLabels", "Description"),
    "text": QT_TRANSLATE_NOOP("SyncLabels", "Text"),
    "speaker": QT_TRANSLATE_NOOP("SyncLabels", "Speaker"),
    "bank": QT_TRANSLATE_NOOP("SyncLabels", "Bank"),
    "account_number": QT_TRANSLATE_NOOP("SyncLabels", "Account number"),
    "filename": QT_TRANSLATE_NOOP("SyncLabels", "File name"),
    "role": QT_TRANSLATE_NOOP("SyncLabels", "Role"),
    "kind": QT_TRANSLATE_NOOP("SyncLabels", "Kind"),
    "name": QT_TRANSLATE_NOOP("SyncLabels", "Name"),
    "applied_on": QT_TRANSLATE_NOOP("SyncLabels", "Applied on"),
    "returned_on": QT_TRANSLATE_NOOP("SyncLabels", "Returned on"),
    "person_id": QT_TRANSLATE_NOOP("SyncLabels", "Worker"),
}

# Columns that hold a domain enum: shown by the enum's translated label.
_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("case_file", "status"): CaseStatus,
    ("case_file", "outcome"): CaseStatus,
    ("case_file", "channel"): IntakeChannel,
    ("case_file", "category"): Category,
    ("case_file", "employment"): Employment,
    ("person", "sex"): Sex,
    ("employer", "kind"): EmployerKind,
    ("mediation_session", "place_kind"): PlaceKind,
    ("agreement", "state"): AgreementState,
    ("agreement", "payer_role"): PayerRole,
    ("agreement", "payment_method"): PaymentMethod,
    ("payment", "method"): PaymentMethod,
    ("case_respondent", "role"): RespondentRole,
    ("minute_entry", "kind"): MinuteKind,
    ("attachment", "kind"): AttachmentKind,
    ("agreement_signature", "role"): SignerRole,
    ("service_record", "method"): ServiceMethod,
    ("after_step", "kind"): StepKind,
    ("after_step", "outcome"): StepOutcome,
    ("clue_record", "step"): ClueStep,
}


def record_kind(table: str) -> str:
    """What kind of record a table holds, e.g. 案件; the raw name for a table this version does not know."""
    source = _RECORDS.get(table)
    return _tr(source) if source else table


def enum_of(table: str, field: str) -> type[StrEnum] | None:
    """The domain enum a column holds, if it holds one."""
    return _ENUMS.get((table, field))


def field_label(table: str, field: str | None) -> str:
    """A column's name as the forms call it, e.g. case_file.status -> 状态; the raw name when unknown."""
    if not field:
        return ""
    source = _FIELDS.get(table, {}).get(field) or _COMMON_FIELDS.get(field)
    return _tr(source) if source else field


# Columns holding personal data, shown masked unless revealed (domain.personal).
_PERSONAL = {
    "id_number": PersonalField.ID_NUMBER,
    "phone": PersonalField.PHONE,
    "account_number": PersonalField.BANK_ACCOUNT,
}


def personal_field(field: str | None) -> PersonalField | None:
    return _PERSONAL.get(field or "")


def value_text(table: str, field: str | None, value: Any, shown: frozenset[PersonalField] = frozenset()) -> str:
    """A stored (wire) value as a person reads it: labels for enums, yuan for amounts, Beijing time for times,
    personal data masked unless its kind is ``shown``."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    personal = personal_field(field)
    if personal is not None and isinstance(value, str):
        return formatting.personal(personal, value, shown)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "yes") if value else QCoreApplication.translate("SyncLabels", "no")
        )
    enum = _ENUMS.get((table, field or ""))
    if enum is not None and isinstance(value, str):
        try:
            return formatting.label(enum(value))
        except ValueError:
            return value
    if field and field.endswith("_fen") and isinstance(value, int):
        return formatting.money(value)
    if isinstance(value, str) and field and field.endswith("_at"):
        try:
            return formatting.moment(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return join(value_text(table, field, each) for each in value)
    if isinstance(value, dict):
        return changed_fields(table, value)
    return str(value)


def changed_fields(table: str, fields: dict[str, Any]) -> str:
    """Several fields with their values, one per line: 状态：已受理."""
    shown = [
        QCoreApplication.translate("SyncLabels", "{field}: {value}").format(
            field=field_label(table, name), value=value_text(table, name, value)
        )
        for name, value in fields.items()
        if name not in ("updated_at", "created_at", "version")
    ]
    return "\n".join(shown) or QCoreApplication.translate("SyncLabels", "(no fields)")


def join(items: Iterable[str]) -> str:
    """A list in running text: 状态、结果."""
    return QCoreApplication.translate("SyncLabels", ", ").join(items)


def field_names(table: str, names: list[Any]) -> str:
    return join(field_label(table, str(name)) for name in names if name not in ("updated_at", "created_at"))


def short_time(value: datetime | None) -> str:
    """A time of today as 14:32, of another day as 11-25 14:32 (Beijing time)."""
    if value is None:
        return ""
    local = value.astimezone(chinatime.CHINA_TZ)
    if local.date() == chinatime.today():
        return local.strftime("%H:%M")
    return local.strftime("%m-%d %H:%M")


# --- states and progress ------------------------------------------------------------------------------------------


def quarantined_text(count: int) -> str:
    """The badge for rows received that could not be saved here: 2 条记录无法保存."""
    return QCoreApplication.translate("SyncLabels", "{n} records could not be saved").format(
        n=formatting.locale_number(count)
    )


def clock_text(offset: timedelta) -> str:
    """How far this computer's clock is from the city server's: 电脑时钟快 365 天, 电脑时钟慢 2 小时."""
    amount = abs(offset)  # measured to a fraction of a second less or more than the laptop is off: rounded
    if amount >= timedelta(hours=23, minutes=30):
        days = round(amount / timedelta(days=1))
        size = QCoreApplication.translate("SyncLabels", "{n} days").format(n=formatting.locale_number(days))
    elif amount >= timedelta(minutes=59, seconds=30):
        hours = round(amount / timedelta(hours=1))
        size = QCoreApplication.translate("SyncLabels", "{n} hours").format(n=formatting.locale_number(hours))
    else:
        minutes = round(amount / timedelta(minutes=1))
        size = QCoreApplication.translate("SyncLabels", "{n} minutes").format(n=formatting.locale_number(minutes))
    if offset > timedelta(0):
        return QCoreApplication.translate("SyncLabels", "This computer's clock is {amount} fast").format(amount=size)
    return QCoreApplication.translate("SyncLabels", "This computer's clock is {amount} slow").format(amount=size)


def clock_sentence() -> str:
    """What a wrong clock does, and what to do about it."""
    return QCoreApplication.translate(
        "SyncLabels",
        "Measured against the city server at the last sync. The dates recorded here, the years in case numbers and "
        "every deadline come from this computer's date: correct the date and time in the computer's settings, then "
        "sync again.",
    )


def progress_text(progress: Progress | None) -> str:
    """What a sync is doing right now: 发送更改 3/12."""
    if progress is None or progress.phase is Phase.CONNECTING:
        return QCoreApplication.translate("SyncLabels", "connecting to the city server")
    counts = (
        QCoreApplication.translate("SyncLabels", "{done}/{total}").format(done=progress.done, total=progress.total)
        if progress.total is not None
        else formatting.locale_number(progress.done)
    )
    text = {
        Phase.PUSHING: QT_TRANSLATE_NOOP("SyncLabels", "sending changes {counts}"),
        Phase.UPLOADING: QT_TRANSLATE_NOOP("SyncLabels", "sending files {counts}"),
        Phase.PULLING: QT_TRANSLATE_NOOP("SyncLabels", "receiving changes {counts}"),
        Phase.DOWNLOADING: QT_TRANSLATE_NOOP("SyncLabels", "receiving files {counts}"),
    }[progress.phase]
    return _tr(text).format(counts=counts)


def state_text(status: SyncStatus | None, running: bool, progress: Progress | None, demo: bool = False) -> str:
    """The few words of the status bar: 已同步 14:32, 3 项更改待发送, 离线, 已停止…"""
    if demo:
        return QCoreApplication.translate("SyncLabels", "Demo data: not synced")
    if running:
        return QCoreApplication.translate("SyncLabels", "Syncing: {what}").format(what=progress_text(progress))
    if status is None:
        return QCoreApplication.translate("SyncLabels", "Sync")
    pending = status.pending_changes
    if status.state is SyncState.NOT_ENROLLED:
        return QCoreApplication.translate("SyncLabels", "Not enrolled for sync")
    if status.state is SyncState.STOPPED:
        return QCoreApplication.translate("SyncLabels", "Sync stopped")
    if status.state is SyncState.OFFLINE:
        if pending:
            return QCoreApplication.translate("SyncLabels", "Offline · {n} changes waiting").format(
                n=formatting.locale_number(pending)
            ) + _last_synced(status)
        return QCoreApplication.translate("SyncLabels", "Offline") + _last_synced(status)
    if status.state is SyncState.FAILED:
        return QCoreApplication.translate("SyncLabels", "Sync failed, tried again soon") + _last_synced(status)
    if status.state is SyncState.WAITING:
        return QCoreApplication.translate("SyncLabels", "{n} changes waiting to be sent").format(
            n=formatting.locale_number(pending)
        )
    if status.last_success_at is None:
        return QCoreApplication.translate("SyncLabels", "Enrolled, not synced yet")
    return QCoreApplication.translate("SyncLabels", "Synced {time}").format(time=short_time(status.last_success_at))


def state_sentence(status: SyncStatus | None, running: bool, demo: bool = False) -> str:
    """One sentence that explains the state, for the tooltip and the sync window."""
    if demo:
        return QCoreApplication.translate(
            "SyncLabels", "The demo data is generated and is never sent to the city server."
        )
    if running:
        return QCoreApplication.translate(
            "SyncLabels",
            "This computer is sending its changes to the city server and receiving those of the other computers.",
        )
    if status is None:
        return QCoreApplication.translate("SyncLabels", "Reading the sync status…")
    pending = formatting.locale_number(status.pending_changes)
    if status.state is SyncState.NOT_ENROLLED:
        return QCoreApplication.translate(
            "SyncLabels",
            "This computer is not enrolled with the city server yet; enrol it with a code from the city bureau "
            "(menu Sync).",
        )
    if status.state is SyncState.STOPPED:
        return QCoreApplication.translate(
            "SyncLabels", "Sync is stopped until you act: open the sync window to see why and what to do."
        )
    if status.state is SyncState.OFFLINE:
        return QCoreApplication.translate(
            "SyncLabels",
            "The city server cannot be reached; {n} changes are kept here and sent automatically when it answers "
            "again.",
        ).format(n=pending) + _unseen_since(status)
    if status.state is SyncState.FAILED:
        return QCoreApplication.translate(
            "SyncLabels",
            "The last sync did not finish; {n} changes are kept here and the sync is tried again automatically. "
            "Open the sync window to see why.",
        ).format(n=pending) + _unseen_since(status)
    if status.state is SyncState.WAITING:
        return QCoreApplication.translate(
            "SyncLabels", "{n} changes typed here wait to be sent; they go out automatically within a few minutes."
        ).format(n=pending)
    if status.last_success_at is None:
        return QCoreApplication.translate(
            "SyncLabels", "This computer is enrolled with the city server; the first sync starts in a moment."
        )
    return QCoreApplication.translate(
        "SyncLabels", "Everything typed here has reached the city server; the last sync was at {time}."
    ).format(time=formatting.moment(status.last_success_at))


def _last_synced(status: SyncStatus) -> str:
    """ " · 上次同步 11-07 14:32": how long a laptop kept off the network has been out of the city's sight."""
    if status.last_success_at is None:
        return ""
    return QCoreApplication.translate("SyncLabels", " · last synced {time}").format(
        time=short_time(status.last_success_at)
    )


def _unseen_since(status: SyncStatus) -> str:
    """The days since the last sync that reached the city, once there is one: what was typed since, the city
    does not see (its figures and its overdue list leave it out)."""
    if status.last_success_at is None:
        return ""
    days = (chinatime.today() - chinatime.local_date(status.last_success_at)).days
    if days < 1:
        return ""
    return QCoreApplication.translate(
        "SyncLabels",
        " The last sync was {days} days ago, at {time}: the city's figures leave out what was typed here since. "
        "Connect this computer to the network to send it.",
    ).format(days=formatting.locale_number(days), time=formatting.moment(status.last_success_at))
