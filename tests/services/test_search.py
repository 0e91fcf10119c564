"""The case list's search box and filters: short and long queries, identifiers, odd characters, sort and paging."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from heze_station.domain.cases import CaseAction, CaseStatus, Category, IntakeChannel
from heze_station.domain.chinatime import CHINA_TZ
from heze_station.domain.errors import InvalidInput
from heze_station.services import case_actions, case_queries, intake
from heze_station.services.case_queries import CaseFilter, SortColumn, count_cases, list_cases
from heze_station.services.intake import EmployerEntry, IntakeForm, WorkerEntry
from heze_station.services.station import StationContext
from tests.factories import credit_code, resident_id
from tests.stations import open_test_station

ZHANG_ID = resident_id(11, birth=date(1979, 3, 8))
LI_ID = resident_id(12, birth=date(1990, 12, 1))
WANG_ID = resident_id(13, birth=date(2001, 7, 21))
ZHANG_PHONE, LI_PHONE, WANG_PHONE = "13812345678", "15098765432", "18633334444"
HONGDA_CODE, LUXI_CODE = credit_code(101), credit_code(202)


@dataclass
class Cases:
    zhang: uuid.UUID
    li: uuid.UUID
    wang: uuid.UUID

    def names(self, ids: list[uuid.UUID]) -> set[str]:
        by_id = {self.zhang: "zhang", self.li: "li", self.wang: "wang"}
        return {by_id[i] for i in ids}


def _form(
    name: str,
    id_number: str,
    phone: str,
    employer: EmployerEntry,
    facts: str,
    *,
    received_on: date,
    category: Category = Category.WAGES,
    channel: IntakeChannel = IntakeChannel.VISIT,
    project: str = "",
) -> IntakeForm:
    return IntakeForm(
        channel=channel,
        category=category,
        received_on=received_on,
        facts=facts,
        workers=[WorkerEntry(name=name, id_number=id_number, phone=phone, claimed="3800")],
        employer=employer,
        project_name=project,
    )


def _save(station: StationContext, form: IntakeForm, now: datetime) -> uuid.UUID:
    return intake.save(station, intake.validate(form, now.date()), now=now).case_id


def _make_cases(station: StationContext) -> Cases:
    zhang = _save(
        station,
        _form(
            "张三丰",
            ZHANG_ID,
            ZHANG_PHONE,
            EmployerEntry(name="菏泽宏达建筑劳务有限公司", credit_code=HONGDA_CODE),
            "2026年8月至10月在城南工地做木工，工资未结清。",
            received_on=date(2026, 11, 2),
            project="城南花园三期",
        ),
        datetime(2026, 11, 2, 9, 0, tzinfo=CHINA_TZ),
    )
    li = _save(
        station,
        _form(
            "李四",
            LI_ID,
            LI_PHONE,
            EmployerEntry(name="山东鲁西化工有限公司", credit_code=LUXI_CODE),
            '加班费未付，按100%_比例计算；老板说"下月再说"，it\'s AND OR NOT * ^ NEAR(x) body:y 都是原话。',
            received_on=date(2026, 11, 10),
            category=Category.OVERTIME_PAY,
            channel=IntakeChannel.PHONE,
        ),
        # 23:30 in Beijing on 10 November is 15:30 UTC: still the 10th for the date filter.
        datetime(2026, 11, 10, 23, 30, tzinfo=CHINA_TZ),
    )
    wang = _save(
        station,
        _form(
            "王五",
            WANG_ID,
            WANG_PHONE,
            EmployerEntry(name="菏泽宏达物业服务有限公司"),
            "被辞退未给经济补偿。",
            received_on=date(2026, 11, 11),
            category=Category.TERMINATION,
            channel=IntakeChannel.ONLINE,
        ),
        # 00:30 in Beijing on 11 November is still 10 November in UTC.
        datetime(2026, 11, 11, 0, 30, tzinfo=CHINA_TZ),
    )
    return Cases(zhang, li, wang)


@pytest.fixture
def cases(station: StationContext) -> Cases:
    """The three cases in a database of this test's own, for tests that change them."""
    return _make_cases(station)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StationContext, Cases]]:
    """The three cases once for the module, for the many read-only queries."""
    station = open_test_station(tmp_path_factory.mktemp("search") / "data")
    try:
        yield station, _make_cases(station)
    finally:
        station.close()


