"""Recording what the court, the committee and labour inspection report back, and the periods that follow."""

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind, StepOutcome
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction, Category
from heze_station.domain.clocks import WINDOW_WARNING_DAYS, ClockKind, ClockState
from heze_station.domain.errors import IllegalTransition, ValidationFailed
from heze_station.services import after_mediation, case_actions, case_queries, documents, payments
from heze_station.services.dashboard import dashboard
from heze_station.services.station import StationContext
from tests.factories import at, intake_form

from .agreement_steps import agree, mediating, period_end, terms
from .test_documents import pdftotext


def _clocks(context: StationContext, case_id: uuid.UUID) -> dict[ClockKind, ClockState]:
    return {c.kind: c.state for c in case_queries.case_detail(context, case_id).clocks}


def _working_day_in_the_warning(context: StationContext, today: date) -> date | None:
    """A working day one to five days from ``today`` (a window clock's warning), by the station's calendar; None when
    a holiday covers all five."""
    days = (today + timedelta(days=n) for n in range(1, WINDOW_WARNING_DAYS + 1))
    return next((day for day in days if context.calendar.is_working_day(day)), None)


def _in_effect(context: StationContext, start: date, due: date, category: Category = Category.WAGES) -> uuid.UUID:
    form = intake_form(1, received_on=start)
    form.category = category
    case_id = mediating(context, form, start)
    agree(context, case_id, terms(context, case_id, start, [(due, "3800")], amount_each="3800"), at(start, 15))
    return case_id


def test_a_payment_order_is_followed_from_filing_to_an_objection(station: StationContext) -> None:
    today = chinatime.today()
    start = today - timedelta(days=40)
    case_id = _in_effect(station, start, start + timedelta(days=5))
    case_actions.perform(station, case_id, CaseAction.REFER_COURT, "逾期未付，申请支付令。")
    assert after_mediation.case_steps(station, case_id).can_start is StepKind.PAYMENT_ORDER

    record = after_mediation.record_step
    filed = today - timedelta(days=30)
    # The order cannot be served before it is filed; nothing is saved.
    with pytest.raises(IllegalTransition):
        record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.SERVED, filed)
    steps = record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.STARTED, filed)
    assert steps.steps[0].can_record == [StepDate.ACCEPTED, StepDate.ENDED]  # served only once issued
    assert _clocks(station, case_id)[ClockKind.PAYMENT_ORDER_ISSUE] is ClockState.OVERDUE  # 30 days, no order

    with pytest.raises(ValidationFailed) as early:
        record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ACCEPTED, filed - timedelta(days=1))
    assert early.value.by_field()["on"].text == "This date cannot come before {earlier}."
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ACCEPTED, filed + timedelta(days=10))
    # Served so that the debtor's 15 days end a few days from now, on a working day: a period whose last day is a
    # rest day runs on to the next working day (民事诉讼法 85), and served ten days ago it ran past the warning's
    # five days whenever the fifth day fell on a weekend.
    last_day = _working_day_in_the_warning(station, today)
    served = (last_day or today + timedelta(days=WINDOW_WARNING_DAYS)) - timedelta(days=15)
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.SERVED, served)
    clocks = _clocks(station, case_id)
    assert clocks[ClockKind.PAYMENT_ORDER_ISSUE] is ClockState.DONE
    # In a holiday longer than the warning, the period runs on past it: not near its end yet.
    expected = (ClockState.WARNING, ClockState.URGENT) if last_day else (ClockState.OK,)
    assert clocks[ClockKind.PAYMENT_ORDER_OBJECTION] in expected

    # Enforcement only once the debtor's 15 days from service have passed.
    with pytest.raises(ValidationFailed) as early_enforcement:
        record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ENDED, today, StepOutcome.ENFORCEMENT_APPLIED)
    assert "Enforcement" in early_enforcement.value.by_field()["on"].text
    # An outcome is chosen from those of a payment order.
    with pytest.raises(ValidationFailed) as wrong:
        record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ENDED, today, StepOutcome.AWARDED)
    assert "outcome" in wrong.value.by_field()
    steps = record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ENDED, today, StepOutcome.OBJECTION_ARBITRATION)
    assert steps.steps[0].outcome is StepOutcome.OBJECTION_ARBITRATION
    assert steps.steps[0].can_record == []
    assert _clocks(station, case_id)[ClockKind.PAYMENT_ORDER_OBJECTION] is ClockState.DONE
    # The objection sends the worker to arbitration: its dates can now be followed on the same case.
    steps = after_mediation.case_steps(station, case_id)
    assert steps.can_start is StepKind.ARBITRATION
    assert steps.small_claim is not None
    record(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today)
    kinds = [event.kind for event in case_queries.case_detail(station, case_id).timeline]
    assert kinds[-5:-1] == [
        "payment_order.started",
        "payment_order.accepted",
        "payment_order.served",
        "payment_order.ended",
    ]


