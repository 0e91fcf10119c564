"""The scenarios of shared/domain/scenarios.md that mediation touches, end to end through the services.

Each follows a station's real path with dates relative to today, so the clocks are read the way the workbench
reads them on the day.
"""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind, StepOutcome
from heze_station.domain.agreements import PayerRole, PaymentMethod
from heze_station.domain.cases import CaseAction, CaseStatus, Category, Employment, IntakeChannel
from heze_station.domain.clocks import ClockKind, ClockState, limitation_date
from heze_station.domain.mediation import MinuteKind, PlaceKind
from heze_station.domain.performance import InstalmentState, PerformanceState
from heze_station.services import (
    after_mediation,
    agreements,
    case_actions,
    case_queries,
    documents,
    mediation,
    payments,
)
from heze_station.services.dashboard import dashboard
from heze_station.services.station import StationContext
from tests.factories import at, construction_form, intake_form, received_days_ago, register

from .agreement_steps import agree, mediating, period_end, session_form, terms
from .test_documents import pdftotext


def clock(context: StationContext, case_id, kind: ClockKind):
    (found,) = [c for c in case_queries.case_detail(context, case_id).clocks if c.kind is kind]
    return found


def due_on_board(context: StationContext, case_id, kind: ClockKind, today: date):
    return [item.clock for item in dashboard(context, today).due if item.case_id == case_id and item.clock.kind is kind]


def printed(context: StationContext, case_id, kind: DocumentKind, tmp_path: Path) -> str:
    issued = documents.issue_document(context, case_id, kind)
    return "".join(pdftotext(documents.pdf_of(context, issued.id), tmp_path).split())


@pytest.mark.parametrize("outcome", [StepOutcome.PAID, StepOutcome.OBJECTION_ARBITRATION])
def test_scenario_1_collective_on_site_instalment_missed(
    station: StationContext, tmp_path: Path, outcome: StepOutcome
) -> None:
    today = chinatime.today()
    start = today - timedelta(days=25)
    case_id = mediating(station, construction_form(23, received_on=start), start)
    detail = case_queries.case_detail(station, case_id)
    assert detail.is_collective
    assert sum(c.representative for c in detail.claimants) == 3

    # The mobile court sits on the site, offline.
    session = mediation.record_session(
        station,
        case_id,
        session_form(
            held_at=at(start + timedelta(days=1), 14),
            place_kind=PlaceKind.SITE,
            place="幸福里小区三期项目部",
            mediators="李调解、流动仲裁庭张仲裁员",
            worker_side="工人代表 工人0、工人1、工人2",
            employer_side="劳务公司负责人王经理；总包单位项目经理刘工",
        ),
    )
    mediation.add_minute(station, session.id, MinuteKind.WORKER_STATEMENT, "23名工人8-10月工资未结清。", "工人0")
    mediation.add_minute(station, session.id, MinuteKind.PROPOSAL, "由总包单位先行垫付，分三期支付。")
    mediation.sign_minutes(station, session.id)

    # The agreement names the general contractor as payer of first resort, in three instalments.
    agreed_on = start + timedelta(days=2)
    due_2 = station.calendar.last_working_day_before(today)  # the payer is late today, whatever the weekday
    form = terms(
        station,
        case_id,
        agreed_on,
        [
            (agreed_on + timedelta(days=3), "30000"),
            (due_2, "30000"),
            (today + timedelta(days=30), "27400"),
        ],
        amount_each="3800",
        payer=PayerRole.GENERAL_CONTRACTOR,
    )
    result = agree(station, case_id, form, at(agreed_on, 16))
    assert result.in_effect is not None
    assert result.in_effect.payer_name == "山东鲁建集团有限公司"
    assert result.in_effect.total_fen == 23 * 3800_00
    assert case_queries.case_detail(station, case_id).status is CaseStatus.AGREEMENT
    assert clock(station, case_id, ClockKind.MEDIATION).state is ClockState.DONE

    payments.record_payment(station, case_id, agreed_on + timedelta(days=3), "30000", PaymentMethod.BANK_TRANSFER)

    # The day instalment 2 falls due the case is not yet in default; the next day it is, and the workbench says so.
    assert [c.state for c in due_on_board(station, case_id, ClockKind.PERFORMANCE, due_2)] == [ClockState.DUE_TODAY]
    assert [c.state for c in due_on_board(station, case_id, ClockKind.PERFORMANCE, today)] == [ClockState.OVERDUE]
    performance = agreements.case_agreements(station, case_id).in_effect.performance
    assert performance.state is PerformanceState.IN_DEFAULT
    assert [i.state for i in performance.instalments] == [
        InstalmentState.PAID,
        InstalmentState.IN_DEFAULT,
        InstalmentState.UPCOMING,
    ]
    assert performance.defaulted_since == due_2 + timedelta(days=1)

    # In default it cannot be closed, and the payment-order route is open.
    detail = case_queries.case_detail(station, case_id)
    assert CaseAction.CLOSE not in detail.actions
    assert CaseAction.REFER_COURT in detail.actions
    referred = case_actions.perform(station, case_id, CaseAction.REFER_COURT, "第二期30000元逾期未付，支持申请支付令。")
    assert referred.status is CaseStatus.REFERRED_COURT
    limitation = clock(station, case_id, ClockKind.LIMITATION)
    defaulted = due_2 + timedelta(days=1)  # the limitation runs again from the first day of default
    assert limitation.due == station.calendar.statutory_end(limitation_date(defaulted))
    assert limitation.state is ClockState.OK

    # The payment-order pack: the application against the employer and the general contractor paying first, for
    # instalment 2, with the agreement (its roster of the 23), the proof of non-payment and the election enclosed.
    pack = printed(station, case_id, DocumentKind.PAYMENT_ORDER, tmp_path)
    assert "支付令申请书" in pack
    assert "被申请人：菏泽宏达建筑劳务有限公司1" in pack
    assert "被申请人：山东鲁建集团有限公司" in pack
    assert "名单及各人金额见所附调解协议书附表" in pack
    assert "劳动者推举代表的推举书" in pack
    assert "叁万元整" in pack
    assert "被申请人未按调解协议履行的说明及收款记录" in pack

    # Filed at the court today: the court's days (5 to accept, 15 to issue) show on the workbench as they run out.
    record = after_mediation.record_step
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.STARTED, today)
    issue_by = period_end(station, today, 5 + 15)  # 5 days to accept the application, 15 to issue the order
    assert [
        c.state for c in due_on_board(station, case_id, ClockKind.PAYMENT_ORDER_ISSUE, issue_by - timedelta(days=2))
    ] == [ClockState.URGENT]
    # Issued and served: now the debtor's 15 days (to the next working day if the last is a rest day).
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ACCEPTED, today)
    record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.SERVED, today)
    objection = clock(station, case_id, ClockKind.PAYMENT_ORDER_OBJECTION)
    assert objection.due >= today + timedelta(days=15)
    assert station.calendar.is_working_day(objection.due)
    assert not due_on_board(station, case_id, ClockKind.PAYMENT_ORDER_ISSUE, today + timedelta(days=18))
    assert due_on_board(station, case_id, ClockKind.PAYMENT_ORDER_OBJECTION, objection.due)

    # The end: paid, or an objection that sends the worker to arbitration.
    steps = record(station, case_id, StepKind.PAYMENT_ORDER, StepDate.ENDED, today, outcome)
    assert steps.steps[0].outcome is outcome
    assert clock(station, case_id, ClockKind.PAYMENT_ORDER_OBJECTION).state is ClockState.DONE
    assert not due_on_board(station, case_id, ClockKind.PAYMENT_ORDER_OBJECTION, objection.due)


