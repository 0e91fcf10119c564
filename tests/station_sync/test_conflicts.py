"""Two laptops edit the same case offline: merged per field, and a real conflict is shown and settled (F4-F6)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from heze_station.domain.cases import CaseAction, CaseEvent, CaseStatus
from heze_station.domain.errors import IllegalTransition, InvalidInput
from heze_station.server import auth
from heze_station.server.assignment import assign_case
from heze_station.services import case_actions, sync
from heze_station.services.station import StationContext
from heze_station.storage import settings, station_rows
from heze_station.storage.models import Case, CaseClaimant, Person, TimelineEvent
from tests.factories import intake_form, register
from tests.server.conftest import Server
from tests.stations import join_city

from .conftest import Laptops
from .helpers import edit, value
from .test_failures import device_id
from .test_scenario import server_station


def shared_case(front: StationContext, court: StationContext) -> object:
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    sync.sync_now(court)
    return case_id


def test_different_fields_changed_on_two_laptops_both_survive(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, facts="包工头拖欠三个月工资")
    case_actions.perform(court, case_id, CaseAction.ACCEPT)
    for station in (front, court, front):
        sync.sync_now(station)
    for station in (front, court):
        assert value(station, Case, case_id, "facts") == "包工头拖欠三个月工资"
        assert value(station, Case, case_id, "status") is CaseStatus.ACCEPTED
        assert sync.open_conflicts(station) == []


def test_a_laptops_own_edits_of_one_field_before_a_sync_never_conflict_with_each_other(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, facts="第一稿")
    edit(front, Case, case_id, facts="第二稿")
    sync.sync_now(front)
    edit(front, Case, case_id, facts="第三稿")  # before the pull brought the new version back
    sync.sync_now(front)
    sync.sync_now(court)
    assert sync.open_conflicts(front) == []
    assert sync.open_conflicts(court) == []
    assert value(court, Case, case_id, "facts") == "第三稿"


def test_the_same_field_changed_on_two_laptops_is_shown_and_the_persons_choice_reaches_everyone(
    laptops: Laptops,
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, facts="欠薪 3.8 万元")
    edit(court, Case, case_id, facts="欠薪 4.2 万元，另有加班费")
    sync.sync_now(front)
    report = sync.sync_now(court)
    assert report.conflicts == 1
    [conflict] = sync.open_conflicts(court)
    assert (conflict.field, conflict.case_id) == ("facts", case_id)
    assert conflict.server_value == "欠薪 3.8 万元"
    assert conflict.client_value == "欠薪 4.2 万元，另有加班费"
    assert conflict.changed_here
    assert conflict.client_at is not None
    assert abs(conflict.client_at - datetime.now(UTC)).total_seconds() < 600
    # Never last-writer-wins: until a person chooses, the server's value stands everywhere.
    assert value(court, Case, case_id, "facts") == "欠薪 3.8 万元"
    assert sync.sync_status(court).open_conflicts == 1

    sync.resolve_conflict(court, conflict.id, sync.Choice.KEEP_MINE)
    assert sync.open_conflicts(court) == []
    sync.sync_now(court)
    sync.sync_now(front)
    for station in (front, court):
        assert value(station, Case, case_id, "facts") == "欠薪 4.2 万元，另有加班费"
        assert sync.sync_status(station).open_conflicts == 0
    with court.database.transaction() as session:
        kinds = session.scalars(select(TimelineEvent.kind).where(TimelineEvent.case_id == case_id)).all()
    assert CaseEvent.SYNC_CONFLICT_RESOLVED.value in kinds


def test_keeping_the_servers_value_settles_the_conflict_without_changing_anything(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, facts="甲")
    edit(court, Case, case_id, facts="乙")
    sync.sync_now(front)
    sync.sync_now(court)
    [conflict] = sync.open_conflicts(court)
    sync.resolve_conflict(court, conflict.id, sync.Choice.KEEP_SERVER)
    sync.sync_now(court)
    sync.sync_now(front)
    assert value(front, Case, case_id, "facts") == value(court, Case, case_id, "facts") == "甲"
    assert sync.open_conflicts(court) == []
    assert sync.sync_status(court).open_conflicts == 0


def test_deleting_a_record_another_laptop_edited_keeps_it_until_a_person_decides(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(court, Case, case_id, facts="补充：工地负责人承认欠薪")
    edit(front, Case, case_id, deleted_at=datetime.now(UTC))  # registered by mistake, thinks the front desk
    sync.sync_now(court)
    sync.sync_now(front)
    [conflict] = sync.open_conflicts(front)
    assert conflict.kind == "delete_vs_edit"
    assert value(front, Case, case_id, "deleted_at") is None  # the record someone edited is back
    assert value(front, Case, case_id, "facts") == "补充：工地负责人承认欠薪"
    sync.resolve_conflict(front, conflict.id, sync.Choice.KEEP_MINE)
    sync.sync_now(front)
    sync.sync_now(court)
    assert value(court, Case, case_id, "deleted_at") is not None
    assert sync.sync_status(front).open_conflicts == 0


def test_editing_a_record_another_laptop_deleted_can_bring_it_back(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, deleted_at=datetime.now(UTC))
    edit(court, Case, case_id, facts="现场核实：欠薪属实")
    sync.sync_now(front)
    sync.sync_now(court)
    [conflict] = sync.open_conflicts(court)
    assert conflict.kind == "edit_vs_delete"
    assert conflict.client_value["facts"] == "现场核实：欠薪属实"
    sync.resolve_conflict(court, conflict.id, sync.Choice.KEEP_MINE)
    sync.sync_now(court)
    sync.sync_now(front)
    for station in (front, court):
        assert value(station, Case, case_id, "deleted_at") is None
        assert value(station, Case, case_id, "facts") == "现场核实：欠薪属实"


def test_the_same_case_number_made_on_two_offline_laptops_syncs_and_the_collision_is_shown(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    first = register(front, intake_form(1, employer_serial=1))
    second = register(court, intake_form(1, employer_serial=2))
    assert value(front, Case, first, "number") == value(court, Case, second, "number")
    sync.sync_now(front)
    sync.sync_now(court)
    sync.sync_now(front)
    duplicates = {item.field: item for item in sync.open_conflicts(court) if item.kind == "duplicate"}
    # The same worker came to both desks: the same ID number on two person rows is shown as well.
    assert set(duplicates) == {"number", "id_number"}
    # Both cases are kept on both laptops; nothing was refused or lost.
    for station in (front, court):
        with station.database.transaction() as session:
            assert {first, second} <= set(session.scalars(select(Case.id)))
    sync.resolve_conflict(court, duplicates["number"].id, sync.Choice.EDIT, "菏谐调字〔2026〕第0101号")
    sync.sync_now(court)
    sync.sync_now(front)
    assert value(front, Case, duplicates["number"].row_id, "number") == "菏谐调字〔2026〕第0101号"
    assert [item.field for item in sync.open_conflicts(court)] == ["id_number"]


def test_once_synced_each_laptop_numbers_after_every_case_of_its_station_and_not_after_another_stations(
    laptops: Laptops, server: Server
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    township = laptops("乡镇驿站前台", station="乡镇驿站")
    for serial in range(1, 4):
        register(front, intake_form(1, employer_serial=serial))
    sync.sync_now(front)
    sync.sync_now(court)  # the court laptop was set up on its own (a station row of its own), then enrolled here
    for serial in range(10, 15):  # a busier station, one of whose cases the city assigns to this one
        escalated = register(township, intake_form(1, employer_serial=serial))
    sync.sync_now(township)
    with server.database.transaction() as session:
        assign_case(session, escalated, server_station(server, "城区驿站"))
    sync.sync_now(court)
    assert value(court, Case, escalated, "number").endswith("第0005号")
    made = register(court, intake_form(1, employer_serial=20))
    assert value(court, Case, made, "number").endswith("第0004号"), "after the front desk's three, not 0001 or 0006"
    sync.sync_now(court)
    sync.sync_now(front)
    assert value(front, Case, register(front, intake_form(1, employer_serial=21)), "number").endswith("第0005号")
    assert not [item for item in sync.open_conflicts(front) if item.kind == "duplicate"]


def test_a_laptop_synced_by_an_earlier_version_learns_its_stations_rows_and_one_moved_forgets_them(
    laptops: Laptops, server: Server
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    for serial in range(1, 4):
        register(front, intake_form(1, employer_serial=serial))
    sync.sync_now(front)
    sync.sync_now(court)
    with court.database.transaction() as session:  # as a version that kept no station rows left it
        for key in (station_rows.CITY_STATION_SETTING, station_rows.STATION_ROWS_SETTING):
            settings.put(session, key, None)
    sync.sync_now(court)
    assert value(court, Case, register(court, intake_form(1, employer_serial=4)), "number").endswith("第0004号")
    sync.sync_now(court)

    # A spare laptop moved to another station (revoked, enrolled there): the first station's cases no longer number
    # its cases, which are the other station's from 0001.
    spare = laptops("备用电脑")
    sync.sync_now(spare)
    with server.database.transaction() as session:
        auth.revoke_device(session, device_id(spare))
    join_city(spare, server.url, server.enrol_code(server.create_station("乡镇驿站")), "备用电脑")
    sync.sync_now(spare)
    assert value(spare, Case, register(spare, intake_form(1, employer_serial=5)), "number").endswith("第0001号")


def test_a_typed_value_that_does_not_fit_the_field_is_refused_and_the_conflict_stays_open(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    edit(front, Case, case_id, received_on=date(2026, 11, 18))
    edit(court, Case, case_id, received_on=date(2026, 11, 19))
    sync.sync_now(front)
    sync.sync_now(court)
    [conflict] = sync.open_conflicts(court)
    with pytest.raises(InvalidInput) as refused:
        sync.resolve_conflict(court, conflict.id, sync.Choice.EDIT, "十一月十九日")
    assert refused.value.message.render() == "This value cannot be used for this field."
    assert [item.id for item in sync.open_conflicts(court)] == [conflict.id]
    sync.resolve_conflict(court, conflict.id, sync.Choice.EDIT, "2026-11-17")
    sync.sync_now(court)
    sync.sync_now(front)
    assert value(front, Case, case_id, "received_on") == date(2026, 11, 17)


def test_a_status_the_machine_forbids_is_refused_and_an_allowed_one_is_taken_as_its_step(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    case_actions.perform(front, case_id, CaseAction.ACCEPT)
    case_actions.perform(court, case_id, CaseAction.REFUSE, reason="不属于劳动争议")
    sync.sync_now(front)
    sync.sync_now(court)
    status = next(item for item in sync.open_conflicts(court) if item.field == "status")
    assert (status.server_value, status.client_value) == ("accepted", "refused")

    # Refused is no step from accepted: the person is told, and nothing changes.
    with pytest.raises(IllegalTransition) as refused:
        sync.resolve_conflict(court, status.id, sync.Choice.KEEP_MINE)
    assert "cannot become" in refused.value.message.render()
    assert status.id in [item.id for item in sync.open_conflicts(court)]
    assert value(court, Case, case_id, "status") is CaseStatus.ACCEPTED

    # A status one step on from accepted is taken as that step: dates and timeline as if chosen on the case page.
    sync.resolve_conflict(court, status.id, sync.Choice.EDIT, "in_mediation")
    assert value(court, Case, case_id, "status") is CaseStatus.IN_MEDIATION
    assert value(court, Case, case_id, "mediation_started_on") is not None
    with court.database.transaction() as session:
        kinds = session.scalars(select(TimelineEvent.kind).where(TimelineEvent.case_id == case_id)).all()
    assert CaseAction.START_MEDIATION.value in kinds
    sync.sync_now(court)
    sync.sync_now(front)
    assert value(front, Case, case_id, "status") is CaseStatus.IN_MEDIATION


def test_an_id_number_typed_in_the_conflict_view_is_checked_as_at_intake(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = shared_case(front, court)
    with front.database.transaction() as session:
        person_id = session.scalars(select(CaseClaimant.person_id).where(CaseClaimant.case_id == case_id)).first()
    edit(front, Person, person_id, address="菏泽市牡丹区")
    edit(court, Person, person_id, address="菏泽市定陶区")
    edit(front, Person, person_id, phone="13900000001")
    edit(court, Person, person_id, phone="13900000002")
    sync.sync_now(front)
    sync.sync_now(court)
    phone = next(item for item in sync.open_conflicts(court) if item.field == "phone")
    with pytest.raises(InvalidInput):
        sync.resolve_conflict(court, phone.id, sync.Choice.EDIT, "12345")
    assert phone.id in [item.id for item in sync.open_conflicts(court)]
    sync.resolve_conflict(court, phone.id, sync.Choice.EDIT, "+86 139-0000-0003")
    assert value(court, Person, person_id, "phone") == "13900000003"
