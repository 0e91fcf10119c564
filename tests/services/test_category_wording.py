"""Each category's documents say what the dispute is about: the agreement's dispute sentence, claim line and first
term, the acceptance notice and the application's claim, read back from the issued PDFs with pdftotext."""

import subprocess
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.cases import Category
from heze_station.domain.errors import ValidationFailed
from heze_station.services import agreements, documents
from heze_station.services.station import StationContext
from tests.factories import intake_form

from .agreement_steps import agree, mediating, terms

WAGE_WORDING = ("劳动报酬争议", "确认拖欠", "拖欠的劳动报酬")


@dataclass(frozen=True)
class Expected:
    category: Category
    dispute: str  # as in 因……争议申请调解 and 某公司……争议
    claim: str  # the claim line
    term: str  # the agreement's first term, up to the sum
    subject: str = ""  # typed for an "other" dispute
    medical: str = ""  # the medical part of a work-injury sum, yuan
    split: str = ""  # how the agreement splits a work-injury sum


CASES = [
    Expected(Category.WAGES, "劳动报酬", "支付拖欠的劳动报酬", "确认拖欠申请人劳动报酬共计人民币叁仟捌佰元整"),
    Expected(Category.OVERTIME_PAY, "加班费", "支付拖欠的加班费", "确认拖欠申请人加班费共计人民币叁仟捌佰元整"),
    Expected(
        Category.SOCIAL_INSURANCE,
        "社会保险",
        "支付社会保险待遇损失赔偿",
        "确认应向申请人支付社会保险待遇损失赔偿共计人民币叁仟捌佰元整",
    ),
    Expected(
        Category.TERMINATION,
        "解除劳动合同经济补偿",
        "支付解除劳动合同经济补偿",
        "确认应向申请人支付解除劳动合同经济补偿共计人民币叁仟捌佰元整",
    ),
    Expected(
        Category.WORK_INJURY,
        "工伤保险待遇",
        "支付工伤医疗费及一次性伤残补助金等其他工伤保险待遇",
        "确认应向申请人支付工伤保险待遇共计人民币叁仟捌佰元整",
        medical="2500",
        split=(
            "其中工伤医疗费人民币贰仟伍佰元整（¥2,500.00），"
            "一次性伤残补助金等其他工伤保险待遇人民币壹仟叁佰元整（¥1,300.00）"
        ),
    ),
    Expected(
        Category.OTHER,
        "未休年休假工资",
        "支付未休年休假工资",
        "确认应向申请人支付未休年休假工资共计人民币叁仟捌佰元整",
        subject="未休年休假工资",
    ),
]


def pdf_text(station: StationContext, case_id: uuid.UUID, kind: DocumentKind, tmp_path: Path) -> str:
    """The issued document's text with the white space removed: lines break anywhere in Chinese."""
    path = tmp_path / f"{kind.value}.pdf"
    path.write_bytes(documents.pdf_of(station, documents.issue_document(station, case_id, kind).id))
    shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return "".join(shown.split())


def agreed_case(station: StationContext, expected: Expected) -> uuid.UUID:
    form = intake_form(1)
    form.category = expected.category
    today = chinatime.today()
    case_id = mediating(station, replace(form, received_on=today), None)
    draft = terms(station, case_id, today, [(today, "3800")], amount_each="3800")
    agree(station, case_id, replace(draft, subject=expected.subject, medical=expected.medical), chinatime.now())
    return case_id


@pytest.mark.parametrize("expected", CASES, ids=[case.category.value for case in CASES])
def test_each_category_is_worded_as_itself(station: StationContext, expected: Expected, tmp_path: Path) -> None:
    case_id = agreed_case(station, expected)

    agreement = pdf_text(station, case_id, DocumentKind.AGREEMENT, tmp_path)
    assert f"上列当事人因{expected.dispute}争议申请调解" in agreement
    assert f"1．{expected.claim}，计人民币叁仟捌佰元整" in agreement
    assert f"被申请人菏泽宏达建筑劳务有限公司1{expected.term}（¥3,800.00）" in agreement
    assert expected.split in agreement
    assert "支付劳动，" not in agreement
    if expected.category not in (Category.WAGES, Category.OVERTIME_PAY):
        assert not [wording for wording in WAGE_WORDING if wording in agreement]

    notice = pdf_text(station, case_id, DocumentKind.ACCEPTANCE, tmp_path)
    # Before the agreement names it, an "other" dispute is a labour dispute; its facts say what is asked.
    dispute = "劳动" if expected.category is Category.OTHER else expected.dispute
    assert f"与菏泽宏达建筑劳务有限公司1{dispute}争议的调解申请" in notice
    application = pdf_text(station, case_id, DocumentKind.ORAL_APPLICATION, tmp_path)
    claim = "依法处理与被申请人之间的劳动争议" if expected.category is Category.OTHER else expected.claim
    assert f"1．{claim}" in application


@pytest.mark.parametrize(
    ("category", "changes", "field", "message"),
    [
        (Category.OTHER, {"subject": " "}, "subject", "This field is required."),
        (Category.WORK_INJURY, {"medical": ""}, "medical", "Enter the amount."),
        (
            Category.WORK_INJURY,
            {"medical": "3800.01"},
            "medical",
            "The medical costs cannot be more than the agreed total ¥3,800.00.",
        ),
    ],
)
def test_an_other_dispute_says_what_is_paid_and_an_injury_gives_its_medical_part(
    station: StationContext, category: Category, changes: dict[str, str], field: str, message: str
) -> None:
    today = chinatime.today()
    form = intake_form(1)
    form.category = category
    case_id = mediating(station, replace(form, received_on=today), None)
    draft = replace(terms(station, case_id, today, [(today, "3800")], amount_each="3800"), **changes)
    with pytest.raises(ValidationFailed) as refused:
        agreements.save_draft(station, case_id, draft)
    assert {key: text.render() for key, text in refused.value.by_field().items()} == {field: message}
    assert agreements.case_agreements(station, case_id).draft is None


@pytest.mark.parametrize("change", ["subject = '加班费'", "medical_fen = 1"])
def test_what_the_sum_is_for_is_frozen_with_the_agreement_in_effect(station: StationContext, change: str) -> None:
    case_id = agreed_case(station, next(case for case in CASES if case.category is Category.WORK_INJURY))
    agreement = agreements.case_agreements(station, case_id).in_effect
    assert (agreement.subject, agreement.medical_fen) == ("", 2500_00)
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="cannot be changed"):
        session.execute(text(f"UPDATE agreement SET {change} WHERE id = :id"), {"id": agreement.id.bytes})
