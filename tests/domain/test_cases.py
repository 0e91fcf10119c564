"""The case status machine, checked pair by pair against a table written out by hand from rules.md.

The expected table is typed here independently of ``TRANSITIONS`` so that a wrong edit to the machine fails.
"""

import itertools

import pytest

from heze_station.domain.cases import (
    END_STATES,
    CaseAction,
    CaseStatus,
    Category,
    allowed_actions,
    event_label,
    format_case_number,
    next_status,
    parse_claim,
)
from heze_station.domain.errors import DomainError, IllegalTransition, InvalidInput

S, A = CaseStatus, CaseAction

_END = (
    S.REFUSED,
    S.AGREEMENT,
    S.MEDIATION_FAILED,
    S.WITHDRAWN,
    S.REFERRED_ARBITRATION,
    S.REFERRED_INSPECTION,
    S.REFERRED_COURT,
)

# registered -> accepted | refused; accepted -> in mediation; accepted or in mediation -> withdrawn / referred;
# in mediation -> agreement | failure; a failed mediation or an agreement (when not performed) -> arbitration or
# inspection; an agreement -> court for a payment order; every end state -> closed; closed is final. A voided case
# (services.case_corrections, not an action of the machine) takes no step at all.
EXPECTED: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (S.REGISTERED, A.ACCEPT): S.ACCEPTED,
    (S.REGISTERED, A.REFUSE): S.REFUSED,
    (S.ACCEPTED, A.START_MEDIATION): S.IN_MEDIATION,
    (S.ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, A.REFER_ARBITRATION): S.REFERRED_ARBITRATION,
    (S.ACCEPTED, A.REFER_INSPECTION): S.REFERRED_INSPECTION,
    (S.IN_MEDIATION, A.RECORD_AGREEMENT): S.AGREEMENT,
    (S.IN_MEDIATION, A.RECORD_FAILURE): S.MEDIATION_FAILED,
    (S.IN_MEDIATION, A.WITHDRAW): S.WITHDRAWN,
    (S.IN_MEDIATION, A.REFER_ARBITRATION): S.REFERRED_ARBITRATION,
    (S.IN_MEDIATION, A.REFER_INSPECTION): S.REFERRED_INSPECTION,
    (S.MEDIATION_FAILED, A.REFER_ARBITRATION): S.REFERRED_ARBITRATION,
    (S.MEDIATION_FAILED, A.REFER_INSPECTION): S.REFERRED_INSPECTION,
    (S.AGREEMENT, A.REFER_ARBITRATION): S.REFERRED_ARBITRATION,
    (S.AGREEMENT, A.REFER_INSPECTION): S.REFERRED_INSPECTION,
    (S.AGREEMENT, A.REFER_COURT): S.REFERRED_COURT,
    **{(end, A.CLOSE): S.CLOSED for end in _END},
}

ALL_PAIRS = list(itertools.product(CaseStatus, CaseAction))
ALLOWED = [pair for pair in ALL_PAIRS if pair in EXPECTED]
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in EXPECTED]


def test_the_table_covers_every_status_and_action() -> None:
    assert len(ALL_PAIRS) == len(CaseStatus) * len(CaseAction) == 120
    assert len(ALLOWED) == 23
    assert len(ILLEGAL) == 97


@pytest.mark.parametrize(("status", "action"), ALLOWED, ids=[f"{s.value}-{a.value}" for s, a in ALLOWED])
def test_allowed_step_leads_to_the_right_status(status: CaseStatus, action: CaseAction) -> None:
    assert next_status(status, action) is EXPECTED[(status, action)]


@pytest.mark.parametrize(("status", "action"), ILLEGAL, ids=[f"{s.value}-{a.value}" for s, a in ILLEGAL])
def test_illegal_step_is_refused_naming_status_and_action(status: CaseStatus, action: CaseAction) -> None:
    with pytest.raises(IllegalTransition) as raised:
        next_status(status, action)
    shown = str(raised.value)
    assert f'"{status.label}"' in shown
    assert f'"{action.label}"' in shown
    # Rendered for the GUI, both labels go through the translator, not the raw enum values.
    chinese = {status.label: "【状态】", action.label: "【操作】"}
    rendered = raised.value.message.render(lambda text: chinese.get(text, text))
    assert "【状态】" in rendered
    assert "【操作】" in rendered
    assert f'"{status.label}"' not in rendered


