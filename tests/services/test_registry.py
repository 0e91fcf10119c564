"""The employer and project ledger: complaint counts, open counts, repeat-complaint order and the text filter."""

from dataclasses import replace

from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions
from heze_station.services.intake import EmployerEntry, IntakeForm
from heze_station.services.registry import list_employers, list_projects
from heze_station.services.station import StationContext
from tests.factories import credit_code, intake_form, register, worker

CONTRACTOR = EmployerEntry(name="山东鲁西建工集团有限公司", credit_code=credit_code(900))


def on_project(form: IntakeForm, project: str, address: str = "菏泽市牡丹区中华路") -> IntakeForm:
    return replace(form, project_name=project, project_address=address, general_contractor=CONTRACTOR)


def test_employers_count_all_and_open_cases_with_repeat_complaints_on_top(station: StationContext) -> None:
    once = register(station, intake_form(employer_serial=1))
    repeated = [register(station, intake_form(employer_serial=2)) for _ in range(3)]
    case_actions.perform(station, repeated[0], CaseAction.REFUSE, "重复投诉")
    case_actions.perform(station, once, CaseAction.ACCEPT)

    rows = list_employers(station)

    assert [(row.name, row.case_count, row.open_case_count) for row in rows] == [
        ("菏泽宏达建筑劳务有限公司2", 3, 2),
        ("菏泽宏达建筑劳务有限公司1", 1, 1),
    ]
    assert rows[0].credit_code == credit_code(2)
    assert not rows[0].credit_code_overridden


def test_employers_with_more_complaints_come_before_equal_open_counts(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    refused = register(station, intake_form(employer_serial=2))
    register(station, intake_form(employer_serial=2))
    case_actions.perform(station, refused, CaseAction.REFUSE, "证据不足")
    register(station, intake_form(employer_serial=3))

    rows = list_employers(station)

    assert [(row.name[-1], row.open_case_count, row.case_count) for row in rows] == [
        ("2", 1, 2),
        ("1", 1, 1),
        ("3", 1, 1),
    ]


def test_general_contractors_are_counted_and_an_overridden_code_is_flagged(station: StationContext) -> None:
    pilot = replace(
        intake_form(employer_serial=5).employer,
        credit_code="91371700MA3C8X1234",
        credit_code_override_reason="早期试点地区代码，营业执照原件已核对",
    )
    register(station, replace(on_project(intake_form(employer_serial=4), "牡丹花园二期"), employer=pilot))

    rows = {row.name: row for row in list_employers(station)}

    assert rows[CONTRACTOR.name].case_count == 1
    assert rows[pilot.name].credit_code_overridden
    assert not rows[CONTRACTOR.name].credit_code_overridden


def test_the_text_filter_matches_name_or_credit_code(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    register(station, replace(intake_form(employer_serial=2), employer=EmployerEntry(name="曹县100%好味食品厂")))

    assert [row.name for row in list_employers(station, "食品")] == ["曹县100%好味食品厂"]
    assert [row.name for row in list_employers(station, credit_code(1)[-6:].lower())] == ["菏泽宏达建筑劳务有限公司1"]
    # LIKE wildcards typed by a person are literal characters, not patterns.
    assert [row.name for row in list_employers(station, "0%")] == ["曹县100%好味食品厂"]
    assert list_employers(station, "_") == []
    assert list_employers(station, "  ") == list_employers(station)


def test_projects_count_cases_open_cases_and_distinct_workers(station: StationContext) -> None:
    garden = "牡丹花园二期"
    first = register(station, on_project(intake_form(workers=2, employer_serial=1), garden))
    # The same worker 0 complains again through another subcontractor, with a new colleague.
    again = replace(
        on_project(intake_form(employer_serial=2), garden),
        workers=[worker(0), worker(7)],
    )
    register(station, again)
    register(station, on_project(intake_form(employer_serial=3), "高新区标准厂房"))
    register(station, intake_form(employer_serial=4))  # no project: not on the project ledger
    case_actions.perform(station, first, CaseAction.REFUSE, "已由住建部门处理")

    rows = list_projects(station)

    assert [(row.name, row.case_count, row.open_case_count, row.workers_involved) for row in rows] == [
        ("牡丹花园二期", 2, 1, 3),
        ("高新区标准厂房", 1, 1, 1),
    ]
    assert (rows[0].address, rows[0].general_contractor) == ("菏泽市牡丹区中华路", CONTRACTOR.name)


def test_projects_are_ordered_by_open_then_all_complaints(station: StationContext) -> None:
    quiet = register(station, on_project(intake_form(employer_serial=1), "安静小区"))
    case_actions.perform(station, quiet, CaseAction.REFUSE, "不属于劳动争议")
    for serial in (2, 3):
        register(station, on_project(intake_form(employer_serial=serial), "欠薪大厦"))
    register(station, on_project(intake_form(employer_serial=4), "新开工地"))

    assert [row.name for row in list_projects(station)] == ["欠薪大厦", "新开工地", "安静小区"]


def test_the_project_filter_matches_name_address_or_general_contractor(station: StationContext) -> None:
    register(station, on_project(intake_form(employer_serial=1), "牡丹花园二期", "牡丹区人民路"))
    register(station, replace(intake_form(employer_serial=2), project_name="曹县学校操场", project_address="曹县"))

    assert [row.name for row in list_projects(station, "花园")] == ["牡丹花园二期"]
    assert [row.name for row in list_projects(station, "人民路")] == ["牡丹花园二期"]
    assert [row.name for row in list_projects(station, "鲁西建工")] == ["牡丹花园二期"]
    assert [row.name for row in list_projects(station, "曹县")] == ["曹县学校操场"]
    assert list_projects(station, "不存在") == []