def test_scenario_2_walk_in_closed_the_same_day(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    form = intake_form(1, received_on=today)
    form.category = Category.OVERTIME_PAY
    form.channel = IntakeChannel.VISIT
    form.workers[0].claimed = "3800"
    case_id = mediating(station, form, None)
    form = terms(station, case_id, today, [(today, "3800")], amount_each="3800")
    agree(station, case_id, form, chinatime.now())

    receipt = tmp_path / "回单.jpg"
    receipt.write_bytes(b"\xff\xd8 jpeg")
    payments.record_payment(station, case_id, today, "3800", PaymentMethod.BANK_TRANSFER, "转账 20261127001", receipt)
    in_effect = agreements.case_agreements(station, case_id).in_effect
    assert in_effect.performance.state is PerformanceState.PERFORMED
    assert in_effect.payments[0].receipt_id is not None

    closed = case_actions.perform(station, case_id, CaseAction.CLOSE)
    assert closed.status is CaseStatus.CLOSED
    quick = clock(station, case_id, ClockKind.QUICK_CLOSE)
    assert quick.state is ClockState.DONE
    assert quick.days_left >= 0  # inside the 3-day target
    kinds = [event.kind for event in closed.timeline]
    assert kinds[:3] == ["registered", "accept", "start_mediation"]
    assert {"agreement_in_effect", "payment_recorded", "record_agreement", "close"} <= set(kinds)


def test_scenario_3_refusal_notice_and_limitation(station: StationContext) -> None:
    today = chinatime.today()
    received = today - timedelta(days=2)
    # Dismissed two weeks before, the wages of the last month unpaid: a year from the end of the employment (R5).
    form = replace(
        intake_form(1, received_on=received),
        employment=Employment.ENDED,
        employment_ended_on=received - timedelta(days=14),
    )
    case_id = register(station, form, on=received)
    refused = case_actions.perform(station, case_id, CaseAction.REFUSE, "被申请人明确拒绝调解。")
    assert refused.status is CaseStatus.REFUSED

    notice = clock(station, case_id, ClockKind.REFUSAL_NOTICE)
    assert notice.due == station.calendar.add_working_days(received, 3)
    assert notice.state is not ClockState.DONE
    case_actions.record_notice_served(station, case_id, today)
    assert clock(station, case_id, ClockKind.REFUSAL_NOTICE).state is ClockState.DONE

    # The complaint interrupted the limitation; from the refusal it runs a full year again (R5).
    limitation = clock(station, case_id, ClockKind.LIMITATION)
    assert limitation.label == "Limitation for arbitration (running again)"
    assert limitation.due.year == today.year + 1


def test_scenario_4_fifteen_days_run_out(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    received = received_days_ago(station, 16)
    form = intake_form(1, received_on=received)
    form.category = Category.TERMINATION  # a dismissal-compensation dispute
    case_id = mediating(station, form, received)

    assert [c.state for c in due_on_board(station, case_id, ClockKind.MEDIATION, received + timedelta(days=10))] == [
        ClockState.WARNING
    ]
    assert [c.state for c in due_on_board(station, case_id, ClockKind.MEDIATION, received + timedelta(days=13))] == [
        ClockState.URGENT
    ]
    assert clock(station, case_id, ClockKind.MEDIATION).state is ClockState.OVERDUE

    # No extension was agreed: the period stayed the statutory 15 days.
    assert clock(station, case_id, ClockKind.MEDIATION).label == "Mediation period (15 days)"

    referred = case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    assert referred.status is CaseStatus.REFERRED_ARBITRATION
    assert clock(station, case_id, ClockKind.MEDIATION).state is ClockState.DONE
    notice = printed(station, case_id, DocumentKind.TERMINATION, tmp_path)
    assert "决定终止调解" in notice
    letter = printed(station, case_id, DocumentKind.REFERRAL, tmp_path)
    assert f"{received.year}年{received.month}月{received.day}日收到调解申请" in letter

    # The committee's dates come back: received, accepted within 5 days, award within 45 (+15).
    steps = after_mediation.case_steps(station, case_id)
    assert steps.small_claim is not None
    assert steps.small_claim.final  # 3,800 yuan of compensation: the award would be final for the employer
    record = after_mediation.record_step
    record(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today)
    board = due_on_board(
        station, case_id, ClockKind.ARBITRATION_ACCEPTANCE, period_end(station, today, 5) - timedelta(days=1)
    )
    assert [c.state for c in board] == [ClockState.URGENT]
    record(station, case_id, StepKind.ARBITRATION, StepDate.ACCEPTED, today)
    award = clock(station, case_id, ClockKind.ARBITRATION_AWARD)
    assert award.due == period_end(station, today, 45)
    assert [
        c.state
        for c in due_on_board(
            station, case_id, ClockKind.ARBITRATION_AWARD, period_end(station, today, 45) - timedelta(days=5)
        )
    ] == [ClockState.WARNING]
    record(station, case_id, StepKind.ARBITRATION, StepDate.EXTENDED, today)
    assert clock(station, case_id, ClockKind.ARBITRATION_AWARD).due == period_end(station, today, 60)
    record(
        station, case_id, StepKind.ARBITRATION, StepDate.ENDED, today, StepOutcome.AWARDED, "菏劳人仲案字〔2026〕第88号"
    )
    assert clock(station, case_id, ClockKind.ARBITRATION_AWARD).state is ClockState.DONE


def test_scenario_6_arbitral_review_window(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    start = today - timedelta(days=12)
    case_id = mediating(station, intake_form(1, received_on=start), start)
    form = terms(station, case_id, start, [(today + timedelta(days=20), "3800")], amount_each="3800")
    agree(station, case_id, form, at(start, 15))

    payments.plan_review(station, case_id)
    review = clock(station, case_id, ClockKind.ARBITRAL_REVIEW)
    assert review.due == period_end(station, start, 15)  # 3 days left, or more when the 15th day is at rest
    assert due_on_board(station, case_id, ClockKind.ARBITRAL_REVIEW, review.due - timedelta(days=3))

    payments.record_review_application(station, case_id, today)
    assert clock(station, case_id, ClockKind.ARBITRAL_REVIEW).state is ClockState.DONE
    scan = tmp_path / "仲裁调解书.pdf"
    scan.write_bytes(b"%PDF-1.7 scan")
    returned = payments.record_review_returned(station, case_id, today, scan)
    assert returned.in_effect.review_returned_on == today
