"""Scenario 7 end to end: a day at a remote site with no network, the evening sync, a case reassigned meanwhile."""

from datetime import timedelta

from sqlalchemy import func, select

from heze_station.domain import chinatime
from heze_station.domain.agreements import AgreementState
from heze_station.domain.mediation import AttachmentKind
from heze_station.server.assignment import assign_case
from heze_station.services import agreements, attachments, sync
from heze_station.storage.models import Agreement, AgreementSignature, Case
from tests.factories import intake_form, register
from tests.server.conftest import Server
from tests.services.agreement_steps import agree, mediating, terms

from .conftest import Laptops
from .helpers import cases, edit, value


def test_a_day_offline_at_a_construction_site_reaches_the_city_and_the_reassigned_case_is_settled(
    laptops: Laptops, server: Server
) -> None:
    court, office = laptops("移动仲裁庭"), laptops("驿站办公室")
    other_station = laptops("开发区前台", station="开发区驿站")
    escalated = register(court, intake_form(12, employer_serial=50))  # a collective case known to the city
    sync.sync_now(court)

    # At the site, no network: six cases, two agreements signed on the tablet, scans attached.
    today = chinatime.today()
    opened = [mediating(court, intake_form(2, employer_serial=60 + n), on=None) for n in range(6)]
    for case_id in opened[:2]:
        form = terms(court, case_id, today, [(today + timedelta(days=10), "7600")], amount_each="3800")
        agree(court, case_id, form, chinatime.now())
    scans = {
        case_id: attachments.attach(court, case_id, AttachmentKind.SCAN, f"现场照片{n}.jpg", bytes([n]) * 40_000)
        for n, case_id in enumerate(opened[2:5])
    }
    edit(court, Case, escalated, facts="现场核实：12 名工人，欠薪 45.6 万元")

    # Meanwhile the city escalates the collective case to the development-zone station, which works on it.
    with server.database.transaction() as session:
        assign_case(session, escalated, server_station(server, "开发区驿站"))
    sync.sync_now(other_station)
    assert escalated in cases(other_station)
    edit(other_station, Case, escalated, facts="开发区驿站接手：总包单位同意先行垫付")
    sync.sync_now(other_station)

    # Evening: the laptop syncs; the one real conflict is shown in plain terms and settled by the mediator.
    report = sync.sync_now(court)
    assert report.rejected == 0
    assert report.conflicts == 1
    [conflict] = sync.open_conflicts(court)
    assert (conflict.case_id, conflict.field) == (escalated, "facts")
    assert conflict.server_value == "开发区驿站接手：总包单位同意先行垫付"
    settled = "现场核实：12 名工人，欠薪 45.6 万元；开发区驿站接手，总包单位同意先行垫付"
    sync.resolve_conflict(court, conflict.id, sync.Choice.EDIT, settled)
    sync.sync_now(court)

    # Nothing is lost: the office laptop and the other station see everything as the mediator left it.
    sync.sync_now(office)
    sync.sync_now(other_station)
    assert value(other_station, Case, escalated, "facts") == settled
    assert set(opened) | {escalated} <= set(cases(office))
    with office.database.transaction() as session:
        in_effect = session.scalars(select(Agreement).where(Agreement.state == AgreementState.IN_EFFECT)).all()
        assert {agreement.case_id for agreement in in_effect} == set(opened[:2])
        signatures = session.scalar(select(func.count()).select_from(AgreementSignature))
    assert signatures >= 2 * 3
    assert agreements.case_agreements(office, opened[0]).in_effect is not None  # the page the office opens
    for scan in scans.values():
        assert attachments.read(office, scan.id) == attachments.read(court, scan.id)
    for station in (court, office, other_station):
        assert sync.sync_status(station).open_conflicts == 0
        assert sync.sync_status(station).pending_changes == 0


def server_station(server: Server, name: str):
    from heze_station.server.models import Station

    with server.database.transaction() as session:
        return session.scalars(select(Station.id).where(Station.name == name)).one()
