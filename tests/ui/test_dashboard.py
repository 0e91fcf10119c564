"""The 工作台 page as a coordinator sees it in the morning: what is due, the counts, what happened, opening a case."""

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt

from heze_station.domain import chinatime, clocks
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseStatus
from heze_station.services import case_corrections, intake, payments
from heze_station.services.payments import PaymentPart
from heze_station.ui.views.dashboard import DashboardView
from heze_station.ui.workspace import Workspace
from tests.factories import intake_form, register
from tests.services.agreement_steps import agree, claimant_ids, mediating, terms
from tests.ui.conftest import click_row, show_view, shown_rows, wait_idle


def open_view(qtbot, workspace: Workspace) -> DashboardView:
    return show_view(qtbot, workspace, DashboardView(workspace))


def test_an_overdue_acceptance_decision_is_shown_and_opens_its_case(qtbot, workspace: Workspace) -> None:
    today = chinatime.today()
    month_ago = today - timedelta(days=30)
    case_id = register(workspace.context, intake_form(workers=2, received_on=month_ago), on=month_ago)
    expected = clocks.acceptance_clock(month_ago, None, today, workspace.context.calendar)

    view = open_view(qtbot, workspace)

    assert view.due_table.isVisible()
    assert not view.nothing_due.isVisible()
    assert shown_rows(view.due_model) == [
        [
            f"菏谐调字〔{month_ago.year}〕第0001号",
            "工人0 and others, 2 workers",
            "菏泽宏达建筑劳务有限公司1",
            "Decide on acceptance",
            expected.due.isoformat(),
            "Overdue",
            f"{-expected.days_left} days overdue",
        ]
    ]
    assert view.tiles[CaseStatus.REGISTERED].figure.text() == "1"
    assert view.tiles[CaseStatus.CLOSED].figure.text() == "0"
    assert not view.tiles[CaseStatus.VOIDED].isVisible()  # no case voided by mistake: no tile for them
    assert view.summary.text() == "Open cases: 1. Deadlines needing attention: 1, overdue: 1."

    click_row(qtbot, view.due_table, 0)
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(view.due_table, Qt.Key.Key_Return)
    assert opened.args == [case_id]
    with qtbot.waitSignal(workspace.case_requested) as opened:
        click_row(qtbot, view.due_table, 0, double=True)
    assert opened.args == [case_id]


def test_nothing_due_says_so(qtbot, workspace: Workspace) -> None:
    # Received and registered today: the decision is three working days away, the limitation a year.
    register(workspace.context, intake_form(received_on=chinatime.today()))

    view = open_view(qtbot, workspace)

    assert view.nothing_due.isVisible()
    assert view.nothing_due.text() == "Nothing is due. Well done."
    assert not view.due_table.isVisible()
    assert chinatime.today().isoformat() in view.greeting.text()
    assert shown_rows(view.recent_model)[0][1:] == [
        f"菏谐调字〔{chinatime.today().year}〕第0001号",
        workspace.context.user_name,
        "Complaint registered",
        "",
    ]


def test_a_change_saved_elsewhere_shows_up_without_reopening_the_page(qtbot, workspace: Workspace) -> None:
    view = open_view(qtbot, workspace)
    assert view.first_run.isVisible()  # a new station: the first-run guide stands where the deadlines will
    assert view.recent_model.rowCount() == 0

    # The Register page saves a complaint that was received and registered three weeks ago.
    weeks_ago = chinatime.today() - timedelta(days=21)
    checked = intake.validate(intake_form(received_on=weeks_ago), chinatime.today())
    workspace.change(intake.save, checked, datetime.combine(weeks_ago, time(9), chinatime.CHINA_TZ))

    qtbot.waitUntil(lambda: view.due_model.rowCount() == 1)
    wait_idle(qtbot, workspace)
    assert view.due_table.isVisible()
    assert view.due_model.index(0, 5).data() == "Overdue"
    assert view.tiles[CaseStatus.REGISTERED].figure.text() == "1"
    assert [row[3] for row in shown_rows(view.recent_model)] == ["Complaint registered"]


def test_a_voided_case_shows_its_tile(qtbot, workspace: Workspace) -> None:
    case_id = register(workspace.context, intake_form(received_on=chinatime.today()))
    view = open_view(qtbot, workspace)
    workspace.change(case_corrections.void_case, case_id, "同一投诉重复登记")

    qtbot.waitUntil(lambda: view.tiles[CaseStatus.VOIDED].isVisible())
    assert view.tiles[CaseStatus.VOIDED].figure.text() == "1"


def test_workers_still_unpaid_under_an_agreement_are_listed_and_open_their_case(qtbot, workspace: Workspace) -> None:
    today = chinatime.today()
    context = workspace.context
    case_id = mediating(context, intake_form(workers=2, received_on=today), None)
    agree(context, case_id, terms(context, case_id, today, [(today, "7600")], amount_each="3800"), chinatime.now())
    first = claimant_ids(context, case_id)[0]
    payments.record_split_payment(
        context, case_id, today, [PaymentPart(first, "3800", PaymentMethod.BANK_TRANSFER, "转账001")]
    )

    view = open_view(qtbot, workspace)
    assert view.unpaid_section.isVisible()
    assert shown_rows(view.unpaid_model) == [[f"菏谐调字〔{today.year}〕第0001号", "工人1", "¥3,800.00", "¥3,800.00"]]
    click_row(qtbot, view.unpaid_table, 0)
    with qtbot.waitSignal(workspace.case_requested) as opened:
        qtbot.keyClick(view.unpaid_table, Qt.Key.Key_Return)
    assert opened.args == [case_id]
