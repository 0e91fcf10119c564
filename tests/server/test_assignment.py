"""A case the city assigns to another station (escalation): both stations see and work on the whole case, and
nothing else of the owner's becomes visible."""

import hashlib
import uuid

import pytest
from sqlalchemy import delete

from heze_station.domain.ids import new_id
from heze_station.server.assignment import assign_case, make_assigned_cases_whole
from heze_station.server.errors import ApiError
from heze_station.server.models import RowGrant

from .conftest import Server, run_server_command


def township_case(server: Server):
    township, county, other = (server.create_station(name) for name in ("乡镇驿站", "县级驿站", "开发区驿站"))
    owner, assignee, outsider = server.device(township), server.device(county), server.device(other)
    case_id, person, claimant, unrelated = new_id(), new_id(), new_id(), new_id()
    owner.push_ok(
        owner.transaction(
            owner.op("case_file", case_id, {"number": "T-1", "status": "in_mediation"}),
            owner.op("person", person, {"name": "张三", "id_number": "371702199001011234"}),
            owner.op("case_claimant", claimant, {"case_id": str(case_id), "person_id": str(person), "position": 0}),
            owner.op("case_file", unrelated, {"number": "T-2", "status": "registered"}),
        )
    )
    return county, (owner, assignee, outsider), (case_id, person, claimant, unrelated)


def test_an_assigned_case_reaches_the_assignee_whole_and_both_work_on_it(server: Server) -> None:
    county, (owner, assignee, outsider), (case_id, person, claimant, unrelated) = township_case(server)
    _, cursor = assignee.pull_all()  # the assignee is up to date before the assignment

    with server.database.transaction() as session:
        assert assign_case(session, case_id, county) == 3

    received = {change["row_id"] for change in assignee.pull_all(cursor)[0]}
    assert received == {str(case_id), str(person), str(claimant)}
    assert str(unrelated) not in assignee.latest()

    answer = assignee.push_ok(
        assignee.transaction(
            assignee.op("case_file", case_id, {"status": "agreement"}, base_version=1),
            assignee.op("timeline_event", new_id(), {"case_id": str(case_id), "kind": "agreement"}),
        )
    )
    assert answer["results"][0]["status"] == "applied"
    seen_by_owner = owner.latest()
    assert seen_by_owner[str(case_id)]["fields"]["status"] == "agreement"
    assert "agreement" in {change["fields"].get("kind") for change in seen_by_owner.values()}
    assert outsider.latest() == {}

    refused = assignee.push_ok(assignee.transaction(assignee.op("case_file", unrelated, {"status": "x"}, 1)))
    assert refused["results"][0]["error"]["code"] == "foreign_row"


def test_the_rows_under_an_assigned_cases_agreements_and_sessions_reach_both_stations(server: Server) -> None:
    """Instalments, payments and minutes name the agreement or session, not the case; the people they name may be
    new. Neither station may miss them: without its instalments an agreement's performance cannot be followed."""
    county, (owner, assignee, outsider), (case_id, *_) = township_case(server)
    agreement, instalment, meeting, minute = new_id(), new_id(), new_id(), new_id()
    owner.push_ok(
        owner.transaction(
            owner.op("agreement", agreement, {"case_id": str(case_id)}),
            owner.op("agreement_instalment", instalment, {"agreement_id": str(agreement)}),
            owner.op("mediation_session", meeting, {"case_id": str(case_id)}),
            owner.op("minute_entry", minute, {"session_id": str(meeting)}),
        )
    )
    with server.database.transaction() as session:
        assign_case(session, case_id, county)
    assert {str(agreement), str(instalment), str(meeting), str(minute)} <= assignee.latest().keys()

    # The assignee's own worker, registered before: named by a new claimant and a payment of the case.
    worker = new_id()
    assignee.push_ok(assignee.transaction(assignee.op("person", worker, {"name": "李四"})))
    _, cursor = owner.pull_all()
    second, second_instalment, payment, claimant = new_id(), new_id(), new_id(), new_id()
    assignee.push_ok(
        assignee.transaction(
            assignee.op("case_claimant", claimant, {"case_id": str(case_id), "person_id": str(worker)}),
            assignee.op("agreement", second, {"case_id": str(case_id), "supersedes_id": str(agreement)}),
            assignee.op("agreement_instalment", second_instalment, {"agreement_id": str(second)}),
            assignee.op("payment", payment, {"agreement_id": str(agreement), "person_id": str(worker)}),
        )
    )
    received = {change["row_id"] for change in owner.pull_all(cursor)[0]}
    # And the employer the new agreement names as its payer; nothing else of the assignee's (its staff who recorded).
    payer = assignee.parents["employer"]
    assert received == {str(row) for row in (worker, claimant, second, second_instalment, payment, payer)}
    assert outsider.latest() == {}


def test_naming_another_stations_case_shares_nothing(server: Server) -> None:
    _, (owner, _assignee, outsider), (case_id, *_) = township_case(server)
    planted = new_id()
    outsider.push_ok(outsider.transaction(outsider.op("timeline_event", planted, {"case_id": str(case_id)})))
    assert str(planted) not in owner.latest()


