"""A case the city assigned to another station (提级办理): what either station adds to it reaches the other whole,
and neither station's sync stops over it."""

from datetime import timedelta

from heze_station.domain import chinatime, periods
from heze_station.domain.agreements import PaymentMethod
from heze_station.server import city_figures
from heze_station.server.assignment import assign_case
from heze_station.server.synced import Scope
from heze_station.services import agreements, payments, sync
from heze_station.services import statistics as station_statistics
from tests.factories import intake_form
from tests.server.conftest import Server
from tests.services.agreement_steps import agree, mediating, terms

from .conftest import Laptops
from .test_city_figures import figure_values
from .test_scenario import server_station


def test_the_owner_follows_the_agreement_and_payments_the_assignee_makes(laptops: Laptops, server: Server) -> None:
    township = laptops("乡镇驿站前台", station="乡镇驿站")
    county = laptops("县级驿站前台", station="县级驿站")
    case_id = mediating(township, intake_form(2, employer_serial=70), on=None)
    sync.sync_now(township)
    with server.database.transaction() as session:
        assign_case(session, case_id, server_station(server, "县级驿站"))
    sync.sync_now(county)

    today = chinatime.today()
    instalments = [(today + timedelta(days=10), "3000"), (today + timedelta(days=40), "4600")]
    form = terms(county, case_id, today, instalments, amount_each="3800")
    agree(county, case_id, form, chinatime.now())
    payments.record_payment(county, case_id, today, "3000", PaymentMethod.BANK_TRANSFER, "转账")
    sync.sync_now(county)

    report = sync.sync_now(township)  # it stopped here, on an agreement pulled without its instalments
    assert report.rejected == 0
    followed = agreements.case_agreements(township, case_id).in_effect
    assert followed is not None
    assert followed == agreements.case_agreements(county, case_id).in_effect

    # At the city the case counts once, for the station that owns it, with the agreement and the money paid.
    month = periods.containing(periods.PeriodKind.MONTH, today)
    owner, assignee = (Scope(station_id=server_station(server, name)) for name in ("乡镇驿站", "县级驿站"))
    with server.database.transaction() as session:
        assert case_id not in city_figures.case_facts(session, month, assignee)
        _, owned = city_figures.case_facts(session, month, owner)[case_id]
    assert (owned.agreed_fen, sum(fen for _, fen in owned.payments)) == (7600_00, 3000_00)

    # Each station's own return agrees with the city's figures of it: the owner's counts the case, the assignee's not.
    for context, scope in ((township, owner), (county, assignee)):
        own = station_statistics.report(context, month)
        with server.database.transaction() as session:
            assert figure_values(city_figures.report(session, month, scope)) == figure_values(own)
    assert figure_values(station_statistics.report(county, month))["received"] == (0, None)