def test_judicial_confirmation_window_application_and_ruling(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    start = today - timedelta(days=20)
    case_id = _in_effect(station, start, today + timedelta(days=30))
    assert after_mediation.case_steps(station, case_id).can_plan_confirmation
    with pytest.raises(IllegalTransition):
        after_mediation.record_step(station, case_id, StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED, today)

    after_mediation.plan_confirmation(station, case_id)
    clock = [c for c in case_queries.case_detail(station, case_id).clocks if c.kind is ClockKind.JUDICIAL_CONFIRMATION]
    assert [(c.due, c.state) for c in clock] == [(period_end(station, start, 30), ClockState.OK)]

    with pytest.raises(ValidationFailed) as before:
        after_mediation.record_step(
            station, case_id, StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED, start - timedelta(days=1)
        )
    assert "R9" in before.value.by_field()["on"].text
    after_mediation.record_step(station, case_id, StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED, today)
    assert _clocks(station, case_id)[ClockKind.JUDICIAL_CONFIRMATION] is ClockState.DONE

    # The ruling is kept with its number (and a scan when there is one).
    with pytest.raises(ValidationFailed) as unnumbered:
        after_mediation.record_step(
            station, case_id, StepKind.JUDICIAL_CONFIRMATION, StepDate.ENDED, today, StepOutcome.CONFIRMED
        )
    assert "reference" in unnumbered.value.by_field()
    scan = tmp_path / "裁定书.pdf"
    scan.write_bytes(b"%PDF-1.7 ruling")
    steps = after_mediation.record_step(
        station,
        case_id,
        StepKind.JUDICIAL_CONFIRMATION,
        StepDate.ENDED,
        today,
        StepOutcome.CONFIRMED,
        "（2026）鲁1702民特123号",
        scan,
    )
    (confirmation,) = steps.steps
    assert confirmation.outcome is StepOutcome.CONFIRMED
    assert confirmation.reference == "（2026）鲁1702民特123号"
    assert confirmation.dates[StepDate.ENDED] == today


def test_arbitration_dates_and_the_small_claims_line(station: StationContext) -> None:
    today = chinatime.today()
    received = today - timedelta(days=30)
    case_id = mediating(station, intake_form(1, received_on=received), received)
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    steps = after_mediation.case_steps(station, case_id)
    assert steps.can_start is StepKind.ARBITRATION
    assert steps.small_claim is not None
    assert steps.small_claim.final  # 3,800 yuan is under 12 x 2,010
    assert steps.small_claim.threshold_fen == 12 * 2010_00

    record = after_mediation.record_step
    record(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today - timedelta(days=12))
    assert _clocks(station, case_id)[ClockKind.ARBITRATION_ACCEPTANCE] is ClockState.OVERDUE
    record(station, case_id, StepKind.ARBITRATION, StepDate.ACCEPTED, today - timedelta(days=10))
    clocks = case_queries.case_detail(station, case_id).clocks
    (award,) = [c for c in clocks if c.kind is ClockKind.ARBITRATION_AWARD]
    assert award.due == period_end(station, today - timedelta(days=10), 45)
    steps = record(station, case_id, StepKind.ARBITRATION, StepDate.EXTENDED, today)
    (award,) = [c for c in case_queries.case_detail(station, case_id).clocks if c.kind is ClockKind.ARBITRATION_AWARD]
    assert award.due == period_end(station, today - timedelta(days=10), 60)
    assert steps.steps[0].can_record == [StepDate.ENDED]

    # The administrator lowers the minimum wage: the same claim is now over the line.
    after_mediation.save_court_settings(station, "菏泽市牡丹区人民法院", "300")
    assert not after_mediation.case_steps(station, case_id).small_claim.final


def test_labour_inspection_counts_working_days(station: StationContext) -> None:
    today = chinatime.today()
    received = today - timedelta(days=20)
    case_id = mediating(station, intake_form(1, received_on=received), received)
    case_actions.perform(station, case_id, CaseAction.REFER_INSPECTION, "用人单位拒不支付工资，移送劳动监察。")
    after_mediation.record_step(station, case_id, StepKind.INSPECTION, StepDate.STARTED, today)
    (acceptance,) = [
        c for c in case_queries.case_detail(station, case_id).clocks if c.kind is ClockKind.INSPECTION_ACCEPTANCE
    ]
    assert acceptance.due == station.calendar.add_working_days(today, 5)
    with pytest.raises(IllegalTransition):
        after_mediation.record_step(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today)


def test_court_applications_and_the_referral_print_what_the_law_asks(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    start = today - timedelta(days=20)
    case_id = _in_effect(station, start, station.calendar.last_working_day_before(today))
    assert DocumentKind.PAYMENT_ORDER in documents.issuable(station, case_id)  # in default on a wage claim
    assert DocumentKind.CONFIRMATION not in documents.issuable(station, case_id)
    order = documents.issue_document(station, case_id, DocumentKind.PAYMENT_ORDER)
    shown = "".join(pdftotext(documents.pdf_of(station, order.id), tmp_path).split())
    assert "支付令申请书" in shown
    assert "菏泽市牡丹区人民法院" in shown
    assert "叁仟捌佰元整" in shown  # the instalment due and unpaid
    assert "调解协议书" in shown
    assert "被申请人未按调解协议履行的说明及收款记录" in shown

    after_mediation.plan_confirmation(station, case_id)
    with pytest.raises(ValidationFailed) as bad:
        after_mediation.save_court_settings(station, "", "abc")
    assert set(bad.value.by_field()) == {"court", "minimum_wage"}
    after_mediation.save_court_settings(station, "菏泽市定陶区人民法院", "2010")
    confirmation = documents.issue_document(station, case_id, DocumentKind.CONFIRMATION)
    shown = "".join(pdftotext(documents.pdf_of(station, confirmation.id), tmp_path).split())
    assert "司法确认申请书" in shown
    assert "菏泽市定陶区人民法院" in shown
    assert "申请人（用人单位）：菏泽宏达建筑劳务有限公司1" in shown

    received = today - timedelta(days=20)
    form = intake_form(1, employer_serial=2, received_on=received)
    form.evidence = ["2026年8月至10月考勤表"]
    failed = mediating(station, form, today - timedelta(days=18))
    case_actions.perform(station, failed, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    with pytest.raises(ValidationFailed) as nameless:
        after_mediation.add_witness(station, failed, "", "", "")
    assert set(nameless.value.by_field()) == {"name", "address"}
    after_mediation.add_witness(station, failed, "孙立新", "菏泽市牡丹区万福街道幸福里12号", "班组长，知道出勤天数")
    steps = after_mediation.add_witness(station, failed, "误录的人", "某地", "")
    after_mediation.remove_witness(station, failed, steps.witnesses[1].id)
    referral = documents.issue_document(station, failed, DocumentKind.REFERRAL)
    shown = "".join(pdftotext(documents.pdf_of(station, referral.id), tmp_path).split())
    received_words = f"{received.year}年{received.month}月{received.day}日收到调解申请"
    accepted = today - timedelta(days=18)
    assert received_words in shown
    assert f"于{accepted.year}年{accepted.month}月{accepted.day}日受理" in shown
    assert "四、证据和证据来源" in shown
    assert "2026年8月至10月考勤表" in shown
    assert "五、证人孙立新，住址：菏泽市牡丹区万福街道幸福里12号，班组长，知道出勤天数。" in shown
    assert "误录的人" not in shown


def test_an_unused_confirmation_window_leaves_the_workbench_with_the_closed_case(station: StationContext) -> None:
    today = chinatime.today()
    start = today - timedelta(days=20)
    case_id = _in_effect(station, start, start + timedelta(days=1))
    payments.record_payment(station, case_id, start + timedelta(days=1), "3800", PaymentMethod.CASH, "本人签收")
    after_mediation.plan_confirmation(station, case_id)

    def on_board(day: date) -> list[ClockState]:
        board = dashboard(station, day).due
        return [
            i.clock.state for i in board if i.case_id == case_id and i.clock.kind is ClockKind.JUDICIAL_CONFIRMATION
        ]

    two_days_before = period_end(station, start, 30) - timedelta(days=2)
    assert on_board(two_days_before) == [ClockState.URGENT]
    case_actions.perform(station, case_id, CaseAction.CLOSE)
    assert on_board(two_days_before) == []


def test_an_investigation_is_extended_only_before_its_sixty_working_days_run_out(station: StationContext) -> None:
    today = chinatime.today()
    received = today - timedelta(days=200)
    case_id = mediating(station, intake_form(1, received_on=received), received)
    case_actions.perform(station, case_id, CaseAction.REFER_INSPECTION, "用人单位拒不支付工资，移送劳动监察。")
    record = after_mediation.record_step
    record(station, case_id, StepKind.INSPECTION, StepDate.STARTED, today - timedelta(days=150))
    opened = today - timedelta(days=148)
    record(station, case_id, StepKind.INSPECTION, StepDate.ACCEPTED, opened)
    last_day = station.calendar.add_working_days(opened, 60)
    with pytest.raises(ValidationFailed) as late:
        record(station, case_id, StepKind.INSPECTION, StepDate.EXTENDED, today)
    assert late.value.by_field()["on"].params == {"due": last_day.isoformat()}
    record(station, case_id, StepKind.INSPECTION, StepDate.EXTENDED, last_day)
    (investigation,) = [c for c in case_queries.case_detail(station, case_id).clocks if c.kind is ClockKind.INSPECTION]
    assert investigation.due == station.calendar.add_working_days(opened, 90)
    assert investigation.state is ClockState.OVERDUE


def test_enforcement_is_applied_for_once_the_debtor_let_the_period_pass(station: StationContext) -> None:
    today = chinatime.today()
    start = today - timedelta(days=60)
    case_id = _in_effect(station, start, start + timedelta(days=5))
    case_actions.perform(station, case_id, CaseAction.REFER_COURT, "逾期未付，申请支付令。")
    record = after_mediation.record_step
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.STARTED, today - timedelta(days=40))
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ACCEPTED, today - timedelta(days=30))
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.SERVED, today - timedelta(days=25))
    steps = record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ENDED, today, StepOutcome.ENFORCEMENT_APPLIED)
    assert steps.steps[0].outcome is StepOutcome.ENFORCEMENT_APPLIED


def test_a_work_injury_payment_order_asks_only_for_the_medical_costs(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    start = today - timedelta(days=20)

    def injury(medical: str, serial: int) -> uuid.UUID:
        form = intake_form(1, employer_serial=serial, received_on=start)
        form.category = Category.WORK_INJURY
        case_id = mediating(station, form, start)
        due = station.calendar.last_working_day_before(today)
        agreed = terms(station, case_id, start, [(due, "3800")], amount_each="3800")
        agreed.medical = medical
        agree(station, case_id, agreed, at(start, 15))
        return case_id

    with_medical = injury("2500", 3)
    order = documents.issue_document(station, with_medical, DocumentKind.PAYMENT_ORDER)
    shown = "".join(pdftotext(documents.pdf_of(station, order.id), tmp_path).split())
    assert "支付调解协议约定已到期未付的工伤医疗费人民币贰仟伍佰元整" in shown
    assert "叁仟捌佰元整（" not in shown.split("请求事项")[1].split("事实和理由")[0]
    # Disability and other benefits alone cannot go to court for a payment order.
    assert DocumentKind.PAYMENT_ORDER not in documents.issuable(station, injury("0", 4))