def test_illegal_transition_is_a_domain_error_a_person_can_read() -> None:
    with pytest.raises(DomainError, match='"Closed" cannot be given the action "Accept"'):
        next_status(S.CLOSED, A.ACCEPT)


@pytest.mark.parametrize("status", list(CaseStatus), ids=lambda s: s.value)
def test_allowed_actions_lists_exactly_the_legal_steps_in_order(status: CaseStatus) -> None:
    expected = [action for action in CaseAction if (status, action) in EXPECTED]
    assert allowed_actions(status) == expected


def test_allowed_actions_for_the_main_statuses() -> None:
    assert allowed_actions(S.REGISTERED) == [A.ACCEPT, A.REFUSE]
    assert allowed_actions(S.ACCEPTED) == [A.START_MEDIATION, A.WITHDRAW, A.REFER_ARBITRATION, A.REFER_INSPECTION]
    assert allowed_actions(S.IN_MEDIATION) == [
        A.RECORD_AGREEMENT,
        A.RECORD_FAILURE,
        A.WITHDRAW,
        A.REFER_ARBITRATION,
        A.REFER_INSPECTION,
    ]
    assert allowed_actions(S.CLOSED) == []
    assert allowed_actions(S.MEDIATION_FAILED) == [A.REFER_ARBITRATION, A.REFER_INSPECTION, A.CLOSE]
    assert allowed_actions(S.AGREEMENT) == [A.REFER_ARBITRATION, A.REFER_INSPECTION, A.REFER_COURT, A.CLOSE]
    for end in set(_END) - {S.MEDIATION_FAILED, S.AGREEMENT}:
        assert allowed_actions(end) == [A.CLOSE]


def test_open_and_end_states() -> None:
    assert {status for status in CaseStatus if status.is_open} == {S.REGISTERED, S.ACCEPTED, S.IN_MEDIATION}
    assert set(END_STATES) == set(_END)
    assert {status for status in CaseStatus if status.is_end_state} == set(_END)
    assert not S.CLOSED.is_open
    assert not S.CLOSED.is_end_state


def test_actions_that_must_be_explained_in_writing() -> None:
    # R2 (refusal) and R10 (failure), plus withdrawal and referrals.
    assert {action for action in CaseAction if action.needs_reason} == {
        A.REFUSE,
        A.RECORD_FAILURE,
        A.WITHDRAW,
        A.REFER_ARBITRATION,
        A.REFER_INSPECTION,
        A.REFER_COURT,
    }


def test_every_status_and_action_has_a_label() -> None:
    for item in [*CaseStatus, *CaseAction]:
        assert item.label
        assert item.label != item.value


def test_timeline_labels_read_back_and_unknown_kinds_show_as_stored() -> None:
    assert event_label("registered") == "Complaint registered"
    assert event_label(A.CLOSE) == "Case closed"
    assert event_label("close") == "Case closed"
    assert event_label("payment_recorded_by_newer_version") == "payment_recorded_by_newer_version"


@pytest.mark.parametrize(
    ("year", "sequence", "expected"),
    [
        (2026, 1, "菏谐调字〔2026〕第0001号"),
        (2026, 123, "菏谐调字〔2026〕第0123号"),
        (2027, 9999, "菏谐调字〔2027〕第9999号"),
        (2026, 12345, "菏谐调字〔2026〕第12345号"),  # never cut to four digits
    ],
)
def test_case_number_format(year: int, sequence: int, expected: str) -> None:
    assert format_case_number("菏谐调字", year, sequence) == expected


def test_case_number_uses_the_stations_own_word() -> None:
    assert format_case_number("郓城调字", 2026, 7) == "郓城调字〔2026〕第0007号"


@pytest.mark.parametrize("category", list(Category))
def test_one_claim_rule_zero_only_where_no_sum_is_claimed(category: Category) -> None:
    assert parse_claim("3,800.50", category) == 380050
    if category in (Category.WAGES, Category.OVERTIME_PAY):
        with pytest.raises(InvalidInput, match="must be more than zero") as raised:
            parse_claim("0", category, field="workers.2.claimed")
        assert raised.value.field == "workers.2.claimed"
    else:
        assert parse_claim("0", category) == 0
    with pytest.raises(InvalidInput, match="Enter the amount"):
        parse_claim("", category)


def test_zero_claim_waits_for_the_category() -> None:
    assert parse_claim("0", None) == 0
