"""The timeline in words: an added file is said by what it is and whose it is, never by its file's name."""

import uuid
from datetime import timedelta
from pathlib import Path

from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind, StepOutcome
from heze_station.domain.agreements import PaymentMethod, SignerRole
from heze_station.domain.cases import CaseAction, CaseEvent
from heze_station.domain.mediation import AttachmentKind
from heze_station.services import (
    after_mediation,
    agreements,
    attachments,
    case_actions,
    case_queries,
    mediation,
    oral_application,
    payments,
    timeline,
)
from heze_station.services.case_queries import get_case
from heze_station.services.dashboard import dashboard
from heze_station.services.station import StationContext
from tests import samples
from tests.factories import intake_form

from .agreement_steps import mediating, session_form, sign_everything, terms

PHOTO = b"\xff\xd8 a photo of the wage list on the site office wall"


def added(station: StationContext, case_id: uuid.UUID) -> list[str]:
    """The details of the case's "attachment added" entries, as the case file shows them (English source)."""
    shown = case_queries.case_detail(station, case_id).timeline
    return [event.shown.render() for event in shown if event.kind == CaseEvent.ATTACHMENT_ADDED]


def test_signatures_and_photos_read_as_whose_and_what_they_are(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(10, received_on=today), None)  # a visit: an oral application
    representatives = [c for c in case_queries.case_detail(station, case_id).claimants if c.representative]
    oral_application.sign(station, case_id, representatives[0].person_id, image=samples.signature_png("工人0"))
    held = mediation.record_session(station, case_id, session_form())
    attachments.attach(station, case_id, AttachmentKind.PHOTO, "IMG_0001.jpg", PHOTO, held.id)
    form = terms(station, case_id, today, [(today, "38000")], amount_each="3800")
    draft = agreements.save_draft(station, case_id, form).draft
    assert draft is not None
    agreements.sign(
        station,
        draft.id,
        SignerRole.REPRESENTATIVE,
        person_id=representatives[1].person_id,
        image=samples.signature_png("工人1"),
    )
    agreements.sign(station, draft.id, SignerRole.EMPLOYER_HANDLER, "王经理", image=samples.signature_png("王经理"))

    assert added(station, case_id) == [
        "工人0's signature on the oral application record",
        f"Photo from the mediation session of {chinatime.local_date(held.held_at).isoformat()}",
        "Signature of 工人1 (Workers' representative)",
        "Signature of 王经理 (Employer's handler)",
    ]
    # What is stored stays as it was: the file's name identifies the attachment, old entries as new ones.
    stored = [e.detail for e in case_queries.case_detail(station, case_id).timeline if e.kind == "attachment_added"]
    assert stored == [
        "application-工人0.png",
        "IMG_0001.jpg",
        "representative-工人1.png",
        "employer_handler-王经理.png",
    ]


def test_a_receipt_reads_as_the_payment_it_proves_on_the_case_and_the_workbench(
    station: StationContext, tmp_path: Path
) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    draft = agreements.save_draft(
        station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800")
    )
    assert draft.draft is not None
    sign_everything(station, draft.draft.id, case_id, chinatime.now())
    agreements.take_effect(station, draft.draft.id)
    receipt = tmp_path / "微信图片_20261204.jpg"
    receipt.write_bytes(PHOTO)
    payments.record_payment(station, case_id, today, "3800", PaymentMethod.BANK_TRANSFER, receipt=receipt)

    assert added(station, case_id) == ["Receipt for the payment of ¥3,800.00"]
    [latest] = [event for event in dashboard(station).recent if event.kind == CaseEvent.ATTACHMENT_ADDED]
    assert latest.shown.render() == "Receipt for the payment of ¥3,800.00"


def test_two_files_of_one_name_are_each_said_as_themselves(station: StationContext) -> None:
    case_id = mediating(station, intake_form(1), None)
    morning = mediation.record_session(station, case_id, session_form(held_at=chinatime.now() - timedelta(days=1)))
    afternoon = mediation.record_session(station, case_id, session_form())
    attachments.attach(station, case_id, AttachmentKind.PHOTO, "IMG_0001.jpg", PHOTO, morning.id)
    attachments.attach(station, case_id, AttachmentKind.SCAN, "IMG_0001.jpg", PHOTO + b"2", afternoon.id)

    days = [chinatime.local_date(held.held_at).isoformat() for held in (morning, afternoon)]
    assert added(station, case_id) == [
        f"Photo from the mediation session of {days[0]}",
        f"Scan from the mediation session of {days[1]}",
    ]


def test_an_entry_whose_file_has_not_arrived_says_nothing_rather_than_a_file_name(station: StationContext) -> None:
    case_id = mediating(station, intake_form(1), None)
    with station.database.transaction() as session:  # e.g. synced from a laptop whose attachment row is late
        timeline.add(session, station, get_case(session, case_id), CaseEvent.ATTACHMENT_ADDED, "scan-0001.pdf")

    assert added(station, case_id) == [""]


def test_the_scan_of_an_arbitral_award_reads_as_the_outcome_it_records(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    received = today - timedelta(days=30)
    case_id = mediating(station, intake_form(1, received_on=received), received)
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    record = after_mediation.record_step
    record(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today - timedelta(days=12))
    record(station, case_id, StepKind.ARBITRATION, StepDate.ACCEPTED, today - timedelta(days=10))
    award = tmp_path / "扫描全能王 2026-12-04 10.31.pdf"
    award.write_bytes(b"%PDF-1.7 the award")
    record(station, case_id, StepKind.ARBITRATION, StepDate.ENDED, today, StepOutcome.AWARDED, document=award)

    assert added(station, case_id) == ["Scan of the outcome document: Arbitration, Award made"]
