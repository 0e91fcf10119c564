"""The ledger (台账): each employer's and project's risk and its reasons, follow-ups, and the ledger as a workbook."""

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import NotFound, ValidationFailed
from heze_station.domain.ledger import FollowUpKind, RiskLevel
from heze_station.domain.parties import EmployerKind
from heze_station.services import audit, case_actions, payments
from heze_station.services.audit import AuditFilter
from heze_station.services.intake import EmployerEntry
from heze_station.services.ledger import Subject, export_ledger, record_follow_up
from heze_station.services.registry import EmployerRow, list_employers, list_projects
from heze_station.services.station import StationContext
from tests.factories import intake_form, register, resident_id
from tests.services.agreement_steps import agree, mediating, terms
from tests.stations import add_account, open_test_station

BOSS = EmployerEntry(kind=EmployerKind.NATURAL_PERSON, name="张包工", id_number=resident_id(7))


def by_name(context: StationContext, today: date) -> dict[str, EmployerRow]:
    return {row.name[-1]: row for row in list_employers(context, today=today)}


def reasons(row) -> tuple[RiskLevel, list[str]]:
    return row.risk.level, [reason.render() for reason in row.risk.reasons]


def test_each_employer_gets_its_risk_level_with_the_reasons_in_words(station: StationContext, today: date) -> None:
    # 1: two open complaints this month. 2: one, long ago, refused. 3: an open collective dispute of ten workers.
    register(station, intake_form(employer_serial=1, received_on=today - timedelta(days=10)))
    register(station, intake_form(employer_serial=1, received_on=today - timedelta(days=89)))
    old = register(station, intake_form(employer_serial=2, received_on=today - timedelta(days=120)))
    case_actions.perform(station, old, CaseAction.REFUSE, "不属于受理范围")
    register(station, intake_form(10, employer_serial=3, received_on=today))

    rows = by_name(station, today)

    assert reasons(rows["1"]) == (RiskLevel.MEDIUM, ["Arrears outstanding ¥7,600.00", "2 complaints within 90 days"])
    assert (rows["1"].facts.recent_complaints, rows["1"].facts.arrears_fen) == (2, 760000)
    assert reasons(rows["2"]) == (RiskLevel.LOW, [])
    assert rows["2"].facts.recent_complaints == 0
    assert reasons(rows["3"]) == (RiskLevel.HIGH, ["Collective dispute", "Arrears outstanding ¥38,000.00"])
    assert rows["3"].facts.open_collective_cases == 1
    # The day after, the 89-day-old complaint has left the window.
    assert reasons(by_name(station, today + timedelta(days=2))["1"])[1][-1:] == ["Arrears outstanding ¥7,600.00"]


def test_an_agreement_in_default_and_what_is_still_owed_under_it_count(station: StationContext, today: date) -> None:
    case_id = mediating(station, intake_form(employer_serial=4, received_on=today), None)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    payments.record_payment(station, case_id, today, "1000", PaymentMethod.CASH, "王会计")

    performing = by_name(station, today)["4"]
    assert performing.open_case_count == 0  # the case is in performance, no longer open
    assert reasons(performing) == (RiskLevel.MEDIUM, ["Arrears outstanding ¥2,800.00"])

    defaulted = by_name(station, today + timedelta(days=1))["4"]
    assert defaulted.facts.agreements_in_default == 1
    assert reasons(defaulted) == (
        RiskLevel.HIGH,
        ["Agreement in default, not performed", "Arrears outstanding ¥2,800.00"],
    )


def test_a_projects_ledger_counts_its_cases_and_shows_its_latest_follow_up(
    station: StationContext, today: date
) -> None:
    on_site = replace(intake_form(10, received_on=today), project_name="牡丹花园二期", project_address="人民路")
    register(station, on_site)
    project = list_projects(station)[0]
    assert reasons(project)[0] is RiskLevel.HIGH
    assert project.latest_follow_up is None

    yesterday = today - timedelta(days=1)
    record_follow_up(station, Subject.PROJECT, project.id, FollowUpKind.RECTIFIED, today, "李调解", "工资已发放")
    record_follow_up(station, Subject.PROJECT, project.id, FollowUpKind.VISIT, yesterday, "李调解", "项目部走访")

    latest = list_projects(station)[0].latest_follow_up
    assert latest is not None
    assert (latest.kind, latest.done_on, latest.done_by, latest.note) == (
        FollowUpKind.RECTIFIED,
        today,
        "李调解",
        "工资已发放",
    )
    # A follow-up of the project is not one of its employer's.
    assert list_employers(station)[0].latest_follow_up is None


