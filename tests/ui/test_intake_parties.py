"""The 登记 page's party details (issue 14 item 3): 民族, 住址, 工种/岗位 and the address for documents in the
workers table, and the worker's authorised agent in a section of its own."""

import pytest
from pytestqt.qtbot import QtBot

from heze_station.domain.parties import SPECIAL_AUTHORITY
from heze_station.services.case_queries import CaseFilter, case_detail, count_cases
from heze_station.storage.models import CaseClaimant, Person
from heze_station.ui.views.intake import ADDRESS, ETHNICITY, POST, SERVICE_ADDRESS, IntakeView
from heze_station.ui.workspace import Workspace
from tests.factories import resident_id
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_intake import (
    fill_cell,
    fill_complaint,
    fill_employer,
    fill_worker,
    register,
    show_intake,
    shown_error,
    submit,
)


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> IntakeView:
    return show_intake(qtbot, workspace)


def fill_agent(qtbot: QtBot, view: IntakeView, id_number: str) -> None:
    view.agent_group.setChecked(True)
    type_chinese(view.agent_name, "王律师")
    qtbot.keyClicks(view.agent_id_number, id_number)


def test_the_workers_details_and_the_agent_are_registered(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    assert not view.agent_group.isChecked()  # folded away: most workers come in person
    assert view.agent_authority.text() == SPECIAL_AUTHORITY
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007")
    fill_cell(qtbot, view.workers, 0, ETHNICITY, "回族")
    fill_cell(qtbot, view.workers, 0, ADDRESS, "曹县青菏街道12号")
    fill_cell(qtbot, view.workers, 0, POST, "钢筋工")
    fill_cell(qtbot, view.workers, 0, SERVICE_ADDRESS, "牡丹区长城路8号工棚")
    fill_employer(qtbot, view)
    fill_agent(qtbot, view, resident_id(77))

    case_id = register(qtbot, view)

    person_id = case_detail(workspace.context, case_id).claimants[0].person_id
    with workspace.context.database.transaction() as session:
        person = session.get_one(Person, person_id)
        claimant = session.query(CaseClaimant).filter_by(case_id=case_id).one()
        agent = session.get_one(Person, claimant.agent_id)
        assert (person.ethnicity, person.address) == ("回族", "曹县青菏街道12号")
        assert (claimant.post, claimant.service_address) == ("钢筋工", "牡丹区长城路8号工棚")
        assert (agent.name, agent.id_number, claimant.agent_authority) == ("王律师", resident_id(77), SPECIAL_AUTHORITY)
    # Cleared for the next complaint, the agent's section folded again with the usual wording.
    assert not view.agent_group.isChecked()
    assert view.agent_name.text() == ""
    assert view.agent_authority.text() == SPECIAL_AUTHORITY


def test_a_wrong_agent_id_number_is_shown_beside_it_and_nothing_is_saved(
    qtbot: QtBot, view: IntakeView, workspace: Workspace
) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007")
    fill_employer(qtbot, view)
    number = resident_id(77)
    fill_agent(qtbot, view, number[:-1] + ("1" if number[-1] != "1" else "2"))

    submit(qtbot, view)

    wait_idle(qtbot, workspace)
    assert "check" in shown_error(view, "agent.id_number").lower()
    assert count_cases(workspace.context, CaseFilter()) == 0


def test_an_overlong_post_is_marked_in_its_cell(qtbot: QtBot, view: IntakeView, workspace: Workspace) -> None:
    fill_complaint(qtbot, view)
    fill_worker(qtbot, view, 0, name="张三", id_number=resident_id(7), phone="13900000007")
    fill_cell(qtbot, view.workers, 0, POST, "工" * 51)
    fill_employer(qtbot, view)

    submit(qtbot, view)

    wait_idle(qtbot, workspace)
    assert view.workers.item(0, POST).toolTip()
    assert "Post" in view.workers_table.messages.text()
    assert count_cases(workspace.context, CaseFilter()) == 0
