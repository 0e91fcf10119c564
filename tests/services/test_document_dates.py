"""Each document's dates are what they say: the application record was taken when the case was received, by who
registered it, whoever prints it later; the termination notice tells receipt and acceptance apart."""

import dataclasses
import subprocess
import uuid
from datetime import timedelta
from pathlib import Path

from heze_station.documents.content import DocumentKind
from heze_station.documents.layout import chinese_date
from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, IntakeChannel
from heze_station.services import case_actions, documents, mediation
from heze_station.services.station import StationContext
from heze_station.storage.models import StaffRole, StaffUser
from tests.factories import at, intake_form, received_days_ago, register

from .agreement_steps import mediating, session_form


def printed_by_someone_else(station: StationContext) -> StationContext:
    with station.database.transaction() as session:
        user = StaffUser(station_id=station.station_id, name="钱晓宇", login="qian", role=StaffRole.COORDINATOR)
        session.add(user)
    return dataclasses.replace(station, user_id=user.id, user_name=user.name)


def pdf_text(context: StationContext, case_id: uuid.UUID, kind: DocumentKind, tmp_path: Path) -> str:
    path = tmp_path / f"{kind.value}.pdf"
    path.write_bytes(documents.pdf_of(context, documents.issue_document(context, case_id, kind).id))
    shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return "".join(shown.split())


def test_the_oral_record_was_taken_when_received_by_who_registered_it(station: StationContext, tmp_path) -> None:
    received = chinatime.today() - timedelta(days=3)
    same_day = register(station, intake_form(1, received_on=received), on=received)  # a visit: 口头申请笔录
    # Written down on a paper form at a site, registered the next day: only the day it was received is known.
    next_day = register(station, intake_form(1, employer_serial=2, received_on=received), on=received + timedelta(1))
    qian = printed_by_someone_else(station)

    record = pdf_text(qian, same_day, DocumentKind.ORAL_APPLICATION, tmp_path)
    assert f"时间：{chinese_date(received)}10时00分地点：" in record
    assert f"接待人：{station.user_name}记录人：{station.user_name}" in record
    assert "钱晓宇" not in record
    later = pdf_text(qian, next_day, DocumentKind.ORAL_APPLICATION, tmp_path)
    assert f"时间：{chinese_date(received)}地点：" in later


def test_the_written_application_names_who_received_it_and_when(station: StationContext, tmp_path) -> None:
    received = chinatime.today() - timedelta(days=2)
    form = dataclasses.replace(intake_form(1, received_on=received), channel=IntakeChannel.LETTER)
    case_id = register(station, form, on=received)

    shown = pdf_text(printed_by_someone_else(station), case_id, DocumentKind.APPLICATION, tmp_path)
    assert f"收件日期：{chinese_date(received)}收件人：{station.user_name}" in shown


def test_the_termination_notice_tells_receipt_from_acceptance(station: StationContext, tmp_path) -> None:
    received = chinatime.today() - timedelta(days=20)
    accepted = received + timedelta(days=2)
    case_id = register(station, intake_form(1, received_on=received), on=received)
    case_actions.perform(station, case_id, CaseAction.ACCEPT, now=at(accepted))
    case_actions.perform(station, case_id, CaseAction.START_MEDIATION, now=at(accepted, 11))
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")

    shown = pdf_text(station, case_id, DocumentKind.TERMINATION, tmp_path)
    assert f"本调解组织于{chinese_date(received)}收到、于{chinese_date(accepted)}受理的" in shown


def test_what_ends_mediation_is_signed_by_its_mediators_and_dated_by_its_decisions(
    station: StationContext, tmp_path
) -> None:
    """The notices and the referral are often printed days later, by someone else: the body keeps the days the
    station decided, the mediators of the case sign, and the referral cites the article that applies."""
    received = received_days_ago(station, 20)
    accepted = received + timedelta(days=1)
    ended = received + timedelta(days=16)  # the 15 days ran out the day before
    case_id = mediating(station, intake_form(1, received_on=received), accepted)
    mediation.record_session(station, case_id, session_form(held_at=at(accepted, 14), mediators="赵文静、孙调解"))
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。", now=at(ended))
    qian = printed_by_someone_else(station)

    accepted_notice = pdf_text(qian, case_id, DocumentKind.ACCEPTANCE, tmp_path)
    assert f"符合受理条件，于{chinese_date(accepted)}决定予以受理。" in accepted_notice
    assert "你与" in accepted_notice
    assert "你（你们）" not in accepted_notice
    termination = pdf_text(qian, case_id, DocumentKind.TERMINATION, tmp_path)
    assert f"第十四条的规定，于{chinese_date(ended)}决定终止调解。" in termination
    assert "赵文静" in termination
    assert "孙调解" in termination
    assert "钱晓宇" not in termination
    referral = pdf_text(qian, case_id, DocumentKind.REFERRAL, tmp_path)
    assert f"于{chinese_date(ended)}终止调解" in referral
    assert "第十四条的规定，当事人可以依法申请仲裁。" in referral
    assert "第十四条、第十五条" not in referral
    assert "本站" not in referral
    assert "承办调解员赵文静" in referral  # the role once
    assert "钱晓宇" not in referral
    # What the station issued for the case goes with it.
    assert "终止调解通知书" in referral.split("移送材料")[-1]


def test_several_workers_are_told_you_in_the_plural(station: StationContext, tmp_path) -> None:
    case_id = register(station, intake_form(3))
    case_actions.perform(station, case_id, CaseAction.ACCEPT)
    assert "工人0等3人：" in pdf_text(station, case_id, DocumentKind.ACCEPTANCE, tmp_path)
    assert "收到你们与" in pdf_text(station, case_id, DocumentKind.ACCEPTANCE, tmp_path)


def test_a_failure_recorded_early_and_referred_later_keeps_its_day_reason_and_article(
    station: StationContext, tmp_path
) -> None:
    """Mediation failed on day 10 and the case went to arbitration on day 20: the notices say day 10 and the
    failure's reason, and neither cites the 15 days of article 14: the letter cites 调解不成 (article 5)."""
    received = chinatime.today() - timedelta(days=25)
    case_id = mediating(station, intake_form(1, received_on=received), received)
    failed_on, referred_on = received + timedelta(days=10), received + timedelta(days=20)
    case_actions.perform(station, case_id, CaseAction.RECORD_FAILURE, "被申请人拒绝支付。", now=at(failed_on))
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "申请人要求仲裁。", now=at(referred_on))

    termination = pdf_text(station, case_id, DocumentKind.TERMINATION, tmp_path)
    assert f"因被申请人拒绝支付，于{chinese_date(failed_on)}决定终止调解。" in termination
    assert "第十四条" not in termination
    referral = pdf_text(station, case_id, DocumentKind.REFERRAL, tmp_path)
    assert (
        f"于{chinese_date(failed_on)}终止调解。因调解不成，依照《中华人民共和国劳动争议调解仲裁法》第五条" in referral
    )
    assert chinese_date(referred_on) not in referral.split("一、当事人")[0]


def test_a_case_a_party_would_not_mediate_is_referred_under_article_5_without_an_end_of_mediation(
    station: StationContext, tmp_path
) -> None:
    case_id = register(station, intake_form(1))
    case_actions.perform(station, case_id, CaseAction.ACCEPT)
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "被申请人拒绝调解。")
    referral = pdf_text(station, case_id, DocumentKind.REFERRAL, tmp_path)
    assert "因一方当事人拒绝调解，依照《中华人民共和国劳动争议调解仲裁法》第五条的规定" in referral
    assert "终止调解" not in referral.split("一、当事人")[0]
