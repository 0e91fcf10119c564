"""The agreement builder words the sum by category: a work-injury sum's medical part, a non-wage sum paid first by
the general contractor, and what it refuses when the category's extra fact is missing."""

import dataclasses
from datetime import date

import pytest

from heze_station.documents import issuing
from heze_station.documents.content import Organisation, SignerRole
from heze_station.domain.cases import Category
from heze_station.domain.errors import ValidationFailed
from heze_station.domain.parties import EmployerKind
from tests import samples

from .conftest import extracted_text


def agreement_text(content: issuing.Content, tmp_path) -> str:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(issuing.build_unsigned(content, invariant=True))
    return extracted_text(path)


@pytest.mark.parametrize(
    ("medical_fen", "wording"),
    [
        (380_000, "共计人民币叁仟捌佰元整（¥3,800.00），均为工伤医疗费，并同意按本协议支付"),
        (0, "共计人民币叁仟捌佰元整（¥3,800.00），不含工伤医疗费，并同意按本协议支付"),
        (1, "其中工伤医疗费人民币壹分（¥0.01），一次性伤残补助金等其他工伤保险待遇人民币叁仟柒佰玖拾玖元玖角玖分"),
    ],
)
def test_a_work_injury_sum_says_how_much_is_medical_costs(medical_fen: int, wording: str, tmp_path) -> None:
    content = dataclasses.replace(samples.injury_agreement(), medical_fen=medical_fen)
    assert wording in agreement_text(content, tmp_path)


def test_a_general_contractor_pays_wages_first_by_law_and_other_sums_by_consent(tmp_path) -> None:
    wages = agreement_text(samples.collective_agreement(), tmp_path)
    assert "依照《保障农民工工资支付条例》第三十条，施工总承包单位" in wages
    injury = dataclasses.replace(samples.collective_agreement(), category=Category.WORK_INJURY, medical_fen=100)
    shown = agreement_text(injury, tmp_path)
    assert "经各方同意，施工总承包单位山东菏建建设集团有限公司作为先行清偿人" in shown
    assert "保障农民工工资支付条例" not in shown


def test_work_let_to_a_labour_boss_makes_the_general_contractor_pay_the_wages_itself(tmp_path) -> None:
    """条例 36, not 30: a natural person without a licence employed the workers, so the contractor is no payer of
    first resort but pays in his stead (and may claim it back from him)."""
    boss = Organisation(
        name="张有财",
        kind=EmployerKind.NATURAL_PERSON,
        id_number=samples.resident_id("371721", date(1975, 3, 9), 135),
        address="山东省菏泽市曹县青菏街道8号",
        phone="13905301111",
    )
    base = samples.collective_agreement(5)
    signers = (
        *(samples._signed(SignerRole.WORKER, share.worker.name, samples.DAY) for share in base.workers),
        samples._signed(SignerRole.EMPLOYER, boss.name, samples.DAY),
        samples._signed(SignerRole.GENERAL_CONTRACTOR, samples.GENERAL_CONTRACTOR.agent, samples.DAY),
        samples._signed(SignerRole.MEDIATOR, "赵文静", samples.DAY),
    )
    content = dataclasses.replace(base, employer=boss, representatives=(), signers=signers, employer_sealed=False)
    shown = agreement_text(content, tmp_path)
    assert "施工总承包单位（清偿人）：山东菏建建设集团有限公司" in shown
    assert (
        "依照《保障农民工工资支付条例》第三十六条，施工总承包单位山东菏建建设集团有限公司按下列期限和金额清偿；"
        in shown
    )
    assert "清偿后可以依法向被申请人张有财追偿" in shown
    assert "第三十条" not in shown
    assert "先行清偿" not in shown


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": Category.OTHER, "subject": ""}, "Say what the agreed sum is paid for."),
        (
            {"category": Category.WORK_INJURY, "medical_fen": None},
            "Give the part of the agreed sum that is work-injury medical costs, from 0 to ¥3,800.00.",
        ),
        (
            {"category": Category.WORK_INJURY, "medical_fen": 380_001},
            "Give the part of the agreed sum that is work-injury medical costs, from 0 to ¥3,800.00.",
        ),
    ],
)
def test_what_the_category_needs_is_asked_for(changes: dict, message: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        issuing.build_unsigned(dataclasses.replace(samples.walk_in_agreement(), **changes))
    assert [error.message.render() for error in refused.value.errors] == [message]
