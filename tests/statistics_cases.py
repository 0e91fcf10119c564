"""A month at a station, for the statistics tests of the services and of the 统计 page."""

import uuid
from datetime import date

from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions, payments
from heze_station.services.station import StationContext
from tests.factories import at, intake_form, register
from tests.services.agreement_steps import agree, mediating, terms


def a_month_of_cases(station: StationContext) -> dict[str, uuid.UUID]:
    """A month at a station: one walk-in agreed and paid, a collective withdrawn, a refusal, one carried over."""
    walk_in = mediating(station, intake_form(1, received_on=date(2026, 11, 2)), date(2026, 11, 2))
    agree(
        station,
        walk_in,
        terms(station, walk_in, date(2026, 11, 3), [(date(2026, 11, 10), "3800")], amount_each="3800"),
        at(date(2026, 11, 3)),
    )
    payments.record_payment(station, walk_in, date(2026, 11, 9), "3800", PaymentMethod.BANK_TRANSFER)
    collective = mediating(
        station, intake_form(12, employer_serial=2, received_on=date(2026, 11, 5)), date(2026, 11, 5)
    )
    case_actions.perform(
        station, collective, CaseAction.WITHDRAW, "工资已结清，申请人撤回。", now=at(date(2026, 11, 8))
    )
    refused = register(station, intake_form(1, employer_serial=3, received_on=date(2026, 11, 6)), date(2026, 11, 6))
    case_actions.perform(station, refused, CaseAction.REFUSE, "不属于劳动争议。", now=at(date(2026, 11, 6)))
    carried = mediating(station, intake_form(1, employer_serial=4, received_on=date(2026, 10, 28)), date(2026, 10, 28))
    return {"walk_in": walk_in, "collective": collective, "refused": refused, "carried": carried}
