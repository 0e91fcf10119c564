"""Registering a complaint: every field's check, the saved case and its parties, repeat-complaint warnings."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, update

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction, CaseStatus, Category, Employment, IntakeChannel
from heze_station.domain.chinatime import CHINA_TZ
from heze_station.domain.errors import ValidationFailed
from heze_station.domain.identifiers import Sex
from heze_station.domain.parties import EmployerKind, RespondentRole
from heze_station.services import case_actions, case_queries, intake, payments
from heze_station.services.intake import EmployerEntry, IntakeForm, WorkerEntry
from heze_station.services.station import StationContext
from heze_station.storage.models import (
    Case,
    CaseClaimant,
    CaseRespondent,
    Employer,
    Evidence,
    Person,
    Project,
    StaffRole,
    StaffUser,
    Station,
    TimelineEvent,
)
from tests import factories
from tests.factories import credit_code, intake_form, resident_id, worker

from .agreement_steps import agree, mediating, terms

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 30, tzinfo=CHINA_TZ)


def field_errors(form: IntakeForm, today: date = TODAY) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as raised:
        intake.validate(form, today)
    return {field: message.render() for field, message in raised.value.by_field().items()}


def register(station: StationContext, form: IntakeForm, now: datetime = NOW) -> intake.RegisteredCase:
    return intake.save(station, intake.validate(form, now.astimezone(CHINA_TZ).date()), now=now)


def count(station: StationContext, model: type) -> int:
    with station.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def wrong_check_character(number: str) -> str:
    wrong = "0" if number[-1] != "0" else "1"
    return number[:-1] + wrong


# -- validate: each field -----------------------------------------------------------------------------------------


def test_a_correct_form_passes() -> None:
    checked = intake.validate(intake_form(), TODAY)
    assert checked.channel is IntakeChannel.VISIT
    assert checked.category is Category.WAGES
    assert checked.received_on == date(2026, 11, 20)
    # Not asked in this form: unknown, never the day the application came in.
    assert (checked.knew_on, checked.employment, checked.employment_ended_on) == (None, Employment.UNKNOWN, None)
    assert [w.claimed_fen for w in checked.workers] == [380000]
    assert checked.employer.credit_code == credit_code(1)
    assert not checked.is_collective


def test_an_empty_form_marks_every_required_field_at_once() -> None:
    form = IntakeForm()
    assert field_errors(form) == {
        "channel": "Please choose one.",
        "category": "Please choose one.",
        "received_on": "Please enter a date.",
        "facts": "This field is required.",
        "workers": "Add at least one worker.",
        "employer.name": "This field is required.",
    }


@pytest.mark.parametrize("missing", ["channel", "category"])
def test_missing_choice(missing: str) -> None:
    form = replace(intake_form(), **{missing: None})
    assert field_errors(form) == {missing: "Please choose one."}


def test_missing_facts_and_blank_facts() -> None:
    assert field_errors(replace(intake_form(), facts="")) == {"facts": "This field is required."}
    assert field_errors(replace(intake_form(), facts=" \n\u200b\t ")) == {"facts": "This field is required."}


def test_received_date_in_the_future_is_refused() -> None:
    form = intake_form(received_on=date(2026, 11, 28))
    assert field_errors(form) == {"received_on": "This date is in the future."}
    # Today itself is fine.
    assert intake.validate(intake_form(received_on=TODAY), TODAY).received_on == TODAY


def test_knew_on_in_the_future_is_refused_and_a_given_one_kept() -> None:
    form = replace(intake_form(), knew_on=date(2026, 12, 1))
    assert field_errors(form) == {"knew_on": "This date is in the future."}
    checked = intake.validate(replace(intake_form(), knew_on=date(2026, 10, 31)), TODAY)
    assert checked.knew_on == date(2026, 10, 31)


def test_employment_must_be_answered_and_an_ended_one_needs_its_end() -> None:
    assert field_errors(replace(intake_form(), employment=None)) == {"employment": "Please choose one."}
    ended = replace(intake_form(), employment=Employment.ENDED)
    assert field_errors(ended) == {"employment_ended_on": "Please enter a date."}
    assert field_errors(replace(ended, employment_ended_on=date(2026, 12, 1))) == {
        "employment_ended_on": "This date is in the future."
    }
    checked = intake.validate(replace(ended, employment_ended_on=date(2026, 10, 31)), TODAY)
    assert (checked.employment, checked.employment_ended_on) == (Employment.ENDED, date(2026, 10, 31))
    # A continuing employment has no end: a date typed before the answer changed is not kept.
    continuing = replace(intake_form(), employment=Employment.CONTINUES, employment_ended_on=date(2026, 10, 31))
    assert intake.validate(continuing, TODAY).employment_ended_on is None


def test_wrong_id_check_character_names_the_expected_one() -> None:
    number = resident_id(5)
    form = replace(intake_form(), workers=[replace(worker(5), id_number=wrong_check_character(number))])
    assert field_errors(form) == {
        "workers.0.id_number": f"The last character should be {number[-1]}. Check every digit against the ID card."
    }


def test_missing_worker_name_and_id() -> None:
    form = replace(intake_form(), workers=[WorkerEntry(phone=factories.mobile(1), claimed="100")])
    assert field_errors(form) == {
        "workers.0.name": "This field is required.",
        "workers.0.id_number": "Enter the ID number.",
    }


def test_duplicate_id_in_one_form_names_the_earlier_row() -> None:
    form = replace(intake_form(), workers=[worker(1), worker(2), replace(worker(3), id_number=resident_id(1))])
    assert field_errors(form) == {"workers.2.id_number": "The same ID number is already in row 1."}


def test_same_id_typed_in_full_width_is_still_a_duplicate() -> None:
    full_width = resident_id(1).translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    form = replace(intake_form(), workers=[worker(1), replace(worker(2), id_number=full_width)])
    assert field_errors(form) == {"workers.1.id_number": "The same ID number is already in row 1."}


@pytest.mark.parametrize(
    "typed",
    ["+86 139 1234 5678", "0086-139-1234-5678", "+8613912345678", "139-1234-5678", "８６１３９１２３４５６７８"],
)
def test_phone_is_normalised(typed: str) -> None:
    form = replace(intake_form(), workers=[replace(worker(1), phone=typed)])
    assert intake.validate(form, TODAY).workers[0].phone == "13912345678"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the mobile number."),
        ("1391234567", "A mobile number has 11 digits, this has 10."),
        ("12912345678", "A mobile number starts with 13 to 19; check the first two digits."),
        ("139-1234-567a", "A mobile number may contain only digits, spaces and dashes."),
    ],
)
def test_wrong_phone(typed: str, message: str) -> None:
    form = replace(intake_form(), workers=[replace(worker(1), phone=typed)])
    assert field_errors(form) == {"workers.0.phone": message}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-100", "The amount cannot be negative."),
        ("100000000.01", "The amount cannot be more than ¥100,000,000.00."),
        ("3800.555", "An amount can have at most 2 decimal places (jiao and fen)."),
        ("三千八", "Enter the amount in figures, for example 3800 or 3,800.50."),
        ("abc", "Enter the amount in figures, for example 3800 or 3,800.50."),
        ("", "Enter the amount."),
        ("0", "For a dispute about Unpaid wages the amount must be more than zero."),
    ],
)
def test_wrong_amount(typed: str, message: str) -> None:
    form = replace(intake_form(), workers=[replace(worker(1), claimed=typed)])
    assert field_errors(form) == {"workers.0.claimed": message}


@pytest.mark.parametrize(
    ("typed", "fen"),
    [("100000000", 10_000_000_000), ("3,800.50", 380050), ("¥0.01", 1), ("３８００元", 380000), ("12.30", 1230)],
)
def test_amounts_become_exact_fen(typed: str, fen: int) -> None:
    form = replace(intake_form(), workers=[replace(worker(1), claimed=typed)])
    assert intake.validate(form, TODAY).workers[0].claimed_fen == fen


@pytest.mark.parametrize("category", [Category.TERMINATION, Category.WORK_INJURY, Category.SOCIAL_INSURANCE])
def test_a_dispute_without_a_sum_may_claim_zero(category: Category) -> None:
    form = replace(intake_form(), category=category, workers=[replace(worker(1), claimed="0")])
    assert intake.validate(form, TODAY).workers[0].claimed_fen == 0


def test_errors_of_several_rows_are_all_reported() -> None:
    form = replace(
        intake_form(),
        workers=[replace(worker(1), claimed="-1"), worker(2), replace(worker(3), phone="123", name="")],
    )
    assert set(field_errors(form)) == {"workers.0.claimed", "workers.2.phone", "workers.2.name"}


def test_collective_case_needs_three_to_five_representatives() -> None:
    def collective(representatives: int) -> IntakeForm:
        return replace(
            intake_form(),
            workers=[worker(n, representative=n < representatives) for n in range(10)],
        )

    for marked in (0, 2, 6):
        assert field_errors(collective(marked)) == {
            "workers": f"A collective case (10 or more workers) elects 3 to 5 representatives; {marked} are marked."
        }
    for marked in (3, 5):
        assert intake.validate(collective(marked), TODAY).is_collective


def test_nine_workers_are_not_collective_and_may_not_elect_representatives() -> None:
    nine = replace(intake_form(), workers=[worker(n) for n in range(9)])
    assert not intake.validate(nine, TODAY).is_collective
    nine.workers[0].representative = True
    assert field_errors(nine) == {
        "workers": "Representatives are elected only in collective cases of 10 or more workers."
    }


def test_collective_case_needs_phones_of_representatives_only() -> None:
    workers = [worker(n, representative=n < 3) for n in range(12)]
    for entry in workers[3:]:
        entry.phone = ""
    assert intake.validate(replace(intake_form(), workers=workers), TODAY).workers[5].phone == ""
    workers[1].phone = ""
    assert field_errors(replace(intake_form(), workers=workers)) == {"workers.1.phone": "Enter the mobile number."}


def test_control_and_invisible_characters_are_stripped_from_facts() -> None:
    form = replace(intake_form(), facts="\ufeff 工资\x00未\u200b结清\x1b，\u202e欠款\u202c三个月。\r\n第二行 ")
    assert intake.validate(form, TODAY).facts == "工资未结清，欠款三个月。\n第二行"


def test_oversized_facts_are_refused_not_cut() -> None:
    assert intake.validate(replace(intake_form(), facts="字" * 5000), TODAY).facts == "字" * 5000
    assert field_errors(replace(intake_form(), facts="字" * 5001)) == {
        "facts": "At most 5000 characters are allowed; this has 5001."
    }


def test_employer_credit_code_is_checked() -> None:
    code = credit_code(8)
    form = replace(intake_form(), employer=EmployerEntry(name="某公司", credit_code=wrong_check_character(code)))
    errors = field_errors(form)
    assert list(errors) == ["employer.credit_code"]
    assert errors["employer.credit_code"].startswith(f"The last character should be {code[-1]}.")
    # A pilot-region code that fails the checksum is kept when a reason is given.
    form.employer.credit_code_override_reason = "营业执照原件如此"
    checked = intake.validate(form, TODAY)
    assert checked.employer.credit_code == wrong_check_character(code)
    assert checked.employer.credit_code_override_reason == "营业执照原件如此"


def test_individual_employer_is_identified_by_id_number() -> None:
    boss = EmployerEntry(kind=EmployerKind.NATURAL_PERSON, name="包工头老王", id_number=resident_id(77))
    checked = intake.validate(replace(intake_form(), employer=boss), TODAY)
    assert checked.employer.id_number == resident_id(77)
    assert checked.employer.credit_code is None
    boss.id_number = wrong_check_character(resident_id(77))
    assert list(field_errors(replace(intake_form(), employer=boss))) == ["employer.id_number"]


def test_general_contractor_needs_a_project() -> None:
    form = replace(intake_form(), general_contractor=EmployerEntry(name="总包公司", credit_code=credit_code(9)))
    assert field_errors(form) == {
        "project_name": "Name the construction project that the general contractor is responsible for."
    }


# -- save ---------------------------------------------------------------------------------------------------------


def test_case_numbers_run_per_station_and_year(station: StationContext) -> None:
    first = register(station, intake_form(employer_serial=1))
    second = register(station, intake_form(employer_serial=2))
    assert first.number == "菏谐调字〔2026〕第0001号"
    assert second.number == "菏谐调字〔2026〕第0002号"
    # 00:30 on 1 January in Beijing is still 31 December in UTC: the Chinese date decides the year.
    new_year = register(
        station,
        intake_form(employer_serial=3, received_on=date(2026, 12, 31)),
        now=datetime(2026, 12, 31, 16, 30, tzinfo=UTC),
    )
    assert new_year.number == "菏谐调字〔2027〕第0001号"
    # A second station in the same file counts on its own.
    with station.database.transaction() as session:
        other = Station(name="郓城驿站", case_word="郓城调字")
        session.add(other)
        session.flush()
        user = StaffUser(station_id=other.id, name="郓城协调员", login="yuncheng", role=StaffRole.COORDINATOR)
        session.add(user)
    yuncheng = StationContext(
        station.database,
        other.id,
        user.id,
        other.name,
        user.name,
        user.login,
        user.role,
        calendar=station.calendar,
    )
    assert register(yuncheng, intake_form(employer_serial=4)).number == "郓城调字〔2026〕第0001号"
    assert register(station, intake_form(employer_serial=5)).number == "菏谐调字〔2026〕第0003号"


def test_saved_case_reads_back_as_typed(station: StationContext) -> None:
    form = intake_form()
    form.workers = [replace(worker(1, name="张三丰", claimed="3,800.50"), phone="+86 139 0000 0001")]
    form.evidence = ["考勤表", "", "工资欠条"]
    registered = register(station, form)
    detail = case_queries.case_detail(station, registered.case_id)
    assert detail.number == registered.number
    assert detail.status is CaseStatus.REGISTERED
    assert detail.registered_at == NOW
    assert detail.facts == form.facts
    assert detail.evidence == ["考勤表", "工资欠条"]
    [claimant] = detail.claimants
    assert (claimant.name, claimant.id_number, claimant.phone, claimant.claimed_fen) == (
        "张三丰",
        resident_id(1),
        "13900000001",
        380050,
    )
    assert (claimant.sex, claimant.birth_date) == (Sex.MALE, date(1985, 6, 15))
    assert [(r.name, r.role, r.credit_code) for r in detail.respondents] == [
        ("菏泽宏达建筑劳务有限公司1", RespondentRole.EMPLOYER, credit_code(1))
    ]
    assert [event.kind for event in detail.timeline] == ["registered"]
    assert detail.actions == [CaseAction.ACCEPT, CaseAction.REFUSE]


def test_same_worker_in_two_cases_is_one_person(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    form = intake_form(employer_serial=2)
    form.workers[0].phone = "13811112222"
    register(station, form)
    assert count(station, Person) == 1
    with station.database.transaction() as session:
        person = session.scalars(select(Person)).one()
        assert person.phone == "13811112222"  # the newer number is kept
        assert session.scalar(select(func.count()).select_from(CaseClaimant)) == 2


def test_same_credit_code_is_one_employer(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    form = intake_form(employer_serial=1)
    form.workers = [worker(9)]
    register(station, form)
    assert count(station, Employer) == 1


def test_a_credit_code_on_file_under_another_name_is_refused_not_renamed(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    form = intake_form(employer_serial=1)
    form.employer.name = "菏泽宏达建筑劳务有限公司（更名）"
    form.workers = [worker(9)]
    with pytest.raises(ValidationFailed) as refused:
        intake.save(station, intake.validate(form, date(2026, 11, 27)))
    assert refused.value.by_field()["employer.name"].params == {"name": "菏泽宏达建筑劳务有限公司1"}
    assert count(station, Case) == 1
    with station.database.transaction() as session:
        assert session.scalars(select(Employer.name)).one() == "菏泽宏达建筑劳务有限公司1"


def test_an_id_number_on_file_under_another_name_is_refused_not_renamed(station: StationContext) -> None:
    register(station, intake_form())
    form = intake_form(employer_serial=2)
    form.workers = [worker(0, name="王小二")]
    with pytest.raises(ValidationFailed) as refused:
        intake.save(station, intake.validate(form, date(2026, 11, 27)))
    assert refused.value.by_field()["workers.0.name"].params == {"name": "工人0"}
    assert (count(station, Case), count(station, Person)) == (1, 1)


def test_general_contractor_and_project_are_stored(station: StationContext) -> None:
    form = intake_form()
    form.project_name = "牡丹区城南安置房二期"
    form.project_address = "菏泽市牡丹区中华路"
    form.general_contractor = EmployerEntry(name="山东鲁西建工集团有限公司", credit_code=credit_code(900))
    registered = register(station, form)
    detail = case_queries.case_detail(station, registered.case_id)
    assert detail.project_name == "牡丹区城南安置房二期"
    assert [(r.name, r.role) for r in detail.respondents] == [
        ("菏泽宏达建筑劳务有限公司1", RespondentRole.EMPLOYER),
        ("山东鲁西建工集团有限公司", RespondentRole.GENERAL_CONTRACTOR),
    ]
    with station.database.transaction() as session:
        project = session.scalars(select(Project)).one()
        contractor = session.scalars(select(Employer).where(Employer.credit_code == credit_code(900))).one()
        assert project.general_contractor_id == contractor.id
        assert project.address == "菏泽市牡丹区中华路"
        assert session.get_one(Case, registered.case_id).project_id == project.id
    [row] = case_queries.list_cases(station, case_queries.CaseFilter())
    assert row.respondent_summary == "菏泽宏达建筑劳务有限公司1、山东鲁西建工集团有限公司"
    # A second complaint on the same project reuses it.
    second = intake_form(employer_serial=2)
    second.project_name = "牡丹区城南安置房二期"
    register(station, second)
    assert count(station, Project) == 1


def test_employer_typed_again_as_general_contractor_is_a_validation_error(station: StationContext) -> None:
    form = intake_form()
    form.project_name = "城南花园"
    form.general_contractor = replace(form.employer)
    errors = field_errors(form)
    assert any(field.startswith("general_contractor") for field in errors)


def test_collective_case_totals_are_exact_to_the_fen(station: StationContext) -> None:
    amounts = [f"{1000 + 37 * n}.{(n * 13) % 100:02d}" for n in range(23)]
    expected_fen = sum((1000 + 37 * n) * 100 + (n * 13) % 100 for n in range(23))
    form = intake_form()
    form.workers = [worker(n, claimed=amounts[n], representative=n in (4, 9, 17)) for n in range(23)]
    registered = register(station, form)
    detail = case_queries.case_detail(station, registered.case_id)
    assert detail.is_collective
    assert detail.claimed_total_fen == expected_fen == sum(c.claimed_fen for c in detail.claimants)
    assert [c.representative for c in detail.claimants].count(True) == 3
    [row] = case_queries.list_cases(station, case_queries.CaseFilter())
    assert (row.worker_count, row.claimed_total_fen) == (23, expected_fen)
    assert row.claimant_summary == "工人4"  # the first representative stands for the group


def test_nothing_is_saved_when_validation_fails(station: StationContext) -> None:
    form = intake_form(workers=3)
    form.workers[2].claimed = "-5"
    with pytest.raises(ValidationFailed):
        register(station, form)
    for model in (Case, Person, Employer, Project, CaseClaimant, CaseRespondent, Evidence, TimelineEvent):
        assert count(station, model) == 0, model.__name__


def test_what_the_documents_cannot_print_is_refused_at_intake_and_nothing_is_stored(station: StationContext) -> None:
    """An emoji in a name would make every document of the case refuse to print: the field refuses it instead."""
    form = intake_form(workers=2)
    form.workers[1].name = "李雷😀"
    form.employer.address = "菏泽市牡丹区\ue000路1号"  # a private-use code some input methods give a rare character
    with pytest.raises(ValidationFailed) as raised:
        register(station, form)
    messages = {field: message.render() for field, message in raised.value.by_field().items()}
    assert set(messages) == {"workers.1.name", "employer.address"}
    assert messages["workers.1.name"].startswith("The documents cannot print “😀”")
    assert messages["employer.address"].startswith("The documents cannot print “\ue000”")
    for model in (Case, Person, Employer, CaseClaimant, CaseRespondent, TimelineEvent):
        assert count(station, model) == 0, model.__name__


def test_a_save_the_database_refuses_leaves_nothing_behind(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    before = {model: count(station, model) for model in (Case, Person, Employer, Project, CaseRespondent)}
    form = intake_form(employer_serial=2)
    form.workers = [worker(40)]
    form.project_name = "新项目"
    form.general_contractor = replace(form.employer)  # the same company twice: refused one way or another
    with pytest.raises(Exception):  # noqa: B017, PT011 - a validation error once the bug above is fixed
        register(station, form)
    assert {model: count(station, model) for model in before} == before
    assert register(station, intake_form(employer_serial=3)).number == "菏谐调字〔2026〕第0002号"


# -- repeat complaints --------------------------------------------------------------------------------------------


def test_repeat_complaint_by_the_same_worker(station: StationContext) -> None:
    first = register(station, intake_form(employer_serial=1))
    again = intake.validate(intake_form(employer_serial=2), TODAY)
    [hit] = intake.find_repeat_complaints(station, again)
    assert (hit.case_id, hit.number, hit.status) == (first.case_id, first.number, CaseStatus.REGISTERED)
    assert hit.reason.render() == "Worker 工人0 already has this open case."


def test_repeat_complaint_against_the_same_employer(station: StationContext) -> None:
    first = register(station, intake_form(employer_serial=1))
    by_code = intake_form(employer_serial=1)
    by_code.workers = [worker(30)]
    by_code.employer.name = "另一个写法的公司名"
    [hit] = intake.find_repeat_complaints(station, intake.validate(by_code, TODAY))
    assert hit.case_id == first.case_id
    assert hit.reason.render() == "Employer 菏泽宏达建筑劳务有限公司1 already has this open case."
    by_name = intake_form(employer_serial=1)
    by_name.workers = [worker(31)]
    by_name.employer.credit_code = ""
    assert [h.case_id for h in intake.find_repeat_complaints(station, intake.validate(by_name, TODAY))] == [
        first.case_id
    ]


@pytest.mark.parametrize("stored", ["as kept now", "as an earlier version kept them"])
def test_the_same_company_and_worker_typed_with_other_brackets_and_dots_are_the_same(
    station: StationContext, stored: str
) -> None:
    """Half-width brackets recorded a second employer and missed the repeat complaint; a worker's name typed with
    another dot was refused as "on file as" a name that looked the same. Names stored before they were kept as on
    the card (or by a station not yet updated) match too."""
    first_form = intake_form(employer_serial=1)
    first_form.workers = [worker(40, name="买买提·艾力")]
    first_form.employer.name = "山东宏达建设（集团）有限公司"
    first_form.employer.credit_code = ""
    first = register(station, first_form)
    if stored == "as an earlier version kept them":
        with station.database.transaction() as session:
            session.execute(update(Person).where(Person.name == "买买提·艾力").values(name="买买提.艾力"))
            legacy = "山东宏达建设(集团)有限公司"
            session.execute(update(Employer).where(Employer.name.like("山东宏达%")).values(name=legacy))

    same_company = intake_form(employer_serial=1)
    same_company.workers = [worker(41)]
    same_company.employer.name = "山东宏达建设(集团)有限公司"
    same_company.employer.credit_code = ""
    hits = intake.find_repeat_complaints(station, intake.validate(same_company, TODAY))
    assert [hit.case_id for hit in hits] == [first.case_id]
    register(station, same_company)
    assert count(station, Employer) == 1

    same_worker = intake_form(employer_serial=2)
    same_worker.workers = [worker(40, name="买买提•艾力")]
    assert register(station, same_worker).number


def test_unrelated_complaint_is_no_repeat(station: StationContext) -> None:
    register(station, intake_form(employer_serial=1))
    other = intake_form(employer_serial=2)
    other.workers = [worker(30)]
    assert intake.find_repeat_complaints(station, intake.validate(other, TODAY)) == []


def test_one_case_matching_worker_and_employer_is_listed_once(station: StationContext) -> None:
    first = register(station, intake_form(employer_serial=1))
    hits = intake.find_repeat_complaints(station, intake.validate(intake_form(employer_serial=1), TODAY))
    assert [hit.case_id for hit in hits] == [first.case_id]


def test_repeat_complaint_only_while_the_earlier_case_is_open(station: StationContext) -> None:
    first = register(station, intake_form(employer_serial=1))
    again = intake.validate(intake_form(employer_serial=1), TODAY)
    case_actions.perform(station, first.case_id, CaseAction.ACCEPT)
    assert [hit.status for hit in intake.find_repeat_complaints(station, again)] == [CaseStatus.ACCEPTED]
    case_actions.perform(station, first.case_id, CaseAction.WITHDRAW, "已自行协商解决")
    case_actions.perform(station, first.case_id, CaseAction.CLOSE)
    assert intake.find_repeat_complaints(station, again) == []


def test_repeat_complaint_while_the_earlier_agreement_is_still_being_paid(station: StationContext) -> None:
    """An agreement is no end for the workers until they are paid: the same worker complaining again is warned."""
    today = chinatime.today()
    case_id = mediating(station, intake_form(employer_serial=1), None)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    again = intake.validate(intake_form(employer_serial=2), today)

    [hit] = intake.find_repeat_complaints(station, again, today)
    assert (hit.case_id, hit.status) == (case_id, CaseStatus.AGREEMENT)
    assert hit.reason.render() == "Worker 工人0 already has this case, whose agreement is not yet fully performed."

    payments.record_payment(station, case_id, today, "3800", PaymentMethod.BANK_TRANSFER, "转账001")
    assert intake.find_repeat_complaints(station, again, today) == []  # fully paid: done with