def found(station: StationContext, cases: Cases, case_filter: CaseFilter) -> set[str]:
    ids = [row.id for row in list_cases(station, case_filter)]
    assert len(ids) == len(set(ids))
    assert count_cases(station, case_filter) == len(ids)
    return cases.names(ids)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"zhang", "li", "wang"}),
        ("张", {"zhang"}),  # 1 character: the short-query index
        ("李四", {"li"}),  # 2 characters: the short-query index
        ("宏达", {"zhang", "wang"}),
        ("张三丰", {"zhang"}),  # 3+ characters: trigram index
        ("  张三丰  ", {"zhang"}),
        ("19790308", {"zhang"}),  # birth date inside an ID number
        (ZHANG_ID[-6:], {"zhang"}),
        (ZHANG_ID, {"zhang"}),
        (LI_PHONE[-4:], {"li"}),
        (LI_PHONE[3:7], {"li"}),
        (HONGDA_CODE, {"zhang"}),
        (LUXI_CODE[-5:], {"li"}),
        ("鲁西化工", {"li"}),
        ("宏达物业", {"wang"}),
        ("城南花园", {"zhang"}),
        ("花园三期", {"zhang"}),
        ("城南", {"zhang"}),  # project and facts both say it, once
        ("加班费", {"li"}),
        ("经济补偿", {"wang"}),
        ("第0002号", {"li"}),
        ("菏谐调字〔2026〕第0003号", {"wang"}),
        ("欠薪", set()),
        ("张三丰李四", set()),  # no match across two fields
    ],
)
@pytest.mark.parametrize("plan", ["few matches: fetched by key", "many matches: list order walked"])
def test_text_search(
    shared: tuple[StationContext, Cases], query: str, expected: set[str], plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if plan.startswith("many"):
        # Three cases never make "many"; lower the threshold so the plan for tens of thousands runs too.
        monkeypatch.setattr(case_queries, "FEW_MATCHES", -1)
    assert found(*shared, CaseFilter(text=query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("%", {"li"}),
        ("_", {"li"}),
        ("%_", {"li"}),
        ("100%_", {"li"}),
        ("0%", {"li"}),
        ('"', {"li"}),
        ('"下月再说"', {"li"}),
        ("'", {"li"}),
        ("it's", {"li"}),
        ("AND", {"li"}),
        ("and", {"li"}),
        ("OR NOT", {"li"}),
        ("*", {"li"}),
        ("* ^", {"li"}),
        ("^", {"li"}),
        ("NEAR(x)", {"li"}),
        ("body:y", {"li"}),
        ("body:", {"li"}),
        ("\\", set()),
        ("%%%", set()),
        ("a_c", set()),
        ('")(*&^%$#@!', set()),
        ("NEAR(", {"li"}),
        ("-", set()),
        ("OR", {"li"}),
    ],
)
def test_special_characters_match_literally(shared: tuple[StationContext, Cases], query: str, expected: set) -> None:
    assert found(*shared, CaseFilter(text=query)) == expected


def test_search_text_is_limited_in_length(shared: tuple[StationContext, Cases]) -> None:
    station, cases = shared
    assert found(station, cases, CaseFilter(text="张" * 100)) == set()
    with pytest.raises(InvalidInput):
        list_cases(station, CaseFilter(text="张" * 101))


def test_full_width_digits_find_the_id_number(shared: tuple[StationContext, Cases]) -> None:
    full_width = "19790308".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert found(*shared, CaseFilter(text=full_width)) == {"zhang"}


def test_search_follows_a_change_of_status(station: StationContext, cases: Cases) -> None:
    case_actions.perform(station, cases.zhang, CaseAction.ACCEPT)
    assert found(station, cases, CaseFilter(text="张三丰")) == {"zhang"}


# -- filters, alone and with text ---------------------------------------------------------------------------------


def test_status_filter_with_text(station: StationContext, cases: Cases) -> None:
    case_actions.perform(station, cases.zhang, CaseAction.ACCEPT)
    accepted = frozenset({CaseStatus.ACCEPTED})
    registered = frozenset({CaseStatus.REGISTERED})
    assert found(station, cases, CaseFilter(statuses=accepted)) == {"zhang"}
    assert found(station, cases, CaseFilter(statuses=registered)) == {"li", "wang"}
    assert found(station, cases, CaseFilter(text="宏达", statuses=accepted)) == {"zhang"}
    assert found(station, cases, CaseFilter(text="宏达", statuses=registered)) == {"wang"}
    assert found(station, cases, CaseFilter(text="宏达", statuses=accepted | registered)) == {"zhang", "wang"}
    assert found(station, cases, CaseFilter(text="李四", statuses=accepted)) == set()


def test_category_and_channel_filters_with_text(shared: tuple[StationContext, Cases]) -> None:
    station, cases = shared
    assert found(station, cases, CaseFilter(categories=frozenset({Category.WAGES}))) == {"zhang"}
    assert found(station, cases, CaseFilter(categories=frozenset({Category.OVERTIME_PAY, Category.TERMINATION}))) == {
        "li",
        "wang",
    }
    assert found(station, cases, CaseFilter(channels=frozenset({IntakeChannel.PHONE}))) == {"li"}
    assert found(
        station,
        cases,
        CaseFilter(
            text="宏达", categories=frozenset({Category.TERMINATION}), channels=frozenset({IntakeChannel.ONLINE})
        ),
    ) == {"wang"}
    assert found(station, cases, CaseFilter(text="宏达", channels=frozenset({IntakeChannel.PHONE}))) == set()


def test_date_filter_uses_beijing_dates(shared: tuple[StationContext, Cases]) -> None:
    station, cases = shared

    def between(start: date | None, end: date | None, text: str = "") -> set[str]:
        return found(station, cases, CaseFilter(text=text, registered_from=start, registered_to=end))

    assert between(date(2026, 11, 10), date(2026, 11, 10)) == {"li"}
    assert between(date(2026, 11, 11), None) == {"wang"}
    assert between(None, date(2026, 11, 10)) == {"zhang", "li"}
    assert between(date(2026, 11, 1), date(2026, 11, 30)) == {"zhang", "li", "wang"}
    assert between(date(2026, 11, 3), date(2026, 11, 9)) == set()
    assert between(date(2026, 11, 10), None, text="宏达") == {"wang"}
    assert between(None, date(2026, 11, 10), text="宏达") == {"zhang"}


def test_deleted_case_disappears_from_list_and_search(station: StationContext, cases: Cases) -> None:
    from heze_station.storage.models import Case

    with station.database.transaction() as session:
        session.get_one(Case, cases.li).deleted_at = datetime.now(CHINA_TZ)
    assert found(station, cases, CaseFilter()) == {"zhang", "wang"}
    assert found(station, cases, CaseFilter(text="李")) == set()


# -- sort and paging ----------------------------------------------------------------------------------------------


def test_sort_columns(station: StationContext, cases: Cases) -> None:
    case_actions.perform(station, cases.wang, CaseAction.ACCEPT)

    def order(sort: SortColumn, descending: bool) -> list[str]:
        rows = list_cases(station, CaseFilter(), sort=sort, descending=descending)
        return [{cases.zhang: "zhang", cases.li: "li", cases.wang: "wang"}[row.id] for row in rows]

    assert order(SortColumn.REGISTERED_AT, True) == ["wang", "li", "zhang"]  # the default: newest first
    assert [row.id for row in list_cases(station, CaseFilter())] == [cases.wang, cases.li, cases.zhang]
    assert order(SortColumn.REGISTERED_AT, False) == ["zhang", "li", "wang"]
    assert order(SortColumn.NUMBER, False) == ["zhang", "li", "wang"]
    assert order(SortColumn.NUMBER, True) == ["wang", "li", "zhang"]
    # Enums sort in their declared order, which reads right in any language: registered before accepted (then
    # by registration time); wages, overtime pay, ..., termination; letter, online, visit, phone.
    assert order(SortColumn.STATUS, False) == ["zhang", "li", "wang"]
    assert order(SortColumn.CATEGORY, False) == ["zhang", "li", "wang"]
    assert order(SortColumn.CHANNEL, False) == ["wang", "zhang", "li"]
    assert order(SortColumn.CHANNEL, True) == ["li", "zhang", "wang"]
    # Names sort by code point: 张 (U+5F20) < 李 (U+674E) < 王 (U+738B).
    assert order(SortColumn.CLAIMANT, False) == ["zhang", "li", "wang"]
    assert order(SortColumn.CLAIMANT, True) == ["wang", "li", "zhang"]
    assert order(SortColumn.RESPONDENT, False) == sorted(
        ["zhang", "li", "wang"],
        key=lambda n: {
            "zhang": "菏泽宏达建筑劳务有限公司",
            "li": "山东鲁西化工有限公司",
            "wang": "菏泽宏达物业服务有限公司",
        }[n],
    )


def test_sort_by_claimed_amount(station: StationContext) -> None:
    now = datetime(2026, 11, 20, 9, 0, tzinfo=CHINA_TZ)
    amounts = ["3800", "12000.5", "950.99", "100000"]
    ids = []
    for n, amount in enumerate(amounts):
        form = _form(
            f"工人{n}",
            resident_id(40 + n),
            f"1390000{n:04d}",
            EmployerEntry(name=f"公司{n}"),
            "欠薪",
            received_on=now.date(),
        )
        form.workers[0].claimed = amount
        ids.append(_save(station, form, now + timedelta(minutes=n)))
    rows = list_cases(station, CaseFilter(), sort=SortColumn.CLAIMED, descending=True)
    assert [row.claimed_total_fen for row in rows] == [10_000_000, 1_200_050, 380_000, 95_099]
    assert [row.id for row in rows] == [ids[3], ids[1], ids[0], ids[2]]


@pytest.mark.parametrize("sort", list(SortColumn), ids=str)
def test_paging_visits_every_case_once(station: StationContext, sort: SortColumn) -> None:
    # Many cases share the same time, status, category and channel, so only the tie-breaker keeps pages stable.
    same_time = datetime(2026, 11, 20, 9, 0, tzinfo=CHINA_TZ)
    for n in range(23):
        form = _form(
            "同名工人",
            resident_id(100 + n),
            f"1390000{n:04d}",
            EmployerEntry(name="同一家公司"),
            "欠薪",
            received_on=same_time.date(),
        )
        _save(station, form, same_time)
    everything = [row.id for row in list_cases(station, CaseFilter(), sort=sort)]
    assert len(everything) == 23
    for limit in (5, 7, 23):
        paged = []
        for offset in range(0, 30, limit):
            paged.extend(row.id for row in list_cases(station, CaseFilter(), sort=sort, offset=offset, limit=limit))
        assert paged == everything
    # The same with a search text.
    searched = [row.id for row in list_cases(station, CaseFilter(text="同名工人"), sort=sort, limit=100)]
    pages = [
        row.id
        for offset in range(0, 23, 4)
        for row in list_cases(station, CaseFilter(text="同名工人"), sort=sort, offset=offset, limit=4)
    ]
    assert pages == searched
    assert len(set(pages)) == 23


def test_filters_by_employer_and_project(shared: tuple[StationContext, Cases]) -> None:
    station, cases = shared
    from heze_station.storage.models import Case, Employer

    with station.database.transaction() as session:
        hongda = session.query(Employer).filter_by(credit_code=HONGDA_CODE).one().id
        project = session.get_one(Case, cases.zhang).project_id
    assert found(station, cases, CaseFilter(employer_id=hongda)) == {"zhang"}
    assert found(station, cases, CaseFilter(project_id=project)) == {"zhang"}
    assert found(station, cases, CaseFilter(employer_id=hongda, text="李四")) == set()


def test_older_cases_are_found_by_the_workers_new_phone(station: StationContext, cases: Cases) -> None:
    form = _form(
        "张三丰",
        ZHANG_ID,
        "13700001111",
        EmployerEntry(name="菏泽宏达建筑劳务有限公司", credit_code=HONGDA_CODE),
        "欠薪",
        received_on=date(2026, 11, 20),
    )
    second = _save(station, form, datetime(2026, 11, 20, 9, 0, tzinfo=CHINA_TZ))
    # The worker's phone is shared by all his cases, so the older one is found by the new number too.
    assert {row.id for row in list_cases(station, CaseFilter(text="13700001111"))} == {cases.zhang, second}


RARE_NAME = "王\ue81e明"


@pytest.fixture(scope="module")
def pieces_apart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StationContext]:
    """A case whose facts hold the pieces of some words, but never side by side; its worker's name has a rare
    character that input methods put in the private-use area (as GB18030 maps it, and the document face draws it)."""
    station = open_test_station(tmp_path_factory.mktemp("apart") / "data")
    try:
        facts = "拖欠工程款三万元，另欠工资两千元，单号12345、34567、1111。"
        employer = EmployerEntry(name="菏泽某建设公司")
        form = _form(RARE_NAME, resident_id(14), "13900001111", employer, facts, received_on=date(2026, 11, 3))
        _save(station, form, datetime(2026, 11, 3, 9, 0, tzinfo=CHINA_TZ))
        yield station
    finally:
        station.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("欠工资", 1),
        ("拖欠工程款", 1),
        ("拖欠工资", 0),  # "拖欠工" and "欠工资" both stand in the facts, apart
        ("2345", 1),  # four digits: one piece
        ("123", 1),  # three digits: the start of a run
        ("456", 1),  # inside a run
        ("567", 1),  # a run's last three
        ("23456", 0),  # "2345" and "3456" stand in two numbers
        ("1111", 1),
        ("11111", 0),  # its one piece, "1111", stands in the text; the word does not
        ("12345、34567", 1),
        ("欠工资 2345", 1),
        ("拖欠工资 2345", 0),
        (RARE_NAME, 1),
        (f"{RARE_NAME} 工资", 1),
        ("两千元， 拖欠工程款", 1),  # words typed with full-width punctuation, or digits, have a second form
        ("１２３４５ 工程款", 1),
        ("a￣b", 0),  # its full-width form's NFKC holds a space
    ],
)
@pytest.mark.parametrize("plan", ["few matches: fetched by key", "many matches: list order walked"])
def test_a_word_matches_only_where_it_stands_whole(
    pieces_apart: StationContext, query: str, expected: int, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if plan.startswith("many"):
        monkeypatch.setattr(case_queries, "FEW_MATCHES", -1)
    assert len(list_cases(pieces_apart, CaseFilter(text=query))) == expected
    assert count_cases(pieces_apart, CaseFilter(text=query)) == expected
    # With another filter the count is made over the list's own query.
    assert count_cases(pieces_apart, CaseFilter(text=query, categories=frozenset(Category))) == expected
