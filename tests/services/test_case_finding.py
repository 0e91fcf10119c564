"""Finding cases: several words mean all of them, why a case matched, and the cases still owed money under an
agreement (being paid, in default) listed and counted as open."""

import uuid
from datetime import date, timedelta

import pytest

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.case_search import Hit, SearchField
from heze_station.domain.cases import CaseStatus
from heze_station.domain.performance import PerformanceState
from heze_station.services import case_queries, payments
from heze_station.services.case_queries import ALL_OPEN, CaseFilter, count_cases, list_cases
from heze_station.services.dashboard import dashboard
from heze_station.services.intake import WorkerEntry
from heze_station.services.station import StationContext
from tests.factories import at, intake_form, register, resident_id, worker
from tests.services.agreement_steps import agree, mediating, terms


def complaint(station: StationContext, *workers, employer: str = "", facts: str = "") -> uuid.UUID:
    # Each its own employer: the same credit code under another name would be refused.
    form = intake_form(employer_serial=len(list_cases(station, CaseFilter())) + 1)
    form.workers = list(workers)
    if employer:
        form.employer.name = employer
    if facts:
        form.facts = facts
    return register(station, form)


def found(station: StationContext, text: str) -> set[uuid.UUID]:
    rows = list_cases(station, CaseFilter(text=text))
    assert count_cases(station, CaseFilter(text=text)) == len(rows)
    return {row.id for row in rows}


def test_several_words_mean_all_of_them_in_any_order_and_any_field(station: StationContext) -> None:
    born_1966 = resident_id(7, date(1966, 3, 2), "371724")
    li_lei = complaint(station, worker(1, name="李磊"))
    li_and_lei = complaint(station, worker(2, name="李四"), worker(3, name="王磊"))
    only_li = complaint(station, worker(4, name="李娜"))
    old_worker = complaint(station, worker(5, name="赵大"), employer="菏泽远航建筑劳务有限公司")
    old = complaint(station, WorkerEntry(name="钱老", id_number=born_1966, phone="13953012345", claimed="5000"))

    assert found(station, "李 磊") == {li_lei, li_and_lei}
    assert found(station, "磊 李") == {li_lei, li_and_lei}
    assert found(station, "李") == {li_lei, li_and_lei, only_li}
    # Fragments of one ID number, typed apart; a full-width space (the input method's) separates words too.
    assert found(station, "371724 1966") == {old}
    assert found(station, "1966\u3000371724") == {old}
    assert found(station, "远航 赵大") == {old_worker}
    assert found(station, "远航 李") == set()
    # Numbers as people copy them: a phone with dashes, a case as "year-number" (its number reads 〔2026〕第0001号).
    assert found(station, "139-5301-2345") == {old}
    number = case_queries.case_detail(station, li_lei).number
    year, sequence = number[number.index("〔") + 1 : number.index("〕")], number[number.index("第") + 1 : -1]
    assert found(station, f"{year}-{sequence}") == {li_lei}


def test_each_row_says_where_the_words_were_found_with_personal_numbers_masked(station: StationContext) -> None:
    born_1966 = resident_id(7, date(1966, 3, 2), "371724")
    complaint(
        station,
        WorkerEntry(name="李磊", id_number=born_1966, phone="13953012345", claimed="5000"),
        employer="菏泽远航建筑劳务有限公司",
        facts="2026年在远航公司的工地干活，老板拖欠工资三个月。",
    )

    def hits(text: str) -> tuple[Hit, ...]:
        (row,) = list_cases(station, CaseFilter(text=text))
        return row.hits

    assert hits("李 磊") == (Hit(SearchField.NAME, "李磊"),)
    masked_id = born_1966[:10] + "****" + born_1966[-4:]
    assert hits("371724 1966") == (Hit(SearchField.ID_NUMBER, masked_id),)
    assert hits("1234") == (Hit(SearchField.PHONE, "139***12345"),)
    assert hits("远航")[0] == Hit(SearchField.EMPLOYER, "菏泽远航建筑劳务有限公司")
    assert hits("远航")[1].field is SearchField.FACTS
    assert hits("拖欠工资") == (Hit(SearchField.FACTS, "…的工地干活，老板拖欠工资三个月。"),)
    # No search, nothing to explain.
    assert list_cases(station, CaseFilter())[0].hits == ()


@pytest.fixture
def owed(station: StationContext) -> dict[str, uuid.UUID]:
    """Three cases with an agreement: one in default, one being paid, one paid in full; and one in mediation."""
    today = chinatime.today()
    start = today - timedelta(days=20)
    cases = {}
    for serial, name in enumerate(("in_default", "performing", "performed", "mediating"), start=1):
        case_id = mediating(station, intake_form(employer_serial=serial, received_on=start), start)
        cases[name] = case_id
        if name == "mediating":
            continue
        # In default today whatever the weekday: due on a working day before it (one due on a weekend may wait).
        due = station.calendar.last_working_day_before(today) if name == "in_default" else today + timedelta(days=10)
        agree(station, case_id, terms(station, case_id, start, [(due, "3800")], amount_each="3800"), at(start, 16))
        if name == "performed":
            payments.record_payment(station, case_id, today, "3800", PaymentMethod.BANK_TRANSFER)
    return cases


def test_the_performance_filters_agree_with_the_case_file(station: StationContext, owed: dict[str, uuid.UUID]) -> None:
    for name, case_id in owed.items():
        detail = case_queries.case_detail(station, case_id)
        expected = None if name == "mediating" else detail.performance.state
        assert expected is None or expected.value == name
        if expected is not None:
            listed = {row.id for row in list_cases(station, CaseFilter(performances=frozenset({expected})))}
            assert case_id in listed
            assert [row.performance for row in list_cases(station, CaseFilter()) if row.id == case_id] == [expected]

    # The list says how each agreement still owed money is being paid; one paid in full is just "agreement reached".
    standing = {row.id: row.standing for row in list_cases(station, CaseFilter())}
    assert standing[owed["in_default"]] is PerformanceState.IN_DEFAULT
    assert standing[owed["performing"]] is PerformanceState.PERFORMING
    assert standing[owed["performed"]] is CaseStatus.AGREEMENT

    in_default = CaseFilter(performances=frozenset({PerformanceState.IN_DEFAULT}))
    assert [row.id for row in list_cases(station, in_default)] == [owed["in_default"]]
    assert count_cases(station, in_default) == 1
    # All open: the case in mediation and both agreements still owed money; not the one paid in full.
    assert {row.id for row in list_cases(station, ALL_OPEN)} == {
        owed["in_default"],
        owed["performing"],
        owed["mediating"],
    }
    # Statuses and performances are alternatives.
    either = CaseFilter(statuses=frozenset({CaseStatus.IN_MEDIATION}), performances=in_default.performances)
    assert {row.id for row in list_cases(station, either)} == {owed["in_default"], owed["mediating"]}


def test_the_workbench_counts_agreements_still_being_paid_as_open(
    station: StationContext, owed: dict[str, uuid.UUID]
) -> None:
    board = dashboard(station)
    assert board.performances == {
        PerformanceState.IN_DEFAULT: 1,
        PerformanceState.PERFORMING: 1,
        PerformanceState.PERFORMED: 1,
    }
    assert board.open_total == 3
    assert board.open_total == count_cases(station, ALL_OPEN)