def test_a_follow_up_with_bad_fields_is_refused_field_by_field_and_nothing_is_saved(
    station: StationContext, today: date
) -> None:
    register(station, intake_form())
    employer = list_employers(station)[0]

    with pytest.raises(ValidationFailed) as refused:
        record_follow_up(station, Subject.EMPLOYER, employer.id, None, today + timedelta(days=1), "  ", "x" * 2001)
    assert set(refused.value.by_field()) == {"kind", "done_on", "done_by", "note"}
    assert refused.value.by_field()["done_on"].render() == "This date is in the future."

    with pytest.raises(ValidationFailed) as refused:
        record_follow_up(station, Subject.EMPLOYER, employer.id, FollowUpKind.RECTIFICATION_ASKED, today, "李调解")
    assert refused.value.by_field()["note"].render() == "Say what they were asked to put right."

    with pytest.raises(NotFound):
        record_follow_up(station, Subject.EMPLOYER, uuid.uuid4(), FollowUpKind.VISIT, today, "李调解")
    assert list_employers(station)[0].latest_follow_up is None


def test_the_export_holds_both_lists_masks_a_bosss_id_for_a_coordinator_and_is_audited(
    tmp_path: Path, today: date
) -> None:
    folder = tmp_path / "station"
    admin = open_test_station(folder)
    register(admin, replace(intake_form(), employer=BOSS))
    register(admin, replace(intake_form(employer_serial=2), project_name="牡丹花园二期"))
    boss = next(row for row in list_employers(admin) if row.name == BOSS.name)
    record_follow_up(admin, Subject.EMPLOYER, boss.id, FollowUpKind.RECTIFICATION_ASKED, today, "李调解", "限期发放")
    add_account(admin, "zhang", StaffRole.COORDINATOR)

    shown = tmp_path / "台账-管理员.xlsx"
    assert export_ledger(admin, shown, str) == 3  # two employers, one project
    admin.close()
    zhang = open_test_station(folder, "zhang")
    masked = tmp_path / "台账-协调员.xlsx"
    try:
        export_ledger(zhang, masked, str)
    finally:
        zhang.close()

    def sheet_rows(path: Path, sheet: str) -> list[tuple]:
        return list(load_workbook(path)[sheet].iter_rows(values_only=True))

    employers = sheet_rows(shown, "Employers")
    assert employers[1][:5] == ("Employer", "Kind", "Unified social credit code", "ID number", "Risk")
    boss_line = next(line for line in employers[2:] if line[0] == BOSS.name)
    assert boss_line[3] == BOSS.id_number
    assert boss_line[4:6] == ("Medium", "Arrears outstanding ¥3,800.00")
    assert float(boss_line[11]) == 3800.0
    assert boss_line[12:16] == ("Rectification asked", datetime.combine(today, time()), "李调解", "限期发放")
    boss_masked = next(line for line in sheet_rows(masked, "Employers")[2:] if line[0] == BOSS.name)
    assert boss_masked[3] == BOSS.id_number[:3] + "*" * 11 + BOSS.id_number[-4:]
    assert BOSS.id_number not in str(sheet_rows(masked, "Employers"))
    assert [line[0] for line in sheet_rows(shown, "Projects")[2:]] == ["牡丹花园二期"]

    admin = open_test_station(folder)
    try:
        exports = audit.entries(admin, AuditFilter(action=AuditAction.EXPORTED))
        assert [(row.user_name, row.subject) for row in exports][:2] == [
            ("zhang的名字", "Ledger of employers and projects"),
            (admin.user_name, "Ledger of employers and projects"),
        ]
    finally:
        admin.close()


def statements_of(station: StationContext, work) -> int:
    executed: list[str] = []

    def count(_connection, _cursor, statement, *_args) -> None:
        executed.append(statement)

    event.listen(station.database.engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        event.remove(station.database.engine, "before_cursor_execute", count)
    return len(executed)


def test_the_ledger_takes_as_many_queries_for_many_employers_as_for_one(station: StationContext, today: date) -> None:
    """The ledger of the 100,000-case database stays quick: figures are grouped in SQL, never asked per employer."""

    def in_default(serial: int) -> None:
        case_id = mediating(station, intake_form(employer_serial=serial, received_on=today), None)
        agreement = terms(station, case_id, today, [(today, "3800")], amount_each="3800")
        agree(station, case_id, agreement, chinatime.now())

    in_default(1)
    one = statements_of(station, lambda: (list_employers(station), list_projects(station)))
    for serial in range(2, 6):
        in_default(serial)
        register(station, replace(intake_form(employer_serial=serial), project_name=f"项目{serial}"))
    rows = {}
    many = statements_of(station, lambda: rows.update(e=list_employers(station, today=today + timedelta(days=1))))
    many += statements_of(station, lambda: list_projects(station))
    assert many == one
    assert sum(row.facts.agreements_in_default for row in rows["e"]) == 5