def test_assignment_is_refused_for_unknown_cases_and_the_owner_itself(server: Server) -> None:
    county, (owner, *_), (case_id, person, *_) = township_case(server)
    with server.database.transaction() as session:
        with pytest.raises(ApiError, match="No live case"):
            assign_case(session, person, county)
        with pytest.raises(ApiError, match="already belongs"):
            assign_case(session, case_id, uuid.UUID(owner.station_id))


def test_an_administrator_assigns_a_case_from_the_command_line(server: Server) -> None:
    _, (_, assignee, _), (case_id, *_) = township_case(server)
    code, out, err = run_server_command(server.settings, "assign-case", str(case_id), "县级驿站")
    assert code == 0, err
    assert "县级驿站" in out
    assert str(case_id) in assignee.latest()


def test_the_assignee_downloads_the_scans_of_an_assigned_case(server: Server) -> None:
    county, (owner, assignee, outsider), (case_id, *_) = township_case(server)
    scan = b"scan of the wage list" * 100
    sha256 = hashlib.sha256(scan).hexdigest()
    owner.push_ok(
        owner.transaction(owner.op("issued_document", new_id(), {"case_id": str(case_id), "pdf_sha256": sha256}))
    )
    owner.http.post("/v1/attachments", json={"sha256": sha256, "size": len(scan), "media_type": "image/jpeg"})
    owner.http.put(f"/v1/attachments/{sha256}/content", params={"offset": 0}, content=scan)
    assert assignee.http.get(f"/v1/attachments/{sha256}/content").status_code == 404

    with server.database.transaction() as session:
        assign_case(session, case_id, county)

    assert assignee.http.get(f"/v1/attachments/{sha256}/content").content == scan
    assert outsider.http.get(f"/v1/attachments/{sha256}/content").status_code == 404


def test_a_case_assigned_by_an_earlier_server_is_made_whole_at_the_upgrade(server: Server) -> None:
    """Before stop 46 the rows under an agreement never reached the other station; the migration grants them,
    placed again in the feed so that a station whose cursor is past them receives them."""
    county, (owner, assignee, _), (case_id, *_) = township_case(server)
    agreement, instalment = new_id(), new_id()
    owner.push_ok(
        owner.transaction(
            owner.op("agreement", agreement, {"case_id": str(case_id)}),
            owner.op("agreement_instalment", instalment, {"agreement_id": str(agreement)}),
        )
    )
    with server.database.transaction() as session:
        assign_case(session, case_id, county)
        session.execute(delete(RowGrant).where(RowGrant.row_id == instalment))  # as an earlier server left it
    _, cursor = assignee.pull_all()
    with server.database.transaction() as session:
        assert make_assigned_cases_whole(session) == 1
        assert make_assigned_cases_whole(session) == 0  # nothing more the second time
    assert {change["row_id"] for change in assignee.pull_all(cursor)[0]} == {str(instalment)}


def test_a_changed_row_shares_the_person_it_names_now_and_a_project_its_general_contractor(server: Server) -> None:
    """The assignee names an agent for a claimant the owner registered, and a project run by a general contractor
    for the case: the owner receives the agent, the project and the contractor (an agreement may make it pay)."""
    county, (owner, assignee, _), (case_id, person, claimant, _) = township_case(server)
    with server.database.transaction() as session:
        assign_case(session, case_id, county)
    agent, contractor, project = new_id(), new_id(), new_id()
    assignee.push_ok(
        assignee.transaction(
            assignee.op("person", agent, {"name": "王律师"}),
            assignee.op("employer", contractor, {"name": "山东鲁建集团有限公司"}),
            assignee.op("project", project, {"name": "万福嘉园三期", "general_contractor_id": str(contractor)}),
        )
    )
    _, cursor = owner.pull_all()
    latest = assignee.latest()
    assignee.push_ok(
        assignee.transaction(
            assignee.op(
                "case_claimant", claimant, {"agent_id": str(agent)}, base_version=latest[str(claimant)]["version"]
            ),
            assignee.op(
                "case_file", case_id, {"project_id": str(project)}, base_version=latest[str(case_id)]["version"]
            ),
        )
    )
    received = {change["row_id"] for change in owner.pull_all(cursor)[0]}
    assert {str(agent), str(project), str(contractor), str(claimant), str(case_id)} <= received
    assert str(person) not in received  # the owner's own, not sent again


def test_a_number_the_assignee_gives_the_case_clashes_among_the_owners_cases(server: Server) -> None:
    """F6 for a shared case: its number is the owner's, so it is checked among the owner's numbers (on either
    database: PostgreSQL reads them with a query of its own) and the clash reaches the owner."""
    county, (owner, assignee, _), (case_id, _, _, unrelated) = township_case(server)
    with server.database.transaction() as session:
        assign_case(session, case_id, county)
    answer = assignee.push_ok(assignee.transaction(assignee.op("case_file", case_id, {"number": "T-2"}, 1)))
    [conflict_id] = answer["results"][0]["ops"][0]["conflict_ids"]
    clash = owner.latest()[conflict_id]["fields"]
    assert (clash["kind"], clash["row_id"], clash["server_value"]) == ("duplicate", str(case_id), str(unrelated))
    assert conflict_id not in assignee.latest()
