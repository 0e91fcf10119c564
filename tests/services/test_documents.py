"""Documents issued from a case's own data: stored once, listed, printed from the stored bytes, and verified
against the station's records by independent tools and by ``heze-station verify``."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import DomainError
from heze_station.domain.mediation import MinuteKind
from heze_station.services import case_actions, case_queries, documents, mediation, payments
from heze_station.services.station import StationContext
from tests.factories import intake_form, register

from .agreement_steps import agree, mediating, session_form, terms

COMMAND = Path(sys.executable).with_name("heze-station")


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"{uuid.uuid4()}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def verify_command(path: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    return subprocess.run(
        [str(COMMAND), "verify", str(path), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture
def walk_in(station: StationContext) -> uuid.UUID:
    """Scenario 2: the walk-in's agreement in effect, half paid."""
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    session = mediation.record_session(station, case_id, session_form(place="驿站调解室"))
    mediation.add_minute(station, session.id, MinuteKind.WORKER_STATEMENT, "加班工资3800元未付。", "工人0")
    mediation.add_minute(station, session.id, MinuteKind.OUTCOME, "双方达成调解协议。")
    mediation.sign_minutes(station, session.id)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    return case_id


def test_the_agreement_is_issued_from_the_case_and_verifies(station: StationContext, walk_in, tmp_path: Path) -> None:
    assert documents.issuable(station, walk_in) == [
        DocumentKind.ORAL_APPLICATION,
        DocumentKind.ACCEPTANCE,
        DocumentKind.MINUTES,
        DocumentKind.AGREEMENT,
    ]
    issued = documents.issue_document(station, walk_in, DocumentKind.AGREEMENT)
    assert issued.originals == 3
    pdf = documents.pdf_of(station, issued.id)
    shown = pdftotext(pdf, tmp_path)
    number = case_queries.case_detail(station, walk_in).number
    for expected in (
        number,
        "工人0",
        "菏泽宏达建筑劳务有限公司1",
        "叁仟捌佰元整",
        "3,800.00",
        issued.verification_code,
    ):
        assert expected in shown.replace(" ", "") or expected in shown

    # The station's own record makes the file genuine for ``heze-station verify``; one byte changed does not.
    path = tmp_path / "协议.pdf"
    path.write_bytes(pdf)
    data_dir = station.database.path.parent
    genuine = verify_command(path, data_dir)
    assert genuine.returncode == 0, genuine.stdout + genuine.stderr
    path.write_bytes(pdf[: len(pdf) // 2] + bytes([pdf[len(pdf) // 2] ^ 1]) + pdf[len(pdf) // 2 + 1 :])
    assert verify_command(path, data_dir).returncode == 1


def test_issued_documents_are_listed_printed_from_storage_and_never_changed(station: StationContext, walk_in) -> None:
    first = documents.issue_document(station, walk_in, DocumentKind.MINUTES)
    documents.record_printed(station, first.id, 2)
    documents.record_exported(station, first.id, "/tmp/调解笔录.pdf")
    assert documents.pdf_of(station, first.id) == documents.pdf_of(station, first.id)
    listed = documents.case_documents(station, walk_in)
    assert [(d.kind, d.title) for d in listed] == [(DocumentKind.MINUTES, "调解笔录")]
    events = [(e.kind, e.detail) for e in case_queries.case_detail(station, walk_in).timeline][-3:]
    assert events == [
        ("document_issued", f"调解笔录 {first.verification_code}"),
        ("document_printed", "调解笔录 × 2"),
        ("document_exported", "调解笔录"),  # the file's name (a worker's, often) in the audit trail, which stays here
    ]
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="never changed"):
        session.execute(text("UPDATE issued_document SET pdf_sha256 = 'x'"))


def test_a_document_the_case_does_not_support_is_refused(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    assert documents.issuable(station, case_id) == [DocumentKind.ORAL_APPLICATION]
    with pytest.raises(DomainError, match="once it is in effect"):
        documents.issue_document(station, case_id, DocumentKind.AGREEMENT)
    with pytest.raises(DomainError, match="cannot be issued for this case"):
        documents.issue_document(station, case_id, DocumentKind.MINUTES)
    assert documents.case_documents(station, case_id) == []


def test_refusal_termination_and_referral_are_issued(station: StationContext, tmp_path: Path) -> None:
    refused = register(station, intake_form(1, employer_serial=3))
    case_actions.perform(station, refused, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    notice = documents.issue_document(station, refused, DocumentKind.REFUSAL)
    assert "该争议已由仲裁委员会受理" in pdftotext(documents.pdf_of(station, notice.id), tmp_path)
    # Its proof of service is made when the service is recorded (tests/services/test_serving.py), never alone.
    assert DocumentKind.SERVICE_RECEIPT not in documents.issuable(station, refused)
    with pytest.raises(DomainError, match="cannot be issued for this case"):
        documents.issue_document(station, refused, DocumentKind.SERVICE_RECEIPT)

    failed = mediating(station, intake_form(1, employer_serial=4), None)
    case_actions.perform(station, failed, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    assert DocumentKind.TERMINATION in documents.issuable(station, failed)
    for kind in (DocumentKind.TERMINATION, DocumentKind.REFERRAL):
        issued = documents.issue_document(station, failed, kind)
        assert "菏泽市劳动人事争议仲裁委员会" in pdftotext(documents.pdf_of(station, issued.id), tmp_path)


def test_a_referral_for_non_performance_names_the_unpaid_amount(station: StationContext, tmp_path: Path) -> None:
    from datetime import timedelta

    from tests.factories import at

    today = chinatime.today()
    start = today - timedelta(days=20)
    case_id = mediating(station, intake_form(1, received_on=start), start)
    form = terms(station, case_id, start, [(start + timedelta(days=5), "3800")], amount_each="3800")
    agree(station, case_id, form, at(start, 15))
    payments.record_payment(station, case_id, start + timedelta(days=5), "800", PaymentMethod.CASH, "本人签收")
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "协议未履行。")
    issued = documents.issue_document(station, case_id, DocumentKind.REFERRAL)
    shown = pdftotext(documents.pdf_of(station, issued.id), tmp_path)
    assert "3,000.00" in shown or "叁仟元整" in shown


def test_an_amended_agreement_says_which_agreement_it_replaces(station: StationContext, tmp_path: Path) -> None:
    """A change is a new agreement under the case's number: printed, it says it replaces the earlier one, so that
    two signed agreements of one number cannot both be held to."""
    from datetime import timedelta

    from heze_station.documents.layout import chinese_date
    from tests.factories import at

    today = chinatime.today()
    start = today - timedelta(days=10)
    case_id = mediating(station, intake_form(1, received_on=start), start)
    agree(station, case_id, terms(station, case_id, start, [(today, "3800")], amount_each="3800"), at(start, 15))
    first = pdftotext(
        documents.pdf_of(station, documents.issue_document(station, case_id, DocumentKind.AGREEMENT).id), tmp_path
    )
    assert "替代" not in first
    payments.record_payment(station, case_id, start + timedelta(days=2), "1000", PaymentMethod.CASH, "本人签收")
    # The amended agreement states what is still owed, as its form fills it: 2,800 of the 3,800.
    later = [(today, "1000"), (today + timedelta(days=30), "1800")]
    agree(station, case_id, terms(station, case_id, today, later, amount_each="2800"), chinatime.now())
    amended = documents.issue_document(station, case_id, DocumentKind.AGREEMENT)
    shown = "".join(pdftotext(documents.pdf_of(station, amended.id), tmp_path).split())
    replaced = f"本协议生效后，替代双方于{chinese_date(start)}签订的调解协议（同一案号），原协议尚未履行的部分不再履行"
    assert replaced in shown
    # What was paid stands, and is not counted against what the new agreement says is owed.
    assert "原协议项下已支付的人民币壹仟元整（¥1,000.00）继续有效，不" in shown  # a page may break here
    assert "计入本协议约定的款项。" in shown
    assert "计入本协议的履行" not in shown
